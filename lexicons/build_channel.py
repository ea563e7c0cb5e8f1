"""Estimate the OCR confusion channel from the train pairs and write lexicons/channel.tsv.

Reads ``data/pairs/manifest.json`` (made by ``benchmarks/make_pairs.py``), aligns the OCR
output of every chosen page with the text as printed on the page (``layout.json`` lines,
line-end hyphens included, so layout is not mistaken for glyph confusion) and counts
(true, observed) ops.  ``--from`` chooses the pages: comma-separated ``split`` or
``split:source`` items, where ``source`` is a prefix of the page's source (``--from
synth,train:seed`` = every synth page plus the train pages rendered from the news seeds).
The default, ``train``, is every TRAIN page (the build of the shipped table until the synth
split existed).  Evaluation splits (dev, stress) are refused.

Conditions written:

- ``eng``: tesseract eng on every train page (clean-ish ``eng-<font>`` and ``eng-worn-<font>``);
- ``aze``: tesseract aze on the worn train pages (``aze-worn-<font>``);
- ``eng:<font>`` / ``aze:<font>``: the same split per font;
- ``eng^`` / ``aze^``: only the ops that print each word's first letter;
- ``eng$`` / ``aze$``: only the ops that print each word's last letter.

Two alignment passes: the first with :func:`az_ocrfix.synth.align.default_cost`, the second with
costs -log P(observed | true) estimated from the first, so that multi-character ops (ü → ii,
lı → h) are attributed the way the data prefers.  Ops seen fewer than ``--min-count`` times in a
condition are pruned.  Also writes ``lexicons/CHANNEL.md`` (how it was made, top confusions).

    .venv/bin/python lexicons/build_channel.py                          # every train page
    .venv/bin/python lexicons/build_channel.py --from synth,train:seed  # permissive text only
"""

from __future__ import annotations

import argparse
import json
import math
import sys
import textwrap
from collections import Counter, defaultdict
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from az_ocrfix.synth.align import CostFn, Op, align_texts, default_cost
from az_ocrfix.synth.pairs import printed_text

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
EMPTY = "∅"
#: Suffix of the conditions that count only the ops printing a word's first letter.
INITIAL = "^"
#: Suffix of the conditions that count only the ops printing a word's last letter.
FINAL = "$"
#: Pages counted by default: every train page.
DEFAULT_FROM = "train"
#: The table of the all-capital pages (see :func:`table_of`).
CAPS = "caps"
#: Splits kept for evaluation: never counted.
EVAL_SPLITS = ("dev", "stress")
#: How CHANNEL.md describes the text of the pages a ``--from`` item picks.
SOURCE_NOTES = {
    "synth": "pseudo-text drawn from the shipped lexicon (`lexicons/words.tsv.gz`, built from "
    "MIT/Apache-2.0/MPL-2.0 word lists only; see `synth_docs` in `benchmarks/make_pairs.py`)",
    "train:seed": "the news seeds 000/003 (the user's own sample texts)",
    "train": "seeds 000/003, the train halves of the Wikipedia-sentence (CC BY-SA) and Tatoeba "
    "(CC BY) chunks",
}


def learned_cost(counts: Counter[Op]) -> CostFn:
    """-log P(observed | true) from counts; unseen ops get a cost well above any seen one."""
    per_true: Counter[str] = Counter()
    for (t, _o), c in counts.items():
        per_true[t] += c
    total_chars = sum(c for (t, _o), c in counts.items() if t) or 1

    def cost(true: str, observed: str) -> float:
        c = counts.get((true, observed), 0)
        if c:
            denom = per_true[true] if true else total_chars
            return -math.log(c / denom)
        return 4.0 * default_cost(true, observed) + 4.0

    return cost


def parse_from(spec: str) -> list[tuple[str, str]]:
    """Parse a ``--from`` value into (split, source prefix) items; evaluation splits refused.

    >>> parse_from("synth,train:seed")
    [('synth', ''), ('train', 'seed')]
    >>> parse_from("dev")
    Traceback (most recent call last):
    ...
    ValueError: dev pages are for evaluation only
    """
    items: list[tuple[str, str]] = []
    for item in spec.split(","):
        split, _, source = item.strip().partition(":")
        if not split:
            raise ValueError(f"empty split in {spec!r}")
        if split in EVAL_SPLITS:
            raise ValueError(f"{split} pages are for evaluation only")
        items.append((split, source))
    return items


def select_pages(
    pages: Iterable[dict[str, Any]], items: list[tuple[str, str]]
) -> list[dict[str, Any]]:
    """The pages that match an item: same split and a source starting with its prefix.

    >>> pages = [{"split": "train", "source": "seed000"}, {"split": "train", "source": "wiki"},
    ...          {"split": "synth", "source": "synth"}, {"split": "dev", "source": "seed001"}]
    >>> [p["source"] for p in select_pages(pages, parse_from("synth,train:seed"))]
    ['seed000', 'synth']
    """
    return [
        p
        for p in pages
        if any(
            p["split"] == split and str(p.get("source", "")).startswith(source)
            for split, source in items
        )
    ]


def load_pages(pairs: Path, spec: str = DEFAULT_FROM) -> list[dict[str, Any]]:
    """The manifest's pages chosen by a ``--from`` value (a bare split name works too)."""
    manifest = json.loads((pairs / "manifest.json").read_text(encoding="utf-8"))
    return select_pages(manifest["pages"], parse_from(spec))


def table_of(page: dict[str, Any]) -> str:
    """The table a page's ops are counted in: its engine, or ``caps`` for the all-capital
    pages (English model), whose confusions only all-capital text should be read with.

    >>> table_of({"engine": "eng", "condition": "eng-caps-freeserif"}), table_of({"engine": "aze"})
    ('caps', 'aze')
    """
    if page["engine"] == "eng" and str(page.get("condition", "")).startswith("eng-caps-"):
        return CAPS
    return str(page["engine"])


def _jobs(pairs: Path, pages: Iterable[dict[str, Any]]) -> list[tuple[str, str, str, str]]:
    """(table, font, printed text, observed text) for each page."""
    out = []
    for page in pages:
        d = pairs / page["path"]
        observed = (d / f"ocr_{page['engine']}.txt").read_text(encoding="utf-8")
        out.append((table_of(page), page["font"], printed_text(d), observed))
    return out


def count_all(
    jobs: list[tuple[str, str, str, str]], costs: dict[str, CostFn] | None
) -> tuple[dict[str, Counter[Op]], Counter[str]]:
    counts: dict[str, Counter[Op]] = defaultdict(Counter)
    texts: dict[str, list[str]] = defaultdict(list)
    words: Counter[str] = Counter()
    for engine, font, printed, observed in jobs:
        cost = costs[engine] if costs else default_cost
        a = align_texts(printed, observed, cost)
        for cond in (engine, f"{engine}:{font}"):
            counts[cond].update(a.ops)
            texts[cond].extend(a.used_true)
        counts[f"{engine}{INITIAL}"].update(a.initial_ops)
        counts[f"{engine}{FINAL}"].update(a.final_ops)
        words[f"{engine} used"] += a.words_used
        words[f"{engine} skipped"] += a.words_skipped
    for cond, c in counts.items():
        if cond.endswith(INITIAL):
            starts = (w[i:] for w in texts[cond.removesuffix(INITIAL)] for i in _first_letter(w))
            add_pair_identities(c, starts, initial=True)
        elif cond.endswith(FINAL):
            ends = (w[: i + 1] for w in texts[cond.removesuffix(FINAL)] for i in _last_letter(w))
            add_pair_identities(c, ends, final=True)
        else:
            add_pair_identities(c, texts[cond])
    return counts, words


def _first_letter(word: str) -> list[int]:
    """The position of the first letter of ``word`` (none if it has no letter)."""
    return [i for i, c in enumerate(word) if c.isalpha()][:1]


def _last_letter(word: str) -> list[int]:
    """The position of the last letter of ``word`` (none if it has no letter)."""
    return [i for i, c in enumerate(word) if c.isalpha()][-1:]


def add_pair_identities(
    counts: Counter[Op], true_words: Iterable[str], initial: bool = False, final: bool = False
) -> None:
    """Give each two-character true string (``lı`` in ``lı`` → ``h``) an identity count.

    The identity count is the number of its occurrences in the aligned true words minus the
    times it was read as one of its multi-character ops, so that P(observed | true) normalizes
    over the same denominator as for single characters.  With ``initial``, only occurrences
    that open a word count (the ops of the word-initial table: ``tə`` → ``w`` is rare among
    the words that begin with tə, not certain); with ``final``, only those that end it.

    >>> counts = Counter({("tə", "w"): 2})
    >>> add_pair_identities(counts, ["təşkil", "tərəf", "ötən"], initial=True)
    >>> counts[("tə", "tə")]
    0
    >>> add_pair_identities(counts, ["təşkil", "tərəf", "ötən", "tək"], initial=True)
    >>> counts[("tə", "tə")]
    1
    """
    pairs = {t for (t, o) in counts if len(t) == 2 and t != o}
    if not pairs:
        return
    occurrences: Counter[str] = Counter()
    for w in true_words:
        for i in (
            range(max(0, len(w) - 2), len(w) - 1) if final else range(1 if initial else len(w) - 1)
        ):
            if w[i : i + 2] in pairs:
                occurrences[w[i : i + 2]] += 1
    for t in pairs:
        garbled = sum(c for (tt, o), c in counts.items() if tt == t and o != t)
        counts[(t, t)] = max(0, occurrences[t] - garbled)


def add_documented(counts: dict[str, Counter[Op]], path: Path) -> None:
    r"""Add the confusions of real scans the renders never produced (``documented_confusions.tsv``:
    condition, true, observed, count) to the learned counts, as pseudo-counts.

    >>> import tempfile, pathlib
    >>> f = pathlib.Path(tempfile.mkdtemp()) / "d.tsv"
    >>> _ = f.write_text("# note\ncondition\ttrue\tobserved\tcount\neng\tü\t{i\t20\n")
    >>> counts = {"eng": Counter({("ü", "ii"): 5})}
    >>> add_documented(counts, f); counts["eng"][("ü", "{i")]
    20
    """
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and ln[0] != "#"]
    for line in lines[1:]:
        cond, true, observed, n = line.split("\t")
        counts.setdefault(cond, Counter())[(true, observed)] += int(n)


def write_tsv(path: Path, counts: dict[str, Counter[Op]], min_count: int) -> int:
    rows = 0
    with path.open("w", encoding="utf-8", newline="\n") as f:
        f.write("condition\ttrue\tobserved\tcount\n")
        for cond in sorted(counts, key=lambda c: (":" in c, c)):
            items = [(op, c) for op, c in counts[cond].items() if c >= min_count]
            for (t, o), c in sorted(items, key=lambda x: (x[0][0], -x[1], x[0][1])):
                f.write(f"{cond}\t{t or EMPTY}\t{o or EMPTY}\t{c}\n")
                rows += 1
    return rows


def _show(s: str) -> str:
    return f"`{s}`" if s else EMPTY


def _listing(counts: Counter[str]) -> str:
    return ", ".join(f"{c} {n}" for c, n in sorted(counts.items()))


#: The "How it was made" steps of the historical build (every train page).
_MADE_TRAIN = (
    "1. `benchmarks/make_pairs.py` renders clean Azerbaijani text (seeds 000/003, the",
    "   train halves of the Wikipedia-sentence and Tatoeba chunks) as justified newspaper",
    "   columns with syllable hyphenation, in fonts that cover all 32 letters (checked with",
    "   fontTools), degrades some pages as worn scans, and OCRs every page with tesseract 5",
    "   `eng` and `aze`",
    "   (`--psm 4`, `aze` with `tessedit_load_sublangs=` so no Cyrillic is injected).",
    "   Each train document is also rendered once in a monospaced or extra-light face",
    "   (`eng-freemono`, `eng-dejavu-sans-extralight`), once at 150 dpi",
    "   (`eng-lowres-<font>`), so the `eng` channel knows the confusions of type far from",
    "   the book faces too, and once in capitals (`eng-caps-<font>`, headline style), counted",
    "   in a table of their own, `caps`: capital letters inside words (Ə printed ®, 8 or @; İ",
    "   printed I).  The corrector reads a page that is mostly capitals with `eng` + `caps`.",
    "2. `lexicons/build_channel.py` aligns each TRAIN page's OCR output with the text as",
    "   printed (words first, then characters with 1:1, 1:2, 2:1 ops; two passes, the second",
    "   with costs learned from the first) and counts the ops.  Dev pages are never used.",
    "   Confusions of real scans the renders never produced (`documented_confusions.tsv`:",
    "   ü printed `{i`) are added as pseudo-counts.",
    "",
    "Rebuild: `.venv/bin/python benchmarks/make_pairs.py && "
    ".venv/bin/python lexicons/build_channel.py`.",
)


def _made_lines(spec: str) -> list[str]:
    """The "How it was made" steps of CHANNEL.md for the pages chosen by ``spec``."""
    if spec == DEFAULT_FROM:
        return list(_MADE_TRAIN)
    items = [f"{split}:{source}" if source else split for split, source in parse_from(spec)]
    texts = "; ".join(f"`{item}`: {SOURCE_NOTES.get(item, 'as named')}" for item in items)
    counted = f"Pages counted (`--from {spec}`, split or split:source prefix): {texts}."
    return [
        "1. `benchmarks/make_pairs.py` renders Azerbaijani text as justified newspaper columns",
        "   with syllable hyphenation, in the train fonts (all cover the 32 letters, checked with",
        "   fontTools), degrades some pages as worn scans, and OCRs every page with tesseract 5",
        "   `eng` and `aze` (`--psm 4`, `aze` with `tessedit_load_sublangs=` so no Cyrillic is",
        "   injected).",
        f"2. `lexicons/build_channel.py --from {spec}` aligns the OCR output of the",
        "   chosen pages with the text as printed (words first, then characters with 1:1, 1:2,",
        "   2:1 ops; two passes, the second with costs learned from the first) and counts the",
        "   ops.  Dev and stress pages are never used.",
        "",
        *textwrap.wrap(counted, width=92, break_on_hyphens=False),
        "",
        "Rebuild: `.venv/bin/python benchmarks/make_pairs.py && "
        f".venv/bin/python lexicons/build_channel.py --from {spec}`.",
    ]


def write_md(
    path: Path,
    pages: list[dict[str, Any]],
    counts: dict[str, Counter[Op]],
    words: Counter[str],
    rows: int,
    min_count: int,
    spec: str = DEFAULT_FROM,
) -> None:
    """Write CHANNEL.md: the format, how the table was made from which pages, top confusions.

    The default ``spec`` gives the text of the historical build (every train page).
    """
    by_cond: Counter[str] = Counter(p["condition"] for p in pages)
    fonts: dict[str, set[str]] = defaultdict(set)
    for p in pages:
        fonts[table_of(p)].add(p["font"])
    lines = [
        "# channel.tsv: the learned OCR confusion channel",
        "",
        "`channel.tsv` holds counts of (true, observed) character ops, tab-separated, with a",
        "header `condition  true  observed  count`.  `true`/`observed` are 0-2 characters in",
        f"original case; the empty string is written `{EMPTY}`.  Identity ops (`c`→`c`) are",
        "included so P(observed | true) = count / sum of counts with the same condition and true.",
        "For a two-character true string (`lı` in `lı`→`h`) the identity row counts its other",
        "occurrences in the aligned text, so it normalizes the same way.  Insertions (true",
        f"`{EMPTY}`) are best read per true character: count / all true characters.",
        f"Ops seen fewer than {min_count} times in a condition are pruned.  {rows} rows.",
        "",
        "## How it was made",
        "",
        *_made_lines(spec),
        "",
        "Conditions: `eng` = tesseract eng on clean-ish and worn pages; `aze` = tesseract aze on",
        "worn pages; `caps` = tesseract eng on the all-capital pages (added to `eng` for a page",
        "that is mostly capitals); `eng:<font>`, `aze:<font>`, `caps:<font>` = the same per",
        "font; `eng^`, `aze^`, `caps^` = only the",
        "ops that print a word's first letter (İ → f, [ and Ə → 9 happen there, not inside",
        "words), which the search uses for the first glyph of a token; `eng$`, `aze$`,",
        "`caps$` = only the ops that print a word's last letter (an English model drops a",
        "final ı six times as often as one inside a word), used for the last glyph of a token",
        "and the letters dropped after it.",
        "",
        "| engine | train fonts | pages | words aligned | words skipped |",
        "| --- | --- | ---: | ---: | ---: |",
    ]
    for eng in sorted(fonts):
        n = sum(1 for p in pages if table_of(p) == eng)
        lines.append(
            f"| {eng} | {', '.join(sorted(fonts[eng]))} | {n} | {words[f'{eng} used']} |"
            f" {words[f'{eng} skipped']} |"
        )
    lines.append("")
    if spec == DEFAULT_FROM:
        lines.append("Pages per train condition: " + _listing(by_cond))
    else:
        by_source: Counter[str] = Counter(f"{p['split']}:{p.get('source', '')}" for p in pages)
        lines += [
            "Pages per split and source: " + _listing(by_source),
            "",
            "Pages per condition: " + _listing(by_cond),
        ]
    lines.append("")
    for cond in ("eng", "aze"):
        if cond not in counts:
            continue
        c = counts[cond]
        per_true: Counter[str] = Counter()
        for (t, _o), k in c.items():
            per_true[t] += k
        total = sum(k for (t, _o), k in c.items() if t)
        errors = sum(k for (t, o), k in c.items() if t != o)
        lines += [
            f"## Top confusions: `{cond}`",
            "",
            f"{total} true characters aligned, {errors} ops that are not identities "
            f"({errors / max(1, total):.1%}).",
            "",
            "| true | observed | count | P(observed given true) |",
            "| --- | --- | ---: | ---: |",
        ]
        top = sorted(((op, k) for op, k in c.items() if op[0] != op[1]), key=lambda x: -x[1])
        for (t, o), k in top[:30]:
            prob = k / per_true[t] if t else k / max(1, total)
            lines.append(f"| {_show(t)} | {_show(o)} | {k} | {prob:.3f} |")
        lines.append("")
    path.write_text("\n".join(lines), encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build lexicons/channel.tsv from train pairs.")
    parser.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs")
    parser.add_argument("--out", type=Path, default=HERE / "channel.tsv")
    parser.add_argument("--md", type=Path, default=HERE / "CHANNEL.md")
    parser.add_argument("--min-count", type=int, default=2)
    parser.add_argument(
        "--from",
        dest="spec",
        default=DEFAULT_FROM,
        help="pages to count: comma-separated split or split:source-prefix items "
        f"(default {DEFAULT_FROM}; e.g. synth,train:seed)",
    )
    args = parser.parse_args(argv)

    try:
        pages = load_pages(args.pairs, args.spec)
    except ValueError as e:
        raise SystemExit(str(e)) from e
    if not pages:
        raise SystemExit(f"no pages for --from {args.spec}: run benchmarks/make_pairs.py first")
    jobs = _jobs(args.pairs, pages)
    first, _ = count_all(jobs, None)
    costs: dict[str, CostFn] = {
        eng: learned_cost(first[eng]) for eng in ("eng", "aze") if eng in first
    }
    if CAPS in first:  # aligned with the English model's costs and their own
        costs[CAPS] = learned_cost(first["eng"] + first[CAPS])
    counts, words = count_all(jobs, costs)
    add_documented(counts, HERE / "documented_confusions.tsv")
    rows = write_tsv(args.out, counts, args.min_count)
    write_md(args.md, pages, counts, words, rows, args.min_count, args.spec)
    print(f"{len(pages)} pages ({args.spec}) -> {rows} rows in {args.out.name}")
    for eng in ("eng", "aze", CAPS):
        if eng in counts:
            top = [(t, o, k) for (t, o), k in counts[eng].most_common() if t != o][:12]
            print(eng, " ".join(f"{t or EMPTY}→{o or EMPTY}:{k}" for t, o, k in top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
