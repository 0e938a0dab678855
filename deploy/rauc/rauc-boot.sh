#!/bin/sh
# RAUC's custom boot loader backend for systemd-boot on the kiosk's ESP (mounted at /boot/efi).
# The slot systemd-boot boots normally is loader.conf's `default kiosk-a.conf` / `default kiosk-b.conf`.
# A newly installed slot becomes primary on trial: it is booted ONCE through systemd-boot's one-shot entry
# (the EFI variable LoaderEntryOneShot, set with `bootctl set-oneshot`; the firmware forgets it after that
# boot), and the pending slot is noted in loader/rauc-trial. Only when that slot is marked good
# (kiosk-mark-good.service, after the kiosk has run) does it become loader.conf's default. If the new system
# never gets there, the next boot (any reboot or power cycle) is the old default slot again, and the next
# call of this backend marks the trial slot bad.
# A slot's good/bad state is a file on the ESP.
set -eu
esp=/boot/efi
conf=$esp/loader/loader.conf
trial=$esp/loader/rauc-trial
lower() { echo "$1" | tr AB ab; }
default_slot() { sed -n 's/^default kiosk-\([ab]\)\.conf$/\1/p' "$conf" | tr ab AB; }
current() { sed -n 's/.*rauc\.slot=\([AB]\).*/\1/p' /proc/cmdline; }
make_default() { sed -i "s/^default .*/default kiosk-$(lower "$1").conf/" "$conf"; }
# systemd-boot deletes the one-shot variable when it boots that entry. A trial slot whose variable is gone,
# while another slot runs, had its one boot and was not marked good: it failed (rolled back).
oneshot=/sys/firmware/efi/efivars/LoaderEntryOneShot-4a67b082-0a4c-41cf-b6c7-440b29bb8c4f
pending=$(cat "$trial" 2>/dev/null || true)
if [ -n "$pending" ] && [ ! -e "$oneshot" ] && [ "$(current)" != "$pending" ]; then
  echo "rauc-boot.sh: slot $pending had its trial boot and was not marked good: back on $(current)" >&2
  echo bad > "$esp/loader/state-$pending"
  rm -f "$trial"
  sync
fi
case "$1" in
  get-primary)
    if [ -s "$trial" ]; then cat "$trial"; else default_slot; fi ;;
  set-primary)
    slot=$2
    if [ "$slot" = "$(default_slot)" ]; then
      # Back to the default slot (e.g. `rauc status mark-active` of the running one): no trial pending.
      rm -f "$trial"
      bootctl set-oneshot "" 2>/dev/null || true
    else
      bootctl set-oneshot "kiosk-$(lower "$slot").conf"
      echo "$slot" > "$trial"
    fi
    sync ;;
  get-state)
    cat "$esp/loader/state-$2" 2>/dev/null || echo good ;;
  set-state)
    echo "$3" > "$esp/loader/state-$2"
    if [ "$3" = good ] && [ "$(cat "$trial" 2>/dev/null)" = "$2" ] && [ "$(current)" = "$2" ]; then
      # The slot on trial runs and is good: from now on it is the one booted.
      make_default "$2"
      rm -f "$trial"
    elif [ "$3" = bad ] && [ "$(cat "$trial" 2>/dev/null)" = "$2" ]; then
      rm -f "$trial"
      bootctl set-oneshot "" 2>/dev/null || true
    fi
    sync ;;
  get-current)
    current ;;
  *) echo "rauc-boot.sh: unknown command $1" >&2; exit 1 ;;
esac
