#pragma once
// Colours and sizes of the resident screens: a calm default and a high-contrast theme.

#include <imgui.h>

#include <string>
#include <vector>

namespace kiosk::ui {

struct Theme {
  std::string name;
  ImU32 background, surface, surface_pressed, text, text_muted, accent, on_accent, focus;
  ImU32 open, closed, unknown, warning_bg;
  float text_scale = 1.0f;  // 1.0, 1.5, 2.0: the resident's text size
};

Theme theme_normal();
Theme theme_high_contrast();

// WCAG 2.2 contrast ratio of two colours (1 … 21), from their relative luminance.
double contrast_ratio(ImU32 a, ImU32 b);

// Every foreground/background pair a theme draws, with the ratio WCAG 2.2 AA asks of it: 4.5:1 for
// text, 3:1 for large text, pictograms, borders and the focus ring. The contrast test checks them all.
struct ColourPair {
  std::string what;
  ImU32 fg, bg;
  double min_ratio;
};
std::vector<ColourPair> colour_pairs(const Theme& t);

}  // namespace kiosk::ui
