#pragma once
// What the kiosk does at start, around opening its window: fonts, its local config, speech, the settings,
// the first bundle (loaded while the window opens), and the screen and clock a preview asks for.

#include <optional>

#include "app/kiosk.h"

namespace kiosk::app {

// Fonts, the config, speech and the settings; starts loading the first bundle on another thread. Returns
// an exit code when the kiosk cannot start (no fonts).
std::optional<int> set_up(Kiosk& k);

// Once the display is open: shows the first bundle and what a preview asks for. Returns an exit code
// when the kiosk cannot start (a bundle named by hand that does not load, a preview option that names
// nothing: 2).
std::optional<int> show_first(Kiosk& k);

}  // namespace kiosk::app
