"""One configuration object for the whole repair pipeline (in the spirit of ftfy's TextFixerConfig).

>>> FixConfig().dehyphenate
True
>>> FixConfig(min_confidence=0.9).min_confidence
0.9
"""

from __future__ import annotations

from typing import Literal, NamedTuple

__all__ = ["Channel", "FixConfig"]

Channel = Literal["auto", "eng", "aze"]


class FixConfig(NamedTuple):
    """Switches and knobs for :func:`az_ocrfix.fix`; every step can be turned off on its own."""

    #: Unicode and lookalike normalization (NFC, Cyrillic ә → ə, ligatures, soft hyphens, mojibake).
    normalize: bool = True
    #: Join words split by a hyphen at a line end when the evidence says so.
    dehyphenate: bool = True
    #: Join the lines of a paragraph into one line (paragraphs stay separated by a blank line).
    join_lines: bool = True
    #: Drop page numbers and running headers (short lines repeating across pages).
    drop_page_furniture: bool = False
    #: Repair words (diacritics, glyph confusions).  False gives layout + normalization only.
    repair: bool = True
    #: Which learned OCR channel to start from; "auto" picks per document.
    channel: Channel = "auto"
    #: Re-estimate the channel on each document from its own confident corrections (EM).
    adapt: bool = True
    #: Only apply changes whose confidence is at least this (0 applies every change).
    min_confidence: float = 0.0
