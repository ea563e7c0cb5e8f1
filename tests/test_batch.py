"""Batch planning and running: mirrored output tree, resume, safety rules, errors, Ctrl-C."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from az_ocrfix.batch import (
    MARKER,
    Job,
    Options,
    PlainResult,
    UsageError,
    mark_output,
    plan_jobs,
    process,
    run,
)
from az_ocrfix.config import FixConfig

TEXT = "Prezident ilham Oliyevin fərmanı ilo bağlı\n"


class Upper:
    """A stand-in fixer (uppercases) so that batch tests do not depend on the engine's output."""

    def fix_document(self, text: str) -> PlainResult:
        return PlainResult(text.upper(), [], len(text.split()), 0.5)


def upper_factory(config: FixConfig) -> Upper:
    return Upper()


def tree(root: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        path = root / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return root


def rel_outputs(jobs: list[Job], out: Path) -> list[str]:
    return sorted(os.path.relpath(str(job.output), out) for job in jobs)


def test_output_tree_mirrors_input_tree(tmp_path: Path) -> None:
    src = tree(
        tmp_path / "archive",
        {
            "a.txt": b"x",
            "1998/p1.pdf": b"x",
            "1998/scans/p2.png": b"x",
            "1998/scans/p3.TIF": b"x",
            ".git/config.txt": b"x",
            "notes.md": b"x",
        },
    )
    out = tmp_path / "fixed"
    plan = plan_jobs([str(src)], str(out), "txt")
    assert plan.settled == []
    assert rel_outputs(plan.jobs, out) == [
        "1998/p1.txt",
        "1998/scans/p2.txt",
        "1998/scans/p3.txt",
        "a.txt",
    ]
    jsonl = plan_jobs([str(src)], str(out), "jsonl")
    assert rel_outputs(jsonl.jobs, out)[0] == "1998/p1.jsonl"


def test_same_stem_inputs_keep_their_whole_name(tmp_path: Path) -> None:
    src = tree(tmp_path / "in", {"x.pdf": b"x", "x.txt": b"x", "y.txt": b"x"})
    plan = plan_jobs([str(src)], str(tmp_path / "out"), "txt")
    assert rel_outputs(plan.jobs, tmp_path / "out") == ["x.pdf.txt", "x.txt.txt", "y.txt"]


def test_several_folders_and_globs_mirror_under_their_common_parent(tmp_path: Path) -> None:
    tree(tmp_path / "in", {"a/1.txt": b"x", "b/2.txt": b"x", "b/deep/3.txt": b"x"})
    out = tmp_path / "out"
    plan = plan_jobs([str(tmp_path / "in/a"), str(tmp_path / "in/b")], str(out))
    assert rel_outputs(plan.jobs, out) == ["a/1.txt", "b/2.txt", "b/deep/3.txt"]
    plan = plan_jobs([str(tmp_path / "in/**/*.txt")], str(out))
    assert rel_outputs(plan.jobs, out) == ["a/1.txt", "b/2.txt", "b/deep/3.txt"]
    plan = plan_jobs([str(tmp_path / "in/*/nothing-*.txt")], str(out))
    assert [(o.status, o.reason) for o in plan.settled] == [
        ("failed", "no file matches this pattern")
    ]


def test_resume_skips_only_outputs_newer_than_their_input(tmp_path: Path) -> None:
    src = tree(tmp_path / "in", {"old.txt": b"x", "new.txt": b"x", "todo.txt": b"x"})
    out = tree(tmp_path / "out", {"old.txt": b"done", "new.txt": b"done"})
    now = time.time()
    os.utime(out / "old.txt", (now - 100, now - 100))  # output older than its input: redo
    os.utime(src / "new.txt", (now - 100, now - 100))
    mark_output(str(out))
    plan = plan_jobs([str(src)], str(out), resume=True)
    assert rel_outputs(plan.jobs, out) == ["old.txt", "todo.txt"]
    assert [(Path(o.source).name, o.status) for o in plan.settled] == [("new.txt", "skipped")]
    assert len(plan_jobs([str(src)], str(out), resume=False).jobs) == 3


def test_output_folder_inside_input_tree_must_be_fresh(tmp_path: Path) -> None:
    src = tree(tmp_path / "in", {"a.txt": b"x", "used/keep.txt": b"x"})
    with pytest.raises(UsageError, match="inside the input folder"):
        plan_jobs([str(src)], str(src / "used"))
    with pytest.raises(UsageError, match="inside the input folder"):
        plan_jobs([str(src)], str(src))
    with pytest.raises(UsageError, match="inside the input folder"):
        plan_jobs([str(src / "used")], str(src))  # output folder containing the inputs
    fresh = src / "fixed"
    plan = plan_jobs([str(src)], str(fresh))
    assert rel_outputs(plan.jobs, fresh) == ["a.txt", "used/keep.txt"]
    mark_output(str(fresh))
    tree(fresh, {"a.txt": b"A"})
    again = plan_jobs([str(src)], str(fresh), resume=True)  # ours now: allowed, not scanned
    assert sorted(Path(j.source).name for j in again.jobs) == ["keep.txt"]
    assert all(Path(o.source).parent == src for o in again.settled)


def test_an_input_is_never_an_output(tmp_path: Path) -> None:
    src = tree(tmp_path / "in", {"a.txt": b"x"})
    plan = plan_jobs([str(src / "a.txt")], str(src))
    assert plan.jobs == []
    assert [o.reason for o in plan.settled] == ["output would overwrite an input"]


def test_usage_errors(tmp_path: Path) -> None:
    src = tree(tmp_path / "in", {"a.txt": b"x", "b.txt": b"x"})
    with pytest.raises(UsageError, match="give -o"):
        plan_jobs([str(src / "a.txt"), str(src / "b.txt")], None)
    with pytest.raises(UsageError, match="give -o"):
        plan_jobs([str(src)], None)
    with pytest.raises(UsageError, match="standard input"):
        plan_jobs(["-", str(src)], str(tmp_path / "out"))
    with pytest.raises(UsageError, match="not a folder"):
        plan_jobs([str(src)], str(src / "a.txt"))
    assert plan_jobs(["-"], None).jobs == [Job("-", None)]


def test_bad_inputs_fail_one_by_one_and_the_batch_goes_on(tmp_path: Path) -> None:
    src = tree(
        tmp_path / "in",
        {
            "good.txt": TEXT.encode(),
            "good2.txt": TEXT.encode("utf-16"),
            "empty.txt": b"",
            "binary.txt": bytes(range(256)) * 8,
            "bad.pdf": b"%PDF-1.4 truncated",
            "fake.png": b"this is not an image",
        },
    )
    os.mkfifo(src / "fifo.txt")
    (src / "dangling.txt").symlink_to(src / "gone.txt")
    out = tmp_path / "out"
    plan = plan_jobs([str(src)], str(out))
    outcomes = {
        Path(o.source).name: o
        for o in run(plan.jobs, Options(ocr="never"), n_jobs=2, factory=upper_factory)
    }
    assert {name for name, o in outcomes.items() if o.status == "ok"} == {"good.txt", "good2.txt"}
    reasons = {name: o.reason for name, o in outcomes.items() if o.status == "failed"}
    assert reasons == {
        "empty.txt": "empty file (0 bytes)",
        "binary.txt": "binary data, not text (NUL or control bytes)",
        "bad.pdf": "not a PDF, or a damaged/truncated one",
        "fake.png": "not an image (or an image format Pillow cannot read)",
        "fifo.txt": "not a regular file (FIFO, socket or device)",
        "dangling.txt": "no such file (or a broken symbolic link)",
    }
    assert sorted(p.name for p in out.iterdir()) == ["good.txt", "good2.txt"]
    assert (out / "good2.txt").read_text(encoding="utf-8") == TEXT.upper()
    assert outcomes["good2.txt"].encoding == "utf-16"
    assert outcomes["good.txt"].words == len(TEXT.split())


def test_process_keeps_word_boundaries_between_chunks(tmp_path: Path) -> None:
    class Strip:
        def fix_document(self, text: str) -> PlainResult:
            return PlainResult(text.strip(), [], 1, 1.0)

    import az_ocrfix.batch as batch

    src = tmp_path / "in.txt"
    src.write_text("söz " * 400_000)  # several chunks, each ends with a space
    batch._init_worker(Options(), lambda config: Strip(), in_pool=False)
    outcome = process(Job(str(src), str(tmp_path / "out.txt")))
    assert outcome.status == "ok"
    assert (tmp_path / "out.txt").read_text().split() == ["söz"] * 400_000


HUGE_SCRIPT = textwrap.dedent(
    """
    import sys
    from az_ocrfix.cli import main
    status = main(["ocr", sys.argv[1], "-o", sys.argv[2], "--quiet", "--jobs", "1"])
    # VmHWM, not ru_maxrss: the latter survives exec and would count the forking parent.
    hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0]
    print(status, hwm.split()[1])
    """
)


def test_200mb_single_line_text_goes_through_in_bounded_memory(tmp_path: Path) -> None:
    """The whole pipeline (read, decode, write) on a 200 MB one-line text, in a subprocess."""
    src = tmp_path / "huge.txt"
    block = ("Azərbaycan Respublikasının vətəndaş cəmiyyəti " * 20_000).encode()
    with open(src, "wb") as handle:
        while handle.tell() < 200 * 1024 * 1024:
            handle.write(block)
    size = src.stat().st_size
    out = tmp_path / "out"
    proc = subprocess.run(
        [sys.executable, "-c", HUGE_SCRIPT, str(src), str(out)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stderr
    status, peak_kib = map(int, proc.stdout.split())
    assert status == 0
    assert (out / "huge.txt").stat().st_size == size  # passthrough: same bytes, streamed
    # The interpreter and imports take ~35 MiB; reading whole would take >600 MiB (str + bytes).
    assert peak_kib * 1024 < size / 2, f"peak RSS {peak_kib // 1024} MiB for {size >> 20} MiB"


INTERRUPT_SCRIPT = textwrap.dedent(
    """
    import sys, time
    from az_ocrfix import batch, cli

    class Slow:
        def fix_document(self, text):
            time.sleep(0.4)
            return batch.PlainResult(text.upper(), [], 1, 1.0)

    batch.make_corrector = lambda config: Slow()
    sys.exit(cli.main(["fix", sys.argv[1], "-o", sys.argv[2], "--jobs", "2", "--quiet"]))
    """
)


def test_ctrl_c_leaves_no_partial_output(tmp_path: Path) -> None:
    src = tree(tmp_path / "in", {f"doc{i:02}.txt": f"mətn {i}\n".encode() for i in range(40)})
    out = tmp_path / "out"
    proc = subprocess.Popen(
        [sys.executable, "-c", INTERRUPT_SCRIPT, str(src), str(out)],
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    deadline = time.monotonic() + 120
    while not list(out.glob("*.part")) and not list(out.glob(".*.part")):
        assert proc.poll() is None and time.monotonic() < deadline, "no work started"
        time.sleep(0.02)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group
    _, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "interrupted" in err
    leftovers = [p.name for p in out.iterdir() if p.name not in (MARKER,)]
    assert not [name for name in leftovers if name.endswith(".part")]
    assert len(leftovers) < 40
    for name in leftovers:
        i = int(name[3:5])
        assert (out / name).read_text() == f"MƏTN {i}\n"
