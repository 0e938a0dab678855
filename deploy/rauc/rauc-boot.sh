#!/bin/sh
# RAUC's custom boot loader backend for systemd-boot on the kiosk's ESP (mounted at /boot/efi).
# systemd-boot boots loader.conf's `default`; a slot's state (good/bad) is a file on the ESP. A new slot
# becomes primary with one try: its entry is renamed with boot counting (kiosk-b+1.conf); systemd-boot counts
# down and falls back to the other entry when the count is used up and the slot was not marked good.
set -eu
esp=/boot/efi
entries=$esp/loader/entries
slot_file() { echo "$esp/loader/state-$1"; }
lower() { echo "$1" | tr AB ab; }
entry() { ls "$entries"/kiosk-"$(lower "$1")"*.conf 2>/dev/null | head -1; }
case "$1" in
  get-primary)
    sed -n 's/^default kiosk-\([ab]\).*/\1/p' "$esp/loader/loader.conf" | tr ab AB ;;
  set-primary)
    slot=$2; e=$(entry "$slot")
    # One try (boot counting): systemd-boot renames +1 to +0-1 when it boots it; bless-boot makes it plain when good.
    mv "$e" "$entries/kiosk-$(lower "$slot")+1.conf"
    sed -i "s/^default .*/default kiosk-$(lower "$slot")*/" "$esp/loader/loader.conf" ;;
  get-state)
    cat "$(slot_file "$2")" 2>/dev/null || echo good ;;
  set-state)
    echo "$3" > "$(slot_file "$2")"
    if [ "$3" = good ]; then e=$(entry "$2"); mv "$e" "$entries/kiosk-$(lower "$2").conf" 2>/dev/null || true; fi ;;
  get-current)
    sed -n 's/.*rauc\.slot=\([AB]\).*/\1/p' /proc/cmdline ;;
  *) echo "rauc-boot.sh: unknown command $1" >&2; exit 1 ;;
esac
