"""Lay clean text out as a narrow newspaper column, draw it with PIL, and record the layout.

The layout records, for every printed line, its text and how it ends:

- ``"syllable"``: a word was broken at a syllable boundary and a hyphen added (``cəmiy-``);
  joining drops the hyphen and the line break.
- ``"real"``: the line ends right after a hyphen that belongs to the text (``QHT-``,
  ``qeyri-``, ``2024-``, ``öz-``); joining keeps the hyphen and drops the line break.
- ``"none"``: an ordinary break between words (also after an em dash); joining puts a space.

>>> import random
>>> from az_ocrfix.synth.fonts import face_by_name
>>> style = PageStyle(face=face_by_name("dejavu-serif"), column_chars=16)
>>> lines = layout_lines(["Azərbaycan QHT-lərinin əməkdaşlığı"], style, random.Random(1))
>>> join_lines(lines) == "Azərbaycan QHT-lərinin əməkdaşlığı"
True
>>> all(len(line.text) <= 24 for line in lines)
True
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any, Literal, NamedTuple

import regex

from az_ocrfix.synth.fonts import Face
from az_ocrfix.synth.hyphenate import break_points

if TYPE_CHECKING:
    from PIL import Image, ImageFont

__all__ = [
    "Line",
    "LineEnd",
    "PageStyle",
    "draw_page",
    "join_lines",
    "layout_lines",
    "layout_to_dict",
    "page_text",
    "render_page",
    "token_breaks",
]

LineEnd = Literal["none", "syllable", "real"]

_LETTER_RUN = regex.compile(r"[^\W\d_]+")
#: Stand-alone dash tokens (em, en, and a spaced hyphen-minus used as a dash).
_DASHES = frozenset({"—", "–", "-"})
#: Sample used to measure a face's average character width (typical Azerbaijani news text).
_WIDTH_SAMPLE = "Azərbaycan Respublikasının vətəndaş cəmiyyəti, Milli Məclisdə müzakirə olunub."


class PageStyle(NamedTuple):
    """How a page looks.  Sizes are in points at ``dpi``; the column is ~``column_chars`` wide."""

    face: Face
    size_pt: float = 10.0
    dpi: int = 300
    column_chars: int = 38
    paragraph_style: Literal["blank", "indent"] = "blank"
    justify: bool = True
    leading: float = 1.3
    margin_pt: float = 14.0
    #: Chance to hyphenate a word that does not fit, when it can be broken.
    hyphenate_rate: float = 0.9
    #: Chance to end a line at a genuine hyphen (compound, acronym-suffix, number-suffix) or a
    #: stand-alone dash that would still fit, so such line ends are well represented.
    forced_break_rate: float = 0.5


class Line(NamedTuple):
    """One printed line: its text, how it ends, and the index of its paragraph."""

    text: str
    end: LineEnd
    paragraph: int


@lru_cache(maxsize=32)
def _font(path: str, size_px: int) -> ImageFont.FreeTypeFont:
    from PIL import ImageFont

    return ImageFont.truetype(path, size_px)


def _size_px(style: PageStyle) -> int:
    return max(8, round(style.size_pt * style.dpi / 72))


def _font_for(style: PageStyle) -> ImageFont.FreeTypeFont:
    return _font(str(style.face.path), _size_px(style))


def _column_px(style: PageStyle) -> float:
    font = _font_for(style)
    return style.column_chars * font.getlength(_WIDTH_SAMPLE) / len(_WIDTH_SAMPLE)


def token_breaks(token: str) -> list[tuple[int, LineEnd]]:
    """Where a whitespace-free token may end a line, with the kind of break, in text order.

    A ``"real"`` break is just after a hyphen inside the token; a ``"syllable"`` break is a
    syllable boundary inside a run of letters (a hyphen will be added there).

    >>> token_breaks("QHT-lərinin")
    [(4, 'real'), (6, 'syllable'), (8, 'syllable')]
    >>> token_breaks("2024-cü")
    [(5, 'real')]
    >>> token_breaks("“Azərbaycan")
    [(5, 'syllable'), (8, 'syllable')]
    """
    out: list[tuple[int, LineEnd]] = []
    for i, ch in enumerate(token[:-1]):
        if ch == "-" and i > 0 and token[i + 1] != "-":
            out.append((i + 1, "real"))
    for m in _LETTER_RUN.finditer(token):
        run = m.group()
        # A run glued to digits (2024-cü keeps "cü" whole) is still a letter run; fine to break.
        out.extend((m.start() + p, "syllable") for p in break_points(run))
    return sorted(out)


def layout_lines(paragraphs: Sequence[str], style: PageStyle, rng: random.Random) -> list[Line]:
    """Fill a column greedily, hyphenating at syllable boundaries (see module docstring)."""
    font = _font_for(style)
    width = _column_px(style)
    indent = 2 * _size_px(style) if style.paragraph_style == "indent" else 0
    lines: list[Line] = []

    def fits(words: list[str], first: bool) -> bool:
        limit = width - (indent if first else 0)
        return font.getlength(" ".join(words)) <= limit

    for p_index, paragraph in enumerate(paragraphs):
        tokens = paragraph.split()
        current: list[str] = []
        first = True

        def flush(end: LineEnd, par: int = p_index) -> None:
            nonlocal current, first
            if current:
                lines.append(Line(" ".join(current), end, par))
            current = []
            first = False

        queue = list(reversed(tokens))
        while queue:
            token = queue.pop()
            if fits([*current, token], first):
                full_enough = font.getlength(" ".join([*current, token])) > 0.6 * width
                if token in _DASHES and full_enough and rng.random() < style.forced_break_rate:
                    current.append(token)
                    flush("none")
                    continue
                reals = [(i, k) for i, k in token_breaks(token) if k == "real"]
                if reals and current and rng.random() < style.forced_break_rate:
                    cut = reals[-1][0]
                    if font.getlength(" ".join([*current, token[:cut]])) > 0.6 * width:
                        current.append(token[:cut])
                        flush("real")
                        queue.append(token[cut:])
                        continue
                current.append(token)
                continue
            # The token does not fit: break it if we can, else start a new line with it.
            chosen: tuple[int, LineEnd] | None = None
            if rng.random() < style.hyphenate_rate:
                for cut, kind in token_breaks(token):
                    shown = token[:cut] + ("-" if kind == "syllable" else "")
                    if fits([*current, shown], first):
                        chosen = (cut, kind)
            if chosen is not None:
                cut, kind = chosen
                current.append(token[:cut] + ("-" if kind == "syllable" else ""))
                flush(kind)
                queue.append(token[cut:])
            elif current:
                flush("none")
                queue.append(token)
            else:  # a single token wider than the column: print it anyway
                current.append(token)
                flush("none")
        flush("none")
    return lines


def join_lines(lines: Sequence[Line]) -> str:
    """Undo the layout: paragraphs of joined lines, separated by blank lines.

    >>> join_lines([Line("cəmiy-", "syllable", 0), Line("yət QHT-", "real", 0),
    ...             Line("lər", "none", 0), Line("Son.", "none", 1)])
    'cəmiyyət QHT-lər\\n\\nSon.'
    """
    paragraphs: list[str] = []
    buf = ""
    last_par: int | None = None
    pending: LineEnd = "none"
    for line in lines:
        if last_par is not None and line.paragraph != last_par:
            paragraphs.append(buf)
            buf = ""
        elif buf:
            if pending == "syllable":
                buf = buf[:-1]
            elif pending == "none":
                buf += " "
        buf += line.text
        pending = line.end
        last_par = line.paragraph
    if last_par is not None:
        paragraphs.append(buf)
    return "\n\n".join(paragraphs)


def page_text(lines: Sequence[Line]) -> str:
    """The text exactly as printed: one line per printed line, blank line between paragraphs.

    >>> page_text([Line("a b-", "syllable", 0), Line("c", "none", 0), Line("d", "none", 1)])
    'a b-\\nc\\n\\nd'
    """
    out: list[str] = []
    for i, line in enumerate(lines):
        if i and line.paragraph != lines[i - 1].paragraph:
            out.append("")
        out.append(line.text)
    return "\n".join(out)


def draw_page(lines: Sequence[Line], style: PageStyle) -> Image.Image:
    """Draw the lines in black on a white grayscale page (justified unless told otherwise)."""
    from PIL import Image, ImageDraw

    font = _font_for(style)
    size = _size_px(style)
    width = _column_px(style)
    margin = round(style.margin_pt * style.dpi / 72)
    line_h = round(size * style.leading)
    indent = 2 * size if style.paragraph_style == "indent" else 0
    n_gaps = sum(1 for i in range(1, len(lines)) if lines[i].paragraph != lines[i - 1].paragraph)
    gap = line_h if style.paragraph_style == "blank" else 0
    height = 2 * margin + len(lines) * line_h + n_gaps * gap
    img = Image.new("L", (round(width) + 2 * margin, height), 255)
    draw = ImageDraw.Draw(img)
    y = margin
    for i, line in enumerate(lines):
        new_par = i == 0 or line.paragraph != lines[i - 1].paragraph
        if new_par and i:
            y += gap
        x0 = margin + (indent if new_par else 0)
        words = line.text.split(" ")
        last_of_par = i + 1 == len(lines) or lines[i + 1].paragraph != line.paragraph
        space = font.getlength(" ")
        if style.justify and not last_of_par and len(words) > 1:
            natural = sum(font.getlength(w) for w in words)
            space = max(space, (width - (x0 - margin) - natural) / (len(words) - 1))
            space = min(space, 3 * font.getlength(" "))
        x = float(x0)
        for w in words:
            draw.text((x, y), w, font=font, fill=0)
            x += font.getlength(w) + space
        y += line_h
    return img


def layout_to_dict(lines: Sequence[Line], style: PageStyle) -> dict[str, Any]:
    """The JSON-able layout record saved next to a page image.

    >>> from az_ocrfix.synth.fonts import face_by_name
    >>> d = layout_to_dict([Line("a", "none", 0)], PageStyle(face_by_name("noto-sans")))
    >>> d["font"], d["lines"]
    ('noto-sans', [{'text': 'a', 'end': 'none', 'paragraph': 0}])
    """
    return {
        "version": 1,
        "font": style.face.name,
        "font_style": style.face.style,
        "size_pt": style.size_pt,
        "dpi": style.dpi,
        "column_chars": style.column_chars,
        "paragraph_style": style.paragraph_style,
        "justify": style.justify,
        "lines": [{"text": ln.text, "end": ln.end, "paragraph": ln.paragraph} for ln in lines],
    }


def render_page(
    paragraphs: Sequence[str], style: PageStyle, seed: int = 0
) -> tuple[Image.Image, list[Line]]:
    """Lay out and draw ``paragraphs``; returns the image and its lines.

    >>> from az_ocrfix.synth.fonts import face_by_name
    >>> img, lines = render_page(["Bu gün hava gözəldir."], PageStyle(face_by_name("freesans")))
    >>> img.mode, len(lines), lines[0].end
    ('L', 1, 'none')
    """
    lines = layout_lines(paragraphs, style, random.Random(seed))
    return draw_page(lines, style), lines
