"""Fuzzy fallback for badly damaged tokens that the channel search cannot explain.

When OCR damage goes beyond what the learned channel knows (two glyphs merged, a letter
lost and another invented), the exact search finds nothing and the token would be kept as
it is.  Here rapidfuzz compares a *folded* form of the token (letters the channel often
confuses share one symbol) against the folded forms of the lexicon's common words of similar
length, and the few nearest words are scored with the channel's alignment cost, in which
unseen operations get a bounded price.  Only clearly better readings replace the token, so
genuine names and loans (``Zelenski``, ``strateji``) stay.

>>> fold("müddəası"), fold("miiddoasi")
('middaasi', 'middaasi')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

__all__ = ["FuzzyIndex", "fold"]

# Retrieval key only (the decision is made by the channel cost): diacritics and the vowels an
# English OCR model swaps (ə/a/e/o) collapse, as do the doubled-glyph images of ü and ö.
_FOLD = str.maketrans(
    {
        "ə": "a",
        "e": "a",
        "o": "a",
        "ö": "a",
        "ı": "i",
        "ü": "i",
        "u": "i",
        "ş": "s",
        "ç": "c",
        "ğ": "g",
        "q": "g",
        "I": "i",
        "6": "a",
        "1": "i",
        "¢": "c",
        "{": "",
        "é": "a",
    }
)


def fold(word: str) -> str:
    """Collapse letters the OCR confuses into one symbol each (retrieval key).

    >>> fold("təşkilatlarına"), fold("togkilatlarina")
    ('taskilatlarina', 'tagkilatlarina')
    """
    return word.translate(_FOLD).replace("ii", "i")


class FuzzyIndex:
    """Folded common lexicon forms bucketed by length and first letter, for rapidfuzz lookup.

    OCR damage rarely reaches the first letter once it is folded, and the buckets stay small
    enough for a lookup to take well under a millisecond.
    """

    def __init__(self, forms: Sequence[str], counts: Sequence[int], min_count: int) -> None:
        buckets: dict[tuple[int, str], tuple[list[str], list[str], list[int]]] = defaultdict(
            lambda: ([], [], [])
        )
        for form, n in zip(forms, counts, strict=True):
            if n >= min_count and len(form) >= 4:
                key = fold(form)
                folded, originals, freqs = buckets[(len(key), key[0])]
                folded.append(key)
                originals.append(form)
                freqs.append(n)
        self._buckets = dict(buckets)

    def nearest(self, observed: str, limit: int = 6) -> list[str]:
        """Lexicon forms whose folded form is within a small edit distance of the token's."""
        key = fold(observed)
        max_dist = 1 + len(key) // 5
        out: list[tuple[int, int, str]] = []
        for length in range(len(key) - max_dist, len(key) + max_dist + 1):
            bucket = self._buckets.get((length, key[:1]))
            if bucket is None:
                continue
            folded, originals, freqs = bucket
            for _, dist, i in process.extract(
                key, folded, scorer=Levenshtein.distance, score_cutoff=max_dist, limit=None
            ):
                out.append((int(dist), -freqs[i], originals[i]))
        # Nearest first; among equally near forms, the commoner ones.
        out.sort()
        return [form for _, _, form in out[:limit]]


_INDEXES: dict[tuple[int, int], tuple[Sequence[str], FuzzyIndex]] = {}


def index_for(forms: Sequence[str], counts: Sequence[int], min_count: int = 200) -> FuzzyIndex:
    """The (cached) fuzzy index of a lexicon's forms with at least ``min_count`` occurrences."""
    key = (id(forms), min_count)
    hit = _INDEXES.get(key)
    if hit is None or hit[0] is not forms:
        hit = _INDEXES[key] = (forms, FuzzyIndex(forms, counts, min_count))
    return hit[1]
