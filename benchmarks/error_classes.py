"""Classify the word errors left by ``fix`` on rendered pages (the closing notes' error classes).

Each page's OCR text (``ocr_eng`` or ``ocr_aze``, as its condition says) is fixed and its words
are aligned with the clean truth (Levenshtein over whitespace-split words, as the WER of
``benchmarks/quality.py``).  Every span that differs gets one class:

- ``split/merge``: the span has a different number of words on each side;
- ``punct``: the letters agree, punctuation does not;
- ``case``: the letters agree up to case;
- ``truth OOV``: the true word is not in the lexicon (names, loans, rare inflections);
- ``wrong listed``: the output is another listed word (isə for işə, zaman for zamanı);
- ``left garbled``: anything else (the output is no listed word).

Pages of UD learner/dialect sentences (non-standard reference spelling) are counted apart.

    .venv/bin/python benchmarks/error_classes.py --split dev --family eng-OCR
    .venv/bin/python benchmarks/error_classes.py --split train --family "aze-OCR, worn scans" \\
        --out /tmp/errors.tsv
"""

from __future__ import annotations

import argparse
import collections
import sys
from multiprocessing import Pool
from pathlib import Path

import regex
from quality import NON_STANDARD, family, load_pages
from rapidfuzz.distance import Levenshtein

from az_ocrfix import fix
from az_ocrfix.alphabet import lower
from az_ocrfix.lexicon import Lexicon

ROOT = Path(__file__).resolve().parent.parent
#: One error: class, true words, output words, condition, source.
Error = tuple[str, str, str, str, str]


def letters(words: str) -> str:
    """The letters of ``words``, lowercased the Azerbaijani way.

    >>> letters("İlham,"), letters("(QHT-lərin)")
    ('ilham', 'qhtlərin')
    """
    return lower(regex.sub(r"[^\p{L}]", "", words))


def classify(true: list[str], out: list[str], lexicon: Lexicon) -> list[tuple[str, str, str]]:
    """(class, true words, output words) of every differing span (adjacent differing
    words form one span, as in the word alignment of the WER).

    >>> lex = Lexicon(["bu", "isə", "işə", "gün"], [99, 90, 10, 50])
    >>> classify("bu işə".split(), "bu isə".split(), lex)
    [('wrong listed', 'işə', 'isə')]
    >>> classify("Bu gün.".split(), "bu gün".split(), lex)  # one span of two words
    [('case', 'Bu gün.', 'bu gün')]
    """
    found = []
    for op in Levenshtein.opcodes(true, out):
        if op.tag == "equal":
            continue
        tw = " ".join(true[op.src_start : op.src_end])
        hw = " ".join(out[op.dest_start : op.dest_end])
        if op.tag != "replace" or op.src_end - op.src_start != op.dest_end - op.dest_start:
            kind = "split/merge"
        elif regex.sub(r"[^\p{L}]", "", tw) == regex.sub(r"[^\p{L}]", "", hw):
            kind = "punct"
        elif letters(tw) == letters(hw):
            kind = "case"
        elif letters(tw) not in lexicon:
            kind = "truth OOV"
        elif letters(hw) in lexicon:
            kind = "wrong listed"
        else:
            kind = "left garbled"
        found.append((kind, tw, hw))
    return found


def page_errors(page: dict[str, str]) -> tuple[int, bool, list[Error]]:
    """Words of the page's truth, whether its spelling is standard, and its errors."""
    observed = page["ocr_aze"] if page["engine"] == "aze" else page["ocr_eng"]
    true, out = page["truth"].split(), fix(observed).split()
    errors = [
        (kind, tw, hw, page["condition"], page["source"])
        for kind, tw, hw in classify(true, out, Lexicon.default())
    ]
    return len(true), page["source"] != NON_STANDARD, errors


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point: print the class counts, optionally write every error."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs")
    parser.add_argument("--split", default="dev", choices=["train", "dev", "stress"])
    parser.add_argument("--family", default="eng-OCR", help="condition family, as in quality.py")
    parser.add_argument("--out", type=Path, help="write every error here (TSV)")
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    pages = [
        p
        for p in load_pages(args.pairs, args.split, None)
        if family(p["condition"], args.split) == args.family
    ]
    if not pages:
        parser.error(f"no {args.family!r} pages in {args.pairs / args.split}")
    with Pool(args.workers) as pool:
        results = pool.map(page_errors, pages, chunksize=4)
    words: collections.Counter[bool] = collections.Counter()
    classes: collections.Counter[tuple[bool, str]] = collections.Counter()
    rows: list[Error] = []
    for n, standard, errors in results:
        words[standard] += n
        for error in errors:
            classes[(standard, error[0])] += 1
            rows.append(error)
    print(f"{args.split} {args.family}: {len(pages)} pages")
    for standard, label in ((True, "standard spelling"), (False, NON_STANDARD)):
        if not words[standard]:
            continue
        print(f"  {label} ({words[standard]:,} words):")
        for (std, kind), k in classes.most_common():
            if std == standard:
                print(f"    {kind}: {k} ({100 * k / words[standard]:.2f} % of words)")
    if args.out:
        with args.out.open("w", encoding="utf-8") as f:
            for row in sorted(rows):
                f.write("\t".join(row) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
