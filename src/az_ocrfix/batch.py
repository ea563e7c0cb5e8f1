"""Batch repair: plan jobs over files, folders and globs, run them in worker processes, report.

The output tree mirrors the input tree (relative to the deepest folder common to the inputs);
outputs are written atomically, never over an input, and ``resume`` skips inputs whose output is
newer.  Each worker process builds its :class:`~az_ocrfix.corrector.Corrector` once.

>>> output_name("scans/1998/p1.pdf", "jsonl")
'scans/1998/p1.jsonl'
"""

from __future__ import annotations

import glob
import multiprocessing
import os
import signal
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, NamedTuple, Protocol

from az_ocrfix.changes import Change
from az_ocrfix.config import FixConfig
from az_ocrfix.io import TEXT_SUFFIXES, InputError, OcrMode, OcrUnavailableError, open_document
from az_ocrfix.io.image import IMAGE_SUFFIXES
from az_ocrfix.io.output import DocumentWriter, Format, atomic_output, remove_partial

__all__ = [
    "Job",
    "Options",
    "Outcome",
    "Plan",
    "Summary",
    "UsageError",
    "output_name",
    "plan_jobs",
    "process",
    "run",
]

#: Suffixes picked up when scanning a folder.
INPUT_SUFFIXES = TEXT_SUFFIXES | IMAGE_SUFFIXES | {".pdf"}
#: A file left in an output folder so that later runs (``--resume``) recognize it as ours.
MARKER = ".az-ocrfix-output"
STDIO = "-"


class UsageError(Exception):
    """A command line that cannot be run as given (exit status 2)."""


class FixerResult(Protocol):
    """What :meth:`Corrector.fix_document` returns (``FixResult``)."""

    @property
    def text(self) -> str: ...
    @property
    def changes(self) -> Sequence[Change]: ...
    @property
    def n_words(self) -> int: ...
    @property
    def mean_confidence(self) -> float: ...


class Fixer(Protocol):
    """The part of the corrector the batch uses."""

    def fix_document(self, text: str) -> FixerResult: ...


class PlainResult(NamedTuple):
    """A result of no repair at all (the ``ocr`` command)."""

    text: str
    changes: Sequence[Change]
    n_words: int
    mean_confidence: float


class Passthrough:
    """A fixer that changes nothing (extraction / OCR only).

    >>> Passthrough().fix_document("bir iki").n_words
    2
    """

    def fix_document(self, text: str) -> PlainResult:
        return PlainResult(text, [], len(text.split()), 1.0)


def make_corrector(config: FixConfig) -> Fixer:
    """Build the real corrector (loads the lexicon: do it once per process)."""
    from az_ocrfix.corrector import Corrector

    corrector: Fixer = Corrector(config)
    return corrector


class Options(NamedTuple):
    """How each document is read, repaired and written."""

    fmt: Format = "txt"
    ocr: OcrMode = "auto"
    lang: str = "aze"
    explain: bool = False
    repair: bool = True
    config: FixConfig = FixConfig()


class Job(NamedTuple):
    """One input and where its result goes (``None``: standard output)."""

    source: str
    output: str | None


@dataclass
class Outcome:
    """What happened to one input; ``status`` is ``ok``, ``failed`` or ``skipped``."""

    source: str
    output: str | None
    status: Literal["ok", "failed", "skipped"]
    reason: str | None = None
    kind: str | None = None
    pages: int = 0
    words: int = 0
    corrections: int = 0
    mean_confidence: float | None = None
    encoding: str | None = None
    engine: str | None = None
    channel: str | None = None
    notes: list[str] = field(default_factory=list)
    seconds: float = 0.0
    ocr_unavailable: bool = False


#: Outcome fields written into each ``.jsonl`` document, after ``source`` and ``text``.
DOCUMENT_FIELDS = (
    "kind",
    "pages",
    "encoding",
    "engine",
    "channel",
    "notes",
    "words",
    "corrections",
    "mean_confidence",
)


@dataclass
class Plan:
    """Jobs to run, plus inputs already settled at planning time (missing, skipped)."""

    jobs: list[Job]
    settled: list[Outcome]


def output_name(rel: str, fmt: Format) -> str:
    """The output path for an input at relative path ``rel``: its suffix becomes ``.<fmt>``."""
    return str(Path(rel).with_suffix(f".{fmt}"))


def _has_magic(arg: str) -> bool:
    return glob.has_magic(arg) and not os.path.lexists(arg)


def _scan(folder: str, skip: str | None) -> Iterator[str]:
    """Input files under ``folder`` (recursive, sorted, hidden entries and ``skip`` left out)."""
    for root, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (skip is None or os.path.abspath(os.path.join(root, d)) != skip)
        )
        for name in sorted(files):
            if not name.startswith(".") and Path(name).suffix.lower() in INPUT_SUFFIXES:
                yield os.path.join(root, name)


def _inside(path: str, folder: str) -> bool:
    return os.path.commonpath([path, folder]) == folder


def _fresh(folder: str) -> bool:
    return not os.path.exists(folder) or (
        os.path.isdir(folder) and all(e.name == MARKER for e in os.scandir(folder))
    )


def plan_jobs(
    paths: Sequence[str], outdir: str | None, fmt: Format = "txt", resume: bool = False
) -> Plan:
    """Expand ``paths`` (files, folders, globs, ``-``) into jobs writing under ``outdir``.

    Raises :class:`UsageError` for command lines that cannot be run safely.
    """
    if STDIO in paths and len(paths) > 1:
        raise UsageError("'-' (standard input) cannot be combined with other inputs")
    if list(paths) == [STDIO]:
        return Plan([Job(STDIO, None)], [])
    out = os.path.abspath(outdir) if outdir else None
    if out and os.path.exists(out) and not os.path.isdir(out):
        raise UsageError(f"-o {outdir}: exists and is not a folder")
    ours = out is not None and (_fresh(out) or os.path.exists(os.path.join(out, MARKER)))
    found: list[tuple[str, str]] = []  # (input path, folder it is relative to)
    settled: list[Outcome] = []
    roots: list[str] = []
    for arg in paths:
        if _has_magic(arg):
            matches = sorted(glob.glob(arg, recursive=True))
            files = [m for m in matches if not os.path.isdir(m)]
            if not files:
                settled.append(Outcome(arg, None, "failed", "no file matches this pattern"))
            found += [(m, "") for m in files]
        elif os.path.isdir(arg):
            root = os.path.abspath(arg)
            if out and (_inside(out, root) or _inside(root, out)) and not ours:
                raise UsageError(
                    f"-o {outdir} is inside the input folder {arg} (or contains it) and is not "
                    "empty; choose another output folder or an empty one"
                )
            roots.append(root)
            found += [(f, root) for f in _scan(arg, out)]
        elif os.path.lexists(arg):
            found.append((arg, ""))
        else:
            settled.append(Outcome(arg, None, "failed", "no such file or folder"))
    if out is None:
        if len(found) + len(settled) > 1 or roots:
            raise UsageError("several inputs need an output folder: give -o OUTDIR")
        return Plan([Job(path, None) for path, _ in found], settled)
    inputs = {os.path.abspath(p) for p, _ in found}
    bases = [os.path.dirname(os.path.abspath(p)) for p, root in found if not root] + roots
    base = os.path.commonpath(bases) if bases else os.getcwd()
    targets: dict[str, list[str]] = {}
    for path, _ in found:
        rel = os.path.relpath(os.path.abspath(path), base)
        targets.setdefault(os.path.join(out, output_name(rel, fmt)), []).append(rel)
    jobs: list[Job] = []
    for path, _ in found:
        rel = os.path.relpath(os.path.abspath(path), base)
        target = os.path.join(out, output_name(rel, fmt))
        if len(targets[target]) > 1:  # x.pdf and x.txt side by side: keep the whole name
            target = os.path.join(out, f"{rel}.{fmt}")
        if target in inputs or (_inside(os.path.abspath(path), out) and not ours):
            settled.append(Outcome(path, target, "failed", "output would overwrite an input"))
        elif resume and _newer(target, path):
            settled.append(Outcome(path, target, "skipped", "output is newer than input"))
        else:
            jobs.append(Job(path, target))
    return Plan(jobs, settled)


def _newer(target: str, source: str) -> bool:
    try:
        return os.stat(target).st_mtime_ns > os.stat(source).st_mtime_ns
    except OSError:
        return False


# --- running ---------------------------------------------------------------------------------

_FIXER: Fixer | None = None
_OPTIONS = Options()


def _init_worker(
    options: Options, factory: Callable[[FixConfig], Fixer] | None, in_pool: bool = True
) -> None:
    """Worker initializer: build the fixer once; Ctrl-C is the parent's to handle."""
    global _FIXER, _OPTIONS
    if in_pool:
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        signal.signal(signal.SIGTERM, _terminate)
    _OPTIONS = options
    _FIXER = Passthrough() if not options.repair else (factory or make_corrector)(options.config)


def _terminate(signum: int, frame: Any) -> None:
    raise KeyboardInterrupt  # unwinds through atomic_output, which removes its temp file


def _fix_into(job: Job, out: BinaryIO, explain_to: IO[str] | None, outcome: Outcome) -> None:
    assert _FIXER is not None
    options = _OPTIONS
    stream = sys.stdin.buffer if job.source == STDIO else None
    doc = open_document(job.source, ocr=options.ocr, lang=options.lang, stream=stream)
    outcome.kind, outcome.encoding = doc.kind, doc.encoding
    writer = DocumentWriter(
        out, options.fmt, source=job.source, explain=options.explain, explain_to=explain_to
    )
    conf_sum = 0.0
    channels: list[str] = []
    page, offset = 0, 0
    for part in doc.parts():
        if part.page != page:
            page, offset = part.page, 0
        result = _FIXER.fix_document(part.text) if part.text.strip() else None
        text = part.text if result is None else result.text
        tail = part.text[len(part.text.rstrip()) :]
        if tail and not text.endswith(tail[-1]):
            text = text.rstrip() + tail  # a chunk boundary must stay a word boundary
        writer.add(part.page, text, result.changes if result else (), offset)
        offset += len(part.text)
        if result is not None:
            channel = getattr(result, "channel", "")
            if channel and channel not in channels:
                channels.append(channel)
            outcome.words += result.n_words
            outcome.corrections += len(result.changes)
            conf_sum += result.mean_confidence * result.n_words
    outcome.pages, outcome.engine, outcome.notes = doc.pages, doc.engine, doc.notes
    outcome.mean_confidence = round(conf_sum / outcome.words, 4) if outcome.words else None
    outcome.channel = "+".join(channels) or None
    record = asdict(outcome)
    writer.finish({key: record[key] for key in DOCUMENT_FIELDS})


def process(job: Job, explain_to: IO[str] | None = None) -> Outcome:
    """Read, repair and write one job in this process; errors become a ``failed`` outcome."""
    outcome = Outcome(job.source, job.output, "ok")
    start = time.perf_counter()
    try:
        if job.output is None:
            _fix_into(job, sys.stdout.buffer, explain_to, outcome)
            sys.stdout.buffer.flush()
        else:
            with atomic_output(job.output) as out:
                _fix_into(job, out, explain_to, outcome)
    except OcrUnavailableError as exc:
        outcome.status, outcome.reason, outcome.ocr_unavailable = "failed", exc.reason, True
    except InputError as exc:
        outcome.status, outcome.reason = "failed", exc.reason
    except MemoryError:
        outcome.status, outcome.reason = "failed", "out of memory"
    except OSError as exc:
        outcome.status, outcome.reason = "failed", f"{exc.strerror or exc}"
    except (KeyboardInterrupt, SystemExit):
        raise
    except Exception as exc:  # a bug or a damaged file a reader did not anticipate
        outcome.status, outcome.reason = "failed", f"internal error: {type(exc).__name__}: {exc}"
    outcome.seconds = round(time.perf_counter() - start, 3)
    return outcome


def run(
    jobs: Sequence[Job],
    options: Options,
    n_jobs: int | None = None,
    *,
    factory: Callable[[FixConfig], Fixer] | None = None,
    explain_to: IO[str] | None = None,
) -> Iterator[Outcome]:
    """Process ``jobs`` with ``n_jobs`` worker processes, yielding outcomes as they finish.

    One job or ``n_jobs=1`` runs in this process.  Ctrl-C stops the workers; no partial output
    file is left behind.
    """
    workers = min(n_jobs or os.cpu_count() or 1, len(jobs))
    if workers <= 1 or any(job.source == STDIO for job in jobs):
        _init_worker(options, factory, in_pool=False)
        for job in jobs:
            yield process(job, explain_to)
        return
    chunksize = max(1, min(8, len(jobs) // (workers * 8)))
    pool = multiprocessing.get_context().Pool(workers, _init_worker, (options, factory))
    try:
        yield from pool.imap_unordered(process, jobs, chunksize)
        pool.close()
    except BaseException:
        pool.terminate()
        pool.join()
        # A worker killed before it could unwind (e.g. while the pool replaced another one)
        # leaves its temp file: no partial output may survive an interrupted batch.
        for job in jobs:
            if job.output is not None:
                remove_partial(job.output)
        raise
    pool.join()


def mark_output(outdir: str) -> None:
    """Leave the marker that makes ``outdir`` recognizably ours on later runs."""
    os.makedirs(outdir, exist_ok=True)
    Path(outdir, MARKER).touch()


@dataclass
class Summary:
    """Totals over a batch, and the per-file outcomes for the report."""

    outcomes: list[Outcome] = field(default_factory=list)
    started: float = field(default_factory=time.time)

    def add(self, outcome: Outcome) -> None:
        self.outcomes.append(outcome)

    def count(self, status: str) -> int:
        return sum(1 for o in self.outcomes if o.status == status)

    def totals(self) -> dict[str, Any]:
        ok = [o for o in self.outcomes if o.status == "ok"]
        return {
            "files": len(self.outcomes),
            "ok": len(ok),
            "failed": self.count("failed"),
            "skipped": self.count("skipped"),
            "pages": sum(o.pages for o in ok),
            "words": sum(o.words for o in ok),
            "corrections": sum(o.corrections for o in ok),
            "seconds": round(time.time() - self.started, 2),
        }

    def line(self) -> str:
        """One human line, e.g. ``12 files: 10 ok, 2 failed, 0 skipped; ...``."""
        t = self.totals()
        return (
            f"{t['files']} files: {t['ok']} ok, {t['failed']} failed, {t['skipped']} skipped; "
            f"{t['pages']} pages, {t['words']:,} words, {t['corrections']:,} corrections; "
            f"{t['seconds']:.1f} s"
        )

    def report(self) -> dict[str, Any]:
        """The JSON report: totals and one record per input."""
        from az_ocrfix import __version__

        files = []
        for o in self.outcomes:
            record = asdict(o)
            del record["ocr_unavailable"]
            files.append(record)
        return {"az_ocrfix": __version__, "totals": self.totals(), "files": files}


def iter_failed(outcomes: Iterable[Outcome]) -> Iterator[Outcome]:
    """The failed outcomes."""
    return (o for o in outcomes if o.status == "failed")
