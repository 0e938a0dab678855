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
// The full-screen window a resident screen draws into: no decoration or padding, the theme's background.
void begin_full_screen(const UiEnv& env, const char* name);
void end_full_screen();

std::shared_ptr<const text::Paragraph> para(UiEnv& env, const std::string& s, float width, const TextStyle& st);
void draw_para(UiEnv& env, const text::Paragraph& p, ImVec2 pos, ImU32 color);
// Lays out and draws; returns the height used.
float text_at(UiEnv& env, const std::string& s, ImVec2 pos, float width, const TextStyle& st, ImU32 color);

// Notes a text or heading for reading aloud (text_at does this itself).
void note_text(UiEnv& env, const std::string& text, const ImRect& r, A11yRole role = A11yRole::text);

// A tappable area: true when released over it without having been dragged (a scroll is not a tap), or
// when the keys' focus is on it and Enter is pressed. `label` is what it says when read aloud.
bool tap_area(UiEnv& env, const char* id, const ImRect& r, const std::string& label, bool selected = false);
// The words of a label (split at spaces), e.g. to measure the longest one.
std::vector<std::string> split_on_spaces(const std::string& s);
// The text size (design pixels, from `size` down to 60 % of it) at which the longest word of `text`
// fits into `width`: labels wrap between words, never inside one (long Tamil or German words).
float fit_word_size(UiEnv& env, const std::string& text, float width, float size, bool bold);
// The height a button needs for its label (up to three lines) at the current text size.
float button_height(UiEnv& env, const std::string& label, float width, float min_height, std::string_view icon = {});
// A control that is scrolled out of view this frame (not drawn): noted so that the keys can reach it;
// `id` must be the one its tap_area uses when it is drawn.
void note_hidden_control(UiEnv& env, const char* id, const ImRect& r, const std::string& label);
// The area a screen scrolls with Session::scroll: the keys' focus is scrolled into it.
void note_scroll_view(UiEnv& env, const ImRect& view);
// A filled button with a centred label, and its pictogram (a name, see ui/pictograms.h) at the reading
// side. `spoken`: what it says when read aloud, where the label is a symbol ("AA 150 %").
bool button(UiEnv& env, const char* id, const ImRect& r, const std::string& label, bool primary = false,
            bool selected = false, const std::string& spoken = {}, std::string_view icon = {});

// In right-to-left locales the layout is the mirror image: x measured from the right edge.
ImRect mirror(const UiEnv& env, const ImRect& r);

}  // namespace kiosk::ui
