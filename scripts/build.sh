#!/usr/bin/env bash
# Builds the core twice from one source list: natively (tests, native CLI) into build/native and
# with Emscripten into build/wasm, which writes web/core/broadsheet-core.{js,wasm}.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=$(nproc 2>/dev/null || echo 2)

# One build at a time in this checkout (several tools or people may call this at once).
mkdir -p build
exec 9>build/.lock
flock 9

cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release -Wno-dev
cmake --build build/native -j "$jobs"

# Emscripten's optimizer needs acorn, which Debian ships under /usr/share/nodejs.
export NODE_PATH=/usr/share/nodejs${NODE_PATH:+:$NODE_PATH}
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=$(command -v node);--no-experimental-fetch" -Wno-dev
cmake --build build/wasm -j "$jobs"

# Minified copies of the embed's modules beside them (web/*.min.js + source maps), what partners load.
node scripts/build-min.mjs

# The playground's editor bundle (CodeMirror + schema completion) for `npm start`: web/playground/dist/.
node scripts/build-playground.mjs
