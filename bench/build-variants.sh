#!/usr/bin/env bash
# Builds the WASM module with several compiler/linker flag sets, each in its own folder under
# build/exp/ (never web/core), and prints raw and gzip -9 sizes. Benchmark a variant with
#   node bench/run.mjs --core build/exp/<name>/out
# Usage: bash bench/build-variants.sh [name...]   (default: all variants below)
set -euo pipefail
cd "$(dirname "$0")/.."
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
jobs=$(nproc 2>/dev/null || echo 2)

# name | compile flags (C and C++) | link flags (empty: the compile flags)
variants=(
  "O3|-O3|"
  "O2|-O2|"
  "Os|-Os|"
  "Oz|-Oz|"
  "O2-link-Oz|-O2|-Oz"
  "O2-flto|-O2 -flto|"
  "Oz-flto|-Oz -flto|"
  "O2-emmalloc|-O2|-O2 -sMALLOC=emmalloc"
  "Oz-emmalloc|-Oz|-Oz -sMALLOC=emmalloc"
  "O3-flto|-O3 -flto|"
  "Oz-flto-emmalloc|-Oz -flto|-Oz -flto -sMALLOC=emmalloc"
  "O2-flto-bulk|-O2 -flto -mbulk-memory|"
  "Oz-flto-bulk|-Oz -flto -mbulk-memory|"
  "Oz-flto-noexc|-Oz -flto -fno-exceptions|-Oz -flto -fno-exceptions -sMALLOC=emmalloc"
  "O2-flto-noexc|-O2 -flto -fno-exceptions|-O2 -flto -fno-exceptions -sMALLOC=emmalloc"
  "O3-noexc|-O3 -fno-exceptions|"
  "O3-flto-noexc|-O3 -flto -fno-exceptions|"
  "O3-flto-noexc-emmalloc|-O3 -flto -fno-exceptions|-O3 -flto -fno-exceptions -sMALLOC=emmalloc"
  "O3-flto-noexc-bulk|-O3 -flto -fno-exceptions -mbulk-memory|"
  "O3-flto-noexc-simd|-O3 -flto -fno-exceptions -mbulk-memory -msimd128|"
)

selected=("$@")
for variant in "${variants[@]}"; do
  IFS='|' read -r name cflags lflags <<<"$variant"
  if ((${#selected[@]})) && [[ ! " ${selected[*]} " == *" $name "* ]]; then continue; fi
  dir=build/exp/$name
  emcmake cmake -S . -B "$dir" -DCMAKE_BUILD_TYPE=Release -DBROADSHEET_TESTS=OFF \
    "-DBROADSHEET_WASM_COMPILE_FLAGS=$cflags" "-DBROADSHEET_WASM_LINK_FLAGS=$lflags" \
    "-DBROADSHEET_WASM_OUTPUT_DIR=$PWD/$dir/out" -Wno-dev
  cmake --build "$dir" -j "$jobs"
  wasm=$dir/out/broadsheet-core.wasm
  glue=$dir/out/broadsheet-core.js
  printf '%-14s wasm %7d raw %7d gz   glue %6d raw %6d gz\n' "$name" \
    "$(stat -c%s "$wasm")" "$(gzip -9c "$wasm" | wc -c)" "$(stat -c%s "$glue")" "$(gzip -9c "$glue" | wc -c)"
done
