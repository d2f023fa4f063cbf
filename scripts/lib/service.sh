# Shared by scripts/keystone.sh and scripts/horizon.sh: a pinned venv cached by the hash of its
# requirements, a loopback server stopped by its process id, waiting for a URL, the commands.
# The caller sets NAME, REQS and defines start(); then calls service_main "$@".

CACHE="${WLM_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/wlm-console}"
VENV="$CACHE/$NAME-$(sha256sum "$REQS" | cut -c1-12)"

install_venv() {
  if [ -f "$VENV/.installed" ]; then return 0; fi
  if ! python3 -m venv --help >/dev/null 2>&1; then
    echo "$NAME.sh: Python's venv module is not available (python3 -m venv)" >&2
    return 3
  fi
  echo "==> installing $NAME into $VENV (a minute or two, once)"
  # Scripts in a venv name its path, so it is built in place and marked complete at the end.
  rm -rf "$VENV"
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install --quiet --disable-pip-version-check -r "$REQS"
  touch "$VENV/.installed"
}

# stop DIR: ends the server whose id is in DIR/$NAME.pid.
stop() {
  if [ -f "$1/$NAME.pid" ]; then
    kill "$(cat "$1/$NAME.pid")" 2>/dev/null || true
    rm -f "$1/$NAME.pid"
  fi
}

# wait_for URL: true once it answers (within a minute).
wait_for() {
  for _ in $(seq 1 120); do
    if "$VENV/bin/python" -c "import urllib.request as u; u.urlopen('$1', timeout=5)" >/dev/null 2>&1; then
      return 0
    fi
    sleep 0.5
  done
  return 1
}

usage() { sed -n '2,/^set /p' "$0" | sed '$d'; exit 2; }

service_main() {
  case "${1:-}" in
    install) install_venv ;;
    start) [ $# -eq 5 ] || usage; start "$2" "$3" "$4" "$5" ;;
    stop) [ $# -eq 2 ] || usage; stop "$2" ;;
    *) usage ;;
  esac
}
