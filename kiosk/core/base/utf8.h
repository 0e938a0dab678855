#pragma once
// UTF-8 checks used on every piece of content before anything else reads it.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

struct LineCol {
  int line = 1;  // 1-based
  int col = 1;   // 1-based, in code points
};

// Byte offset of the first ill-formed UTF-8 sequence, if any.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

// Each ill-formed sequence becomes U+FFFD (the W3C/Unicode "maximal subpart" practice, as ICU does).
std::string sanitize_utf8(std::string_view text);

// Line and column of a byte offset; columns count code points.
LineCol line_col_at(std::string_view text, std::size_t offset);

std::size_t count_code_points(std::string_view text);

// Explicit bidi embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069). In content they can
// make text display differently from what it says ("Trojan Source"); LRM/RLM/ALM are harmless and allowed.
bool is_bidi_control(char32_t cp);

struct CodePointAt {
  std::size_t offset;
  char32_t cp;
};
std::vector<CodePointAt> find_bidi_controls(std::string_view text);

std::string code_point_name(char32_t cp);

// A C0 control (tab and line breaks included) or DEL: not allowed in a file name or a path, where it
// would break every message that names the file.
bool has_control_byte(std::string_view text);  // "U+202E RIGHT-TO-LEFT OVERRIDE"

}  // namespace kiosk
