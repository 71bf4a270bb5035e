#!/usr/bin/env bash
# Builds the native core, the Catch2 suite and the libFuzzer target with clang under AddressSanitizer
# and UndefinedBehaviorSanitizer into build/sanitize (BROADSHEET_FUZZ=ON implies BROADSHEET_SANITIZE=ON).
# Extra arguments go to `cmake --build` (for example `--target render_fuzzer`).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

# One build at a time in this checkout (shared with scripts/build.sh).
mkdir -p build
exec 9>build/.lock
flock 9

# -O1 with line tables: what the sanitizers recommend, and a third of the build time of -O2 -g.
# Without NDEBUG, so cmark's and the standard library's assertions are checked too.
cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBROADSHEET_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ \
  "-DCMAKE_C_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" "-DCMAKE_CXX_FLAGS_RELWITHDEBINFO=-O1 -gline-tables-only" \
  -Wno-dev
# By default only what the tests and the fuzzer need (not the native CLI and benchmark tools).
if (($# == 0)); then set -- --target broadsheet_tests render_fuzzer; fi
cmake --build build/sanitize -j "$jobs" "$@"
