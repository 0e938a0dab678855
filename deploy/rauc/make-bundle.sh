#!/bin/bash
# Makes a signed RAUC update bundle from an image build's root file system:
#   deploy/rauc/make-bundle.sh VERSION [--image-dir build/image] [--cert CERT --key KEY]
# Without --cert/--key: the development CA that build-image.sh made (never for real kiosks).
set -euo pipefail
version=${1:?version}; shift
dir=$(cd "$(dirname "$0")/../.." && pwd)/build/image
cert="" key=""
while [ $# -gt 0 ]; do
  case $1 in
    --image-dir) dir=$2; shift 2 ;;
    --cert) cert=$2; shift 2 ;;
    --key) key=$2; shift 2 ;;
    *) echo "usage: $0 VERSION [--image-dir DIR] [--cert CERT --key KEY]" >&2; exit 2 ;;
  esac
done
cert=${cert:-$dir/rauc-keys/ca.cert.pem}
key=${key:-$dir/rauc-keys/ca.key.pem}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp --sparse=always "$dir/root.img" "$work/root.img"
cp "$(dirname "$0")/bundle-hook.sh" "$work/hook.sh"
cat > "$work/manifest.raucm" <<MANIFEST
[update]
compatible=stadt-fuer-alle-kiosk-amd64
version=$version

[bundle]
format=verity

[hooks]
filename=hook.sh

[image.rootfs]
filename=root.img
hooks=post-install
MANIFEST
out=$dir/kiosk-$version.raucb
rm -f "$out"
rauc bundle --cert="$cert" --key="$key" "$work" "$out"
rauc info --keyring="$cert" "$out"
