"""Candidate generation: lexicon words (and stem + suffix analyses) reachable under the channel.

The search walks the observed token left to right.  At each position it tries every reading
the channel knows for the next one or two observed characters (``o`` → o/ə/ö, ``ii`` → ü,
``h`` → lı …) and keeps only prefixes that some lexicon word starts with: the lexicon is a
sorted list, so a prefix is a range found by bisection, and no trie has to be built or held
in memory.  When a prefix is a known stem, the search may also continue through the
inventory of suffix chains, which reaches inflected forms the lexicon never listed
(``uyğunlaşdırılmasına``).  States whose channel cost exceeds the budget are dropped, and
each position keeps only the cheapest states (a beam).

>>> from az_ocrfix.channel import Channel
>>> ch = Channel.from_counts({("ə", "o"): 30, ("ə", "ə"): 70, ("o", "o"): 100, ("ü", "ii"): 20,
...                           ("ü", "ü"): 80, ("i", "i"): 90, ("ı", "i"): 10})
>>> words = WordList(["dövlət", "müddəa", "müddəası", "olmaq"], {"müddəa"})
>>> [c.form for c in search("miiddoasi", ch, words, SuffixList(["sı"]), budget=12)]
['müddəası']
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from az_ocrfix.channel import Channel

__all__ = ["Candidate", "Lexical", "SuffixList", "WordList", "search"]

_TOP = "\uffff"


class Lexical(Protocol):
    """What the search needs from a lexicon: sorted forms and a stem test."""

    forms: Sequence[str]

    def is_stem(self, form: str) -> bool: ...


class WordList:
    """A minimal :class:`Lexical` over an in-memory list (tests, tools)."""

    def __init__(self, forms: Sequence[str], stems: set[str] | None = None) -> None:
        self.forms = sorted(forms)
        self._stems = stems or set()

    def is_stem(self, form: str) -> bool:
        return form in self._stems


class SuffixList:
    """Sorted suffix chains (see :class:`az_ocrfix.morphology.SuffixChains`)."""

    def __init__(self, forms: Sequence[str]) -> None:
        self.forms = sorted(forms)


@dataclass(frozen=True, slots=True)
class Candidate:
    """A possible true form of an observed token."""

    form: str
    #: −ln P(observed | form) under the channel.
    channel_cost: float
    #: 0 for a form taken whole from the lexicon, else the length of the stem of a stem+suffix analysis.
    stem_len: int
    #: The alignment used: (true, observed) substring pairs, left to right.
    ops: tuple[tuple[str, str], ...]


def _narrow(forms: Sequence[str], prefix: str, lo: int, hi: int) -> tuple[int, int]:
    i = bisect_left(forms, prefix, lo, hi)
    if i == hi or not forms[i].startswith(prefix):
        return i, i
    j = bisect_left(forms, prefix + _TOP, i, hi)
    return i, j


# A search state: (cost, lo, hi, ops).  Keyed by (prefix, stem_len) within a position.
_State = tuple[float, int, int, tuple[tuple[str, str], ...]]


def search(
    observed: str,
    channel: Channel,
    lexicon: Lexical,
    suffixes: SuffixList | None,
    budget: float,
    beam: int = 32,
    min_stem: int = 3,
    width: float = 7.0,
) -> list[Candidate]:
    """All lexicon forms and stem+chain analyses within ``budget`` channel cost of ``observed``.

    ``observed`` must already be lowercased with :func:`az_ocrfix.channel.observed_lower`.
    Results are sorted by channel cost.  Each position keeps at most ``beam`` states, none
    costing more than ``width`` above the cheapest one there.
    """
    forms = lexicon.forms
    chains = suffixes.forms if suffixes is not None else ()
    n = len(observed)
    layers: list[dict[tuple[str, int], _State]] = [{} for _ in range(n + 1)]
    layers[0][("", 0)] = (0.0, 0, len(forms), ())
    deletions = channel.readings("")
    out: dict[str, Candidate] = {}

    def relax(layer: dict[tuple[str, int], _State], key: tuple[str, int], state: _State) -> bool:
        old = layer.get(key)
        if old is None or state[0] < old[0]:
            layer[key] = state
            return True
        return False

    for pos in range(n + 1):
        layer = layers[pos]
        if not layer:
            continue
        # Epsilon moves at this position: stem → suffix mode, and OCR deletions (true text unseen).
        work = list(layer.items())
        while work:
            (prefix, stem_len), (cost, lo, hi, ops) = work.pop()
            if suffixes is not None and stem_len == 0 and len(prefix) >= min_stem:
                if forms[lo] == prefix and lexicon.is_stem(prefix):
                    key = (prefix, len(prefix))
                    st: _State = (cost, 0, len(chains), ops)
                    if relax(layer, key, st):
                        work.append((key, st))
            for true, c in deletions:
                nc = cost + c
                if nc > budget or not true:
                    continue
                new_prefix = prefix + true
                if stem_len:
                    nlo, nhi = _narrow(chains, new_prefix[stem_len:], lo, hi)
                else:
                    nlo, nhi = _narrow(forms, new_prefix, lo, hi)
                if nlo < nhi:
                    key = (new_prefix, stem_len)
                    st = (nc, nlo, nhi, (*ops, (true, "")))
                    if relax(layer, key, st):
                        work.append((key, st))
        best = min(st[0] for st in layer.values())
        if len(layer) > beam or any(st[0] > best + width for st in layer.values()):
            kept = sorted(layer.items(), key=lambda kv: kv[1][0])[:beam]
            layer = layers[pos] = {k: st for k, st in kept if st[0] <= best + width}
        if pos == n:
            break
        for (prefix, stem_len), (cost, lo, hi, ops) in layer.items():
            for k in (1, 2):
                if pos + k > n:
                    break
                sub = observed[pos : pos + k]
                for true, c in channel.readings(sub):
                    nc = cost + c
                    if nc > budget:
                        break  # readings are sorted by cost
                    new_prefix = prefix + true
                    if stem_len:
                        nlo, nhi = _narrow(chains, new_prefix[stem_len:], lo, hi)
                    else:
                        nlo, nhi = _narrow(forms, new_prefix, lo, hi)
                    if nlo < nhi:
                        relax(layers[pos + k], (new_prefix, stem_len), (nc, nlo, nhi, (*ops, (true, sub))))

    for (prefix, stem_len), (cost, lo, _hi, ops) in layers[n].items():
        if stem_len:
            chain = prefix[stem_len:]
            if not chain or chains[lo] != chain:
                continue
        elif forms[lo] != prefix:
            continue
        old = out.get(prefix)
        if old is None or (old.stem_len and not stem_len) or (old.stem_len == stem_len and cost < old.channel_cost):
            out[prefix] = Candidate(prefix, cost, stem_len, ops)
    return sorted(out.values(), key=lambda c: c.channel_cost)
