#pragma once
// SIGTERM and SIGINT end the kiosk (systemd stops it with SIGTERM), even though the kiosk ignores
// everything a resident could do to close it. SDL's own handlers are off: SDL turns the signals into
// SDL_QUIT, which the locked-down kiosk ignores.

namespace kiosk::app {

// Installs the handlers. After the first signal the main loop has 10 s to end cleanly; then SIGALRM's
// default action ends the process, whatever it was stuck in.
void install_stop_signals();
bool stop_requested();

}  // namespace kiosk::app
