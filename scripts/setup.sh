#!/usr/bin/env bash
# Installs everything the build and tests need. Idempotent: each step checks before it acts.
# Runs as root in CI; elsewhere it uses sudo for the system steps.
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

# fonts-dejavu-*: the only fonts the visual baselines use (tests/quality/visual.test.mjs), named so
# every machine has the same ones (core comes with Chromium's dependencies, extra has the italics).
debian_packages=(emscripten nlohmann-json3-dev catch2 cmake g++ clang libclang-rt-14-dev
                 chromium fonts-dejavu-core fonts-dejavu-extra dpkg-dev xz-utils gzip)
# The Nu Html Checker (npm vnu-jar, tests/quality/html-validity.test.mjs) runs on Java 17 or later.
command -v java >/dev/null 2>&1 || debian_packages+=(default-jre-headless)

missing=()
for pkg in "${debian_packages[@]}"; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
done

# cmark's C source comes from Debian's source package, so the apt configuration needs a deb-src
# entry. We derive it from the configured sources rather than naming a mirror ourselves.
src_list=/etc/apt/sources.list.d/broadsheet-deb-src.sources
need_update=0
if ! grep -rqsE '^(Types:.*deb-src|deb-src )' /etc/apt/sources.list /etc/apt/sources.list.d/; then
  if [ -f /etc/apt/sources.list.d/debian.sources ]; then
    sed -E 's/^Types:.*/Types: deb-src/' /etc/apt/sources.list.d/debian.sources | as_root tee "$src_list" >/dev/null
  else
    grep -E '^deb ' /etc/apt/sources.list | sed -E 's/^deb /deb-src /' \
      | as_root tee /etc/apt/sources.list.d/broadsheet-deb-src.list >/dev/null
  fi
  need_update=1
fi

# apt's -q leaves out only the progress bars, which are noise in a log; every message stays.
if ((${#missing[@]})) || [ "$need_update" = 1 ]; then
  as_root apt-get update -q
fi
if ((${#missing[@]})); then
  echo "setup: installing ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# cmark 0.30.2 from Debian's source package, unpacked into the git-ignored third_party_src/.
cmark_dir=third_party_src/cmark
if [ ! -f "$cmark_dir/src/blocks.c" ]; then
  mkdir -p third_party_src/download
  (cd third_party_src/download && apt-get source --download-only cmark)
  tarball=$(ls third_party_src/download/cmark_*.orig.tar.* | head -n 1)
  rm -rf "$cmark_dir" && mkdir -p "$cmark_dir"
  tar -xf "$tarball" -C "$cmark_dir" --strip-components=1
  grep -q '0.30.2' "$cmark_dir/CMakeLists.txt" || { echo "setup: expected cmark 0.30.2" >&2; exit 1; }
fi

# emcc must see only these packages' headers, never all of /usr/include.
mkdir -p third_party_src/nlohmann-include third_party_src/catch2-include
ln -sfn /usr/include/nlohmann third_party_src/nlohmann-include/nlohmann
ln -sfn /usr/include/catch2 third_party_src/catch2-include/catch2

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi
echo "setup: ok"
