#!/bin/sh
# Runs every libFuzzer target of the asan build (clang, KIOSK_FUZZ) for SECONDS each (default 60), two
# at a time, starting from seed corpora made from real data plus what earlier runs kept in
# build/asan/fuzz/corpus/. A crash, leak or timeout leaves its input in build/asan/fuzz/crashes/ and
# fails the run. How to run long and turn a crash into a regression test: docs/fuzzing.md.
set -eu
cd "$(dirname "$0")/.."
seconds=${1:-60}
build=build/asan
out=$build/fuzz
targets="bundle_yaml opening_hours kmap text_layout manifest"
for t in $targets; do
  [ -x "$build/tests/fuzz/fuzz_$t" ] || { echo "no $build/tests/fuzz/fuzz_$t: build the asan preset first"; exit 2; }
done
"$build/tests/fuzz/make_fuzz_seeds" "$out/seeds"
mkdir -p "$out/crashes" "$out/logs"

run() {
  mkdir -p "$out/corpus/$1"
  "$build/tests/fuzz/fuzz_$1" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$out/crashes/$1-" "$out/corpus/$1" "$out/seeds/$1" > "$out/logs/$1.log" 2>&1
}

report() {  # target, exit status
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$out/logs/$1.log")
  cov=$(grep -o 'cov: [0-9]*' "$out/logs/$1.log" | tail -1)
  if [ "$2" -eq 0 ]; then
    echo "fuzz $1: ok, ${runs:-?} inputs in ${seconds} s, ${cov:-cov: ?}"
  else
    echo "fuzz $1: FAILED (exit $2); input and log:"
    ls "$out/crashes/$1-"* 2>/dev/null || true
    tail -40 "$out/logs/$1.log"
    failed=1
  fi
}

failed=0
set -- $targets
while [ $# -gt 0 ]; do
  a=$1; shift
  run "$a" & pa=$!
  if [ $# -gt 0 ]; then
    b=$1; shift
    run "$b" & pb=$!
    sb=0; wait $pb || sb=$?
  fi
  sa=0; wait $pa || sa=$?
  report "$a" $sa
  [ -z "${b:-}" ] || report "$b" $sb
  b=
done
exit $failed
