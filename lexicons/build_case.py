"""Learn how often OCR flips the case of a word's first letter, per OCR condition.

An English model reads a word-initial ü as ``U`` and Ə as a lowercase ``o`` far more often
than the same letters inside words, so the case model needs word-initial rates.  This script
aligns every OCR word of the chosen pages (``--from``, as in ``build_channel.py``: by default
every train page, ``data/pairs/train``, made by ``benchmarks/make_pairs.py``; ``--from
synth,train:seed`` = the synth split plus the train pages of the news seeds) with the true
word it came from and counts, per true first letter, how often the OCR gave it the other case.

Output ``lexicons/case_flips.tsv``: ``condition<TAB>letter<TAB>flipped<TAB>total`` where
``letter`` is the true first letter in its true case.

It also fits the neighbour model of :func:`az_ocrfix.casing.capital_prior` on clean texts: a
logistic regression of "this word inside a sentence is capitalized" on the lexicon's
capitalization share (as log-odds) and whether the next and the previous word are capitalized.
The texts are those of the ``--context-from`` pages (default: the ``--from`` pages), never
those of CC BY-SA sources (:data:`BY_SA`); by default that is the news seeds and Tatoeba.
The pseudo-text of the synth split is capitalized word by word without regard to its
neighbours, so it has nothing to teach this model: use ``--context-from train:seed``.
Output ``lexicons/case_context.tsv``: ``feature<TAB>weight`` (``--no-context``: not written).

Run: ``python lexicons/build_case.py [--pairs data/pairs] [--from train]
[--context-from SPEC] [--flips-out PATH] [--context-out PATH] [--no-context]``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT / "benchmarks"))
sys.path.insert(0, str(HERE))

import math  # noqa: E402
from typing import Any  # noqa: E402

import regex  # noqa: E402
from build_channel import DEFAULT_FROM, parse_from, select_pages  # noqa: E402
from tune import aligned_words  # noqa: E402

from az_ocrfix.alphabet import lower  # noqa: E402
from az_ocrfix.casing import (  # noqa: E402
    NEIGHBOUR_FEATURES,
    lexicon_share,
    neighbour_features,
    position,
)
from az_ocrfix.corrector import Corrector  # noqa: E402
from az_ocrfix.lexicon import Lexicon  # noqa: E402

_WORD = regex.compile(r"\p{L}[\p{L}'’-]*")
#: Sources whose text is CC BY-SA: evaluation and glyph statistics only, no text statistics.
BY_SA = ("wiki", "ud")
#: L2 penalty of the logistic fit (keeps rare feature combinations from running away).
RIDGE = 0.01


def neighbour_rows(texts: list[str], lexicon: Lexicon) -> list[tuple[list[float], float]]:
    """(features, capitalized?) for every word inside a sentence of the clean texts; all-capital
    words (acronyms) are left out, capitals around them still count."""
    rows: list[tuple[list[float], float]] = []
    for text in texts:
        words = [(m.start(), m.group()) for m in _WORD.finditer(text)]
        inside = [position(text, start) == "inside" for start, _ in words]
        for k, (_start, word) in enumerate(words):
            if not inside[k] or (word.isupper() and len(word) > 1):
                continue
            form = lower(word)
            share = lexicon_share(lexicon.cap_share(form), lexicon.count(form))
            nxt = k + 1 < len(words) and inside[k + 1] and words[k + 1][1][:1].isupper()
            prv = k > 0 and inside[k - 1] and words[k - 1][1][:1].isupper()
            rows.append((neighbour_features(share, nxt, prv), float(word[:1].isupper())))
    return rows


def fit_logistic(rows: list[tuple[list[float], float]], iterations: int = 30) -> list[float]:
    """Ridge-penalized logistic regression by Newton's method (a handful of features).

    >>> w = fit_logistic([([1.0, 1.0], 1.0), ([0.0, 1.0], 0.0)] * 20)
    >>> w[0] > 0 > w[1]
    True
    """
    n = len(rows[0][0])
    w = [0.0] * n
    for _ in range(iterations):
        grad = [-RIDGE * wi for wi in w]
        hess = [[RIDGE if i == j else 0.0 for j in range(n)] for i in range(n)]
        for x, y in rows:
            p = 1.0 / (1.0 + math.exp(-sum(wi * xi for wi, xi in zip(w, x, strict=True))))
            for i in range(n):
                grad[i] += (y - p) * x[i]
                for j in range(n):
                    hess[i][j] += p * (1.0 - p) * x[i] * x[j]
        step = _solve(hess, grad)
        w = [wi + si for wi, si in zip(w, step, strict=True)]
        if max(abs(si) for si in step) < 1e-9:
            break
    return w


def _solve(a: list[list[float]], b: list[float]) -> list[float]:
    """Solve a x = b by Gaussian elimination with partial pivoting."""
    n = len(b)
    m = [[*row, b[i]] for i, row in enumerate(a)]
    for col in range(n):
        piv = max(range(col, n), key=lambda r: abs(m[r][col]))
        m[col], m[piv] = m[piv], m[col]
        for r in range(col + 1, n):
            f = m[r][col] / m[col][col]
            for c in range(col, n + 1):
                m[r][c] -= f * m[col][c]
    x = [0.0] * n
    for r in range(n - 1, -1, -1):
        x[r] = (m[r][n] - sum(m[r][c] * x[c] for c in range(r + 1, n))) / m[r][r]
    return x


def chosen_pages(pairs: Path, spec: str) -> list[tuple[Path, dict[str, Any]]]:
    """(meta.json path, meta) of every complete page a ``--from`` value chooses, by path."""
    items = parse_from(spec)
    out: list[tuple[Path, dict[str, Any]]] = []
    for split in sorted({split for split, _ in items}):
        for mp in (pairs / split).glob("*/*/meta.json"):
            meta = json.loads(mp.read_text(encoding="utf-8"))
            if select_pages([meta], items):
                out.append((mp, meta))
    return sorted(out, key=lambda pm: pm[0])


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs")
    ap.add_argument(
        "--from",
        dest="spec",
        default=DEFAULT_FROM,
        help=f"pages whose OCR is counted (default {DEFAULT_FROM}; e.g. synth,train:seed)",
    )
    ap.add_argument(
        "--context-from",
        default=None,
        help="pages whose clean text fits the neighbour model (default: the --from pages); "
        "CC BY-SA sources are always left out",
    )
    ap.add_argument("--flips-out", type=Path, default=HERE / "case_flips.tsv")
    ap.add_argument("--context-out", type=Path, default=HERE / "case_context.tsv")
    ap.add_argument("--no-context", action="store_true", help="do not write case_context.tsv")
    args = ap.parse_args(argv)
    try:
        chosen = chosen_pages(args.pairs, args.spec)
        context = (
            chosen if args.context_from is None else chosen_pages(args.pairs, args.context_from)
        )
    except ValueError as e:
        raise SystemExit(str(e)) from e
    if not chosen:
        raise SystemExit(f"no pages for --from {args.spec}: run benchmarks/make_pairs.py first")
    corrector = Corrector.default()
    flipped: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    pages = [mp for mp, _ in chosen]
    for mp, meta in chosen:
        engine = meta.get("engine", "eng")
        ocr = (mp.parent / f"ocr_{engine}.txt").read_text(encoding="utf-8")
        truth = (mp.parent / "truth.txt").read_text(encoding="utf-8")
        _, channel = corrector.pick_channel(ocr)
        for obs, true in aligned_words(ocr, truth, corrector, channel):
            first_obs = next((c for c in obs if c.isalpha()), "")
            if not first_obs:
                continue
            key = (engine, true[0])
            total[key] += 1
            if first_obs.isupper() != true[0].isupper():
                flipped[key] += 1
    # Text statistics come only from texts that may shape shipped data: the news seeds and
    # Tatoeba, not the CC BY-SA Wikipedia sentences (those are rendered for OCR glyph counts).
    texts = sorted(
        {
            (mp.parent / "truth.txt").read_text(encoding="utf-8")
            for mp, meta in context
            if not meta["source"].startswith(BY_SA)
        }
    )
    if not args.no_context:
        rows = neighbour_rows(texts, corrector.lexicon)
        weights = fit_logistic(rows)
        args.context_out.write_text(
            "feature\tweight\n"
            + "".join(f"{n}\t{w:.4f}\n" for n, w in zip(NEIGHBOUR_FEATURES, weights, strict=True)),
            encoding="utf-8",
        )
        print(f"neighbour model from {len(rows)} words of {len(texts)} texts: {weights}")
    lines = ["condition\tletter\tflipped\ttotal"]
    for (cond, letter), n in sorted(total.items()):
        lines.append(f"{cond}\t{letter}\t{flipped[(cond, letter)]}\t{n}")
    args.flips_out.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(pages)} pages ({args.spec}); {sum(total.values())} words")
    for (cond, letter), n in sorted(flipped.items(), key=lambda kv: -kv[1])[:12]:
        print(cond, letter, n, "/", total[(cond, letter)])


if __name__ == "__main__":
    main()
