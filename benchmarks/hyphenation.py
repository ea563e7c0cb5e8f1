"""Line-end hyphen decisions of ``az_ocrfix.layout.reflow`` on rendered dev columns.

Each dev document (``data/pairs/dev/<condition>/<doc>/``) has the OCR text of a rendered column
and ``layout.json`` saying, for every rendered line, whether it ends in a syllable-break hyphen,
a real hyphen (``QHT-``, ``Qeyri-``, ``2024-``) or neither.  OCR lines are aligned to rendered
lines (monotone alignment on folded text), and every OCR line that ends in a hyphen where the
rendered line does is one decision: a syllable break must be joined without the hyphen, a real
hyphen must be kept and joined without a space.  Whether reflow kept the hyphen is read from its
offset map.  Seed 002 (a real scan; all 42 line-end hyphens hand-checked as syllable breaks) is
scored the same way.

    .venv/bin/python benchmarks/hyphenation.py                # lexicon + engine scorers
    .venv/bin/python benchmarks/hyphenation.py --scorer lexicon --no-docs
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from docs_section import replace_section
from rapidfuzz import fuzz

from az_ocrfix.layout import (
    LayoutOptions,
    WordScorer,
    fold,
    fold_scorer,
    reflow,
    with_hyphenated,
)

if TYPE_CHECKING:
    from az_ocrfix.synth.render import Line

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT / "data" / "pairs" / "dev"
SEED_002 = ROOT / ".." / "shared" / "seeds" / "002_ceedd05c4ff526be.txt"
WORDLIST = ROOT / ".." / "shared" / "corpora" / "tesseract-langdata-aze" / "aze.wordlist"
DOCS = ROOT / "docs" / "benchmarks.md"
_CORPORA = ROOT / ".." / "shared" / "corpora"
TEXT_SOURCES = (
    _CORPORA / "azwiki-sentences-kamal578" / "sent_gold_actual.txt",
    _CORPORA / "ud-azerbaijani-tuecl" / "az_tuecl-ud-test.sentences.txt",
)
HYPHENS = "-\u2010\u2011¬"


#: Gives the word scorer for one document (the engine picks its OCR channel per document).
DocScorer = Callable[[str], WordScorer]


class Case(NamedTuple):
    condition: str
    doc: str
    left: str  # OCR line end (last token)
    right: str  # OCR next line start (first token)
    truth: str  # "syllable" or "real"
    decision: str  # "drop", "keep" or "space"


class Tally(NamedTuple):
    cases: list[Case]
    ocr_lost: int  # rendered hyphen the OCR did not put at a line end
    spurious: int  # OCR line-end hyphen where the rendered line has none


# -- alignment --------------------------------------------------------------------------------


def align(ocr: list[str], truth: list[str]) -> dict[int, int]:
    """Monotone alignment of OCR lines to rendered lines (Needleman-Wunsch on folded ratio)."""
    a = [fold(s) for s in ocr]
    b = [fold(s) for s in truth]
    n, m = len(a), len(b)
    score = [[0.0] * (m + 1) for _ in range(n + 1)]
    back = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            match = score[i - 1][j - 1] + fuzz.ratio(a[i - 1], b[j - 1]) / 100 - 0.5
            best, move = match, 0
            if score[i - 1][j] > best:
                best, move = score[i - 1][j], 1
            if score[i][j - 1] > best:
                best, move = score[i][j - 1], 2
            score[i][j], back[i][j] = best, move
    pairs: dict[int, int] = {}
    i, j = n, m
    while i > 0 and j > 0:
        move = back[i][j]
        if move == 0:
            if fuzz.ratio(a[i - 1], b[j - 1]) >= 50:
                pairs[i - 1] = j - 1
            i, j = i - 1, j - 1
        elif move == 1:
            i -= 1
        else:
            j -= 1
    return pairs


# -- scoring one text -------------------------------------------------------------------------


def decisions(text: str, scorer: WordScorer) -> dict[int, tuple[str, str, str]]:
    """For each non-blank input line (numbered) ending in a hyphen: (decision, left, right)."""
    r = reflow(text, scorer, LayoutOptions())
    kept = {}
    for k, pos in enumerate(r.offsets[:-1]):
        kept[pos] = k
    out: dict[int, tuple[str, str, str]] = {}
    lines = [(m_start, line) for m_start, line in _lines(text) if line.strip()]
    for idx, (start, line) in enumerate(lines):
        body = line.rstrip()
        if not body or body[-1] not in HYPHENS:
            continue
        pos = start + len(body) - 1
        nxt = lines[idx + 1][1].split() if idx + 1 < len(lines) else []
        left, right = body.split()[-1], (nxt[0] if nxt else "")
        if pos not in kept:
            out[idx] = ("drop", left, right)
        else:
            k = kept[pos]
            follow = r.text[k + 1 : k + 2]
            out[idx] = ("space" if follow.isspace() or not follow else "keep", left, right)
    return out


def _has_letters(token: str) -> bool:
    return any(c.isalpha() for c in token.strip("-"))


def _lines(text: str) -> Iterator[tuple[int, str]]:
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def dev_docs(dev: Path) -> dict[str, list[Path]]:
    """Complete pages per condition (taken once, so every scorer sees the same pages)."""
    return {
        cond.name: sorted(p for p in cond.iterdir() if (p / "meta.json").is_file())
        for cond in sorted(p for p in dev.iterdir() if p.is_dir())
    }


def score_dev(docs: dict[str, list[Path]], scorer_for: DocScorer) -> dict[str, Tally]:
    tallies: dict[str, Tally] = {}
    for cond, pages in docs.items():
        cases: list[Case] = []
        lost = spurious = 0
        for doc in pages:
            meta = json.loads((doc / "meta.json").read_text(encoding="utf-8"))
            ocr_file = doc / f"ocr_{meta.get('engine', 'eng')}.txt"
            if not ocr_file.is_file():
                continue
            ocr = ocr_file.read_text(encoding="utf-8")
            layout = json.loads((doc / "layout.json").read_text(encoding="utf-8"))["lines"]
            ocr_lines = [line for _, line in _lines(ocr) if line.strip()]
            pairs = align(ocr_lines, [ln["text"] for ln in layout])
            dec = decisions(ocr, scorer_for(ocr))
            for i, j in pairs.items():
                truth = layout[j]["end"]
                if truth in ("syllable", "real"):
                    if i in dec and _has_letters(dec[i][1]) and _has_letters(dec[i][2]):
                        d, left, right = dec[i]
                        cases.append(Case(cond, doc.name, left, right, truth, d))
                    else:  # no hyphen at the OCR line end, or nothing left of a half
                        lost += 1
                elif i in dec:
                    spurious += 1
        tallies[cond] = Tally(cases, lost, spurious)
    return tallies


def score_seed_002(scorer_for: DocScorer) -> Tally:
    text = SEED_002.read_text(encoding="utf-8")
    scorer = scorer_for(text)
    cases = [
        Case("seed-002", "002", left, right, "syllable", d)
        for d, left, right in decisions(text, scorer).values()
    ]
    return Tally(cases, 0, 0)


# -- text columns: many more line ends, laid out like the renders but not OCR'd -----------------

# Crude eng-OCR garbling for the "text-garbled" condition (only to stress the scorer; the real
# channel is learned from the renders): letter → (replacement, probability).
_GARBLE = {
    "ə": (("o", "a", "e", "s"), 0.95),
    "Ə": (("O", "A", "S"), 0.95),
    "ı": (("i", "1"), 0.95),
    "İ": (("I",), 0.9),
    "ü": (("ii", "ti", "u"), 0.9),
    "ö": (("6", "é", "o"), 0.9),
    "ç": (("¢", "g", "c"), 0.9),
    "ş": (("s", "g"), 0.9),
    "ğ": (("g",), 0.9),
}


def garble(text: str, rng: random.Random) -> str:
    out = []
    for ch in text:
        rule = _GARBLE.get(ch)
        out.append(rng.choice(rule[0]) if rule and rng.random() < rule[1] else ch)
    return "".join(out)


def text_columns(
    n_docs: int, seed: int = 7, sources: tuple[Path, ...] | None = None
) -> Iterator[tuple[str, list[Line]]]:
    """Dev-only sentences (azwiki, UD; evaluation use only) laid out as hyphenated columns."""
    from az_ocrfix.synth.fonts import available_faces
    from az_ocrfix.synth.render import PageStyle, layout_lines

    sentences: list[str] = []
    for path in sources or TEXT_SOURCES:
        if path.is_file():
            sentences += [s for s in path.read_text(encoding="utf-8").splitlines() if s.strip()]
    if not sentences:
        return
    rng = random.Random(seed)
    faces = available_faces()
    for d in range(n_docs):
        start = rng.randrange(len(sentences))
        chunk = [sentences[(start + k) % len(sentences)] for k in range(30)]
        paragraphs = [" ".join(chunk[k : k + 5]) for k in range(0, 30, 5)]
        style = PageStyle(
            faces[d % len(faces)],
            column_chars=rng.randint(28, 46),
            paragraph_style=rng.choice(["blank", "indent"]),
            forced_break_rate=0.5,
        )
        yield f"doc{d:03d}", layout_lines(paragraphs, style, rng)


def score_text_columns(scorer_for: DocScorer, n_docs: int) -> dict[str, Tally]:
    from az_ocrfix.synth.render import page_text

    out: dict[str, Tally] = {}
    rng = random.Random(11)
    for cond in ("text-clean", "text-garbled"):
        cases: list[Case] = []
        for name, lines in text_columns(n_docs):
            text = page_text(lines)
            if cond == "text-garbled":
                text = garble(text, rng)
            dec = decisions(text, scorer_for(text))
            for i, line in enumerate(lines):
                if line.end in ("syllable", "real") and i in dec:
                    d, left, right = dec[i]
                    cases.append(Case(cond, name, left, right, line.end, d))
        out[cond] = Tally(cases, 0, 0)
    return out


def correct(c: Case) -> bool:
    return (c.truth, c.decision) in {("syllable", "drop"), ("real", "keep")}


# -- report -----------------------------------------------------------------------------------


def table(results: dict[str, dict[str, Tally]]) -> list[str]:
    names = list(results)
    head = (
        "| condition | hyphens (syll/real) | "
        + " | ".join(f"{n}: right" for n in names)
        + " | OCR lost | spurious |"
    )
    rows = [head, "|" + "---|" * (len(names) + 4)]
    conds = list(next(iter(results.values())))
    pooled: dict[str, list[Case]] = defaultdict(list)
    for cond in conds:
        first = results[names[0]][cond]
        n_syl = sum(c.truth == "syllable" for c in first.cases)
        n_real = len(first.cases) - n_syl
        cells = []
        for n in names:
            t = results[n][cond]
            if cond != "seed-002" and not cond.startswith("text-"):
                pooled[n].extend(t.cases)
            ok = sum(correct(c) for c in t.cases)
            cells.append(f"{_pct(ok, len(t.cases))} ({ok}/{len(t.cases)})")
        rows.append(
            f"| {cond} | {n_syl}/{n_real} | "
            + " | ".join(cells)
            + f" | {first.ocr_lost} | {first.spurious} |"
        )
    cells = []
    for n in names:
        ok = sum(correct(c) for c in pooled[n])
        cells.append(f"**{_pct(ok, len(pooled[n]))}** ({ok}/{len(pooled[n])})")
    total = len(pooled[names[0]])
    n_real = sum(c.truth == "real" for c in pooled[names[0]])
    rows.append(
        f"| **pooled OCR'd renders** | {total - n_real}/{n_real} | " + " | ".join(cells) + " | | |"
    )
    return rows


def _pct(a: int, b: int) -> str:
    return f"{100 * a / b:.2f} %" if b else "–"


def errors(results: dict[str, dict[str, Tally]], listed: str = "engine") -> list[str]:
    """Counts of wrong decisions per scorer; the cases themselves for the ``listed`` scorer."""
    out = []
    for name, tallies in results.items():
        bad = [c for t in tallies.values() for c in t.cases if not correct(c)]
        kinds = Counter(f"{c.truth}→{c.decision}" for c in bad)
        out.append(
            f"- {name} scorer: {len(bad)} wrong ("
            + ", ".join(f"{k} {n}" for k, n in kinds.most_common())
            + ")"
        )
        if name != listed and listed in results:
            continue
        rendered = [c for c in bad if c.condition != "seed-002" and "text-" not in c.condition]
        faked = sum(
            c.truth == "syllable" and (c.right[:1].isupper() or c.right[:1] in '“"&')
            for c in rendered
        )
        compounds = sum(c.truth == "real" for c in rendered)
        out.append(
            f"  - on the OCR'd renders: {len(rendered)} wrong = {compounds} real hyphens joined "
            f"(compounds the lexicon does not know, or garbled halves), {faked} syllable breaks "
            "kept because OCR put a capital or junk at the continuation, "
            f"{len(rendered) - compounds - faked} other"
        )
        for c in bad[:60]:
            out.append(
                f"  - `{c.left}` + `{c.right}` ({c.condition}/{c.doc}): {c.truth}, got {c.decision}"
            )
    return out


def lexicon_scorer() -> DocScorer:
    from az_ocrfix.lexicon import Lexicon

    lex = Lexicon.default()
    scorer = fold_scorer((form, lex.count(form)) for form in lex.forms)
    return lambda text: scorer


def engine_scorer() -> DocScorer | None:
    try:
        from az_ocrfix.corrector import Corrector
    except ImportError:
        return None
    corr = Corrector.default()

    def scorer_for(text: str) -> WordScorer:
        channel = corr.pick_channel(text)[1]
        return lambda w: corr.word_score(w, channel)

    return scorer_for


def hyphenated_forms() -> list[str]:
    """Hyphenated entries of tesseract's Azerbaijani word list (Apache-2.0; read, not copied)."""
    if not WORDLIST.is_file():
        return []
    words = WORDLIST.read_text(encoding="utf-8").split()
    return [w for w in words if "-" in w.strip("-")]


def engine_hyphenated_scorer() -> DocScorer | None:
    engine = engine_scorer()
    forms = hyphenated_forms()
    if engine is None or not forms:
        return None
    return lambda text: with_hyphenated(engine(text), forms)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--dev", type=Path, default=DEV)
    ap.add_argument("--scorer", choices=["lexicon", "engine", "all"], default="all")
    ap.add_argument("--no-docs", action="store_true", help="do not write docs/benchmarks.md")
    ap.add_argument("--text-docs", type=int, default=80, help="text-only columns per condition")
    args = ap.parse_args(argv)
    scorers: dict[str, Callable[[], DocScorer | None]] = {}
    if args.scorer in ("lexicon", "all"):
        scorers["lexicon"] = lexicon_scorer
    if args.scorer in ("engine", "all"):
        scorers["engine"] = engine_scorer
    if args.scorer == "all":
        scorers["engine+hyphenated"] = engine_hyphenated_scorer
    results: dict[str, dict[str, Tally]] = {}
    timing = {}
    pages = dev_docs(args.dev)
    for name, make in scorers.items():
        scorer = make()
        if scorer is None:
            print(f"{name} scorer unavailable", file=sys.stderr)
            continue
        t0 = time.perf_counter()
        tallies = score_dev(pages, scorer)
        tallies["seed-002"] = score_seed_002(scorer)
        tallies.update(score_text_columns(scorer, args.text_docs))
        timing[name] = time.perf_counter() - t0
        results[name] = tallies
    if not results:
        return 1
    docs = sum(len(v) for v in pages.values())
    section = [
        "## Line-end hyphenation (layout)",
        "",
        "`benchmarks/hyphenation.py` measures the share of line-end hyphens that "
        "`az_ocrfix.layout.reflow` decides right: a syllable break must be joined without the "
        "hyphen, a real hyphen (`QHT-lərin`, `qeyri-hökumət`, `2024-cü`) kept and joined without "
        "a space. Whether the hyphen survived is read from the offset map.",
        "",
        f"- Rendered columns: {docs} dev pages under `data/pairs/dev` (fonts and wear per "
        "condition, eng or aze OCR as the condition says); OCR lines are aligned to the rendered "
        "lines of `layout.json`. *OCR lost*: rendered hyphens that the OCR did not put at a line "
        "end, or where it left no letters on one side (`Fo-` / `: 0 . 7 :`): nothing to decide. "
        "*Spurious*: OCR line-end hyphens where the rendered line had none (not scored).",
        "- seed-002: the real scan; its 42 line-end hyphens are hand-checked syllable breaks.",
        f"- text-clean / text-garbled: {args.text_docs} columns of dev-only sentences (azwiki, UD) "
        "laid out by `synth.render.layout_lines` without rendering, as printed and with a crude "
        "eng-OCR letter garbling; many more real hyphens (compounds from the corpus).",
        "- Scorers: *lexicon* = `layout.fold_scorer` over the shipped lexicon (what layout-only "
        "use gets); *engine* = `Corrector.word_score` (repairs the halves before scoring; what "
        "`fix` uses); *engine+hyphenated* = the same plus `layout.with_hyphenated` over the "
        "hyphenated entries of tesseract's Azerbaijani word list (Apache-2.0; not shipped yet).",
        "",
        *table(results),
        "",
        "Wrong decisions:",
        "",
        *errors(results),
        "",
        "Time (reflow over all texts): " + ", ".join(f"{n} {t:.1f} s" for n, t in timing.items()),
    ]
    print("\n".join(section))
    if not args.no_docs:
        replace_section(DOCS, "hyphenation", "\n".join(section))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
