#!/bin/sh
# The kiosk session (kiosk.service in the image): cage showing the kiosk full screen.
# wlroots' renderer: GLES2 on a GPU with 3D (Intel, AMD, NVIDIA via nouveau); pixman (CPU) on anything else —
# display-only devices such as a virtual machine's graphics (virtio-gpu, bochs), server graphics or simpledrm.
# There wlroots' GL falls back to Mesa's kms_swrast and cage 0.1.4 crashes (SIGSEGV), or refuses the device.
# With pixman, the kiosk draws with Mesa's software GL (llvmpipe) into shared memory, which is enough for its
# screens. Override in /etc/kiosk/session.env (read by the unit): WLR_RENDERER=gles2 or WLR_RENDERER=pixman.
set -eu
if [ -z "${WLR_RENDERER:-}" ]; then
  renderer=pixman
  for card in /sys/class/drm/card[0-9]*; do
    [ -e "$card/device/driver" ] || continue
    case $(basename "$(readlink -f "$card/device/driver")") in
      i915|xe|amdgpu|radeon|nouveau) renderer=gles2 ;;
    esac
  done
  export WLR_RENDERER=$renderer
fi
echo "kiosk-session: wlroots renderer $WLR_RENDERER" >&2
# The watchdog: systemd gives WATCHDOG_PID=<this process, later cage>, and sd_watchdog_enabled() in the kiosk
# (cage's child) ignores the watchdog unless WATCHDOG_PID is its own pid, so it would never send WATCHDOG=1 and
# systemd would kill the session 30 s after the first frame. The shell below execs the kiosk, so its $$ is the
# kiosk's pid. (NotifyAccess=all lets the kiosk notify.)
# CAGE_OPTIONS from session.env, e.g. -r (rotate 90° clockwise; up to three times).
# shellcheck disable=SC2086
# shellcheck disable=SC2016
exec /usr/bin/cage -s ${CAGE_OPTIONS:-} -- /bin/sh -c '[ -z "${WATCHDOG_USEC:-}" ] || export WATCHDOG_PID=$$
exec /usr/bin/kiosk --config /etc/kiosk/kiosk.yaml'
