#!/bin/sh
# Installs what is needed, builds, and runs every test: the release build (gcc, optimised: exactly what
# the README's run command builds, tests included) and its suite, a 5-minute soak of the kiosk, the same
# suite under AddressSanitizer + UndefinedBehaviorSanitizer (clang, a debug build with leak detection),
# the release kiosk's self-test, and a short run of every fuzz target. .ci/run calls exactly this.
# SOAK_MINUTES and FUZZ_SECONDS shorten or lengthen the soak and the fuzzing. (One gcc build, not a
# debug and a release one: CI stays within its time on 2 cores; the sanitizer build is the debug one.)
set -eu
cd "$(dirname "$0")/.."
./deploy/install-deps.sh
soak_minutes=${SOAK_MINUTES:-5}
# Heap growth after warm-up (without the glyph atlas's bounded sawtooth) over 2 % fails, as in the kiosk.
soak_max_growth=${SOAK_MAX_GROWTH:-2}
fuzz_seconds=${FUZZ_SECONDS:-30}

echo "== release: configure, build, test"
cmake --preset release
cmake --build --preset release
# Two tests at a time: the suite passes as well on a loaded 2-core machine, in half the time.
ctest --preset release -j2

# The soak runs on one core while the sanitizer build uses the rest; it measures memory, not speed.
# Its seed follows the commit: every commit is soaked differently, and a failure can be replayed.
seed=$(( 0x$(git rev-parse --short=7 HEAD 2>/dev/null || echo 1) % 1000000 ))
echo "== soak: $soak_minutes min, seed $seed (in the background)"
./build/release/kiosk/app/kiosk --headless --bundle content/aachen --soak "$soak_minutes" --seed "$seed" \
  --soak-max-growth "$soak_max_growth" > build/release/soak.log 2>&1 &
soak_pid=$!

# The sanitizer suite leaves out only the end-to-end metropolis.sh test (3 minutes under ASan: the same
# replicate and routing code runs under ASan in its own tests; the release suite runs it whole).
echo "== asan: configure, build, test"
cmake --preset asan
cmake --build --preset asan
ctest --preset asan -j2

echo "== release: the kiosk's self-test, headless"
SDL_VIDEODRIVER=offscreen ./build/release/kiosk/app/kiosk --self-test --headless --bundle content/aachen

echo "== soak result"
soak_status=0
wait $soak_pid || soak_status=$?
cat build/release/soak.log
[ "$soak_status" -eq 0 ] || {
  echo "soak FAILED (replay: kiosk --headless --soak $soak_minutes --seed $seed --soak-max-growth $soak_max_growth)"
  exit 1
}

echo "== fuzz: $fuzz_seconds s per target"
./scripts/fuzz.sh "$fuzz_seconds"
