"""Errors raised while reading an input document.

>>> str(InputError("scans/a.pdf", "encrypted PDF (password required)"))
'scans/a.pdf: encrypted PDF (password required)'
"""

from __future__ import annotations

import os

__all__ = ["InputError", "OcrUnavailableError"]


class InputError(Exception):
    """An input that cannot be read; ``path`` names it and ``reason`` says why, for a human."""

    def __init__(self, path: str | os.PathLike[str], reason: str) -> None:
        super().__init__(f"{os.fspath(path)}: {reason}")
        self.path = os.fspath(path)
        self.reason = reason


class OcrUnavailableError(InputError):
    """OCR was needed but tesseract or its language data is missing (an environment problem)."""
