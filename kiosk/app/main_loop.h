#pragma once
// The kiosk on a real screen: SDL's events to the UI, a frame at the display's rate, sync on its
// schedule, and systemd's watchdog fed from the loop itself, until SIGTERM (or, windowed, the window closes).

#include "app/kiosk.h"

namespace kiosk::app {

void run_main_loop(Kiosk& k);

}  // namespace kiosk::app
