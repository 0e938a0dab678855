#!/bin/sh
# Installs what is needed, builds, and runs every test: first the debug build, then the same suite
# under AddressSanitizer + UndefinedBehaviorSanitizer. .ci/run calls exactly this.
set -eu
cd "$(dirname "$0")/.."
./deploy/install-deps.sh
for preset in dev asan; do
  echo "== $preset: configure, build, test"
  cmake --preset "$preset"
  cmake --build --preset "$preset"
  ctest --preset "$preset"
done
