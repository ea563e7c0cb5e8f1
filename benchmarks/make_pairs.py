"""Generate (clean text, page image, OCR output) pairs for training the channel and for evaluation.

Seeded and reproducible: the same ``--seed`` gives the same documents, split, fonts, styles and
wear (tesseract output is deterministic for a given image).  Run from the repository root::

    .venv/bin/python benchmarks/make_pairs.py                      # full set (~30 + 12 min synth)
    .venv/bin/python benchmarks/make_pairs.py --max-docs 12        # quick subset (first docs)
    .venv/bin/python benchmarks/make_pairs.py --synth-docs 0       # without the synth split

Existing pages are kept (the script resumes), so a small run can later be grown to the full one.
A page directory is complete once its ``meta.json`` exists (written last); the manifest is
rewritten every 40 pages during a run and at its end.

Directory format (stable; other benchmarks read it)::

    data/pairs/manifest.json                 list of every page (the meta.json records below)
    data/pairs/<split>/<condition>/<doc>/
        truth.txt      the clean source text of the page: paragraphs separated by one blank line,
                       words separated by single spaces (NFC)
        page.png       the rendered (and for worn conditions degraded) grayscale page image
        layout.json    {"version": 1, "font", "font_style", "size_pt", "dpi", "column_chars",
                        "paragraph_style": "blank"|"indent", "justify",
                        "lines": [{"text", "end", "paragraph"}]}
                       ``end`` is how the printed line ends: "syllable" (word broken at a syllable
                       boundary, hyphen added: join without hyphen), "real" (line ends after a
                       hyphen of the text such as ``QHT-``/``qeyri-``/``2024-``: join keeping the
                       hyphen) or "none" (break between words, em dash included: join with space).
                       Joining the lines this way reproduces truth.txt exactly.
        ocr_eng.txt    tesseract ``-l eng --psm 4`` output for page.png
        ocr_aze.txt    tesseract ``-l aze --psm 4 -c tessedit_load_sublangs=`` output for page.png
        meta.json      split, condition, family, engine (whose output the condition models),
                       font, doc, source, style and wear parameters, timings, and
                       word_error_eng / word_error_aze: share of printed words misread (a quick
                       quality indicator, line-end hyphens not undone)

Read the pairs with :func:`az_ocrfix.synth.pairs.iter_pairs` (``truth``, ``printed``,
``observed`` = the OCR output of the condition's engine, ``ocr_eng``, ``ocr_aze``, ``meta``).

``<split>`` is ``train`` (used to fit the channel), ``dev`` (evaluation only), ``stress``
(evaluation only: one clean-ish eng page per dev document in a bold, italic or condensed face
of STRESS_FONTS, styles no channel was fitted on) or ``synth`` (for fitting only: pseudo-text
drawn from the shipped lexicon, see :func:`synth_docs`, rendered like train).  Documents are
split by source chunk: seeds 000/003, half of the Wikipedia chunks and half of the Tatoeba chunks
are train; seeds 001/004, the other halves and all of UD are dev.  The synth documents
(``--synth-docs``, source ``synth``) come after all the others and have seeds of their own, so
adding them leaves the train, dev and stress pages as they were.  ``<condition>`` is

- ``eng-<font>``: a clean-ish page (mild blur/noise), modelled by ``ocr_eng.txt``
  (``ocr_aze.txt`` is the "just re-OCR it with aze" anchor);
- ``eng-worn-<font>`` / ``aze-worn-<font>``: the same worn scan (the files are identical), modelled
  by ``ocr_eng.txt`` and ``ocr_aze.txt`` respectively;
- ``eng-lowres-<font>``: a clean-ish page scanned at LOWRES_DPI;
- ``eng-caps-<font>``: a clean-ish page of the document in capitals (headline style).

Each train document is also rendered once in a face of WIDE_FONTS (monospaced, extra light;
never in dev), once at low resolution and once in capitals; each dev document once more as a
stress page in one of FAR_CONDITIONS (faces far from every train face, or a held-out face at
low resolution) and once in capitals; all planned after everything else so that the other
pages stay as they were.

Fonts: TRAIN_FONTS for train and synth; DEV_FONTS for dev, of which HELD_OUT_FONTS never occur
in train.  The CC BY-SA / CC BY texts are used only to render pages here; nothing of them is
shipped.  The synth split holds only text made from the permissively licensed lexicon, so a
channel counted from it (with the seed train pages: ``build_channel.py --from
synth,train:seed``) carries no CC BY-SA / CC BY text.
"""

from __future__ import annotations

import argparse
import gzip
import itertools
import json
import os
import random
import shutil
import sys
import time
import zlib
from collections import Counter
from collections.abc import Iterator, Sequence
from multiprocessing import Pool
from pathlib import Path
from typing import Any, NamedTuple

import regex

from az_ocrfix.alphabet import capitalize, lower, upper
from az_ocrfix.morphology import acronym_reading, host_suffixes, number_reading
from az_ocrfix.synth.align import align_words
from az_ocrfix.synth.degrade import Wear, degrade, random_wear
from az_ocrfix.synth.fonts import (
    FAR_FACES,
    STYLE_FACES,
    WIDE_FACES,
    covers_azerbaijani,
    face_by_name,
)
from az_ocrfix.synth.ocr import ocr_image
from az_ocrfix.synth.render import (
    PageStyle,
    draw_page,
    join_lines,
    layout_lines,
    layout_to_dict,
    page_text,
)

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"

TRAIN_FONTS = (
    "dejavu-serif",
    "dejavu-sans",
    "liberation-serif",
    "liberation-sans",
    "freeserif",
    "freesans",
    "charis",
    "ebgaramond",
)
HELD_OUT_FONTS = ("noto-serif", "noto-sans", "gentium")
DEV_FONTS = ("dejavu-serif", "liberation-sans", "freeserif", *HELD_OUT_FONTS)
#: Bold/italic/condensed faces for the ``stress`` pages (dev documents only): styles never seen
#: in training, to check that the repair generalizes beyond the faces it was fitted on.
STRESS_FONTS = tuple(face.name for face in STYLE_FACES)
#: Train documents are also rendered once in a face far from the book faces (monospaced, extra
#: light) and once at low resolution in a train face: more kinds of confusion for the channel.
WIDE_FONTS = tuple(face.name for face in WIDE_FACES)
LOWRES_DPI = 150
#: More stress pages, one per dev document: faces far from every train face (FAR_FACES) and a
#: held-out face at LOWRES_DPI (conditions ``eng-<face>``, ``eng-lowres-<font>``).
FAR_CONDITIONS = (
    *(("eng", face.name) for face in FAR_FACES),
    *(("lowres", font) for font in HELD_OUT_FONTS),
)
#: Pseudo-text documents of the ``synth`` split (see :func:`synth_docs`).
SYNTH_DOCS = 76
#: Pseudo-text draws a form with weight ``count ** SYNTH_POWER``.
SYNTH_POWER = 0.7
#: Acronyms the pseudo-text writes in capitals (those the lexicon lists; their lowercase forms
#: are not drawn as words).
SYNTH_ACRONYMS = (
    "ABŞ",
    "AMEA",
    "ATƏT",
    "AŞPA",
    "BDU",
    "BMT",
    "DSMF",
    "DTX",
    "FHN",
    "İKT",
    "KİV",
    "MDB",
    "MTN",
    "NATO",
    "QHT",
    "TDT",
)

_AZ_SPECIAL = regex.compile(r"[əıöüşçğƏİÖÜŞÇĞ]")


class Doc(NamedTuple):
    doc_id: str
    source: str
    split: str
    paragraphs: tuple[str, ...]


class Job(NamedTuple):
    split: str
    family: str  # "eng", "worn", "lowres" or "caps"
    font: str
    doc: Doc
    seed: int


def stable_seed(*parts: object) -> int:
    """A seed derived from strings/ints, identical across runs and Python versions."""
    return zlib.crc32("\x1f".join(map(str, parts)).encode())


def _norm(text: str) -> str:
    return " ".join(text.split())


def _chunk(paragraphs: Sequence[str], target_chars: int) -> Iterator[list[str]]:
    buf: list[str] = []
    size = 0
    for p in paragraphs:
        buf.append(p)
        size += len(p)
        if size >= target_chars:
            yield buf
            buf, size = [], 0
    if buf:
        yield buf


def _group_sentences(sentences: Sequence[str], rng: random.Random) -> list[str]:
    out: list[str] = []
    i = 0
    while i < len(sentences):
        k = rng.randint(2, 5)
        out.append(" ".join(sentences[i : i + k]))
        i += k
    return out


def _read_lines(path: Path) -> list[str]:
    return [_norm(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_docs(shared: Path, seed: int, target_chars: int = 1400) -> list[Doc]:
    """All documents with their split, in a fixed interleaved order (so a prefix is diverse)."""
    rng = random.Random(seed)
    by_source: dict[str, list[Doc]] = {}
    seeds = {"000": "train", "003": "train", "001": "dev", "004": "dev"}
    for num, split in seeds.items():
        (path,) = (shared / "seeds").glob(f"{num}_*.txt")
        pars = _read_lines(path)
        by_source[f"seed{num}"] = [
            Doc(f"seed{num}-{k:03d}", f"seed{num}", split, tuple(chunk))
            for k, chunk in enumerate(_chunk(pars, target_chars))
        ]

    def split_half(name: str, sentences: list[str], dev_only: bool = False) -> None:
        chunks = list(_chunk(_group_sentences(sentences, rng), target_chars))
        order = list(range(len(chunks)))
        rng.shuffle(order)
        dev_ids = set(order if dev_only else order[: len(order) // 2])
        by_source[name] = [
            Doc(f"{name}-{k:03d}", name, "dev" if k in dev_ids else "train", tuple(c))
            for k, c in enumerate(chunks)
        ]

    corpora = shared / "corpora"
    split_half("wiki", _read_lines(corpora / "azwiki-sentences-kamal578" / "sent_gold_actual.txt"))
    tatoeba = [
        s
        for s in _read_lines(corpora / "tatoeba-laser-aze" / "tatoeba.aze-eng.aze")
        if _AZ_SPECIAL.search(s)
    ]
    split_half("tatoeba", tatoeba)
    ud_raw = _read_lines(corpora / "ud-azerbaijani-tuecl" / "az_tuecl-ud-test.sentences.txt")
    ud = [s for i, s in enumerate(ud_raw) if i == 0 or s != ud_raw[i - 1]]
    split_half("ud", ud, dev_only=True)

    # Interleave sources round-robin so that --max-docs picks a mix.
    out: list[Doc] = []
    queues = [list(v) for _, v in sorted(by_source.items())]
    while any(queues):
        for q in queues:
            if q:
                out.append(q.pop(0))
    return out


class SynthLexicon(NamedTuple):
    """The shipped lexicon as the pseudo-text draws from it."""

    forms: tuple[str, ...]
    #: Cumulative draw weights of ``forms`` (count ** power).
    cum_weights: tuple[float, ...]
    #: Share of capitalized attestations of each form (0-1).
    caps: tuple[float, ...]
    acronyms: tuple[str, ...]
    acronym_cum_weights: tuple[float, ...]


_SYNTH_FORM = regex.compile(r"^(?!.*(.)\1\1)(?=.*[aıoueəiöü])\p{Ll}+$")


def load_synth_lexicon(path: Path, power: float = 0.7, min_count: int = 20) -> SynthLexicon:
    """Read ``words.tsv.gz`` (form, count, capital share) into draw tables.

    Forms seen fewer than ``min_count`` times (list-only floors, noise), forms without a vowel
    and forms with a letter tripled are left out; the rest are drawn with weight
    ``count ** power`` (below 1 flattens the distribution so that rarer, longer inflected forms
    appear as well).  Acronyms of :data:`SYNTH_ACRONYMS` are drawn separately, in capitals.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> rows = "bmt\\t100\\t0.00\\nev\\t100\\t0.00\\nzzz\\t50\\t0.00\\nbakı\\t25\\t1.00\\n"
    >>> with gzip.open(d / "w.tsv.gz", "wt", encoding="utf-8") as f:
    ...     _ = f.write(rows)
    >>> lex = load_synth_lexicon(d / "w.tsv.gz", power=1.0)
    >>> lex.forms, lex.cum_weights, lex.caps, lex.acronyms
    (('ev', 'bakı'), (100.0, 125.0), (0.0, 1.0), ('BMT',))
    """
    acronyms = {lower(a): a for a in SYNTH_ACRONYMS}
    forms: list[str] = []
    weights: list[float] = []
    caps: list[float] = []
    acr: list[str] = []
    acr_weights: list[float] = []
    with gzip.open(path, "rt", encoding="utf-8") as f:
        for line in f:
            form, count_s, cap_s = line.rstrip("\n").split("\t")
            count = int(count_s)
            if form in acronyms:
                acr.append(acronyms[form])
                acr_weights.append(count**power)
            elif count >= min_count and _SYNTH_FORM.match(form):
                forms.append(form)
                weights.append(count**power)
                caps.append(float(cap_s))
    return SynthLexicon(
        tuple(forms),
        tuple(itertools.accumulate(weights)),
        tuple(caps),
        tuple(acr),
        tuple(itertools.accumulate(acr_weights)),
    )


def _suffixed(host: str, reading: str, rng: random.Random) -> str:
    """``host-suffix`` with a suffix drawn by prior, harmonized to how the host is read."""
    suffixes = host_suffixes(reading)
    (suffix,) = rng.choices([s for s, _ in suffixes], weights=[w for _, w in suffixes])
    return f"{host}-{suffix}"


def synth_number(rng: random.Random) -> str:
    """A number as news writes it: a year, a count, a decimal, often with a harmonized suffix
    (``2024-cü``, ``20-də``, ``3,5``)."""
    kind = rng.random()
    if kind < 0.35:
        digits = str(rng.randint(1918, 2026))
    elif kind < 0.75:
        digits = str(rng.randint(1, 100))
    elif kind < 0.9:
        digits = str(rng.randint(101, 9999))
    else:
        digits = f"{rng.randint(0, 99)},{rng.randint(1, 9)}"
    if rng.random() < 0.6:
        return _suffixed(digits, number_reading(digits), rng)
    return digits


def synth_sentence(lex: SynthLexicon, rng: random.Random, quotes: tuple[str, str]) -> str:
    """One sentence of 5-18 tokens drawn from the lexicon (see :func:`synth_docs`)."""
    tokens: list[str] = []
    for _ in range(rng.randint(5, 18)):
        r = rng.random()
        if r < 0.03:
            tokens.append(synth_number(rng))
        elif r < 0.045 and lex.acronyms:
            (acronym,) = rng.choices(lex.acronyms, cum_weights=lex.acronym_cum_weights)
            if rng.random() < 0.5:
                acronym = _suffixed(acronym, acronym_reading(acronym), rng)
            tokens.append(acronym)
        else:
            (k,) = rng.choices(range(len(lex.forms)), cum_weights=lex.cum_weights)
            form = lex.forms[k]
            tokens.append(capitalize(form) if rng.random() < lex.caps[k] else form)
    tokens[0] = capitalize(tokens[0])
    n = len(tokens)
    # A quoted name or phrase, or a parenthesis (never around the whole sentence).
    if rng.random() < 0.15:
        i = rng.randrange(n - 1)
        j = min(n - 1, i + rng.randint(0, 3))
        tokens[i] = quotes[0] + capitalize(tokens[i])
        tokens[j] = tokens[j] + quotes[1]
    elif rng.random() < 0.06:
        i = rng.randrange(1, n)
        j = min(n - 1, i + rng.randint(0, 2))
        tokens[i] = "(" + tokens[i]
        tokens[j] = tokens[j] + ")"
    out: list[str] = []
    for k, token in enumerate(tokens):
        out.append(token)
        if k < n - 1:
            r = rng.random()
            if r < 0.08:
                out[-1] += ","
            elif r < 0.09:
                out.append("–")
            elif r < 0.095:
                out[-1] += ":"
    (end,) = rng.choices(".?!", weights=(90, 6, 4))
    return " ".join(out) + end


def synth_docs(lex: SynthLexicon, seed: int, n: int, target_chars: int = 1400) -> list[Doc]:
    """``n`` pseudo-text documents of the ``synth`` split, drawn from the shipped lexicon only.

    Each document is about ``target_chars`` characters of sentences of 5-18 words drawn by
    (flattened) corpus frequency, each word capitalized as often as the lexicon saw it
    capitalized and every sentence's first word capitalized; commas, a dash or colon now and
    then, sentence ends ``.``/``?``/``!``, a quoted phrase (“…” or "…", one style per
    document) or a parenthesis in some sentences, numbers (``2024-cü``, ``20-də``) and
    acronyms (``QHT-lərin``) with harmonized suffixes.  Paragraphs of 2-5 sentences.  Every
    document has its own seed, so a document does not change when ``n`` grows; it does change
    when the lexicon is rebuilt (the rendered pages are kept, see the resume rule).

    No running text of any corpus is used: the words and their frequencies come from
    ``lexicons/words.tsv.gz`` (MIT/Apache-2.0/MPL-2.0 sources, see ``lexicons/LICENSES.md``).
    """
    docs: list[Doc] = []
    for k in range(n):
        rng = random.Random(stable_seed(seed, "synth", k))
        quotes = ("“", "”") if rng.random() < 0.5 else ('"', '"')
        sentences: list[str] = []
        size = 0
        while size < target_chars:
            sentence = synth_sentence(lex, rng, quotes)
            sentences.append(sentence)
            size += len(sentence) + 1
        doc_id = f"synth-{k:03d}"
        docs.append(Doc(doc_id, "synth", "synth", tuple(_group_sentences(sentences, rng))))
    return docs


def _numbered(docs: Sequence[Doc], split: str, max_docs: int | None) -> Iterator[tuple[int, Doc]]:
    """The documents of ``split`` in order, numbered from 0, at most ``max_docs`` of them."""
    return enumerate(itertools.islice((d for d in docs if d.split == split), max_docs))


def plan_jobs(docs: Sequence[Doc], seed: int, max_docs: int | None) -> list[Job]:
    """Each doc: clean-ish pages in two fonts of its split and worn pages in one (dev) or two
    (train and synth: the aze channel needs the extra worn pages) further fonts.

    The synth jobs come last, after the stress pages, so the train/dev/stress plan is the same
    with or without them."""
    per_split: dict[str, list[Job]] = {"train": [], "dev": [], "synth": []}
    for split, jobs in per_split.items():
        fonts = DEV_FONTS if split == "dev" else TRAIN_FONTS
        for k, doc in _numbered(docs, split, max_docs):
            rng = random.Random(stable_seed(seed, doc.doc_id, "fonts"))
            # Rotate through the fonts so every face gets its share, with a seeded offset.
            offset = k * 3 + rng.randrange(len(fonts))
            a, b, c, d = (fonts[(offset + i) % len(fonts)] for i in range(4))
            plan = [("eng", a), ("eng", b), ("worn", c)]
            if split != "dev":
                plan.append(("worn", d))
            for family, font in plan:
                jobs.append(
                    Job(split, family, font, doc, stable_seed(seed, doc.doc_id, family, font))
                )
    # Interleave dev and train jobs so a partial run already has some of both.
    out: list[Job] = []
    train, dev = per_split["train"], per_split["dev"]
    for i in range(max(len(train), len(dev))):
        out.extend(dev[i : i + 1] + train[i : i + 1])
    # Stress pages: one clean-ish eng page per dev document in an unseen bold/italic face.
    for k, doc in _numbered(docs, "dev", max_docs):
        font = STRESS_FONTS[k % len(STRESS_FONTS)]
        out.append(Job("stress", "eng", font, doc, stable_seed(seed, doc.doc_id, "stress", font)))
    out.extend(per_split["synth"])
    # Wider train conditions, planned last so that the plan above stays the same.
    for k, doc in _numbered(docs, "train", max_docs):
        font = WIDE_FONTS[k % len(WIDE_FONTS)]
        out.append(Job("train", "eng", font, doc, stable_seed(seed, doc.doc_id, "wide", font)))
        font = TRAIN_FONTS[(k * 3) % len(TRAIN_FONTS)]
        out.append(Job("train", "lowres", font, doc, stable_seed(seed, doc.doc_id, "lowres", font)))
    # All-capital train pages (headline style), planned after the wide ones for the same reason.
    for k, doc in _numbered(docs, "train", max_docs):
        font = TRAIN_FONTS[(k * 5 + 1) % len(TRAIN_FONTS)]
        out.append(Job("train", "caps", font, doc, stable_seed(seed, doc.doc_id, "caps", font)))
    # Far stress pages, planned after everything else for the same reason.
    for k, doc in _numbered(docs, "dev", max_docs):
        family, font = FAR_CONDITIONS[k % len(FAR_CONDITIONS)]
        out.append(Job("stress", family, font, doc, stable_seed(seed, doc.doc_id, "far", font)))
    # All-capital stress pages in the dev fonts.
    for k, doc in _numbered(docs, "dev", max_docs):
        font = DEV_FONTS[k % len(DEV_FONTS)]
        out.append(Job("stress", "caps", font, doc, stable_seed(seed, doc.doc_id, "caps", font)))
    return out


def _style_for(job: Job, rng: random.Random) -> PageStyle:
    face = face_by_name(job.font)
    return PageStyle(
        face=face,
        size_pt=rng.choice((9.0, 10.0) if job.family == "lowres" else (9.0, 10.0, 11.0)),
        dpi={"worn": 300, "lowres": LOWRES_DPI}.get(job.family) or rng.choice((200, 250, 300)),
        column_chars=rng.randint(30, 45),
        paragraph_style=rng.choice(("blank", "indent")),
        justify=rng.random() < 0.8,
    )


def _word_error(truth_page: str, ocr: str) -> float:
    pairs = align_words(truth_page, ocr)
    return sum(a != b for a, b in pairs) / max(1, len(pairs))


def run_job(job: Job, out_root: str) -> dict[str, Any]:
    """Render, degrade, OCR and write one page (or two identical worn condition dirs)."""
    t0 = time.perf_counter()
    rng = random.Random(job.seed)
    style = _style_for(job, rng)
    if job.family == "worn":
        conditions = [f"aze-worn-{job.font}", f"eng-worn-{job.font}"]
    elif job.family in ("lowres", "caps"):
        conditions = [f"eng-{job.family}-{job.font}"]
    else:
        conditions = [f"eng-{job.font}"]
    dirs = [Path(out_root) / job.split / c / job.doc.doc_id for c in conditions]
    if all((d / "meta.json").exists() for d in dirs):
        saved: dict[str, Any] = json.loads((dirs[0] / "meta.json").read_text(encoding="utf-8"))
        return saved
    paragraphs = job.doc.paragraphs
    if job.family == "caps":  # headline style: the whole text in capitals
        paragraphs = tuple(upper(p) for p in paragraphs)
    lines = layout_lines(paragraphs, style, rng)
    truth = "\n\n".join(paragraphs)
    assert join_lines(lines) == truth, job.doc.doc_id
    clean = draw_page(lines, style)
    printed = page_text(lines)
    severity = rng.uniform(1.2, 1.9) if job.family == "worn" else 0.0
    for _attempt in range(4):
        if job.family == "worn":
            wear = random_wear(rng, severity)
        else:
            wear = Wear(
                rotate=round(rng.uniform(-0.3, 0.3), 2),
                blur=round(rng.uniform(0.0, 0.5), 2),
                noise=round(rng.uniform(0.0, 6.0), 1),
            )
        image = degrade(clean, wear, seed=job.seed)
        t1 = time.perf_counter()
        ocr_aze = ocr_image(image, "aze")
        t2 = time.perf_counter()
        aze_err = _word_error(printed, ocr_aze)
        # A page that even the aze model cannot read is not a scan anyone would fix: milder wear.
        if job.family != "worn" or aze_err <= 0.35:
            break
        severity *= 0.7
    ocr_eng = ocr_image(image, "eng")
    t3 = time.perf_counter()
    meta: dict[str, Any] = {
        "split": job.split,
        "condition": conditions[0],
        "family": "worn" if job.family == "worn" else "eng",
        "engine": "aze" if job.family == "worn" else "eng",
        "font": job.font,
        "font_style": style.face.style,
        "doc": job.doc.doc_id,
        "source": job.doc.source,
        "seed": job.seed,
        "size_pt": style.size_pt,
        "dpi": style.dpi,
        "column_chars": style.column_chars,
        "paragraph_style": style.paragraph_style,
        "wear": wear._asdict(),
        "severity": round(severity, 3),
        "chars": len(truth),
        "lines": len(lines),
        "word_error_aze": round(aze_err, 4),
        "word_error_eng": round(_word_error(printed, ocr_eng), 4),
        "seconds": {
            "render": round(t1 - t0, 2),
            "ocr_aze": round(t2 - t1, 2),
            "ocr_eng": round(t3 - t2, 2),
        },
    }
    for k, d in enumerate(dirs):
        d.mkdir(parents=True, exist_ok=True)
        (d / "truth.txt").write_text(truth + "\n", encoding="utf-8")
        (d / "layout.json").write_text(
            json.dumps(layout_to_dict(lines, style), ensure_ascii=False, indent=1),
            encoding="utf-8",
        )
        (d / "ocr_eng.txt").write_text(ocr_eng + "\n", encoding="utf-8")
        (d / "ocr_aze.txt").write_text(ocr_aze + "\n", encoding="utf-8")
        if k == 0:
            image.save(d / "page.png", optimize=True)
        else:
            shutil.copyfile(dirs[0] / "page.png", d / "page.png")
        m = dict(meta, condition=conditions[k], engine="aze" if "aze-" in conditions[k] else "eng")
        (d / "meta.json").write_text(json.dumps(m, ensure_ascii=False, indent=1), encoding="utf-8")
    return meta


def _run(args: tuple[Job, str]) -> dict[str, Any]:
    return run_job(*args)


def write_manifest(out_root: Path) -> list[dict[str, Any]]:
    """Collect every page's meta.json into ``manifest.json`` (sorted by path)."""
    pages = []
    for meta_path in sorted(out_root.glob("*/*/*/meta.json")):
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
        meta["path"] = str(meta_path.parent.relative_to(out_root))
        pages.append(meta)
    (out_root / "manifest.json").write_text(
        json.dumps({"version": 1, "pages": pages}, ensure_ascii=False, indent=1), encoding="utf-8"
    )
    return pages


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "data" / "pairs")
    parser.add_argument("--shared", type=Path, default=SHARED)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-docs", type=int, default=None, help="docs per split (prefix)")
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument(
        "--synth-docs",
        type=int,
        default=SYNTH_DOCS,
        help="pseudo-text documents of the synth split (0: none)",
    )
    parser.add_argument(
        "--lexicon",
        type=Path,
        default=ROOT / "lexicons" / "words.tsv.gz",
        help="word table the pseudo-text is drawn from",
    )
    parser.add_argument(
        "--synth-power",
        type=float,
        default=SYNTH_POWER,
        help="pseudo-text draws a form with weight count ** power (below 1 flattens)",
    )
    args = parser.parse_args(argv)

    for name in {
        *TRAIN_FONTS,
        *DEV_FONTS,
        *STRESS_FONTS,
        *WIDE_FONTS,
        *(f for _, f in FAR_CONDITIONS),
    }:
        if not covers_azerbaijani(face_by_name(name).path):
            raise SystemExit(f"font {name} does not cover the Azerbaijani alphabet")
    os.environ.setdefault("OMP_THREAD_LIMIT", "1")
    docs = load_docs(args.shared, args.seed)
    if args.synth_docs:
        lexicon = load_synth_lexicon(args.lexicon, power=args.synth_power)
        docs += synth_docs(lexicon, args.seed, args.synth_docs)
    jobs = plan_jobs(docs, args.seed, args.max_docs)
    per_split = Counter(d.split for d in docs)
    shown = ", ".join(f"{n} {split}" for split, n in sorted(per_split.items()))
    print(f"{len(docs)} docs ({shown}); {len(jobs)} page jobs")
    start = time.perf_counter()
    done = 0
    with Pool(args.workers) as pool:
        for meta in pool.imap_unordered(_run, [(j, str(args.out)) for j in jobs]):
            done += 1
            if done % 20 == 0 or done == len(jobs):
                el = time.perf_counter() - start
                print(
                    f"  {done}/{len(jobs)} pages, {el:.0f} s ({el / done:.2f} s/page)", flush=True
                )
            del meta
            if done % 40 == 0:  # let readers start on a partial set
                write_manifest(args.out)
    pages = write_manifest(args.out)
    el = time.perf_counter() - start
    print(f"done in {el:.0f} s; manifest lists {len(pages)} page dirs")
    summary: dict[tuple[str, str], list[float]] = {}
    for p in pages:
        key = (p["split"], p["condition"])
        err = p["word_error_aze"] if p["engine"] == "aze" else p["word_error_eng"]
        summary.setdefault(key, []).append(err)
    print(f"{'split':6} {'condition':26} {'pages':>5} {'word err':>8}")
    for (split, cond), errs in sorted(summary.items()):
        print(f"{split:6} {cond:26} {len(errs):5d} {sum(errs) / len(errs):8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
