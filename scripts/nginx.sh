#!/usr/bin/env bash
# Debian's nginx in the foreground on loopback, with deploy/nginx/: the console, the Workloadmgr
# API and Keystone on one origin, with strict security headers. Ctrl-C stops it.
#
#   PORT (8780)  DIST (dist)  WLM_UPSTREAM (http://127.0.0.1:8782)  KEYSTONE_UPSTREAM (none)
#   FRAME_ANCESTORS ('none'; the portal origins that may frame the console, space-separated)
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8780}"
DIST="$(cd "${DIST:-dist}" && pwd)"
WLM_UPSTREAM="${WLM_UPSTREAM:-http://127.0.0.1:8782}"
KEYSTONE_UPSTREAM="${KEYSTONE_UPSTREAM:-}"
FRAME_ANCESTORS="${FRAME_ANCESTORS:-}"
[ -n "$FRAME_ANCESTORS" ] || FRAME_ANCESTORS="'none'"
NGINX="${NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}"
PREFIX="$(mktemp -d "${TMPDIR:-/tmp}/wlm-nginx.XXXXXX")"
mkdir -p "$PREFIX/tmp"
trap 'rm -rf "$PREFIX"' EXIT

# The CSP allows each inline script (trunk's loader, the early reads) by its hash, as the browser computes it.
HASHES="$(python3 - "$DIST/index.html" <<'PY'
import base64, hashlib, re, sys
html = open(sys.argv[1], encoding="utf-8").read()
hashes = [base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
          for s in re.findall(r"<script[^>]*>(.*?)</script>", html, re.S)]
print(" ".join("'sha256-%s'" % h for h in hashes), end="")
PY
)"

BROTLI_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_filter_module.so
BROTLI_STATIC_MODULE=/usr/lib/nginx/modules/ngx_http_brotli_static_module.so
LOAD_BROTLI="" BROTLI="" BROTLI_STATIC=""
if [ -f "$BROTLI_MODULE" ]; then
  LOAD_BROTLI="load_module $BROTLI_MODULE;"
  BROTLI="    brotli on; brotli_types text/css application/javascript application/json application/wasm image/svg+xml;"
fi
# The build's own .br files (scripts/precompress.mjs), served to browsers that ask for brotli.
if [ -f "$BROTLI_STATIC_MODULE" ]; then
  LOAD_BROTLI="$LOAD_BROTLI
load_module $BROTLI_STATIC_MODULE;"
  BROTLI_STATIC="brotli_static on;"
fi
KEYSTONE_LOCATION=""
if [ -n "$KEYSTONE_UPSTREAM" ]; then
  KEYSTONE_LOCATION="        location /identity/ {
            proxy_pass ${KEYSTONE_UPSTREAM%/}/;
            proxy_set_header Host \$http_host;
            proxy_set_header X-Forwarded-Proto \$scheme;
            include $PREFIX/security-headers.conf;
            add_header Cache-Control \"no-store\" always;
        }"
fi
# As root the workers would run as nobody, who may not read DIST.
USER_LINE=""
if [ "$(id -u)" = 0 ]; then USER_LINE="user root root;"; fi

render() {
  python3 - "$1" "$2" <<'PY'
import os, sys
text = open(sys.argv[1], encoding="utf-8").read()
for name in ["PREFIX", "PORT", "DIST", "WLM_UPSTREAM", "FRAME_ANCESTORS", "SCRIPT_HASHES", "LOAD_BROTLI",
             "BROTLI", "BROTLI_STATIC", "KEYSTONE_LOCATION", "USER"]:
    text = text.replace("@%s@" % name, os.environ["R_" + name])
open(sys.argv[2], "w", encoding="utf-8").write(text)
PY
}
export R_PREFIX="$PREFIX" R_PORT="$PORT" R_DIST="$DIST" R_WLM_UPSTREAM="$WLM_UPSTREAM" \
  R_FRAME_ANCESTORS="$FRAME_ANCESTORS" R_SCRIPT_HASHES="$HASHES" R_LOAD_BROTLI="$LOAD_BROTLI" \
  R_BROTLI="$BROTLI" R_BROTLI_STATIC="$BROTLI_STATIC" R_KEYSTONE_LOCATION="$KEYSTONE_LOCATION" R_USER="$USER_LINE"
render deploy/nginx/security-headers.conf "$PREFIX/security-headers.conf"
render deploy/nginx/wlm-console.conf "$PREFIX/nginx.conf"

"$NGINX" -t -q -p "$PREFIX" -c "$PREFIX/nginx.conf" -g 'daemon off;'
"$NGINX" -p "$PREFIX" -c "$PREFIX/nginx.conf" -g 'daemon off;' &
pid=$!
# Said only once it accepts connections: whoever waits for this line may connect at once.
for _ in $(seq 100); do
  (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null && break
  kill -0 "$pid" 2>/dev/null || exit 1
  sleep 0.05
done
echo "nginx listening on http://127.0.0.1:${PORT}/ (console from $DIST, /v1/ -> $WLM_UPSTREAM${KEYSTONE_UPSTREAM:+, /identity/ -> $KEYSTONE_UPSTREAM})"
trap 'kill -QUIT "$pid" 2>/dev/null || true' INT TERM
wait "$pid" || true
wait "$pid" 2>/dev/null || true
