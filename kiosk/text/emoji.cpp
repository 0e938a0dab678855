#include "text/emoji.h"

#include <unicode/uchar.h>
#include <unicode/utf16.h>

namespace kiosk::text {
namespace {

constexpr UChar32 vs_text = 0xFE0E, vs_emoji = 0xFE0F, zwj = 0x200D, keycap = 0x20E3;

bool is_keycap_base(UChar32 c) {
  return (c >= '0' && c <= '9') || c == '#' || c == '*';
}

bool is_tag(UChar32 c) {
  return c >= 0xE0020 && c <= 0xE007F;
}

}  // namespace

std::vector<bool> emoji_units(const std::u16string& s) {
  // The code points and where each starts, so that a rule can look ahead.
  std::vector<UChar32> cps;
  std::vector<std::size_t> at;
  for (std::size_t i = 0; i < s.size();) {
    const char16_t unit = s[i++];
    UChar32 c = unit;
    if (U16_IS_LEAD(unit) && i < s.size() && U16_IS_TRAIL(s[i]))
      c = static_cast<UChar32>(((unit - 0xD800) << 10) + (s[i++] - 0xDC00) + 0x10000);
    cps.push_back(c);
    at.push_back(i);  // end of this code point
  }
  std::vector<bool> emoji(s.size(), false);
  auto mark = [&](std::size_t k) {
    const std::size_t begin = k == 0 ? 0 : at[k - 1];
    for (std::size_t u = begin; u < at[k]; ++u) emoji[u] = true;
  };
  auto next = [&](std::size_t k, std::size_t ahead) { return k + ahead < cps.size() ? cps[k + ahead] : 0; };
  bool in_sequence = false;  // the previous code point was part of an emoji
  bool after_zwj = false;    // ... and was a ZWJ: the next emoji character joins without U+FE0F
  for (std::size_t k = 0; k < cps.size(); ++k) {
    const UChar32 c = cps[k];
    bool is_emoji = false;
    if (in_sequence &&
        (c == vs_emoji || c == keycap || c == zwj || is_tag(c) || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER))) {
      is_emoji = true;
    } else if (is_keycap_base(c)) {
      is_emoji = next(k, 1) == keycap || (next(k, 1) == vs_emoji && next(k, 2) == keycap);
    } else if (u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR)) {
      is_emoji = true;  // alone or paired: the colour font draws both (a pair is a flag)
    } else if (next(k, 1) == vs_text) {
      is_emoji = false;
    } else if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION) || next(k, 1) == vs_emoji ||
               (u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER_BASE) &&
                u_hasBinaryProperty(next(k, 1), UCHAR_EMOJI_MODIFIER))) {
      is_emoji = u_hasBinaryProperty(c, UCHAR_EMOJI) || u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC);
    } else if (after_zwj && u_hasBinaryProperty(c, UCHAR_EMOJI)) {
      is_emoji = true;
    }
    if (is_emoji) mark(k);
    after_zwj = is_emoji && c == zwj;
    in_sequence = is_emoji;
  }
  return emoji;
}

}  // namespace kiosk::text
