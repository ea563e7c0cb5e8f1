"""Align OCR output with its source text, words first and then characters, and count the ops.

Words are aligned first (rapidfuzz opcodes over the word sequences give exact anchors; the gaps
between anchors are aligned by a small dynamic programme that also allows one word to become two
or two to become one).  Inside each aligned pair a weighted edit distance allows 1:1, 1:2 and 2:1
operations, so ``ü`` → ``ii`` and ``lı`` → ``h`` come out as single ops.  The counts include
identities (``c`` → ``c``) so that P(observed | true) can be normalized.

>>> align_chars("müddəası", "miiddoasi")
[('m', 'm'), ('ü', 'ii'), ('d', 'd'), ('d', 'd'), ('ə', 'o'), ('a', 'a'), ('s', 's'), ('ı', 'i')]
>>> align_chars("bağlı", "bagh")
[('b', 'b'), ('a', 'a'), ('ğ', 'g'), ('lı', 'h')]
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

from rapidfuzz.distance import Levenshtein

__all__ = [
    "Alignment",
    "CostFn",
    "Op",
    "align_chars",
    "align_texts",
    "align_words",
    "count_ops",
    "default_cost",
]

#: One edit operation: (true substring, observed substring), each 0-2 characters.
Op = tuple[str, str]
CostFn = Callable[[str, str], float]

#: Word pairs whose normalized edit distance exceeds this are too damaged to learn from.
MAX_PAIR_DISTANCE = 0.7


def _base(ch: str) -> str:
    return unicodedata.normalize("NFD", ch)[:1].lower().replace("ı", "i")


def default_cost(true: str, observed: str) -> float:
    """Cost of one op before any channel is learned.

    Identity 0; a substitution between letters with the same base letter (ö/o, İ/I, ı/i) 0.6;
    other substitutions and single insertions/deletions 1; 1:2 and 2:1 ops 1.4 (cheaper than a
    substitution plus an insertion, dearer than an identity plus an insertion), except that a
    letter printed beside a stray letter (q → gq, q → qg) is one 1:2 op at 0.9: a stray
    letter inserted on its own cannot be searched for, while the op it forms with the letter
    it clings to can (the second, learned pass then decides which neighbour that is).

    >>> default_cost("ö", "o"), default_cost("ə", "o"), default_cost("ü", "ii")
    (0.6, 1.0, 1.4)
    >>> default_cost("q", "gq"), default_cost("q", "q_")
    (0.9, 1.4)
    """
    if true == observed:
        return 0.0
    if len(true) == 1 and len(observed) == 1:
        return 0.6 if _base(true) == _base(observed) else 1.0
    if not true or not observed:
        return 1.0 * max(len(true), len(observed))
    if len(true) == 1 and len(observed) == 2 and true in observed:
        stray = observed.replace(true, "", 1)
        if stray.isalpha():
            return 0.9
    return 1.4


def align_chars(true: str, observed: str, cost: CostFn = default_cost) -> list[Op]:
    """Minimum-cost alignment of two short strings with 1:1, 1:0, 0:1, 1:2 and 2:1 ops.

    >>> align_chars("məclis", "moclis")[1]
    ('ə', 'o')
    >>> align_chars("ın", "m")
    [('ın', 'm')]
    >>> align_chars("", "ab")
    [('', 'a'), ('', 'b')]
    """
    n, m = len(true), len(observed)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    steps = ((1, 1), (1, 0), (0, 1), (1, 2), (2, 1))
    for i in range(n + 1):
        row = best[i]
        for j in range(m + 1):
            here = row[j]
            if here == inf:
                continue
            for di, dj in steps:
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                c = here + cost(true[i:ni], observed[j:nj])
                if c < best[ni][nj]:
                    best[ni][nj] = c
                    back[ni][nj] = (di, dj)
    ops: list[Op] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        ops.append((true[i - di : i], observed[j - dj : j]))
        i, j = i - di, j - dj
    ops.reverse()
    return ops


def _word_cost(a: str, b: str) -> float:
    return Levenshtein.normalized_distance(a, b)


def _align_gap(tw: Sequence[str], ow: Sequence[str]) -> list[tuple[str, str]]:
    """Align two short word runs allowing 1:1, 1:0, 0:1, 2:1 and 1:2 (split/merged words)."""
    n, m = len(tw), len(ow)
    inf = float("inf")
    best = [[inf] * (m + 1) for _ in range(n + 1)]
    back: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    best[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            here = best[i][j]
            if here == inf:
                continue
            for di, dj in ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2)):
                ni, nj = i + di, j + dj
                if ni > n or nj > m:
                    continue
                # Costs in characters: a lost or invented word costs its length (+1 for the
                # space), a pair its edit distance; a split/merge pays 1 extra so it must win
                # outright over pairing plus a lost word.
                if di and dj:
                    step: float = Levenshtein.distance(" ".join(tw[i:ni]), " ".join(ow[j:nj]))
                    step += 1.0 * (di + dj - 2)
                else:
                    step = len(tw[i] if di else ow[j]) + 1.0
                if here + step < best[ni][nj]:
                    best[ni][nj] = here + step
                    back[ni][nj] = (di, dj)
    out: list[tuple[str, str]] = []
    i, j = n, m
    while i or j:
        di, dj = back[i][j]
        out.append((" ".join(tw[i - di : i]), " ".join(ow[j - dj : j])))
        i, j = i - di, j - dj
    out.reverse()
    return out


def align_words(true_text: str, observed_text: str) -> list[tuple[str, str]]:
    """Pair the whitespace-separated words of two texts; unmatched words pair with ``""``.

    >>> align_words("Milli Məclisdə bu gün", "Milli Moaclisdo bugiin")
    [('Milli', 'Milli'), ('Məclisdə', 'Moaclisdo'), ('bu gün', 'bugiin')]
    """
    tw, ow = true_text.split(), observed_text.split()
    out: list[tuple[str, str]] = []
    gap_i = gap_j = 0  # start of the pending run of non-equal words
    for op in Levenshtein.opcodes(tw, ow):
        tag, i1, i2, j1, j2 = op.tag, op.src_start, op.src_end, op.dest_start, op.dest_end
        if tag == "equal":
            out.extend(_align_gap(tw[gap_i:i1], ow[gap_j:j1]))
            out.extend(zip(tw[i1:i2], ow[j1:j2], strict=True))
            gap_i, gap_j = i2, j2
    out.extend(_align_gap(tw[gap_i:], ow[gap_j:]))
    return out


class Alignment(NamedTuple):
    """Result of :func:`align_texts`: op counts plus how much of the text could be used."""

    ops: Counter[Op]
    words_used: int
    words_skipped: int
    #: The true side of every word pair that was used (to count substring occurrences).
    used_true: list[str]
    #: The ops that print each word's first letter (OCR treats initials, capitals above all,
    #: differently: İ → f or [ at the start of a word, almost never inside it).
    initial_ops: Counter[Op]
    #: The ops that print each word's last letter (an English model drops a final ı six
    #: times as often as one inside a word).
    final_ops: Counter[Op]


def align_texts(true_text: str, observed_text: str, cost: CostFn = default_cost) -> Alignment:
    """Align a whole page and count character ops over the usable word pairs.

    Pairs with a missing side (lost or invented words) and pairs too damaged to trust
    (normalized distance above ``MAX_PAIR_DISTANCE``) are skipped.  Ops that involve a space
    (split or merged words) are not counted.

    >>> a = align_texts("Milli Məclisdə iştirak", "Milli Moaclisdo istirak")
    >>> a.ops[("ə", "o")], a.ops[("ş", "s")], a.ops[("l", "l")], a.words_used
    (1, 1, 3, 3)
    >>> sorted(align_texts("“İran” sözü", "“fran” s6zii").initial_ops.items())
    [(('s', 's'), 1), (('İ', 'f'), 1)]
    >>> sorted(align_texts("zamanı, sözü", "zaman, s6zii").final_ops.items())
    [(('ü', 'ii'), 1), (('ı', ''), 1)]
    """
    ops: Counter[Op] = Counter()
    initial: Counter[Op] = Counter()
    final: Counter[Op] = Counter()
    used_true: list[str] = []
    skipped = 0
    for t, o in align_words(true_text, observed_text):
        if not t or not o or _word_cost(t, o) > MAX_PAIR_DISTANCE:
            skipped += 1
            continue
        used_true.append(t)
        letters = [i for i, c in enumerate(t) if c.isalpha()]
        first, last = (letters[0], letters[-1]) if letters else (-1, -1)
        at = 0  # position in t where the next op starts
        for op in align_chars(t, o, cost):
            if " " not in op[0] and " " not in op[1]:
                ops[op] += 1
                if at == first and op[0]:
                    initial[op] += 1
                if at <= last < at + len(op[0]):
                    final[op] += 1
            at += len(op[0])
    return Alignment(ops, len(used_true), skipped, used_true, initial, final)


def count_ops(true_text: str, observed_text: str, cost: CostFn = default_cost) -> Counter[Op]:
    """Counts of (true, observed) ops, identities included, for one page.

    >>> count_ops("müddəası", "miiddoasi")[("ü", "ii")]
    1
    """
    return align_texts(true_text, observed_text, cost).ops
