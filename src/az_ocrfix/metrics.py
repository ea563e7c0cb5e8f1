"""Character and word error rates of a hypothesis against a reference text.

Whitespace is normalized first (runs of spaces, newlines and page breaks count as one space), so
layout differences that do not change the words do not count as errors.

>>> round(cer("Azərbaycan dili", "Azarbaycan dili"), 4)
0.0667
>>> round(wer("Azərbaycan dili gözəldir", "Azarbaycan dili gözəldir"), 4)
0.3333
>>> cer("bir\\n\\niki", "bir iki")
0.0
"""

from __future__ import annotations

from rapidfuzz.distance import Levenshtein

__all__ = ["cer", "char_errors", "normalize_space", "wer", "word_errors"]


def normalize_space(text: str) -> str:
    """Collapse every run of whitespace into one space and strip the ends.

    >>> normalize_space(" bir\\n iki\\f\\nüç ")
    'bir iki üç'
    """
    return " ".join(text.split())


def char_errors(ref: str, hyp: str) -> tuple[int, int]:
    """``(edits, length)``: the character edit distance and the reference length, normalized.

    Sum these over documents for a corpus-level CER.

    >>> char_errors("ilə", "ilo")
    (1, 3)
    """
    r, h = normalize_space(ref), normalize_space(hyp)
    return Levenshtein.distance(r, h), len(r)


def word_errors(ref: str, hyp: str) -> tuple[int, int]:
    """``(edits, words)``: the word-level edit distance and the number of reference words.

    >>> word_errors("bu gün hava", "bu gun hava")
    (1, 3)
    """
    r, h = ref.split(), hyp.split()
    return Levenshtein.distance(r, h), len(r)


def _rate(edits: int, length: int) -> float:
    if length == 0:
        return 0.0 if edits == 0 else 1.0
    return edits / length


def cer(ref: str, hyp: str) -> float:
    """Character error rate: edits / reference characters (0 for identical texts).

    An empty reference gives 0.0 against an empty hypothesis and 1.0 otherwise.

    >>> cer("", ""), cer("", "x"), cer("abc", "abc")
    (0.0, 1.0, 0.0)
    """
    return _rate(*char_errors(ref, hyp))


def wer(ref: str, hyp: str) -> float:
    """Word error rate: word edits / reference words.

    >>> round(wer("Milli Məclis iclası", "Milli Moaclis iclasi"), 4)
    0.6667
    """
    return _rate(*word_errors(ref, hyp))
