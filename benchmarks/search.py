"""FTS5 search benchmark: can users find garbled eng-OCR pages with the words they type?

    .venv/bin/python benchmarks/search.py                # run, print, refresh docs/benchmarks.md
    .venv/bin/python benchmarks/search.py --dry-run      # run and print only

Corpus: every page ``data/pairs/dev/<condition>/<doc>/`` whose condition matches
``--conditions`` (default ``eng-*``): ``ocr_eng.txt`` is indexed, ``truth.txt`` decides
relevance.  Each way below builds its own SQLite FTS5 index (stdlib sqlite3) over the OCR text:

* ``raw``             the OCR text, ``unicode61 remove_diacritics 0`` (exact letters)
* ``raw rd1``         the OCR text, ``unicode61`` (FTS5's default, remove_diacritics 1)
* ``raw rd2``         the OCR text, ``unicode61 remove_diacritics 2``
* ``search_key``      ``index_text(ocr)``: normalization and the fold, no repair
* ``fix+search_key``  ``index_text(az_ocrfix.fix(ocr))``
* ``fix n-best+search_key``  ``ocr_index_text(ocr)``: the repair plus the runner-up readings
  of the words it was unsure of
* ``ceiling``         ``index_text(truth)``: the clean text itself, so what is lost here is
  lost to the fold (ı/i, ə/e ... collide), not to OCR

Queries: every distinct word (letters only, 3+ letters) of the clean source pages, typed as
users type it: as written (with diacritics), without diacritics (ə→e, ı→i, ö→o, ü→u, ş→s,
ç→c, ğ→g), and in capitals (Azerbaijani upper case).  The raw ways get the typed word as an
FTS5 string; the key ways get ``fts5_query(typed)``.  A page is relevant to a word when its
truth text holds that word (Azerbaijani casefold, exact letters).  Recall and precision are
micro-averaged over (word, page) pairs, reported separately for words with an Azerbaijani
diacritic letter and for words without one.
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import time
from collections import defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

import regex
from docs_section import replace_section

from az_ocrfix.alphabet import DIACRITIC_LETTERS, casefold, upper
from az_ocrfix.search import fts5_query, index_text, ocr_index_text

ROOT = Path(__file__).resolve().parents[1]
DOC = ROOT / "docs" / "benchmarks.md"
WORD_RE = regex.compile(r"[\p{L}\p{M}\p{N}]+")
LETTERS_RE = regex.compile(r"^\p{L}{3,}$")
NO_DIACRITICS = str.maketrans("əıöüşçğƏIİÖÜŞÇĞ", "eiouscgEIIOUSCG")
FORMS: dict[str, Callable[[str], str]] = {
    "with diacritics": lambda word: word,
    "without": lambda word: word.translate(NO_DIACRITICS),
    "CAPS": upper,
}


class Way(NamedTuple):
    name: str
    tokenizer: str
    index: Callable[[str], str]  # type: ignore[assignment]  # shadows tuple.index
    query: Callable[[str], str]
    source: str = "ocr"  # which text of the page is indexed: "ocr" or "truth"


def _quoted(typed: str) -> str:
    return '"' + typed.replace('"', '""') + '"'


def _ways(with_fix: bool) -> list[Way]:
    ways = [
        Way("raw", "unicode61 remove_diacritics 0", str, _quoted),
        Way("raw rd1 (FTS5 default)", "unicode61", str, _quoted),
        Way("raw rd2", "unicode61 remove_diacritics 2", str, _quoted),
        Way("search_key (no fix)", "unicode61 remove_diacritics 0", index_text, fts5_query),
    ]
    if with_fix:
        from az_ocrfix import fix

        ways.append(
            Way(
                "fix+search_key",
                "unicode61 remove_diacritics 0",
                lambda ocr: index_text(fix(ocr)),
                fts5_query,
            )
        )
        ways.append(
            Way(
                "fix n-best+search_key (ocr_index_text)",
                "unicode61 remove_diacritics 0",
                ocr_index_text,
                fts5_query,
            )
        )
    ways.append(
        Way(
            "ceiling: truth+search_key",
            "unicode61 remove_diacritics 0",
            index_text,
            fts5_query,
            "truth",
        )
    )
    return ways


def load_pages(pairs: Path, pattern: str) -> list[tuple[str, str, str]]:
    """(page id, truth, eng-OCR text) for every page of the matching conditions."""
    pages = []
    for ocr in sorted(pairs.glob(f"{pattern}/*/ocr_eng.txt")):
        truth = ocr.with_name("truth.txt")
        if truth.is_file():
            page_id = f"{ocr.parent.parent.name}/{ocr.parent.name}"
            pages.append((page_id, truth.read_text("utf-8"), ocr.read_text("utf-8")))
    return pages


Results = dict[tuple[str, str, str], tuple[float, float, int]]


def evaluate(pages: list[tuple[str, str, str]], ways: list[Way]) -> Results:
    """(way, word set, form) → (recall, precision, number of query words)."""
    relevant: dict[str, set[int]] = defaultdict(set)
    shown: dict[str, str] = {}
    for rowid, (_, truth, _) in enumerate(pages):
        for m in WORD_RE.finditer(truth):
            word = m.group()
            if LETTERS_RE.match(word):
                key = casefold(word)
                relevant[key].add(rowid)
                shown.setdefault(key, word)
    word_sets: dict[str, list[str]] = defaultdict(list)
    for key in sorted(relevant):
        word_sets["diacritic" if set(key) & DIACRITIC_LETTERS else "plain"].append(key)
    results: Results = {}
    for way in ways:
        db = sqlite3.connect(":memory:")
        db.execute(f"CREATE VIRTUAL TABLE pages USING fts5(body, tokenize='{way.tokenizer}')")
        started = time.perf_counter()
        db.executemany(
            "INSERT INTO pages(rowid, body) VALUES (?, ?)",
            [
                (rowid, way.index(ocr if way.source == "ocr" else truth))
                for rowid, (_, truth, ocr) in enumerate(pages)
            ],
        )
        print(f"  indexed {way.name}: {time.perf_counter() - started:.1f}s", file=sys.stderr)
        for form, typed_as in FORMS.items():
            for word_set, keys in word_sets.items():
                hits = n_relevant = n_got = 0
                for key in keys:
                    match = way.query(typed_as(shown[key]))
                    sql = "SELECT rowid FROM pages WHERE body MATCH ?"
                    got = {rowid for (rowid,) in db.execute(sql, (match,))} if match else set()
                    hits += len(got & relevant[key])
                    n_relevant += len(relevant[key])
                    n_got += len(got)
                recall = hits / n_relevant if n_relevant else 0.0
                precision = hits / n_got if n_got else 1.0
                results[(way.name, word_set, form)] = (recall, precision, len(keys))
    return results


def report(pages: list[tuple[str, str, str]], ways: list[Way], results: Results, note: str) -> str:
    conditions = sorted({page_id.split("/")[0] for page_id, _, _ in pages})
    lines = [
        "## Search (SQLite FTS5 over eng-OCR pages)",
        "",
        "Generated by `benchmarks/search.py` (method in its docstring and in "
        "[search.md](search.md#benchmark)). "
        f"{len(pages)} dev pages from {len(conditions)} conditions ({', '.join(conditions)}); "
        "queries are the distinct words (3+ letters) of the clean source pages. "
        "R = recall, P = precision, micro-averaged over (word, page) pairs.",
        "",
    ]
    if note:
        lines += [note, ""]
    sets = (("diacritic", "words with ə ı ö ü ş ç ğ"), ("plain", "words without them"))
    for word_set, title in sets:
        n = next(v[2] for k, v in results.items() if k[1] == word_set)
        lines += [f"**Queries: {title}** ({n} words)", ""]
        lines.append("| index | " + " | ".join(f"{form} R | {form} P" for form in FORMS) + " |")
        lines.append("|---|" + "---:|---:|" * len(FORMS))
        for way in ways:
            cells = []
            for form in FORMS:
                r, p, _ = results[(way.name, word_set, form)]
                cells += [f"{r:.3f}", f"{p:.3f}"]
            lines.append(f"| {way.name} | " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=ROOT / "data" / "pairs" / "dev")
    parser.add_argument("--conditions", default="eng-*", help="glob over condition folders")
    parser.add_argument("--dry-run", action="store_true", help="print, do not touch docs")
    parser.add_argument("--no-fix", action="store_true", help="skip the fix+search_key way")
    args = parser.parse_args()

    pages = load_pages(args.pairs, args.conditions)
    if not pages:
        raise SystemExit(f"no pages under {args.pairs}/{args.conditions}")
    note = ""
    with_fix = not args.no_fix
    if with_fix:
        try:
            from az_ocrfix import fix  # noqa: F401
        except ImportError:
            with_fix = False
            note = "_`az_ocrfix.fix` was not importable: the fix+search_key row is missing._"
    ways = _ways(with_fix)
    results = evaluate(pages, ways)
    section = report(pages, ways, results, note)
    print(section)
    if not args.dry_run:
        replace_section(DOC, "search", section)
        print(f"updated {DOC}", file=sys.stderr)


if __name__ == "__main__":
    main()
