#!/usr/bin/env bash
# Installs what is missing, builds the console and serves it with the API emulator and demo data.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
export TRUNK_SKIP_VERSION_CHECK=true
PORT="${PORT:-8780}"
printf '\033[1m==> building the console (release)\033[0m\n'
trunk build --release
printf '\033[1m==> building the API emulator\033[0m\n'
cargo build --quiet -p wlm-emulator
DB="${DEMO_DB:-target/demo.db}"
rm -f "$DB"
echo
echo "  Open http://127.0.0.1:${PORT}/ and sign in with the project ID and a token printed below."
echo "  (the admin token can change targets and types; the member token cannot). Ctrl-C stops it."
echo
exec ./target/debug/wlm-emulator --port "$PORT" --static dist --db "$DB" "$@"
