"""The ``az-ocrfix`` command: fix, ocr, eval and normalize (a thin layer over batch and io).

>>> build_parser().parse_args(["fix", "a.txt", "--jobs", "2"]).jobs
2
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from typing import Any

from az_ocrfix import __version__
from az_ocrfix.batch import (
    STDIO,
    Options,
    Outcome,
    Summary,
    UsageError,
    mark_output,
    plan_jobs,
    run,
)
from az_ocrfix.config import FixConfig
from az_ocrfix.io.output import atomic_output

__all__ = ["build_parser", "main"]

PROG = "az-ocrfix"


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of ``az-ocrfix`` and its subcommands."""
    parser = argparse.ArgumentParser(
        prog=PROG, description="Repair OCR-garbled Azerbaijani text and normalize it for search."
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def batch_args(p: argparse.ArgumentParser, ocr_default: str) -> None:
        p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, globs, or -")
        p.add_argument("-o", "--output", metavar="OUTDIR", help="output folder (mirrors inputs)")
        p.add_argument("--format", choices=("txt", "jsonl"), default="txt")
        p.add_argument(
            "--jobs",
            "-j",
            type=int,
            default=None,
            metavar="N",
            help="worker processes (default: number of cores)",
        )
        p.add_argument(
            "--resume", action="store_true", help="skip inputs whose output exists and is newer"
        )
        p.add_argument(
            "--ocr",
            choices=("auto", "always", "never"),
            default=ocr_default,
            help=f"OCR PDF pages: without a text layer, all, none (default {ocr_default})",
        )
        p.add_argument(
            "--ocr-lang",
            default="aze",
            metavar="LANG",
            help="tesseract language: aze (default) or eng",
        )
        p.add_argument("--quiet", "-q", action="store_true", help="no progress bar or summary")
        p.add_argument("--report", metavar="FILE", help="write a JSON report of the run")

    fix = sub.add_parser("fix", help="repair OCR-garbled text (txt, pdf, images)")
    batch_args(fix, "auto")
    fix.add_argument(
        "--min-confidence",
        type=float,
        default=0.0,
        metavar="X",
        help="apply only changes at least this confident (0-1)",
    )
    fix.add_argument(
        "--explain",
        action="store_true",
        help="record every change (jsonl: in the output; txt: on stderr)",
    )
    ocr = sub.add_parser("ocr", help="extract text only (OCR images and PDF pages, no repair)")
    batch_args(ocr, "always")

    ev = sub.add_parser("eval", help="CER/WER of outputs against ground-truth texts")
    ev.add_argument("--truth", required=True, metavar="DIR", help="folder of truth .txt files")
    ev.add_argument("outputs", nargs="+", metavar="OUTPUT", help="output files or folders")
    ev.add_argument("--json", action="store_true", help="print JSON instead of a table")

    norm = sub.add_parser("normalize", help="normalize text for search indexing")
    norm.add_argument("path", nargs="?", default=STDIO, metavar="PATH", help="file or - (stdin)")
    norm.add_argument("-o", "--output", metavar="FILE", help="write here instead of stdout")
    return parser


def _error(message: str) -> None:
    from tqdm import tqdm

    tqdm.write(f"{PROG}: {message}", file=sys.stderr)


def _report_failure(outcome: Outcome, ocr_reported: list[bool]) -> None:
    if outcome.status != "failed":
        return
    if outcome.ocr_unavailable:
        if ocr_reported:
            _error(f"{outcome.source}: OCR unavailable (see above)")
            return
        ocr_reported.append(True)
    _error(f"{outcome.source}: {outcome.reason}")


def _batch(args: argparse.Namespace, repair: bool) -> int:
    explain = bool(getattr(args, "explain", False))
    if args.jobs is not None and args.jobs < 1:
        raise UsageError("--jobs must be at least 1")
    if explain and args.format == "txt" and args.output:
        raise UsageError("--explain with -o needs --format jsonl (txt puts changes on stderr)")
    min_conf = getattr(args, "min_confidence", 0.0)
    if not 0.0 <= min_conf <= 1.0:
        raise UsageError("--min-confidence must be between 0 and 1")
    plan = plan_jobs(args.paths, args.output, args.format, args.resume)
    options = Options(
        fmt=args.format,
        ocr=args.ocr,
        lang=args.ocr_lang,
        explain=explain,
        repair=repair,
        config=FixConfig(min_confidence=min_conf),
    )
    if args.output:
        mark_output(args.output)
    summary = Summary()
    ocr_reported: list[bool] = []
    for outcome in plan.settled:
        summary.add(outcome)
        _report_failure(outcome, ocr_reported)
    show = not args.quiet and sys.stderr.isatty() and args.output is not None
    with _progress(len(plan.jobs), show) as bar:
        for outcome in run(plan.jobs, options, args.jobs, explain_to=sys.stderr):
            summary.add(outcome)
            _report_failure(outcome, ocr_reported)
            bar.update(1)
            t = summary.totals()
            seconds = max(t["seconds"], 1e-3)
            bar.set_postfix_str(
                f"{t['pages'] / seconds:.1f} pages/s, {t['words'] / seconds:,.0f} words/s"
            )
    if args.output and not args.quiet:
        print(f"{PROG}: {summary.line()}", file=sys.stderr)
    if args.report:
        with atomic_output(args.report) as out:
            out.write(json.dumps(summary.report(), ensure_ascii=False, indent=1).encode() + b"\n")
    return 1 if summary.count("failed") else 0


def _progress(total: int, show: bool) -> Any:
    from tqdm import tqdm

    return tqdm(total=total, unit="file", file=sys.stderr, disable=not show, dynamic_ncols=True)


def _read_text(path: str) -> str:
    from az_ocrfix.io.txt import TextStream, open_text

    if path == STDIO:
        return "".join(TextStream(sys.stdin.buffer, name="<stdin>"))
    if path.endswith(".jsonl"):
        with open(path, encoding="utf-8") as handle:
            return "\n\n".join(json.loads(line)["text"] for line in handle if line.strip())
    if os.path.isfile(path) and os.path.getsize(path) == 0:
        return ""  # an empty output is a (bad) hypothesis, not an unreadable file
    with open_text(path) as stream:
        return "".join(stream)


def _eval(args: argparse.Namespace) -> int:
    from az_ocrfix.io import InputError
    from az_ocrfix.metrics import char_errors, word_errors

    truths: dict[str, str] = {}
    for root, _, files in os.walk(args.truth):
        for name in files:
            full = os.path.join(root, name)
            rel = os.path.splitext(os.path.relpath(full, args.truth))[0]
            truths.setdefault(rel, full)
            truths.setdefault(os.path.basename(rel), full)
    outputs: list[tuple[str, str]] = []
    for arg in args.outputs:
        if os.path.isdir(arg):
            for root, _, files in os.walk(arg):
                outputs += [
                    (os.path.join(root, n), os.path.relpath(os.path.join(root, n), arg))
                    for n in sorted(files)
                    if n.endswith((".txt", ".jsonl"))
                ]
        else:
            outputs.append((arg, os.path.basename(arg)))
    rows: list[dict[str, Any]] = []
    totals = [0, 0, 0, 0]
    status = 0
    for path, rel in outputs:
        key = os.path.splitext(rel)[0]
        truth = truths.get(key) or truths.get(os.path.basename(key))
        if truth is None:
            _error(f"{path}: no truth file for it in {args.truth}")
            status = 1
            continue
        try:
            ref, hyp = _read_text(truth), _read_text(path)
        except InputError as exc:
            _error(str(exc))
            status = 1
            continue
        ce, cn = char_errors(ref, hyp)
        we, wn = word_errors(ref, hyp)
        totals = [totals[0] + ce, totals[1] + cn, totals[2] + we, totals[3] + wn]
        rows.append(
            {
                "output": path,
                "truth": truth,
                "cer": ce / max(cn, 1),
                "wer": we / max(wn, 1),
                "chars": cn,
                "words": wn,
            }
        )
    total = {
        "cer": totals[0] / max(totals[1], 1),
        "wer": totals[2] / max(totals[3], 1),
        "chars": totals[1],
        "words": totals[3],
    }
    if args.json:
        print(json.dumps({"files": rows, "total": total}, ensure_ascii=False, indent=1))
    else:
        width = max([len(r["output"]) for r in rows] + [5])
        print(f"{'output':<{width}}  {'CER':>7}  {'WER':>7}  {'words':>7}")
        for r in [*rows, {"output": "total", **total}]:
            print(f"{r['output']:<{width}}  {r['cer']:7.2%}  {r['wer']:7.2%}  {r['words']:7d}")
    return status


def _normalize(args: argparse.Namespace) -> int:
    from az_ocrfix.io import InputError
    from az_ocrfix.normalize import normalize

    try:
        text = normalize(_read_text(args.path))
    except InputError as exc:
        _error(str(exc))
        return 1
    if args.output:
        with atomic_output(args.output) as out:
            out.write(text.encode())
    else:
        sys.stdout.buffer.write(text.encode())
        sys.stdout.buffer.flush()
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``az-ocrfix`` with ``argv``; returns the exit status (0 ok, 1 inputs failed, 2 usage)."""
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        if args.command == "fix":
            return _batch(args, repair=True)
        if args.command == "ocr":
            return _batch(args, repair=False)
        if args.command == "eval":
            return _eval(args)
        return _normalize(args)
    except UsageError as exc:
        parser.print_usage(sys.stderr)
        _error(str(exc))
        return 2
    except KeyboardInterrupt:
        _error("interrupted; finished outputs are kept, no partial file was left")
        return 130
    except BrokenPipeError:
        sys.stderr.close()
        return 1


if __name__ == "__main__":
    sys.exit(main())
