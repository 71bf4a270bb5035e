#!/usr/bin/env bash
# Runs test suites against the builds scripts/build.sh made (`npm run build`), without set-up:
#   bash scripts/test.sh                 every suite, in the order below (what `npm test` runs after set-up and build)
#   bash scripts/test.sh js browser      the suites named (`npm run test:js` runs one)
#   bash scripts/test.sh --list [SUITE]  the test files of each suite, without running anything
# Each suite shows its tools' own output and keeps a copy in test-output/SUITE.log.
set -euo pipefail
cd "$(dirname "$0")/.."

# ── The suites ───────────────────────────────────────────────────────────────────────────────────
#   core      the Catch2 suite, native (ctest, build/native)
#   wasm      the same Catch2 suite as WebAssembly under node (ctest, build/wasm)
#   js        node, no browser: the JavaScript API, CLI, preview server, types, the WASM contract, the
#             format corpus, include directions, short pieces' pull quotes and speakers, server-side
#             rendering and the CSP check of our files
#   browser   headless Chromium: the preview page and the playground (its editor, completion, share links),
#             the embed element, fetching, layout shift, the partner page, the minified embed, the responsive layout,
#             screenshots, typography, accessibility, pull-quote fit
#   security  tests/security (XSS and bidi in Chromium, the rest in node), then the Catch2 suite under
#             ASan+UBSan (build/sanitize, built here) and a fuzz smoke run of BROADSHEET_FUZZ_SECONDS (60)
#   quality   what ships and what it costs: HTML validity (Nu Html Checker, Java), the download budget,
#             the benchmark's smoke run, the npm package as consumers install it (one check in Chromium)
# Node test files of each suite: files, or folders meaning every *.test.mjs under them. Every
# tests/**/*.test.mjs is in exactly one suite; any run stops before testing if one is in none or in two,
# or if an entry here names nothing (a file moved).
suites=(core wasm js browser security quality)
declare -A node_tests=(
  [core]=''
  [wasm]=''
  [js]='tests/js tests/lite tests/format tests/pullquotes tests/architecture tests/embed/ssr.test.mjs tests/embed/csp.test.mjs'
  [browser]='tests/browser tests/embed/element.test.mjs tests/embed/read-signal.test.mjs tests/embed/fetch.test.mjs tests/embed/layout-shift.test.mjs tests/embed/embeds.test.mjs
             tests/embed/partner.test.mjs tests/embed/minified.test.mjs tests/quality/visual.test.mjs
             tests/quality/typography.test.mjs tests/quality/accessibility.test.mjs
             tests/quality/pullquote-fit.test.mjs tests/quality/bidi-display.test.mjs tests/quality/stylesheet-minified.test.mjs'
  [security]='tests/security'
  [quality]='tests/quality/html-validity.test.mjs tests/quality/head-tags.test.mjs tests/size tests/bench tests/package'
)
# What the suites run besides node's test runner (for --list; the run_* functions below do it).
declare -A other_steps=(
  [core]='ctest --test-dir build/native'
  [wasm]='ctest --test-dir build/wasm'
  [security]='ctest --test-dir build/sanitize (ASan+UBSan); scripts/fuzz.sh for BROADSHEET_FUZZ_SECONDS'
)

all_test_files() { find tests -name '*.test.mjs' -not -path '*/node_modules/*' | sort; }

# The test files of one suite, sorted; fails on an entry that names no test file.
suite_files() {
  local entry
  for entry in ${node_tests[$1]}; do
    if [ -d "$entry" ]; then
      find "$entry" -name '*.test.mjs' -not -path '*/node_modules/*'
    elif [[ -f "$entry" && "$entry" == *.test.mjs ]]; then
      echo "$entry"
    else
      echo "test.sh: suite $1 names $entry, which is no test file or folder" >&2
      return 1
    fi
  done | sort
}

check_suites() {
  local suite files listed='' missing twice
  for suite in "${suites[@]}"; do
    files=$(suite_files "$suite") || return 1
    [ -z "$files" ] || listed+="$files"$'\n'
  done
  listed=$(printf '%s' "$listed" | sort)
  missing=$(comm -23 <(all_test_files) <(echo "$listed" | uniq))
  twice=$(echo "$listed" | uniq -d)
  [ -z "$missing" ] || printf 'test.sh: in no suite (add it to node_tests in scripts/test.sh):\n%s\n' "$missing" >&2
  [ -z "$twice" ] || printf 'test.sh: in more than one suite:\n%s\n' "$twice" >&2
  [ -z "$missing$twice" ]
}

# Spec output whether or not a terminal is attached (node picks TAP for a pipe, and tee is one).
node_suite() {
  local files
  mapfile -t files < <(suite_files "$1")
  echo "== $1: node --test, ${#files[@]} files"
  node --test --test-concurrency=2 --test-reporter=spec "${files[@]}"
}

run_core() {
  echo "== core, native (ctest)"
  ctest --test-dir build/native --output-on-failure --no-tests=error
}

run_wasm() {
  echo "== core, WebAssembly under node (ctest)"
  ctest --test-dir build/wasm --output-on-failure --no-tests=error
}

run_js() { node_suite js; }
run_browser() { node_suite browser; }
run_quality() { node_suite quality; }

run_security() {
  node_suite security

  echo "== core under ASan+UBSan (build/sanitize, ctest)"
  bash scripts/build-sanitize.sh
  ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1} \
    UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
    ctest --test-dir build/sanitize --output-on-failure --no-tests=error

  local seconds=${BROADSHEET_FUZZ_SECONDS:-60}
  echo "== fuzz smoke: fuzz/render_fuzzer for $seconds s"
  if ! bash scripts/fuzz.sh -max_total_time="$seconds"; then
    echo "fuzz: the finding is saved in test-output/fuzz/; make it a regression fixture" \
      "(tests/security/regressions/README.md)" >&2
    return 1
  fi
}

if [ "${1-}" = --list ]; then
  shift
  check_suites
  (($#)) || set -- "${suites[@]}"
  for suite in "$@"; do
    [ -v "node_tests[$suite]" ] || { echo "test.sh: no suite $suite (${suites[*]})" >&2; exit 2; }
    echo "$suite:"
    suite_files "$suite" | sed 's/^/  /'
    [ -z "${other_steps[$suite]-}" ] || echo "  + ${other_steps[$suite]}"
  done
  exit 0
fi

requested=("$@")
if ((${#requested[@]} == 0)) || [ "${requested[*]}" = all ]; then requested=("${suites[@]}"); fi
for suite in "${requested[@]}"; do
  [ -v "node_tests[$suite]" ] || { echo "test.sh: no suite $suite (${suites[*]}, all)" >&2; exit 2; }
done
check_suites

mkdir -p test-output
timings=()
for suite in "${requested[@]}"; do
  start=$SECONDS
  # The suite runs in a subshell with -e of its own, so that it stops at its first failing step; the
  # outer -e is off meanwhile to read its status past tee (bash ignores -e in a function called
  # from `if` or `||`, which is why there is none here).
  set +e
  (set -e; "run_$suite") 2>&1 | tee "test-output/$suite.log"
  status=${PIPESTATUS[0]}
  set -e
  timings+=("$(printf '%-9s %4d s' "$suite" $((SECONDS - start)))")
  if ((status)); then
    echo "== $suite failed after $((SECONDS - start)) s; its output is in test-output/$suite.log" >&2
    exit 1
  fi
done
echo "== passed (logs in test-output/SUITE.log):"
printf '  %s\n' "${timings[@]}"
