"""Integration: the CLI over a realistic archive of scans, text dumps and bad files (issue 5).

Built in a temp dir: a cp1254 text dump (ə typed as ä), a PDF whose text layer is English-model
OCR garble (``tesseract -l eng ... pdf``), an image-only PDF, a PNG scan, and every bad input of
the issue.  ``az-ocrfix fix ARCHIVE -o OUT --jobs 2`` runs as a subprocess.

WER bounds come from what the engine achieved on these renders when this test was written
(DejaVu Serif, 200 dpi, tesseract 5.3): eng text layer 0.682 raw -> 0.065 repaired; aze OCR of
the image-only PDF 0.029 raw -> 0.041 repaired, of the PNG 0.012 -> 0.012; the cp1254 dump 0.
The bounds leave about twice that as headroom for engine changes.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from io_builders import (
    encrypted_pdf,
    image_only_pdf,
    render_page,
    seed_text,
    tesseract_pdf,
    text_pdf,
    unreadable_file,
)

from az_ocrfix.metrics import wer

BOUNDS = {"legacy_cp1254": 0.01, "eng_layer": 0.12, "image_only": 0.08, "page_scan": 0.06}


def digest(root: Path) -> dict[str, str]:
    """Hash of every regular file under ``root`` (FIFOs and dangling links are listed as such)."""
    out: dict[str, str] = {}
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root))
        if path.is_symlink() and not path.exists():
            out[rel] = "dangling"
        elif path.is_fifo() or path.is_dir():
            out[rel] = "fifo" if path.is_fifo() else "dir"
        else:
            out[rel] = hashlib.sha256(path.read_bytes()).hexdigest()
    return out


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, str]]:
    root = tmp_path_factory.mktemp("archive")
    work = tmp_path_factory.mktemp("work")
    truths = {
        "legacy_cp1254": seed_text("003", 200),
        "eng_layer": seed_text("000", 170),
        "image_only": seed_text("004", 170),
        "page_scan": seed_text("001", 170),
    }
    (root / "dumps").mkdir()
    (root / "pdf" / "1998").mkdir(parents=True)
    (root / "scans").mkdir()
    legacy = truths["legacy_cp1254"].replace("ə", "ä").replace("Ə", "Ä")
    (root / "dumps" / "legacy_cp1254.txt").write_bytes(legacy.encode("cp1254"))
    png = render_page(truths["eng_layer"], work / "eng.png")
    tesseract_pdf(png, root / "pdf" / "1998" / "eng_layer", lang="eng")
    image_only_pdf(
        render_page(truths["image_only"], work / "io.png"), root / "pdf" / "image_only.pdf"
    )
    render_page(truths["page_scan"], root / "scans" / "page_scan.png")
    # the bad inputs of the issue
    (root / "dumps" / "empty.txt").write_bytes(b"")
    (root / "dumps" / "binary.txt").write_bytes(bytes(range(256)) * 64)
    (root / "dumps" / "invalid_utf8.txt").write_bytes(
        "Milli Məclisin iclası keçirildi.\n".encode() + b"Bak\xfd \xfe\xe4h\xe4ri\n"
    )
    good_pdf = text_pdf(work / "good.pdf", [["Milli Məclisin iclası"] * 20])
    (root / "pdf" / "truncated.pdf").write_bytes(good_pdf.read_bytes()[:900])
    encrypted_pdf(root / "pdf" / "encrypted.pdf")
    (root / "scans" / "not_an_image.png").write_bytes(b"GIF89a? no, just text pretending\n")
    unreadable_file(root / "dumps", "unreadable.txt")
    (root / "dumps" / "dangling.txt").symlink_to(root / "dumps" / "gone.txt")
    return root, truths


def test_batch_over_a_realistic_archive(
    archive: tuple[Path, dict[str, str]], tmp_path: Path
) -> None:
    root, truths = archive
    before = digest(root)
    out = tmp_path / "fixed"
    report = tmp_path / "report.json"
    cmd = [sys.executable, "-m", "az_ocrfix.cli", "fix", str(root), "-o", str(out)]
    proc = subprocess.run(
        [*cmd, "--jobs", "2", "--report", str(report)], capture_output=True, text=True
    )
    assert proc.returncode == 1, proc.stderr  # some inputs failed, the others were done
    assert digest(root) == before  # inputs byte-identical, nothing added to the input tree

    failed = {
        "dumps/empty.txt": "empty file",
        "dumps/binary.txt": "binary data",
        "dumps/unreadable.txt": "not a regular file" if os.geteuid() == 0 else "permission",
        "dumps/dangling.txt": "broken symbolic link",
        "pdf/truncated.pdf": "truncated",
        "pdf/encrypted.pdf": "encrypted PDF",
        "scans/not_an_image.png": "not an image",
    }
    errors = [line for line in proc.stderr.splitlines() if line.startswith("az-ocrfix: /")]
    assert len(errors) == len(failed)
    for rel, reason in failed.items():
        assert any(
            line.startswith(f"az-ocrfix: {root / rel}: ") and reason in line for line in errors
        )

    data = json.loads(report.read_text())
    assert data["totals"]["ok"] == 5
    assert data["totals"]["failed"] == len(failed)
    assert data["totals"]["pages"] == 5
    by_source = {Path(f["source"]).relative_to(root).as_posix(): f for f in data["files"]}
    assert {k for k, f in by_source.items() if f["status"] == "failed"} == set(failed)
    assert by_source["dumps/legacy_cp1254.txt"]["encoding"] == "cp1254"
    assert by_source["pdf/1998/eng_layer.pdf"]["engine"] == "pdf-text-layer"
    assert by_source["pdf/image_only.pdf"]["engine"].startswith("tesseract")
    assert by_source["pdf/1998/eng_layer.pdf"]["corrections"] > 50

    outputs = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert outputs == [
        ".az-ocrfix-output",
        "dumps/invalid_utf8.txt",
        "dumps/legacy_cp1254.txt",
        "pdf/1998/eng_layer.txt",
        "pdf/image_only.txt",
        "scans/page_scan.txt",
    ]
    for name, truth in truths.items():
        (output,) = out.rglob(f"{name}.txt")
        got = wer(truth, output.read_text(encoding="utf-8"))
        assert got <= BOUNDS[name], f"{name}: WER {got:.3f}"
    assert "Bakı" in (out / "dumps" / "invalid_utf8.txt").read_text(encoding="utf-8")

    again = subprocess.run(
        [*cmd, "--resume", "--quiet", "--report", str(report)], capture_output=True, text=True
    )
    assert again.returncode == 1
    assert json.loads(report.read_text())["totals"]["skipped"] == 5
    assert digest(root) == before
