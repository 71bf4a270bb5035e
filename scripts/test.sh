#!/usr/bin/env bash
# Runs every test suite against the builds scripts/build.sh made: the Catch2 suite natively and as
# WASM under node (both through ctest), then node's test runner over tests/**/*.test.mjs (API, CLI,
# format corpus, browser tests in headless Chromium).
set -euo pipefail
cd "$(dirname "$0")/.."

echo "== core, native (ctest)"
ctest --test-dir build/native --output-on-failure

echo "== core, WebAssembly under node (ctest)"
ctest --test-dir build/wasm --output-on-failure

echo "== JavaScript API, CLI and browser (node --test)"
mapfile -t test_files < <(find tests -name '*.test.mjs' -not -path '*/node_modules/*' | sort)
node --test --test-concurrency=2 "${test_files[@]}"
