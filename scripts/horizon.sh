#!/usr/bin/env bash
# A real OpenStack Horizon (PyPI, pinned in scripts/horizon/requirements.txt) on loopback, with the
# Backups panel of deploy/horizon/, signing in against a Keystone (scripts/keystone.sh).
#
#   scripts/horizon.sh install                               # the cached venv only
#   scripts/horizon.sh start DIR PORT KEYSTONE_URL CONSOLE_URL  # Horizon's dev server, in the background
#   scripts/horizon.sh stop DIR
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT="$PWD"
REQS="$ROOT/scripts/horizon/requirements.txt"
NAME=horizon
# shellcheck source=lib/service.sh
. "$ROOT/scripts/lib/service.sh"

start() {
  local dir port keystone console local_dir
  dir="$(mkdir -p "$1" && cd "$1" && pwd)" port="$2" keystone="$3" console="$4"
  install_venv
  stop "$dir"
  local_dir="$("$VENV/bin/python" -c 'import openstack_dashboard.local as l, os; print(os.path.dirname(l.__file__))')"
  # Horizon's documented ways: local_settings.py beside the example, the panel in local/enabled/.
  cp "$local_dir/local_settings.py.example" "$local_dir/local_settings.py"
  cat >>"$local_dir/local_settings.py" <<SETTINGS

# --- scripts/horizon.sh ---
DEBUG = True
SECRET_KEY = 'wlm-console-test-only'
ALLOWED_HOSTS = ['*']
OPENSTACK_KEYSTONE_URL = '$keystone'
COMPRESS_OFFLINE = False
COMPRESS_ENABLED = False
SESSION_ENGINE = 'django.contrib.sessions.backends.signed_cookies'
CACHES = {'default': {'BACKEND': 'django.core.cache.backends.locmem.LocMemCache'}}
WLM_CONSOLE_URL = '$console'
SETTINGS
  cp "$ROOT/deploy/horizon/enabled/_9050_wlm_console.py" "$local_dir/enabled/"
  # A simple command in the background, so $! is the server itself (stop kills it by that id).
  PYTHONPATH="$ROOT/deploy/horizon" nohup "$VENV/bin/python" -m django runserver "127.0.0.1:$port" \
    --settings=openstack_dashboard.settings --noreload >"$dir/horizon.log" 2>&1 &
  echo $! >"$dir/horizon.pid"
  if wait_for "http://127.0.0.1:$port/auth/login/"; then
    return 0
  fi
  echo "horizon.sh: Horizon did not answer on port $port; see $dir/horizon.log" >&2
  tail -20 "$dir/horizon.log" >&2
  stop "$dir"
  return 1
}

service_main "$@"
