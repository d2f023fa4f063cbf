#!/usr/bin/env bash
# Installs what is missing, builds the console and serves it with the API emulator and demo data,
# signed in through a real Keystone (or, where Python's venv is missing, with fixed tokens).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
export TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8780}"
KEYSTONE_PORT="${KEYSTONE_PORT:-$((PORT + 1))}"
printf '\033[1m==> building the console (release)\033[0m\n'
trunk build --release
printf '\033[1m==> building the API emulator\033[0m\n'
cargo build --quiet -p wlm-emulator
DB="${DEMO_DB:-target/demo.db}"
rm -f "$DB"
ORIGIN="http://127.0.0.1:${PORT}"
STATE="target/demo-keystone"
DIST="target/demo-dist"
EXTRA=()
if ./scripts/keystone.sh start "$STATE" "$KEYSTONE_PORT" "$ORIGIN" "${ORIGIN}/v1/%(tenant_id)s"; then
  trap './scripts/keystone.sh stop "$STATE"' EXIT
  # The same build, told where Keystone is; the endpoint comes from the token's catalog.
  rm -rf "$DIST" && cp -r dist "$DIST"
  printf '{ "keystone_url": "http://127.0.0.1:%s/v3", "title": "Backup Console" }\n' "$KEYSTONE_PORT" >"$DIST/config.json"
  read -r DEMO SECOND < <(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["projects"]; print(d["demo"], d["second"])' "$STATE/stack.json")
  EXTRA=(--keystone "http://127.0.0.1:${KEYSTONE_PORT}/v3" --demo-project "$DEMO" --other-project "$SECOND")
  echo
  echo "  Open ${ORIGIN}/ and sign in (Keystone at http://127.0.0.1:${KEYSTONE_PORT}/v3, domain Default):"
  echo "    admin  / admin-demo-pw   (admin role in projects demo and second: may change targets and types)"
  echo "    member / member-demo-pw  (member role in project demo)"
  echo "  Leave the project empty to choose one after signing in. Ctrl-C stops both."
else
  DIST="dist"
  echo
  echo "  Keystone is not available here: sign in at ${ORIGIN}/ with the project ID and a token printed below"
  echo "  (the admin token can change targets and types; the member token cannot). Ctrl-C stops it."
fi
echo
./target/debug/wlm-emulator --port "$PORT" --static "$DIST" --db "$DB" "${EXTRA[@]}" "$@"
