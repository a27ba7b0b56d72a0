#!/usr/bin/env bash
# The one start command (README, `npm start`): installs what is missing, builds the desk when its
# sources changed, makes sure a Redis answers (starting a local one if needed), then runs the API
# and the worker together on embedded stores and prints the URL.
set -euo pipefail
cd "$(dirname "$0")/../.."
source tools/scripts/lib/ensure.sh

ensure_node_modules
ensure_redis_server
ensure_mosquitto

dist=apps/desk/dist/index.html
if [ ! -f "$dist" ] || [ -n "$(find apps/desk/src apps/desk/index.html libs/api-contract/src libs/domain/src -newer "$dist" -print -quit 2>/dev/null)" ]; then
  log "Building the desk..."
  npx nx run desk:build --outputStyle=static
fi

# The demo: a believable organisation on first run (skipped once units exist), and an administrator
# whose password is the demo users' one unless ADMIN_PASSWORD says otherwise.
export ADMIN_PASSWORD="${ADMIN_PASSWORD:-fieldstream-demo}"
node -r @swc-node/register tools/seed/src/main.ts --if-empty

exec node -r @swc-node/register tools/launcher/src/main.ts "$@"
