#!/usr/bin/env bash
# Builds and runs the libFuzzer target fuzz/render_fuzzer.cpp (native core, ASan+UBSan, clang).
#   npm run fuzz                          # until stopped (Ctrl-C)
#   npm run fuzz -- -max_total_time=60    # any libFuzzer flags pass through
# The seed corpus is every JSON document under examples/ and tests/ (fixtures and regressions) and the
# seeds fuzz/seeds.mjs generates (the pathological shapes of bench/pathological-shapes.mjs at 3 KB and
# ordinary articles from tests/helpers/article-generator.mjs); the growing corpus lives in
# build/sanitize/fuzz-corpus (git-ignored). A crash, leak, hang or broken invariant is written to
# test-output/fuzz/ as crash-*/leak-*/timeout-*: turn it into a regression fixture in
# tests/security/regressions/ (see the README there) and fix the core.
set -euo pipefail
cd "$(dirname "$0")/.."

# The sanitizer build of scripts/test.sh: BROADSHEET_FUZZ implies ASan+UBSan, so one build dir serves
# the Catch2 suite under sanitizers and this target.
bash scripts/build-sanitize.sh --target render_fuzzer

seeds=build/sanitize/fuzz-seeds
corpus=build/sanitize/fuzz-corpus
artifacts=test-output/fuzz
rm -rf "$seeds"
mkdir -p "$seeds" "$corpus" "$artifacts"
node fuzz/seeds.mjs "$seeds"
i=0
while IFS= read -r -d '' file; do
  cp "$file" "$seeds/$((i++))-$(basename "$file")"
done < <(find examples tests -type f \( -name '*.json' -o -path 'tests/security/regressions/*' \) \
           -not -name 'xss-vectors.json' -not -name '*.expect.json' -not -path '*/node_modules/*' -print0)

# Sanitizer reports should stop the run and name the fault; leaks are errors.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

echo "fuzz: $(ls "$seeds" | wc -l) seed documents; corpus in $corpus; findings go to $artifacts/"
exec build/sanitize/fuzz/render_fuzzer -dict=fuzz/article.dict -max_len=65536 -timeout=10 -rss_limit_mb=4096 \
  -artifact_prefix="$artifacts/" -print_final_stats=1 "$@" "$corpus" "$seeds"
