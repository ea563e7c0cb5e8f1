"""PDF inputs: reading order over columns, OCR fallback, encrypted and damaged files."""

from __future__ import annotations

from pathlib import Path

import pdfplumber
import pytest
from io_builders import (
    encrypted_pdf,
    fit_lines,
    image_only_pdf,
    render_columns,
    seed_text,
    tesseract_pdf,
    text_pdf,
)

from az_ocrfix.io import InputError
from az_ocrfix.io.pdf import read_pdf
from az_ocrfix.metrics import wer

WORDS = seed_text("004").split()


def column(start: int, width: float, lines: int = 14) -> list[str]:
    """Lines of seed text that fit a column ``width`` points wide (the gutter is the rest)."""
    return fit_lines(WORDS[start:], width, lines)


@pytest.mark.parametrize("n_columns", [2, 3])
def test_columns_are_read_one_after_the_other(tmp_path: Path, n_columns: int) -> None:
    columns = [column(100 * i, 495 / n_columns - 18) for i in range(n_columns)]
    headline = "Milli Məclisdə vətəndaş cəmiyyəti ilə bağlı geniş müzakirə keçirildi"
    pdf = text_pdf(tmp_path / "cols.pdf", columns, headline=headline)
    (page,) = list(read_pdf(pdf))
    assert page.source == "text-layer"
    expected = "\n\n".join([headline, *("\n".join(col) for col in columns)])
    assert page.text == expected


@pytest.mark.parametrize("n_columns", [2, 3])
def test_columns_of_an_ocr_text_layer_are_read_in_order(tmp_path: Path, n_columns: int) -> None:
    """A scanned page in columns, OCR'd by tesseract into a PDF text layer (as archives hold)."""
    headline = "Milli Məclisdə vətəndaş cəmiyyəti ilə bağlı geniş müzakirə"
    texts = [seed_text(s, 240 // n_columns) for s in ("000", "003", "004")[:n_columns]]
    png = render_columns(headline, texts, tmp_path / "cols.png")
    pdf = tesseract_pdf(png, tmp_path / "cols", lang="aze")
    (page,) = list(read_pdf(pdf))
    expected = " ".join([headline, *texts])
    assert wer(expected, page.text) < 0.1
    with pdfplumber.open(pdf) as doc:  # line by line across the page: the columns interleave
        assert wer(expected, doc.pages[0].extract_text()) > 0.5


def test_single_column_is_read_line_by_line(tmp_path: Path) -> None:
    lines = column(0, 480, lines=6)
    pdf = text_pdf(tmp_path / "one.pdf", [lines])
    (page,) = list(read_pdf(pdf))
    assert page.text == "\n".join(lines)


def test_ocr_text_layer_of_eng_tesseract_is_read(
    page_png: tuple[Path, str], tmp_path: Path
) -> None:
    png, text = page_png
    pdf = tesseract_pdf(png, tmp_path / "scan")
    (page,) = list(read_pdf(pdf))
    assert page.source == "text-layer"
    assert "ə" not in page.text  # the eng model cannot produce ə: this is the garbled layer
    assert 0.2 < wer(text, page.text) < 0.9


def test_page_without_text_layer_is_ocred(page_png: tuple[Path, str], tmp_path: Path) -> None:
    png, text = page_png
    pdf = image_only_pdf(png, tmp_path / "image-only.pdf")
    (page,) = list(read_pdf(pdf, ocr="auto", lang="aze"))
    assert page.source == "ocr"
    assert wer(text, page.text) < 0.15
    (page,) = list(read_pdf(pdf, ocr="never"))
    assert (page.source, page.text) == ("none", "")


def test_ocr_always_ignores_the_text_layer(page_png: tuple[Path, str], tmp_path: Path) -> None:
    png, text = page_png
    pdf = tesseract_pdf(png, tmp_path / "scan")
    (page,) = list(read_pdf(pdf, ocr="always", lang="aze"))
    assert page.source == "ocr"
    assert "ə" in page.text
    assert wer(text, page.text) < 0.15


def test_encrypted_pdf_is_a_clear_error(tmp_path: Path) -> None:
    pdf = encrypted_pdf(tmp_path / "secret.pdf")
    with pytest.raises(InputError, match="encrypted PDF"):
        list(read_pdf(pdf))


def test_truncated_pdf_is_a_clear_error(tmp_path: Path) -> None:
    good = text_pdf(tmp_path / "good.pdf", [column(0, 400)])
    data = good.read_bytes()
    bad = tmp_path / "truncated.pdf"
    bad.write_bytes(data[: len(data) // 3])
    with pytest.raises(InputError, match="PDF"):
        list(read_pdf(bad))


@pytest.mark.parametrize("data", [b"", b"not a pdf at all", b"%PDF-1.4\n%%EOF\n" + b"\x00" * 100])
def test_garbage_named_pdf_is_a_clear_error(tmp_path: Path, data: bytes) -> None:
    bad = tmp_path / "garbage.pdf"
    bad.write_bytes(data)
    with pytest.raises(InputError, match="PDF"):
        list(read_pdf(bad))
