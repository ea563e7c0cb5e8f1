"""PDF inputs: the text layer page by page in reading order (columns!), OCR for pages without one.

Newspaper pages set text in two or three columns; reading the text layer line by line across
the page interleaves them.  :func:`reading_order` finds the column gutters (x ranges no word
covers), cuts the page into bands at lines that span a gutter (headlines), and reads each band
column by column.

>>> def word(text, x, row):
...     return {"text": text, "x0": x, "x1": x + 80, "top": 12 * row, "bottom": 12 * row + 10}
>>> words = [word(f"left {r}", 10, r) for r in range(3)]
>>> words += [word(f"right {r}", 110, r) for r in range(3)]
>>> print(reading_order(words))
left 0
left 1
left 2
<BLANKLINE>
right 0
right 1
right 2
"""

from __future__ import annotations

import math
import os
from collections.abc import Iterator, Sequence
from statistics import median
from typing import Any, Literal, NamedTuple

from az_ocrfix.io.errors import InputError
from az_ocrfix.io.image import check_ocr, ocr_image

__all__ = ["OcrMode", "PdfPage", "read_pdf", "reading_order"]

OcrMode = Literal["auto", "always", "never"]
Word = dict[str, Any]

#: A page whose text layer has fewer letters than this is treated as having none.
MIN_LAYER_LETTERS = 20
#: Resolution at which pages are rasterized for OCR.
OCR_DPI = 300


class PdfPage(NamedTuple):
    """The text of one page and where it came from: ``"text-layer"``, ``"ocr"`` or ``"none"``."""

    number: int
    text: str
    source: Literal["text-layer", "ocr", "none"]


def _lines(words: Sequence[Word]) -> list[list[Word]]:
    """Group words into lines by vertical position, each line sorted left to right."""
    lines: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w["top"], w["x0"])):
        height = max(word["bottom"] - word["top"], 1.0)
        if lines:
            last = lines[-1]
            mid = (word["top"] + word["bottom"]) / 2
            if last[0]["top"] - 0.2 * height <= mid <= last[0]["bottom"] + 0.1 * height:
                last.append(word)
                continue
        lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _render_lines(words: Sequence[Word]) -> str:
    """Lines joined by newlines; a vertical gap larger than 1.5 line heights starts a paragraph."""
    out: list[str] = []
    prev_bottom: float | None = None
    lines = _lines(words)
    if not lines:
        return ""
    height = median(line[0]["bottom"] - line[0]["top"] for line in lines) or 1.0
    for line in lines:
        top = min(w["top"] for w in line)
        if prev_bottom is not None and top - prev_bottom > 0.9 * height:
            out.append("")
        out.append(" ".join(w["text"] for w in line))
        prev_bottom = max(w["bottom"] for w in line)
    return "\n".join(out)


def _gutters(
    words: Sequence[Word], left: float, right: float, n_lines: int
) -> list[tuple[float, float]]:
    """X ranges between ``left`` and ``right`` that no line crosses, but for one in ten at most
    (headlines spanning columns)."""
    if not words:
        return []
    char_w = median((w["x1"] - w["x0"]) / max(len(w["text"]), 1) for w in words)
    min_width = max(char_w, 3.0)
    step = max(char_w / 4, 0.5)
    n = int((right - left) / step) + 2
    cover = [0] * n
    for w in words:
        for i in range(int((w["x0"] - left) / step), math.ceil((w["x1"] - left) / step)):
            if 0 <= i < n:
                cover[i] += 1
    limit = max(1, int(0.1 * n_lines) + 1)
    gutters: list[tuple[float, float]] = []
    start: int | None = None
    for i, c in enumerate([*cover, limit + 1]):
        if c < limit and start is None:
            start = i
        elif c >= limit and start is not None:
            x0, x1 = left + start * step, left + i * step
            if start > 0 and i < n and x1 - x0 >= min_width:
                gutters.append((x0, x1))
            start = None
    return gutters


def _separates(lines: Sequence[Sequence[Word]], gutter: tuple[float, float]) -> bool:
    """A real gutter has text on both sides of it on many lines (not a chance alignment)."""
    g0, g1 = gutter
    both = sum(
        1 for line in lines if any(w["x1"] <= g0 for w in line) and any(w["x0"] >= g1 for w in line)
    )
    return both >= max(3, 0.3 * len(lines))


def _crosses(line: Sequence[Word], gutter: tuple[float, float]) -> bool:
    """A line crosses a gutter (a headline) when a word covers part of its middle half.

    Column lines may poke into a gutter's edges; a space of a headline may fall on its centre.
    """
    quarter = (gutter[1] - gutter[0]) / 4
    low, high = gutter[0] + quarter, gutter[1] - quarter
    return any(w["x0"] < high and w["x1"] > low for w in line)


def reading_order(words: Sequence[Word]) -> str:
    """Text of a page from pdfplumber-style word dicts, columns read one after the other."""
    if not words:
        return ""
    left = min(w["x0"] for w in words)
    right = max(w["x1"] for w in words)
    lines = _lines(words)
    gutters = [g for g in _gutters(words, left, right, len(lines)) if _separates(lines, g)]
    if not gutters:
        return _render_lines(words)
    bands: list[list[Word]] = [[]]
    band_spans: list[bool] = [False]
    for line in lines:
        spans = any(_crosses(line, gutter) for gutter in gutters)
        if spans != band_spans[-1] or not bands[-1]:
            if bands[-1]:
                bands.append([])
                band_spans.append(spans)
            else:
                band_spans[-1] = spans
        bands[-1].extend(line)
    parts: list[str] = []
    edges = [left, *(g for gut in gutters for g in gut), right]
    columns = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    for band, spans in zip(bands, band_spans, strict=True):
        if spans:
            parts.append(_render_lines(band))
            continue
        for c0, c1 in columns:
            col = [w for w in band if c0 <= (w["x0"] + w["x1"]) / 2 <= c1]
            if col:
                parts.append(_render_lines(col))
    return "\n\n".join(p for p in parts if p)


def _open(path: str) -> Any:
    import pdfplumber
    from pdfminer.pdfdocument import PDFPasswordIncorrect
    from pdfminer.pdfparser import PDFSyntaxError

    try:
        pdf = pdfplumber.open(path)
        _ = pdf.pages  # parses the page tree: damage shows here
        return pdf
    except FileNotFoundError:
        raise InputError(path, "no such file (or a broken symbolic link)") from None
    except PermissionError:
        raise InputError(path, "cannot read: permission denied") from None
    except Exception as exc:
        cause = exc.__cause__ or exc.__context__ or exc
        if isinstance(exc, PDFPasswordIncorrect) or isinstance(cause, PDFPasswordIncorrect):
            raise InputError(path, "encrypted PDF (a password is needed)") from None
        if isinstance(exc, PDFSyntaxError) or isinstance(cause, PDFSyntaxError):
            raise InputError(path, "not a PDF, or a damaged/truncated one") from None
        raise InputError(
            path, f"damaged or truncated PDF ({type(cause).__name__}: {cause})"
        ) from None


def _ocr_page(path: str, index: int, lang: str) -> str:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(path)
    try:
        bitmap = doc[index].render(scale=OCR_DPI / 72)
        return ocr_image(bitmap.to_pil(), lang)
    finally:
        doc.close()


def read_pdf(
    path: str | os.PathLike[str], ocr: OcrMode = "auto", lang: str = "aze"
) -> Iterator[PdfPage]:
    """Yield the pages of a PDF: the text layer in reading order, or OCR where there is none.

    ``ocr="always"`` OCRs every page; ``"never"`` leaves pages without a text layer empty.
    Encrypted, truncated or damaged files raise :class:`InputError`.
    """
    name = os.fspath(path)
    pdf = _open(name)
    with pdf:
        for index, page in enumerate(pdf.pages):
            text = ""
            if ocr != "always":
                try:
                    words = page.extract_words(keep_blank_chars=False, use_text_flow=False)
                except Exception as exc:
                    raise InputError(name, f"damaged PDF page {index + 1}: {exc}") from None
                text = reading_order(words)
                if sum(ch.isalpha() for ch in text) >= MIN_LAYER_LETTERS or ocr == "never":
                    yield PdfPage(index + 1, text, "text-layer" if text.strip() else "none")
                    continue
            check_ocr(lang)
            try:
                ocr_text = _ocr_page(name, index, lang)
            except Exception as exc:
                raise InputError(name, f"cannot rasterize page {index + 1}: {exc}") from None
            yield PdfPage(index + 1, ocr_text if ocr_text.strip() else text, "ocr")
