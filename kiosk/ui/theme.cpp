#include "ui/theme.h"

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
  t.focus = IM_COL32(230, 120, 0, 255);
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

}  // namespace kiosk::ui
