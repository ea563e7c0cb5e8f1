"""Writing results: atomic files (temp file + rename) and the txt / jsonl document formats.

A document is written piece by piece (pages, chunks of a large text) so that memory stays
bounded; a ``.jsonl`` output is one JSON object per document whose ``text`` is streamed and whose
metadata (known only at the end) follows it.

>>> import io, json
>>> buf = io.BytesIO()
>>> w = DocumentWriter(buf, "jsonl", source="a.txt")
>>> w.add(1, "Azərbaycan ")
>>> w.add(1, "dili")
>>> w.finish({"pages": 1})
>>> json.loads(buf.getvalue())
{'source': 'a.txt', 'text': 'Azərbaycan dili', 'pages': 1}
"""

from __future__ import annotations

import glob
import json
import os
import tempfile
from collections.abc import Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import asdict
from typing import IO, Any, BinaryIO, Literal

from az_ocrfix.changes import Change

__all__ = ["PAGE_BREAK", "DocumentWriter", "Format", "atomic_output", "remove_partial"]

Format = Literal["txt", "jsonl"]

#: Written between the pages of a multi-page document in txt output.
PAGE_BREAK = "\n\f\n"


def _umask() -> int:
    mask = os.umask(0o22)
    os.umask(mask)
    return mask


#: Permissions of written files (mkstemp makes 0600; outputs are ordinary files).
_FILE_MODE = 0o666 & ~_umask()


@contextmanager
def atomic_output(path: str) -> Iterator[BinaryIO]:
    """Open ``path`` for writing through a temp file in the same folder, renamed on success.

    On any exception (Ctrl-C included) the temp file is removed and ``path`` is untouched.

    >>> import pathlib, tempfile
    >>> target = pathlib.Path(tempfile.mkdtemp()) / "sub" / "out.txt"
    >>> with atomic_output(str(target)) as f:
    ...     _ = f.write(b"ok")
    >>> target.read_bytes(), sorted(p.name for p in target.parent.iterdir())
    (b'ok', ['out.txt'])
    """
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, prefix=_partial_prefix(path), suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            yield handle
            handle.flush()
            os.fchmod(handle.fileno(), _FILE_MODE)
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


def _partial_prefix(path: str) -> str:
    return f".{os.path.basename(path)}."


def remove_partial(path: str) -> int:
    """Delete temp files :func:`atomic_output` left for ``path`` (a process killed outright
    cannot clean up after itself); returns how many were removed.

    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> (folder / ".out.txt.k2j9.part").write_bytes(b"half")
    4
    >>> remove_partial(str(folder / "out.txt")), sorted(p.name for p in folder.iterdir())
    (1, [])
    """
    folder = os.path.dirname(os.path.abspath(path))
    removed = 0
    for tmp in glob.glob(
        os.path.join(glob.escape(folder), glob.escape(_partial_prefix(path))) + "*.part"
    ):
        with suppress(FileNotFoundError):
            os.unlink(tmp)
            removed += 1
    return removed


class DocumentWriter:
    """Write one document's repaired text to a binary stream, as ``txt`` or ``jsonl``.

    Pages are separated by :data:`PAGE_BREAK` in txt; explain records (``changes``) go into the
    jsonl object, or to ``explain_to`` as tab-separated lines in txt mode.
    """

    def __init__(
        self,
        out: BinaryIO,
        fmt: Format,
        *,
        source: str,
        explain: bool = False,
        explain_to: IO[str] | None = None,
    ) -> None:
        self.out = out
        self.fmt = fmt
        self.source = source
        self.explain = explain
        self.explain_to = explain_to
        self._page = 0
        self._offset = 0
        self._n_changes = 0
        self._spool: IO[str] | None = None
        if fmt == "jsonl":
            head = json.dumps({"source": source}, ensure_ascii=False)[:-1]
            self.out.write(f'{head}, "text": "'.encode())
            if explain:
                self._spool = tempfile.TemporaryFile("w+", encoding="utf-8")  # noqa: SIM115

    def _write_text(self, text: str) -> None:
        if self.fmt == "jsonl":
            self.out.write(json.dumps(text, ensure_ascii=False)[1:-1].encode())
        else:
            self.out.write(text.encode())

    def add(self, page: int, text: str, changes: Sequence[Change] = (), offset: int = 0) -> None:
        """Append repaired ``text`` of ``page``; ``changes`` have spans from ``offset`` on."""
        if page != self._page:
            if self._page:
                self._write_text(PAGE_BREAK)
            self._page = page
        self._write_text(text)
        if not self.explain:
            return
        for change in changes:
            record = {"page": page, **asdict(change)}
            record["start"] += offset
            record["end"] += offset
            self._n_changes += 1
            if self._spool is not None:
                self._spool.write(json.dumps(record, ensure_ascii=False) + "\n")
            elif self.explain_to is not None:
                self.explain_to.write(
                    f"{self.source}\t{page}\t{record['start']}\t{record['end']}\t"
                    f"{change.before!r}\t{change.after!r}\t{change.confidence:.2f}\t"
                    f"{change.reason}\n"
                )

    def finish(self, meta: dict[str, Any]) -> None:
        """Close the document (jsonl: write ``meta`` and the explain records after the text)."""
        if self.fmt == "txt":
            return
        tail = json.dumps(meta, ensure_ascii=False)[1:-1]
        self.out.write(b'"' + (f", {tail}" if tail else "").encode())
        if self._spool is not None:
            self._spool.seek(0)
            self.out.write(b', "changes": [')
            for i, line in enumerate(self._spool):
                self.out.write((", " if i else "").encode() + line.rstrip("\n").encode())
            self.out.write(b"]")
            self._spool.close()
        self.out.write(b"}\n")
