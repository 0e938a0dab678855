#!/bin/sh
# Installs, with apt, every Debian 12 package that building, testing and running the kiosk needs.
# Idempotent: installs only what is missing. Needs root (or sudo) only when something is missing.
set -eu

PACKAGES="
  build-essential g++ cmake ninja-build pkg-config git ca-certificates clang-format
  libsdl2-dev libimgui-dev libstb-dev
  libicu-dev libharfbuzz-dev libharfbuzz-bin libfreetype-dev
  libyaml-cpp-dev libsodium-dev libcurl4-openssl-dev
  libosmium2-dev libprotozero-dev libbz2-dev zlib1g-dev libexpat1-dev liblz4-dev
  libqrencode-dev libcsv-dev libsystemd-dev libespeak-ng-dev espeak-ng-data libgeos-dev zbar-tools
  nlohmann-json3-dev libcli11-dev libfmt-dev libpng-dev
  catch2 unicode-data
  fonts-noto-core fonts-noto-color-emoji fonts-material-design-icons-iconfont
  python3-yaml python3-jsonschema
  ruby-countries
"
# ruby-countries: only its data (address formats per country, read by kioskctl city new); nothing runs Ruby.

missing=""
for p in $PACKAGES; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# Node.js runs only the differential test against the reference opening_hours evaluator. A machine may
# already have a Node.js that bundles npm (not from Debian): keep it instead of fighting over files.
command -v node >/dev/null 2>&1 || missing="$missing nodejs"
command -v npm >/dev/null 2>&1 || missing="$missing npm"

if [ -z "$missing" ]; then
  echo "install-deps.sh: all packages present"
  exit 0
fi

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then exec sudo "$0" "$@"; fi
  echo "install-deps.sh: missing packages:$missing; run as root to install them" >&2
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt-get update -q
# shellcheck disable=SC2086
apt-get install -y -q --no-install-recommends $missing
