#include "core/base/utf8.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <climits>
#include <cstdio>

namespace kiosk {
namespace {

// ICU's macros take int32_t indices; callers cap content far below 2 GiB (see bundle limits).
int32_t checked_length(std::string_view text) {
  return text.size() > static_cast<std::size_t>(INT32_MAX) ? INT32_MAX : static_cast<int32_t>(text.size());
}

template <typename Fn>
void for_each_code_point(std::string_view text, Fn&& fn) {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t length = checked_length(text);
  int32_t i = 0;
  while (i < length) {
    const int32_t start = i;
    UChar32 c = 0;
    U8_NEXT(s, i, length, c);
    if (!fn(static_cast<std::size_t>(start), c)) return;
  }
}

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view text) {
  std::optional<std::size_t> bad;
  for_each_code_point(text, [&](std::size_t offset, UChar32 c) {
    if (c < 0) {
      bad = offset;
      return false;
    }
    return true;
  });
  return bad;
}

std::string sanitize_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for_each_code_point(text, [&](std::size_t offset, UChar32 c) {
    if (c < 0) {
      out += "\xEF\xBF\xBD";
    } else {
      out.append(text.substr(offset, static_cast<std::size_t>(U8_LENGTH(c))));
    }
    return true;
  });
  return out;
}

LineCol line_col_at(std::string_view text, std::size_t offset) {
  LineCol lc;
  for_each_code_point(text.substr(0, offset), [&](std::size_t, UChar32 c) {
    if (c == '\n') {
      ++lc.line;
      lc.col = 1;
    } else {
      ++lc.col;
    }
    return true;
  });
  return lc;
}

std::size_t count_code_points(std::string_view text) {
  std::size_t n = 0;
  for_each_code_point(text, [&](std::size_t, UChar32) {
    ++n;
    return true;
  });
  return n;
}

bool is_bidi_control(char32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

std::vector<CodePointAt> find_bidi_controls(std::string_view text) {
  std::vector<CodePointAt> found;
  for_each_code_point(text, [&](std::size_t offset, UChar32 c) {
    if (c >= 0 && is_bidi_control(static_cast<char32_t>(c))) found.push_back({offset, static_cast<char32_t>(c)});
    return true;
  });
  return found;
}

bool has_control_byte(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto b = static_cast<unsigned char>(c);
    return b < 0x20 || b == 0x7F;
  });
}

std::string code_point_name(char32_t cp) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
  char name[128];
  UErrorCode status = U_ZERO_ERROR;
  const int32_t n = u_charName(static_cast<UChar32>(cp), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
  if (U_FAILURE(status) || n <= 0) return hex;
  return std::string(hex) + ' ' + std::string(name, static_cast<std::size_t>(n));
}

}  // namespace kiosk
