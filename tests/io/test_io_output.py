"""Output writing: atomic files and the jsonl document format."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from az_ocrfix.changes import Change
from az_ocrfix.io.output import PAGE_BREAK, DocumentWriter, atomic_output


def test_interrupted_write_leaves_neither_output_nor_temp_file(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    with pytest.raises(KeyboardInterrupt), atomic_output(str(target)) as out:
        out.write(b"half a document")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []


def test_failed_rewrite_keeps_the_previous_output(tmp_path: Path) -> None:
    target = tmp_path / "out.txt"
    target.write_bytes(b"previous")
    with pytest.raises(ValueError), atomic_output(str(target)) as out:
        out.write(b"new")
        raise ValueError
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]


def test_txt_pages_are_separated_by_page_breaks() -> None:
    buf = io.BytesIO()
    writer = DocumentWriter(buf, "txt", source="x.pdf")
    writer.add(1, "bir ")
    writer.add(1, "iki")
    writer.add(2, "üç")
    writer.finish({})
    assert buf.getvalue().decode() == f"bir iki{PAGE_BREAK}üç"


def test_jsonl_carries_text_metadata_and_changes_with_document_offsets() -> None:
    buf = io.BytesIO()
    writer = DocumentWriter(buf, "jsonl", source="a.txt", explain=True)
    writer.add(1, 'salam "ilə"\n', [Change(7, 10, "ilo", "ilə", 0.97, "channel")])
    writer.add(1, "ilə", [Change(0, 3, "ilo", "ilə", 0.9, "channel")], offset=12)
    writer.finish({"pages": 1, "corrections": 2})
    record = json.loads(buf.getvalue())
    assert buf.getvalue().count(b"\n") == 1
    assert record["text"] == 'salam "ilə"\nilə'
    assert record["pages"] == 1
    assert [(c["start"], c["end"], c["after"]) for c in record["changes"]] == [
        (7, 10, "ilə"),
        (12, 15, "ilə"),
    ]


def test_txt_explain_records_go_to_the_given_stream() -> None:
    log = io.StringIO()
    writer = DocumentWriter(io.BytesIO(), "txt", source="a.txt", explain=True, explain_to=log)
    writer.add(1, "ilə", [Change(0, 3, "ilo", "ilə", 0.9, "channel")])
    assert log.getvalue() == "a.txt\t1\t0\t3\t'ilo'\t'ilə'\t0.90\tchannel\n"
