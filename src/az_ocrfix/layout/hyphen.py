"""Decide whether a hyphen at a line end breaks one word or belongs to the text.

``X-`` at the end of a line and ``Y`` at the start of the next are either one word broken at a
syllable (``comiy-`` + ``yotinin`` → ``comiyyotinin``) or a real hyphenated form that happens to
fall at the line end (``QHT-lərin``, ``Qeyri-Hökumət``, ``öz-özünə``, ``ayrı-ayrı``, ``2024-cü``).
The decision weighs a few hard facts of typography (numbers, acronyms, a capital after the hyphen
never arise from a syllable break) and then the word scorer's opinion of the joined form against
the hyphenated one, with a prior for joining because syllable breaks are by far the commoner case.

>>> toy = {"dövrdə": -11.0, "dövr": -9.0, "sosial": -10.0, "iqtisadi": -9.0}
>>> scorer = lambda w: toy.get(w, -30.0)
>>> should_join("dövr", "də", scorer), should_join("sosial", "iqtisadi", scorer)
(True, False)
>>> should_join("QHT", "lərin", scorer), should_join("2024", "cü", scorer)
(False, False)
"""

from __future__ import annotations

import gzip
from collections.abc import Callable
from functools import cache

import regex

from az_ocrfix.alphabet import casefold
from az_ocrfix.layout.fold import fold
from az_ocrfix.resources import data_file

__all__ = ["JOIN_PRIOR", "PAIR_COST", "WordScorer", "is_wordish", "should_join", "split_word"]

#: Goodness of the best repaired reading of a raw token (log-probability-like; higher is better,
#: about -30 for a hopeless token).
WordScorer = Callable[[str], float]

#: Log-odds in favour of a syllable break: most line-end hyphens in running text are not real.
JOIN_PRIOR = 6.0
#: How much better the hyphenated form (a listed compound) must score than the joined one.
COMPOUND_PRIOR = 3.0
#: Cost of reading two words where one word would do.
PAIR_COST = 4.0
#: Keeping evidence when nothing speaks for a real hyphen.
HOPELESS = -30.0
#: Suffix chains attested at least this often in the lexicon are not taken for words.
SUFFIX_CHAIN_MIN = 50
#: Halves shorter than this are not taken as evidence of a compound (``dövr-də`` is one word).
MIN_HALF = 4
#: A capital or acronym before the hyphen is overridden only by a joined form scoring at least
#: this well, and more than this better than the right half alone.
CLEAR_WORD = -16.0
OVERRIDE_MARGIN = 0.0

_NUMBER = regex.compile(r"\d+(?:[.,:/]\d+)*")
_ROMAN = regex.compile(r"[IVXLC]+")
# Glyphs eng-OCR puts in place of Azerbaijani letters; they count as letters inside a word.
_GARBLE_LETTERS = "¢{}|!$"
_QUOTES = "’'`"
_LEFT_RUN = regex.compile(r"[\p{L}\p{N}\p{M}¢{}|!$’'`]+[%°]?$")
_RIGHT_RUN = regex.compile(r"[\p{L}\p{N}\p{M}¢{}|!$’'`]+")
# The nine vowels: a one-letter continuation made of one is a suffix (km-ə, Burhan-i).
_VOWELS = frozenset("aeıioöuüə")
# A domain (QHT.az) or a part beginning with a dot: never broken at a syllable.
_DOTTED = regex.compile(r"\w\.\p{Ll}|^\.")
_INNER_DASH = regex.compile(r"[-\u2010\u2011—–]")


def split_word(token: str, *, left: bool) -> str:
    """The word part of a line-edge token next to the break.

    Only the run of word characters touching the break is kept: punctuation around it goes, and
    so do the other parts of a hyphenated token (``Azərbaycan-Öz`` + ``bəkistan`` is judged on
    ``Öz``).  A left part with a dot inside (``QHT.az``) is returned whole, to be recognised.

    >>> split_word("“Konstitu", left=True), split_word("dirilmosi”,", left=False)
    ('Konstitu', 'dirilmosi')
    >>> split_word("Azərbaycan-Öz", left=True), split_word("Türkiyə-Gürcüstan", left=False)
    ('Öz', 'Türkiyə')
    >>> split_word("də(2011/2012", left=False), split_word("QHT.az", left=True)
    ('də', 'QHT.az')
    >>> split_word(".", left=True)  # no word character: no word to join
    ''
    """
    if left:
        part = _INNER_DASH.split(token)[-1]
        if _DOTTED.search(part) and any(is_wordish(c) for c in part):
            return part
        m = _LEFT_RUN.search(part)
        return m.group().lstrip(_QUOTES) if m else ""
    m = _RIGHT_RUN.match(_INNER_DASH.split(token, maxsplit=1)[0])
    return m.group().rstrip(_QUOTES) if m else ""


def _is_acronym(word: str) -> bool:
    letters = [c for c in word if c.isalpha()]
    upper = sum(1 for c in letters if c.isupper())
    # Garbled İ comes out as a lowercase i ("KiV"): tolerate it.
    if upper < 2 or not all(c.isupper() or c == "i" for c in letters):
        return False
    # "GO", "GU": a capital plus an O/U/I is more often Gö/Gü with a garbled vowel.
    return len(letters) > 2 or letters[1] not in "OUI"


def is_suffix_chain(part: str) -> bool:
    """Whether a word part is a bare suffix chain of the lexicon (ları, dılar): no word of
    its own, so what stands before it belongs to the same word.

    >>> is_suffix_chain("ları"), is_suffix_chain("Hökumət")
    (True, False)
    """
    return fold(part) in suffix_chains()


@cache
def suffix_chains(min_count: int = SUFFIX_CHAIN_MIN) -> frozenset[str]:
    """Folded suffix chains of the shipped lexicon (``lexicons/suffix_chains.tsv.gz``).

    >>> "lari" in suffix_chains(), "qarb" in suffix_chains()
    (True, False)
    """
    try:
        raw = gzip.decompress(data_file("suffix_chains.tsv.gz").read_bytes()).decode("utf-8")
    except (FileNotFoundError, OSError):
        return frozenset()
    out = set()
    for line in raw.splitlines():
        form, _, count = line.partition("\t")
        if count.strip().isdigit() and int(count) >= min_count:
            out.add(fold(form))
    return frozenset(out)


def is_wordish(ch: str) -> bool:
    """True for a character that can be part of a (possibly garbled) word.

    >>> is_wordish("ə"), is_wordish("¢"), is_wordish("“")
    (True, True, False)
    """
    return ch.isalnum() or ch in _GARBLE_LETTERS


def should_join(left: str, right: str, scorer: WordScorer) -> bool:
    """True when ``left-`` / ``right`` across a line end is one word broken at a syllable.

    ``left`` and ``right`` are the word parts (see :func:`split_word`), hyphen excluded.

    >>> should_join("Qeyri", "Hökumət", lambda w: {"Qeyri": -9.0, "Hökumət": -8.0}.get(w, -20.0))
    False
    >>> should_join("ke", "Cirilən", lambda w: {"keCirilən": -9.0}.get(w, -30.0))
    True
    >>> should_join("öz", "özünə", lambda w: {"öz": -8.0, "özünə": -10.0}.get(w, -30.0))
    False
    """
    if not left or not right or not is_wordish(left[-1]) or not is_wordish(right[0]):
        return False
    if _NUMBER.fullmatch(left) or _NUMBER.fullmatch(right) or _ROMAN.fullmatch(left + right):
        return False  # 2024-cü, 2020-2024, VI-IV
    if left[-1].isdigit() and not any(c.isalpha() or c in _GARBLE_LETTERS for c in left):
        return False
    if _DOTTED.search(left):
        return False  # a domain (QHT.az-la) is never broken at a syllable
    if len(right) == 1 and right in _VOWELS:
        return False  # km-ə, Burhan-i: a syllable break never leaves one letter on a line
    joined = scorer(left + right)
    if scorer(left + "-" + right) > joined + COMPOUND_PRIOR:
        return False  # the scorer knows the hyphenated form (cənub-qərbdə)
    # Qeyri-Hökumət, Ə-C. (initials): a capital after the hyphen starts a new word, when the
    # left part is capitalized too or the right one is an acronym; after a lowercase part it is
    # an OCR case slip (qrup-Jari).
    capital = right[0].isupper() and (
        len(left) == 1
        or (left[0].isupper() and any(c.islower() for c in left))
        or _is_acronym(right)  # dövlət-QHT
    )
    if capital or (right[0].islower() and _is_acronym(left)):  # QHT-lərin, KiV-lə
        # Never a syllable break in clean text, but OCR fakes capitals (ç → C, Ü → U):
        # join only when the joined form is a clear word and the right half is not.
        return joined >= CLEAR_WORD and joined > scorer(right) + OVERRIDE_MARGIN
    # Evidence for keeping the hyphen, on the scale of ``joined``.
    lf, rf = casefold(left), casefold(right)
    if len(lf) >= 2 and (rf.startswith(lf) or (len(lf) >= 4 and fold(right) == fold(left))):
        # Reduplication (öz-özünə, ayrı-ayrı, tez-tez), also when garbled unevenly (ayri-ayr1).
        keep = scorer(left)  # one repeated word: no cost for a second one
    elif len(lf) >= MIN_HALF and len(rf) >= MIN_HALF and not is_suffix_chain(right):
        # Two words (sosial-iqtisadi); a right half that is a suffix chain (ları, dılar) is not
        # a word even where a frequency list, split at hyphens, counted it as one.
        keep = min(scorer(left), scorer(right)) - PAIR_COST
    else:
        keep = HOPELESS
    return joined + JOIN_PRIOR >= keep
