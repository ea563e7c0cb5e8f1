"""A crude word scorer from a frequency list, for layout decisions without the repair engine.

Garbled eng-OCR words are folded to a skeleton key where the letters OCR confuses collide
(ə/a/e/o/ö/6 → a, ı/i/1 → i, ü/u/ii → u, ş/s, ç/c/¢, ğ/g/q), so ``comiyyotinin`` and
``cəmiyyətinin`` share a key.  An eng-OCR ``g`` may stand for ş or ç as well, so keys are
expanded over those readings.  Words missing from the list are scored as a known stem plus a
tail that the list itself shows to be a frequent ending.  The repair engine has the real scorer;
this one only has to tell a word from a non-word well enough to place a hyphen.

>>> s = fold_scorer({"cəmiyyətinin": 50, "və": 1000})
>>> s("comiyyotinin") > s("comiy") + 10
True
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Mapping
from itertools import product

import regex

from az_ocrfix.layout.fold import fold, fold_many
from az_ocrfix.layout.hyphen import WordScorer

__all__ = ["HOPELESS", "UNKNOWN", "fold", "fold_keys", "fold_scorer", "with_hyphenated"]

#: Score of a token with no reading at all.
HOPELESS = -30.0
#: Score of an unknown word of letters (the level the repair engine gives a word it keeps as is).
UNKNOWN = -20.0
#: Score of a hyphenated token found in a list of hyphenated forms (see :func:`with_hyphenated`).
KNOWN_COMPOUND = -10.0
#: Extra cost of a stem + tail reading over a listed word.
MORPH_COST = 3.0

_APOSTROPHE = regex.compile(r"['’‘`]")
_LETTER = regex.compile(r"\p{L}")
_MAX_KEYS = 16
# A part that begins at least this many listed hyphenated forms is a compound former (qeyri-),
# and the word after it must score at least this well.
_FORMER_MIN = 10
_FORMER_WORD = -14.0
_TAIL_WORDS = 150_000


def fold_keys(word: str) -> list[str]:
    """Keys of a raw OCR token: :func:`fold`, with each eng-OCR ``g`` also read as ş or ç.

    >>> fold_keys("togkil")
    ['tagkil', 'taskil', 'tackil']
    """
    key = fold(word)
    gs = [i for i, ch in enumerate(key) if ch == "g"][:2]
    if not gs:
        return [key]
    keys = []
    for choice in product("gsc", repeat=len(gs)):
        chars = list(key)
        for i, ch in zip(gs, choice, strict=True):
            chars[i] = ch
        keys.append("".join(chars))
    return keys[:_MAX_KEYS]


def fold_scorer(counts: Mapping[str, int] | Iterable[tuple[str, int]]) -> WordScorer:
    """A :data:`~az_ocrfix.layout.WordScorer` over ``word → count`` (natural-log probabilities).

    >>> s = fold_scorer({"dövr": 900, "dövrdə": 100, "də": 5000, "sosial": 300})
    >>> round(s("dovrdo"), 2) == round(s("dövrdə"), 2)
    True
    >>> s("xyzq"), s("12")
    (-20.0, -30.0)
    """
    items = list(counts.items() if isinstance(counts, Mapping) else counts)
    # Fold the whole list in one pass (one casefold, one translate, two regex passes).
    keys = fold_many([w for w, _ in items])
    best: dict[str, int] = {}
    total = 0
    for key, (_, count) in zip(keys, items, strict=True):
        if count <= 0:
            continue
        total += count
        if key and count > best.get(key, 0):
            best[key] = count
    if not best:
        return lambda word: HOPELESS
    log_total = math.log(total)
    index = {k: max(math.log(c) - log_total, HOPELESS + 5) for k, c in best.items()}
    # Endings are learnt from the commoner words (enough evidence, a fraction of the time).
    common = sorted(index, key=index.__getitem__, reverse=True)[:_TAIL_WORDS]
    tails = _tails(index, common)
    cache: dict[str, float] = {}

    def score_key(key: str) -> float:
        hit = index.get(key)
        if hit is not None:
            return hit
        out = HOPELESS
        for p in range(max(3, len(key) - 9), len(key) - 1):
            stem = index.get(key[:p])
            tail = tails.get(key[p:])
            if stem is not None and tail is not None:
                out = max(out, stem + tail - MORPH_COST)
        return out

    def score(word: str) -> float:
        hit = cache.get(word)
        if hit is None:
            head = _APOSTROPHE.split(word, maxsplit=1)
            base = head[0] if len(head) == 2 and len(head[1]) <= 6 and head[0] else word
            hit = max((score_key(k) for k in fold_keys(base) if k), default=HOPELESS)
            if hit < UNKNOWN and _LETTER.search(base):
                hit = UNKNOWN
            if len(cache) < 200_000:
                cache[word] = hit
        return hit

    return score


def _tails(
    index: Mapping[str, float], keys: Iterable[str], min_count: int = 30
) -> dict[str, float]:
    """Endings (up to 9 folded letters) of ``keys`` seen after at least ``min_count`` stems."""
    seen: Counter[str] = Counter()
    for key in keys:
        for p in range(max(3, len(key) - 9), len(key) - 1):
            if key[:p] in index:
                seen[key[p:]] += 1
    kept = {t: c for t, c in seen.items() if c >= min_count}
    total = sum(kept.values()) or 1
    return {t: math.log(c / total) for t, c in kept.items()}


def with_hyphenated(
    scorer: WordScorer, forms: Iterable[str], known: float = KNOWN_COMPOUND
) -> WordScorer:
    """``scorer``, plus a score of ``known`` for hyphenated tokens the list ``forms`` supports.

    Frequency lists split words at hyphens, so a scorer built from them cannot tell the compound
    ``cənub-qərbdə`` from the syllable break ``cə-nubqərbdə``; a list of hyphenated forms (such
    as tesseract's Azerbaijani word list) can.  A token matches a listed form (on folded parts,
    so garbled forms hit), or starts with a part that begins many listed forms (``qeyri-``,
    ``elmi-``) and goes on with a word of at least four letters that ``scorer`` knows.

    >>> forms = ["cənub-qərbdə", "x-y"] + [f"qeyri-{w}{w}" for w in "abcdefghjk"]
    >>> s = with_hyphenated(lambda w: -12.0 if w == "qanuni" else -20.0, forms)
    >>> s("canub-qerbda"), s("canub-qarb"), s("x-y"), s("qeyri-qanuni"), s("qeyri-lik")
    (-10.0, -20.0, -20.0, -10.0, -20.0)
    """
    keys = set()
    lefts: Counter[str] = Counter()
    for form in forms:
        parts = form.split("-")
        if len(parts) >= 2 and all(len(p) >= 2 for p in parts):
            folded = [fold(p) for p in parts]
            keys.add("-".join(folded))
            lefts[folded[0]] += 1
    formers = {p for p, n in lefts.items() if n >= _FORMER_MIN and len(p) >= 3}

    def score(word: str) -> float:
        if "-" in word:
            parts = word.split("-")
            folded = [fold(p) for p in parts]
            if "-".join(folded) in keys:
                return max(known, scorer(word))
            if (
                len(parts) == 2
                and folded[0] in formers
                and len(folded[1]) >= 4
                and scorer(parts[1]) >= _FORMER_WORD
            ):
                return max(known, scorer(word))
        return scorer(word)

    return score
