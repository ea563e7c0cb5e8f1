"""Scan OCR text into content lines: spans, indentation, the breaks between them, page furniture.

Nothing is copied here: a :class:`Line` only records where its content lies in the input, so the
rewriter can copy spans and keep the offset map exact.

>>> text = "~ comiy-\\n\\n  yotinin "
>>> [text[ln.start : ln.end] for ln in scan_lines(text)]
['comiy-', 'yotinin']
"""

from __future__ import annotations

from dataclasses import dataclass, field

import regex

__all__ = ["REMOVABLE", "Line", "drop_page_furniture", "scan_lines", "skip_debris"]

#: Characters deleted wherever they occur: soft hyphen, zero-width space/joiners, word joiner, BOM.
REMOVABLE = regex.compile(r"[\u00ad\u200b\u200c\u200d\u2060\ufeff]")

# One physical line and the break that ends it (\n, \r\n, \f or the end of the text).
_LINE = regex.compile(r"([^\n\f]*?)\r?(\n|\f|\Z)")
# Leading whitespace, then tesseract's margin debris ("~ ", "| ", "¦") possibly repeated.
_LEAD = regex.compile(r"[ \t\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff]*")
_DEBRIS = regex.compile(
    r"(?:[~|](?:[ \t\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff]+|$)"
    r"|¦[ \t\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff]*)+"
)
_TRAIL = regex.compile(r"[ \t\u00a0\u00ad\u200b\u200c\u200d\u2060\ufeff]*$")

# A page number: "12", "- 12 -", "Səh. 12", "səhifə 12".
_PAGE_NUMBER = regex.compile(r"(?i)^[-–— ]*(?:s[əe]h(?:if[əe])?\.?\s*)?\d{1,4}[-–— ]*$")
_DIGITS = regex.compile(r"\d+")
_SPACES = regex.compile(r"\s+")


@dataclass(slots=True)
class Line:
    """A non-blank input line: its content span (debris and outer blanks excluded) and context."""

    #: Content span ``text[start:end]``.
    start: int
    end: int
    #: The raw line began with whitespace (before any margin debris).
    indented: bool
    #: Page number (counted from 0, pages separated by form feeds).
    page: int
    #: Input positions of the line breaks (``\\n`` or ``\\f``) between this line and the next
    #: kept line; their count tells blank lines apart from a plain line end.
    breaks: list[int] = field(default_factory=list)
    #: True when a page break lies between this line and the next kept line.
    page_break: bool = False
    #: The line ended in a soft hyphen (outside the content span): a word break for sure.
    soft_end: bool = False


def scan_lines(text: str) -> list[Line]:
    """Split ``text`` into non-blank lines with the breaks that follow each of them.

    Breaks before the first line are not recorded (leading blank lines vanish).

    >>> ls = scan_lines("a\\n\\n | b\\fc")
    >>> [(l.start, l.end, l.indented, l.page, l.breaks) for l in ls]
    [(0, 1, False, 0, [1, 2]), (6, 7, True, 0, [7]), (8, 9, False, 1, [])]
    """
    lines: list[Line] = []
    page = 0
    pos = 0
    n = len(text)
    while pos <= n:
        m = _LINE.match(text, pos)
        if m is None:  # pragma: no cover - the pattern always matches
            break
        s, e = m.span(1)
        lead = _LEAD.match(text, s, e)
        cs = lead.end() if lead else s
        indented = cs > s and text[s] in " \t\u00a0"
        d = _DEBRIS.match(text, cs, e)
        if d is not None and d.end() > cs:
            cs = d.end()
            lead2 = _LEAD.match(text, cs, e)
            cs = lead2.end() if lead2 else cs
        t = _TRAIL.search(text, cs, e)
        ce = t.start() if t else e
        if ce > cs and not _only_removable(text, cs, ce):
            soft = "\u00ad" in text[ce:e]
            lines.append(Line(cs, ce, indented, page, soft_end=soft))
        brk = m.group(2)
        if brk:
            bpos = m.start(2)
            if lines:
                lines[-1].breaks.append(bpos)
                if brk == "\f":
                    lines[-1].page_break = True
            if brk == "\f":
                page += 1
            pos = m.end()
        else:
            break
    return lines


def skip_debris(text: str, pos: int, end: int) -> int:
    """Position after the blanks and margin debris starting at ``pos`` (up to ``end``).

    >>> skip_debris("x  | ~ word", 1, 11)
    7
    """
    while True:
        lead = _LEAD.match(text, pos, end)
        pos = lead.end() if lead else pos
        d = _DEBRIS.match(text, pos, end)
        if d is None or d.end() == pos:
            return pos
        pos = d.end()


def _only_removable(text: str, s: int, e: int) -> bool:
    return not REMOVABLE.sub("", text[s:e]).strip()


def drop_page_furniture(text: str, lines: list[Line], edge: int = 2) -> list[Line]:
    """Remove page numbers and running headers/footers from a multi-page text.

    Only the ``edge`` first and last lines of each page are candidates.  A page number is a line
    of 1-4 digits (optionally "- 12 -" or "Səh. 12"); a running header is a short line (at most
    80 characters) that, with digits masked, occurs at the edge of at least two pages.  A text
    without form feeds is returned unchanged.  The breaks of a dropped line go with it.

    >>> t = "HEADER\\nbody one\\n1\\fHEADER\\nbody two\\n2"
    >>> [t[l.start:l.end] for l in drop_page_furniture(t, scan_lines(t))]
    ['body one', 'body two']
    """
    pages = max((ln.page for ln in lines), default=0) + 1
    if pages < 2:
        return lines
    by_page: dict[int, list[int]] = {}
    for i, ln in enumerate(lines):
        by_page.setdefault(ln.page, []).append(i)
    edges: dict[int, str] = {}
    for idx in by_page.values():
        for i in idx[:edge] + idx[-edge:]:
            edges[i] = _SPACES.sub(" ", _DIGITS.sub("#", text[lines[i].start : lines[i].end]))
    pages_with: dict[str, set[int]] = {}
    for i, key in edges.items():
        if len(key) <= 80:
            pages_with.setdefault(key, set()).add(lines[i].page)
    drop = {
        i
        for i, key in edges.items()
        if _PAGE_NUMBER.match(text, lines[i].start, lines[i].end)
        or len(pages_with.get(key, ())) >= 2
    }
    if not drop:
        return lines
    kept: list[Line] = []
    for i, ln in enumerate(lines):
        if i in drop:
            if kept:
                # Its newlines go with it; a form feed it carried stays a page break.
                kept[-1].breaks.extend(b for b in ln.breaks if text[b] == "\f")
                kept[-1].page_break |= ln.page_break
            continue
        kept.append(ln)
    return kept
