#!/usr/bin/env bash
# Acceptance gate of the quantity layer (issue 3): value F1 >= 0.88 and value+unit F1 >= 0.80 on
# CQE's currency and dimension sets; age and temperature are scored and shown, not gated.
#   usage: tools/gates/quantities.sh SHARED_DIR CLI_DIR     (CLI_DIR holds verbatim.dll)
set -euo pipefail
shared=${1:?usage: quantities.sh SHARED_DIR CLI_DIR}
cli=${2:?usage: quantities.sh SHARED_DIR CLI_DIR}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
for set in currency-model dimension-model age-model temperature-model; do
  gold="$shared/corpora/quantities/$set.json"
  # The scorer matches documents by id, the sentence's index in the gold list.
  python3 -c 'import json,sys
for i,x in enumerate(json.load(open(sys.argv[1],encoding="utf-8"))): print(json.dumps({"id":str(i),"text":x["text"]}))' "$gold" > "$work/$set.jsonl"
  dotnet "$cli/verbatim.dll" extract --input-format jsonl --format jsonl "$work/$set.jsonl" > "$work/$set.out.jsonl"
  bounds=()
  case $set in currency-model|dimension-model) bounds=(--min value=0.88,value+unit=0.80) ;; esac
  echo "== $set"
  python3 "$shared/tools/score_quantities.py" "$gold" "$work/$set.out.jsonl" "${bounds[@]}" || status=1
done
exit $status
