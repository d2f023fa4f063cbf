#!/usr/bin/env bash
# The first load as nginx serves it (deploy/nginx): every file index.html pulls in, gzipped.
# The hashed assets are served from the build's own .gz files (trunk's post_build hook);
# index.html and config.json are gzipped here at -9. Fails above FIRST_LOAD_BUDGET_KB.
#
# Issue 11 asks for 200 KB; the build is not there yet (see README, "Performance"). The
# ceiling enforced now is today's size plus a little, so the first load cannot creep up
# unnoticed: it moved from 550 to 615 KB once, with issue 12's overview, access matrix, CSV
# export and "Copy as curl" (about 65 KB gzip of new views).
set -euo pipefail
cd "$(dirname "$0")/.."
DIST="${1:-dist}"
BUDGET_KB="${FIRST_LOAD_BUDGET_KB:-615}"
total=0
printf '%-46s %10s %10s\n' "first load (as served)" "raw" "gzip"
for f in "$DIST"/index.html "$DIST"/config.json "$DIST"/*.js "$DIST"/*.wasm "$DIST"/*.css; do
  [ -f "$f" ] || continue
  raw=$(stat -c %s "$f")
  if [ -f "$f.gz" ]; then gz=$(stat -c %s "$f.gz"); else gz=$(gzip -9 -c "$f" | wc -c); fi
  total=$((total + gz))
  printf '%-46s %8d B %8d B\n' "$(basename "$f")" "$raw" "$gz"
done
printf '%-46s %21s\n' "total" "$((total / 1024)) KB gzip (ceiling ${BUDGET_KB} KB)"
if [ "$total" -gt $((BUDGET_KB * 1024)) ]; then
  echo "The first load is $((total / 1024)) KB gzip, over the ${BUDGET_KB} KB ceiling." >&2
  exit 1
fi
