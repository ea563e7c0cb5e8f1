"""Normalize text to one canonical form before repair and search.

The steps run in this order, each only where it has work to do, so text that is
already clean comes back unchanged (the very same string):

1. **NFC**, so ``ə`` never appears as ``e`` + combining mark.
2. **Mojibake repair** with ftfy, only on space-delimited chunks that ftfy's badness heuristic
   flags (``AzÉ™rbaycan`` → ``Azərbaycan``).  ftfy's other fixes (quotes,
   ligatures, character width, HTML entities) are switched off.
3. **Character table** ``lexicons/norm_chars.tsv``: Latin look-alikes of
   Azerbaijani letters (``ǝ`` → ``ə``, ``ɪ`` → ``ı``, ``i`` + dot above → ``i``),
   ligatures (``ﬁ`` → ``fi``, U+E003 → ``ct``), invisible characters removed
   (soft hyphen, zero-width space, word joiner, BOM; ZWNJ/ZWJ only after a Latin
   or Cyrillic letter), apostrophes and single quotes ``’ ‘ ʼ ʻ ` ´ ‛`` → ASCII
   ``'``, hyphen variants → ``-``, horizontal bar → em dash (en and em dashes
   stay apart: ranges vs. speech).  Double quotes are left alone.  A text written
   in the 1991 Azerbaijani Latin alphabet (``ä``, no ``ə``, both ``ı``/``ğ`` and
   ``q``/``x``) gets ``ä`` → ``ə``.
4. **Look-alike letters** ``lexicons/lookalikes.tsv``: Cyrillic (and Greek)
   letters inside a Latin word become Latin (``azәrbaycan`` with Cyrillic ``ә``);
   Latin look-alikes inside a Cyrillic word become Cyrillic.  A word's script is
   the one with more letters that have no look-alike; a word made only of
   look-alikes follows its neighbours when they agree, else the script most of
   its letters are in.  Cyrillic words stay Cyrillic, so a Russian quotation
   survives.
5. NFC again, if a deletion left a base letter next to a combining mark.

Case and diacritics are kept.  :func:`normalize_with_offsets` also returns, for
every output character, the index of the input character it came from.

>>> normalize("AzÉ™rbaycan")
'Azərbaycan'
>>> normalize("azәrbaycan ﬁlm") == "azərbaycan film"
True
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import lru_cache
from typing import NamedTuple

import regex
from rapidfuzz.distance import Levenshtein

from az_ocrfix.resources import data_rows

__all__ = ["normalize", "normalize_with_offsets"]

#: (start, end, replacement) in the text a stage reads; edits are sorted and disjoint.
Edit = tuple[int, int, str]


@lru_cache(maxsize=1)
def _ftfy() -> tuple[Callable[[str], bool], Callable[[str], str]]:
    """ftfy's badness test and its fixer with our settings, imported on first use (ftfy's
    import costs about 50 ms, and most text has no suspect chunk at all)."""
    import ftfy
    from ftfy.badness import is_bad

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=True,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=False,
    )
    return is_bad, lambda chunk: ftfy.fix_text(chunk, config)


_CLUSTER_RE = regex.compile(r"\X")
_LINE_RE = regex.compile(r"[^\n]+")
#: Characters outside ordinary Azerbaijani/Russian text; mojibake always contains one, so ftfy's
#: (slower) badness check only runs on the space-delimited chunks that hold one.
_SUSPECT_RE = re.compile(r"[^\x00-\x7f\u00a0«»°§əƏıİöÖüÜşŞçÇğĞ\u0400-\u04ff“”„’‘–—…•№]")
#: Mojibake is repaired chunk by chunk between ASCII spaces/tabs/newlines.
_SEPARATOR_RE = regex.compile(r"[ \t\n\r]")
_SEPARATOR_BACK_RE = regex.compile(r"[ \t\n\r]", flags=regex.REVERSE)
#: Greek and Cyrillic blocks: only text with one of these needs the look-alike stage.
_FOREIGN_BLOCKS_RE = re.compile(
    r"[\u0370-\u052f\u1c80-\u1c8f\u1d26-\u1d2b\u1d78\u1f00-\u1fff\u2de0-\u2dff\ua640-\ua69f]"
)
_LATIN_LETTER_RE = regex.compile(r"\p{Latin}")
_CYRILLIC_LETTER_RE = regex.compile(r"\p{Cyrillic}")
_JOINERS = "\u200c\u200d"
#: ZWNJ/ZWJ are removed only after these (Persian, Indic and emoji sequences keep theirs).
_JOINER_AFTER_RE = regex.compile(r"[\p{Latin}\p{Cyrillic}\p{Nd}]")
_SCHWA_RE = regex.compile("[əƏǝƎәӘ]")
_AZ1991_SIGNS = (regex.compile("[ıİğĞ]"), regex.compile("[qQxX]"))
#: How far (in characters) to look for a neighbouring word's script.
_CONTEXT_WINDOW = 200


def _parse_codepoints(field: str) -> str:
    return "".join(chr(int(cp[2:], 16)) for cp in field.split())


def _read_rows(name: str) -> Iterable[list[str]]:
    return data_rows(name, header=True)


class _Tables(NamedTuple):
    invisible_re: re.Pattern[str]
    chars_re: re.Pattern[str]
    #: single-character sources
    chars: dict[str, str]
    #: two-character sources (base + combining mark), matched on the output so far
    pairs: dict[str, str]
    az1991: dict[str, str]
    to_latin: dict[str, str]
    to_cyrillic: dict[str, str]
    foreign_re: regex.Pattern[str]
    strong_re: regex.Pattern[str]
    strong_prev_re: regex.Pattern[str]


def _char_class(chars: Iterable[str]) -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(c) for c in sorted(set(chars))) + "]")


@lru_cache(maxsize=1)
def _tables() -> _Tables:
    chars: dict[str, str] = {}
    pairs: dict[str, str] = {}
    az1991: dict[str, str] = {}
    invisible: set[str] = set()
    for source, target, kind, *_ in _read_rows("norm_chars.tsv"):
        src, dst = _parse_codepoints(source), _parse_codepoints(target)
        if kind == "az1991":
            az1991[src] = dst
        elif kind in ("invisible", "joiner"):
            invisible.add(src)
        elif len(src) == 2:
            pairs[src] = dst
        elif len(src) == 1:
            chars[src] = dst
        else:
            raise ValueError(f"norm_chars.tsv: source {source!r} longer than two characters")
    to_latin: dict[str, str] = {}
    to_cyrillic: dict[str, str] = {}
    for foreign, latin, reverse, *_ in _read_rows("lookalikes.tsv"):
        src, dst = _parse_codepoints(foreign), _parse_codepoints(latin)
        to_latin[src] = dst
        if reverse == "y":
            to_cyrillic[dst] = src
    weak_latin = "".join(sorted(set(to_latin.values())))
    weak_foreign = "".join(sorted(to_latin))
    strong = (
        rf"(?P<lat>(?![{weak_latin}])\p{{Latin}})"
        rf"|(?P<cyr>(?![{weak_foreign}])\p{{Cyrillic}})"
        rf"|(?P<grk>(?![{weak_foreign}])\p{{Greek}})"
    )
    return _Tables(
        invisible_re=_char_class(invisible),
        chars_re=_char_class([*chars, *(pair[1] for pair in pairs)]),
        chars=chars,
        pairs=pairs,
        az1991=az1991,
        to_latin=to_latin,
        to_cyrillic=to_cyrillic,
        foreign_re=regex.compile(
            r"(?<![\p{L}\p{M}])[\p{L}\p{M}]*[\p{Cyrillic}\p{Greek}][\p{L}\p{M}]*"
        ),
        strong_re=regex.compile(strong),
        strong_prev_re=regex.compile(strong, flags=regex.REVERSE),
    )


def _apply(text: str, edits: list[Edit], want_map: bool) -> tuple[str, list[int]]:
    """Apply disjoint sorted edits; the map sends each output char to its input index."""
    parts: list[str] = []
    mapping: list[int] = []
    pos = 0
    last = max(len(text) - 1, 0)
    for start, end, repl in edits:
        parts.append(text[pos:start])
        parts.append(repl)
        if want_map:
            mapping.extend(range(pos, start))
            span = end - start
            if span:
                mapping.extend(start + min(k, span - 1) for k in range(len(repl)))
            else:  # insertion: attach to the next input char (or the last one)
                mapping.extend([min(start, last)] * len(repl))
        pos = end
    parts.append(text[pos:])
    if want_map:
        mapping.extend(range(pos, len(text) + 1))
    return "".join(parts), mapping


def _align(source: str, target: str, base: int = 0) -> list[Edit]:
    """Edits turning ``source`` into ``target`` (minimal alignment), shifted by ``base``."""
    return [
        (base + op.src_start, base + op.src_end, target[op.dest_start : op.dest_end])
        for op in Levenshtein.opcodes(source, target)
        if op.tag != "equal"
    ]


def _nfc_edits(text: str) -> list[Edit]:
    if unicodedata.is_normalized("NFC", text):
        return []
    edits: list[Edit] = []
    for m in _LINE_RE.finditer(text):  # nothing composes across a newline
        line = m.group()
        nfc = unicodedata.normalize("NFC", line)
        if nfc == line:
            continue
        line_edits: list[Edit] = []
        for c in _CLUSTER_RE.finditer(line):
            cluster = c.group()
            fixed = unicodedata.normalize("NFC", cluster)
            if fixed != cluster:
                line_edits.append((m.start() + c.start(), m.start() + c.end(), fixed))
        rebuilt, _ = _apply(
            line, [(s - m.start(), e - m.start(), r) for s, e, r in line_edits], False
        )
        edits.extend(line_edits if rebuilt == nfc else _align(line, nfc, m.start()))
    return edits


def _mojibake_edits(text: str) -> list[Edit]:
    """ftfy on each space-delimited chunk that its badness heuristic flags.

    Chunks, not lines: a line that mixes correct text (``ə``) with mojibake cannot be
    re-encoded as a whole, and mojibake of a multi-byte character never holds an ASCII
    space, tab or newline.
    """
    edits: list[Edit] = []
    chunk_end = -1
    for suspect in _SUSPECT_RE.finditer(text):
        if suspect.start() < chunk_end:
            continue
        before = _SEPARATOR_BACK_RE.search(text, 0, suspect.start())
        after = _SEPARATOR_RE.search(text, suspect.start())
        start = before.end() if before else 0
        chunk_end = after.start() if after else len(text)
        chunk = text[start:chunk_end]
        is_bad, fix_text = _ftfy()
        if is_bad(chunk):
            fixed = fix_text(chunk)
            if fixed != chunk:
                edits.extend(_align(chunk, fixed, start))
    return edits


def _is_az1991(text: str) -> bool:
    """A text in the 1991 Azerbaijani Latin alphabet: ä for ə, alongside ı/ğ and q/x."""
    return (
        ("ä" in text or "Ä" in text)
        and not _SCHWA_RE.search(text)
        and all(sign.search(text) for sign in _AZ1991_SIGNS)
    )


def _invisible_edits(text: str) -> list[Edit]:
    """Delete soft hyphens and zero-width chars (ZWNJ/ZWJ only after a Latin/Cyrillic letter)."""
    return [
        (m.start(), m.end(), "")
        for m in _tables().invisible_re.finditer(text)
        if m.group() not in _JOINERS or _JOINER_AFTER_RE.match(text, m.start() - 1, m.start())
    ]


def _char_edits(text: str) -> list[Edit]:
    """Ligatures, quotes, dashes and Latin look-alikes from ``norm_chars.tsv``.

    A two-character source (``ı`` + U+0307) is matched against the output built so
    far, so ``ɪ`` + U+0307 + U+0307 collapses to ``i`` in one pass.
    """
    t = _tables()
    edits: list[Edit] = []
    for m in t.chars_re.finditer(text):
        i = m.start()
        ch = text[i]
        last = edits[-1] if edits and edits[-1][1] == i and edits[-1][2] else None
        prev = last[2][-1] if last else text[i - 1 : i]
        if prev + ch in t.pairs:
            if last:
                edits[-1] = (last[0], i + 1, last[2][:-1] + t.pairs[prev + ch])
            else:
                edits.append((i - 1, i + 1, t.pairs[prev + ch]))
        elif ch in t.chars:
            edits.append((i, i + 1, t.chars[ch]))
    if _is_az1991(text):
        edits.extend((i, i + 1, t.az1991[ch]) for i, ch in enumerate(text) if ch in t.az1991)
        edits.sort()
    return edits


def _strong_counts(word: str) -> tuple[int, int, int]:
    lat = cyr = grk = 0
    for m in _tables().strong_re.finditer(word):
        if m.group("lat"):
            lat += 1
        elif m.group("cyr"):
            cyr += 1
        else:
            grk += 1
    return lat, cyr, grk


def _script_of(m: regex.Match[str] | None) -> str | None:
    if m is None:
        return None
    return "lat" if m.group("lat") else "cyr" if m.group("cyr") else "grk"


def _context_script(text: str, start: int, end: int) -> str | None:
    """Script of the nearest letters with no look-alike on both sides, when they agree."""
    t = _tables()
    before = _script_of(t.strong_prev_re.search(text, max(0, start - _CONTEXT_WINDOW), start))
    after = _script_of(t.strong_re.search(text, end, end + _CONTEXT_WINDOW))
    if before and after and before != after:
        return None
    return before or after


def _majority_script(word: str) -> str | None:
    """For a word of look-alikes only, with no context: the script most of its letters are in."""
    latin = len(_LATIN_LETTER_RE.findall(word))
    cyrillic = len(_CYRILLIC_LETTER_RE.findall(word))
    return "lat" if latin > cyrillic else "cyr" if cyrillic > latin else None


def _lookalike_edits(text: str) -> list[Edit]:
    if not _FOREIGN_BLOCKS_RE.search(text):
        return []
    t = _tables()
    edits: list[Edit] = []
    for m in t.foreign_re.finditer(text):
        word = m.group()
        lat, cyr, grk = _strong_counts(word)
        script: str | None
        if lat > max(cyr, grk):
            script = "lat"
        elif cyr > max(lat, grk):
            script = "cyr"
        elif lat == cyr == grk == 0:
            script = _context_script(text, m.start(), m.end()) or _majority_script(word)
        else:
            script = None
        table = t.to_latin if script == "lat" else t.to_cyrillic if script == "cyr" else None
        if table:
            edits.extend(
                (m.start() + i, m.start() + i + 1, table[ch])
                for i, ch in enumerate(word)
                if ch in table
            )
    return edits


_STAGES = (_nfc_edits, _mojibake_edits, _invisible_edits, _char_edits, _lookalike_edits, _nfc_edits)
#: Passes over the text: a second pass settles the rare case where one step creates work for
#: an earlier one (Cyrillic і + U+0307 becomes i + U+0307 only after the look-alike step).
_MAX_PASSES = 3


def _run(text: str, want_map: bool) -> tuple[str, list[int]]:
    offsets: list[int] | None = None
    for _ in range(_MAX_PASSES):
        changed = False
        for stage in _STAGES:
            edits = stage(text)
            if not edits:
                continue
            changed = True
            text, mapping = _apply(text, edits, want_map)
            if want_map:
                offsets = mapping if offsets is None else [offsets[j] for j in mapping]
        if not changed:
            break
    if want_map and offsets is None:
        offsets = list(range(len(text) + 1))
    return text, offsets or []


def normalize(text: str) -> str:
    """Return the canonical form of ``text`` (see the module docstring for the steps).

    >>> normalize("AzÉ™rbaycan")
    'Azərbaycan'
    >>> normalize("Bakı’da ǝhali\\u00adnin")
    "Bakı'da əhalinin"
    >>> normalize("Он сказал: «Азербайджан»")
    'Он сказал: «Азербайджан»'
    """
    return _run(text, want_map=False)[0]


def normalize_with_offsets(text: str) -> tuple[str, list[int]]:
    """Normalize and map back: ``offsets[i]`` is the input index of output char ``i``.

    ``offsets`` has one extra final entry, ``len(text)``, so the output span
    ``[i, j)`` comes from the input span ``[offsets[i], offsets[j])``.

    >>> out, offsets = normalize_with_offsets("ﬁ\\u00adnal")
    >>> out, offsets
    ('final', [0, 0, 2, 3, 4, 5])
    """
    return _run(text, want_map=True)
