"""Image inputs: OCR of PNG and multi-page TIFF, not-an-image files, missing tesseract/data."""

from __future__ import annotations

from pathlib import Path

import pytesseract
import pytest
from io_builders import render_page, seed_text
from PIL import Image

from az_ocrfix.io import InputError, OcrUnavailableError
from az_ocrfix.io.image import check_ocr, read_image
from az_ocrfix.metrics import wer


def test_png_scan_is_ocred_in_azerbaijani(page_png: tuple[Path, str]) -> None:
    png, text = page_png
    (page,) = list(read_image(png, "aze"))
    assert wer(text, page) < 0.15
    assert not any("\u0400" <= ch <= "\u04ff" for ch in page)  # no aze_cyrl glyphs injected


def test_eng_ocr_loses_the_azerbaijani_letters(page_png: tuple[Path, str]) -> None:
    png, text = page_png
    (page,) = list(read_image(png, "eng"))
    assert "ə" not in page
    assert wer(text, page) > 0.2


def test_multipage_tiff_gives_one_text_per_page(tmp_path: Path) -> None:
    texts = [seed_text("001", 30), seed_text("003", 30)]
    pages = [Image.open(render_page(t, tmp_path / f"p{i}.png")) for i, t in enumerate(texts)]
    tiff = tmp_path / "scan.tif"
    pages[0].save(tiff, save_all=True, append_images=pages[1:], compression="tiff_lzw")
    got = list(read_image(tiff, "aze"))
    assert len(got) == 2
    for truth, page in zip(texts, got, strict=True):
        assert wer(truth, page) < 0.2


@pytest.mark.parametrize("data", [b"", b"hello, I am text", b"\x89PNG\r\n\x1a\n" + b"\x00" * 40])
def test_file_that_is_not_an_image_is_a_clear_error(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "scan.png"
    path.write_bytes(data)
    with pytest.raises(InputError, match=r"not an image|damaged image") as info:
        list(read_image(path, "aze"))
    assert info.value.path == str(path)


def test_truncated_image_is_a_clear_error(page_png: tuple[Path, str], tmp_path: Path) -> None:
    png, _ = page_png
    cut = tmp_path / "cut.png"
    cut.write_bytes(png.read_bytes()[:5000])
    with pytest.raises(InputError, match="damaged image"):
        list(read_image(cut, "aze"))


def test_missing_language_data_names_the_package() -> None:
    with pytest.raises(OcrUnavailableError, match="apt install tesseract-ocr-xyz"):
        check_ocr("xyz")


def test_missing_tesseract_names_the_package(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    check_ocr.cache_clear()
    try:
        with pytest.raises(OcrUnavailableError, match=r"apt install tesseract-ocr \(macOS: brew"):
            check_ocr("aze")
    finally:
        check_ocr.cache_clear()
