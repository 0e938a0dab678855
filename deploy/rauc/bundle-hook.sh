#!/bin/sh
# RAUC slot hook: after writing a root slot, its kernel and initrd go to that slot's folder on the ESP.
set -eu
case "$1" in
  slot-post-install)
    slot=$(echo "$RAUC_SLOT_BOOTNAME" | tr AB ab)
    cp "$RAUC_SLOT_MOUNT_POINT"/boot/vmlinuz-* /boot/efi/"$slot"/vmlinuz
    cp "$RAUC_SLOT_MOUNT_POINT"/boot/initrd.img-* /boot/efi/"$slot"/initrd.img ;;
  *) exit 1 ;;
esac
