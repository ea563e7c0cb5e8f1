"""az-ocrfix: repair OCR-garbled Azerbaijani text and normalize it for search."""

from az_ocrfix.alphabet import capitalize, casefold, lower, title, upper

__all__ = ["capitalize", "casefold", "lower", "title", "upper"]
__version__ = "0.1.0"
