#pragma once
// One text engine for the tests of a program, with the project's fonts.yaml.

#include <catch2/catch.hpp>

#include "support/test_support.h"
#include "text/text_engine.h"

namespace kiosk::test {

inline text::TextEngine& engine() {
  static std::unique_ptr<text::TextEngine> e = [] {
    Diagnostics diags;
    auto made = text::make_text_engine(source_dir() / "fonts" / "fonts.yaml", diags);
    REQUIRE(made);
    return made;
  }();
  return *e;
}

inline text::Paragraph lay(const std::string& s, const std::string& locale, float size = 32, float width = 0,
                           text::Align align = text::Align::start, int max_lines = 0) {
  text::LayoutRequest r;
  r.text = s;
  r.locale = locale;
  r.size_px = size;
  r.max_width = width;
  r.align = align;
  r.max_lines = max_lines;
  return text::layout(*engine().fonts, r);
}

inline std::string font_file(const text::GlyphRun& run) {
  return std::filesystem::path(engine().fonts->face(run.font).path).filename().string();
}

}  // namespace kiosk::test
