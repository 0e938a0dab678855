#!/bin/bash
# Smoke test of a built kiosk image (deploy/image/build-image.sh):
#   deploy/image/smoke-test.sh [--image build/image/kiosk.img] [--minutes 12] [--chroot]
# Default: boots the image in qemu (UEFI via OVMF, software emulation: no KVM needed) and waits for systemd to
# report kiosk.service started on the serial console. The unit is Type=notify and the kiosk sends READY=1 after
# its first frame, so "Started" means the first frame was drawn. --chroot: instead runs `kiosk --self-test`
# inside the image's root file system (fast; no boot, no display).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=$here/../../build/image/kiosk.img
minutes=12
mode=boot
while [ $# -gt 0 ]; do
  case $1 in
    --image) image=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --chroot) mode=chroot; shift ;;
    *) echo "usage: $0 [--image FILE] [--minutes N] [--chroot]" >&2; exit 2 ;;
  esac
done
start=$(date +%s)
if [ "$mode" = chroot ]; then
  rootfs=$(dirname "$image")/rootfs
  # The state partition's contents (the synced bundle) where the kiosk finds them at boot.
  mount --bind "$(dirname "$image")/seed/state-fs" "$rootfs/var/lib/kiosk"
  trap 'umount "$rootfs/var/lib/kiosk"' EXIT
  chroot "$rootfs" env HOME=/tmp kiosk --self-test --headless --config /etc/kiosk/kiosk.yaml
  echo "smoke-test (chroot): passed in $(($(date +%s) - start)) s"
  exit 0
fi
log=$(dirname "$image")/serial.log
: > "$log"
accel=tcg
[ -w /dev/kvm ] && accel=kvm
# -snapshot: the image file stays as built. No network device: nothing is needed from outside.
qemu-system-x86_64 -machine q35,accel=$accel -m 2048 -smp 2 -bios /usr/share/ovmf/OVMF.fd -snapshot \
  -drive file="$image",format=raw,if=virtio -vga none -device virtio-vga -display none -nic none \
  -serial file:"$log" -no-reboot &
qemu=$!
trap 'kill $qemu 2>/dev/null || true' EXIT
deadline=$((start + minutes * 60))
while [ "$(date +%s)" -lt $deadline ]; do
  if grep -q "Started kiosk.service\|Started Stadt für alle kiosk" "$log"; then
    echo "smoke-test (qemu, $accel): kiosk.service reached its first frame after $(($(date +%s) - start)) s"
    grep -a "kiosk" "$log" | tail -5
    exit 0
  fi
  if ! kill -0 $qemu 2>/dev/null; then break; fi
  sleep 5
done
echo "smoke-test (qemu, $accel): kiosk.service did not start within $minutes min; last console lines:" >&2
tail -40 "$log" >&2
exit 1
