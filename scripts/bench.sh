#!/usr/bin/env bash
# Benchmark (figures, not a test): builds the release console and the emulator, then drives
# Chromium through the console and the hand-written baseline (tests/bench/) in alternating runs.
#   BENCH_COUNTS (100,10000,100000)  BENCH_RUNS (5)  BENCH_RTT_MS (40)  BENCH_SLOW_LIST_MS (500)
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/install.sh
export TRUNK_SKIP_VERSION_CHECK=true
trunk build --release --features split
cargo build --quiet --release -p wlm-emulator
EMULATOR_BIN="$PWD/target/release/wlm-emulator" node tests/e2e/bench.mjs
