#!/usr/bin/env bash
# The one test command (README, `npm test`, CI): installs what is missing, then lint, typecheck,
# unit, contract and integration tests on the real SQLite and a real Redis, and the browser tests
# in Debian's Chromium. Closes with one line: `Tests: N passed, N failed, N skipped`.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/scripts/lib/ensure.sh

ensure_node_modules
ensure_redis_server   # tests start their own redis-server instances on free ports
ensure_mosquitto      # and their own MQTT brokers
ensure_chromium

rm -rf test-output/jest
status=0
log "Format, lint and typecheck..."
npx prettier --check . --log-level warn || status=1
npx nx run-many -t lint typecheck --parallel=2 --outputStyle=static --skip-nx-cache || status=1

log "Unit, contract and integration tests..."
npx nx run-many -t test --exclude=desk-e2e --parallel=2 --outputStyle=static --skip-nx-cache || status=1

log "Browser tests (Chromium)..."
npx nx run-many -t build --projects=desk --outputStyle=static --skip-nx-cache || status=1
npx nx run desk-e2e:test --outputStyle=static --skip-nx-cache || status=1

node tools/scripts/summarise-tests.js || status=1
exit $status
