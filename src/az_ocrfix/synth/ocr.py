"""A thin pytesseract wrapper for the two OCR conditions the project models.

``eng`` is tesseract's English model (it cannot produce ə ı ş ç ğ ö ü and garbles them);
``aze`` is the Azerbaijani model.  For ``aze`` we pass ``-c tessedit_load_sublangs=`` so the
model's Cyrillic sub-language (``aze_cyrl``) is not loaded; otherwise it injects Cyrillic
letters into Latin text.  Page segmentation mode 4 reads a single column of text.

>>> tesseract_config("aze")
'--psm 4 -c tessedit_load_sublangs='
>>> tesseract_config("eng", psm=6)
'--psm 6'
"""

from __future__ import annotations

import os
import unicodedata
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from PIL import Image

__all__ = ["Engine", "ocr_image", "tesseract_config"]

Engine = Literal["eng", "aze"]


def tesseract_config(lang: Engine, psm: int = 4) -> str:
    """The tesseract command-line options used for ``lang``."""
    config = f"--psm {psm}"
    if lang == "aze":
        config += " -c tessedit_load_sublangs="
    return config


def ocr_image(image: Image.Image, lang: Engine, psm: int = 4) -> str:
    """OCR a page image with tesseract; returns NFC text with trailing whitespace trimmed.

    Sets ``OMP_THREAD_LIMIT=1`` unless already set, so parallel workers do not fight for cores.

    >>> from az_ocrfix.synth.fonts import face_by_name
    >>> from az_ocrfix.synth.render import PageStyle, render_page
    >>> img, _ = render_page(["Milli Məclis"], PageStyle(face_by_name("dejavu-serif")))
    >>> ocr_image(img, "aze")
    'Milli Məclis'
    """
    import pytesseract

    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    text = pytesseract.image_to_string(image, lang=lang, config=tesseract_config(lang, psm))
    return unicodedata.normalize("NFC", text).rstrip()
