#!/bin/sh
# Installs what is needed, builds the release configuration and starts the kiosk on the sample city:
# in a window where there is a display, else headless screenshots of every screen (build/screenshots/).
set -eu
cd "$(dirname "$0")/.."
./deploy/install-deps.sh
cmake --preset release
cmake --build --preset release
bin=build/release/kiosk/tools/kioskctl/kioskctl
kiosk=build/release/kiosk/app/kiosk
"$bin" validate content/aachen
if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
  exec "$kiosk" --windowed --bundle content/aachen
fi
out=build/screenshots
mkdir -p "$out"
for locale in de ar ta ti; do
  for screen in attract language home list detail search; do
    "$kiosk" --headless --bundle content/aachen --locale "$locale" --screen "$screen" --category health \
      --service stadtbibliothek-aachen-w79424442 --query apo --screenshot "$out/$screen-$locale.png"
  done
done
echo "No display: screenshots of every screen in de, ar, ta and ti are in $out/"
