"""Where a word may be broken at a line end: Azerbaijani syllable boundaries.

Every syllable has exactly one vowel.  A single consonant between vowels starts the next
syllable (V-CV: ``ki-tab``), of two or more consonants the last one does (VC-CV: ``türk-lər``,
``Az-ər``...), and two adjacent vowels are split (V-V: ``müd-də-a-sı``).  A break never leaves
fewer than ``min_part`` letters on either side.  Only runs of letters are broken; words with
digits, all-capital words (acronyms) and the parts next to an existing hyphen keep their shape.

>>> syllables("müddəası")
['müd', 'də', 'a', 'sı']
>>> break_points("cəmiyyətinin")
[2, 5, 7, 9]
>>> "-".join(split_at("cəmiyyətinin", break_points("cəmiyyətinin")))
'cə-miy-yə-ti-nin'
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise

from az_ocrfix.alphabet import is_vowel

__all__ = ["break_points", "split_at", "syllables"]


def _syllable_starts(word: str) -> list[int]:
    """Indices (>0) where a new syllable begins, ignoring the minimum part length."""
    vowels = [i for i, ch in enumerate(word) if is_vowel(ch)]
    starts: list[int] = []
    for prev, cur in pairwise(vowels):
        # Consonants strictly between the two vowels: the last of them opens the next syllable.
        starts.append(cur - 1 if cur - prev > 1 else cur)
    return starts


def syllables(word: str) -> list[str]:
    """Split a word of letters into syllables.

    >>> syllables("Azərbaycan")
    ['A', 'zər', 'bay', 'can']
    >>> syllables("təəssürat")
    ['tə', 'əs', 'sü', 'rat']
    >>> syllables("QHT")
    ['QHT']
    """
    return split_at(word, _syllable_starts(word))


def split_at(word: str, points: Sequence[int]) -> list[str]:
    """Cut ``word`` at the given indices.

    >>> split_at("kitab", [2])
    ['ki', 'tab']
    """
    bounds = [0, *points, len(word)]
    return [word[a:b] for a, b in pairwise(bounds)]


def break_points(word: str, min_part: int = 2) -> list[int]:
    """Indices at which ``word`` may be hyphenated at a line end (syllable boundaries).

    Only alphabetic words with a lowercase letter are broken; at least ``min_part`` letters
    stay on each side.

    >>> break_points("Azərbaycan")
    [4, 7]
    >>> break_points("ana")
    []
    >>> break_points("QHT"), break_points("2024")
    ([], [])
    >>> break_points("təşkilatlarının")
    [3, 5, 8, 10, 12]
    """
    if not word.isalpha() or word.upper() == word:
        return []
    return [i for i in _syllable_starts(word) if min_part <= i <= len(word) - min_part]
