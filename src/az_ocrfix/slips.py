"""OCR slips that are not letter confusions: digits read as letters, W read as VV, I read as
l in a Roman numeral, two words fused by a stray dot.

The Azerbaijani tesseract model on worn scans writes ``zozo-ci`` for ``2020-ci``, ``VVUF`` for
``WUF`` and ``dövlət.proqramı`` for ``dövlət proqramı``; the English model on a sans face
writes ``Ill`` for ``III``.  Each rule fires only where the reading is certain from the
context: a numeral suffix or a real digit beside the letters, an all-capital Latin token
(Azerbaijani has no W), a Roman numeral before a capitalized word or əsr, two listed words on
both sides of the dot.

>>> from az_ocrfix.lexicon import Lexicon
>>> lex = Lexicon.default()
>>> apply_slips("zozo-ci ildə VVUF və dövlət.proqramı", lex)[0]
'2020-ci ildə WUF və dövlət proqramı'
>>> apply_slips("Ill Aleksandr, XIl əsr, Il Forum; Ill be there, Il faut", lex)[0]
'III Aleksandr, XII əsr, II Forum; Ill be there, Il faut'
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache

import regex

from az_ocrfix.morphology import host_suffixes, is_roman_ivx, number_words
from az_ocrfix.resources import data_rows
from az_ocrfix.tokenize import PROTECTED

__all__ = ["Slip", "apply_slips", "find_slips"]

#: (start, end, replacement) in the text.
Slip = tuple[int, int, str]

_STRAY_DOT = regex.compile(r"(?<![\w.@/:-])(\p{Ll}{2,})\.(\p{Ll}{2,})(?![\w@/-]|\.\w)")
_DOUBLE_V = regex.compile(r"(?<![\p{L}\d])[A-Z]*VV[A-Z]*(?![\p{L}\d])")
_YEAR_WORD = regex.compile(r"\s+il\p{Ll}*\b")
#: A Roman numeral with a glyph a sans face prints for I (l, 1, |, ]): "Ill", "XIl", "II]".
_ROMANISH = regex.compile(r"(?<![^\s(“\"«])[IVX][IVXl1|\]]{1,4}(?=[\s.,;:)]|$)")
_I_GLYPHS = str.maketrans("l1|]", "IIII")
#: What follows a Roman numeral: a name or title ("III Aleksandr", "II Forum"), or əsr
#: ("XIl əsr", also garbled: "asrin", "osrdo").
_AFTER_ROMAN = regex.compile(r"[.,]?\s+(?:\p{Lu}|[əaoe]sr)")
#: Digits that OCR also prints for letters, so they do not prove a token is a number.
LETTER_DIGITS = frozenset("0168")


@lru_cache(maxsize=1)
def _lookalikes() -> dict[str, str]:
    return {letter: digit for letter, digit in data_rows("digit_lookalikes.tsv", header=True)}


@lru_cache(maxsize=1)
def _number_suffixes() -> frozenset[str]:
    return frozenset(form for r in number_words() for form, _ in host_suffixes(r))


@lru_cache(maxsize=1)
def _digitish() -> regex.Pattern[str]:
    letters = "".join(regex.escape(c) for c in sorted(_lookalikes()))
    return regex.compile(rf"(?<![\p{{L}}\d])[{letters}\d]{{2,4}}(?![\p{{L}}\d])")


def _as_digits(token: str, text: str, end: int, lexicon: Container[str]) -> str | None:
    table = _lookalikes()
    letters = sum(1 for c in token if c in table)
    # 0, 1, 6 and 8 are themselves what an English model prints for o, ı, ö and ş (6zol = özəl).
    solid = sum(1 for c in token if c.isdigit() and c not in LETTER_DIGITS)
    if not letters:
        return None
    as_number = "".join(table.get(c, c) for c in token)
    if solid and len(token) >= 3:
        return as_number  # zoz4, 2O24: digits and their lookalikes mixed
    if token.lower() in lexicon:
        return None  # ol-da, so: a word
    suffix = regex.match(r"[-‐](\p{Ll}{1,6})(?![\p{L}\d])", text[end:])
    if suffix and suffix.group(1) in _number_suffixes():
        return as_number  # zozo-ci: only a number takes a hyphenated numeral suffix
    if len(token) == 4 and _YEAR_WORD.match(text, end):
        return as_number  # zozo ildə
    return None


def find_slips(text: str, lexicon: Container[str]) -> list[Slip]:
    """The slips in ``text``, sorted and disjoint; ``lexicon`` holds lowercase forms.

    >>> find_slips("Bu dövlət.proqramı, QHT.az, sayt.az, plan.pdf", {"dövlət", "proqramı", "az"})
    [(9, 10, ' ')]
    """
    protected = [m.span() for m in regex.finditer(PROTECTED, text)]

    def free(start: int, end: int) -> bool:
        return not any(s < end and start < e for s, e in protected)

    found: list[Slip] = []
    for m in _digitish().finditer(text):
        number = _as_digits(m.group(), text, m.end(), lexicon)
        if number is not None and free(*m.span()):
            found.append((m.start(), m.end(), number))
    for m in _ROMANISH.finditer(text):
        numeral = m.group().translate(_I_GLYPHS)
        if (
            numeral != m.group()
            and is_roman_ivx(numeral)
            and _AFTER_ROMAN.match(text, m.end())
            and free(*m.span())
        ):
            found.append((m.start(), m.end(), numeral))
    for m in _DOUBLE_V.finditer(text):
        if len(m.group()) <= 8 and free(*m.span()):
            found.append((m.start(), m.end(), m.group().replace("VV", "W")))
    for m in _STRAY_DOT.finditer(text):
        left, right = m.group(1), m.group(2)
        extension = right.isascii() and len(right) <= 4  # hesabat.pdf, index.html
        if left in lexicon and right in lexicon and not extension and free(*m.span()):
            found.append((m.start(1) + len(left), m.start(2), " "))
    found.sort()
    out: list[Slip] = []
    for slip in found:
        if not out or slip[0] >= out[-1][1]:
            out.append(slip)
    return out


def apply_slips(
    text: str, lexicon: Container[str], offsets: list[int] | None = None
) -> tuple[str, list[int], list[Slip]]:
    """``text`` with its slips mended, the offset map carried along (each output character →
    an input position; ``offsets`` maps ``text`` itself, identity when None), and the slips."""
    if offsets is None:
        offsets = list(range(len(text) + 1))
    slips = find_slips(text, lexicon)
    if not slips:
        return text, offsets, slips
    parts: list[str] = []
    new_offsets: list[int] = []
    pos = 0
    for start, end, repl in slips:
        parts.append(text[pos:start])
        new_offsets += offsets[pos:start]
        parts.append(repl)
        new_offsets += [offsets[min(start + i, end - 1)] for i in range(len(repl))]
        pos = end
    parts.append(text[pos:])
    new_offsets += offsets[pos:]
    return "".join(parts), new_offsets, slips
