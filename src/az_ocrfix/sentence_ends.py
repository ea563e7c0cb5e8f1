"""Sentence ends the OCR misread: a full stop printed as a comma.

Worn scans and some faces print a full stop as a comma.  Azerbaijani puts the verb last, so
a finite verb form (``lexicons/predicate_endings.txt``: -dır, -ıb, -dı, -ır, -acaq …) followed
by a comma and a capitalized word ("olub, Bu", "edir, O") is a sentence end: in the clean
news, Wikipedia and Tatoeba text of the train and dev splits, such a word is followed by a
full stop 1,510 times and by a comma 16 times, nearly all of them before a name (a vocative:
"sevirəm, Tom"; "addım, Yaponiya").  So a word the lexicon mostly capitalizes (a name), or
does not know, after the comma proves nothing and is left alone.

>>> ends_sentence("təşkil olunub"), ends_sentence("vəziyyət")
(True, False)
>>> full_stops_for_commas(["Bu", "olunub", "Bu", "yaxşıdır"], [" ", ", ", " ", ""],
...                       lambda w: w == "bu")
[1]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache

import regex

from az_ocrfix.alphabet import lower
from az_ocrfix.resources import data_rows

__all__ = ["ends_sentence", "full_stops_for_commas"]

#: A comma set off by spaces on the same line or across one line break (not a paragraph).
_COMMA_GAP = regex.compile(r",[ \t]*(?:\n[ \t]*)?")
#: Shortest word taken for a verb form (dı, di … alone are not).
MIN_VERB_LENGTH = 4


@lru_cache(maxsize=1)
def _endings() -> tuple[regex.Pattern[str], frozenset[str]]:
    """The endings as one pattern, and the whole words (``=var``) as a set."""
    entries = {row[0].strip() for row in data_rows("predicate_endings.txt")}
    whole = frozenset(e[1:] for e in entries if e.startswith("="))
    endings = sorted((e for e in entries if not e.startswith("=")), key=len, reverse=True)
    return regex.compile("(?:" + "|".join(endings) + r")\Z"), whole


def ends_sentence(words: str) -> bool:
    """Whether the last word of ``words`` is a finite verb form (or a predicate word such as
    var, yox, deyil, idi) that may close a sentence.

    >>> ends_sentence("Kitab var"), ends_sentence("bir")
    (True, False)
    """
    last = lower(words.rsplit(None, 1)[-1]) if words.strip() else ""
    pattern, whole = _endings()
    if last in whole:
        return True
    return len(last) >= MIN_VERB_LENGTH and last.isalpha() and bool(pattern.search(last))


def full_stops_for_commas(
    words: Sequence[str], gaps: Sequence[str], is_common: Callable[[str], bool]
) -> list[int]:
    """Indexes of the gaps (``gaps[i]`` follows ``words[i]``) whose comma is a full stop: the
    word before is a lowercase verb form, the word after a capitalized word that
    ``is_common`` (given its lowercase form) says is a known word, not a name."""
    out = []
    for i in range(len(words) - 1):
        before, after = words[i], words[i + 1]
        if not _COMMA_GAP.fullmatch(gaps[i]) or not before[:1].islower():
            continue
        if not after[:1].isupper() or not ends_sentence(before):
            continue
        if is_common(lower(after)):
            out.append(i)
    return out
