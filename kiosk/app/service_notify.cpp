#include "app/service_notify.h"

#include <systemd/sd-daemon.h>

#include <cstdint>
#include <cstdlib>

namespace kiosk::app {

ServiceNotify::ServiceNotify() {
  std::uint64_t usec = 0;
  // The kiosk runs as cage's child: systemd's WATCHDOG_PID names cage, so sd_watchdog_enabled() says no.
  // NotifyAccess=all lets a child feed the watchdog: WATCHDOG_USEC alone is enough.
  if (sd_watchdog_enabled(0, &usec) <= 0)
    if (const char* e = std::getenv("WATCHDOG_USEC")) usec = std::strtoull(e, nullptr, 10);
  if (usec > 0) {
    enabled_ = true;
    interval_ = std::chrono::microseconds(usec / 2);
  }
}

void ServiceNotify::ready() {
  sd_notify(0, "READY=1");
}

void ServiceNotify::status(const std::string& text) {
  sd_notify(0, ("STATUS=" + text).c_str());
}

void ServiceNotify::alive() {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - last_ < interval_) return;
  last_ = now;
  sd_notify(0, "WATCHDOG=1");
}

}  // namespace kiosk::app
