"""Fit the decoder's few global weights on the TRAIN split (never on dev).

For every train page, the OCR text is reflowed and tokenized exactly as ``fix`` does, and each
OCR word is aligned to the true word it came from (character alignment of the whole page).
The weights (lexicon weight, keep cost, stem+suffix penalty, fuzzy penalty) are then searched
on a grid, scoring each setting by word accuracy on OCR pages plus accuracy of leaving the
clean truth words alone (do-no-harm, weighted up because changing correct text is the worse
error).

Every choice is the decoder's own: each setting gets the ``Decoder`` that ``Corrector`` sets
up with its ``DecoderParams``, and each distinct token is decided by ``Decoder.decide`` as
``fix_document`` asks for it (the page's starting channel, the fuzzy fallback on eng pages and
for tokens with glyph debris), so the tune cannot drift from the decoder's cost formula.  Not
part of the tune, as before: context, channel adaptation and casing (each token is decided
alone), and the junk-glyph price of ``Decoder.keep_cost``, a constant there.

Speed (about 2.3x the old re-implementation of the formula; under a minute for 120 pages):
the settings that differ in the fuzzy penalty only re-decide the tokens whose decision holds a
fuzzy reading, and the costly lookups under ``Decoder.decide`` are memoized for the run
(:class:`Memo`).  The open-vocabulary spelling, the fuzzy index look-up and the channel's
alignment costs do not depend on the weights (exact).  The candidate search does, through its
pruning bounds: each token is searched once, under the loosest bounds of all settings (least
lexicon weight, greatest cutoff).  A setting may then see readings its own search would have
pruned, and, as more partial readings compete for the search beam, rarely lose one (20 train
pages: one token, ``tamim``, read differently by a few settings; 48 of the 108 scores off by at
most 0.0003; the best three settings and the current one unchanged).  ``--exact`` searches
again for every setting (3-4x slower) to check that approximation.

Run: ``.venv/bin/python benchmarks/tune.py [--pairs data/pairs] [--pages N] [--top N]
[--exact]``; it prints the grid's best settings (and the current ``DecoderParams``), which go
into ``az_ocrfix.decode.DecoderParams`` by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from pathlib import Path
from typing import Any
from unittest import mock

from rapidfuzz.distance import Levenshtein

from az_ocrfix import decode
from az_ocrfix.alphabet import lower
from az_ocrfix.candidates import Bounds, Candidate, search
from az_ocrfix.channel import Channel, observed_lower, shipped_channel
from az_ocrfix.charlm import Spelling, spell
from az_ocrfix.corrector import Corrector
from az_ocrfix.decode import Decision, Decoder, DecoderParams
from az_ocrfix.fuzzy import FuzzyIndex, index_for
from az_ocrfix.layout import reflow
from az_ocrfix.normalize import normalize
from az_ocrfix.tokenize import Tokenizer

ROOT = Path(__file__).resolve().parents[1]

#: The grid: lexicon weight, keep cost, stem+suffix penalty, fuzzy penalty.
LM_WEIGHTS = (0.8, 1.0, 1.2)
KEEP_COSTS = (17.0, 19.0, 21.0, 23.0)
MORPH_PENALTIES = (1.0, 2.0, 3.0)
FUZZY_PENALTIES = (2.0, 4.0, 6.0)
#: Weight of the do-no-harm rate against OCR word accuracy in the score.
HARM_WEIGHT = 5.0


def base_grid() -> list[DecoderParams]:
    """The settings of the grid but the fuzzy penalty (the other weights at their defaults)."""
    return [
        DecoderParams(lm_weight=lm, keep_cost=keep, morph_penalty=morph)
        for lm, keep, morph in itertools.product(LM_WEIGHTS, KEEP_COSTS, MORPH_PENALTIES)
    ]


def decoder_for(params: DecoderParams) -> Decoder:
    """The decoder ``fix`` would use with these weights (set up by ``Corrector``)."""
    return Corrector(params=params).decoder


def aligned_words(
    ocr: str, truth: str, corrector: Corrector, channel: Channel
) -> list[tuple[str, str]]:
    """(OCR token, true word) pairs for the page."""
    text = reflow(normalize(ocr), lambda w: corrector.word_score(w, channel)).text
    truth_n = " ".join(truth.split())
    ops = Levenshtein.opcodes(text, truth_n)
    # map each position of text to a position of truth
    pos_map = [0] * (len(text) + 1)
    for op in ops:
        for k in range(op.src_start, op.src_end):
            pos_map[k] = op.dest_start + min(
                k - op.src_start, max(op.dest_end - op.dest_start - 1, 0)
            )
    pos_map[len(text)] = len(truth_n)
    tokenizer = corrector_tokenizer()
    pairs: list[tuple[str, str]] = []
    for tok in tokenizer.tokens(text):
        if tok.kind != "word":
            continue
        a = pos_map[tok.start]
        b = pos_map[tok.end - 1] + 1
        # expand to the truth word boundaries
        while a > 0 and truth_n[a - 1].isalpha():
            a -= 1
        while b < len(truth_n) and truth_n[b].isalpha():
            b += 1
        true = truth_n[a:b]
        if true.isalpha():
            pairs.append((tok.text, true))
    return pairs


def corrector_tokenizer() -> Tokenizer:
    from az_ocrfix.corrector import _tokenizer

    return _tokenizer(shipped_channel("eng").glyphs | shipped_channel("aze").glyphs)


def uses_fuzzy(channel_name: str, observed: str) -> bool:
    """Whether ``fix_document`` lets the token use the fuzzy fallback (eng pages, or glyph
    debris in the token)."""
    return channel_name == "eng" or not observed.isalpha()


def decide_all(
    decoder: Decoder, tokens: Iterable[tuple[str, str]]
) -> dict[tuple[str, str], Decision]:
    """The decoder's decision for each (channel name, lowercased token), asked for as
    ``fix_document`` asks (the page's starting channel, the fuzzy fallback where it allows)."""
    return {
        (name, observed): decoder.decide(
            observed, shipped_channel(name), uses_fuzzy(name, observed)
        )
        for name, observed in tokens
    }


def uses_fuzzy_reading(decision: Decision) -> bool:
    """Whether a reading from the fuzzy fallback is among the decision's options."""
    return any(a.stem_len == -2 for a in decision.alternatives)


class _Nearest:
    """A fuzzy index whose look-ups are memoized."""

    def __init__(self, index: FuzzyIndex, memo: dict[tuple[Any, ...], list[str]]) -> None:
        self._index = index
        self._memo = memo

    def nearest(self, observed: str, limit: int = 6) -> list[str]:
        key = (id(self._index), observed, limit)
        hit = self._memo.get(key)
        if hit is None:
            hit = self._memo[key] = self._index.nearest(observed, limit)
        return hit

    def __getattr__(self, name: str) -> Any:
        return getattr(self._index, name)


class Memo:
    """Memoizes, while active, the costly lookups made by :mod:`az_ocrfix.decode`: the
    spelling, fuzzy index and alignment look-ups (which the tuned weights do not change) and,
    unless ``exact_search``, the candidate search, run once per token under the loosest
    bounds of ``decoders`` (one per setting of the grid)."""

    def __init__(self, decoders: Sequence[Decoder], exact_search: bool = False) -> None:
        self.decoders = decoders
        self.exact_search = exact_search
        self._search: dict[tuple[Any, ...], list[Candidate]] = {}
        self._spell: dict[tuple[Any, ...], Spelling | None] = {}
        self._nearest: dict[tuple[Any, ...], list[str]] = {}
        self._align: dict[tuple[Any, ...], float] = {}
        self.real_search = search
        self.real_spell = spell
        self.real_index_for = index_for
        self.real_align_cost = Channel.align_cost

    def loosest_bounds(self, observed: str) -> Bounds:
        """The decoders' bounds for the token, each field at its loosest (least lexicon
        weight and floors, greatest cutoff)."""
        bounds = [d.bounds(observed) for d in self.decoders]
        return bounds[0]._replace(
            lm_weight=min(b.lm_weight for b in bounds),
            cutoff=max(b.cutoff for b in bounds),
            morph_floor=min(b.morph_floor for b in bounds),
            stem_count=min(b.stem_count for b in bounds),
        )

    def search(self, observed: str, channel: Channel, *args: Any, **kw: Any) -> list[Candidate]:
        if self.exact_search:
            return self.real_search(observed, channel, *args, **kw)
        kw.pop("bounds", None)
        key = (observed, id(channel), *(id(a) for a in args[:2]), *args[2:], *sorted(kw.items()))
        hit = self._search.get(key)
        if hit is None:
            kw["bounds"] = self.loosest_bounds(observed)
            hit = self._search[key] = self.real_search(observed, channel, *args, **kw)
        return hit

    def spell(
        self, observed: str, channel: Channel, lm: Any, *args: Any, **kw: Any
    ) -> Spelling | None:
        key = (observed, id(channel), id(lm), *args, *sorted(kw.items()))
        if key not in self._spell:
            self._spell[key] = self.real_spell(observed, channel, lm, *args, **kw)
        return self._spell[key]

    def index_for(self, *args: Any, **kw: Any) -> _Nearest:
        return _Nearest(self.real_index_for(*args, **kw), self._nearest)

    def align_cost(self) -> Callable[..., float]:
        real, memo = self.real_align_cost, self._align

        def align_cost(channel: Channel, true: str, observed: str, *args: Any, **kw: Any) -> float:
            key = (id(channel), true, observed, *args, *sorted(kw.items()))
            hit = memo.get(key)
            if hit is None:
                hit = memo[key] = real(channel, true, observed, *args, **kw)
            return hit

        return align_cost

    @contextmanager
    def active(self) -> Iterator[Memo]:
        with ExitStack() as stack:
            stack.enter_context(mock.patch.object(decode, "search", self.search))
            stack.enter_context(mock.patch.object(decode, "spell", self.spell))
            stack.enter_context(mock.patch.object(decode, "index_for", self.index_for))
            stack.enter_context(mock.patch.object(Channel, "align_cost", self.align_cost()))
            yield self


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs")
    ap.add_argument("--pages", type=int, default=120)
    ap.add_argument("--top", type=int, default=12, help="settings to print")
    ap.add_argument(
        "--exact", action="store_true", help="search again for every setting (slow; a check)"
    )
    args = ap.parse_args()
    t0 = time.perf_counter()
    corrector = Corrector.default()
    metas = sorted((args.pairs / "train").glob("*/*/meta.json"))
    random.Random(7).shuffle(metas)
    ocr_examples: Counter[tuple[str, str, str]] = Counter()  # (channel, observed, true)
    clean_examples: Counter[str] = Counter()
    for mp in metas[: args.pages]:
        meta = json.loads(mp.read_text(encoding="utf-8"))
        engine = meta.get("engine", "eng")
        d = mp.parent
        ocr = (d / f"ocr_{engine}.txt").read_text(encoding="utf-8")
        truth = (d / "truth.txt").read_text(encoding="utf-8")
        name, channel = corrector.pick_channel(ocr)
        for obs, true in aligned_words(ocr, truth, corrector, channel):
            ocr_examples[(name, observed_lower(obs), lower(true))] += 1
        for word in truth.split():
            w = "".join(c for c in word if c.isalpha())
            if w:
                clean_examples[lower(w)] += 1
    n_ocr, n_clean = sum(ocr_examples.values()), sum(clean_examples.values())
    print(f"{n_ocr} OCR word tokens, {n_clean} clean tokens")
    # The clean text reads as Azerbaijani (pick_channel gives aze for it).
    tokens = {(name, obs) for name, obs, _ in ocr_examples} | {("aze", w) for w in clean_examples}
    bases = base_grid()
    # The fuzzy penalty plays no part in the search bounds.
    memo = Memo([decoder_for(p) for p in bases], exact_search=args.exact)
    results = []
    with memo.active():
        for base in bases:
            decisions: dict[tuple[str, str], Decision] = {}
            redo = list(tokens)
            for fz in FUZZY_PENALTIES:
                params = base._replace(fuzzy_penalty=fz)
                decisions.update(decide_all(decoder_for(params), redo))
                # The fuzzy penalty prices the fallback's readings only: a decision without
                # one among its options is the same under every fuzzy penalty.
                redo = [t for t in redo if uses_fuzzy_reading(decisions[t])]
                read = {t: d.form or d.observed for t, d in decisions.items()}
                ok = sum(
                    n for (name, obs, true), n in ocr_examples.items() if read[name, obs] == true
                )
                harm = sum(n for w, n in clean_examples.items() if read["aze", w] != w)
                acc, harm_rate = ok / n_ocr, harm / n_clean
                results.append((acc - HARM_WEIGHT * harm_rate, acc, harm_rate, params))
    results.sort(key=lambda r: r[0], reverse=True)
    default = DecoderParams()
    print("score  ocr-acc  harm   lm  keep morph fuzzy")
    for rank, (score, acc, harm_rate, p) in enumerate(results):
        if rank < args.top or p == default:
            mark = "  <- current DecoderParams" if p == default else ""
            print(
                f"{score:.4f} {acc:.4f} {harm_rate:.4f} {p.lm_weight:.1f} {p.keep_cost:.1f} "
                f"{p.morph_penalty:.1f} {p.fuzzy_penalty:.1f}{mark}"
            )
    print(f"({len(results)} settings, {time.perf_counter() - t0:.0f} s)")


if __name__ == "__main__":
    main()
