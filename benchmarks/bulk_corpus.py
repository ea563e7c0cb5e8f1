"""Build a SYNTHETIC bulk corpus of eng-OCR-like garbled Azerbaijani newspaper text.

Clean text comes from three samplers, mixed paragraph by paragraph:

* real sentences: the clean seed articles (000, 001, 003, 004), the evaluation corpora
  (azwiki sentences, Tatoeba, UD, tesseract training text), reused with fresh garbling;
* a word-bigram chain over ``lexicons/bigrams.tsv.gz`` (falling back to unigrams);
* word sequences drawn from ``lexicons/words.tsv.gz`` by frequency, capitalized by each form's
  capital share, so the vocabulary has a realistic Zipf tail and the memo hit rate is realistic.

Each article is set in a narrow newspaper column (width 28-46), breaking long words at syllable
boundaries with a line-end hyphen, and then garbled by sampling every letter (or letter pair)
from the learned channel ``lexicons/channel.tsv`` (condition ``eng``, P(observed | true)); each
article gets its own wear (share of letters passed through untouched).

Everything is seeded.  Output, in ``data/bulk/`` (git-ignored; CC BY-SA sentences are used
here for benchmarking only, never shipped):

* ``bulk.jsonl``  one article per line: ``{"id": ..., "text": garbled}``
* ``bulk.txt``    the same articles, separated by blank lines (for the streaming benchmark)
* ``clean.jsonl`` the clean originals (after layout, before garbling)

Usage: ``python benchmarks/bulk_corpus.py [--mb 21] [--seed 7] [--out data/bulk]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Callable, Iterator
from itertools import accumulate
from pathlib import Path

from az_ocrfix.alphabet import capitalize, upper
from az_ocrfix.alphabet import lower as az_lower
from az_ocrfix.resources import data_file
from az_ocrfix.synth.hyphenate import break_points

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
EMPTY = "∅"
#: Paragraph mixture: real sentences, bigram chain, unigram draw.
MIX = (0.3, 0.35, 0.35)
_PUNCT_END = ".", ".", ".", ".", "?", "!", ":"


# -- clean text --------------------------------------------------------------------------------
def real_sentences() -> list[str]:
    """Clean sentences from the seeds and the evaluation corpora (read, never copied)."""
    out: list[str] = []
    seeds = SHARED / "seeds"
    for name in sorted(seeds.glob("*.txt")):
        if name.name.startswith("002"):
            continue  # the garbled one
        for line in name.read_text(encoding="utf-8").splitlines():
            out.extend(s.strip() + "." for s in line.split(". ") if len(s.split()) >= 3)
    corpora = SHARED / "corpora"
    for rel in (
        "azwiki-sentences-kamal578/sent_gold_actual.txt",
        "tatoeba-laser-aze/tatoeba.aze-eng.aze",
        "ud-azerbaijani-tuecl/az_tuecl-ud-test.sentences.txt",
        "tesseract-langdata-aze/aze.training_text",
    ):
        path = corpora / rel
        if path.exists():
            out.extend(
                ln.strip() for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()
            )
    return [s for s in out if "?" * 2 not in s]


class Words:
    """Lexicon forms with frequency sampling, capital shares and a bigram chain."""

    def __init__(self) -> None:
        forms: list[str] = []
        counts: list[int] = []
        self.caps: dict[str, float] = {}
        with gzip.open(data_file("words.tsv.gz").open("rb"), "rt", encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) < 3 or not parts[1].isdigit() or int(parts[1]) < 2:
                    continue
                forms.append(parts[0])
                counts.append(int(parts[1]))
                self.caps[parts[0]] = float(parts[2])
        self.forms = forms
        self.cum = list(accumulate(counts))
        follow: dict[str, list[tuple[str, int]]] = defaultdict(list)
        with gzip.open(data_file("bigrams.tsv.gz").open("rb"), "rt", encoding="utf-8") as f:
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) == 3 and parts[2].isdigit():
                    follow[parts[0]].append((parts[1], int(parts[2])))
        self.follow = {
            w: ([n for n, _ in nxt], list(accumulate(c for _, c in nxt)))
            for w, nxt in follow.items()
        }

    def draw(self, rng: random.Random, k: int) -> list[str]:
        return rng.choices(self.forms, cum_weights=self.cum, k=k)

    def chain(self, rng: random.Random, k: int) -> list[str]:
        words = self.draw(rng, 1)
        while len(words) < k:
            nxt = self.follow.get(words[-1])
            if nxt is not None and rng.random() < 0.8:
                words.append(rng.choices(nxt[0], cum_weights=nxt[1], k=1)[0])
            else:
                words.extend(self.draw(rng, 1))
        return words

    def sentence(self, rng: random.Random, words: list[str]) -> str:
        out = []
        for i, w in enumerate(words):
            if rng.random() < self.caps.get(w, 0.0):
                w = capitalize(w)
            if rng.random() < 0.015:
                w = str(rng.choice((rng.randint(1, 99), rng.randint(1900, 2025))))
            out.append(w)
            if i < len(words) - 1 and rng.random() < 0.07:
                out[-1] += ","
        out[0] = capitalize(out[0])
        return " ".join(out) + rng.choice(_PUNCT_END)


def paragraphs(rng: random.Random, real: list[str], words: Words) -> Iterator[str]:
    """Endless clean paragraphs from the three samplers."""
    while True:
        n = rng.randint(2, 7)
        kind = rng.choices(range(3), weights=MIX)[0]
        if kind == 0:
            start = rng.randrange(len(real))
            sents = [real[(start + i) % len(real)] for i in range(n)]
        elif kind == 1:
            sents = [words.sentence(rng, words.chain(rng, rng.randint(5, 18))) for _ in range(n)]
        else:
            sents = [words.sentence(rng, words.draw(rng, rng.randint(5, 18))) for _ in range(n)]
        yield " ".join(sents)


# -- layout ------------------------------------------------------------------------------------
def set_column(paragraph: str, width: int, rng: random.Random, hyphenate: float) -> str:
    """Wrap a paragraph into a newspaper column, hyphenating some words at the line end."""
    lines: list[str] = []
    line = ""
    for word in paragraph.split():
        if not line:
            line = word
            continue
        if len(line) + 1 + len(word) <= width:
            line += " " + word
            continue
        room = width - len(line) - 2  # a space and the hyphen
        if word.isalpha() and len(word) >= 5 and room >= 2 and rng.random() < hyphenate:
            points = [p for p in break_points(word) if p <= room]
            if points:
                p = points[-1]
                lines.append(f"{line} {word[:p]}-")
                line = word[p:]
                continue
        lines.append(line)
        line = word
    if line:
        lines.append(line)
    return "\n".join(lines)


# -- channel sampling --------------------------------------------------------------------------
class Garbler:
    """Sample OCR output letter by letter from P(observed | true) of one condition.

    Rows are kept in their original case (``Ə`` → ``O`` is learned apart from ``ə`` → ``o``);
    a capital the table never saw borrows its lowercase row and capitalizes the result.  A
    letter pair with a row of its own (``lı`` → ``h``) is sampled as a unit first: the pair's
    identity row counts its other occurrences, and when it wins, the letters are sampled one
    by one.  Insertions (true ``∅``) are left out.
    """

    def __init__(self, condition: str = "eng") -> None:
        rows: dict[str, dict[str, int]] = defaultdict(dict)
        with data_file("channel.tsv").open("r", encoding="utf-8") as f:
            next(f, None)
            for line in f:
                parts = line.rstrip("\n").split("\t")
                if len(parts) != 4 or parts[0] != condition:
                    continue
                true, obs = (p.replace(EMPTY, "") for p in parts[1:3])
                if not true or len(true) > 2 or not true.isalpha():
                    continue
                rows[true][obs] = rows[true].get(obs, 0) + int(parts[3])
        if not rows:
            raise SystemExit(f"no '{condition}' rows in lexicons/channel.tsv")
        self.tables = {t: self._table(d) for t, d in rows.items()}

    @staticmethod
    def _table(d: dict[str, int]) -> tuple[list[str], list[int]]:
        items = sorted(d.items())
        return [o for o, _ in items], list(accumulate(n for _, n in items))

    def _sample(self, unit: str, rand: Callable[[], float]) -> str | None:
        table = self.tables.get(unit)
        borrowed = False
        if table is None and unit != az_lower(unit):
            table, borrowed = self.tables.get(az_lower(unit)), True
        if table is None:
            return None
        obs, cum = table
        o = obs[bisect_right(cum, rand() * cum[-1])]
        return upper(o) if borrowed else o

    def garble(self, text: str, rng: random.Random, clean_share: float) -> str:
        """Garble the letters of ``text``; a share ``clean_share`` of them passes untouched."""
        out: list[str] = []
        i, n = 0, len(text)
        rand = rng.random
        while i < n:
            c = text[i]
            if not c.isalpha() or rand() < clean_share:
                out.append(c)
                i += 1
                continue
            pair = text[i : i + 2]
            if len(pair) == 2 and pair in self.tables:
                o = self._sample(pair, rand)
                if o is not None and o != pair:
                    out.append(o)
                    i += 2
                    continue
            o = self._sample(c, rand)
            out.append(c if o is None else o)
            i += 1
        return "".join(out)


# -- the corpus --------------------------------------------------------------------------------
def build(out_dir: Path, target_bytes: int, seed: int) -> dict[str, float]:
    """Write the corpus; returns summary figures."""
    rng = random.Random(seed)
    real = real_sentences()
    words = Words()
    garbler = Garbler("eng")
    paras = paragraphs(rng, real, words)
    out_dir.mkdir(parents=True, exist_ok=True)
    size = n_docs = n_tokens = 0
    with (
        open(out_dir / "bulk.jsonl", "w", encoding="utf-8") as fj,
        open(out_dir / "bulk.txt", "w", encoding="utf-8") as ft,
        open(out_dir / "clean.jsonl", "w", encoding="utf-8") as fc,
    ):
        while size < target_bytes:
            width = rng.randint(28, 46)
            hyphenate = rng.uniform(0.3, 0.9)
            clean_share = rng.uniform(0.0, 0.5)
            clean = "\n\n".join(
                set_column(next(paras), width, rng, hyphenate) for _ in range(rng.randint(2, 14))
            )
            text = garbler.garble(clean, rng, clean_share) + "\n"
            doc_id = f"bulk-{n_docs:06d}"
            fj.write(json.dumps({"id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            fc.write(json.dumps({"id": doc_id, "text": clean + "\n"}, ensure_ascii=False) + "\n")
            ft.write(("\n" if n_docs else "") + text)
            size += len(text.encode("utf-8"))
            n_tokens += len(text.split())
            n_docs += 1
    (out_dir / "README.md").write_text(
        "SYNTHETIC benchmark corpus built by benchmarks/bulk_corpus.py "
        f"(seed {seed}): clean sentences and lexicon word sequences set in newspaper columns "
        "and garbled by sampling the learned eng OCR channel. Not real OCR output; "
        "contains CC BY-SA text: for benchmarking only, never ship it.\n",
        encoding="utf-8",
    )
    return {"bytes": size, "docs": n_docs, "tokens": n_tokens}


def load_docs(path: Path, limit_bytes: int | None = None) -> list[str]:
    """Read articles from ``bulk.jsonl`` (up to ``limit_bytes`` of text)."""
    docs: list[str] = []
    size = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            docs.append(text)
            size += len(text.encode("utf-8"))
            if limit_bytes is not None and size >= limit_bytes:
                break
    return docs


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=21.0, help="target size in MB (10^6 bytes)")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "data" / "bulk")
    args = ap.parse_args(argv)
    t0 = time.perf_counter()
    stats = build(args.out, int(args.mb * 1e6), args.seed)
    print(
        f"wrote {stats['docs']} articles, {stats['bytes'] / 1e6:.1f} MB, "
        f"~{stats['tokens']} whitespace tokens to {args.out} in {time.perf_counter() - t0:.0f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
