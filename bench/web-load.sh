#!/usr/bin/env bash
# Issue 5's load measure: the explorer over a ledger of PolNeAR's 840 train articles, wrk with 64
# connections on loopback against the search and speaker endpoints (API and pages); the bar is
# p99 under 200 ms with no errors.
#   usage: bench/web-load.sh [CORPUS_DIR] [SECONDS]      (CACHE_SECONDS=0 measures with the answer cache off)
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-../shared/corpora/polnear/train/text}
seconds=${2:-15}
[[ -d $corpus ]] || { echo "web-load: $corpus not found" >&2; exit 2; }
command -v wrk >/dev/null || { echo "web-load: wrk is not installed (apt-get install wrk)" >&2; exit 2; }
out=$(mktemp -d)
port=${PORT:-5191}
cleanup() { [[ -n ${server:-} ]] && kill "$server" 2>/dev/null; rm -rf "$out"; }
trap cleanup EXIT
dotnet build src/Verbatim.Cli -c Release -o "$out/cli" >/dev/null
dotnet "$out/cli/verbatim.dll" ingest "$corpus" --db "$out/ledger.db" --input-format text --quiet
dotnet "$out/cli/verbatim.dll" serve --db "$out/ledger.db" --urls "http://127.0.0.1:$port" --cache-seconds "${CACHE_SECONDS:-10}" > "$out/serve.log" 2>&1 &
server=$!
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/api/speakers?search=x" >/dev/null 2>&1 && break; sleep 0.2; done
speaker=$(dotnet "$out/cli/verbatim.dll" speakers --db "$out/ledger.db" --format jsonl | head -1 | python3 -c "import sys,json; print(json.loads(sys.stdin.readline())['id'])")
# Many different questions, not one URL again and again: random words of the statements and the
# 50 most quoted speakers, so that the answer cache helps only as much as it would in real use.
dotnet "$out/cli/verbatim.dll" speakers --db "$out/ledger.db" --format jsonl | head -50 | python3 -c "import sys,json; print('\n'.join(str(json.loads(l)['id']) for l in sys.stdin))" > "$out/speakers.txt"
dotnet "$out/cli/verbatim.dll" export --db "$out/ledger.db" | python3 -c "
import sys, json, random, re
random.seed(5)
words = set()
for line in sys.stdin:
    for a in json.loads(line)['attributions']:
        for c in a['content']:
            words.update(w.lower() for w in re.findall(r'[A-Za-z]{5,}', c['text']))
print('\n'.join(random.sample(sorted(words), 300)))" > "$out/words.txt"
lua_list() { python3 -c "import sys; print('{' + ','.join(repr(l.strip()) for l in open(sys.argv[1]) if l.strip()) + '}')" "$1"; }
run() {   # NAME PATH-TEMPLATE LIST: PATH-TEMPLATE has %s for one random item of LIST
  cat > "$out/$1.lua" <<LUA
local items = $(lua_list "$3")
math.randomseed(7)
request = function() return wrk.format("GET", string.format("$2", items[math.random(#items)])) end
LUA
  result=$(wrk -t2 -c64 -d"${seconds}s" --latency -s "$out/$1.lua" "http://127.0.0.1:$port")
  p99=$(awk '/^ +99%/ {print $2}' <<<"$result")
  rps=$(awk '/^Requests\/sec/ {print $2}' <<<"$result")
  errors=$(grep -E "Non-2xx|Socket errors" <<<"$result" || true)
  echo "$1 ($2 over $(wc -l < "$3") values): p99 $p99, $rps requests/s${errors:+, $errors}"
}
run api-search "/api/search?q=%s" "$out/words.txt"
run page-search "/search?q=%s" "$out/words.txt"
run api-speaker "/api/speakers/%s" "$out/speakers.txt"
run page-speaker "/speakers/%s" "$out/speakers.txt"
