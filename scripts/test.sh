#!/usr/bin/env bash
# Runs every test: formatting and lints first, then native (client against the documents,
# console rules beside the code, emulator endpoints), wasm-bindgen-test in headless Chromium
# (components in a real DOM), and end to end (playwright-core driving the release build
# served by the emulator).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh

export TRUNK_SKIP_VERSION_CHECK=true
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-120}"
say() { printf '\033[1m==> %s\033[0m\n' "$*"; }

say "formatting and lints (cargo fmt --check, clippy -D warnings, native and wasm)"
cargo fmt --all --check
# The fuzz targets are a workspace of their own, which `--all` does not reach.
rustfmt --check --edition 2021 fuzz/fuzz_targets/*.rs
cargo clippy --workspace --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --features split -- -D warnings

say "native tests"
cargo test --workspace

# Each fuzz target for a bounded time; the corpus grows in target/fuzz-corpus/ between runs.
FUZZ_SECONDS="${FUZZ_SECONDS:-20}"
if rustup toolchain list | grep -q '^nightly' && cargo fuzz --version >/dev/null 2>&1; then
  say "fuzzing with cargo fuzz (nightly), ${FUZZ_SECONDS} s per target"
  for target in responses fault_body next_path validators; do
    mkdir -p "target/fuzz-corpus/$target"
    log="target/fuzz-$target.log"
    if ! cargo +nightly fuzz run "$target" "target/fuzz-corpus/$target" tests/fixtures -- \
      -max_total_time="$FUZZ_SECONDS" >"$log" 2>&1; then
      tail -40 "$log"
      echo "fuzz target $target found a failing input (fuzz/artifacts/$target/)" >&2
      exit 1
    fi
    echo "  $target: $(grep -E '^Done' "$log" | tail -1)"
  done
else
  say "fuzzing skipped: no nightly toolchain or cargo-fuzz here"
fi

say "wasm-bindgen tests in headless Chromium"
WEB_TESTS=()
for f in tests/web_*.rs; do WEB_TESTS+=(--test "$(basename "$f" .rs)"); done
cargo test --target wasm32-unknown-unknown "${WEB_TESTS[@]}"

say "end-to-end tests (release build served by the emulator, a real Keystone from scripts/keystone.sh)"
trunk build --release --features split
node scripts/first-load-size.mjs dist
trunk build --features forced-panic,split --dist target/dist-forced-panic
cargo build --quiet -p wlm-emulator
(cd tests/e2e && node --test --test-concurrency=1 ./*.test.mjs)
