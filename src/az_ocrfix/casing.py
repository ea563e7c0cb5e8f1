"""Case restoration: give a repaired word the case the printed word had.

OCR confuses case as well as letters: an English model reads İ as a lowercase ``i`` and the
lowercase ``ü`` as ``U``.  How often each letter flips case is learned from the same aligned
data as the channel (``lexicons/channel.tsv`` keeps the original case).  The decision for the
first letter combines that flip rate with a prior: sentence starts are nearly always
capitalized, and elsewhere the lexicon knows how often a word is written with a capital
(names: Bakı, Əliyev).

>>> model = CaseModel({"i": 0.0}, {"İ": 0.5})
>>> model.restore("ilham", "ilham", capital_prior(0.95, "inside"))
'İlham'
>>> model.restore("ilk", "ilk", capital_prior(0.2, "sentence"))
'İlk'
>>> model.restore("ilə", "ilo", capital_prior(0.01, "inside"))
'ilə'
>>> CaseModel({"ü": 0.3}, {}).restore("üçün", "Ugiin", capital_prior(0.05, "inside"))
'üçün'
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from az_ocrfix.alphabet import capitalize, upper
from az_ocrfix.alphabet import lower as az_lower
from az_ocrfix.channel import EMPTY
from az_ocrfix.resources import data_file
from az_ocrfix.tokenize import case_pattern

__all__ = ["CaseModel", "Position", "capital_prior"]

#: Prior that a word at a sentence start is capitalized.
SENTENCE_START_CAP = 0.97
#: Prior at the very start of the input, which may be a fragment rather than a sentence.
TEXT_START_CAP = 0.5
#: Floor and ceiling on the prior of a capital (no certainty either way).
MIN_CAP_PRIOR = 0.02
MAX_CAP_PRIOR = 0.99
#: Capitalization share assumed for a word the lexicon knows too little about.
BASE_CAP_SHARE = 0.05
#: Posterior needed to give a word a different initial case than the OCR read.
FLIP_EVIDENCE = 0.8

Position = Literal["sentence", "text", "inside"]


def capital_prior(cap_share: float, position: Position, count: int = 10**6) -> float:
    """Prior that a word was printed with a capital, from where it stands and the lexicon.

    The lexicon's capitalization share is trusted in proportion to how often the word is
    attested (a rare form seen once, capitalized, says little).

    >>> capital_prior(0.1, "sentence"), capital_prior(0.1, "text"), capital_prior(0.1, "inside")
    (0.97, 0.5, 0.1)
    >>> round(capital_prior(1.0, "inside", count=100), 2)
    0.37
    """
    trust = min(1.0, math.log10(max(count, 1)) / 6.0)
    share = trust * cap_share + (1.0 - trust) * BASE_CAP_SHARE
    if position == "sentence":
        share = max(share, SENTENCE_START_CAP)
    elif position == "text":
        share = max(share, TEXT_START_CAP)
    return min(max(share, MIN_CAP_PRIOR), MAX_CAP_PRIOR)


class CaseModel:
    """Per-letter case flip rates: ``up_flip[x]`` = P(read upper | printed lowercase x),
    ``down_flip[X]`` = P(read lower | printed capital X)."""

    def __init__(self, up_flip: Mapping[str, float], down_flip: Mapping[str, float]) -> None:
        self.up_flip = dict(up_flip)
        self.down_flip = dict(down_flip)

    @classmethod
    def shipped(cls, condition: str) -> CaseModel:
        """Flip rates of one OCR condition from ``lexicons/channel.tsv`` (cached)."""
        return _shipped(condition)

    def p_capital(self, form: str, raw: str, prior: float) -> float:
        """Posterior that the printed word began with a capital, given its OCR reading ``raw``."""
        first = form[:1]
        if raw[:1].isupper():
            like_cap = 1.0 - self.down_flip.get(upper(first), 0.0)
            like_low = self.up_flip.get(first, 0.0)
        else:
            like_cap = self.down_flip.get(upper(first), 0.0)
            like_low = 1.0 - self.up_flip.get(first, 0.0)
        num = like_cap * prior
        den = num + like_low * (1.0 - prior)
        return num / den if den > 0 else prior

    def restore(self, form: str, raw: str, prior: float) -> str:
        """Apply the case pattern of ``raw`` (the OCR token) to the lowercase ``form``."""
        pattern = case_pattern(raw)
        letters = [c for c in raw if c.isalpha()]
        if pattern == "upper" or (
            pattern == "mixed" and 2 * sum(c.isupper() for c in letters) >= len(letters)
        ):
            return upper(form)  # KiV (an acronym whose İ the OCR read as i) → KİV
        if pattern == "mixed" and not raw[:1].isupper():
            return form
        # Changing the case the OCR read needs strong evidence (do no harm).
        p_cap = self.p_capital(form, raw, prior)
        cap = p_cap >= FLIP_EVIDENCE if raw[:1].islower() else p_cap > 1.0 - FLIP_EVIDENCE
        return capitalize(form) if cap else form


@lru_cache(maxsize=8)
def _shipped(condition: str) -> CaseModel:
    totals: dict[str, float] = defaultdict(float)
    flips: dict[str, float] = defaultdict(float)
    with data_file("channel.tsv").open("r", encoding="utf-8") as f:
        next(f, None)
        for line in f:
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 4 or parts[0] != condition:
                continue
            true, obs = parts[1].replace(EMPTY, ""), parts[2].replace(EMPTY, "")
            if len(true) != 1 or not true.isalpha() or not obs[:1].isalpha():
                continue
            n = float(parts[3])
            totals[true] += n
            if obs[:1].isupper() != true.isupper():
                flips[true] += n
    up = {t: flips[t] / totals[t] for t in totals if t.islower()}
    down = {t: flips[t] / totals[t] for t in totals if t.isupper()}
    # Lowercase true letters are keyed by their Azerbaijani lowercase form.
    return CaseModel({az_lower(k): v for k, v in up.items()}, down)
