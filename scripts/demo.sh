#!/usr/bin/env bash
# Installs what is missing, builds the console and serves it as deployed: nginx on one origin
# (deploy/nginx/) in front of the console, the API emulator with demo data and a real Keystone
# (or, where Python's venv is missing, the emulator's fixed tokens).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
export TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8780}"
KEYSTONE_PORT="${KEYSTONE_PORT:-$((PORT + 1))}"
API_PORT="${API_PORT:-$((PORT + 2))}"
printf '\033[1m==> building the console (release)\033[0m\n'
trunk build --release --features split
printf '\033[1m==> building the API emulator\033[0m\n'
cargo build --quiet -p wlm-emulator
DB="${DEMO_DB:-target/demo.db}"
rm -f "$DB"
ORIGIN="http://127.0.0.1:${PORT}"
STATE="target/demo-keystone"
DIST="target/demo-dist"
rm -rf "$DIST" && cp -r dist "$DIST"
EXTRA=()
KEYSTONE_UPSTREAM=""
PIDS=()
cleanup() {
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  ./scripts/keystone.sh stop "$STATE"
}
trap cleanup EXIT
trap 'exit 0' INT TERM
if ./scripts/keystone.sh start "$STATE" "$KEYSTONE_PORT" "$ORIGIN" "${ORIGIN}/v1/%(tenant_id)s"; then
  # Keystone behind the same origin; the API endpoint comes from the token's catalog.
  printf '{ "keystone_url": "/identity/v3", "title": "Backup Console" }\n' >"$DIST/config.json"
  read -r DEMO SECOND < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["projects"]; print(d["demo"], d["second"])' "$STATE/stack.json")
  EXTRA=(--keystone "http://127.0.0.1:${KEYSTONE_PORT}/v3" --demo-project "$DEMO" --other-project "$SECOND")
  KEYSTONE_UPSTREAM="http://127.0.0.1:${KEYSTONE_PORT}"
  SIGN_IN="  Sign in (domain Default):
    admin  / admin-demo-pw   (admin role in projects demo and second: may change targets and types)
    member / member-demo-pw  (member role in project demo)
  Leave the project empty to choose one after signing in."
else
  SIGN_IN="  Keystone is not available here: sign in with the project ID and a token printed above
  (the admin token can change targets and types; the member token cannot)."
fi
# --stalled-demo: the overview has a snapshot whose progress stands still.
./target/debug/wlm-emulator --port "$API_PORT" --db "$DB" "${EXTRA[@]}" --stalled-demo "$@" &
PIDS+=($!)
sleep 0.5
kill -0 "${PIDS[0]}" 2>/dev/null || { echo "demo: the emulator did not start (is port ${API_PORT} free?)" >&2; exit 1; }
PORT="$PORT" DIST="$DIST" WLM_UPSTREAM="http://127.0.0.1:${API_PORT}" KEYSTONE_UPSTREAM="$KEYSTONE_UPSTREAM" \
  ./scripts/nginx.sh &
PIDS+=($!)
sleep 1
echo
echo "  Open ${ORIGIN}/ (nginx: console, API and Keystone on one origin). Ctrl-C stops everything."
echo "$SIGN_IN"
echo
wait
