"""The skeleton fold: letters eng-OCR confuses collapse to one key (ə/a/e/o/ö/6 → a, ...).

>>> fold("Cəmiyyətinin") == fold("comiyyotinin")
True
"""

from __future__ import annotations

import regex

from az_ocrfix.alphabet import casefold

__all__ = ["fold", "fold_many"]

_MULTI = regex.compile(r"ii|rn")
_MULTI_MAP = {"ii": "u", "rn": "m"}
_FOLD = str.maketrans(
    {
        **dict.fromkeys("əaeoö6éèóòä", "a"),
        **dict.fromkeys("ıi1íì!", "i"),
        **dict.fromkeys("üu{}", "u"),
        **dict.fromkeys("ş$", "s"),
        **dict.fromkeys("çc¢", "c"),
        **dict.fromkeys("ğgq", "g"),
    }
)
_NOT_KEY = regex.compile(r"[^\p{L}\d]+")
_NOT_KEY_NL = regex.compile(r"[^\p{L}\d\n]+")


def fold(word: str) -> str:
    """The skeleton key of a word (lowercased, confusable letters collapsed).

    >>> fold("Cəmiyyətinin"), fold("comiyyotinin"), fold("miiddoasi")
    ('camiyyatinin', 'camiyyatinin', 'muddaasi')
    """
    w = _MULTI.sub(lambda m: _MULTI_MAP[m.group()], casefold(word))
    key: str = _NOT_KEY.sub("", w.translate(_FOLD))
    return key


def fold_many(words: list[str]) -> list[str]:
    """:func:`fold` of many words in one pass (one casefold, one translate, two regex passes).

    >>> fold_many(["Bakı", "ölkə"])
    ['baki', 'alka']
    """
    if any("\n" in w for w in words):
        return [fold(w) for w in words]
    w = _MULTI.sub(lambda m: _MULTI_MAP[m.group()], casefold("\n".join(words)))
    keys: list[str] = _NOT_KEY_NL.sub("", w.translate(_FOLD)).split("\n")
    return keys if len(keys) == len(words) else [fold(w) for w in words]
