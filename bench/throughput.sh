#!/usr/bin/env bash
# The acceptance measure of issue 2: throughput of `verbatim extract --format jsonl` on one core
# over PolNeAR's 840 train texts, with start-up taken off (the same command on one article),
# and the peak memory of the whole batch.
#   usage: bench/throughput.sh [CORPUS_DIR]     (default ../shared/corpora/polnear/train/text)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/polnear/train/text}
[[ -d $corpus ]] || { echo "throughput: $corpus not found" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/Verbatim.Cli -c Release -o "$out/cli" >/dev/null
files=("$corpus"/*.txt)
one=${files[0]}
bytes=$(cat "${files[@]}" | wc -c)
run() { /usr/bin/time -f "%e %M" taskset -c 0 dotnet "$out/cli/verbatim.dll" extract --format jsonl "$@" 2>&1 >/dev/null | tail -1; }
best_all=999999; best_one=999999; peak=0
for i in 1 2 3 4 5; do
  read -r all_s all_kb < <(run "$corpus")
  read -r one_s _ < <(run "$one")
  best_all=$(python3 -c "print(min($best_all, $all_s))")
  best_one=$(python3 -c "print(min($best_one, $one_s))")
  peak=$(( all_kb > peak ? all_kb : peak ))
done
python3 - "$bytes" "$best_all" "$best_one" "$peak" <<'PY'
import sys
b, a, o, kb = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
work = max(a - o, 1e-9)
print(f"corpus {b/1e6:.2f} MB; whole batch {a:.2f} s, one article {o:.2f} s (best of 5)")
print(f"throughput {b/1e6/work:.2f} MB/s on one core (start-up taken off); peak memory {kb/1024:.0f} MB")
PY
