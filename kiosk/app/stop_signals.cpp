#include "app/stop_signals.h"

#include <unistd.h>

#include <csignal>

namespace kiosk::app {

namespace {

volatile std::sig_atomic_t stop_signal = 0;  // a signal handler can only reach a global

extern "C" void on_stop_signal(int) {
  stop_signal = 1;
  ::alarm(10);  // async-signal-safe; SIGALRM's default action terminates
}

}  // namespace

void install_stop_signals() {
  struct sigaction sa {};
  sa.sa_handler = on_stop_signal;
  sigemptyset(&sa.sa_mask);
  sigaction(SIGTERM, &sa, nullptr);
  sigaction(SIGINT, &sa, nullptr);
}

bool stop_requested() {
  return stop_signal != 0;
}

}  // namespace kiosk::app
