"""The az-ocrfix command line: stdin/stdout, files, formats, exit codes, eval, normalize."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from az_ocrfix.cli import main

GARBLED = "Prezident ilham Oliyevin farmani ilo bagli\n"  # English-model OCR of the name


def run_cli(*args: str, stdin: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "az_ocrfix.cli", *args], input=stdin, capture_output=True
    )


def test_stdin_to_stdout_repairs_the_text() -> None:
    proc = run_cli("fix", "-", stdin=GARBLED.encode("utf-16"))
    assert proc.returncode == 0, proc.stderr
    out = proc.stdout.decode("utf-8")
    assert "Əliyevin" in out
    assert "ilə" in out
    assert proc.stderr == b""  # no summary or progress bar in a pipe


def test_single_file_without_o_writes_stdout(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_text(GARBLED)
    proc = run_cli("fix", str(src))
    assert proc.returncode == 0
    assert "Əliyevin" in proc.stdout.decode()
    assert src.read_text() == GARBLED
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_jsonl_carries_metadata_and_explain_records() -> None:
    proc = run_cli("fix", "-", "--format", "jsonl", "--explain", stdin=GARBLED.encode())
    assert proc.returncode == 0, proc.stderr
    (line,) = proc.stdout.decode().splitlines()
    record = json.loads(line)
    assert record["source"] == "-"
    assert record["encoding"] == "utf-8"
    assert record["engine"] == "text"
    assert record["pages"] == 1
    assert record["corrections"] == len(record["changes"]) > 0
    assert 0.0 < record["mean_confidence"] <= 1.0
    for change in record["changes"]:
        assert GARBLED[change["start"] : change["end"]] == change["before"]
        assert change["after"] in record["text"]


def test_txt_explain_goes_to_stderr() -> None:
    proc = run_cli("fix", "-", "--explain", stdin=GARBLED.encode())
    assert proc.returncode == 0
    lines = proc.stderr.decode().splitlines()
    assert any("'Oliyevin'\t'Əliyevin'" in line for line in lines)


def test_min_confidence_holds_back_less_confident_changes() -> None:
    free = run_cli("fix", "-", "--format", "jsonl", stdin=GARBLED.encode())
    strict = run_cli(
        "fix", "-", "--format", "jsonl", "--min-confidence", "1", stdin=GARBLED.encode()
    )
    assert json.loads(strict.stdout)["corrections"] < json.loads(free.stdout)["corrections"]


def test_output_folder_summary_and_report(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    (src / "a.txt").write_text(GARBLED)
    (src / "sub" / "b.txt").write_bytes(GARBLED.encode("utf-16"))
    (src / "sub" / "c.txt").write_bytes(b"")
    out = tmp_path / "out"
    report = tmp_path / "report.json"
    proc = run_cli("fix", str(src), "-o", str(out), "--jobs", "2", "--report", str(report))
    assert proc.returncode == 1
    err = proc.stderr.decode()
    assert f"az-ocrfix: {src / 'sub' / 'c.txt'}: empty file (0 bytes)" in err
    assert "3 files: 2 ok, 1 failed, 0 skipped" in err
    assert "Əliyevin" in (out / "sub" / "b.txt").read_text(encoding="utf-8")
    data = json.loads(report.read_text())
    assert data["totals"]["ok"] == 2
    files = {Path(f["source"]).name: f for f in data["files"]}
    assert {name: f["status"] for name, f in files.items()} == {
        "a.txt": "ok",
        "b.txt": "ok",
        "c.txt": "failed",
    }
    assert files["b.txt"]["encoding"] == "utf-16"
    assert files["a.txt"]["corrections"] >= 4
    quiet = run_cli("fix", str(src), "-o", str(out), "--resume", "--quiet")
    assert quiet.returncode == 1
    assert b"files:" not in quiet.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["fix", "a.txt", "b.txt"], "give -o OUTDIR"),
        (["fix", "-", "x.txt"], "standard input"),
        (["fix", "--jobs", "0", "-"], "--jobs must be at least 1"),
        (["fix", "--min-confidence", "2", "-"], "between 0 and 1"),
    ],
)
def test_usage_errors_exit_2(
    args: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    assert message in capsys.readouterr().err


def test_bad_option_exits_2() -> None:
    proc = run_cli("fix", "--format", "docx", "-")
    assert proc.returncode == 2
    assert b"invalid choice" in proc.stderr


def test_missing_input_exits_1(tmp_path: Path) -> None:
    proc = run_cli("fix", str(tmp_path / "nope.txt"))
    assert proc.returncode == 1
    assert (
        proc.stderr.decode().strip()
        == f"az-ocrfix: {tmp_path / 'nope.txt'}: no such file or folder"
    )


def test_ocr_command_extracts_without_repair(tmp_path: Path) -> None:
    src = tmp_path / "a.txt"
    src.write_bytes(GARBLED.encode("utf-16"))
    proc = run_cli("ocr", str(src))
    assert proc.returncode == 0
    assert proc.stdout.decode() == GARBLED


def test_normalize_command(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    moji = "Azərbaycan".encode().decode("cp1252")
    proc = run_cli("normalize", "-", stdin=f"{moji} azәrbaycan\n".encode())
    assert proc.returncode == 0
    assert proc.stdout.decode() == "Azərbaycan azərbaycan\n"  # mojibake, Cyrillic ә
    src = tmp_path / "n.txt"
    src.write_text("azәrbaycan")
    assert main(["normalize", str(src), "-o", str(tmp_path / "o.txt")]) == 0
    assert (tmp_path / "o.txt").read_text() == "azərbaycan"


def test_eval_reports_cer_and_wer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    truth = tmp_path / "truth"
    outs = tmp_path / "outs"
    truth.mkdir()
    (outs / "sub").mkdir(parents=True)
    (truth / "a.txt").write_text("Milli Məclis iclası keçirildi")
    (truth / "b.txt").write_text("bir iki")
    (outs / "sub" / "a.txt").write_text("Milli  Moaclis\niclası keçirildi")
    (outs / "b.jsonl").write_text(json.dumps({"text": "bir iki"}) + "\n")
    assert main(["eval", "--truth", str(truth), str(outs), "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    rows = {Path(r["output"]).name: r for r in result["files"]}
    assert rows["a.txt"]["wer"] == 0.25
    assert rows["a.txt"]["cer"] == pytest.approx(2 / 29)
    assert rows["b.jsonl"]["cer"] == 0.0
    assert result["total"]["words"] == 6
    (outs / "orphan.txt").write_text("x")
    assert main(["eval", "--truth", str(truth), str(outs)]) == 1
    assert "no truth file" in capsys.readouterr().err


def test_stdin_stream_is_not_closed_for_in_process_use(monkeypatch: pytest.MonkeyPatch) -> None:
    stdin = io.TextIOWrapper(io.BytesIO(GARBLED.encode()))
    stdout = io.TextIOWrapper(io.BytesIO())
    monkeypatch.setattr(sys, "stdin", stdin)
    monkeypatch.setattr(sys, "stdout", stdout)
    assert main(["ocr", "-"]) == 0
    assert not stdin.closed
    assert stdout.buffer.getvalue().decode() == GARBLED  # type: ignore[attr-defined]


def test_missing_tesseract_is_reported_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import pytesseract
    from PIL import Image

    from az_ocrfix.io.image import check_ocr

    (tmp_path / "in").mkdir()
    for name in ("a.png", "b.png", "c.png"):
        Image.new("L", (40, 20), 255).save(tmp_path / "in" / name)
    monkeypatch.setattr(pytesseract.pytesseract, "tesseract_cmd", "/nonexistent/tesseract")
    check_ocr.cache_clear()
    try:
        args = ["ocr", str(tmp_path / "in"), "-o", str(tmp_path / "out"), "--jobs", "1", "-q"]
        assert main(args) == 1
    finally:
        check_ocr.cache_clear()
    err = capsys.readouterr().err
    assert err.count("apt install tesseract-ocr (macOS: brew install tesseract)") == 1
    assert err.count("OCR unavailable (see above)") == 2
