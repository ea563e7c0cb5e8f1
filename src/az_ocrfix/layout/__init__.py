"""Newspaper layout: paragraphs from OCR lines, words joined across line ends, an offset map.

The repair engine calls :func:`reflow` with its own word scorer (which repairs garbled halves
before judging them); :func:`fold_scorer` is a crude lexicon scorer for layout-only use.

>>> reflow("ayrı-\\nayrı", lambda w: -9.0 if w == "ayrı" else -30.0).text
'ayrı-ayrı'
"""

from az_ocrfix.layout.hyphen import WordScorer, should_join
from az_ocrfix.layout.reflow import LayoutOptions, Reflowed, reflow
from az_ocrfix.layout.scoring import fold, fold_scorer, with_hyphenated

__all__ = [
    "LayoutOptions",
    "Reflowed",
    "WordScorer",
    "fold",
    "fold_scorer",
    "reflow",
    "should_join",
    "with_hyphenated",
]
