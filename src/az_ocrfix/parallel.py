"""Many documents and endless streams: batch repair on every core, and streaming in bounded memory.

:func:`fix_many` is the batch call in the spirit of spaCy's ``nlp.pipe``: the same results in the
same order as calling :func:`az_ocrfix.api.fix` on each text, optionally spread over worker
processes that each load the lexicon once.  :func:`fix_stream` repairs a stream of lines
(a file of any size) chunk by chunk; :func:`fix_file` streams one file into another.

>>> list(fix_many(["Bu ilo bagh", "Azarbaycan Respublikasinin"]))
['Bu ilə bağlı', 'Azərbaycan Respublikasının']
>>> "".join(fix_stream(["votondas comiy-\\n", "yotinin\\n", "\\n", "miiddoasi\\n"]))
'vətəndaş cəmiyyətinin\\n\\nmüddəası\\n'
"""

from __future__ import annotations

import multiprocessing
import os
import tempfile
from collections import deque
from collections.abc import Iterable, Iterator
from functools import lru_cache
from itertools import islice
from multiprocessing.pool import AsyncResult
from pathlib import Path

from az_ocrfix.config import FixConfig
from az_ocrfix.corrector import Corrector

__all__ = ["corrector_for", "fix_file", "fix_many", "fix_stream", "iter_chunks"]

#: fix_stream closes a chunk at the first blank line after this many characters.
CHUNK_CHARS = 32_000
#: fix_stream cuts a paragraph with no blank line after this many lines.
MAX_LINES = 400
#: Batches in flight per worker process in :func:`fix_many` (bounds read-ahead).
BATCHES_IN_FLIGHT = 2
_HYPHEN_ENDS = ("-", "\u2010", "\u2011", "¬", "\u00ad")


@lru_cache(maxsize=4)
def corrector_for(config: FixConfig | None = None) -> Corrector:
    """The corrector of this process for ``config`` (built once, then reused).

    >>> corrector_for(None) is corrector_for(FixConfig())
    True
    """
    if config is None or config == FixConfig():
        return Corrector.default()
    return Corrector(config)


# -- fix_many ---------------------------------------------------------------------------------
_worker_config: FixConfig | None = None


def _init_worker(config: FixConfig | None) -> None:
    global _worker_config
    _worker_config = config
    corrector_for(config)  # load the lexicon once, before the first batch arrives


def _fix_batch(texts: list[str]) -> list[str]:
    corrector = corrector_for(_worker_config)
    return [corrector.fix_document(t).text for t in texts]


def _batches(texts: Iterable[str], size: int) -> Iterator[list[str]]:
    it = iter(texts)
    while batch := list(islice(it, size)):
        yield batch


def fix_many(
    texts: Iterable[str],
    n_jobs: int = 1,
    batch_size: int = 64,
    config: FixConfig | None = None,
) -> Iterator[str]:
    """Repair many documents; yields one repaired text per input, in input order.

    The results equal ``[fix(t, config) for t in texts]``.  With ``n_jobs > 1`` (``-1``: one per
    CPU) batches of ``batch_size`` texts go to a pool of worker processes whose initializer builds
    the :class:`~az_ocrfix.corrector.Corrector` once.  At most ``n_jobs * 2`` batches are read
    ahead of the consumer, so ``texts`` may be an endless generator.

    >>> list(fix_many(["yiiksok", "Prezident ilham Oliyevin"], n_jobs=1))
    ['yüksək', 'Prezident İlham Əliyevin']
    """
    if batch_size < 1:
        raise ValueError("batch_size must be at least 1")
    jobs = (os.cpu_count() or 1) if n_jobs == -1 else n_jobs
    if jobs <= 1:
        corrector = corrector_for(config)
        for text in texts:
            yield corrector.fix_document(text).text
        return
    yield from _fix_in_pool(texts, jobs, batch_size, config)


def _fix_in_pool(
    texts: Iterable[str], jobs: int, batch_size: int, config: FixConfig | None
) -> Iterator[str]:
    # apply_async over a bounded window rather than Pool.imap: imap's feeder thread would drain
    # the whole input iterable into the task queue, which defeats streaming.
    with multiprocessing.get_context().Pool(jobs, _init_worker, (config,)) as pool:
        pending: deque[AsyncResult[list[str]]] = deque()
        for batch in _batches(texts, batch_size):
            pending.append(pool.apply_async(_fix_batch, (batch,)))
            if len(pending) >= jobs * BATCHES_IN_FLIGHT:
                yield from pending.popleft().get()
        while pending:
            yield from pending.popleft().get()


# -- fix_stream -------------------------------------------------------------------------------
def iter_chunks(
    lines: Iterable[str], chunk_chars: int = CHUNK_CHARS, max_lines: int = MAX_LINES
) -> Iterator[tuple[str, bool]]:
    """Group lines into paragraph-aligned chunks: ``(text, cut_inside_paragraph)``.

    A chunk closes at a blank line once it holds ``chunk_chars`` characters (``0``: at every
    blank line), or inside a paragraph after ``max_lines`` lines.  It never closes right after
    a line ending in a hyphen (a word broken across a column or page break continues after the
    blank line), unless the paragraph runs ``2 * max_lines`` lines.  A line without its
    ``\\n`` gets one unless it is the last line.  Blank lines stay with the chunk they close.

    >>> list(iter_chunks(["a\\n", "b\\n", "\\n", "c"], chunk_chars=0))
    [('a\\nb\\n\\n', False), ('c', False)]
    >>> list(iter_chunks(["a", "b-", "c", "d"], max_lines=2))
    [('a\\nb-\\nc\\n', True), ('d', False)]
    >>> list(iter_chunks(["a-", "", "b", "", "c"], chunk_chars=0))
    [('a-\\n\\nb\\n\\n', False), ('c', False)]
    """
    buf: list[str] = []
    size = 0
    para_lines = 0  # non-blank lines of the current paragraph in the buffer
    blank_run = False  # the buffer ends with blank lines (a paragraph boundary)
    hyphen = False  # the last non-blank line ends with a hyphen
    for line in _terminated(lines):
        blank = not line.strip()
        if not blank and blank_run and not hyphen and size >= chunk_chars:
            yield "".join(buf), False
            buf, size, para_lines = [], 0, 0
        buf.append(line)
        size += len(line)
        blank_run = blank
        if not blank:
            para_lines += 1
            hyphen = line.rstrip().endswith(_HYPHEN_ENDS)
        elif not hyphen:
            para_lines = 0
        if para_lines >= max_lines and (not hyphen or para_lines >= 2 * max_lines):
            yield "".join(buf), True
            buf, size, para_lines = [], 0, 0
    if buf:
        yield "".join(buf), False


def _terminated(lines: Iterable[str]) -> Iterator[str]:
    """The lines, each ending in a newline except possibly the last (one line of lookahead)."""
    prev: str | None = None
    for line in lines:
        if prev is not None:
            yield prev if prev.endswith("\n") else prev + "\n"
        prev = line
    if prev is not None:
        yield prev


def fix_stream(
    lines: Iterable[str],
    config: FixConfig | None = None,
    *,
    n_jobs: int = 1,
    chunk_chars: int = CHUNK_CHARS,
    max_lines: int = MAX_LINES,
) -> Iterator[str]:
    """Repair a stream of lines chunk by chunk; the pieces yielded concatenate to the output.

    Lines are grouped by :func:`iter_chunks`: chunks end at blank lines, so words hyphenated
    across a line break inside a paragraph are still joined.  Each chunk is one document for
    the repair (channel choice and re-estimation see the chunk), so the output equals ``fix``
    of the whole text when the text fits in one chunk, and otherwise equals ``fix`` of each
    chunk with the paragraph separators restored.  Memory is bounded by about
    ``chunk_chars`` characters plus one paragraph of at most ``2 * max_lines`` lines, times
    ``2 * n_jobs + 1`` chunks in flight with worker processes.  A paragraph cut after
    ``max_lines`` lines is glued back with a space (``join_lines``), the one place where the
    result may differ from the whole-text repair.

    >>> "".join(fix_stream(["yiiksok\\n", "\\n", "miiddoasi\\n"], chunk_chars=0))
    'yüksək\\n\\nmüddəası\\n'
    """
    cfg = config or FixConfig()
    sep = "\n" if cfg.join_lines else ""  # reflow writes paragraphs apart with one blank line
    chunks = iter_chunks(lines, chunk_chars, max_lines)
    cuts: deque[bool] = deque()

    def texts() -> Iterator[str]:
        for text, cut in chunks:
            cuts.append(cut)
            yield text

    pending_sep = ""
    held = ""  # the final newline of a chunk cut inside a paragraph, in case nothing follows
    wrote = False
    for out in fix_many(texts(), n_jobs=n_jobs, batch_size=1, config=config):
        cut = cuts.popleft()
        if not out:
            continue
        if wrote:
            yield pending_sep
        if cut and cfg.join_lines and out.endswith("\n"):
            out, pending_sep, held = out[:-1], " ", "\n"
        else:
            pending_sep, held = sep, ""
        wrote = True
        yield out
    if held:
        yield held


def fix_file(
    src: str | os.PathLike[str],
    dst: str | os.PathLike[str],
    config: FixConfig | None = None,
    *,
    n_jobs: int = 1,
    encoding: str = "utf-8",
) -> None:
    """Stream-repair the text file ``src`` into ``dst`` (written atomically; never over ``src``).

    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "in.txt").write_text("Bu ilo bagh\\n", encoding="utf-8")
    >>> fix_file(d / "in.txt", d / "out.txt")
    >>> (d / "out.txt").read_text(encoding="utf-8")
    'Bu ilə bağlı\\n'
    """
    src_path, dst_path = Path(src), Path(dst)
    if dst_path.exists() and dst_path.resolve() == src_path.resolve():
        raise ValueError("fix_file would overwrite its input")
    fd, tmp = tempfile.mkstemp(prefix=".az-ocrfix-", dir=dst_path.parent or ".")
    try:
        with (
            open(src_path, encoding=encoding, newline="") as fin,
            os.fdopen(fd, "w", encoding="utf-8", newline="") as fout,
        ):
            for piece in fix_stream(fin, config, n_jobs=n_jobs):
                fout.write(piece)
        os.replace(tmp, dst_path)
    except BaseException:
        os.unlink(tmp)
        raise
