"""A character n-gram model of Azerbaijani spelling, and open-vocabulary decoding with it.

The lexicon cannot list every word a newspaper prints: rare inflections, place names, loans
(``hidrodinamikanın``, ``Avalokiteşvara``).  For such a word the decoder still wants to know
how Azerbaijani *spells*: vowel harmony (``-sının`` after a back vowel), where ə and ş
occur, which letters end a word.  :class:`CharLM` holds an interpolated Witten-Bell model
over the lexicon's word types, stored in back-off form (cost of a seen letter after a
context, back-off cost of the context), like an ARPA file.  :func:`spell` finds the cheapest
true string under the OCR channel plus this model, letter by letter, with a beam.

>>> lm = CharLM.train(["səbəb", "dəftər", "kitab", "qapı", "dəftərlər"], order=4)
>>> lm.cost("dəftər") < lm.cost("doftor")
True
"""

from __future__ import annotations

import gzip
import math
from array import array
from bisect import bisect_left
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import accumulate, chain
from pathlib import Path

from az_ocrfix.channel import Channel
from az_ocrfix.resources import Traversable, data_file

__all__ = ["BOW", "EOW", "CharLM", "Spelling", "shipped_charlm", "spell"]

#: Start-of-word context mark and end-of-word symbol.
BOW = "^"
EOW = "$"
#: Cost of a symbol the model never saw at all.
UNKNOWN_COST = 14.0
#: Cached letter costs are forgotten past this many contexts, parsed rows past this many.
STEP_MEMO = 100_000
ROW_MEMO = 50_000


class CharLM:
    """Letter costs −ln P(letter | previous letters) with back-off; contexts start with ``^``.

    Rows are parsed on first use: loading reads the sorted context list and the raw rows
    only, so a 280k-context model is ready in a few hundredths of a second.
    """

    def __init__(self, order: int, contexts: list[str], rows: list[str] | str) -> None:
        self.order = order
        self._contexts = contexts
        self._rows = _Rows(rows)
        self._parsed: dict[str, tuple[float, dict[str, float]]] = {}
        self._steps: dict[str, dict[str, float]] = {}

    @classmethod
    def train(cls, words: Iterable[str], order: int = 7, min_count: int = 3) -> CharLM:
        """Estimate an interpolated Witten-Bell model from word types (lowercase).

        Letters seen fewer than ``min_count`` times after a context of 3+ characters are
        left to the shorter contexts (a count cut-off that keeps the model small).
        """
        counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for word in words:
            padded = BOW + word + EOW
            for i in range(1, len(padded)):
                sym = padded[i]
                for k in range(order):
                    start = i - k
                    if start < 0:
                        break
                    counts[padded[start:i]][sym] += 1
        # Interpolated estimates from short contexts to long ones.
        probs: dict[str, dict[str, float]] = {}
        backoff: dict[str, float] = {}

        def trained(ctx: str) -> tuple[float, dict[str, float]] | None:
            return (backoff[ctx], probs[ctx]) if ctx in probs else None

        for ctx in sorted(counts, key=len):
            nexts: dict[str, int] = counts[ctx]
            if len(ctx) >= 3 and min_count > 1:
                nexts = {s: n for s, n in nexts.items() if n >= min_count}
                if not nexts:
                    continue
            total = sum(nexts.values())
            lam = len(nexts) / (total + len(nexts))
            row: dict[str, float] = {}
            for sym, n in nexts.items():
                p_lower = math.exp(-_backoff_cost(trained, ctx[1:], sym)) if ctx else 1 / 64
                row[sym] = -math.log(n / (total + len(nexts)) + lam * p_lower)
            probs[ctx] = row
            backoff[ctx] = -math.log(lam)
        contexts = sorted(probs)
        rows = [_format_row(backoff[c], probs[c]) for c in contexts]
        return cls(order, contexts, rows)

    def _row(self, ctx: str) -> tuple[float, dict[str, float]] | None:
        found = self._parsed.get(ctx)
        if found is not None:
            return found
        i = bisect_left(self._contexts, ctx)
        if i == len(self._contexts) or self._contexts[i] != ctx:
            return None  # unseen contexts are not remembered: step() caches what they resolve to
        bo, _, items = self._rows[i].partition("\t")
        pairs = (item.split(":") for item in items.split(" ") if item)
        found = (float(bo), {sym: float(cost) for sym, cost in pairs})
        if len(self._parsed) >= ROW_MEMO:
            self._parsed.clear()
        self._parsed[ctx] = found
        return found

    def step(self, context: str, symbol: str) -> float:
        """Cost of ``symbol`` after ``context`` (only its last order − 1 characters count)."""
        ctx = context[-(self.order - 1) :]
        known = self._steps.get(ctx)
        if known is None:
            if len(self._steps) > STEP_MEMO:
                self._steps.clear()
            known = self._steps[ctx] = {}
        cached = known.get(symbol)
        if cached is None:
            cached = known[symbol] = _backoff_cost(self._row, ctx, symbol)
        return cached

    def cost(self, word: str) -> float:
        """Cost of a whole lowercase word, end of word included.

        >>> lm = CharLM.train(["ana", "ata"], order=3)
        >>> lm.cost("ana") < lm.cost("naa")
        True
        """
        ctx = BOW
        total = 0.0
        for ch in word + EOW:
            total += self.step(ctx, ch)
            ctx = (ctx + ch)[-(self.order - 1) :]
        return total

    # -- storage ------------------------------------------------------------------------
    def dump(self, path: str | Path) -> None:
        """Write the model as gzip text: a header, the sorted contexts, then their rows
        (``backoff<TAB>letter:cost letter:cost …``), one per line in the same order."""
        body = "\n".join(
            [f"# order {self.order} contexts {len(self._contexts)}", *self._contexts, *self._rows]
        )
        with open(path, "wb") as f:
            f.write(gzip.compress(body.encode("utf-8") + b"\n", 9, mtime=0))

    @classmethod
    def load(cls, path: str | Path | Traversable) -> CharLM:
        """Read a model written by :meth:`dump`."""
        with path.open("rb") if not isinstance(path, str) else open(path, "rb") as f:
            text = gzip.decompress(f.read()).decode("utf-8")
        header, _, text = text.partition("\n")
        order, n = int(header.split()[2]), int(header.split()[4])
        *contexts, rows = text.split("\n", n)
        return cls(order, contexts, rows)


class _Rows:
    """Rows kept as one string plus an offset table: 280k separate strings would cost ~40 MB.

    >>> rows = _Rows(["a", "bc", ""])
    >>> len(rows), rows[1], list(rows)
    (3, 'bc', ['a', 'bc', ''])
    >>> list(_Rows("a\\nbc"))
    ['a', 'bc']
    """

    def __init__(self, rows: list[str] | str) -> None:
        """From a list of rows, or from their text with one row per line."""
        if isinstance(rows, list):
            self._blob = "\n".join(rows) + "\n"
            self._offsets = array("L", accumulate(chain((0,), (len(r) + 1 for r in rows))))
            return
        self._blob = rows if rows.endswith("\n") else rows + "\n"
        offsets = array("L", [0])
        find, pos = self._blob.find, 0
        while (pos := find("\n", pos) + 1) > 0:
            offsets.append(pos)
        self._offsets = offsets

    def __len__(self) -> int:
        return len(self._offsets) - 1

    def __getitem__(self, i: int) -> str:
        return self._blob[self._offsets[i] : self._offsets[i + 1] - 1]

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self)))


def _format_row(backoff: float, row: dict[str, float]) -> str:
    return f"{backoff:.3f}\t" + " ".join(f"{s}:{c:.3f}" for s, c in sorted(row.items()))


def _backoff_cost(
    row_of: Callable[[str], tuple[float, dict[str, float]] | None], ctx: str, symbol: str
) -> float:
    """Cost of ``symbol`` after ``ctx``: from the longest context whose row (back-off cost,
    letter costs) lists it, paying the back-off cost of every longer context on the way."""
    acc = 0.0
    while True:
        row = row_of(ctx)
        if row is not None:
            found = row[1].get(symbol)
            if found is not None:
                return acc + found
            acc += row[0]
        if not ctx:
            return acc + UNKNOWN_COST
        ctx = ctx[1:]


@lru_cache(maxsize=1)
def shipped_charlm() -> CharLM:
    """The model shipped in ``lexicons/charlm.txt.gz`` (built by ``lexicons/build_charlm.py``)."""
    return CharLM.load(data_file("charlm.txt.gz"))


@dataclass(frozen=True, slots=True)
class Spelling:
    """The best open-vocabulary reading of an observed token."""

    form: str
    channel_cost: float
    lm_cost: float
    ops: tuple[tuple[str, str], ...]


def spell(
    observed: str,
    channel: Channel,
    lm: CharLM,
    weight: float = 1.0,
    beam: int = 8,
    width: float = 8.0,
) -> Spelling | None:
    """The cheapest true string for ``observed``: channel cost + ``weight`` × model cost.

    ``observed`` is lowercased with :func:`az_ocrfix.channel.observed_lower`.  Only letters
    are produced; None when no reading reaches the end of the token.  Each position keeps
    the ``beam`` cheapest model contexts, none more than ``width`` above the best.

    >>> lm = CharLM.train(["dəftər", "dəftərlər", "ev", "evlər"], order=4, min_count=1)
    >>> ch = Channel.from_counts({("ə", "o"): 40, ("ə", "ə"): 60, ("o", "o"): 90})
    >>> spell("evlor", ch, lm).form
    'evlər'
    """
    n = len(observed)
    keep = lm.order - 1
    step = lm.step
    # State per position: model context → (total, channel cost, lm cost, prefix, ops).
    layers: list[dict[str, _State]] = [{} for _ in range(n + 1)]
    layers[0][BOW] = (0.0, 0.0, 0.0, "", ())
    for pos in range(n):
        layer = layers[pos]
        if not layer:
            continue
        best = min(st[0] for st in layer.values())
        if len(layer) > beam or any(st[0] > best + width for st in layer.values()):
            kept = sorted(layer.items(), key=lambda kv: kv[1][0])[:beam]
            layer = {ctx: st for ctx, st in kept if st[0] <= best + width}
        for k in (1, 2):
            if pos + k > n:
                break
            sub = observed[pos : pos + k]
            options = [(t, c) for t, c in channel.readings(sub) if t]
            target = layers[pos + k]
            for ctx, (total, ch_cost, lm_cost, prefix, ops) in layer.items():
                for true, c in options:
                    if len(true) == 1:
                        step_lm = step(ctx, true)
                        new_ctx = (ctx + true)[-keep:]
                    else:
                        step_lm = 0.0
                        new_ctx = ctx
                        for letter in true:
                            step_lm += step(new_ctx, letter)
                            new_ctx = (new_ctx + letter)[-keep:]
                    new_total = total + c + weight * step_lm
                    old = target.get(new_ctx)
                    if old is None or new_total < old[0]:
                        target[new_ctx] = (
                            new_total,
                            ch_cost + c,
                            lm_cost + step_lm,
                            prefix + true,
                            (*ops, (true, sub)),
                        )
    found: Spelling | None = None
    best_total = math.inf
    for ctx, (total, ch_cost, lm_cost, prefix, ops) in layers[n].items():
        end = step(ctx, EOW)
        t = total + weight * end
        if t < best_total:
            best_total = t
            found = Spelling(prefix, ch_cost, lm_cost + end, ops)
    return found


#: A search state of :func:`spell`: (total, channel cost, model cost, prefix, ops).
_State = tuple[float, float, float, str, tuple[tuple[str, str], ...]]
