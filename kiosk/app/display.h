#pragma once
// The screen: an SDL window with a renderer (the GPU where there is one, else software; always software
// when headless) and Dear ImGui on it.

#include <optional>

#include "app/kiosk.h"

namespace kiosk::app {

// Opens the window, the renderer and Dear ImGui for k; returns an exit code when that fails.
std::optional<int> open_display(Kiosk& k);
void close_display(Kiosk& k);

}  // namespace kiosk::app
