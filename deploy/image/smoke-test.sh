#!/bin/bash
# Smoke test of a built kiosk image (deploy/image/build-image.sh):
#   deploy/image/smoke-test.sh [--image build/image/kiosk.img] [--minutes 12] [--vga virtio|std]
#                              [--inject DIR] [--rauc-bundle FILE.raucb [--rollback]] [--chroot]
# Default: boots a throw-away copy of the image in qemu (UEFI via OVMF, software emulation: no KVM needed, a
# virtual NIC on qemu's isolated user network). Into the copy's root-a (never into the image) it writes
# smoke-report.service, which waits until kiosk.service's start job is done, waits 45 s more, then prints to
# the serial console: the kiosk unit's state and restart count, `ss -ltnup` and `ss -lunp`, `rauc status`, and
# a SMOKE-RESULT line, and powers the VM off. The test passes only if
#   - the console shows "Started kiosk.service" (the unit is Type=notify and the kiosk sends READY=1 after its
#     first frame, so this means the first frame was drawn),
#   - the kiosk is still active 45 s later (past its 30 s watchdog) with 0 restarts, and no kiosk.service failure was logged,
#   - nothing listens on an address other than loopback (TCP or UDP; only networkd's DHCP client socket is
#     allowed, it takes only answers to its own requests).
# --inject DIR: copy DIR's contents over the copy's root too (try a drop-in without rebuilding the image).
# --rauc-bundle FILE: the A/B update test instead: boot 1 (slot A) installs FILE from a second disk
#   (`rauc install`) and reboots; boot 2 must come up in slot B (the bundle's root, without the report unit:
#   the evidence is the console), start the kiosk, and kiosk-mark-good.service must mark rootfs.1 good; the
#   ESP's loader.conf then defaults to B. With --rollback: boot 2 is powered off once the kiosk started,
#   before it was marked good, and boot 3 must be slot A again (rootfs.0 marked good).
# --chroot: instead runs `kiosk --self-test` inside the image's root file system (fast; no boot, no display).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
image=$here/../../build/image/kiosk.img
minutes=12
mode=boot
vga=virtio
inject=""
bundle=""
rollback=no
while [ $# -gt 0 ]; do
  case $1 in
    --image) image=$2; shift 2 ;;
    --minutes) minutes=$2; shift 2 ;;
    --vga) vga=$2; shift 2 ;;
    --inject) inject=$(cd "$2" && pwd); shift 2 ;;
    --rauc-bundle) bundle=$(realpath "$2"); mode=rauc; shift 2 ;;
    --rollback) rollback=yes; shift ;;
    --chroot) mode=chroot; shift ;;
    *) echo "usage: $0 [--image FILE] [--minutes N] [--vga virtio|std] [--inject DIR] [--rauc-bundle FILE [--rollback]] [--chroot]" >&2; exit 2 ;;
  esac
done
image=$(realpath "$image")
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
work=$(mktemp -d /var/tmp/kiosk-smoke.XXXXXX)
part=$work/serial.log
mnt=$work/root
qemu=""
loopdev=""
cleanup() {
  [ -n "$qemu" ] && kill "$qemu" 2>/dev/null || true
  mountpoint -q "$mnt" && umount "$mnt"
  [ -n "$loopdev" ] && losetup -d "$loopdev" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
disk=$work/disk.img
cp --sparse=always "$image" "$disk"
# The firmware's variables (NVRAM) of this test machine: kept across its reboots, like a real one's.
cp /usr/share/OVMF/OVMF_VARS_4M.fd "$work/vars.fd"

# root-a of the copy: the report unit (and --inject).
read -r off size < <(sfdisk -d "$disk" | sed -n 's/.*start= *\([0-9]*\), size= *\([0-9]*\),.*name="root-a".*/\1 \2/p')
mkdir -p "$mnt"
loopdev=$(losetup -f --show -o $((off * 512)) --sizelimit $((size * 512)) "$disk")
mount "$loopdev" "$mnt"
[ -z "$inject" ] || cp -a "$inject/." "$mnt/"
# The unit that reports (boot mode) or installs (update modes) once the kiosk runs: DESCRIPTION, EXEC and
# extra [Unit] lines.
write_smoke_unit() {
  cat > "$mnt/etc/systemd/system/smoke-report.service" <<UNIT
[Unit]
Description=$1 (test copies of the image only)
After=kiosk.service
$3
[Service]
Type=oneshot
ExecStart=$2
StandardOutput=tty
StandardError=tty
TTYPath=/dev/ttyS0

[Install]
WantedBy=graphical.target
UNIT
}
if [ "$mode" = boot ]; then
  write_smoke_unit "Smoke test report" /usr/local/sbin/smoke-report ""
else
  # Boot 1 of the update test: install the bundle from the second disk, then reboot into the new slot.
  # Once: slot A boots again in the rollback test.
  write_smoke_unit "Smoke test: RAUC install" /usr/local/sbin/smoke-install \
    "ConditionPathExists=!/var/lib/kiosk/smoke-installed"
  cat > "$mnt/usr/local/sbin/smoke-install" <<'SCRIPT'
#!/bin/sh
echo "SMOKE-INSTALL-BEGIN"
rauc status
mkdir -p /run/smoke-bundle && mount -o ro /dev/vdb /run/smoke-bundle
touch /var/lib/kiosk/smoke-installed
if rauc install /run/smoke-bundle/*.raucb; then echo "SMOKE-INSTALL ok"; else echo "SMOKE-INSTALL failed"; fi
rauc status --detailed
ls -l /boot/efi/loader/entries /boot/efi/loader; cat /boot/efi/loader/loader.conf
echo "one-shot boot entry: $(ls /sys/firmware/efi/efivars | grep LoaderEntryOneShot || echo none)"
echo "SMOKE-INSTALL-END"
umount /run/smoke-bundle
systemctl reboot
SCRIPT
  chmod 755 "$mnt/usr/local/sbin/smoke-install"
fi
cat > "$mnt/usr/local/sbin/smoke-report" <<'SCRIPT'
#!/bin/sh
# A crash-looping kiosk would be restarted within these 45 s, and an unfed watchdog (WatchdogSec=30) would
# have killed it: NRestarts and the state show it.
sleep 45
echo "SMOKE-REPORT-BEGIN"
command -v ss >/dev/null || { echo "SMOKE-RESULT no ss in the image (iproute2)"; echo "SMOKE-REPORT-END"; systemctl poweroff; exit 1; }
systemctl show -p ActiveState -p SubState -p NRestarts -p Result -p StatusText kiosk.service
ls -l /dev/dri
dmesg | grep -a -i -E "segfault|traps:|general protection|type=1326" | tail -5
journalctl -b -u kiosk.service --no-pager -o cat | tail -20
echo "--- ss -ltnup"; ss -ltnup
echo "--- ss -lunp"; ss -lunp
echo "--- rauc status"; rauc status
active=$(systemctl is-active kiosk.service)
restarts=$(systemctl show -p NRestarts --value kiosk.service)
# Listening TCP and bound UDP sockets whose local address is not loopback, except systemd-networkd's DHCP
# client (UDP 68, DHCPv6 546: it takes only the answers to its own requests).
exposed=$(ss -Hltunp | awk '!($1 == "udp" && $5 ~ /:(68|546)$/ && $7 ~ /"systemd-network"/) {print $5}' |
  grep -v -E '^(127\.[0-9.]+(%[a-z0-9]+)?|\[::1\]|\[::ffff:127\.[0-9.]+\]):[0-9]+$' | tr '\n' ' ' || true)
echo "SMOKE-RESULT kiosk=$active restarts=$restarts exposed=[${exposed% }]"
echo "SMOKE-REPORT-END"
systemctl poweroff
SCRIPT
chmod 755 "$mnt/usr/local/sbin/smoke-report"
ln -sf /etc/systemd/system/smoke-report.service "$mnt/etc/systemd/system/graphical.target.wants/smoke-report.service"
umount "$mnt"
losetup -d "$loopdev"
loopdev=""

accel=tcg
[ -w /dev/kvm ] && accel=kvm
case $vga in
  virtio) display=(-vga none -device virtio-vga) ;;
  std) display=(-vga std) ;;
  *) echo "--vga virtio or std" >&2; exit 2 ;;
esac
extra=()
if [ "$mode" = rauc ]; then
  # The bundle on a second disk (an ext4 file system holding just the bundle).
  mkdir -p "$work/bundle-fs"
  cp "$bundle" "$work/bundle-fs/"
  mkfs.ext4 -q -d "$work/bundle-fs" "$work/bundle.img" $(( $(du -m "$bundle" | cut -f1) + 64 ))M
  rm -rf "$work/bundle-fs"
  extra=(-drive file="$work/bundle.img",format=raw,if=virtio,readonly=on)
fi
# A NIC on qemu's user network with restrict=on (no way out): networkd configures it as on site, so a DHCP
# client or anything else that would listen on it shows in ss.
run_qemu() {
  : > "$part"
  qemu-system-x86_64 -machine q35,accel=$accel -m 2048 -smp 2 \
    -drive if=pflash,format=raw,unit=0,file=/usr/share/OVMF/OVMF_CODE_4M.fd,readonly=on \
    -drive if=pflash,format=raw,unit=1,file="$work/vars.fd" \
    -drive file="$disk",format=raw,if=virtio "${extra[@]}" "${display[@]}" -display none \
    -audiodev none,id=snd0 -device ich9-intel-hda -device hda-output,audiodev=snd0 \
    -nic user,model=virtio-net-pci,restrict=on -serial file:"$part" -no-reboot &
  qemu=$!
}
deadline=$((start + minutes * 60))
# wait_for PATTERN: until the console shows PATTERN (0), qemu ends (1) or time is up (2).
wait_for() {
  while [ "$(date +%s)" -lt $deadline ]; do
    grep -aq "$1" "$part" && return 0
    kill -0 "$qemu" 2>/dev/null || { grep -aq "$1" "$part" && return 0; return 1; }
    sleep 5
  done
  return 2
}
started="Started kiosk.service\|Started Stadt für alle kiosk"
failed="kiosk.service: Failed\|kiosk.service: Main process exited\|Failed to start kiosk.service\|Failed to start Stadt für alle kiosk"
fail() {
  echo "smoke-test (qemu, $accel, $vga): FAILED after $(($(date +%s) - start)) s: $1; last console lines:" >&2
  cat "$part" >> "$log"
  tail -40 "$part" >&2
  exit 1
}
: > "$log"

# The ESP's boot loader state in the disk copy, read from the host (mtools).
esp_state() {
  echo "ESP: $(MTOOLS_SKIP_CHECK=1 mtype -i "$disk@@1M" ::/loader/loader.conf | tr -d '\r' | grep '^default'), trial:" \
    "$(MTOOLS_SKIP_CHECK=1 mtype -i "$disk@@1M" ::/loader/rauc-trial 2>/dev/null | tr -d '\r' || echo none)"
}
if [ "$mode" = rauc ]; then
  run_qemu
  wait_for "SMOKE-INSTALL-END" || fail "boot 1: no install report"
  sed -n '/SMOKE-INSTALL-BEGIN/,/SMOKE-INSTALL-END/p' "$part" | tr -d '\r'
  grep -aq "SMOKE-INSTALL ok" "$part" || fail "rauc install failed"
  wait "$qemu" || true   # -no-reboot: the reboot ends this qemu; the EFI variables stay in vars.fd
  qemu=""
  cat "$part" >> "$log"
  echo "smoke-test: boot 1 (slot A) installed the bundle after $(($(date +%s) - start)) s; $(esp_state)"
  run_qemu
  wait_for "$started" || fail "boot 2: kiosk.service did not start"
  if [ "$rollback" = yes ]; then
    # The new system is cut off before it was marked good (power cut, hang, or a kiosk that never runs):
    # the next boot must be the old slot.
    echo "smoke-test: boot 2 reached the kiosk after $(($(date +%s) - start)) s; powered off before mark-good"
    kill "$qemu"; wait "$qemu" 2>/dev/null || true; qemu=""
    cat "$part" >> "$log"
    grep -aq "marked slot" "$part" && fail "boot 2 was marked good before it was cut off"
    echo "smoke-test: $(esp_state); boot 3"
    run_qemu
    wait_for "marked slot.*as good" || fail "boot 3: no slot marked good"
    kill "$qemu"; wait "$qemu" 2>/dev/null || true; qemu=""
    cat "$part" >> "$log"
    grep -a "marked slot" "$part" | tr -d '\r'
    grep -aq "marked slot rootfs.0 as good" "$part" || fail "boot 3 did not come back to slot A"
    echo "smoke-test: $(esp_state)"
    echo "smoke-test (qemu, $accel, $vga, rauc rollback): boot 3 is slot A again, after $(($(date +%s) - start)) s"
    exit 0
  fi
  wait_for "marked slot.*as good" || fail "boot 2: no slot marked good"
  sleep 5
  kill "$qemu"; wait "$qemu" 2>/dev/null || true; qemu=""
  cat "$part" >> "$log"
  grep -aq "$failed" "$part" && fail "boot 2: kiosk.service failed at least once"
  grep -a "marked slot\|Started kiosk.service\|Started Stadt" "$part" | tr -d '\r'
  grep -aq "marked slot rootfs.1 as good" "$part" || fail "boot 2 did not run slot B"
  echo "smoke-test: $(esp_state)"
  echo "smoke-test (qemu, $accel, $vga, rauc): update installed, slot B booted, kiosk started, B marked good after $(($(date +%s) - start)) s"
  exit 0
fi

run_qemu
wait_for "$started" || fail "kiosk.service did not start within $minutes min"
echo "smoke-test: kiosk.service started (first frame) after $(($(date +%s) - start)) s"
wait_for "SMOKE-REPORT-END" || fail "no report from the VM"
wait "$qemu" 2>/dev/null || true
qemu=""
cat "$part" >> "$log"
sed -n '/SMOKE-REPORT-BEGIN/,/SMOKE-REPORT-END/p' "$part" | tr -d '\r'
result=$(grep -a "^SMOKE-RESULT" "$part" | tr -d '\r' | tail -1)
# (Up to the report: the power-off afterwards stops the kiosk.)
sed '/SMOKE-REPORT-END/q' "$part" | grep -aq "$failed" && fail "kiosk.service failed at least once"
case $result in
  "SMOKE-RESULT kiosk=active restarts=0 exposed=[]") ;;
  *) fail "$result" ;;
esac
echo "smoke-test (qemu, $accel, $vga): passed in $(($(date +%s) - start)) s: first frame, kiosk still active 45 s later, no restarts, nothing listens beyond loopback"
