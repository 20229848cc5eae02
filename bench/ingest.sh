#!/usr/bin/env bash
# Issue 4's ingest measure: `verbatim ingest` of PolNeAR's 840 train texts into a new SQLite
# ledger against `verbatim extract --format jsonl` of the same texts, in the same run (best of 3
# each, whole commands, all cores).
#   usage: bench/ingest.sh [CORPUS_DIR]     (default ../shared/corpora/polnear/train/text)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/polnear/train/text}
[[ -d $corpus ]] || { echo "ingest bench: $corpus not found" >&2; exit 2; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
dotnet build src/Verbatim.Cli -c Release -o "$out/cli" >/dev/null
t() { /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1; }
best_ingest=999999; best_extract=999999; peak=0
for i in 1 2 3; do
  rm -f "$out"/ledger.db*
  read -r s kb < <(t dotnet "$out/cli/verbatim.dll" ingest "$corpus" --db "$out/ledger.db" --quiet --input-format text)
  best_ingest=$(python3 -c "print(min($best_ingest, $s))"); peak=$(( kb > peak ? kb : peak ))
  read -r s _ < <(t dotnet "$out/cli/verbatim.dll" extract --format jsonl "$corpus")
  best_extract=$(python3 -c "print(min($best_extract, $s))")
done
python3 - "$best_ingest" "$best_extract" "$peak" <<'PY'
import sys
i, e, kb = float(sys.argv[1]), float(sys.argv[2]), int(sys.argv[3])
print(f"ingest {i:.2f} s, extract {e:.2f} s (best of 3): ingest takes {i/e:.2f}x extraction; peak memory {kb/1024:.0f} MB")
PY
