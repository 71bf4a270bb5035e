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

# ── Security and robustness (issue 6) ────────────────────────────────────────────────────────────
# The Catch2 suite again, natively under AddressSanitizer + UndefinedBehaviorSanitizer (clang), then a
# 60-second libFuzzer smoke run of the native core from the same build (build/sanitize).
echo "== core under ASan+UBSan (build/sanitize, ctest)"
bash scripts/build-sanitize.sh
ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
  ctest --test-dir build/sanitize --output-on-failure

echo "== fuzz smoke: fuzz/render_fuzzer for ${BROADSHEET_FUZZ_SECONDS:-60} s"
mkdir -p test-output/fuzz
if ! bash scripts/fuzz.sh -max_total_time="${BROADSHEET_FUZZ_SECONDS:-60}" >test-output/fuzz/smoke.log 2>&1; then
  tail -n 80 test-output/fuzz/smoke.log
  echo "fuzz: the finding is saved in test-output/fuzz/; make it a regression fixture (tests/security/regressions/README.md)" >&2
  exit 1
fi
grep -E '^(fuzz:|Done |stat::(number_of_executed_units|peak_rss_mb))' test-output/fuzz/smoke.log
