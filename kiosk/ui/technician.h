#pragma once
// The technician screen: opened by holding the top-left corner for three seconds, then a PIN whose hash
// lives in the kiosk's local config (never in the bundle). It uses ImGui's own text: it is for
// technicians, not residents.

#include <string>

#include "ui/ui_env.h"

namespace kiosk::ui {

struct DeviceFacts {
  std::string version;   // of this program
  std::string renderer;  // SDL renderer name
  std::string video_driver;
  int width = 0, height = 0;
  double rss_mib = 0;
  int touch_devices = 0;
};

struct TechnicianState {
  bool open = false;
  bool asking_pin = false;
  std::string pin;  // digits typed so far; cleared after each try
  int failures = 0;
  double locked_until = 0;
  double corner_down_since = -1;
};

// Watches for the corner gesture; draws the PIN pad and the screen when open. Returns true while the
// technician screen has the display (the resident UI is not drawn then).
bool technician_frame(UiEnv& env, TechnicianState& t, const std::string& pin_hash, const DeviceFacts& facts);

}  // namespace kiosk::ui
