"""Build the letter model of Azerbaijani spelling, ``lexicons/charlm.txt.gz``.

A character 7-gram model (interpolated Witten-Bell, counts below 3 after contexts of 3+
letters cut off) over the word types of the shipped lexicon ``lexicons/words.txt``: every
form counts once, so the model learns how words are spelled (vowel harmony, where ə, ı and ş
occur, how words end) rather than which words are frequent.  The decoder uses it for words
the lexicon lacks (see ``az_ocrfix.charlm``).  Derived only from the shipped word list, so
it carries that list's licences (see LICENSES.md).

Run: ``python lexicons/build_charlm.py`` (about 15 s; the output is byte-identical on reruns).
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import regex

from az_ocrfix.charlm import CharLM

HERE = Path(__file__).resolve().parent
_LETTERS = regex.compile(r"^\p{Ll}+$")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--order", type=int, default=7)
    ap.add_argument("--min-count", type=int, default=3)
    ap.add_argument("--out", type=Path, default=HERE / "charlm.txt.gz")
    args = ap.parse_args()
    started = time.perf_counter()
    forms = (HERE / "words.txt").read_text(encoding="utf-8").split("\n")
    words = [w for w in forms if _LETTERS.match(w)]
    model = CharLM.train(words, args.order, args.min_count)
    model.dump(args.out)
    print(
        f"{len(words):,} word types → order {args.order}, {len(model._contexts):,} contexts, "
        f"{args.out.stat().st_size / 1e6:.1f} MB in {time.perf_counter() - started:.1f} s"
    )


if __name__ == "__main__":
    main()
