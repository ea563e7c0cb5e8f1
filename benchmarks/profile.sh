#!/usr/bin/env bash
# Profile the repair engine on a slice of the synthetic bulk corpus (benchmarks/bulk_corpus.py).
#
#   bash benchmarks/profile.sh [MB]      # default 0.05 MB (~7k tokens, ~20 s)
#
# Writes to data/bulk/ (git-ignored):
#   fix.prof        cProfile stats of one fresh process (cold memo), read with pstats/snakeviz
#   fix.speedscope  py-spy sampling profile (open at https://www.speedscope.app)
#   fix.flame.txt   py-spy collapsed stacks (flamegraph.pl input), and a top-own-time summary
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PY:-.venv/bin/python}
MB=${1:-0.05}
OUT=data/bulk
[ -f "$OUT/bulk.jsonl" ] || "$PY" benchmarks/bulk_corpus.py

echo "== cProfile ($MB MB, own time then cumulative)"
"$PY" -m cProfile -o "$OUT/fix.prof" benchmarks/throughput.py --child single --single-mb "$MB" >/dev/null
"$PY" - "$OUT/fix.prof" <<'PYEOF'
import pstats, sys
s = pstats.Stats(sys.argv[1])
s.sort_stats("tottime").print_stats(15)
s.sort_stats("cumulative").print_stats("az_ocrfix", 20)
PYEOF

echo "== py-spy ($MB MB, sampling at 200 Hz; needs ptrace, works as root in the container)"
.venv/bin/py-spy record --rate 200 --format speedscope -o "$OUT/fix.speedscope" -- \
    "$PY" benchmarks/throughput.py --child single --single-mb "$MB" >/dev/null
.venv/bin/py-spy record --rate 200 --format raw -o "$OUT/fix.flame.txt" -- \
    "$PY" benchmarks/throughput.py --child single --single-mb "$MB" >/dev/null
# own time per function (innermost frame, line numbers folded), from the collapsed stacks
"$PY" - "$OUT/fix.flame.txt" <<'PYEOF'
import collections, re, sys
own = collections.Counter()
total = 0
for line in open(sys.argv[1], encoding="utf-8"):
    stack, _, n = line.rstrip().rpartition(" ")
    own[re.sub(r":\d+\)$", ")", stack.split(";")[-1])] += int(n)
    total += int(n)
for frame, n in own.most_common(15):
    print(f"{n / total:6.1%}  {frame}")
PYEOF
