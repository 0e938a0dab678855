// Reading order: rows top to bottom, each row from the reading side.

#include <catch2/catch.hpp>

#include "ui/a11y.h"

using namespace kiosk::ui;

TEST_CASE("reading order goes by rows, and mirrors within a row for right-to-left", "[a11y]") {
  std::vector<A11yItem> items = {
      {A11yRole::button, ImRect(600, 10, 800, 60), "c", 3, false},  // row 1, right
      {A11yRole::text, ImRect(0, 100, 300, 140), "d", 0, false},    // row 2
      {A11yRole::button, ImRect(0, 12, 200, 58), "a", 1, false},    // row 1, left (starts a bit lower)
      {A11yRole::button, ImRect(300, 8, 500, 62), "b", 2, false},   // row 1, middle
  };
  std::string ltr, rtl;
  for (auto i : reading_order(items, false)) ltr += items[i].text;
  for (auto i : reading_order(items, true)) rtl += items[i].text;
  CHECK(ltr == "abcd");
  CHECK(rtl == "cbad");
  A11yFrame f{items};
  CHECK(focus_order(f, false) == std::vector<ImGuiID>{1, 2, 3});
  CHECK(focus_order(f, true) == std::vector<ImGuiID>{3, 2, 1});
  CHECK(find_control(f, 2)->text == "b");
  CHECK(find_control(f, 99) == nullptr);
}
