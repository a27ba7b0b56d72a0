# Shared by start.sh and test.sh: make a fresh machine ready, installing only what is missing.
# Sourced, not run. Everything here is idempotent and quiet when there is nothing to do.

log() { printf '\033[1;34m[fieldstream]\033[0m %s\n' "$*"; }
fail() { printf '\033[1;31m[fieldstream]\033[0m %s\n' "$*" >&2; exit 1; }

# npm dependencies: `npm ci` when node_modules is missing or older than the lockfile.
ensure_node_modules() {
  command -v node >/dev/null || fail "Node.js 20 or later is required (node not found)."
  local marker=node_modules/.package-lock.json
  if [ ! -f "$marker" ] || [ package-lock.json -nt "$marker" ]; then
    log "Installing npm dependencies (npm ci; better-sqlite3 compiles from source, ~2 minutes)..."
    npm ci --no-audit --no-fund
  fi
}

APT_UPDATED=0
# Installs Debian packages when their command is missing. Needs root (or sudo).
ensure_debian_package() {
  local command_name=$1 package=$2
  command -v "$command_name" >/dev/null && return 0
  local sudo=''
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || fail "$command_name is missing: install the Debian package '$package' (as root)."
    sudo='sudo'
  fi
  log "Installing $package (apt-get)..."
  if [ "$APT_UPDATED" = 0 ]; then $sudo apt-get update -qq; APT_UPDATED=1; fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "$package" >/dev/null
  command -v "$command_name" >/dev/null || fail "Installing $package did not provide $command_name."
}

ensure_redis_server() { ensure_debian_package redis-server redis-server; }
# Debian installs the broker in /usr/sbin, outside a non-root PATH.
ensure_mosquitto() { [ -x /usr/sbin/mosquitto ] || ensure_debian_package mosquitto mosquitto; }
ensure_chromium() {
  ensure_debian_package chromium chromium
  # Without fonts pages render as boxes in screenshots.
  [ -d /usr/share/fonts/truetype/dejavu ] || ensure_debian_package fc-list fonts-dejavu-core
}

export NX_DAEMON=false NX_NO_CLOUD=true NX_TUI=false
