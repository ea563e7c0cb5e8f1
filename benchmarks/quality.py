"""Repair quality on the dev split: CER/WER per OCR condition, baselines side by side.

Systems compared on the same pages (``data/pairs/dev``, made by ``benchmarks/make_pairs.py``;
never used to fit the channel or the lexicon):

- ``raw``: the OCR output as it is;
- ``symspell``: symspellpy (max edit distance 2) per token on the same shipped lexicon, after
  a naive dehyphenation (``-\\n`` removed) — the generic spell-checker baseline;
- ``az-ocrfix``: ``az_ocrfix.fix`` on the OCR output;
- ``aze re-OCR``: tesseract ``aze`` on the same images (the "just re-OCR it" anchor; needs the
  images, which our users do not have), as it comes, after layout only (dehyphenated, lines
  joined), and through the whole of ``fix``.

Also the do-no-harm rate: the share of words changed when the clean truth itself is fixed.
Writes the tables into docs/benchmarks.md between ``<!-- quality:begin -->`` markers and the
seed 002 repair into docs/seed002.md.

Run: ``.venv/bin/python benchmarks/quality.py [--pairs data/pairs] [--limit N] [--no-symspell]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from collections import defaultdict
from pathlib import Path

import regex
from docs_section import replace_section
from rapidfuzz.distance import Levenshtein

from az_ocrfix import FixConfig, fix
from az_ocrfix.metrics import char_errors, word_errors
from az_ocrfix.resources import data_file

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
SEED_002 = ROOT / "examples" / "milli_meclis_garbled.txt"
_WORD = regex.compile(r"\p{L}+")
#: The one source whose truth is not in standard spelling (learner and dialect sentences).
NON_STANDARD = "UD (learner/dialect)"
#: The stress pages: dev documents in bold, italic and condensed faces (no training style).
STRESS = "eng-OCR, unseen styles (bold/italic/condensed)"
#: The far stress pages: dev documents in monospaced/alternate faces no channel saw, or a
#: held-out face scanned at 150 dpi.
FAR = "eng-OCR, far faces (mono, alternate, 150 dpi)"
_FAR_CONDITION = regex.compile(r"mono|gentiumalt|lowres")
#: The all-capital stress pages (headline style) in the dev fonts.
CAPS = "eng-OCR, all capitals (headline style)"
#: Dehyphenation and line joining only: the fair form of the "just re-OCR it" anchor.
LAYOUT_ONLY = FixConfig(repair=False)


def load_pages(pairs: Path, split: str, limit: int | None) -> list[dict[str, str]]:
    """Every page of a split: condition, family, truth, ocr_eng, ocr_aze."""
    pages: list[dict[str, str]] = []
    for meta_path in sorted((pairs / split).glob("*/*/meta.json")):
        page_dir = meta_path.parent
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        files = {n: page_dir / f"{n}.txt" for n in ("truth", "ocr_eng", "ocr_aze")}
        if not all(p.exists() for p in files.values()):
            continue
        page = {n: p.read_text(encoding="utf-8") for n, p in files.items()}
        page["condition"] = meta["condition"]
        page["split"] = split
        page["engine"] = meta.get("engine", "eng")
        page["font"] = meta.get("font", "")
        page["source"] = source_kind(str(meta.get("source", "")))
        pages.append(page)
    if limit:
        by_cond: dict[str, list[dict[str, str]]] = defaultdict(list)
        for p in pages:
            by_cond[p["condition"]].append(p)
        pages = [p for lst in by_cond.values() for p in lst[:limit]]
    return pages


def source_kind(source: str) -> str:
    """Which kind of clean text a page was rendered from."""
    for prefix, kind in (("seed", "news"), ("wiki", "wikipedia"), ("ud", "UD (learner/dialect)")):
        if source.lower().startswith(prefix):
            return kind
    return "tatoeba" if "tatoeba" in source.lower() else source or "other"


def family(condition: str, split: str = "dev") -> str:
    """Group conditions: eng (clean-ish pages, per font pooled), eng-worn, aze-worn, and the
    stress pages (eng, bold/italic/condensed faces never used in training; far faces)."""
    if split == "stress":
        if condition.startswith("eng-caps-"):
            return CAPS
        return FAR if _FAR_CONDITION.search(condition) else STRESS
    if condition.startswith("aze-worn"):
        return "aze-OCR, worn scans"
    if condition.startswith("eng-worn"):
        return "eng-OCR, worn scans"
    return "eng-OCR"


class SymSpellBaseline:
    """symspellpy with the shipped lexicon, per token, case restored naively."""

    def __init__(self) -> None:
        from symspellpy import SymSpell, Verbosity

        self.verbosity = Verbosity.TOP
        self.sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
        with gzip.open(data_file("words.tsv.gz").open("rb"), "rt", encoding="utf-8") as f:
            for line in f:
                form, count, *_ = line.rstrip("\n").split("\t")
                self.sym.create_dictionary_entry(form, int(count))

    def fix(self, text: str) -> str:
        text = regex.sub(r"-\n\s*", "", text)

        def repl(m: regex.Match[str]) -> str:
            word = m.group()
            hits = self.sym.lookup(word.lower(), self.verbosity, max_edit_distance=2)
            if not hits:
                return word
            out: str = hits[0].term
            return out[:1].upper() + out[1:] if word[:1].isupper() else out

        return _WORD.sub(repl, text)


def changed_share(truth: str, fixed: str) -> tuple[int, int]:
    """Words of ``truth`` that ``fixed`` changed: (changed, total)."""
    a, b = truth.split(), fixed.split()
    return Levenshtein.distance(a, b), len(a)


def fmt(edits: int, total: int) -> str:
    return f"{100.0 * edits / total:.2f}" if total else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description="Repair quality on the dev split")
    ap.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs")
    ap.add_argument("--limit", type=int, default=None, help="pages per condition")
    ap.add_argument("--no-symspell", action="store_true")
    ap.add_argument("--no-write", action="store_true", help="print only")
    args = ap.parse_args()

    pages = load_pages(args.pairs, "dev", args.limit)
    pages += load_pages(args.pairs, "stress", args.limit)
    if not pages:
        print(f"no dev pages under {args.pairs}; run benchmarks/make_pairs.py", file=sys.stderr)
        return 1
    sym = None if args.no_symspell else SymSpellBaseline()
    # totals[(family, system)] = [char_edits, chars, word_edits, words]
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    per_font: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    by_source: dict[tuple[str, str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    t_fix = 0.0
    n_words = 0
    for page in pages:
        fam = family(page["condition"], page["split"])
        observed = page["ocr_aze"] if page["engine"] == "aze" else page["ocr_eng"]
        truth = page["truth"]
        t0 = time.perf_counter()
        fixed = fix(observed)
        t_fix += time.perf_counter() - t0
        n_words += len(observed.split())
        systems = {"raw": observed, "az-ocrfix": fixed}
        if sym is not None:
            systems["symspell"] = sym.fix(observed)
        if fam in ("eng-OCR", STRESS, FAR, CAPS):
            systems["aze re-OCR"] = page["ocr_aze"]
            systems["aze re-OCR + layout"] = fix(page["ocr_aze"], LAYOUT_ONLY)
            systems["aze re-OCR + az-ocrfix"] = fix(page["ocr_aze"])
        for name, hyp in systems.items():
            ce, cl = char_errors(truth, hyp)
            we, wl = word_errors(truth, hyp)
            by_source[(fam, page["source"], name)][2] += we
            by_source[(fam, page["source"], name)][3] += wl
            for acc in (totals[(fam, name)], per_font[(page["condition"], name)]):
                acc[0] += ce
                acc[1] += cl
                acc[2] += we
                acc[3] += wl

    # harm[caps] = [changed, words]: the clean texts as written, and in capitals.
    harm = {False: [0, 0], True: [0, 0]}
    seen_truths: set[str] = set()
    for page in pages:
        if page["truth"] in seen_truths:
            continue
        seen_truths.add(page["truth"])
        c, t = changed_share(page["truth"], fix(page["truth"]))
        row = harm[family(page["condition"], page["split"]) == CAPS]
        row[0] += c
        row[1] += t
    harm_changed, harm_total = harm[False]

    systems_order = [
        "raw",
        "symspell",
        "az-ocrfix",
        "aze re-OCR",
        "aze re-OCR + layout",
        "aze re-OCR + az-ocrfix",
    ]
    lines = [
        f"Dev split: {len(pages)} pages (of them {sum(p['split'] == 'stress' for p in pages)} "
        "stress pages: unseen bold/italic/condensed faces, far faces and 150 dpi scans, all "
        "capitals), "
        f"{len(seen_truths)} distinct source texts (half of them the others in capitals) "
        f"({args.pairs.relative_to(ROOT) if args.pairs.is_relative_to(ROOT) else args.pairs}). "
        "CER/WER in %, whitespace-normalized, pooled over pages.",
        "",
        "| condition | system | CER % | WER % |",
        "|---|---|---:|---:|",
    ]
    for fam in sorted({f for f, _ in totals}):
        for name in systems_order:
            if (fam, name) in totals:
                ce, cl, we, wl = totals[(fam, name)]
                lines.append(f"| {fam} | {name} | {fmt(ce, cl)} | {fmt(we, wl)} |")
    lines += ["", "By source text (WER %, raw → az-ocrfix):", ""]
    lines += ["| condition | source | words | raw | az-ocrfix |", "|---|---|---:|---:|---:|"]
    for fam in sorted({f for f, _, _ in by_source}):
        standard = {"raw": [0, 0], "az-ocrfix": [0, 0]}
        for src in sorted({s for f, s, _ in by_source if f == fam}):
            raw = by_source[(fam, src, "raw")]
            ours = by_source[(fam, src, "az-ocrfix")]
            lines.append(
                f"| {fam} | {src} | {raw[3]} | {fmt(raw[2], raw[3])} | {fmt(ours[2], ours[3])} |"
            )
            if src != NON_STANDARD:
                for name, row in (("raw", raw), ("az-ocrfix", ours)):
                    standard[name][0] += row[2]
                    standard[name][1] += row[3]
        raw_std, ours_std = standard["raw"], standard["az-ocrfix"]
        lines.append(
            f"| {fam} | **standard spelling (all but UD)** | {raw_std[1]} "
            f"| {fmt(*raw_std)} | **{fmt(*ours_std)}** |"
        )
    lines += ["", "Per condition (font), az-ocrfix vs raw WER %:", ""]
    lines += [
        "| condition | raw WER % | az-ocrfix WER % | aze re-OCR + layout WER % |",
        "|---|---:|---:|---:|",
    ]
    for cond in sorted({c for c, _ in per_font}):
        raw = per_font[(cond, "raw")]
        ours = per_font[(cond, "az-ocrfix")]
        reocr = per_font.get((cond, "aze re-OCR + layout"))
        re_s = fmt(reocr[2], reocr[3]) if reocr else "-"
        lines.append(f"| {cond} | {fmt(raw[2], raw[3])} | {fmt(ours[2], ours[3])} | {re_s} |")
    lines += [
        "",
        f"Do-no-harm: fixing the clean truth texts changed {harm_changed} of {harm_total} words "
        f"({fmt(harm_changed, harm_total)} %); the same texts in capitals: {harm[True][0]} of "
        f"{harm[True][1]} ({fmt(*harm[True])} %).",
        f"Speed in this run: {n_words / t_fix:,.0f} OCR tokens/s through `fix` "
        "(warm memo, one core).",
    ]
    table = "\n".join(lines)
    print(table)
    if not args.no_write:
        replace_section(DOCS / "benchmarks.md", "quality", table, heading="Quality")
        seed = SEED_002.read_text(encoding="utf-8")
        (DOCS / "seed002.md").write_text(
            "# Seed 002 through `az-ocrfix fix`\n\nGenerated by `benchmarks/quality.py`.\n\n"
            "## Input (real eng-OCR garble)\n\n```text\n"
            + seed
            + "\n```\n\n## Output\n\n```text\n"
            + fix(seed)
            + "\n```\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
