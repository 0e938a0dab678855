#include "ui/theme.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

Theme theme_normal() {
  Theme t;
  t.name = "normal";
  t.background = IM_COL32(246, 244, 239, 255);
  t.surface = IM_COL32(255, 255, 255, 255);
  t.surface_pressed = IM_COL32(226, 232, 240, 255);
  t.text = IM_COL32(25, 28, 32, 255);
  t.text_muted = IM_COL32(80, 86, 94, 255);
  t.accent = IM_COL32(20, 83, 140, 255);
  t.on_accent = IM_COL32(255, 255, 255, 255);
  t.focus = IM_COL32(176, 72, 0, 255);  // 3:1 against every light background, unlike a bright orange
  t.open = IM_COL32(22, 110, 50, 255);
  t.closed = IM_COL32(170, 30, 30, 255);
  t.unknown = IM_COL32(90, 90, 90, 255);
  t.warning_bg = IM_COL32(255, 243, 205, 255);
  return t;
}

Theme theme_high_contrast() {
  Theme t;
  t.name = "high-contrast";
  t.background = IM_COL32(0, 0, 0, 255);
  t.surface = IM_COL32(0, 0, 0, 255);
  t.surface_pressed = IM_COL32(60, 60, 0, 255);
  t.text = IM_COL32(255, 255, 255, 255);
  t.text_muted = IM_COL32(230, 230, 230, 255);
  t.accent = IM_COL32(255, 235, 59, 255);
  t.on_accent = IM_COL32(0, 0, 0, 255);
  t.focus = IM_COL32(0, 255, 255, 255);
  t.open = IM_COL32(120, 255, 120, 255);
  t.closed = IM_COL32(255, 150, 150, 255);
  t.unknown = IM_COL32(230, 230, 230, 255);
  t.warning_bg = IM_COL32(40, 40, 0, 255);
  return t;
}

double contrast_ratio(ImU32 a, ImU32 b) {
  const auto luminance = [](ImU32 c) {
    const auto channel = [](unsigned v) {
      const double s = v / 255.0;
      return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * channel(c & 0xFF) + 0.7152 * channel((c >> 8) & 0xFF) + 0.0722 * channel((c >> 16) & 0xFF);
  };
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

std::vector<ColourPair> colour_pairs(const Theme& t) {
  std::vector<ColourPair> pairs;
  for (const auto& [bg_name, bg] : {std::pair{"background", t.background}, std::pair{"surface", t.surface},
                                    std::pair{"surface pressed", t.surface_pressed}}) {
    pairs.push_back({std::string("text on ") + bg_name, t.text, bg, 4.5});
    pairs.push_back({std::string("muted text on ") + bg_name, t.text_muted, bg, 4.5});
    pairs.push_back({std::string("open on ") + bg_name, t.open, bg, 4.5});
    pairs.push_back({std::string("closed on ") + bg_name, t.closed, bg, 4.5});
    pairs.push_back({std::string("unknown on ") + bg_name, t.unknown, bg, 4.5});
    pairs.push_back({std::string("accent (borders, icons) on ") + bg_name, t.accent, bg, 3.0});
    pairs.push_back({std::string("focus ring on ") + bg_name, t.focus, bg, 3.0});
    // Pictograms are graphics (WCAG 1.4.11, 3:1): drawn in the colour of the words beside them.
    for (const auto& [what, fg] : {std::pair{"pictogram", t.text}, std::pair{"fact pictogram", t.text_muted},
                                   std::pair{"open pictogram", t.open}, std::pair{"closed pictogram", t.closed},
                                   std::pair{"unknown pictogram", t.unknown}})
      pairs.push_back({std::string(what) + " on " + bg_name, fg, bg, 3.0});
  }
  pairs.push_back({"text on accent (selected buttons)", t.on_accent, t.accent, 4.5});
  pairs.push_back({"pictogram on accent (selected buttons, search)", t.on_accent, t.accent, 3.0});
  pairs.push_back({"text on the idle warning", t.text, t.warning_bg, 4.5});
  return pairs;
}

}  // namespace kiosk::ui
