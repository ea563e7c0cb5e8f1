"""Context: settle close calls between readings with the neighbouring words.

Two kinds of evidence, both data: word bigrams attested in the lexicon
(``lexicons/bigrams.tsv.gz``), and clitics that follow the vowel harmony of the previous
word (``lexicons/clitics.tsv``: "mən də", "onlar da").  Context only reorders readings
whose costs are within :data:`MARGIN` of each other; it never invents a new one.

>>> from az_ocrfix.decode import Alternative, Decision
>>> d = Decision("da", "da", 0.5, "channel", (Alternative("da", 7.0, 0.1, 0, ()),
...                                             Alternative("də", 7.5, 1.0, 0, ())))
>>> model = ContextModel(None)   # None: keep the observed "da"
>>> model.choose(d, "mən", None)[0], model.choose(d, "onlar", None)[0]
('də', None)
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import Protocol

from az_ocrfix.alphabet import last_vowel
from az_ocrfix.changes import Reason
from az_ocrfix.decode import Decision
from az_ocrfix.morphology import harmonize
from az_ocrfix.resources import data_rows

__all__ = ["MARGIN", "ContextModel"]

#: Readings further apart than this (nats) are not reordered by context.
MARGIN = 4.0
#: Reward for a reading that forms an attested bigram with a neighbour.
BIGRAM_BONUS = 1.5
#: Cost of a clitic that breaks the harmony of the previous word.
CLITIC_PENALTY = 6.0


class Bigrams(Protocol):
    def bigram(self, w1: str, w2: str) -> int: ...


@lru_cache(maxsize=1)
def _clitic_templates() -> tuple[str, ...]:
    return tuple(row[0].strip() for row in data_rows("clitics.tsv"))


@lru_cache(maxsize=1)
def _clitic_forms() -> frozenset[str]:
    return frozenset(harmonize(t, v) for t in _clitic_templates() for v in "aıoueəiöü")


class ContextModel:
    """Reorders a decision's close alternatives using its neighbours."""

    def __init__(self, bigrams: Bigrams | None) -> None:
        self.bigrams = bigrams

    def _clitic_cost(self, form: str, prev: str) -> float:
        if form not in _clitic_forms() or not prev:
            return 0.0
        v = last_vowel(prev)
        if v is None:
            return 0.0
        expected = {harmonize(t, v) for t in _clitic_templates()}
        return 0.0 if form in expected else CLITIC_PENALTY

    def choose(
        self, decision: Decision, prev: str, next_decision: Decision | None
    ) -> tuple[str | None, float, Reason]:
        """The (form or None for keep, confidence, reason) after looking at the neighbours."""
        alts = decision.alternatives
        if len(alts) < 2 or alts[1].cost - alts[0].cost > MARGIN:
            return decision.form, decision.confidence, decision.reason
        nxt = ""
        if next_decision is not None and next_decision.alternatives:
            nxt = next_decision.alternatives[0].form
        scored = []
        for alt in alts:
            if alt.cost - alts[0].cost > MARGIN:
                break
            cost = alt.cost + self._clitic_cost(alt.form, prev)
            if self.bigrams is not None:
                if prev and self.bigrams.bigram(prev, alt.form):
                    cost -= BIGRAM_BONUS
                if nxt and self.bigrams.bigram(alt.form, nxt):
                    cost -= BIGRAM_BONUS
            scored.append((cost, alt))
        scored.sort(key=lambda ca: ca[0])
        best_cost, best = scored[0]
        z = sum(math.exp(best_cost - c) for c, _ in scored)
        conf = 1.0 / z
        form = None if best.stem_len == -1 or best.form == decision.observed else best.form
        if form == decision.form:
            return form, conf, decision.reason
        return form, conf, "context"
