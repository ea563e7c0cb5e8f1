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

__all__ = [
    "REMOVABLE",
    "REMOVABLE_CHARS",
    "Line",
    "drop_intrusions",
    "drop_page_furniture",
    "scan_lines",
    "skip_debris",
]

#: Characters deleted wherever they occur: soft hyphen, zero-width space/joiners, word joiner, BOM.
REMOVABLE_CHARS = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
REMOVABLE = regex.compile(f"[{REMOVABLE_CHARS}]")

_BREAK = regex.compile(r"[\n\f]")
_BLANKS = " \t\u00a0"
_LEAD_CHARS = _BLANKS + REMOVABLE_CHARS
#: Stripped from line ends; a soft hyphen among them marks a word break (``Line.soft_end``).
_TRAIL_CHARS = _LEAD_CHARS
# Leading whitespace, then tesseract's margin debris ("~ ", "| ", "_ ", "¦") possibly repeated.
_LEAD = regex.compile(f"[{_LEAD_CHARS}]*")
_DEBRIS = regex.compile(f"(?:[~|_](?:[{_LEAD_CHARS}]+|$)|¦[{_LEAD_CHARS}]*)+")

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
    #: Characters a word join removes from the end of the content (the hyphen, or "--").
    cut: int = 0
    #: The cut characters are a hyphen printed oddly ("-—", "—-", "1935—" before "ci"): a join
    #: that keeps the hyphen writes "-" in their place.
    respell: bool = False


def scan_lines(text: str) -> list[Line]:
    """Split ``text`` into non-blank lines with the breaks that follow each of them.

    Breaks before the first line are not recorded (leading blank lines vanish).

    >>> ls = scan_lines("a\\n\\n | b\\fc")
    >>> [(l.start, l.end, l.indented, l.page, l.breaks) for l in ls]
    [(0, 1, False, 0, [1, 2]), (6, 7, True, 0, [7]), (8, 9, False, 1, [])]
    """
    lines: list[Line] = []
    page = 0
    start = 0
    n = len(text)
    has_removable = REMOVABLE.search(text) is not None
    lead_chars = _LEAD_CHARS if has_removable else _BLANKS
    while start <= n:
        brk = _BREAK.search(text, start)
        bpos = brk.start() if brk else n
        e = bpos - 1 if bpos > start and text[bpos - 1] == "\r" else bpos
        seg = text[start:e]
        body = seg.lstrip(lead_chars)
        cs = e - len(body)
        indented = cs > start and text[start] in _BLANKS
        if body and body[0] in "~|_¦":
            cs = skip_debris(text, cs, e)
            body = text[cs:e]
        tail = body.rstrip(_TRAIL_CHARS) if has_removable else body.rstrip(_BLANKS)
        ce = cs + len(tail)
        if ce > cs and not (has_removable and _only_removable(text, cs, ce)):
            soft = has_removable and "\u00ad" in text[ce:e]
            lines.append(Line(cs, ce, indented, page, soft_end=soft))
        if brk is None:
            break
        if lines:
            lines[-1].breaks.append(bpos)
        if text[bpos] == "\f":
            if lines:
                lines[-1].page_break = True
            page += 1
        start = bpos + 1
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


def drop_intrusions(text: str, lines: list[Line], max_block: int = 2) -> list[Line]:
    """Remove captions that interrupt a sentence: a block of at most ``max_block`` lines, set off
    by indentation or a blank line and followed by a blank line, not ending a sentence itself,
    after a line that does not end a sentence and before one that goes on with a lowercase
    letter or a digit (``icrasını`` / `` QHT-lərin ... quruculuğu`` / ``97 faiz``).

    >>> t = "bir uzun sətir burada\\nsonra da icrasını\\n  Başlıq sözləri\\n\\n97 faiz ilə"
    >>> [t[ln.start : ln.end] for ln in drop_intrusions(t, scan_lines(t))]
    ['bir uzun sətir burada', 'sonra da icrasını', '97 faiz ilə']
    """
    if len(lines) < 4:
        return lines
    drop: set[int] = set()
    for k in range(1, len(lines) - 1):
        prev = lines[k - 1]
        if k - 1 in drop or not _set_off(text, prev, lines[k]) or _ends_sentence(text, prev):
            continue
        for m in range(k, min(k + max_block, len(lines) - 1)):
            nxt = lines[m + 1]
            if _newlines(text, lines[m]) < 2:
                continue  # the block goes on
            if not _ends_sentence(text, lines[m]) and _CONTINUES.match(text, nxt.start, nxt.end):
                drop.update(range(k, m + 1))
                prev.breaks = prev.breaks[:1]  # the sentence goes on after one line break
            break
    return [ln for i, ln in enumerate(lines) if i not in drop]


def _newlines(text: str, line: Line) -> int:
    return sum(1 for b in line.breaks if text[b] == "\n")


def _ends_sentence(text: str, line: Line) -> bool:
    return _ENDS_SENTENCE.search(text, line.start, line.end) is not None


def _set_off(text: str, prev: Line, line: Line) -> bool:
    return line.indented or _newlines(text, prev) >= 2


_ENDS_SENTENCE = regex.compile(r"[.!?:…;»”\"’)\]-]$")
_CONTINUES = regex.compile(r"[\p{Ll}\d]")
