#pragma once
// Building blocks of the screens: text through our pipeline, tappable areas that ignore drags, and
// rectangles mirrored for right-to-left locales.

#include <imgui.h>
#include <imgui_internal.h>

#include "ui/ui_env.h"

namespace kiosk::ui {

struct TextStyle {
  float size = 32;  // design pixels, before the resident's text scale
  bool bold = false;
  text::Align align = text::Align::start;
  int max_lines = 0;
};

// Lays out text in the current locale (cached); sizes in screen pixels.
std::shared_ptr<const text::Paragraph> para(UiEnv& env, const std::string& s, float width, const TextStyle& st);
void draw_para(UiEnv& env, const text::Paragraph& p, ImVec2 pos, ImU32 color);
// Lays out and draws; returns the height used.
float text_at(UiEnv& env, const std::string& s, ImVec2 pos, float width, const TextStyle& st, ImU32 color);

// A tappable area: true when released over it without having been dragged (a scroll is not a tap).
bool tap_area(const char* id, const ImRect& r);
// A filled button with a centred label.
bool button(UiEnv& env, const char* id, const ImRect& r, const std::string& label, bool primary = false,
            bool selected = false);

// In right-to-left locales the layout is the mirror image: x measured from the right edge.
ImRect mirror(const UiEnv& env, const ImRect& r);

}  // namespace kiosk::ui
