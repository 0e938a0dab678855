#!/bin/sh
# Fails when a C++ source of ours is not formatted with the repository's .clang-format.
set -eu
cd "$(dirname "$0")/.."
files=$(git ls-files -co --exclude-standard -- '*.cpp' '*.h' '*.hpp' 2>/dev/null || find kiosk tests -name '*.cpp' -o -name '*.h')
[ -n "$files" ] || { echo "no sources found"; exit 1; }
# shellcheck disable=SC2086
clang-format --dry-run --Werror $files
echo "clang-format: $(echo "$files" | wc -l) files formatted"
