"""Context: settle close calls between readings with the neighbouring words.

Three kinds of evidence, all data: word bigrams attested in the lexicon
(``lexicons/bigrams.tsv.gz``); clitics that follow the vowel harmony of the previous
word (``lexicons/clitics.tsv``: "mən də", "onlar da"); and, for a word opening a sentence,
how often the lexicon's running text writes each reading capitalized.  Every sentence
opens with a capital, so a word the text seldom capitalizes seldom opens one: "mane"
(hindrance, as in "mane olmaq") is capitalized in 4 % of its attestations, the pronoun
"mənə" in 19 %, and a sentence-initial "Mane" is Mənə.  Context only reorders readings
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
from dataclasses import replace
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
#: Lowest capital share trusted for a listed word (the lexicon stores whole percents).
CAPITAL_SHARE_FLOOR = 0.01
#: Capital share at or above which a word opens sentences freely.  A name's share (near 1)
#: says it is capitalized everywhere, not that it opens more sentences than a common word
#: does, so shares above this earn nothing.
OPENING_SHARE = 0.1


class WordStats(Protocol):
    """What context reads from the lexicon: attested bigrams, capital shares, listed forms."""

    def bigram(self, w1: str, w2: str) -> int: ...

    def cap_share(self, form: str) -> float: ...

    def __contains__(self, form: object) -> bool: ...


@lru_cache(maxsize=1)
def _clitic_templates() -> tuple[str, ...]:
    return tuple(row[0].strip() for row in data_rows("clitics.tsv"))


@lru_cache(maxsize=1)
def _clitic_forms() -> frozenset[str]:
    return frozenset(harmonize(t, v) for t in _clitic_templates() for v in "aıoueəiöü")


class ContextModel:
    """Reorders a decision's close alternatives using its neighbours."""

    def __init__(self, words: WordStats | None) -> None:
        self.words = words

    def _clitic_cost(self, form: str, prev: str) -> float:
        if form not in _clitic_forms() or not prev:
            return 0.0
        v = last_vowel(prev)
        if v is None:
            return 0.0
        expected = {harmonize(t, v) for t in _clitic_templates()}
        return 0.0 if form in expected else CLITIC_PENALTY

    def opening_sentence(self, decision: Decision) -> Decision:
        """``decision`` for a capitalized word that opens a sentence: each listed reading
        the lexicon's running text seldom capitalizes (capital share below
        :data:`OPENING_SHARE`) pays -ln of its share relative to that of the listed reading
        most often capitalized; unlisted readings (names kept, spellings) are unchanged.

        >>> from az_ocrfix.decode import Alternative
        >>> from az_ocrfix.lexicon import Lexicon
        >>> d = Decision("mane", None, 0.6, "channel", (Alternative("mane", 8.6, 0.0, 0, ()),
        ...                                          Alternative("mənə", 9.0, 1.8, 0, ())))
        >>> ContextModel(Lexicon.default()).opening_sentence(d).alternatives[0].form
        'mənə'
        """
        lex = self.words
        alts = decision.alternatives
        if lex is None or len(alts) < 2:
            return decision
        costs = {
            a.form: -math.log(max(min(lex.cap_share(a.form), OPENING_SHARE), CAPITAL_SHARE_FLOOR))
            for a in alts
            if a.form in lex
        }
        if len(costs) < 2:
            return decision
        least = min(costs.values())
        recosted = [
            a._replace(cost=a.cost + costs[a.form] - least) if a.form in costs else a for a in alts
        ]
        return replace(decision, alternatives=tuple(sorted(recosted, key=lambda a: a.cost)))

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
            if self.words is not None:
                if prev and self.words.bigram(prev, alt.form):
                    cost -= BIGRAM_BONUS
                if nxt and self.words.bigram(alt.form, nxt):
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
