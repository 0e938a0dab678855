#!/bin/bash
# Installs the kiosk's .deb packages on a clean Debian 12 root (mmdebstrap, from the Debian mirror) and runs
# `kiosk --self-test --headless` there: proves the packages' dependencies are complete.
# Usage: deploy/test-packages.sh [PACKAGE_DIR (default build/packages)] [--keep ROOT_DIR]
# Needs root (or run it under `unshare`-capable mmdebstrap modes) and network access to a Debian mirror.
set -euo pipefail
pkgdir=${1:-build/packages}
keep=""
if [ "${2:-}" = --keep ]; then keep=${3:?--keep needs a folder}; fi
mapfile -t debs < <(ls "$pkgdir"/stadt-fuer-alle*.deb)
[ ${#debs[@]} -eq 3 ] || { echo "expected 3 packages in $pkgdir (cpack --preset deb)" >&2; exit 1; }
root=${keep:-$(mktemp -d /tmp/kiosk-root.XXXXXX)}
cleanup() { [ -n "$keep" ] || rm -rf "$root"; }
trap cleanup EXIT
rm -rf "$root"
start=$(date +%s)
# shellcheck disable=SC2016  # $1 is mmdebstrap's, expanded by its hook shell
mmdebstrap --variant=apt --mode=root --quiet \
  --customize-hook='mkdir -p "$1/tmp/debs"' \
  --customize-hook="copy-in ${debs[*]} /tmp/debs" \
  --customize-hook='chroot "$1" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/debs/*.deb"' \
  --customize-hook='chroot "$1" dpkg-query -W "stadt-fuer-alle*"' \
  --customize-hook='chroot "$1" env HOME=/tmp kiosk --self-test --headless --bundle /usr/share/stadt-fuer-alle/content/aachen' \
  bookworm "$root"
echo "test-packages: the packages install on a clean Debian 12 root and the self-test passes ($(($(date +%s) - start)) s)"
