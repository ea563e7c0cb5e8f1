"""Plain-text inputs: encoding detection with Azerbaijani-aware scoring, mojibake repair, streaming.

Archive dumps come in UTF-8 (with or without BOM), UTF-16, and the legacy code pages used for
Azerbaijani and Russian (cp1254, ISO-8859-9, cp1251, KOI8-R).  Every candidate decoding of a
sample is scored by what an Azerbaijani text looks like (ə ı ğ ş ç ö ü, whole-script words, no
control characters, no mojibake) and the best one wins.

>>> decode_bytes("Azərbaycan".encode("utf-8"))
('Azərbaycan', 'utf-8')
>>> decode_bytes("Şəki şəhəri".encode("utf-16"))
('Şəki şəhəri', 'utf-16')
>>> decode_bytes("Şəki və Gəncə dağları gözəldir".replace("ə", "ä").encode("cp1254"))
('Şəki və Gəncə dağları gözəldir', 'cp1254')

Large files are never read whole: :func:`open_text` returns a :class:`TextStream` that yields
the text in chunks cut at whitespace, decoded incrementally.
"""

from __future__ import annotations

import codecs
import os
import stat
import unicodedata
from collections.abc import Iterator
from typing import BinaryIO

import ftfy
import regex
from charset_normalizer import from_bytes
from ftfy.badness import badness, is_bad

from az_ocrfix.io.errors import InputError

__all__ = [
    "CANDIDATES",
    "TextStream",
    "decode_bytes",
    "detect_encoding",
    "open_text",
    "repair_mojibake",
    "score_decoding",
]

#: Legacy single-byte code pages tried when the bytes are not Unicode; order breaks ties.
CANDIDATES = ("cp1254", "iso8859-9", "cp1251", "koi8-r")

#: Bytes looked at to choose an encoding.
SAMPLE_BYTES = 1 << 18
#: Characters per chunk handed to the repair (a chunk is cut at a paragraph, line or space).
CHUNK_CHARS = 1 << 19
_READ_BYTES = 1 << 20

_AZ_LATIN = frozenset("əƏıİğĞşŞçÇöÖüÜ")
_AZ_CYRILLIC_EXTRA = frozenset("әӘғҒҹҸјЈһҺөӨүҮҝҜ")
_GOOD_PUNCT = frozenset("“”„‘’«»–—…№")
_WORD = regex.compile(r"\p{L}+")
_CASE_FLIP = regex.compile(r"\p{Ll}\p{Lu}")
#: A UTF-8 lead byte followed by a continuation byte, as cp1252/cp1254/cp1251 decode them: a
#: chunk without such a pair cannot hold mojibake, and ftfy's full check (slow) is skipped.
_MOJIBAKE_HINT = regex.compile(
    "[\u00c0-\u00ff\u011e\u011f\u0130\u0131\u015e\u015f\u0410-\u044f]"
    "[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122"
    "\u2116\u0401-\u040f\u0451-\u045f\u0490\u0491]"
)
_CONTROL = regex.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd]")


def score_decoding(text: str) -> float:
    """Score how much ``text`` looks like correctly decoded Azerbaijani (or Russian); higher wins.

    Only non-ASCII material matters (every candidate decodes ASCII alike): Azerbaijani letters
    and whole-script Cyrillic words count for, control characters, stray symbols, words mixing
    scripts, case flips inside words (KOI8-R read as cp1251) and mojibake count against.

    >>> score_decoding("Azərbaycan şəhəri") > score_decoding("AzÉ™rbaycan ÅŸÉ™hÉ™ri")
    True
    >>> score_decoding("Привет, мир") > score_decoding("пРИВЕТ, НИП")
    True
    """
    score = 0.0
    for word in _WORD.findall(text):
        if word.isascii():
            continue
        cyr = sum(1 for ch in word if "CYRILLIC" in unicodedata.name(ch, ""))
        lat = len(word) - cyr
        if cyr and lat:
            score -= 3.0 * min(cyr, lat)
        for ch in word:
            if ch in _AZ_LATIN or ch in _AZ_CYRILLIC_EXTRA:
                score += 2.0
            elif ch.isascii():
                continue
            elif not unicodedata.name(ch, "").startswith(("LATIN", "CYRILLIC")):
                score -= 2.0  # other scripts do not turn up in these archives, mojibake does
            elif cyr and not lat:
                score += 1.0
        score -= 1.5 * len(_CASE_FLIP.findall(word))
    for ch in text:
        if ch.isascii() or ch.isalpha() or ch.isspace():
            continue
        score += 0.5 if ch in _GOOD_PUNCT else -2.0
    score -= 5.0 * len(_CONTROL.findall(text))
    score -= 3.0 * badness(text)
    return score


def _bom(data: bytes) -> tuple[str, int] | None:
    for bom, name in (
        (codecs.BOM_UTF32_LE, "utf-32"),
        (codecs.BOM_UTF32_BE, "utf-32"),
        (codecs.BOM_UTF8, "utf-8-sig"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if data.startswith(bom):
            return name, len(bom)
    return None


def _utf16_without_bom(data: bytes) -> str | None:
    """UTF-16 text of a Latin or Cyrillic script has a zero (or 0x04) byte every other byte."""
    even, odd = data[0::2], data[1::2]
    if len(data) < 4:
        return None
    for half, name in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if half.count(0) + half.count(1) + half.count(2) + half.count(4) > 0.4 * len(half):
            text = data[: min(len(data), 8192) // 2 * 2].decode(name, errors="replace")
            clean = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
            return name if clean >= 0.98 * len(text) else None
    return None


def _looks_binary(data: bytes) -> bool:
    if b"\x00" in data:
        return True
    controls = sum(data.count(bytes([b])) for b in (*range(0, 8), *range(14, 27), *range(28, 32)))
    return controls > max(2, len(data) // 100)


class _Utf8Errors:
    """``codecs`` error handler: bytes that are not UTF-8 are read as cp1254 and counted."""

    count = 0

    @classmethod
    def handler(cls, err: UnicodeError) -> tuple[str, int]:
        assert isinstance(err, UnicodeDecodeError)
        cls.count += err.end - err.start
        bad = err.object[err.start : err.end]
        return bad.decode("cp1254", errors="replace"), err.end


codecs.register_error("az-ocrfix-cp1254", _Utf8Errors.handler)


def detect_encoding(sample: bytes, *, final: bool = True) -> str:
    """Choose the encoding of ``sample`` (the start of a file; ``final`` if it is all of it).

    Returns a Python codec name: ``utf-8-sig``/``utf-16``/``utf-32`` for a BOM, ``utf-8``,
    ``utf-16-le``/``utf-16-be`` without BOM, or the best scoring of :data:`CANDIDATES`.
    Mostly-valid UTF-8 with a few stray bytes is ``utf-8`` (the stray bytes are read as cp1254).

    >>> detect_encoding("Gəncə".encode("utf-8"))
    'utf-8'
    >>> detect_encoding("Мир и труд, прекрасная погода".encode("koi8-r"))
    'koi8-r'
    >>> detect_encoding("Мир и труд, прекрасная погода".encode("cp1251"))
    'cp1251'
    """
    bom = _bom(sample)
    if bom:
        return bom[0]
    utf16 = _utf16_without_bom(sample)
    if utf16:
        return utf16
    decoder = codecs.getincrementaldecoder("utf-8")(errors="az-ocrfix-cp1254")
    _Utf8Errors.count = 0
    text = decoder.decode(sample, final=final)
    bad = _Utf8Errors.count
    good = sum(1 for ch in text if not ch.isascii()) - bad
    if bad == 0 or good >= 4 * bad:
        return "utf-8"
    candidates = list(CANDIDATES)
    best = from_bytes(sample[:65536]).best()
    if best is not None:
        guess = codecs.lookup(best.encoding).name
        if guess not in candidates and not guess.startswith("utf"):
            candidates.append(guess)
    scored = [
        (score_decoding(sample.decode(enc, errors="replace")), -i, enc)
        for i, enc in enumerate(candidates)
    ]
    return max(scored)[2]


def repair_mojibake(text: str) -> str:
    """Undo UTF-8 read as cp1252/cp1254/cp1251 (ftfy), word by word, where it scores better.

    Only the whitespace-delimited words ftfy flags are touched, and a repair is kept only if
    :func:`score_decoding` clearly prefers it: clean text with odd punctuation stays as it is.

    >>> repair_mojibake("Bakı — AzÉ™rbaycanÄ±n paytaxtÄ±dÄ±r. İ“")
    'Bakı — Azərbaycanın paytaxtıdır. İ“'
    """
    out: list[str] = []
    done = 0
    for hint in _MOJIBAKE_HINT.finditer(text):
        if hint.start() < done:
            continue
        start = max(text.rfind(" ", 0, hint.start()), text.rfind("\n", 0, hint.start())) + 1
        end = min(
            (i for i in (text.find(" ", hint.end()), text.find("\n", hint.end())) if i >= 0),
            default=len(text),
        )
        word = text[start:end]
        if is_bad(word):
            fixed = ftfy.fix_encoding(word)
            if fixed != word and score_decoding(fixed) >= score_decoding(word) + 2.0:
                out += [text[done:start], fixed]
                done = end
    return "".join([*out, text[done:]]) if out else text


def _schwa_stand_in(text: str) -> bool:
    """True when a text without ə writes it as ä (the 1991-92 alphabet, and cp1254 typing)."""
    if "ə" in text or "Ə" in text:
        return False
    words = _WORD.findall(text)
    with_a = sum(1 for w in words if "ä" in w or "Ä" in w)
    return with_a >= 3 and with_a >= 0.02 * len(words)


class TextStream:
    """The decoded text of a binary stream, as an iterator of chunks cut at whitespace.

    ``encoding`` is known once the object exists; ``notes`` grows as repairs are made
    (mojibake fixed, stray bytes, ä read as ə).  Line ends are normalized to ``\\n``.

    >>> import io
    >>> s = TextStream(io.BytesIO("bir\\r\\niki üç".encode("cp1254")), chunk_chars=4)
    >>> s.encoding, list(s)
    ('cp1254', ['bir\\n', 'iki ', 'üç'])
    """

    def __init__(
        self, stream: BinaryIO, *, name: str = "<stream>", chunk_chars: int = CHUNK_CHARS
    ) -> None:
        self.name = name
        self.chunk_chars = chunk_chars
        self.notes: list[str] = []
        self._stream = stream
        self._head = stream.read(SAMPLE_BYTES)
        self.empty = not self._head
        final = len(self._head) < SAMPLE_BYTES
        self.encoding = detect_encoding(self._head, final=final)
        if not self.encoding.startswith(("utf-16", "utf-32")) and _looks_binary(self._head):
            raise InputError(name, "binary data, not text (NUL or control bytes)")
        self.schwa_from_a = False
        self.n_invalid_utf8 = 0

    def close(self) -> None:
        """Close the underlying binary stream."""
        self._stream.close()

    def __enter__(self) -> TextStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _pieces(self) -> Iterator[str]:
        errors = "az-ocrfix-cp1254" if self.encoding == "utf-8" else "replace"
        decoder = codecs.getincrementaldecoder(self.encoding)(errors=errors)
        _Utf8Errors.count = 0
        data = self._head
        self._head = b""
        while data:
            yield decoder.decode(data)
            data = self._stream.read(_READ_BYTES)
        yield decoder.decode(b"", final=True)
        self.n_invalid_utf8 = _Utf8Errors.count if self.encoding == "utf-8" else 0
        if self.n_invalid_utf8:
            self.notes.append(f"{self.n_invalid_utf8} bytes not valid UTF-8 read as cp1254")

    def _finish(self, chunk: str, first: bool) -> str:
        if first:
            chunk = chunk.removeprefix("\ufeff")
            self.schwa_from_a = self.encoding in CANDIDATES[:2] and _schwa_stand_in(chunk)
            if self.schwa_from_a:
                self.notes.append("ä read as ə (no ə in the code page)")
        if self.schwa_from_a:
            chunk = chunk.replace("ä", "ə").replace("Ä", "Ə")
        fixed = repair_mojibake(chunk)
        if fixed != chunk and "mojibake repaired" not in self.notes:
            self.notes.append("mojibake repaired")
        return fixed

    def __iter__(self) -> Iterator[str]:
        buf = ""
        first = True
        for piece in self._pieces():
            buf += piece
            if "\r" in buf:
                hold = buf.endswith("\r")
                buf = buf[:-1] if hold else buf
                buf = buf.replace("\r\n", "\n").replace("\r", "\n") + ("\r" if hold else "")
            while len(buf) >= self.chunk_chars:
                cut = _cut_point(buf, self.chunk_chars)
                yield self._finish(buf[:cut], first)
                first = False
                buf = buf[cut:]
        buf = buf.replace("\r", "\n")
        if buf or first:
            yield self._finish(buf, first)


def _cut_point(buf: str, size: int) -> int:
    """Where to cut a buffer of at least ``size`` chars: after a blank line, newline or space."""
    low = size // 2
    for sep in ("\n\n", "\n", " ", "\t"):
        at = buf.rfind(sep, low, size)
        if at >= 0:
            return at + len(sep)
    for at in range(size, len(buf)):
        if buf[at].isspace():
            return at + 1
    return size if len(buf) > 4 * size else len(buf)


def open_text(path: str | os.PathLike[str], *, chunk_chars: int = CHUNK_CHARS) -> TextStream:
    """Open a text file for streamed reading (use it in a ``with``); bad files raise InputError.

    >>> open_text("/nonexistent.txt")
    Traceback (most recent call last):
    az_ocrfix.io.errors.InputError: /nonexistent.txt: no such file (or a broken symbolic link)
    """
    name = os.fspath(path)
    try:
        st = os.stat(name)
    except FileNotFoundError:
        raise InputError(name, "no such file (or a broken symbolic link)") from None
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(name, "is a directory")
    if not stat.S_ISREG(st.st_mode):
        raise InputError(name, "not a regular file (FIFO, socket or device)")
    if st.st_size == 0:
        raise InputError(name, "empty file (0 bytes)")
    try:
        handle = open(name, "rb")  # noqa: SIM115 - TextStream.close closes it
    except OSError as exc:
        raise InputError(name, f"cannot read: {exc.strerror}") from None
    try:
        return TextStream(handle, name=name, chunk_chars=chunk_chars)
    except BaseException:
        handle.close()
        raise


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode a whole byte string the way files are read; returns ``(text, encoding)``.

    >>> decode_bytes("AzÉ™rbaycan dili".encode("utf-8"))
    ('Azərbaycan dili', 'utf-8')
    """
    import io

    stream = TextStream(io.BytesIO(data), chunk_chars=max(len(data), 1) * 2)
    return "".join(stream), stream.encoding
