#!/bin/bash
# Builds a bootable Debian 12 kiosk disk image in one command:
#   deploy/image/build-image.sh [--out DIR] [--packages DIR] [--pub KEY.pub --bundle BUILT_SIGNED_DIR] [--config kiosk.yaml]
# GPT disk, UEFI with systemd-boot; partitions: ESP, root A and root B (RAUC A/B updates), kiosk state.
# The root file system is mounted read-only; only /var/lib/kiosk (synced bundles) is written; logs stay
# in memory (nothing about a visit can be left on a disk). No SSH, no open ports: the kiosk session starts
# by itself (kiosk.service in cage, via kiosk-session.sh: files/etc/systemd/system/kiosk.service.d), and
# kiosk-sync.timer fetches signed bundles.
# Needs root, mmdebstrap, fdisk (sfdisk), dosfstools, mtools, e2fsprogs, and network access to a Debian mirror.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
out=$repo/build/image
packages=$repo/build/packages
pub=""
bundle=""
config=""
while [ $# -gt 0 ]; do
  case $1 in
    --out) out=$2; shift 2 ;;
    --packages) packages=$2; shift 2 ;;
    --pub) pub=$2; shift 2 ;;
    --config) config=$2; shift 2 ;;
    --bundle) bundle=$2; shift 2 ;;
    *) echo "usage: $0 [--out DIR] [--packages DIR] [--pub KEY.pub] [--config kiosk.yaml]" >&2; exit 2 ;;
  esac
done
mapfile -t debs < <(ls "$packages"/stadt-fuer-alle*.deb)
[ ${#debs[@]} -eq 3 ] || { echo "build the packages first: cpack --preset deb" >&2; exit 1; }
# Packages older than the units in deploy/systemd would put old units into the image.
for f in kiosk.service kiosk-sync.service kiosk-sync.timer; do
  dpkg-deb --fsys-tarfile "$packages/stadt-fuer-alle_"*_amd64.deb | tar -xO "./usr/lib/systemd/system/$f" |
    cmp -s - "$repo/deploy/systemd/$f" ||
    { echo "build-image: $packages has another $f than deploy/systemd: rebuild the packages (cpack --preset deb)" >&2; exit 1; }
done
start=$(date +%s)
mkdir -p "$out"
rootfs=$out/rootfs
# A build killed half-way can leave /proc, /sys and /dev mounted inside the old root: unmount first, and never
# let rm cross into a mount.
{ findmnt -rn -o TARGET | grep "^$rootfs/" || true; } | sort -r | while read -r m; do umount -l "$m"; done
rm -rf --one-file-system "$rootfs" "$out"/*.img
# Without --pub: a demo key pair next to the image (publish with its .key; never for a real city).
if [ -z "$pub" ]; then
  mkdir -p "$out/keys"
  [ -f "$out/keys/bundle-signing.pub" ] || "$repo/build/release/kiosk/tools/kioskctl/kioskctl" keygen --out "$out/keys"
  pub=$out/keys/bundle-signing.pub
fi
[ -n "$config" ] || config=$here/kiosk.yaml
kioskctl=$repo/build/release/kiosk/tools/kioskctl/kioskctl
# The city's bundle is installed into the state partition, as a sync would: the kiosk shows signed
# content from the first boot. Without --bundle: the sample city, signed with the demo key.
if [ -z "$bundle" ]; then
  [ -f "$out/keys/bundle-signing.key" ] || { echo "with --pub, give --bundle (a built, signed bundle)" >&2; exit 2; }
  bundle=$out/bundle
  rm -rf "$bundle"
  "$kioskctl" bundle build "$repo/content/aachen" "$bundle" >/dev/null
  "$kioskctl" bundle sign "$bundle" --key "$out/keys/bundle-signing.key" >/dev/null
fi
seed=$out/seed
rm -rf "$seed"
mkdir -p "$seed/state"
printf 'sync:\n  source: %s\n  state_dir: %s\n  trusted_keys: [%s]\n  reserve_mib: 0\n' "$bundle" "$seed/state" "$pub" > "$seed/seed.yaml"
"$kioskctl" sync --config "$seed/seed.yaml"
# RAUC checks update bundles against this keyring. Without one: a development CA next to the image.
rauc_keys=$out/rauc-keys
if [ ! -f "$rauc_keys/ca.cert.pem" ]; then
  mkdir -p "$rauc_keys"
  openssl req -x509 -newkey rsa:3072 -nodes -days 3650 -subj "/CN=stadt-fuer-alle development update CA" \
    -keyout "$rauc_keys/ca.key.pem" -out "$rauc_keys/ca.cert.pem" 2>/dev/null
fi

# Fixed partition ids: the boot entries and fstab name them.
uuid_a=6b1c3a1e-0a11-4c3e-9d0f-00000000000a
uuid_b=6b1c3a1e-0a11-4c3e-9d0f-00000000000b
uuid_state=6b1c3a1e-0a11-4c3e-9d0f-0000000000c0

# shellcheck disable=SC2016  # "$1" belongs to mmdebstrap's hooks
mmdebstrap --variant=minbase --mode=root --quiet \
  --include=systemd-sysv,udev,dbus,libpam-systemd,linux-image-amd64,initramfs-tools,systemd-boot,cage,xwayland,seatd,libgl1-mesa-dri,libegl-mesa0,rauc,rauc-service,iproute2,ca-certificates,alsa-utils \
  --customize-hook='mkdir -p "$1/tmp/debs" "$1/etc/kiosk/keys" "$1/etc/rauc" "$1/usr/lib/stadt-fuer-alle" "$1/boot/efi"' \
  --customize-hook="copy-in ${debs[*]} /tmp/debs" \
  --customize-hook='chroot "$1" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends /tmp/debs/*.deb && rm -rf /tmp/debs && apt-get clean"' \
  --customize-hook='chroot "$1" sh -c "DEBIAN_FRONTEND=noninteractive apt-get install -y -q systemd-resolved && apt-get clean"' \
  --customize-hook="upload $pub /etc/kiosk/keys/city.pub" \
  --customize-hook="upload $config /etc/kiosk/kiosk.yaml" \
  --customize-hook="copy-in $here/files/etc /" \
  --customize-hook="upload $repo/deploy/rauc/system.conf /etc/rauc/system.conf" \
  --customize-hook="upload $rauc_keys/ca.cert.pem /etc/rauc/keyring.pem" \
  --customize-hook="upload $repo/deploy/rauc/rauc-boot.sh /usr/lib/stadt-fuer-alle/rauc-boot.sh" \
  --customize-hook="upload $repo/deploy/rauc/kiosk-mark-good.service /etc/systemd/system/kiosk-mark-good.service" \
  --customize-hook="upload $here/kiosk-session.sh /usr/lib/stadt-fuer-alle/kiosk-session" \
  --customize-hook='chmod 755 "$1/usr/lib/stadt-fuer-alle/rauc-boot.sh" "$1/usr/lib/stadt-fuer-alle/kiosk-session"' \
  --customize-hook='systemd-sysusers --root="$1" && systemd-tmpfiles --root="$1" --create stadt-fuer-alle.conf || true' \
  --customize-hook='chroot "$1" systemctl enable seatd.service kiosk.service kiosk-sync.timer kiosk-mark-good.service systemd-networkd systemd-resolved' \
  --customize-hook='chroot "$1" systemctl set-default graphical.target' \
  --customize-hook='chroot "$1" systemctl mask getty@.service serial-getty@.service autovt@.service console-getty.service' \
  --customize-hook='echo kiosk > "$1/etc/hostname"; : > "$1/etc/machine-id"; passwd --root "$1" --lock root' \
  --customize-hook="printf 'PARTUUID=$uuid_state /var/lib/kiosk ext4 rw,noatime,nosuid,nodev,noexec 0 2\nLABEL=ESP /boot/efi vfat umask=0077,noauto,nofail,x-systemd.automount 0 0\ntmpfs /tmp tmpfs nosuid,nodev 0 0\ntmpfs /var/tmp tmpfs nosuid,nodev 0 0\ntmpfs /var/log tmpfs nosuid,nodev,mode=0755 0 0\ntmpfs /var/lib/systemd tmpfs mode=0755 0 0\n' > \"\$1/etc/fstab\"" \
  --customize-hook="copy-in $seed/state/. /var/lib/kiosk" \
  --customize-hook='chroot "$1" chown -R kiosk:kiosk /var/lib/kiosk' \
  --customize-hook='chroot "$1" env HOME=/tmp kiosk --self-test --headless --config /etc/kiosk/kiosk.yaml' \
  bookworm "$rootfs"

# The partitions as files, then one disk.
mib=1048576
esp_mib=256 root_mib=1536 state_mib=512
kernel=$(ls "$rootfs"/boot/vmlinuz-* | sort -V | tail -1)
initrd=$(ls "$rootfs"/boot/initrd.img-* | sort -V | tail -1)
options="ro quiet console=tty0 console=ttyS0,115200 systemd.show_status=auto"
esp=$out/esp.img
truncate -s $((esp_mib * mib)) "$esp"
mkfs.vfat -n ESP -F 32 "$esp" >/dev/null
export MTOOLS_SKIP_CHECK=1
mmd -i "$esp" ::/EFI ::/EFI/BOOT ::/loader ::/loader/entries ::/a ::/b
mcopy -i "$esp" "$rootfs/usr/lib/systemd/boot/efi/systemd-bootx64.efi" ::/EFI/BOOT/BOOTX64.EFI
for slot in a b; do
  mcopy -i "$esp" "$kernel" ::/$slot/vmlinuz
  mcopy -i "$esp" "$initrd" ::/$slot/initrd.img
done
printf 'default kiosk-a.conf\ntimeout 0\neditor no\n' > "$out/loader.conf"
printf 'title Kiosk (slot A)\nlinux /a/vmlinuz\ninitrd /a/initrd.img\noptions root=PARTUUID=%s %s rauc.slot=A\n' "$uuid_a" "$options" > "$out/kiosk-a.conf"
printf 'title Kiosk (slot B)\nlinux /b/vmlinuz\ninitrd /b/initrd.img\noptions root=PARTUUID=%s %s rauc.slot=B\n' "$uuid_b" "$options" > "$out/kiosk-b.conf"
mcopy -i "$esp" "$out/loader.conf" ::/loader/loader.conf
mcopy -i "$esp" "$out/kiosk-a.conf" "$out/kiosk-b.conf" ::/loader/entries/
# The synced bundle goes to the state partition; the root keeps an empty mount point.
rm -rf "$seed/state-fs"
mv "$rootfs/var/lib/kiosk" "$seed/state-fs"
mkdir -p "$rootfs/var/lib/kiosk"
mkfs.ext4 -q -L root-a -d "$rootfs" "$out/root.img" $((root_mib))M
mkfs.ext4 -q -L kiosk-state -d "$seed/state-fs" "$out/state.img" $((state_mib))M

disk=$out/kiosk.img
rm -f "$disk"
truncate -s $(((1 + esp_mib + 2 * root_mib + state_mib + 1) * mib)) "$disk"
sfdisk -q "$disk" <<SFDISK
label: gpt
start=1MiB, size=${esp_mib}MiB, type=uefi, name=ESP
size=${root_mib}MiB, type=4f68bce3-e8cd-4db1-96e7-fbcaf984b709, uuid=$uuid_a, name=root-a
size=${root_mib}MiB, type=4f68bce3-e8cd-4db1-96e7-fbcaf984b709, uuid=$uuid_b, name=root-b
size=${state_mib}MiB, type=linux, uuid=$uuid_state, name=kiosk-state
SFDISK
dd if="$esp" of="$disk" bs=1M seek=1 conv=notrunc,sparse status=none
dd if="$out/root.img" of="$disk" bs=1M seek=$((1 + esp_mib)) conv=notrunc,sparse status=none
dd if="$out/state.img" of="$disk" bs=1M seek=$((1 + esp_mib + 2 * root_mib)) conv=notrunc,sparse status=none
rm -f "$esp" "$out/state.img" "$out"/loader.conf "$out"/kiosk-?.conf
# root.img stays: it is the payload of a RAUC update bundle (deploy/rauc/make-bundle.sh).
echo "build-image: $disk ($(du -h --apparent-size "$disk" | cut -f1), $(du -h "$disk" | cut -f1) used) in $(($(date +%s) - start)) s"
