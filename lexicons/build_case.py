"""Learn how often OCR flips the case of a word's first letter, per OCR condition.

An English model reads a word-initial ü as ``U`` and Ə as a lowercase ``o`` far more often
than the same letters inside words, so the case model needs word-initial rates.  This script
aligns every OCR word of the train pages (``data/pairs/train``, made by
``benchmarks/make_pairs.py``) with the true word it came from and counts, per true first
letter, how often the OCR gave it the other case.

Output ``lexicons/case_flips.tsv``: ``condition<TAB>letter<TAB>flipped<TAB>total`` where
``letter`` is the true first letter in its true case.

Run: ``python lexicons/build_case.py [--pairs data/pairs]``.
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

from tune import aligned_words  # noqa: E402

from az_ocrfix.corrector import Corrector  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs")
    args = ap.parse_args()
    corrector = Corrector.default()
    flipped: Counter[tuple[str, str]] = Counter()
    total: Counter[tuple[str, str]] = Counter()
    pages = sorted((args.pairs / "train").glob("*/*/meta.json"))
    for mp in pages:
        meta = json.loads(mp.read_text(encoding="utf-8"))
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
    lines = ["condition\tletter\tflipped\ttotal"]
    for (cond, letter), n in sorted(total.items()):
        lines.append(f"{cond}\t{letter}\t{flipped[(cond, letter)]}\t{n}")
    (HERE / "case_flips.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(pages)} train pages; {sum(total.values())} words")
    for (cond, letter), n in sorted(flipped.items(), key=lambda kv: -kv[1])[:12]:
        print(cond, letter, n, "/", total[(cond, letter)])


if __name__ == "__main__":
    main()
