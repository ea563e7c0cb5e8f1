"""Sentences in English: left as printed.

An Azerbaijani page may quote English (titles, abstracts, a reader's letter), and a batch may
hold English pages.  The decoder would read every English word as garbled Azerbaijani
("World" → "Vvərlə", "brown" → "bran"), so a sentence where English function words are dense
(``lexicons/foreign_function_words.txt``) is kept verbatim.  Function words an English-model OCR
also prints for Azerbaijani words (her for hər, is for iş) are not in the list, and an English
title inside an Azerbaijani sentence is mostly too sparse to count (where it is not, the
corrector still mends the words it reads as inflected Azerbaijani: kitabinda → kitabında).

>>> foreign_sentences("The quick brown fox jumps over the lazy dog. Bu gün hava yaxşıdır.")
[(0, 44)]
>>> foreign_sentences("Bu kitab The Art of War adlanır və Bakıda çap olunub.")
[]
"""

from __future__ import annotations

from functools import lru_cache

import regex

from az_ocrfix.resources import data_rows

__all__ = ["MIN_FUNCTION_WORDS", "MIN_SHARE", "foreign_sentences", "inside"]

#: A sentence needs this many English function words ...
MIN_FUNCTION_WORDS = 2
#: ... making at least this share of its words (running English: about a third).
MIN_SHARE = 0.2

_SENTENCE = regex.compile(r"[^.!?…\n]+[.!?…]*")
_WORD = regex.compile(r"\p{L}+")


@lru_cache(maxsize=1)
def _function_words() -> frozenset[str]:
    return frozenset(row[0].strip() for row in data_rows("foreign_function_words.txt"))


def foreign_sentences(text: str) -> list[tuple[int, int]]:
    """Spans of the sentences of ``text`` that read as English, in order.

    A sentence ends at ``.``, ``!``, ``?``, ``…`` or a line break.

    >>> foreign_sentences("Hello World from Baku: we love Python.\\nSalam, dünya!")
    [(0, 38)]
    """
    words = _function_words()
    spans: list[tuple[int, int]] = []
    for m in _SENTENCE.finditer(text):
        tokens = _WORD.findall(m.group())
        hits = sum(1 for t in tokens if t.lower() in words)
        if hits >= MIN_FUNCTION_WORDS and hits >= MIN_SHARE * len(tokens):
            spans.append(m.span())
    return spans


def inside(position: int, spans: list[tuple[int, int]]) -> bool:
    """Whether ``position`` falls in one of the sorted, disjoint ``spans``.

    >>> inside(3, [(0, 5), (9, 12)]), inside(7, [(0, 5), (9, 12)])
    (True, False)
    """
    lo, hi = 0, len(spans)
    while lo < hi:
        mid = (lo + hi) // 2
        start, end = spans[mid]
        if position < start:
            hi = mid
        elif position >= end:
            lo = mid + 1
        else:
            return True
    return False
