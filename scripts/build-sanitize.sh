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

cmake -S . -B build/sanitize -DCMAKE_BUILD_TYPE=RelWithDebInfo -DBROADSHEET_FUZZ=ON \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -Wno-dev >/dev/null
cmake --build build/sanitize -j "$jobs" "$@" >/dev/null
