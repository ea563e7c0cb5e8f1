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


class Sorted(Protocol):
    """Anything holding a sorted list of forms."""

    @property
    def forms(self) -> Sequence[str]: ...


class Lexical(Sorted, Protocol):
    """What the search needs from a lexicon: sorted forms and a stem test."""

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
    #: 0 for a form taken whole from the lexicon, else the stem length of a stem+suffix analysis.
    stem_len: int
    #: The alignment used: (true, observed) substring pairs, left to right.
    ops: tuple[tuple[str, str], ...]


def _narrow(forms: Sequence[str], prefix: str, lo: int, hi: int) -> tuple[int, int]:
    i = bisect_left(forms, prefix, lo, hi)
    if i == hi or not forms[i].startswith(prefix):
        return i, i
    j = bisect_left(forms, prefix + _TOP, i, hi)
    return i, j


class PrefixRanges:
    """Memo of prefix → index range in a sorted list (shared by every search on that list).

    Prefixes recur from token to token (every word starting "müd" …), so after warm-up most
    steps of the search are one dict lookup instead of two bisections.
    """

    def __init__(self, forms: Sequence[str], limit: int = 2_000_000) -> None:
        self.forms = forms
        self.limit = limit
        self._ranges: dict[str, tuple[int, int]] = {"": (0, len(forms))}

    def get(self, prefix: str, lo: int, hi: int) -> tuple[int, int]:
        """Range of ``prefix``, given the range ``lo, hi`` of a shorter prefix of it."""
        found = self._ranges.get(prefix)
        if found is None:
            found = _narrow(self.forms, prefix, lo, hi)
            if len(self._ranges) >= self.limit:
                self._ranges.clear()
            self._ranges[prefix] = found
        return found


_RANGES: dict[int, PrefixRanges] = {}


def _ranges_for(forms: Sequence[str]) -> PrefixRanges:
    r = _RANGES.get(id(forms))
    if r is None or r.forms is not forms:
        r = _RANGES[id(forms)] = PrefixRanges(forms)
    return r


# A search state: (cost, lo, hi, back) keyed by (prefix, stem_len) within a position; ``back`` is
# (previous state, true, observed) so the alignment is rebuilt only for the final candidates.
_State = tuple[float, int, int, "_Back"]
_Back = tuple[_State, str | None, str] | None


def _ops(state: _State) -> tuple[tuple[str, str], ...]:
    ops: list[tuple[str, str]] = []
    back = state[3]
    while back is not None:
        prev, true, obs = back
        if true is not None:
            ops.append((true, obs))
        back = prev[3]
    return tuple(reversed(ops))


def search(
    observed: str,
    channel: Channel,
    lexicon: Lexical,
    suffixes: Sorted | None,
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
    word_ranges = _ranges_for(forms).get
    chain_ranges = _ranges_for(chains).get
    is_stem = lexicon.is_stem
    n = len(observed)
    layers: list[dict[tuple[str, int], _State]] = [{} for _ in range(n + 1)]
    layers[0][("", 0)] = (0.0, 0, len(forms), None)
    deletions = [(t, c) for t, c in channel.readings("") if t]
    readings = channel.readings

    for pos in range(n + 1):
        layer = layers[pos]
        if not layer:
            continue
        # Epsilon moves at this position: stem → suffix mode, and OCR deletions (true text unseen).
        work = list(layer.items())
        while work:
            (prefix, stem_len), state = work.pop()
            cost, lo, hi, _ = state
            moves: list[tuple[tuple[str, int], _State]] = []
            if (
                suffixes is not None
                and not stem_len
                and len(prefix) >= min_stem
                and forms[lo] == prefix
                and is_stem(prefix)
            ):
                moves.append(((prefix, len(prefix)), (cost, 0, len(chains), (state, None, ""))))
            for true, c in deletions:
                nc = cost + c
                if nc > budget:
                    break
                new_prefix = prefix + true
                if stem_len:
                    nlo, nhi = chain_ranges(new_prefix[stem_len:], lo, hi)
                else:
                    nlo, nhi = word_ranges(new_prefix, lo, hi)
                if nlo < nhi:
                    moves.append(((new_prefix, stem_len), (nc, nlo, nhi, (state, true, ""))))
            for key, st in moves:
                old = layer.get(key)
                if old is None or st[0] < old[0]:
                    layer[key] = st
                    work.append((key, st))
        best = min(st[0] for st in layer.values())
        if len(layer) > beam or any(st[0] > best + width for st in layer.values()):
            kept = sorted(layer.items(), key=lambda kv: kv[1][0])[:beam]
            layer = layers[pos] = {k: st for k, st in kept if st[0] <= best + width}
        if pos == n:
            break
        steps = [
            (k, observed[pos : pos + k], readings(observed[pos : pos + k]))
            for k in (1, 2)
            if pos + k <= n
        ]
        for (prefix, stem_len), state in layer.items():
            cost, lo, hi, _ = state
            for k, sub, options in steps:
                target = layers[pos + k]
                for true, c in options:
                    nc = cost + c
                    if nc > budget:
                        break  # readings are sorted by cost
                    new_prefix = prefix + true
                    if stem_len:
                        nlo, nhi = chain_ranges(new_prefix[stem_len:], lo, hi)
                    else:
                        nlo, nhi = word_ranges(new_prefix, lo, hi)
                    if nlo < nhi:
                        key = (new_prefix, stem_len)
                        old = target.get(key)
                        if old is None or nc < old[0]:
                            target[key] = (nc, nlo, nhi, (state, true, sub))

    out: dict[str, Candidate] = {}
    for (prefix, stem_len), state in layers[n].items():
        cost, lo = state[0], state[1]
        if stem_len:
            chain = prefix[stem_len:]
            if not chain or chains[lo] != chain:
                continue
        elif forms[lo] != prefix:
            continue
        seen = out.get(prefix)
        if (
            seen is None
            or (seen.stem_len and not stem_len)
            or (seen.stem_len == stem_len and cost < seen.channel_cost)
        ):
            out[prefix] = Candidate(prefix, cost, stem_len, _ops(state))
    return sorted(out.values(), key=lambda c: c.channel_cost)
