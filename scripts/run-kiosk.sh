#!/bin/sh
# Installs what is needed, builds the release configuration and starts the kiosk on the sample city.
# Until the kiosk's screens exist, this validates the sample bundle and prints its summary.
set -eu
cd "$(dirname "$0")/.."
./deploy/install-deps.sh
cmake --preset release
cmake --build --preset release
bin=build/release/kiosk/tools/kioskctl/kioskctl
"$bin" validate content/aachen
"$bin" info content/aachen
