"""Split text into the tokens the repair looks at, with everything else left in place.

Only word-like tokens are candidates for repair.  A word may contain the non-letter glyphs an
OCR engine substitutes for letters (``6`` for ö, ``¢`` for ç, ``{`` for ü ...); which glyphs
count is learned from the channel, so the tokenizer is built from a glyph set.  URLs, e-mail
addresses and domain names are protected and never touched.  The part of ``QHT-lərin``,
``2024-cü`` or ``Nizamnaməsi’nin`` after the hyphen or apostrophe is a *suffix* token
whose host (acronym, number or word) matters for vowel harmony.

>>> tok = Tokenizer(frozenset("6¢{"))
>>> [(t.text, t.kind) for t in tok.tokens("2024-cü ildə 6l¢iilabilon, QHT-lorin www.qht.az")]
[('cü', 'suffix'), ('ildə', 'word'), ('6l¢iilabilon', 'word'), ('QHT', 'word'), ('lorin', 'suffix')]
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Literal

import regex

__all__ = ["Token", "Tokenizer", "case_pattern", "is_debris", "underscore_debris"]

TokenKind = Literal["word", "suffix"]
Host = Literal["word", "acronym", "number", "unit", "none"]

PROTECTED = (
    r"(?:https?://|ftp://|www\.)\S+"  # URLs
    r"|(?<![\w.+-])[\w.+-]++@[\w-]+(?:\.[\w-]+)+"  # e-mail (tried at a run's start only)
    r"|\b[\p{L}\d-]+(?:\.[\p{L}\d-]+)*\.(?:az|com|org|net|ru|tr|info|gov|edu|io|uk|de)\b"  # domains
)
_NUMBER = r"\d+(?:[.,:/]\d+)*"
_JOINERS = "-'’‘ʼ`"
_CLOSING_QUOTES = frozenset('"”“»')
_PUNCTUATION = frozenset('.,:;!?"()[]/…“”«»')
#: Debris: symbols that, printed between two letters, stand for a letter the OCR misread
#: (m&mkundur): Unicode's symbols and a few other marks, but not the backtick or acute accent
#: printed for an apostrophe.  One a channel table lists keeps that table's readings.
_DEBRIS = r"(?![`´])[\p{S}#%&*@\\§¶•†‡]"
_DEBRIS_GLYPH = regex.compile(_DEBRIS)
#: Where a word may begin: the start of the text or a character that is no letter.
_WORD_EDGE = r"(?:^|[^\p{L}\p{M}])"
#: How far past an opening bracket a closing one is looked for (no farther: a line holding
#: thousands of brackets would otherwise take quadratic time).
_BRACKET_REACH = 100
#: How many letter-substitute glyphs may open a word before its first letter (a run of
#: thousands of "¢" or "@" with no letter took quadratic time to reject).
_LEAD_REACH = 32
#: Marks the OCR prints for a letter only at a word's end (aldığı → "aldig:"), read there by
#: :mod:`az_ocrfix.marks`; between two letters they are what they look like ("Qeyd:bu").  In
#: the 378 train pages neither engine printed a colon between two letters.
_END_MARKS = frozenset(":")


def _opens(glyph: str) -> bool:
    """Whether ``glyph`` is an opening bracket ([, (, {)."""
    return len(glyph) == 1 and unicodedata.category(glyph) == "Ps"


def is_debris(glyph: str) -> bool:
    """Whether ``glyph`` is a debris symbol (see ``_DEBRIS``); sentence punctuation,
    brackets, quotes, hyphens and apostrophes are not.

    >>> [g for g in "&~#*^%+|§©.,-'’`/()" if is_debris(g)]
    ['&', '~', '#', '*', '^', '%', '+', '|', '§', '©']
    """
    return len(glyph) == 1 and _DEBRIS_GLYPH.fullmatch(glyph) is not None


@dataclass(frozen=True, slots=True)
class Token:
    """A repairable span ``text == source[start:end]``."""

    start: int
    end: int
    text: str
    kind: TokenKind
    #: For suffix tokens: what they attach to (decides vowel harmony); "none" for words.
    host: Host = "none"
    #: For suffix tokens: the host's text (e.g. "2024" or "QHT").
    host_text: str = ""


def case_pattern(word: str) -> Literal["lower", "title", "upper", "mixed"]:
    """Classify a word's letter case.

    >>> case_pattern("Bakı"), case_pattern("QHT"), case_pattern("ilə"), case_pattern("McDonald")
    ('title', 'upper', 'lower', 'mixed')
    """
    letters = [c for c in word if c.isalpha()]
    if not letters:
        return "lower"
    uppers = [c.isupper() for c in letters]
    if all(uppers):
        return "upper" if len(letters) > 1 else "title"
    if not any(uppers):
        return "lower"
    if uppers[0] and not any(uppers[1:]):
        return "title"
    return "mixed"


class Tokenizer:
    """Find word tokens; ``glyphs`` are non-letter characters allowed inside garbled words."""

    def __init__(
        self,
        glyphs: frozenset[str] = frozenset(),
        openers: Mapping[str, str] | None = None,
        units: frozenset[str] = frozenset(),
        initial: frozenset[str] = frozenset(),
    ) -> None:
        """``openers`` maps glyphs that stand for a letter only before one of the given letters
        to those letters, and not when the word closes a bracket (``{izorinds`` is a garbled
        word, ``{test}`` and ``{foo bar}`` are not).  ``units`` are lowercase abbreviations
        (km, kq) whose hyphenated ending is a suffix (km-ə), not the second half of a
        compound.  Punctuation glyphs in ``initial`` stand for a letter only at a word start
        (İ printed "I[": "I[kinci"), so inside a word they stay only right after its first
        letter; further in they separate words (ad/soyad)."""
        self.units = units
        # A glyph with an opener rule stands for a letter only where that rule allows.
        usable = sorted(
            g for g in glyphs if not g.isspace() and g not in _JOINERS and g not in (openers or {})
        )
        shapes = "".join(
            regex.escape(g) for g in usable if g not in _PUNCTUATION and not g.isdigit()
        )
        digits = "".join(regex.escape(g) for g in usable if g.isdigit())
        inner = "".join(
            regex.escape(g)
            for g in usable
            if g in _PUNCTUATION and g not in initial and g not in _END_MARKS
        )
        first = "".join(regex.escape(g) for g in usable if g in _PUNCTUATION and g in initial)
        allowed = rf"[\p{{L}}\p{{M}}{shapes}]"
        if digits:  # a lone digit among letters (6na, say1), never part of a digit run (09:46)
            allowed = rf"(?:{allowed}|(?<!\d)[{digits}](?!\d))"
        for glyph, nexts in sorted((openers or {}).items()):
            before = "".join(regex.escape(c) for c in nexts)
            allowed = (
                rf"(?:{allowed}|{regex.escape(glyph)}(?=[{before}])(?![\p{{L}}\p{{M}}]*[}}\])]))"
            )
        # A word: a run of letters and letter-substitute glyphs holding at least one real letter.
        # Digits and shapes (6 → ö, 1 → ı, ¢ → ç) may stand anywhere in it; sentence punctuation
        # the OCR sometimes writes for a letter (ı → !) only between letters, so "söz:" stays "söz".
        # A number is a digit run not glued to letters (2024-cü, COP29 → COP + 29).
        unit = rf"(?:{allowed}|[{inner}](?=\p{{L}})(?<=\p{{L}}.))" if inner else allowed
        # A debris symbol the glyphs do not list, between lowercase letters with three of them
        # on one side, or between a word's opening capital and three lowercase letters, is
        # part of the word (m&mkundur, D&vlat; not AT&T, R&D, Procter&Gamble or a*b).  A
        # listed glyph keeps the place its own rules give it.
        listed = "".join(regex.escape(g) for g in sorted(glyphs) if len(g) == 1)
        symbol = rf"(?![{listed}]){_DEBRIS}" if listed else _DEBRIS
        debris = (
            rf"(?<=\p{{Ll}}{{3}}){symbol}(?=\p{{Ll}})|(?<=\p{{Ll}}){symbol}(?=\p{{Ll}}{{3}})"
            rf"|(?<={_WORD_EDGE}\p{{Lu}}){symbol}(?=\p{{Ll}}{{3}})"
        )
        unit = rf"(?:{unit}|{debris})"
        if first:
            after_first = rf"(?<={_WORD_EDGE}\p{{L}})"
            unit = rf"(?:{unit}|{after_first}[{first}](?=\p{{L}}))"
        # An opening bracket among them may also open a word, before a lowercase letter, when
        # no bracket closes later on the line ("[taliya" is İtaliya; "[redaktə]", "[1]",
        # "[qeyd: bax]" stay).
        brackets = "".join(regex.escape(g) for g in usable if g in initial and _opens(g))
        opening = ""
        if brackets:
            opening = (
                rf"(?<![\p{{L}}\p{{M}}])[{brackets}](?=\p{{Ll}})"
                rf"(?![^\n\]\)}}]{{0,{_BRACKET_REACH}}}[\]\)}}])"
            )
            unit = rf"(?:{unit}|{opening})"
        lead = f"(?:{opening})?" if opening else ""
        word = rf"(?={lead}(?:{allowed}){{0,{_LEAD_REACH}}}?\p{{L}}){unit}+"
        # A lone 0 between words is the letter O (the pronoun "o"), not a number.
        # Opening a sentence or right after a word, "0," is the pronoun before a comma whatever
        # follows (O, 1926-cı ildə; baxmayaraq o, 1932-ci ildə).
        lone = (
            r"(?P<lone>(?<![\w.,:/-])0(?=[,;:]?[ \t]+\p{L})"
            r"|(?<=(?:^|[.!?]|\p{L})[ \t]*)0(?=,[ \t]))|"
            if "0" in glyphs
            else ""
        )
        if "!" in glyphs:
            # "!" cannot end a sentence that goes on in lowercase: there it is a letter (ı).
            word += r"(?:!(?=\s+\p{Ll}))?"
        number = rf"{_NUMBER}(?!{allowed})" if shapes or digits else _NUMBER
        self.glyphs = glyphs
        self._pattern = regex.compile(
            rf"(?P<protected>{PROTECTED})|(?P<word>{word})|{lone}(?P<number>{number})"
            r"|(?P<digits>\d+)",
            regex.V1,
        )

    def tokens(self, text: str) -> Iterator[Token]:
        """Yield the repairable tokens of ``text`` in order."""
        prev_kind = ""
        prev_end = -2
        prev_text = ""
        for m in self._pattern.finditer(text):
            kind = m.lastgroup
            start, end = m.span()
            if kind == "lone":
                kind = "word"
            if kind == "word":
                word = m.group()
                # A suffix attaches by a hyphen or apostrophe, or right after a closing quote
                # ("İpək Yolu"na): the quote then directly follows the word it closes.
                joined = start == prev_end + 1 and (
                    text[prev_end] in _JOINERS
                    or (text[prev_end] in _CLOSING_QUOTES and prev_kind == "word")
                )
                if joined and prev_kind == "number":
                    yield Token(start, end, word, "suffix", "number", prev_text)
                elif joined and prev_kind == "word" and case_pattern(prev_text) == "upper":
                    yield Token(start, end, word, "suffix", "acronym", prev_text)
                elif joined and prev_kind == "word" and prev_text.lower() in self.units:
                    yield Token(start, end, word, "suffix", "unit", prev_text)
                elif joined and (
                    prev_kind == "protected" or (prev_kind == "word" and text[prev_end] != "-")
                ):
                    yield Token(start, end, word, "suffix", "word", prev_text)
                else:
                    yield Token(start, end, word, "word")
            if kind == "digits":
                kind = "number"
            prev_kind, prev_end, prev_text = (kind or ""), end, m.group()


_UNDERSCORES = regex.compile(
    r"(?<=\p{L})_+(?=\p{L})|(?<=\p{L})_+(?!\w)|(?<!\w)_+(?=\p{L})"
    # A run standing alone (scan specks), with the spaces before it (after it at a line start).
    r"|(?<![^\s])_+[ \t]+(?=\S)|[ \t]*(?<![^\s])_+(?![^\s])"
)


def underscore_debris(text: str) -> list[tuple[int, int, str]]:
    """Underscores an English OCR model prints beside words or on their own (specks of a
    worn scan): a space between two words, nothing at a word's edge or standing alone.

    >>> underscore_debris("aksiyasında_iştirak Forumu_")
    [(11, 12, ' '), (26, 27, '')]
    >>> text = "__ bir __ iki ___"
    >>> [text[s:e] for s, e, _ in underscore_debris(text)]
    ['__ ', ' __', ' ___']
    """
    out: list[tuple[int, int, str]] = []
    for m in _UNDERSCORES.finditer(text):
        s, e = m.span()
        between = s > 0 and e < len(text) and text[s - 1].isalpha() and text[e].isalpha()
        out.append((s, e, " " if between else ""))
    return out
