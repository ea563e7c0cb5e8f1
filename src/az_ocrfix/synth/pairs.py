"""Read the (truth, page, OCR) pairs written by ``benchmarks/make_pairs.py``.

See that script's docstring for the directory format.  A page directory is complete once its
``meta.json`` exists; :func:`iter_pairs` reads ``manifest.json`` when present and otherwise scans
for ``meta.json`` files.

>>> import json, tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> d = root / "dev" / "eng-gentium" / "wiki-001"
>>> d.mkdir(parents=True)
>>> _ = (d / "truth.txt").write_text("Milli Məclis\\n", encoding="utf-8")
>>> _ = (d / "ocr_eng.txt").write_text("Milli Moclis\\n", encoding="utf-8")
>>> _ = (d / "ocr_aze.txt").write_text("Milli Məclis\\n", encoding="utf-8")
>>> lines = [{"text": "Milli Məclis", "end": "none", "paragraph": 0}]
>>> _ = (d / "layout.json").write_text(json.dumps({"lines": lines}), encoding="utf-8")
>>> meta = {"split": "dev", "condition": "eng-gentium", "engine": "eng", "font": "gentium"}
>>> _ = (d / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
>>> [(p.condition, p.truth, p.observed) for p in iter_pairs(root, "dev")]
[('eng-gentium', 'Milli Məclis', 'Milli Moclis')]
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

__all__ = ["Pair", "iter_pairs", "printed_text"]


class Pair(NamedTuple):
    """One page: its clean text, what was printed, and the OCR outputs."""

    path: Path
    meta: dict[str, Any]
    #: The clean source text (paragraphs separated by a blank line).
    truth: str
    #: The page text exactly as printed (line breaks, line-end hyphens).
    printed: str
    #: The OCR output of the engine this condition models (``meta["engine"]``).
    observed: str
    ocr_eng: str
    ocr_aze: str

    @property
    def condition(self) -> str:
        return str(self.meta["condition"])

    @property
    def engine(self) -> str:
        return str(self.meta["engine"])

    @property
    def font(self) -> str:
        return str(self.meta["font"])


def printed_text(page_dir: Path) -> str:
    """The text exactly as printed on a page, one line per printed line, from layout.json."""
    layout = json.loads((page_dir / "layout.json").read_text(encoding="utf-8"))
    return "\n".join(line["text"] for line in layout["lines"])


def _read(path: Path) -> str:
    return path.read_text(encoding="utf-8").rstrip("\n")


def _metas(root: Path) -> Iterator[tuple[Path, dict[str, Any]]]:
    manifest = root / "manifest.json"
    if manifest.exists():
        for page in json.loads(manifest.read_text(encoding="utf-8"))["pages"]:
            yield root / page["path"], page
        return
    for meta_path in sorted(root.glob("*/*/*/meta.json")):
        yield meta_path.parent, json.loads(meta_path.read_text(encoding="utf-8"))


def iter_pairs(
    root: Path | str = "data/pairs", split: str | None = "dev", condition_prefix: str = ""
) -> Iterator[Pair]:
    """Yield the pages of ``split`` (None: all) whose condition starts with ``condition_prefix``.

    ``condition_prefix="eng-worn"`` selects the worn eng pages; ``"aze-"`` the aze ones; note
    that ``"eng-"`` matches both the clean ``eng-<font>`` and the ``eng-worn-<font>`` pages.
    """
    for d, meta in _metas(Path(root)):
        if split is not None and meta["split"] != split:
            continue
        if not str(meta["condition"]).startswith(condition_prefix):
            continue
        ocr_eng, ocr_aze = _read(d / "ocr_eng.txt"), _read(d / "ocr_aze.txt")
        yield Pair(
            path=d,
            meta=meta,
            truth=_read(d / "truth.txt"),
            printed=printed_text(d),
            observed=ocr_aze if meta["engine"] == "aze" else ocr_eng,
            ocr_eng=ocr_eng,
            ocr_aze=ocr_aze,
        )
