"""Vowel harmony and suffixes: what may follow a stem, a number or an acronym.

Azerbaijani suffixes take the vowel class of the word they attach to: two-way
(a/ə) and four-way (ı/i/u/ü) harmony.  The inventories are data in ``lexicons/``:
``suffix_chains.tsv`` (suffix chains harvested from the lexicon by
``lexicons/build_suffixes.py``), ``suffix_templates.tsv`` (suffixes written after numerals
and acronyms), ``number_words.tsv`` and ``letter_names.tsv`` (how numerals and acronyms
are read aloud, which decides their harmony).

>>> harmonize("lArIn", "ə")
'lərin'
>>> harmonize("cI", "ö"), harmonize("(y)A", "i", ends_in_vowel=True)
('cü', 'yə')
>>> number_reading("2024"), number_reading("2026"), number_reading("70")
('dörd', 'altı', 'yetmiş')
"""

from __future__ import annotations

import gzip
from bisect import bisect_left
from functools import lru_cache

import regex

from az_ocrfix.alphabet import BACK_VOWELS, ROUNDED_VOWELS, VOWELS, last_vowel
from az_ocrfix.alphabet import lower as az_lower
from az_ocrfix.resources import data_file, data_rows

__all__ = [
    "SuffixChains",
    "acronym_reading",
    "boundary_ok",
    "harmonize",
    "harmony_ok",
    "host_suffixes",
    "is_roman_ivx",
    "number_reading",
    "number_words",
    "unit_abbreviations",
    "unit_reading",
]


def _four_way(v: str) -> str:
    if v in BACK_VOWELS:
        return "u" if v in ROUNDED_VOWELS else "ı"
    return "ü" if v in ROUNDED_VOWELS else "i"


def _two_way(v: str) -> str:
    return "a" if v in BACK_VOWELS else "ə"


def harmonize(template: str, vowel: str, ends_in_vowel: bool = False) -> str:
    """Spell a suffix template after a word whose last vowel is ``vowel``.

    ``A`` is two-way, ``I`` four-way; ``(x)`` is a buffer consonant kept only after a vowel.
    Harmony propagates: each vowel of the suffix governs the next one.

    >>> harmonize("(n)In", "i", ends_in_vowel=True), harmonize("(n)In", "ö")
    ('nin', 'ün')
    >>> harmonize("lArdAn", "a")
    'lardan'
    """
    out: list[str] = []
    i = 0
    current = vowel
    at_start = True
    while i < len(template):
        ch = template[i]
        if ch == "(":
            close = template.index(")", i)
            if at_start and ends_in_vowel:
                out.append(template[i + 1 : close])
            i = close + 1
            continue
        if ch == "A":
            ch = _two_way(current)
        elif ch == "I":
            ch = _four_way(current)
        elif ch == "D":
            ch = "d"
        elif at_start and ch in "AI":
            pass
        out.append(ch)
        if ch in VOWELS:
            current = ch
        at_start = False
        i += 1
    return "".join(out)


def harmony_ok(stem: str, chain: str) -> bool:
    """Whether the first vowel of ``chain`` agrees with the last vowel of ``stem``.

    Invariant suffixes (no harmonizing first vowel) always pass.

    >>> harmony_ok("kitab", "ların"), harmony_ok("kitab", "lərin"), harmony_ok("ev", "də")
    (True, False, True)
    """
    v = last_vowel(stem)
    first = next((c for c in chain if c in VOWELS), None)
    if v is None or first is None or first in "oö":
        return True
    if first in "aə":
        return first == _two_way(v)
    if first == "e":
        return True  # -kən, -ken-like invariants
    return first == _four_way(v)


def boundary_ok(stem: str, chain: str) -> bool:
    """Phonotactics at the stem–suffix seam: no two vowels meet (a buffer y/n/s stands
    between them), and a suffix that opens with a lone consonant or two consonants (-m, -ş,
    -ldı) follows only a vowel (qapı-m, but kitab-ım).  A consonant may meet its double
    (terminal-larda, brend-dən).

    >>> boundary_ok("tarixində", "ə"), boundary_ok("uşaq", "qlar"), boundary_ok("masa", "ya")
    (False, False, True)
    >>> boundary_ok("qapı", "m"), boundary_ok("medal", "ş"), boundary_ok("terminal", "larda")
    (True, False, True)
    """
    if not stem or not chain:
        return True
    a, b = stem[-1], chain[0]
    if a in VOWELS:
        return b not in VOWELS
    return b in VOWELS or (len(chain) > 1 and chain[1] in VOWELS)


@lru_cache(maxsize=1)
def _number_words() -> dict[tuple[str, int], str]:
    table: dict[tuple[str, int], str] = {}
    for kind, value, word in data_rows("number_words.tsv"):
        table[(kind, int(value))] = word
    return table


#: Digit groups of a numeral with the separator before each: ("", "12"), (".", "00").
_NUMBER_GROUPS = regex.compile(r"([.,: \u00a0]?)(\d+)")


def number_words() -> frozenset[str]:
    """Every word a numeral can end in when read aloud (``lexicons/number_words.tsv``).

    >>> {"bir", "qırx", "altmış", "min"} <= number_words()
    True
    """
    return frozenset(_number_words().values())


#: Roman numerals of I, V and X: I to XXXIX.
_ROMAN_IVX = regex.compile(r"X{0,3}(?:IX|IV|VI{0,3}|I{1,3})|X{1,3}")


def is_roman_ivx(text: str) -> bool:
    """Whether ``text`` is a Roman numeral of I, V and X (I to XXXIX).

    >>> [is_roman_ivx(t) for t in ("XIV", "VIII", "XX", "IIII", "VX", "MIX")]
    [True, True, True, False, False, False]
    """
    return _ROMAN_IVX.fullmatch(text) is not None


def number_reading(digits: str) -> str:
    """The last word of a numeral read aloud (decides suffix harmony).

    A fraction or a clock time is read by its last group (``12.00`` "on iki sıfır sıfır",
    ``3,5`` "üç tam onda beş"); a last group of three digits after a dot or space is a
    thousands group (``2.000`` "iki min").

    >>> number_reading("20"), number_reading("100"), number_reading("3000"), number_reading("0")
    ('iyirmi', 'yüz', 'min', 'sıfır')
    >>> [number_reading(n) for n in ("12.00", "3,5", "2.000", "9:30")]
    ['sıfır', 'beş', 'min', 'otuz']
    """
    words = _number_words()
    groups = _NUMBER_GROUPS.findall(digits)
    if len(groups) > 1:
        sep, last = groups[-1]
        if not (len(last) == 3 and sep in ". \u00a0"):
            if not last.strip("0"):
                return words[("unit", 0)]
            digits = last
    digits = "".join(c for c in digits if c.isdigit()).lstrip("0") or "0"
    n = int(digits[-12:])
    if n == 0:
        return words[("unit", 0)]
    if n % 10:
        return words[("unit", n % 10)]
    if n % 100:
        return words[("ten", (n // 10) % 10)]
    if n % 1000:
        return words[("power", 2)]
    for power in (9, 6, 3):
        if n % 10**power == 0 and (n // 10**power) % 1000:
            return words[("power", power)]
    return words[("power", 3)]


@lru_cache(maxsize=1)
def _letter_names() -> dict[str, str]:
    table: dict[str, str] = {}
    for letter, name in data_rows("letter_names.tsv"):
        table[letter] = name
    return table


def acronym_reading(acronym: str) -> str:
    """How the last letter of an acronym is read (QHT → 'te', BMT → 'te', AŞ → 'şe').

    >>> acronym_reading("QHT"), acronym_reading("ABŞ"), acronym_reading("KİV")
    ('te', 'şe', 've')
    """
    names = _letter_names()
    for ch in reversed(acronym):
        if ch in names:
            return names[ch]
    return "e"


@lru_cache(maxsize=1)
def _unit_readings() -> dict[str, str]:
    return {abbrev: reading for abbrev, reading in data_rows("unit_readings.tsv")}


def unit_abbreviations() -> frozenset[str]:
    """The lowercase unit abbreviations of ``lexicons/unit_readings.tsv`` (km, kq, mln …).

    >>> {"km", "kq"} <= unit_abbreviations()
    True
    """
    return frozenset(_unit_readings())


def unit_reading(abbreviation: str) -> str | None:
    """The word a unit abbreviation is read as (km → kilometr), or None for other words;
    ``lexicons/unit_readings.tsv``.

    >>> unit_reading("km"), unit_reading("kVt"), unit_reading("kitab")
    ('kilometr', 'kilovat', None)
    """
    return _unit_readings().get(az_lower(abbreviation))


@lru_cache(maxsize=1)
def _templates() -> tuple[tuple[str, float], ...]:
    out: list[tuple[str, float]] = []
    for template, weight in data_rows("suffix_templates.tsv"):
        out.append((template, float(weight)))
    return tuple(out)


@lru_cache(maxsize=4096)
def host_suffixes(reading: str) -> tuple[tuple[str, float], ...]:
    """Suffixes that may follow a host read as ``reading``, with prior shares summing to 1.

    >>> dict(host_suffixes("dörd"))["cü"] > 0
    True
    >>> "ci" in dict(host_suffixes("dörd"))
    False
    """
    reading = az_lower(reading)
    v = last_vowel(reading) or "e"
    ends_vowel = reading[-1:] in VOWELS
    weights: dict[str, float] = {}
    for template, w in _templates():
        form = harmonize(template, v, ends_vowel)
        weights[form] = weights.get(form, 0.0) + w
    total = sum(weights.values())
    return tuple(sorted(((f, w / total) for f, w in weights.items()), key=lambda fw: -fw[1]))


class SuffixChains:
    """Suffix chains seen after many stems (``lexicons/suffix_chains.tsv.gz``), sorted for search.

    >>> chains = SuffixChains.default()
    >>> "larının" in chains and chains.count("lər") > chains.count("larının")
    True
    """

    def __init__(self, counts: dict[str, int]) -> None:
        self.forms: list[str] = sorted(counts)
        self._counts = counts
        self.total = sum(counts.values()) or 1

    @classmethod
    @lru_cache(maxsize=1)
    def default(cls) -> SuffixChains:
        """The shipped inventory, loaded once."""
        counts: dict[str, int] = {}
        with gzip.open(data_file("suffix_chains.tsv.gz").open("rb"), "rt", encoding="utf-8") as f:
            for line in f:
                chain, n = line.rstrip("\n").split("\t")
                counts[chain] = int(n)
        return cls(counts)

    def __contains__(self, chain: object) -> bool:
        return chain in self._counts

    def count(self, chain: str) -> int:
        """How many distinct stems the chain was seen after (0 if never)."""
        return self._counts.get(chain, 0)

    def prefix_range(self, prefix: str, lo: int = 0, hi: int | None = None) -> tuple[int, int]:
        """Index range of chains starting with ``prefix`` (empty when lo == hi)."""
        hi = len(self.forms) if hi is None else hi
        i = bisect_left(self.forms, prefix, lo, hi)
        if i == hi or not self.forms[i].startswith(prefix):
            return i, i
        return i, bisect_left(self.forms, prefix + "\uffff", i, hi)
