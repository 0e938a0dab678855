#pragma once
// Talks to systemd when it runs the kiosk (Type=notify, WatchdogSec=): READY once the first frame is on the
// screen, WATCHDOG from the main loop (a frozen UI stops them, and systemd restarts the kiosk), STATUS for
// `systemctl status`. Does nothing outside systemd.

#include <chrono>
#include <string>

namespace kiosk::app {

class ServiceNotify {
 public:
  ServiceNotify();
  void ready();
  void status(const std::string& text);
  // Call every frame: sends WATCHDOG=1 at half the watchdog interval.
  void alive();

 private:
  bool enabled_ = false;
  std::chrono::steady_clock::duration interval_{};
  std::chrono::steady_clock::time_point last_{};
};

}  // namespace kiosk::app
