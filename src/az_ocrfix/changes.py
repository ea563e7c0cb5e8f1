"""The record of one change made by the repair, as returned by :func:`az_ocrfix.explain`.

>>> Change(0, 3, "ilo", "ilə", 0.98, "channel").after
'ilə'
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = ["Change", "Reason"]

#: Why a change was made: the OCR channel and lexicon alone, a stem+suffix analysis,
#: word context, layout (dehyphenation), normalization, case restoration, a fuzzy match, or a
#: number suffix.  ("keep" is the decoder's verdict for a word it leaves alone; no change
#: record carries it.)
Reason = Literal[
    "channel",
    "morphology",
    "context",
    "layout",
    "normalize",
    "case",
    "fuzzy",
    "number",
    "spelling",
    "keep",
]


@dataclass(frozen=True, slots=True)
class Change:
    """A replacement of ``input[start:end]`` (``before``) by ``after``."""

    start: int
    end: int
    before: str
    after: str
    confidence: float
    reason: Reason
