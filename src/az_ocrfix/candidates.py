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

import math
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple, Protocol

from az_ocrfix.channel import Channel, has_initial

__all__ = ["Candidate", "Lexical", "SuffixList", "WordList", "search"]

_TOP = "\uffff"
#: Only states within this many nats of a position's best try an OCR deletion there.
DELETION_WIDTH = 2.5


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
    """Memo of prefix → (index range, best prior in it) for a sorted list, shared by all searches.

    Prefixes recur from token to token (every word starting "müd" …), so after warm-up most
    steps of the search are one dict lookup instead of two bisections.  With ``counts``, each
    range also carries −ln of the highest count in it over ``total``: no word below that
    prefix can have a better lexicon prior, which lets the search drop prefixes that only
    lead to words too rare to win.
    """

    def __init__(
        self,
        forms: Sequence[str],
        counts: Sequence[int] | None = None,
        total: float = 1.0,
        limit: int = 400_000,
    ) -> None:
        self.forms = forms
        self.counts = counts
        self.log_total = math.log(total) if total > 0 else 0.0
        self.limit = limit
        self._ranges: dict[str, tuple[int, int, float]] = {}
        self._ranges[""] = self._entry(0, len(forms))
        #: The memo's own lookup (None when the prefix is not memoized yet).
        self.known = self._ranges.get

    def _entry(self, lo: int, hi: int) -> tuple[int, int, float]:
        if self.counts is None or lo >= hi:
            return lo, hi, 0.0
        best = max(self.counts[lo:hi])
        return lo, hi, (self.log_total - math.log(best)) if best > 0 else 60.0

    def get(self, prefix: str, lo: int, hi: int) -> tuple[int, int, float]:
        """Range and prior bound of ``prefix``, given the range of a shorter prefix of it."""
        found = self._ranges.get(prefix)
        if found is None:
            found = self._entry(*_narrow(self.forms, prefix, lo, hi))
            if len(self._ranges) >= self.limit:
                # Forget the older half; the root range ("") is re-added first.
                for old in list(islice(self._ranges, self.limit // 2)):
                    del self._ranges[old]
                self._ranges[""] = self._entry(0, len(self.forms))
            self._ranges[prefix] = found
        return found


_RANGES: dict[int, PrefixRanges] = {}


def _ranges_for(
    forms: Sequence[str], counts: Sequence[int] | None = None, total: float = 1.0
) -> PrefixRanges:
    r = _RANGES.get(id(forms))
    if r is None or r.forms is not forms:
        r = _RANGES[id(forms)] = PrefixRanges(forms, counts, total)
    return r


class Bounds(NamedTuple):
    """Optional pruning by the best achievable total cost (channel + weighted prior).

    A state is dropped when its channel cost plus ``lm_weight`` × the best prior below its
    prefix exceeds ``cutoff``; stem+suffix states use the stem's prior plus ``morph_floor``.
    """

    counts: Sequence[int]
    total: float
    lm_weight: float
    cutoff: float
    morph_floor: float
    #: Listed forms at least this frequent may take further suffixes (yanaşmaları + mızı).
    stem_count: int = 1 << 62


# A search state: (cost, lo, hi, back, floor) keyed by (prefix, stem_len) within a position;
# ``back`` is (previous state, true, observed) so the alignment is rebuilt only for the final
# candidates; ``floor`` is the least weighted prior any completion can have (0 without bounds).
_State = tuple[float, int, int, "_Back", float]
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
    bounds: Bounds | None = None,
) -> list[Candidate]:
    """All lexicon forms and stem+chain analyses within ``budget`` channel cost of ``observed``.

    ``observed`` must already be lowercased with :func:`az_ocrfix.channel.observed_lower`.
    Results are sorted by channel cost.  Each position keeps at most ``beam`` states, none
    costing more than ``width`` above the cheapest one there; with ``bounds``, states that
    cannot beat ``bounds.cutoff`` even with the best prior below them are dropped too.
    """
    forms = lexicon.forms
    chains = suffixes.forms if suffixes is not None else ()
    if bounds is not None:
        word_memo = _ranges_for(forms, bounds.counts, bounds.total)
        lam, cutoff = bounds.lm_weight, bounds.cutoff
    else:
        word_memo = _ranges_for(forms)
        lam, cutoff = 0.0, math.inf
    word_ranges, known_words = word_memo.get, word_memo.known
    chain_memo = _ranges_for(chains)
    chain_ranges, known_chains = chain_memo.get, chain_memo.known
    is_stem = lexicon.is_stem
    counts = bounds.counts if bounds is not None else None
    stem_count = bounds.stem_count if bounds is not None else 0
    n = len(observed)
    layers: list[dict[tuple[str, int], _State]] = [{} for _ in range(n + 1)]
    layers[0][("", 0)] = (0.0, 0, len(forms), None, 0.0)
    deletions = [(t, c) for t, c in channel.readings("") if t]
    initial = has_initial(observed)
    readings = channel.readings
    # Letters dropped after the last glyph, and that glyph's readings, at word-final costs
    # (not for a lone letter, like the word-initial ones).
    final_readings = channel.final_readings if initial else readings
    final_deletions = [(t, c) for t, c in final_readings("") if t]

    def extend(state: _State, stem_len: int, new_prefix: str, nc: float) -> _State | None:
        lo, hi, floor = state[1], state[2], state[4]
        if stem_len:
            nlo, nhi, _ = chain_ranges(new_prefix[stem_len:], lo, hi)
        else:
            nlo, nhi, bound = word_ranges(new_prefix, lo, hi)
            floor = lam * bound
        if nlo < nhi and nc + floor <= cutoff:
            return (nc, nlo, nhi, None, floor)
        return None

    for pos in range(n + 1):
        layer = layers[pos]
        if not layer:
            continue
        # Epsilon moves at this position: stem → suffix mode, and OCR deletions (true text unseen).
        work = list(layer.items())
        # OCR deletions are tried only from the most promising states of the position.
        deletion_limit = min(st[0] for st in layer.values()) + DELETION_WIDTH
        while work:
            (prefix, stem_len), state = work.pop()
            cost, lo = state[0], state[1]
            moves: list[tuple[tuple[str, int], _State]] = []
            if (
                suffixes is not None
                and not stem_len
                and len(prefix) >= min_stem
                and forms[lo] == prefix
                and (is_stem(prefix) or (counts is not None and counts[lo] >= stem_count))
            ):
                floor = 0.0
                if bounds is not None:
                    stem_prior = bounds.counts[lo]
                    floor = lam * (math.log(bounds.total / max(stem_prior, 1)) + bounds.morph_floor)
                if cost + floor <= cutoff:
                    moves.append(
                        ((prefix, len(prefix)), (cost, 0, len(chains), (state, None, ""), floor))
                    )
            dropped = final_deletions if pos == n else deletions
            for true, c in dropped if cost <= deletion_limit else ():
                nc = cost + c
                if nc > budget:
                    break
                new = extend(state, stem_len, prefix + true, nc)
                if new is not None:
                    moves.append(((prefix + true, stem_len), (*new[:3], (state, true, ""), new[4])))
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
            (
                k,
                observed[pos : pos + k],
                (final_readings if pos + k == n else readings)(observed[pos : pos + k]),
            )
            for k in (1, 2)
            if pos + k <= n
        ]
        # The first glyphs of a word, read before any letter: word-initial costs.
        first_steps = (
            [(k, sub, channel.initial_readings(sub)) for k, sub, _ in steps]
            if pos == 0 and initial
            else []
        )
        for (prefix, stem_len), state in layer.items():
            cost, lo, hi, _, floor = state
            for k, sub, options in first_steps if not prefix and first_steps else steps:
                target = layers[pos + k]
                for true, c in options:
                    nc = cost + c
                    if nc > budget:
                        break  # readings are sorted by cost
                    new_prefix = prefix + true
                    # The memo's dict is probed inline: this loop is the hot spot of fix.
                    if stem_len:
                        chain = new_prefix[stem_len:]
                        found = known_chains(chain) or chain_ranges(chain, lo, hi)
                        nlo, nhi = found[0], found[1]
                        nfloor = floor
                    else:
                        found = known_words(new_prefix) or word_ranges(new_prefix, lo, hi)
                        nlo, nhi = found[0], found[1]
                        nfloor = lam * found[2]
                    if nlo < nhi and nc + nfloor <= cutoff:
                        key = (new_prefix, stem_len)
                        old = target.get(key)
                        if old is None or nc < old[0]:
                            target[key] = (nc, nlo, nhi, (state, true, sub), nfloor)

    # A listed form stands whole; an unlisted one keeps each of its stem + chain splits,
    # since the splits differ in prior (efiopiya + nı, not efiop + iyanı) and only the
    # decoder can weigh them.
    final = layers[n].items()
    listed = {prefix for (prefix, stem_len), st in final if not stem_len and forms[st[1]] == prefix}
    out: list[Candidate] = []
    for (prefix, stem_len), state in final:
        lo = state[1]
        if stem_len:
            chain = prefix[stem_len:]
            if not chain or chains[lo] != chain or prefix in listed:
                continue
        elif forms[lo] != prefix:
            continue
        out.append(Candidate(prefix, state[0], stem_len, _ops(state)))
    return sorted(out, key=lambda c: c.channel_cost)
