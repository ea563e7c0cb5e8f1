"""Reading inputs: text files (any encoding), PDFs (text layer or OCR) and page images (OCR).

:func:`open_document` looks at the file suffix and returns a :class:`Document` whose ``parts``
yield the text piece by piece (pages of a PDF or image, chunks of a large text file), so that
nothing is read whole that does not need to be.

>>> kind_of("archive/1998/page-3.TIFF"), kind_of("notes.txt"), kind_of("report.pdf")
('image', 'txt', 'pdf')
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import PurePath
from typing import BinaryIO, Literal, NamedTuple

from az_ocrfix.io.errors import InputError, OcrUnavailableError
from az_ocrfix.io.image import check_ocr, is_image_path, read_image
from az_ocrfix.io.pdf import OcrMode, read_pdf
from az_ocrfix.io.txt import TextStream, open_text

__all__ = [
    "TEXT_SUFFIXES",
    "Document",
    "InputError",
    "Kind",
    "OcrMode",
    "OcrUnavailableError",
    "Part",
    "kind_of",
    "open_document",
]

Kind = Literal["txt", "pdf", "image"]

#: Suffixes picked up when a directory is scanned (other files there are ignored).
TEXT_SUFFIXES = frozenset({".txt", ".text"})


def kind_of(path: str | os.PathLike[str]) -> Kind:
    """What reader a path goes to, by suffix (anything unknown is read as text)."""
    if PurePath(path).suffix.lower() == ".pdf":
        return "pdf"
    if is_image_path(path):
        return "image"
    return "txt"


class Part(NamedTuple):
    """A piece of a document: ``page`` numbers from 1; several parts may share a page."""

    page: int
    text: str


class Document:
    """An open input.  Iterate :meth:`parts` once; metadata is complete after that.

    ``encoding`` is the detected encoding of a text input (None for PDF and images),
    ``engines`` what produced the text (``text``, ``pdf-text-layer``, ``tesseract 5.3.0 (aze)``),
    ``notes`` repairs made while reading, ``pages`` the number of pages seen.
    """

    def __init__(
        self,
        source: str,
        kind: Kind,
        *,
        ocr: OcrMode = "auto",
        lang: str = "aze",
        stream: BinaryIO | None = None,
    ) -> None:
        self.source = source
        self.kind: Kind = kind
        self.ocr: OcrMode = ocr
        self.lang = lang
        self.encoding: str | None = None
        self.engines: list[str] = []
        self.notes: list[str] = []
        self.pages = 0
        self._text: TextStream | None = None
        self._close = stream is None
        if kind == "txt":
            self._text = TextStream(stream, name=source) if stream else open_text(source)
            self.encoding = self._text.encoding
            self.engines.append("text")
            if self._text.empty:
                self.notes.append("empty input")

    @property
    def engine(self) -> str:
        """The engines that produced the text, joined with ``+``."""
        return "+".join(self.engines)

    def _engine(self, name: str) -> None:
        if name not in self.engines:
            self.engines.append(name)

    def parts(self) -> Iterator[Part]:
        """Yield the document text piece by piece (raises InputError on unreadable content)."""
        if self._text is not None:
            self.pages = 1
            try:
                for chunk in self._text:
                    yield Part(1, chunk)
            except OSError as exc:
                raise InputError(self.source, f"read error: {exc.strerror or exc}") from None
            finally:
                self.notes.extend(n for n in self._text.notes if n not in self.notes)
                if self._close:
                    self._text.close()
        elif self.kind == "pdf":
            for page in read_pdf(self.source, self.ocr, self.lang):
                self.pages = page.number
                if page.source == "text-layer":
                    self._engine("pdf-text-layer")
                elif page.source == "ocr":
                    self._engine(f"{check_ocr(self.lang)} ({self.lang})")
                else:
                    self.notes.append(f"page {page.number}: no text layer, OCR off")
                yield Part(page.number, page.text)
        else:
            self._engine(f"{check_ocr(self.lang)} ({self.lang})")
            for number, text in enumerate(read_image(self.source, self.lang), 1):
                self.pages = number
                yield Part(number, text)


def open_document(
    path: str, *, ocr: OcrMode = "auto", lang: str = "aze", stream: BinaryIO | None = None
) -> Document:
    """Open ``path`` (or the binary ``stream``, read as text) for reading.

    >>> open_document("/no/such/file.pdf").kind
    'pdf'
    """
    return Document(path, "txt" if stream else kind_of(path), ocr=ocr, lang=lang, stream=stream)
