"""Harvest the inventory of suffix chains from the shipped lexicon.

A suffix chain is what follows a known stem inside a listed word form: ``təşkilat`` +
``larına``.  Chains seen after many distinct stems are real morphology; chains seen after a
handful are accidents of spelling (``ad`` + ``am``).  The result, ``suffix_chains.tsv.gz``
(chain, number of distinct stems), lets the repair accept inflected forms the lexicon never
listed.  No suffix is written by hand: the inventory comes from the word lists.

Run: ``python lexicons/build_suffixes.py`` (after ``lexicons/build.py``).
"""

from __future__ import annotations

import argparse
import gzip
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
VOWELS = set("aıoueəiöü")


def read_words(path: Path, min_count: int) -> dict[str, int]:
    """Lexicon forms with at least ``min_count`` occurrences."""
    words: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            form, count, *_ = line.rstrip("\n").split("\t")
            if int(count) >= min_count:
                words[form] = int(count)
    return words


def read_stems(path: Path, min_len: int) -> set[str]:
    """Curated stems of at least ``min_len`` letters."""
    with gzip.open(path, "rt", encoding="utf-8") as f:
        stems = {s for s in (line.strip() for line in f) if len(s) >= min_len}
    # Verbs are listed as infinitives (yanaşmaq); their roots are what the suffixes follow.
    return stems | {s[:-3] for s in stems if len(s) >= 6 and s.endswith(("maq", "mək"))}


def harvest(
    words: dict[str, int], stems: set[str], max_chain: int = 12, min_stems: int = 25
) -> dict[str, int]:
    """Count, for every chain, the distinct stems it follows; keep the well-attested ones.

    >>> ws = {f"{s}{c}": 1 for s in ("kitab", "qapı", "masa") for c in ("lar", "ları")}
    >>> harvest(ws, {"kitab", "qapı", "masa"}, min_stems=3)
    {'lar': 3, 'ları': 3}
    """
    seen: dict[str, set[str]] = defaultdict(set)
    for form in words:
        for cut in range(max(3, len(form) - max_chain), len(form)):
            stem = form[:cut]
            if stem in stems:
                chain = form[cut:]
                # A chain must contain a vowel unless it is a single consonant (-m, -n, -q).
                if len(chain) == 1 or VOWELS & set(chain):
                    seen[chain].add(stem)
    counts = Counter({chain: len(s) for chain, s in seen.items() if len(s) >= min_stems})
    return dict(sorted(counts.items()))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--min-count", type=int, default=3, help="ignore rarer lexicon forms")
    ap.add_argument("--min-stems", type=int, default=25, help="keep chains after this many stems")
    args = ap.parse_args()
    words = read_words(HERE / "words.tsv.gz", args.min_count)
    stems = read_stems(HERE / "stems.txt.gz", 3)
    chains = harvest(words, stems, min_stems=args.min_stems)
    out = HERE / "suffix_chains.tsv.gz"
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write("".join(f"{c}\t{n}\n" for c, n in chains.items()).encode("utf-8"))
    top = sorted(chains.items(), key=lambda kv: -kv[1])[:15]
    print(f"{len(words)} forms, {len(stems)} stems -> {len(chains)} chains; top: {top}")


if __name__ == "__main__":
    main()
