#!/bin/sh
# Trunk's post_build hook (Trunk.toml), last: each hashed asset compressed once at build, for
# nginx's gzip_static (deploy/nginx): smaller than nginx's own on-the-fly gzip, and no
# compression work per request. Not index.html or config.json, which operators may edit after
# the build.
#
# A release build uses zopfli (Debian's package): the same gzip format every browser reads, 4 %
# smaller than gzip -9 (the start-up wasm 286 to 274 KB), in about 2 s for the start-up wasm.
# Debug builds, and a machine without zopfli, take gzip -9.
set -eu
: "${TRUNK_STAGING_DIR:?run this as trunk post_build hook}"
zopfli=""
if [ "${TRUNK_PROFILE:-debug}" = release ] && command -v zopfli >/dev/null; then zopfli=yes; fi
for f in "$TRUNK_STAGING_DIR"/*.wasm "$TRUNK_STAGING_DIR"/*.js "$TRUNK_STAGING_DIR"/*.css; do
  [ -f "$f" ] || continue
  if [ -n "$zopfli" ]; then zopfli "$f"; else gzip -9 -k -f "$f"; fi
done
