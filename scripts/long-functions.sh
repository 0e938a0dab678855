#!/bin/sh
# Lists functions longer than a limit (default 150 lines) in the project's own sources, with clang-tidy's
# readability-function-size check, and files longer than 800 lines. Uses a configured build's compile
# database (default build/dev) without its precompiled headers. Exit code 1 when anything is too long.
#   scripts/long-functions.sh [BUILD_DIR] [LINES]
set -eu
cd "$(dirname "$0")/.."
build=${1:-build/dev}
lines=${2:-150}
db=$(mktemp -d)
trap 'rm -rf "$db"' EXIT
# The project's sources only (no generated PCH units), without the PCH flags clang cannot read from gcc.
python3 - "$build/compile_commands.json" "$db/compile_commands.json" <<'EOF'
import json, re, sys
entries = []
for e in json.load(open(sys.argv[1])):
    if "/kiosk/" not in e["file"] and "/tests/" not in e["file"] or "cmake_pch" in e["file"]:
        continue
    cmd = re.sub(r"-include \S+cmake_pch\.hxx|-Winvalid-pch|-Werror", "", e["command"])
    entries.append(dict(e, command=cmd + " -Wno-unknown-warning-option"))
json.dump(entries, open(sys.argv[2], "w"))
EOF
files=$(python3 -c "import json,sys; print('\n'.join(e['file'] for e in json.load(open(sys.argv[1]))))" \
  "$db/compile_commands.json")
out=$(echo "$files" | xargs -P 2 -n 8 clang-tidy-14 -p "$db" --quiet --checks='-*,readability-function-size' \
  --config="{CheckOptions: [{key: readability-function-size.LineThreshold, value: $lines}]}" 2>/dev/null |
  grep -E 'warning: function .* exceeds' | sort -u || true)
long_files=$(find kiosk tests -name '*.cpp' -o -name '*.h' | xargs wc -l | awk '$2 != "total" && $1 > 800' || true)
[ -n "$out" ] && echo "$out"
[ -n "$long_files" ] && echo "files over 800 lines:" && echo "$long_files"
if [ -z "$out" ] && [ -z "$long_files" ]; then
  echo "no function over $lines lines, no file over 800 lines"
  exit 0
fi
exit 1
