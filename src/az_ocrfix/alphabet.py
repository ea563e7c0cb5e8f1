"""The Azerbaijani Latin alphabet: letters, vowel classes and correct casing.

Python's ``str.lower`` and ``str.upper`` follow the Unicode default rules, which
are wrong for Azerbaijani (and Turkish): ``'İ'.lower()`` gives ``'i̇'`` (two code
points) and ``'i'.upper()`` gives ``'I'`` instead of ``'İ'``.  The functions here
apply the Azerbaijani rules first and fall back to Python's rules for every
other character, so text in other scripts passes through unchanged.

>>> upper("istiqlal")
'İSTİQLAL'
>>> lower("İSTİQLAL IŞIQ")
'istiqlal ışıq'
"""

from __future__ import annotations

from typing import Final

__all__ = [
    "BACK_VOWELS",
    "DIACRITIC_LETTERS",
    "FRONT_VOWELS",
    "LETTERS",
    "LOWER_LETTERS",
    "ROUNDED_VOWELS",
    "UNROUNDED_VOWELS",
    "UPPER_LETTERS",
    "VOICELESS_CONSONANTS",
    "VOWELS",
    "capitalize",
    "casefold",
    "is_vowel",
    "last_vowel",
    "lower",
    "title",
    "upper",
]

#: The 32 lowercase letters in alphabetical order.
LOWER_LETTERS: Final = "abcçdeəfgğhxıijkqlmnoöprsştuüvyz"
#: The 32 uppercase letters in alphabetical order.
UPPER_LETTERS: Final = "ABCÇDEƏFGĞHXIİJKQLMNOÖPRSŞTUÜVYZ"
#: All 64 letter forms.
LETTERS: Final = frozenset(LOWER_LETTERS + UPPER_LETTERS)

VOWELS: Final = frozenset("aıoueəiöü")
BACK_VOWELS: Final = frozenset("aıou")
FRONT_VOWELS: Final = frozenset("eəiöü")
ROUNDED_VOWELS: Final = frozenset("oöuü")
UNROUNDED_VOWELS: Final = frozenset("aıeəi")
#: Consonants after which suffix-initial d becomes t (kitab-da but park-da/ət-də ...).
VOICELESS_CONSONANTS: Final = frozenset("çfhxkpsştq")
#: Letters an English OCR model cannot produce.
DIACRITIC_LETTERS: Final = frozenset("əıöüşçğƏİÖÜŞÇĞ")

_LOWER_MAP: Final = {ord("I"): "ı", ord("İ"): "i"}
_UPPER_MAP: Final = {ord("i"): "İ", ord("ı"): "I"}


def lower(text: str) -> str:
    """Lowercase with Azerbaijani rules: 'I' → 'ı', 'İ' → 'i'.

    >>> lower("İLHAM ƏLİYEV")
    'ilham əliyev'
    >>> lower("IŞIQ")
    'ışıq'
    >>> len(lower("İ"))
    1
    """
    return text.translate(_LOWER_MAP).lower()


def upper(text: str) -> str:
    """Uppercase with Azerbaijani rules: 'i' → 'İ', 'ı' → 'I'.

    >>> upper("ışıq")
    'IŞIQ'
    >>> upper("müddəası")
    'MÜDDƏASI'
    """
    return text.translate(_UPPER_MAP).upper()


def capitalize(word: str) -> str:
    """Uppercase the first character, leave the rest as it is.

    >>> capitalize("istanbul")
    'İstanbul'
    >>> capitalize("əliyev")
    'Əliyev'
    """
    return upper(word[:1]) + word[1:] if word else word


def title(text: str) -> str:
    """Titlecase every word with Azerbaijani rules.

    >>> title("ilham əliyev İSTİQLAL")
    'İlham Əliyev İstiqlal'
    """
    out: list[str] = []
    at_word_start = True
    for ch in text:
        if ch.isalpha():
            out.append(upper(ch) if at_word_start else lower(ch))
            at_word_start = False
        else:
            out.append(ch)
            at_word_start = ch not in "'’"
    return "".join(out)


def casefold(text: str) -> str:
    """Caseless-matching form: Azerbaijani lowercase, then Unicode casefold.

    Unlike ``str.casefold`` it keeps 'ı' and 'i' apart and never emits a
    combining dot.

    >>> casefold("İSTANBUL") == casefold("istanbul")
    True
    >>> casefold("IŞIQ")
    'ışıq'
    """
    return lower(text).casefold()


def is_vowel(ch: str) -> bool:
    """True for the nine Azerbaijani vowels (either case).

    >>> is_vowel("Ə"), is_vowel("q")
    (True, False)
    """
    return lower(ch) in VOWELS


def last_vowel(word: str) -> str | None:
    """The last vowel of a word (lowercased), or None when it has none.

    >>> last_vowel("Bakı")
    'ı'
    >>> last_vowel("QHT") is None
    True
    """
    for ch in reversed(lower(word)):
        if ch in VOWELS:
            return ch
    return None
