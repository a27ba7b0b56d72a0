#!/usr/bin/env bash
# Runs every benchmark in turn (`npm run bench`). Each prints its own figures, the baseline it
# measured in the same run and PASS/MISS per target; this script only sequences them and gathers
# their PASS/MISS lines at the end. `npm run bench -- append|rebuild|lag|query|import|service-requests|proposals|board|sla-notifications|event-stream|mqtt`
# runs one, and passes it any further arguments (`npm run bench -- sla-notifications --requests 20000`).
# Figures are never asserted in tests.
set -uo pipefail
cd "$(dirname "$0")/../.."
source tools/scripts/lib/ensure.sh
ensure_node_modules

run() {
  local name=$1; shift
  local out; out=$(mktemp)
  log "Benchmark: $name"
  node -r @swc-node/register "$@" ${options[@]+"${options[@]}"} 2>&1 | tee "$out"
  results+=("$name:")
  # Each benchmark marks its targets PASS or MISS; gather those lines.
  while IFS= read -r line; do results+=("    $line"); done < <(grep -E '\b(PASS|MISS)\b' "$out" | sed 's/\x1b\[[0-9;]*m//g')
  rm -f "$out"
  echo
}

results=()
only=${1:-all}
options=("${@:2}")
if [[ $only == all && ${#options[@]} -gt 0 ]]; then
  echo "Options go to one benchmark: npm run bench -- <name> ${options[*]}" >&2
  exit 2
fi
[[ $only == all || $only == append ]] && run "appends vs raw better-sqlite3" tools/bench/src/append.bench.ts
[[ $only == all || $only == rebuild ]] && run "rebuild into the embedded read store" tools/bench/src/rebuild.bench.ts
[[ $only == all || $only == lag ]] && run "subscription lag at 1,000 appends/s" tools/bench/src/subscription-lag.bench.ts
[[ $only == all || $only == query ]] && run "read-store query on 1,000,000 documents" tools/bench/src/read-store-query.bench.ts
[[ $only == all || $only == import ]] && run "bulk import of 20,000 assets" tools/bench/src/import.bench.ts
[[ $only == all || $only == service-requests ]] && run "service requests over HTTP (open, assign)" tools/bench/src/service-requests.bench.ts
[[ $only == all || $only == proposals ]] && run "dispatch proposals for 5,000 technicians" tools/bench/src/proposals.bench.ts
[[ $only == all || $only == board ]] && run "dispatch board time to interactive in Chromium" tools/bench/src/board.bench.ts
[[ $only == all || $only == sla-notifications ]] && run "SLA timers for 100,000 open clocks, notifications vs raw BullMQ" tools/bench/src/sla-notifications.bench.ts
[[ $only == all || $only == event-stream ]] && run "event stream over HTTP vs the store read directly" tools/bench/src/event-stream.bench.ts
[[ $only == all || $only == mqtt ]] && run "MQTT ingestion into request updates, and an alarm storm" tools/bench/src/mqtt-ingestion.bench.ts

log "Summary"
printf '  %s\n' "${results[@]}"
