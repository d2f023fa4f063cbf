#!/usr/bin/env bash
# A real OpenStack Keystone (PyPI, pinned in scripts/keystone/requirements.txt) on loopback, for the
# demo and the end-to-end tests: SQLite, fernet tokens, CORS for the console's origins, and the demo
# cloud (projects demo and second, users admin and member, the emulator as service type "workloads").
#
#   scripts/keystone.sh install                        # the cached venv only (exit 3: no Python venv)
#   scripts/keystone.sh start DIR PORT ORIGINS WLM_URL   # fresh Keystone in DIR; writes DIR/stack.json
#   scripts/keystone.sh stop DIR                         # stops it by its process id
set -euo pipefail
cd "$(dirname "$0")/.."
HERE="$PWD/scripts/keystone"
REQS="$HERE/requirements.txt"
NAME=keystone
ADMIN_PASSWORD="${KEYSTONE_ADMIN_PASSWORD:-admin-demo-pw}"
# shellcheck source=lib/service.sh
. "$PWD/scripts/lib/service.sh"

start() {
  local dir port origins wlm_url url
  dir="$(mkdir -p "$1" && cd "$1" && pwd)" port="$2" origins="$3" wlm_url="$4"
  url="http://127.0.0.1:$port/v3"
  install_venv
  stop "$dir"
  rm -rf "$dir/home" "$dir/keystone.db" "$dir/fernet-keys" "$dir/credential-keys" "$dir/stack.json"
  mkdir -p "$dir/home/.keystone"
  # The CORS middleware reads oslo.config's default places (~/.keystone/keystone.conf), not
  # OS_KEYSTONE_CONFIG_FILES: the server gets its own HOME holding the one file.
  local conf="$dir/home/.keystone/keystone.conf"
  cat >"$conf" <<CONF
[DEFAULT]
log_file = $dir/keystone.log
[database]
connection = sqlite:///$dir/keystone.db
[token]
provider = fernet
[fernet_tokens]
key_repository = $dir/fernet-keys
[credential]
key_repository = $dir/credential-keys
[cors]
allowed_origin = $origins
CONF
  local manage=("$VENV/bin/keystone-manage" --config-file "$conf")
  "${manage[@]}" db_sync >>"$dir/setup.log" 2>&1
  "${manage[@]}" fernet_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$dir/setup.log" 2>&1
  "${manage[@]}" credential_setup --keystone-user "$(id -un)" --keystone-group "$(id -gn)" >>"$dir/setup.log" 2>&1
  "${manage[@]}" bootstrap --bootstrap-password "$ADMIN_PASSWORD" --bootstrap-admin-url "$url" \
    --bootstrap-public-url "$url" --bootstrap-internal-url "$url" --bootstrap-region-id RegionOne >>"$dir/setup.log" 2>&1
  HOME="$dir/home" OS_KEYSTONE_CONFIG_FILES="$conf" \
    "$VENV/bin/gunicorn" --chdir "$HERE" --bind "127.0.0.1:$port" --workers 2 --timeout 120 \
    --pid "$dir/keystone.pid" --daemon --error-logfile "$dir/gunicorn.log" wsgi:application
  if wait_for "$url"; then
    "$VENV/bin/python" "$HERE/seed.py" "$url" "$ADMIN_PASSWORD" "$wlm_url" "$dir/stack.json"
    return 0
  fi
  echo "keystone.sh: Keystone did not answer on $url; see $dir/gunicorn.log and $dir/keystone.log" >&2
  stop "$dir"
  return 1
}

service_main "$@"
