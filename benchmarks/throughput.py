"""Throughput of the repair engine on the synthetic bulk corpus (see benchmarks/bulk_corpus.py).

Every measurement runs in a fresh subprocess (so "cold" means an empty memo and nothing loaded):

* load:      import + ``Lexicon.default()``, then ``Corrector()`` construction
* single:    one core, ``fix_many(n_jobs=1)`` over a slice: cold (fresh process), steady (the next
             slice, memo warmed by the first), warm (the first slice again); tokens/s and MB/s at
             growing corpus prefixes (the size sweep), peak RSS, and a tokenize-only pass over
             the same text in the same run (the floor)
* workers:   ``fix_many`` with n_jobs = 1 and 2 on the same slice (speed-up)
* symspell:  symspellpy on the same lexicon (forms and counts of ``lexicons/words.tsv.gz``),
             per-token ``lookup(max_edit_distance=2)`` over the word tokens, uncached and memoized

Results: a table on stdout, ``data/bulk/throughput.json``, ``docs/throughput.png`` and the section
between ``<!-- throughput:begin -->`` and ``<!-- throughput:end -->`` in ``docs/benchmarks.md``.

* profile:   cProfile over a small slice (own and cumulative time per function)

Usage: ``python benchmarks/throughput.py [--single-mb 0.25] [--workers-mb 0.25]
[--symspell-mb 0.05] [--profile-mb 0.03]``; ``--from-json data/bulk/throughput.json`` re-renders
the docs from a saved run.  The defaults take about 8 minutes on 2 busy cores.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from docs_section import replace_section

ROOT = Path(__file__).resolve().parent.parent
BULK = ROOT / "data" / "bulk"
DOCS = ROOT / "docs"
SWEEP_MB = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0)

sys.path.insert(0, str(Path(__file__).resolve().parent))


# -- helpers run inside the child processes ---------------------------------------------------
def _slice(start_mb: float, mb: float) -> list[str]:
    """Articles of bulk.jsonl from byte offset ``start_mb`` covering about ``mb`` MB of text."""
    out: list[str] = []
    pos = size = 0
    lo, hi = int(start_mb * 1e6), int(mb * 1e6)
    with open(BULK / "bulk.jsonl", encoding="utf-8") as f:
        for line in f:
            text: str = json.loads(line)["text"]
            n = len(text.encode("utf-8"))
            if pos >= lo:
                out.append(text)
                size += n
                if size >= hi:
                    break
            pos += n
    return out


def _count_tokens(docs: list[str]) -> tuple[int, float]:
    """(tokens, seconds) of a tokenize-only pass with the tokenizer the engine uses."""
    tok = _tokenizer()
    t0 = time.perf_counter()
    n = sum(len(list(tok.tokens(d))) for d in docs)
    return n, time.perf_counter() - t0


def _tokenizer() -> Any:
    from az_ocrfix.channel import shipped_channel
    from az_ocrfix.tokenize import Tokenizer

    return Tokenizer(shipped_channel("eng").glyphs | shipped_channel("aze").glyphs)


def _peak_rss_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # KiB on Linux


def _cpu_with_children() -> float:
    me, kids = (
        resource.getrusage(resource.RUSAGE_SELF),
        resource.getrusage(resource.RUSAGE_CHILDREN),
    )
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def child_load() -> dict[str, Any]:
    t0, c0 = time.perf_counter(), time.process_time()
    from az_ocrfix.lexicon import Lexicon

    Lexicon.default()
    t1, c1 = time.perf_counter(), time.process_time()
    from az_ocrfix.corrector import Corrector

    corrector = Corrector()
    t2, c2 = time.perf_counter(), time.process_time()
    corrector.fix_document("Prezident ilham Oliyevin")
    t3, c3 = time.perf_counter(), time.process_time()
    return {
        "lexicon_s": t1 - t0,
        "lexicon_cpu": c1 - c0,
        "corrector_s": t2 - t1,
        "corrector_cpu": c2 - c1,
        "first_fix_s": t3 - t2,
        "first_fix_cpu": c3 - c2,
        "rss_mb": _peak_rss_mb(),
    }


def _timed_pass(
    corrector: Any, docs: list[str], marks: list[int]
) -> tuple[float, float, list[tuple[float, float]]]:
    """Fix ``docs`` one by one: wall and CPU seconds, and both at each byte mark."""
    at: list[tuple[float, float]] = []
    size = 0
    todo = list(marks)
    t0, c0 = time.perf_counter(), time.process_time()
    for d in docs:
        corrector.fix_document(d)
        size += len(d.encode("utf-8"))
        while todo and size >= todo[0]:
            at.append((time.perf_counter() - t0, time.process_time() - c0))
            todo.pop(0)
    return time.perf_counter() - t0, time.process_time() - c0, at


def _mb(docs: list[str]) -> float:
    return sum(len(d.encode("utf-8")) for d in docs) / 1e6


def child_single(mb: float) -> dict[str, Any]:
    """Cold (first ``mb``), steady (next ``mb``, memo warmed), warm (first ``mb`` again)."""
    from az_ocrfix.corrector import Corrector

    corrector = Corrector()
    cold_docs = _slice(0.0, mb)
    steady_docs = _slice(_mb(cold_docs), mb)
    both = cold_docs + steady_docs
    cum: list[int] = []
    size = 0
    for d in both:
        size += len(d.encode("utf-8"))
        cum.append(size)
    cold_mark = cum[len(cold_docs) - 1]
    marks = sorted({int(x * 1e6) for x in SWEEP_MB if x * 1e6 < size} | {cold_mark})
    load = os.getloadavg()[0]
    wall, cpu, at = _timed_pass(corrector, both, marks)
    warm_s, warm_cpu, _ = _timed_pass(corrector, cold_docs, [])
    sweep = []
    for mark, (t, c) in zip(marks, at, strict=True):
        k = next(i for i, b in enumerate(cum) if b >= mark) + 1
        n, _ = _count_tokens(both[:k])
        sweep.append({"mb": cum[k - 1] / 1e6, "tokens": n, "seconds": t, "cpu": c})
    sweep.append({"mb": size / 1e6, "tokens": _count_tokens(both)[0], "seconds": wall, "cpu": cpu})
    cold = sweep[marks.index(cold_mark)]
    c0 = time.process_time()
    tokens, tok_s = _count_tokens(cold_docs)
    tok_cpu = time.process_time() - c0
    return {
        "mb": _mb(cold_docs),
        "docs": len(cold_docs),
        "tokens": tokens,
        "cold_s": cold["seconds"],
        "cold_cpu": cold["cpu"],
        "steady_mb": _mb(steady_docs),
        "steady_tokens": sweep[-1]["tokens"] - cold["tokens"],
        "steady_s": wall - cold["seconds"],
        "steady_cpu": cpu - cold["cpu"],
        "warm_s": warm_s,
        "warm_cpu": warm_cpu,
        "tokenize_s": tok_s,
        "tokenize_cpu": tok_cpu,
        "memo_entries": len(corrector._memo),
        "sweep": sweep,
        "rss_mb": _peak_rss_mb(),
        "loadavg": [load, os.getloadavg()[0]],
    }


def child_workers(mb: float, n_jobs: int, batch_size: int) -> dict[str, Any]:
    from az_ocrfix.parallel import corrector_for, fix_many

    docs = _slice(0.0, mb)
    corrector_for(None)  # loaded before the pool forks: load time is not part of the figure
    load = os.getloadavg()[0]
    t0, c0 = time.perf_counter(), _cpu_with_children()
    n_out = sum(1 for _ in fix_many(docs, n_jobs=n_jobs, batch_size=batch_size))
    seconds, cpu = time.perf_counter() - t0, _cpu_with_children() - c0
    assert n_out == len(docs)
    tokens, _ = _count_tokens(docs)
    return {
        "n_jobs": n_jobs,
        "mb": sum(len(d.encode("utf-8")) for d in docs) / 1e6,
        "tokens": tokens,
        "seconds": seconds,
        "cpu": cpu,
        "rss_mb": max(_peak_rss_mb(), _peak_rss_mb(resource.RUSAGE_CHILDREN)),
        "loadavg": [load, os.getloadavg()[0]],
    }


def child_symspell(mb: float) -> dict[str, Any]:
    import gzip

    from symspellpy import SymSpell, Verbosity

    from az_ocrfix.channel import observed_lower
    from az_ocrfix.resources import data_file

    t0, c0 = time.perf_counter(), time.process_time()
    sym = SymSpell(max_dictionary_edit_distance=2, prefix_length=7)
    with gzip.open(data_file("words.tsv.gz").open("rb"), "rt", encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) >= 2 and parts[1].isdigit():
                sym.create_dictionary_entry(parts[0], int(parts[1]))
    load_s, load_cpu = time.perf_counter() - t0, time.process_time() - c0
    docs = _slice(0.0, mb)
    tok = _tokenizer()
    words = [observed_lower(t.text) for d in docs for t in tok.tokens(d)]
    t0, c0 = time.perf_counter(), time.process_time()
    for w in words:
        sym.lookup(w, Verbosity.TOP, max_edit_distance=2)
    uncached_s, uncached_cpu = time.perf_counter() - t0, time.process_time() - c0
    memo: dict[str, Any] = {}
    t0 = time.perf_counter()
    for w in words:
        if w not in memo:
            memo[w] = sym.lookup(w, Verbosity.TOP, max_edit_distance=2)
    memo_s = time.perf_counter() - t0
    return {
        "load_s": load_s,
        "load_cpu": load_cpu,
        "entries": len(sym.words),
        "mb": sum(len(d.encode("utf-8")) for d in docs) / 1e6,
        "tokens": len(words),
        "distinct": len(memo),
        "uncached_s": uncached_s,
        "uncached_cpu": uncached_cpu,
        "memo_s": memo_s,
        "rss_mb": _peak_rss_mb(),
    }


CHILDREN = {
    "load": lambda a: child_load(),
    "single": lambda a: child_single(a.single_mb),
    "workers": lambda a: child_workers(a.workers_mb, a.n_jobs, a.batch_size),
    "symspell": lambda a: child_symspell(a.symspell_mb),
    "profile": lambda a: child_profile(a.profile_mb),
}


# -- the driver ---------------------------------------------------------------------------------
def run_child(mode: str, args: argparse.Namespace, **extra: Any) -> dict[str, Any]:
    cmd = [sys.executable, __file__, "--child", mode]
    for key in ("single_mb", "workers_mb", "symspell_mb", "profile_mb", "batch_size"):
        cmd += [f"--{key.replace('_', '-')}", str(getattr(args, key))]
    for key, value in extra.items():
        cmd += [f"--{key.replace('_', '-')}", str(value)]
    for attempt in (1, 2):  # one retry: data files may be rebuilt by a concurrent job
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT)
        if proc.returncode == 0:
            result: dict[str, Any] = json.loads(proc.stdout.strip().splitlines()[-1])
            return result
        print(f"child {mode} failed (attempt {attempt}):\n{proc.stderr[-2000:]}", file=sys.stderr)
    raise SystemExit(f"child {mode} failed twice")


def _rate(n: float, seconds: float) -> float:
    return n / seconds if seconds > 0 else float("nan")


def summarize(r: dict[str, Any]) -> dict[str, float]:
    """Rates per wall second and per CPU second (the per-core figure on a busy machine)."""
    s, w1, w2, sy = r["single"], r["workers"][0], r["workers"][1], r["symspell"]
    out: dict[str, float] = {}
    for name, tokens, mb, key in (
        ("cold", s["tokens"], s["mb"], "cold"),
        ("steady", s["steady_tokens"], s["steady_mb"], "steady"),
        ("warm", s["tokens"], s["mb"], "warm"),
        ("tokenize", s["tokens"], s["mb"], "tokenize"),
    ):
        out[f"{name}_tok_s"] = _rate(tokens, s[f"{key}_s"])
        out[f"{name}_tok_cpu"] = _rate(tokens, s[f"{key}_cpu"])
        out[f"{name}_mb_s"] = _rate(mb, s[f"{key}_s"])
        out[f"{name}_mb_cpu"] = _rate(mb, s[f"{key}_cpu"])
    out["floor_ratio"] = s["cold_cpu"] / s["tokenize_cpu"]
    out["warm_floor_ratio"] = s["warm_cpu"] / s["tokenize_cpu"]
    for i, w in enumerate((w1, w2), 1):
        out[f"w{i}_tok_s"] = _rate(w["tokens"], w["seconds"])
        out[f"w{i}_tok_cpu"] = _rate(w["tokens"], w["cpu"])
    out["speedup"] = w1["seconds"] / w2["seconds"]
    # CPU seconds of all processes with 1 worker over those with 2: below 1 when two workers do
    # extra work (a memo per worker, pickling); the wall-clock speed-up on two idle cores can
    # not exceed 2x this
    out["cpu_efficiency"] = w1["cpu"] / w2["cpu"]
    out["sym_tok_s"] = _rate(sy["tokens"], sy["uncached_s"])
    out["sym_tok_cpu"] = _rate(sy["tokens"], sy["uncached_cpu"])
    out["sym_memo_tok_s"] = _rate(sy["tokens"], sy["memo_s"])
    return out


def table(r: dict[str, Any]) -> str:
    s, ld, sy, m, w = r["single"], r["load"], r["symspell"], summarize(r), r["workers"]

    def rates(name: str) -> tuple[str, str]:
        return (
            f"{m[name + '_tok_s']:,.0f} tok/s, {m[name + '_mb_s']:.4f} MB/s",
            f"{m[name + '_tok_cpu']:,.0f} tok/s, {m[name + '_mb_cpu']:.4f} MB/s",
        )

    rows: list[tuple[str, str, str]] = [
        (
            "lexicon load: import + Lexicon.default() (fresh process)",
            f"{ld['lexicon_s']:.2f} s",
            f"{ld['lexicon_cpu']:.2f} s",
        ),
        (
            "Corrector() after the lexicon",
            f"{ld['corrector_s']:.2f} s",
            f"{ld['corrector_cpu']:.2f} s",
        ),
        (
            "first fix_document (lazy stems, bigrams, channel)",
            f"{ld['first_fix_s']:.2f} s",
            f"{ld['first_fix_cpu']:.2f} s",
        ),
        (f"cold, 1 process ({s['mb']:.2f} MB, {s['tokens']:,} tokens)", *rates("cold")),
        (f"steady, 1 process (next {s['steady_mb']:.2f} MB, memo warm)", *rates("steady")),
        ("warm, 1 process (first slice again)", *rates("warm")),
        ("tokenize-only pass, same text (the floor)", *rates("tokenize")),
        (
            "fix / tokenize-only (cold; warm)",
            "",
            f"{m['floor_ratio']:.0f}x; {m['warm_floor_ratio']:.0f}x",
        ),
        ("memo entries after cold + steady", f"{s['memo_entries']:,}", ""),
        ("peak RSS, 1 process", f"{s['rss_mb']:.0f} MB", ""),
        (
            f"fix_many n_jobs=1 ({w[0]['mb']:.2f} MB)",
            f"{m['w1_tok_s']:,.0f} tok/s ({w[0]['seconds']:.0f} s)",
            f"{m['w1_tok_cpu']:,.0f} tok/s",
        ),
        (
            f"fix_many n_jobs=2 ({w[1]['mb']:.2f} MB)",
            f"{m['w2_tok_s']:,.0f} tok/s ({w[1]['seconds']:.0f} s), {m['speedup']:.2f}x",
            f"{m['w2_tok_cpu']:,.0f} tok/s; CPU work ratio {m['cpu_efficiency']:.2f}",
        ),
        ("peak RSS, largest process, n_jobs=2", f"{w[1]['rss_mb']:.0f} MB", ""),
        (
            f"SymSpell load ({sy['entries']:,} words, distance 2, prefix 7)",
            f"{sy['load_s']:.1f} s ({sy['rss_mb']:.0f} MB RSS)",
            f"{sy['load_cpu']:.1f} s",
        ),
        (
            f"SymSpell lookup per token ({sy['tokens']:,} tokens)",
            f"{m['sym_tok_s']:,.0f} tok/s ({m['sym_memo_tok_s']:,.0f} memoized)",
            f"{m['sym_tok_cpu']:,.0f} tok/s",
        ),
    ]
    head = ("measure", "per wall second", "per CPU second")
    widths = [max(len(row[i]) for row in [*rows, head]) for i in range(3)]
    lines = ["| " + " | ".join(h.ljust(wd) for h, wd in zip(head, widths, strict=True)) + " |"]
    lines.append("|" + "|".join("-" * (wd + 2) for wd in widths) + "|")
    lines += [
        "| " + " | ".join(c.ljust(wd) for c, wd in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    return "\n".join(lines)


def _sweep(r: dict[str, Any]) -> list[dict[str, float]]:
    """The size-sweep points, dropping marks that fell on (nearly) the same prefix."""
    out: list[dict[str, float]] = []
    for p in r["single"]["sweep"]:
        if out and p["mb"] < out[-1]["mb"] * 1.02:
            out[-1] = p
        else:
            out.append(p)
    return out


def plot(r: dict[str, Any], path: Path) -> None:
    """tokens/s vs corpus size (cold then steady, one process) and vs worker processes."""
    import matplotlib
    import matplotlib.ticker

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(10, 4))
    sweep = _sweep(r)
    sizes = [p["mb"] for p in sweep]
    ax1.plot(sizes, [p["tokens"] / p["cpu"] for p in sweep], "o-", label="az-ocrfix per CPU s")
    ax1.plot(
        sizes, [p["tokens"] / p["seconds"] for p in sweep], "s--", label="az-ocrfix per wall s"
    )
    m = summarize(r)
    ax1.axhline(m["sym_tok_cpu"], color="grey", linestyle=":", label="SymSpell per CPU s")
    ax1.set_xscale("log")
    ax1.xaxis.set_major_formatter(matplotlib.ticker.FormatStrFormatter("%.2f"))
    ax1.xaxis.set_minor_formatter(matplotlib.ticker.NullFormatter())
    ax1.set_xticks(sizes)
    ax1.set_xlabel("corpus prefix processed by one process (MB)")
    ax1.set_ylabel("tokens/s (cumulative)")
    ax1.set_title("tokens/s vs corpus size")
    ax1.legend(fontsize=8)
    ws = r["workers"]
    xs = [w["n_jobs"] for w in ws]
    ax2.bar([x - 0.2 for x in xs], [w["tokens"] / w["seconds"] for w in ws], 0.4, label="wall")
    ax2.bar([x + 0.2 for x in xs], [w["tokens"] / w["cpu"] for w in ws], 0.4, label="per CPU s")
    ax2.set_xticks(xs)
    ax2.set_xlabel("worker processes (fix_many n_jobs)")
    ax2.set_ylabel("tokens/s")
    ax2.legend(fontsize=8)
    ax2.set_title(f"tokens/s vs workers ({ws[0]['mb']:.2f} MB, shared machine)")
    fig.tight_layout()
    fig.savefig(path, dpi=100)


def child_profile(mb: float) -> dict[str, Any]:
    """cProfile of fix_document over a small slice: the functions with the most own time."""
    import cProfile
    import pstats

    from az_ocrfix.corrector import Corrector

    corrector = Corrector()
    corrector.fix_document("Prezident ilham Oliyevin")
    docs = _slice(0.0, mb)
    prof = cProfile.Profile()
    prof.enable()
    for d in docs:
        corrector.fix_document(d)
    prof.disable()
    stats = pstats.Stats(prof)
    raw: dict[Any, Any] = stats.stats  # type: ignore[attr-defined]
    total = sum(v[2] for v in raw.values())
    rows = []
    for (file, line, func), (_cc, calls, own, cum, _callers) in raw.items():
        name = f"{Path(file).name}:{line}({func})" if line else func
        rows.append({"function": name, "calls": calls, "own": own, "cum": cum})
    rows.sort(key=lambda x: -x["own"])
    cums = sorted(rows, key=lambda x: -x["cum"])
    return {"mb": _mb(docs), "total": total, "own": rows[:10], "cum": cums[:14]}


def write_section(r: dict[str, Any], path: Path) -> None:
    s, m, pr = r["single"], summarize(r), r["profile"]
    loads = [*s["loadavg"], *r["workers"][0]["loadavg"], *r["workers"][1]["loadavg"]]
    body = [
        "## Throughput",
        "",
        f"Measured {r['date']} on {r['machine']} with `python benchmarks/throughput.py` "
        f"(total {r['elapsed_s'] / 60:.1f} min). The machine was shared with other jobs "
        f"(1-minute load average {min(loads):.1f}-{max(loads):.1f} on "
        f"{os.cpu_count()} cores during the runs), so wall-clock rates are depressed and "
        "the per-CPU-second column is the better per-core figure.",
        "",
        "Corpus: `benchmarks/bulk_corpus.py`, a **synthetic** corpus (clean seed/corpus sentences "
        "and lexicon word sequences set in newspaper columns with line-end hyphens, garbled by "
        f"sampling the learned eng channel), {r['corpus_mb']:.1f} MB in data/bulk/. Slices: "
        f"single process {s['mb']:.2f} MB cold + {s['steady_mb']:.2f} MB steady, workers "
        f"{r['workers'][0]['mb']:.2f} MB, SymSpell {r['symspell']['mb']:.2f} MB, profile "
        f"{pr['mb']:.2f} MB (the engine runs at a few kB/s, so a full 20 MB pass would take hours "
        "on this machine). Tokens are the engine tokenizer's word and suffix tokens. Each row "
        "runs in a fresh process; cold = empty memo.",
        "",
        table(r),
        "",
        "![tokens/s vs corpus size and vs workers](throughput.png)",
        "",
        "Size sweep (one process, cumulative, per CPU second): "
        + ", ".join(f"{p['mb']:.2f} MB → {p['tokens'] / p['cpu']:,.0f} tok/s" for p in _sweep(r))
        + ".",
        "",
        f"Issue 7 targets: uncached ≥ 100k tok/s per core (measured {m['cold_tok_cpu']:,.0f}), "
        f"bulk ≥ 2 MB/s per core ({m['steady_mb_cpu']:.4f}), lexicon load ≤ 0.3 s "
        f"({r['load']['lexicon_s']:.2f} s), ≥ 1.7x with 2 processes ({m['speedup']:.2f}x), "
        f"peak RSS ≤ 600 MB ({max(s['rss_mb'], r['workers'][1]['rss_mb']):.0f} MB). "
        "The 2-process speed-up is wall-clock on a shared machine (best of two alternating "
        "runs each); the CPU work ratio (CPU seconds with one worker over CPU seconds with "
        "two) shows how much extra work the second process costs, which bounds the speed-up "
        "on two idle cores at twice that ratio.",
        "",
        f"Where the time goes (cProfile, {pr['mb']:.2f} MB, {pr['total']:.1f} s under the "
        "profiler; own time, then cumulative):",
        "",
        "| function | calls | own s | share |",
        "|---|---:|---:|---:|",
        *(
            f"| `{x['function']}` | {x['calls']:,} | {x['own']:.2f} | "
            f"{x['own'] / pr['total']:.0%} |"
            for x in pr["own"][:8]
        ),
        "",
        "| function | cumulative s | share |",
        "|---|---:|---:|",
        *(
            f"| `{x['function']}` | {x['cum']:.2f} | {x['cum'] / pr['total']:.0%} |"
            for x in pr["cum"][:14]
        ),
    ]
    replace_section(path, "throughput", "\n".join(body))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="az-ocrfix throughput benchmark")
    ap.add_argument("--single-mb", type=float, default=0.25)
    ap.add_argument("--workers-mb", type=float, default=0.15)
    ap.add_argument("--symspell-mb", type=float, default=0.05)
    ap.add_argument("--profile-mb", type=float, default=0.03)
    ap.add_argument("--batch-size", type=int, default=4)
    ap.add_argument("--n-jobs", type=int, default=1)
    ap.add_argument("--child", choices=sorted(CHILDREN))
    ap.add_argument("--no-docs", action="store_true", help="print only; leave docs/ alone")
    ap.add_argument("--from-json", type=Path, help="re-render docs from a saved throughput.json")
    ap.add_argument("--resume", action="store_true", help="keep steps saved by an interrupted run")
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(CHILDREN[args.child](args)))
        return 0
    if args.from_json:
        saved: dict[str, Any] = json.loads(args.from_json.read_text(encoding="utf-8"))
        print(table(saved))
        plot(saved, DOCS / "throughput.png")
        write_section(saved, DOCS / "benchmarks.md")
        return 0
    if not (BULK / "bulk.jsonl").exists():
        subprocess.run([sys.executable, str(ROOT / "benchmarks" / "bulk_corpus.py")], check=True)
    t0 = time.perf_counter()
    partial = BULK / "throughput.partial.json"
    results: dict[str, Any] = {}
    if args.resume and partial.exists():
        results = json.loads(partial.read_text(encoding="utf-8"))
    results.update(
        date=time.strftime("%Y-%m-%d"),
        machine=f"{os.cpu_count()} CPUs, Python {platform.python_version()}",
        corpus_mb=(BULK / "bulk.txt").stat().st_size / 1e6,
    )
    steps: list[tuple[str, str, dict[str, Any]]] = [
        (name, name, {}) for name in ("load", "single", "symspell", "profile")
    ]
    # alternate 1 and 2 processes, twice: on a shared machine the faster of two runs is the
    # less disturbed one
    steps += [(f"workers{n}.{rep}", "workers", {"n_jobs": n}) for rep in (1, 2) for n in (1, 2)]
    for key, mode, extra in steps:
        if key in results:
            continue
        print(f"... {key}", file=sys.stderr, flush=True)
        results[key] = run_child(mode, args, **extra)
        partial.write_text(json.dumps(results, indent=1), encoding="utf-8")
    results["workers"] = [
        min((results[f"workers{n}.{rep}"] for rep in (1, 2)), key=lambda w: w["seconds"])
        for n in (1, 2)
    ]
    results["elapsed_s"] = results.get("elapsed_s", 0.0) + time.perf_counter() - t0
    (BULK / "throughput.json").write_text(json.dumps(results, indent=1), encoding="utf-8")
    print(table(results))
    if not args.no_docs:
        DOCS.mkdir(exist_ok=True)
        plot(results, DOCS / "throughput.png")
        write_section(results, DOCS / "benchmarks.md")
    return 0


if __name__ == "__main__":
    sys.exit(main())
