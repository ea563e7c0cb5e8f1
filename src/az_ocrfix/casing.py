"""Case restoration: give a repaired word the case the printed word had.

OCR confuses case as well as letters: an English model reads İ as a lowercase ``i`` and a
word-initial ``ü`` as ``U``.  How often each letter flips case at the start of a word is
learned from the aligned train pages (``lexicons/case_flips.tsv``, made by
``lexicons/build_case.py``).  The decision for the
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
>>> model.restore("o", "0", capital_prior(0.1, "sentence"))
'O'
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from functools import lru_cache
from typing import Literal

from az_ocrfix.alphabet import capitalize, upper
from az_ocrfix.alphabet import lower as az_lower
from az_ocrfix.resources import data_rows
from az_ocrfix.tokenize import case_pattern

__all__ = [
    "CaseModel",
    "Position",
    "capital_prior",
    "is_acronym",
    "lexicon_share",
    "neighbour_features",
    "position",
]

#: Prior that a word at a sentence start is capitalized.
SENTENCE_START_CAP = 0.97
#: Prior at the very start of the input, which may be a fragment rather than a sentence.
TEXT_START_CAP = 0.5
#: Floor and ceiling on the prior of a capital (no certainty either way).
MIN_CAP_PRIOR = 0.02
MAX_CAP_PRIOR = 0.99
#: Pseudo-count of unflipped attestations added to each letter's flip statistics.
SMOOTHING = 5
#: Capitalization share assumed for a word the lexicon knows too little about.
BASE_CAP_SHARE = 0.05
#: Attestations at which the lexicon's capitalization share is trusted half-way.
TRUST_COUNT = 30
#: Floor on a flip probability in letter-by-letter comparisons (no flip is impossible).
MIN_FLIP = 1e-3
#: Posterior needed to give a word a different initial case than the OCR read.
FLIP_EVIDENCE = 0.6
#: Pseudo-count weight of the shipped flip rate when re-estimating it on one document.
ADAPT_STRENGTH = 5.0
#: Only letters that flip at least this often in the shipped rates are re-estimated (ü → U,
#: ö → O, İ → i); for the rest a capital inside a sentence is a name, not a misreading.
MIN_ADAPTED_FLIP = 0.05

#: Names of the features of the neighbour model, in the order of ``neighbour_features``.
NEIGHBOUR_FEATURES = ("logit", "logit_positive", "next_capital", "previous_capital", "both", "bias")

Position = Literal["sentence", "text", "inside"]


def capital_prior(
    cap_share: float,
    position: Position,
    count: int = 10**6,
    neighbours: tuple[bool, bool] = (False, False),
) -> float:
    """Prior that a word was printed with a capital, from where it stands and the lexicon.

    The lexicon's capitalization share is trusted in proportion to how often the word is
    attested (a rare form seen once, capitalized, says little).  Inside a sentence the share
    is recalibrated by the words around it (``neighbours``: the next and the previous word
    are capitalized), since a name of several words is capitalized throughout ("Ortaq
    Dəyərlər" İctimai Birliyi) while the same words elsewhere are mostly lowercase.

    >>> [round(capital_prior(0.1, where), 2) for where in ("sentence", "text", "inside")]
    [0.97, 0.5, 0.02]
    >>> [round(capital_prior(1.0, "inside", count=n), 2) for n in (1, 1000)]
    [0.02, 0.93]
    >>> [round(capital_prior(0.3, "inside", neighbours=n), 2) for n in ((0, 0), (1, 1))]
    [0.04, 0.79]
    """
    share = lexicon_share(cap_share, count)
    if position == "inside":
        features = neighbour_features(share, *neighbours)
        z = sum(w * x for w, x in zip(_neighbour_weights(), features, strict=True))
        share = 1.0 / (1.0 + math.exp(-z))
    elif position == "sentence":
        share = max(share, SENTENCE_START_CAP)
    elif position == "text":
        share = max(share, TEXT_START_CAP)
    return min(max(share, MIN_CAP_PRIOR), MAX_CAP_PRIOR)


def lexicon_share(cap_share: float, count: int) -> float:
    """The lexicon's capitalization share, trusted by how often the word is attested.

    >>> round(lexicon_share(1.0, 1), 2), round(lexicon_share(1.0, 1000), 2)
    (0.08, 0.97)
    """
    trust = count / (count + TRUST_COUNT)
    share = trust * cap_share + (1.0 - trust) * BASE_CAP_SHARE
    return min(max(share, MIN_CAP_PRIOR), MAX_CAP_PRIOR)


def neighbour_features(share: float, next_capital: bool, previous_capital: bool) -> list[float]:
    """Features of the neighbour model (``lexicons/case_context.tsv``): the lexicon share as
    log-odds (with a separate slope above even odds), the capitals around, and a bias.

    >>> [round(x, 2) for x in neighbour_features(0.5, True, False)]
    [0.0, 0.0, 1.0, 0.0, 0.0, 1.0]
    """
    logit = math.log(share / (1.0 - share))
    nxt, prv = float(next_capital), float(previous_capital)
    return [logit, max(logit, 0.0), nxt, prv, nxt * prv, 1.0]


@lru_cache(maxsize=1)
def _neighbour_weights() -> tuple[float, ...]:
    """Weights of the neighbour model, learned by ``lexicons/build_case.py``."""
    weights = dict(data_rows("case_context.tsv", header=True))
    return tuple(float(weights[name]) for name in NEIGHBOUR_FEATURES)


class CaseModel:
    """Per-letter case flip rates: ``up_flip[x]`` = P(read upper | printed lowercase x),
    ``down_flip[X]`` = P(read lower | printed capital X)."""

    def __init__(self, up_flip: Mapping[str, float], down_flip: Mapping[str, float]) -> None:
        self.up_flip = dict(up_flip)
        self.down_flip = dict(down_flip)

    @classmethod
    def shipped(cls, condition: str) -> CaseModel:
        """Word-initial flip rates of one OCR condition from ``lexicons/case_flips.tsv``."""
        return _shipped(condition)

    def adapted(self, seen: Mapping[str, tuple[int, int]]) -> CaseModel:
        """Flip rates re-estimated from one document: ``seen[x]`` = (flipped, total) word
        starts of letter ``x`` (lowercase: words that are lowercase in the lexicon; capital:
        words that are capitalized), each rate smoothed towards the shipped one with
        :data:`ADAPT_STRENGTH` pseudo-counts.  A font whose word-initial ü always reads
        as U gets its own rate, one that never flips it gets its own.

        >>> model = CaseModel({"ü": 0.3}, {"İ": 0.6}).adapted({"ü": (8, 8), "İ": (0, 4)})
        >>> round(model.up_flip["ü"], 2), round(model.down_flip["İ"], 2)
        (0.73, 0.33)
        """
        up, down = dict(self.up_flip), dict(self.down_flip)
        for letter, (flipped, total) in seen.items():
            rates = down if letter.isupper() else up
            prior = rates.get(letter, 0.0)
            if prior < MIN_ADAPTED_FLIP:
                continue  # a letter whose shape does not flip: capitals seen are real ones
            rates[letter] = (flipped + ADAPT_STRENGTH * prior) / (total + ADAPT_STRENGTH)
        return CaseModel(up, down)

    def p_title(self, form: str, prior: float) -> float:
        """Probability that the OCR shows ``form`` with an initial capital.

        >>> round(CaseModel({"ü": 0.3}, {}).p_title("üçün", 0.01), 3)
        0.307
        """
        first = form[:1]
        keep_cap = 1.0 - self.down_flip.get(upper(first), 0.0)
        return prior * keep_cap + (1.0 - prior) * self.up_flip.get(first, 0.0)

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

    def reads_as_capitals(self, form: str, raw: str) -> bool:
        """Whether a mixed-case OCR token is more likely an all-capital word with some letters
        read lowercase (``KiV``: İ → i) than a lowercase word with some read as capitals
        (``UcUn``: ü → U), judged letter by letter from the flip rates.

        >>> model = CaseModel({"ü": 0.3}, {"İ": 0.6})
        >>> model.reads_as_capitals("kiv", "KiV"), model.reads_as_capitals("üçün", "UcUn")
        (True, False)
        """
        letters = [c for c in raw if c.isalpha()]
        if len(letters) != len(form):
            # No letter-by-letter view (a glyph stands for a letter: "6zUnU" for özünü): go by
            # a strict majority of capitals; a tie reads lowercase, as most words are.
            return 2 * sum(c.isupper() for c in letters) > len(letters)
        as_capitals = as_lower = 0.0
        for i, (seen, true) in enumerate(zip(letters, form, strict=True)):
            down = self.down_flip.get(upper(true), 0.0)
            up = self.up_flip.get(true, 0.0)
            as_capitals += math.log(max(1.0 - down if seen.isupper() else down, MIN_FLIP))
            if i:  # the first letter may be a capital either way
                as_lower += math.log(max(up if seen.isupper() else 1.0 - up, MIN_FLIP))
        return as_capitals > as_lower

    def restore(self, form: str, raw: str, prior: float) -> str:
        """Apply the case pattern of ``raw`` (the OCR token) to the lowercase ``form``."""
        pattern = case_pattern(raw)
        if pattern == "upper" or (pattern == "mixed" and self.reads_as_capitals(form, raw)):
            return upper(form)  # KiV (an acronym whose İ the OCR read as i) → KİV
        if pattern == "mixed" and not raw[:1].isupper():
            return form
        if len(form) == 1 and not raw.isalpha():
            # A lone digit for a letter (0 for the pronoun O) shows no case: the prior
            # decides (a sentence start is capitalized).  Inside a word a digit does show
            # it: 6 prints ö, not Ö.
            return capitalize(form) if prior >= 0.5 else form
        # Changing the case the OCR read needs strong evidence (do no harm).
        p_cap = self.p_capital(form, raw, prior)
        cap = p_cap >= FLIP_EVIDENCE if raw[:1].islower() else p_cap > 1.0 - FLIP_EVIDENCE
        return capitalize(form) if cap else form


@lru_cache(maxsize=8)
def _shipped(condition: str) -> CaseModel:
    up: dict[str, float] = {}
    down: dict[str, float] = {}
    for cond, letter, flipped, total in data_rows("case_flips.tsv", header=True):
        if cond != condition:
            continue
        # Smoothed towards "no flip": a letter seen a few times says little.
        rate = int(flipped) / (int(total) + SMOOTHING)
        if letter.isupper():
            down[letter] = rate
        else:
            up[az_lower(letter)] = rate
    return CaseModel(up, down)


_OPENERS = frozenset("\"'“”„«»‘’([{—–-• \t")


def position(text: str, pos: int) -> Position:
    """Where the word at ``pos`` stands: opening a sentence, opening the text, or inside.

    >>> position("Bu gün. İlk addım", 8), position("Bu gün ilk", 7), position("“Biz", 1)
    ('sentence', 'inside', 'text')
    >>> position("son\\n\\nYeni", 5)
    'sentence'
    """
    i = pos - 1
    while i >= 0 and text[i] in _OPENERS:
        i -= 1
    if i < 0:
        return "text"
    if text[i] in ".?…" or (text[i] == "\n" and i > 0 and text[i - 1] == "\n"):
        return "sentence"
    if text[i] == "!":  # before a lowercase word, "!" is more likely a misread ı
        return "sentence" if text[pos : pos + 1].isupper() else "inside"
    return "inside"


def is_acronym(word: str) -> bool:
    """Short all-capital words and codes (QHT, BMT, KİV, WUF1) are left as printed.

    >>> is_acronym("QHT"), is_acronym("KiV"), is_acronym("WUF1"), is_acronym("AZƏRBAYCAN")
    (True, True, True, False)
    """
    letters = [c for c in word if c.isalpha()]
    return (
        2 <= len(letters) <= 4
        and len(word) <= 6
        and all(c.isalnum() for c in word)
        and 2 * sum(c.isupper() for c in letters) > len(letters)
    )
