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
CACHE="${WLM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wlm-console}"
VENV="$CACHE/keystone-$(sha256sum "$REQS" | cut -c1-12)"
ADMIN_PASSWORD="${KEYSTONE_ADMIN_PASSWORD:-admin-demo-pw}"

install_venv() {
  if [ -f "$VENV/.installed" ]; then
    return 0
  fi
  if ! python3 -m venv --help >/dev/null 2>&1; then
    echo "keystone.sh: Python's venv module is not available (python3 -m venv)" >&2
    return 3
  fi
  echo "==> installing Keystone into $VENV (about 2 minutes, once)"
  # Scripts in a venv name its path, so it is built in place and marked complete at the end.
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS"
  touch "$VENV/.installed"
}

stop() {
  local dir="$1"
  if [ -f "$dir/keystone.pid" ]; then
    kill "$(cat "$dir/keystone.pid")" 2>/dev/null || true
    rm -f "$dir/keystone.pid"
  fi
}

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
  for _ in $(seq 1 120); do
    if "$VENV/bin/python" -c "import urllib.request as u; u.urlopen('$url', timeout=2)" >/dev/null 2>&1; then
      "$VENV/bin/python" "$HERE/seed.py" "$url" "$ADMIN_PASSWORD" "$wlm_url" "$dir/stack.json"
      return 0
    fi
    sleep 0.5
  done
  echo "keystone.sh: Keystone did not answer on $url; see $dir/gunicorn.log and $dir/keystone.log" >&2
  stop "$dir"
  return 1
}

case "${1:-}" in
  install) install_venv ;;
  start) [ $# -eq 5 ] || { sed -n 2,9p "$0"; exit 2; }; start "$2" "$3" "$4" "$5" ;;
  stop) [ $# -eq 2 ] || { sed -n 2,9p "$0"; exit 2; }; stop "$2" ;;
  *) sed -n 2,9p "$0"; exit 2 ;;
esac
