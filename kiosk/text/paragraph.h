#pragma once
// A laid-out paragraph: lines of positioned glyphs in visual order, ready to draw.

#include <string>
#include <vector>

#include "text/font_set.h"

namespace kiosk::text {

enum class Align { start, end, center };  // start/end follow the paragraph's direction
enum class Direction { from_locale, from_text, ltr, rtl };

struct LayoutRequest {
  std::string text;  // UTF-8; invalid sequences become U+FFFD
  std::string locale = "en";
  float size_px = 16;
  float max_width = 0;  // 0: no wrapping
  Align align = Align::start;
  int max_lines = 0;  // 0: no limit; else the last line ends in an ellipsis
  Direction direction = Direction::from_locale;
  bool bold = false;
};

struct Glyph {
  unsigned gid = 0;
  std::size_t cluster = 0;  // UTF-8 byte offset into the request's text
  float x = 0, y = 0;       // pen position relative to the run's line origin (y grows down)
  float advance = 0;
};

struct GlyphRun {
  FontId font = 0;
  std::string script;  // ISO 15924, e.g. "Arab"
  bool rtl = false;
  std::vector<Glyph> glyphs;  // visual order, left to right
};

struct Line {
  float x = 0;         // left edge after alignment, within the paragraph's box
  float baseline = 0;  // from the top of the paragraph
  float ascent = 0, descent = 0;
  float width = 0;
  std::vector<GlyphRun> runs;  // visual order, left to right
};

struct Paragraph {
  std::vector<Line> lines;
  float width = 0;  // the box: max_width when given, else the widest line
  float height = 0;
  float size_px = 0;
  bool rtl = false;        // base direction
  bool truncated = false;  // cut to max_lines (ellipsis) or to the length limit
  int missing_glyphs = 0;  // characters no font has: drawn as boxes
};

// Longest text laid out, in UTF-8 bytes. Longer text is cut (at a character) and ends with "…": a
// kiosk paragraph is never this long, and the cap keeps hostile input from stalling a frame.
inline constexpr std::size_t max_text_bytes = 16 * 1024;

}  // namespace kiosk::text
