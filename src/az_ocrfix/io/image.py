"""Page images (PNG, JPEG, TIFF incl. multi-page): OCR with tesseract through pytesseract.

The default language is ``aze`` with ``-c tessedit_load_sublangs=``: the aze model otherwise
also loads aze_cyrl and injects Cyrillic glyphs into Latin pages (tessdata issue #206).

>>> tesseract_config("aze")
'-c tessedit_load_sublangs='
>>> is_image_path("scan/page-01.TIF")
True
"""

from __future__ import annotations

import functools
import os
from collections.abc import Iterator
from pathlib import PurePath
from typing import Any

from az_ocrfix.io.errors import InputError, OcrUnavailableError

__all__ = [
    "IMAGE_SUFFIXES",
    "check_ocr",
    "is_image_path",
    "ocr_image",
    "read_image",
    "tesseract_config",
]

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".gif", ".webp", ".pnm", ".ppm", ".pgm"}
)

_PACKAGES = {
    "aze": "apt install tesseract-ocr-aze (brew install tesseract-lang)",
    "eng": "apt install tesseract-ocr-eng (brew install tesseract)",
}


def is_image_path(path: str | os.PathLike[str]) -> bool:
    """True for the file suffixes read as page images."""
    return PurePath(path).suffix.lower() in IMAGE_SUFFIXES


def tesseract_config(lang: str) -> str:
    """Extra tesseract options for ``lang`` (keep aze from loading its Cyrillic sub-language)."""
    return "-c tessedit_load_sublangs=" if lang.split("+")[0] == "aze" else ""


@functools.lru_cache(maxsize=8)
def check_ocr(lang: str) -> str:
    """Check tesseract and the data for ``lang`` are installed; return ``"tesseract <version>"``.

    Raises :class:`OcrUnavailableError` naming the package to install.

    >>> check_ocr("eng").startswith("tesseract 5")
    True
    """
    import pytesseract

    try:
        version = str(pytesseract.get_tesseract_version())
        installed = set(pytesseract.get_languages(config=""))
    except (pytesseract.TesseractNotFoundError, OSError):
        raise OcrUnavailableError(
            "tesseract",
            "OCR needs tesseract, which is not installed or not on PATH: "
            "apt install tesseract-ocr (macOS: brew install tesseract)",
        ) from None
    for part in lang.split("+"):
        if part not in installed:
            package = _PACKAGES.get(part, f"apt install tesseract-ocr-{part}")
            raise OcrUnavailableError(
                "tesseract", f"tesseract has no '{part}' language data: {package}"
            )
    return f"tesseract {version.split()[0]}"


def ocr_image(image: Any, lang: str = "aze") -> str:
    """OCR one PIL image with tesseract and return its text (lines end with ``\\n``).

    >>> from PIL import Image, ImageDraw
    >>> img = Image.new("L", (400, 80), 255)
    >>> ImageDraw.Draw(img).text((10, 30), "HELLO WORLD", fill=0, font_size=28)
    >>> ocr_image(img, "eng").strip()
    'HELLO WORLD'
    """
    import pytesseract

    check_ocr(lang)
    if image.mode not in ("1", "L", "RGB"):
        image = image.convert("RGB")
    text: str = pytesseract.image_to_string(image, lang=lang, config=tesseract_config(lang))
    return text


def read_image(path: str | os.PathLike[str], lang: str = "aze") -> Iterator[str]:
    """OCR every frame of an image file (a multi-page TIFF has several); yields page texts.

    A file that is not a readable image raises :class:`InputError`.
    """
    from PIL import Image, ImageSequence, UnidentifiedImageError

    name = os.fspath(path)
    check_ocr(lang)
    try:
        with Image.open(name) as img:
            for frame in ImageSequence.Iterator(img):
                frame.load()
                yield ocr_image(frame.copy(), lang)
    except UnidentifiedImageError:
        raise InputError(name, "not an image (or an image format Pillow cannot read)") from None
    except FileNotFoundError:
        raise InputError(name, "no such file (or a broken symbolic link)") from None
    except PermissionError:
        raise InputError(name, "cannot read: permission denied") from None
    except (OSError, SyntaxError, ValueError) as exc:
        raise InputError(name, f"damaged image: {exc}") from None
