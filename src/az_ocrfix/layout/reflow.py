"""Rewrite OCR lines into paragraphs, joining words broken at line ends, with an offset map.

The text is scanned once into content lines (:mod:`az_ocrfix.layout.lines`), the gap after each
line is classified (space, paragraph break, word join dropping the hyphen, word join keeping it),
and the output is assembled from copied input spans, so every output character knows the input
position it came from as it is written.

>>> r = reflow("cəmiy-\\nyətinin yaradılması\\n", lambda w: -5.0 if w == "cəmiyyətinin" else -30.0)
>>> r.text
'cəmiyyətinin yaradılması\\n'
>>> r.offsets[4], r.offsets[5]
(4, 7)
"""

from __future__ import annotations

import statistics
from typing import NamedTuple

import regex

from az_ocrfix.layout.hyphen import (
    CLEAR_WORD,
    WordScorer,
    is_suffix_chain,
    is_wordish,
    should_join,
    split_word,
)
from az_ocrfix.layout.lines import (
    REMOVABLE,
    REMOVABLE_CHARS,
    Line,
    drop_intrusions,
    drop_page_furniture,
    scan_lines,
    skip_debris,
)

__all__ = ["LayoutOptions", "Reflowed", "reflow"]


class LayoutOptions(NamedTuple):
    """Switches for :func:`reflow`."""

    #: Join words broken by a hyphen at a line end when the evidence says so.
    dehyphenate: bool = True
    #: Join the lines of a paragraph with a space; paragraphs are separated by a blank line.
    join_lines: bool = True
    #: Drop page numbers and running headers (texts with form-feed page separators) and captions
    #: that interrupt a sentence.
    drop_page_furniture: bool = False


class Reflowed(NamedTuple):
    """The rewritten text and, for each output character, the input index it came from.

    ``offsets`` has one more entry than ``text``: ``len(input)``, so spans map end-exclusively.
    """

    text: str
    offsets: list[int]


_DEFAULT = LayoutOptions()

# Gap kinds between a line and the next.
_SPACE, _PARA, _JOIN_DROP, _JOIN_KEEP, _JOIN_SOFT = range(5)
_JOINS = (_JOIN_DROP, _JOIN_KEEP, _JOIN_SOFT)

_HYPHENS = "-\u2010\u2011¬"
_DASHES = "—–"
_OPENING = "“«„\"'‘("
# A line that closes a paragraph when it is also short: ends in . ! ? : » ” (closing quotes ok).
_CLOSES = regex.compile(r"[.!?:…][»”\"’)]*$|[»”]$")
_SHORT_RATIO = 0.75
# Junk a worn scan puts before the continuation of a hyphenated word ("— ması", ". kumət").
#: (Removable characters such as a soft hyphen may stand anywhere in debris: they are deleted
#: from the output, which must read the same the second time.)
_R = REMOVABLE_CHARS
#: Marks a worn scan leaves in the margin ("— ması", "| ", ". kumət").
_DEBRIS_MARKS = '-_‐—–.:,;·•~|¦*#@%&“„«"'
_CONT_DEBRIS = regex.compile(rf"(?:[{regex.escape(_DEBRIS_MARKS)}][ \t{_R}]*){{1,3}}(?=\p{{L}})")
#: A dash at the start of a line inside a paragraph, before a lowercase word: margin debris.
_LINE_DEBRIS = regex.compile(rf"(?:[-—–‐][{_R}]*){{1,2}}[ \t][ \t{_R}]*(?=\p{{Ll}})")
#: A dash after a line's last hyphen or full stop, set off by a space: margin debris.
_TAIL_DEBRIS = regex.compile(rf"(?<=\S[-.])[{_R}]*[ \t][ \t{_R}]*(?:[-—–][{_R}]*){{1,2}}$")
_WS = " \t\u00a0"
#: A left part ending in a number: "1935—" before "ci" is a number suffix's hyphen.
_NUMBER_END = regex.compile(r"\d$")
#: Marks a moved token must not end with at a new line end (a tuple of characters, so that
#: the empty string, a token of removable characters only, is not among them).
_LINE_END_DASHES = tuple(_HYPHENS + _DASHES)


def _last_token_start(text: str, line: Line, end: int | None = None) -> int:
    i = line.end if end is None else end
    while i > line.start and text[i - 1] not in _WS:
        i -= 1
    return i


def _one_word(left: str, right: str, scorer: WordScorer) -> bool:
    """Whether ``left + right`` is a clear word that reads better than either part: the test
    for a dash that is as often a real dash as a misprinted hyphen.  A syllable break leaves
    two letters or more on each line; a right part that is a suffix chain ("ləri") is no word
    on its own."""
    if len(left) < 2 or len(right) < 2:
        return False
    if is_suffix_chain(right):
        return True
    joined = scorer(left + right)
    return joined >= CLEAR_WORD and joined > max(scorer(left), scorer(right))


def _first_part(text: str, line: Line) -> str:
    """The word part that opens ``line``: the right half of a word broken before it."""
    return split_word(_strip_removable(text[line.start : _first_token_end(text, line)]), left=False)


def _line_end_hyphen(text: str, line: Line) -> tuple[int, bool] | None:
    """``(cut, respell)`` when ``line`` ends in a hyphen after a word, else None.

    A hyphen is "-" (or "--"); an OCR model also prints it as "-—" or "—-", and a monospaced
    face as " -" set off by a space (these are respelled "-" when the join keeps the hyphen).
    """
    end, start = line.end, line.start
    last = text[end - 1]
    if end - 2 < start or last not in _HYPHENS + _DASHES:
        return None
    prev = text[end - 2]
    has_more = end - 3 >= start
    if last in _HYPHENS:
        if prev in _HYPHENS and has_more:
            return 2, False
        if prev in _DASHES and has_more and text[end - 3] not in _WS:
            return 2, True
        if prev in _WS and has_more and text[end - 3] not in _WS:
            return 2, True
        return 1, False
    if prev in _HYPHENS and has_more and text[end - 3] not in _WS:
        return 2, True
    return None


def _first_token_end(text: str, line: Line) -> int:
    i = line.start
    while i < line.end and text[i] not in _WS:
        i += 1
    return i


def _next_token_end(text: str, line: Line, i: int) -> int:
    while i < line.end and text[i] in _WS:
        i += 1
    while i < line.end and text[i] not in _WS:
        i += 1
    return i


def _blank(text: str, line: Line) -> bool:
    """Whether the gap after ``line`` holds a blank line (two or more newlines)."""
    return sum(1 for b in line.breaks if text[b] == "\n") >= 2


def _strip_removable(s: str) -> str:
    return REMOVABLE.sub("", s) if REMOVABLE.search(s) else s


def _last_kept(text: str, start: int, end: int) -> str:
    """The last character of ``text[start:end]`` that the output keeps ("" if none)."""
    return _strip_removable(text[start:end])[-1:]


def _opens_speech(last: str) -> bool:
    """Whether a line ending in ``last`` may be followed by a dash that opens speech (after
    a colon or a dash), rather than by margin debris."""
    return last in _DASHES or last == ":"


def _drop_junk_after_hyphen(text: str, lines: list[Line]) -> list[Line]:
    """Drop letterless lines (``:``, ``— .``, ``:|``) between a word ending in a hyphen and the
    rest: lines of nothing but margin marks (which may look like letters: | for l) and other
    non-word characters."""
    out: list[Line] = []
    for ln in lines:
        junk = (c for c in text[ln.start : ln.end] if c not in _DEBRIS_MARKS)
        if out and not any(is_wordish(c) for c in junk):
            prev = out[-1]
            tail = _TAIL_DEBRIS.search(text, prev.start, prev.end)  # "za- —": debris goes
            end = tail.start() if tail else prev.end
            before = _last_kept(text, prev.start, end - 1)
            if text[end - 1] in _HYPHENS and before and is_wordish(before):
                prev.breaks.extend(ln.breaks)
                prev.page_break |= ln.page_break
                continue
        out.append(ln)
    return out


def _classify(
    text: str, lines: list[Line], scorer: WordScorer, options: LayoutOptions
) -> list[int]:
    """The kind of gap after each line (the last line's gap is a paragraph end)."""
    lengths = [ln.end - ln.start for ln in lines]
    short = statistics.median(lengths) * _SHORT_RATIO if len(lines) >= 4 else 0.0
    kinds = [_PARA] * len(lines)
    carry = ""  # word part already joined onto this line from the previous ones
    for i in range(len(lines) - 1):
        ln, nxt = lines[i], lines[i + 1]
        # Margin debris after a line's real end: "za- —", "aldığı. —" (worn scans).
        tail = _TAIL_DEBRIS.search(text, ln.start, ln.end)
        if tail:
            ln.end = tail.start()
        last = text[ln.end - 1]
        blank = _blank(text, ln)
        kind = _PARA if blank or nxt.indented else _SPACE
        left = ""
        hyphen = _line_end_hyphen(text, ln) if options.dehyphenate else None
        if hyphen is not None:
            ln.cut, ln.respell = hyphen
            ts = _last_token_start(text, ln, ln.end - ln.cut)
            if ts == ln.start and carry:  # the line is one token, already joined upwards
                left = split_word(carry, left=True)
            else:
                left = split_word(_strip_removable(text[ts : ln.end - ln.cut]), left=True)
            if left and not ln.respell:
                # Worn scans put stray marks ("- ", "_", "— ", ". ") before the continuation.
                debris = _CONT_DEBRIS.match(text, nxt.start, nxt.end)
                if debris:
                    nxt.start = debris.end()
        if kind == _SPACE and not left and not _opens_speech(last):
            # A worn scan's margin reads as a dash before a line that goes on in lowercase
            # ("— daşınmasının"); a dash that opens speech follows a colon or a new paragraph.
            debris = _LINE_DEBRIS.match(text, nxt.start, nxt.end)
            if debris:
                nxt.start = debris.end()
        first = text[nxt.start]
        if not is_wordish(first) and not (first in _OPENING and last in _DASHES):
            pass  # the next line does not continue a word: an ordinary line end
        elif ln.soft_end:
            kind = _JOIN_SOFT
        elif left:
            right = _first_part(text, nxt)
            spaced = text[ln.end - ln.cut] in _WS
            if should_join(left, right, scorer) and (not spaced or _one_word(left, right, scorer)):
                kind = _JOIN_DROP
            elif spaced and (len(right) < 2 or not is_suffix_chain(right)):
                # "inf -" / "rastrukturu" joins and "QHT -" / "lərin" keeps a hyphen (a suffix
                # chain is no word); "toplaşdı -" / "Həmin" or "sosial -" / "iqtisadi" stay
                # apart: a spaced dash is a real one as often as a hyphen.
                ln.cut, ln.respell, left = 0, False, ""
                kinds[i] = kind
                carry = ""
                continue
            else:
                kind = _JOIN_KEEP
            carry = (left if kind == _JOIN_DROP else left + "-") + right
            kinds[i] = kind
            continue
        elif last in _DASHES and ln.end - 2 >= ln.start and text[ln.end - 2] not in _WS:
            # dövlət—özəl: a dash glued to a word joins without a space.  A monospaced face
            # prints the hyphen as a dash: "Dévlet—" / "ləri" is one word when the joined word
            # is the better reading, and "1935—" / "ci" a number suffix.
            kind = _JOIN_KEEP
            left = split_word(
                _strip_removable(text[_last_token_start(text, ln) : ln.end - 1]), left=True
            )
            right = _first_part(text, nxt)
            if left and right[:1].islower():
                ln.cut = 1
                # A number's suffix or a suffix chain follows a hyphen, not a dash.
                ln.respell = bool(_NUMBER_END.search(left)) or is_suffix_chain(right)
                if should_join(left, right, scorer) and _one_word(left, right, scorer):
                    kind = _JOIN_DROP
            kinds[i] = kind
            carry = ""
            continue
        if kind == _SPACE and ln.end - ln.start < short and _CLOSES.search(text, ln.start, ln.end):
            kind = _PARA
        carry = ""
        kinds[i] = kind
    return kinds


class _Out:
    """Output under construction: string pieces and their offsets, appended together."""

    __slots__ = ("clean", "offsets", "parts", "text")

    def __init__(self, text: str) -> None:
        self.text = text
        self.clean = REMOVABLE.search(text) is None
        self.parts: list[str] = []
        self.offsets: list[int] = []

    def copy(self, start: int, end: int) -> None:
        if start >= end:
            return
        if self.clean or REMOVABLE.search(self.text, start, end) is None:
            self.parts.append(self.text[start:end])
            self.offsets.extend(range(start, end))
            return
        pos = start
        for m in REMOVABLE.finditer(self.text, start, end):
            self.parts.append(self.text[pos : m.start()])
            self.offsets.extend(range(pos, m.start()))
            pos = m.end()
        self.parts.append(self.text[pos:end])
        self.offsets.extend(range(pos, end))

    def insert(self, s: str, at: int) -> None:
        self.parts.append(s)
        self.offsets.extend([at] * len(s))

    def result(self) -> Reflowed:
        self.offsets.append(len(self.text))
        return Reflowed("".join(self.parts), self.offsets)


def reflow(text: str, scorer: WordScorer, options: LayoutOptions = _DEFAULT) -> Reflowed:
    """Rebuild paragraphs from OCR lines; ``scorer`` judges words joined across line ends.

    With ``join_lines`` (default) the lines of a paragraph are joined by a space and paragraphs
    by a blank line; otherwise the line structure stays and a joined word moves to the first line.

    >>> s = lambda w: -8.0 if w in {"QHT", "lərin", "Qeyri", "Hökumət"} else -30.0
    >>> reflow("QHT-\\nlərin Qeyri-\\nHökumət  \\n\\n| yeni", s).text
    'QHT-lərin Qeyri-Hökumət\\n\\nyeni'
    >>> reflow("QHT-\\nlərin sayı\\nartır", s, LayoutOptions(join_lines=False)).text
    'QHT-lərin\\nsayı\\nartır'
    """
    lines = scan_lines(text)
    if options.drop_page_furniture:
        lines = drop_intrusions(text, drop_page_furniture(text, lines))
    if options.dehyphenate:
        lines = _drop_junk_after_hyphen(text, lines)
    kinds = _classify(text, lines, scorer, options)
    out = _Out(text)
    if options.join_lines:
        _emit_joined(out, lines, kinds)
    else:
        _emit_layout(out, lines, kinds)
    return out.result()


def _content_end(ln: Line, kind: int) -> int:
    if kind == _JOIN_DROP or (kind == _JOIN_KEEP and ln.respell):
        return ln.end - ln.cut
    return ln.end


def _copy_content(out: _Out, start: int, ln: Line, kind: int, stop: int | None = None) -> None:
    """Copy ``ln`` from ``start`` up to its content end (or ``stop`` when that comes first),
    writing a respelled hyphen as "-"."""
    end = _content_end(ln, kind)
    if stop is not None and stop < end:
        out.copy(start, stop)
        return
    out.copy(start, end)
    if kind == _JOIN_KEEP and ln.respell:
        at = next((k for k in range(end, ln.end) if out.text[k] in _HYPHENS), end)
        out.insert("-", at)  # mapped to the printed hyphen, or to the dash it replaces


def _emit_joined(out: _Out, lines: list[Line], kinds: list[int]) -> None:
    for i, ln in enumerate(lines):
        _copy_content(out, ln.start, ln, kinds[i])
        kind = kinds[i]
        at = ln.breaks[0] if ln.breaks else ln.end
        if i == len(lines) - 1:
            if ln.breaks:
                out.insert("\n", at)  # a final line break (or form feed) becomes one newline
        elif kind == _SPACE:
            out.insert(" ", at)
        elif kind == _PARA:
            out.insert("\n\n", at)


def _emit_layout(out: _Out, lines: list[Line], kinds: list[int]) -> None:
    text = out.text
    n = len(lines)
    resume = -1  # start of the remainder of line i after its first token moved up
    i = 0
    while i < n:
        ln = lines[i]
        if resume < 0:
            s = ln.start
            if ln.indented:  # keep the raw line's indentation (margin debris excluded)
                raw = ln.start
                while raw > 0 and text[raw - 1] not in "\n\f":
                    raw -= 1
                lead = raw
                while lead < ln.start and text[lead] in _WS:
                    lead += 1
                out.copy(raw, lead)
        else:
            s = resume
        _copy_content(out, s, ln, kinds[i])
        resume = -1
        j = i
        while kinds[j] in _JOINS and j + 1 < n:
            nxt = lines[j + 1]
            te = _first_token_end(text, nxt)
            # A moved token must not leave a hyphen at the new line end ("sosial- və").
            while te < nxt.end and _last_kept(text, nxt.start, te) in _LINE_END_DASHES:
                te = _next_token_end(text, nxt, te)
            rest = skip_debris(text, te, nxt.end)
            if not _blank(text, lines[j]) and not _opens_speech(_last_kept(text, nxt.start, te)):
                # The rest opens an output line: margin debris there goes, as it would at the
                # start of any line (a second pass must find nothing more to remove).
                debris = _LINE_DEBRIS.match(text, rest, nxt.end)
                rest = debris.end() if debris else rest
            if rest >= nxt.end:  # the whole next line moves up; its own gap decides what follows
                _copy_content(out, nxt.start, nxt, kinds[j + 1], te)
                j += 1
                continue
            out.copy(nxt.start, te)
            resume = rest
            break
        if resume < 0:
            for b in lines[j].breaks:
                out.copy(b, b + 1)
        else:  # the breaks now follow the moved word: they stand for the blank after it
            for b in lines[j].breaks:
                out.insert(text[b], te)
        i = j + 1
