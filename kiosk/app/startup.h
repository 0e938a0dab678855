#pragma once
// What the kiosk does before it opens its window: fonts, its local config, speech, the settings, the
// first bundle, and the screen and clock a preview asks for.

#include <optional>

#include "app/kiosk.h"

namespace kiosk::app {

// Returns an exit code when the kiosk cannot start (no fonts, a bundle named by hand that does not load,
// a preview option that names nothing: 2).
std::optional<int> set_up(Kiosk& k);

}  // namespace kiosk::app
