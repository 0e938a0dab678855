#!/bin/sh
# A metropolis to measure on: FACTOR (4, 16, 64) translated copies of the sample city in a square grid,
# as a complete bundle in OUT_DIR: the OSM side by `kioskctl map replicate` (libosmium: fresh ids, names
# suffixed per copy, footways stitched across the seams), the bundle side by metropolis_bundle.py
# (services and kiosk places per copy), then the compiled map. Deterministic.
#   scripts/metropolis.sh FACTOR OUT_DIR        (KIOSKCTL=path/to/kioskctl to choose the build)
set -eu
if [ $# -ne 2 ]; then
  echo "usage: scripts/metropolis.sh FACTOR OUT_DIR" >&2
  exit 2
fi
factor=$1
out=$2
root=$(cd "$(dirname "$0")/.." && pwd)
kioskctl=${KIOSKCTL:-}
if [ -z "$kioskctl" ]; then
  for build in release dev; do
    if [ -x "$root/build/$build/kiosk/tools/kioskctl/kioskctl" ]; then
      kioskctl=$root/build/$build/kiosk/tools/kioskctl/kioskctl
      break
    fi
  done
fi
[ -n "$kioskctl" ] || { echo "metropolis: build kioskctl first (cmake --build --preset release)" >&2; exit 2; }
src=$root/content/aachen
rm -rf "$out"
mkdir -p "$out/map"
start=$(date +%s)
grid=$("$kioskctl" map replicate --pbf "$src/map/aachen.osm.pbf" --factor "$factor" --out "$out/map/metropolis.osm.pbf")
python3 "$root/scripts/metropolis_bundle.py" --src "$src" --out "$out" --factor "$factor" --grid "$grid"
"$kioskctl" map build --bundle "$out" --pbf "$out/map/metropolis.osm.pbf" --out "$out/map/metropolis.kmap"
echo "metropolis: ${factor}x the sample city in $out ($(($(date +%s) - start)) s): $grid"
