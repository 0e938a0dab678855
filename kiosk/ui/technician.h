#pragma once
// The technician screen: opened by holding the top-left corner for three seconds, then a PIN whose hash
// lives in the kiosk's local config (never in the bundle). It uses ImGui's own text: it is for
// technicians, not residents.

#include <future>
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
  // Content: where the shown bundle came from and whether its signature holds.
  std::string bundle_dir;
  std::string signature;       // "valid (key ...), N files intact", or what is wrong
  std::string out_of_service;  // why no bundle is shown; empty when one is
  std::string sync;            // the last sync: time, outcome, message; empty when the kiosk does not sync
  bool can_sync = false;       // the kiosk config has a sync source
};

struct TechnicianState {
  bool open = false;
  bool asking_pin = false;
  std::string pin;  // digits typed so far; cleared after each try
  int failures = 0;
  double locked_until = 0;
  double corner_down_since = -1;
  double last_input = 0;            // the technician's last touch: the screen closes when idle like a visit
  std::future<bool> pin_check;      // Argon2 takes a moment: checked off the frame loop
  bool sync_requested = false;      // "Sync now": the app runs a sync in the background
  bool rollback_requested = false;  // "Previous bundle": the app goes back and switches
};

// Takes the result of a finished PIN check (none while it runs): right opens the screen, wrong counts
// towards the lockout, but only while the pad is still open; a result that ends after the pad was
// cancelled or timed out is dropped.
void take_pin_result(TechnicianState& t, double clock);

// Watches for the corner gesture; draws the PIN pad and the screen when open. Returns true while the
// technician screen has the display (the resident UI is not drawn then). After the kiosk's idle time
// without a touch or key (the frame's input), the PIN pad and the screen close.
bool technician_frame(UiEnv& env, TechnicianState& t, const std::string& pin_hash, const DeviceFacts& facts);

}  // namespace kiosk::ui
