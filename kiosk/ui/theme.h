#pragma once
// Colours and sizes of the resident screens: a calm default and a high-contrast theme.

#include <imgui.h>

#include <string>

namespace kiosk::ui {

struct Theme {
  std::string name;
  ImU32 background, surface, surface_pressed, text, text_muted, accent, on_accent, focus;
  ImU32 open, closed, unknown, warning_bg;
  float text_scale = 1.0f;  // 1.0, 1.5, 2.0: the resident's text size
};

Theme theme_normal();
Theme theme_high_contrast();

}  // namespace kiosk::ui
