#!/usr/bin/env bash
# Installs what the console needs to build, serve and test, skipping what is already there.
# Everything comes from the package registries (crates.io, npm, Debian); nothing else is downloaded.
set -euo pipefail
cd "$(dirname "$0")/.."

SUDO=""
if [ "$(id -u)" != "0" ] && command -v sudo >/dev/null; then SUDO="sudo"; fi
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

# The wasm-bindgen CLI must match the library version locked in Cargo.lock exactly.
WASM_BINDGEN_VERSION="$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)"

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^${component}-"; then
    say "adding the ${component} component"
    rustup component add "${component}"
  fi
done

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  say "installing trunk 0.21.14 (takes about 13 minutes on 2 cores)"
  cargo install trunk --version 0.21.14 --locked
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q " ${WASM_BINDGEN_VERSION}\b" \
   || ! command -v wasm-bindgen-test-runner >/dev/null; then
  say "installing wasm-bindgen-cli ${WASM_BINDGEN_VERSION}"
  # No --locked: one of its locked dependencies is no longer on the registry.
  cargo install wasm-bindgen-cli --version "${WASM_BINDGEN_VERSION}" --force
fi

# Splits the release wasm into chunks per area (scripts/split-wasm.mjs); it has no --version,
# so cargo's own list of installed packages says which one is there.
if ! cargo install --list | grep -q '^wasm_split_cli_support v0\.2\.4:'; then
  say "installing wasm-split-cli 0.2.4 (about a minute)"
  cargo install wasm_split_cli_support --version 0.2.4 --features build-binary --locked
fi

# Debian's binaryen is too old for today's wasm; the npm package ships a current wasm-opt.
if ! wasm-opt --version 2>/dev/null | grep -Eq 'version (1[2-9][0-9]|[2-9][0-9]{2})'; then
  say "installing wasm-opt (binaryen 132 from npm)"
  $SUDO npm install -g binaryen@132
fi

# The release build's last steps (Trunk.toml): esbuild minifies the glue, the inline scripts and
# the stylesheet, zopfli compresses the assets for nginx's gzip_static.
if ! command -v esbuild >/dev/null || ! command -v zopfli >/dev/null; then
  say "installing esbuild and zopfli (Debian packages)"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y esbuild zopfli
fi

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  say "installing Chromium and ChromeDriver (Debian packages)"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y chromium chromium-driver
fi

# "Copy as curl" is checked end to end by running the copied command.
if ! command -v curl >/dev/null; then
  say "installing curl (Debian package)"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y curl
fi

if ! command -v nginx >/dev/null && [ ! -x /usr/sbin/nginx ] \
   || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_filter_module.so ] \
   || [ ! -f /usr/lib/nginx/modules/ngx_http_brotli_static_module.so ]; then
  say "installing nginx and its brotli modules (Debian packages)"
  $SUDO apt-get update
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y nginx-light libnginx-mod-http-brotli-filter \
    libnginx-mod-http-brotli-static
fi

if [ ! -d tests/e2e/node_modules/playwright-core ] || [ ! -d tests/e2e/node_modules/@axe-core/playwright ]; then
  say "installing the end-to-end test packages (playwright-core, axe-core; no browser download)"
  (cd tests/e2e && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund)
fi

# A real Keystone and Horizon (PyPI, versions pinned) for the demo and the end-to-end tests, in
# venvs cached under ~/.cache/wlm-console: about 3 minutes the first time.
if ! ./scripts/keystone.sh install; then
  say "Keystone could not be installed (is Python's venv module there?): the demo falls back to fixed tokens"
fi
if ! ./scripts/horizon.sh install; then
  say "Horizon could not be installed: the embedding tests will fail"
fi

# cargo fuzz needs a nightly toolchain; where one is installed, the fuzz targets run too.
if rustup toolchain list | grep -q '^nightly' && ! cargo fuzz --version >/dev/null 2>&1; then
  say "installing cargo-fuzz (about 2 minutes)"
  cargo install cargo-fuzz --version 0.13.2 --locked
fi

say "fetching crates for the native and wasm targets"
cargo fetch --quiet
cargo fetch --quiet --target wasm32-unknown-unknown
