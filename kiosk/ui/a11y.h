#pragma once
// What is on the screen, for people who do not see it: every text and control a screen draws is noted
// here (with its place), so that keys can move a focus through the controls in reading order and the
// screen can be read aloud. Rebuilt every frame; the previous frame's list drives the keys.

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

namespace kiosk::ui {

enum class A11yRole { heading, text, button };

struct A11yItem {
  A11yRole role = A11yRole::text;
  ImRect rect;
  std::string text;
  ImGuiID id = 0;         // controls
  bool selected = false;  // toggles that are on
  bool clipped = false;   // a control's visible label does not fit into it (checked by the reflow test)
  std::string icon = {};  // the pictogram drawn with it (a name), which `text` names for speech and keys
};

struct A11yFrame {
  std::vector<A11yItem> items;
};

// Keys of a tactile keypad or keyboard, this frame (the app maps its key codes to these).
struct NavKeys {
  bool next = false, previous = false;  // down/up; right/left mirror in right-to-left locales
  bool left = false, right = false;
  bool activate = false;  // Enter
  bool help = false;      // Help / F1: what this screen is and how to use the keys
  bool repeat = false;    // read the screen again
  bool stop = false;      // stop speaking
  [[nodiscard]] bool any() const { return next || previous || left || right || activate || help || repeat || stop; }
};

// Indices of items in reading order: rows from top to bottom, each row from the reading side.
std::vector<std::size_t> reading_order(const std::vector<A11yItem>& items, bool rtl);
// The controls' ids in reading order (the focus order).
std::vector<ImGuiID> focus_order(const A11yFrame& frame, bool rtl);
const A11yItem* find_control(const A11yFrame& frame, ImGuiID id);

}  // namespace kiosk::ui
