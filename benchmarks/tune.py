"""Fit the decoder's few global weights on the TRAIN split (never on dev).

For every train page, the OCR text is reflowed and tokenized exactly as ``fix`` does, each OCR
word is aligned to the true word it came from (character alignment of the whole page), and
the decoder's scored readings of the word are computed once.  The weights (lexicon weight,
keep cost, stem+suffix penalty) are then searched on a grid, scoring each setting by word
accuracy on OCR pages plus accuracy of leaving the clean truth words alone (do-no-harm,
weighted up because changing correct text is the worse error).

Run: ``.venv/bin/python benchmarks/tune.py [--pairs data/pairs] [--pages N]``; it prints the
grid's best settings, which go into ``az_ocrfix.decode.DecoderParams`` by hand.
"""

from __future__ import annotations

import argparse
import itertools
import json
import random
from collections import Counter
from pathlib import Path

from rapidfuzz.distance import Levenshtein

from az_ocrfix.alphabet import lower
from az_ocrfix.channel import Channel, observed_lower, shipped_channel
from az_ocrfix.corrector import Corrector
from az_ocrfix.layout import reflow
from az_ocrfix.normalize import normalize

ROOT = Path(__file__).resolve().parents[1]

# One example: the true word, and the decoder's readings as (form, channel cost, prior, stem_len).
Example = tuple[str, str, list[tuple[str, float, float, int]]]


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


def corrector_tokenizer():  # type: ignore[no-untyped-def]
    from az_ocrfix.corrector import _tokenizer

    return _tokenizer(shipped_channel("eng").glyphs | shipped_channel("aze").glyphs)


def readings(
    corrector: Corrector, observed: str, channel: Channel
) -> list[tuple[str, float, float, int]]:
    dec = corrector.decoder
    alts = dec.alternatives(observed, channel)
    if not any(a.form == observed and not a.stem_len for a in alts):
        alts += dec.fuzzy_alternatives(observed, channel)
    lam = dec.params.lm_weight
    return [(a.form, a.channel_cost, (a.cost - a.channel_cost) / lam, a.stem_len) for a in alts]


def decide(
    observed: str,
    alts: list[tuple[str, float, float, int]],
    lm: float,
    keep: float,
    morph: float,
    junk_cost: float,
    fuzzy: float,
) -> str:
    best_form, best = observed, None
    in_lex = False
    fuzzy_ok = fuzzy >= 0
    for form, ch, prior, stem_len in alts:
        if form == observed and not stem_len:
            in_lex = True
        if stem_len == -2 and not fuzzy_ok:
            continue
        cost = ch + lm * prior
        if stem_len > 0:
            cost += morph - 3.0
        elif stem_len == -2:
            cost += fuzzy - 2.0
        if best is None or cost < best:
            best, best_form = cost, form
    if not in_lex:
        junk = sum(1 for c in observed if not c.isalpha())
        kc = keep + junk_cost * junk
        if best is None or kc < best:
            best_form = observed
    return best_form


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs")
    ap.add_argument("--pages", type=int, default=120)
    args = ap.parse_args()
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
    print(
        f"{sum(ocr_examples.values())} OCR word tokens, {sum(clean_examples.values())} clean tokens"
    )
    cache: dict[tuple[str, str], list[tuple[str, float, float, int]]] = {}
    for name, obs, _ in ocr_examples:
        if (name, obs) not in cache:
            cache[(name, obs)] = readings(corrector, obs, shipped_channel(name))
    for w in clean_examples:
        if ("aze", w) not in cache:
            cache[("aze", w)] = readings(corrector, w, shipped_channel("aze"))
    grid = itertools.product(
        [0.8, 1.0, 1.2], [17.0, 19.0, 21.0, 23.0], [1.0, 2.0, 3.0], [4.0], [-1.0, 2.0, 4.0]
    )
    results = []
    for lm, keep, morph, junk, fz in grid:
        ok = sum(
            n
            for (name, obs, true), n in ocr_examples.items()
            if decide(obs, cache[(name, obs)], lm, keep, morph, junk, fz if name == "eng" else -1)
            == true
        )
        harm = sum(
            n
            for w, n in clean_examples.items()
            if decide(w, cache[("aze", w)], lm, keep, morph, junk, -1) != w
        )
        acc = ok / sum(ocr_examples.values())
        harm_rate = harm / sum(clean_examples.values())
        results.append((acc - 5 * harm_rate, acc, harm_rate, lm, keep, morph, junk, fz))
    results.sort(reverse=True)
    print("score  ocr-acc  harm   lm  keep morph junk fuzzy(-1=off)")
    for r in results[:12]:
        print(" ".join(f"{x:.4f}" if i < 3 else f"{x:.1f}" for i, x in enumerate(r)))


if __name__ == "__main__":
    main()
