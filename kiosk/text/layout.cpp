#include "text/layout.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/uloc.h>
#include <unicode/unistr.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "core/base/utf8.h"
#include "text/emoji.h"

namespace kiosk::text {
namespace {

constexpr char32_t ellipsis_cp = 0x2026;

struct UBiDiDeleter {
  void operator()(UBiDi* b) const { ubidi_close(b); }
};
using BidiPtr = std::unique_ptr<UBiDi, UBiDiDeleter>;

// The text as UTF-16 (what ICU and HarfBuzz index), with the UTF-8 byte offset of every unit.
struct Prepared {
  std::u16string u16;
  std::vector<std::size_t> u8_offset;  // size u16.size() + 1
  bool cut = false;
};

// Offsets refer to the request's own bytes, also where invalid UTF-8 became U+FFFD (found by fuzzing: they
// used to index a repaired copy and could point past the end of the text).
Prepared prepare(std::string_view input) {
  Prepared p;
  const auto* s = reinterpret_cast<const uint8_t*>(input.data());
  const auto n = static_cast<int32_t>(input.size());
  p.u16.reserve(input.size());
  auto push = [&p](UChar32 c, std::size_t offset) {
    if (U_IS_BMP(c)) {
      p.u16.push_back(static_cast<char16_t>(c));
      p.u8_offset.push_back(offset);
    } else {
      const auto u = static_cast<std::uint32_t>(c);
      p.u16.push_back(static_cast<char16_t>(U16_LEAD(u)));
      p.u16.push_back(static_cast<char16_t>(U16_TRAIL(u)));
      p.u8_offset.insert(p.u8_offset.end(), 2, offset);
    }
  };
  int32_t i = 0;
  while (i < n) {
    const int32_t start = i;
    if (static_cast<std::size_t>(start) + 3 > max_text_bytes) {  // too long: cut here, end with "…"
      push(0x2026, static_cast<std::size_t>(start));
      p.cut = true;
      break;
    }
    UChar32 c = 0;
    U8_NEXT(s, i, n, c);
    push(c < 0 ? 0xFFFD : c, static_cast<std::size_t>(start));
  }
  p.u8_offset.push_back(static_cast<std::size_t>(p.cut ? p.u8_offset.back() : input.size()));
  return p;
}

UChar32 cp_at(const std::u16string& s, std::size_t i) {
  auto pair = [](char16_t lead, char16_t trail) {
    return static_cast<UChar32>(((lead - 0xD800) << 10) + (trail - 0xDC00) + 0x10000);
  };
  const char16_t c = s[i];
  if (U16_IS_LEAD(c) && i + 1 < s.size() && U16_IS_TRAIL(s[i + 1])) return pair(c, s[i + 1]);
  if (U16_IS_TRAIL(c) && i > 0 && U16_IS_LEAD(s[i - 1])) return pair(s[i - 1], c);
  return c;
}

UScriptCode locale_script(const std::string& locale) {
  char full[ULOC_FULLNAME_CAPACITY] = {};
  UErrorCode status = U_ZERO_ERROR;
  uloc_addLikelySubtags(icu::Locale::forLanguageTag(locale, status).getName(), full, sizeof full, &status);
  char script[16] = {};
  uloc_getScript(full, script, sizeof script, &status);
  UScriptCode codes[2];
  status = U_ZERO_ERROR;
  if (uscript_getCode(script, codes, 2, &status) >= 1 && U_SUCCESS(status)) return codes[0];
  return USCRIPT_LATIN;
}

bool locale_is_rtl(const std::string& locale) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale loc = icu::Locale::forLanguageTag(locale, status);
  return U_SUCCESS(status) && loc.isRightToLeft();
}

bool is_mark(UChar32 c) {
  return (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_ME_MASK | U_GC_MC_MASK)) != 0 ||
         u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER) ||
         u_hasBinaryProperty(c, UCHAR_VARIATION_SELECTOR);
}

// Script of every code unit; Common and Inherited characters take the script of their neighbours.
std::vector<UScriptCode> resolve_scripts(const std::u16string& s, UScriptCode fallback) {
  std::vector<UScriptCode> sc(s.size(), USCRIPT_COMMON);
  UScriptCode prev = USCRIPT_COMMON;
  for (std::size_t i = 0; i < s.size();) {
    const UChar32 c = cp_at(s, i);
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode x = uscript_getScript(c, &status);
    if (x == USCRIPT_COMMON || x == USCRIPT_INHERITED) {
      // Script_Extensions: the Arabic comma is Common but used by Arabic, Syriac, Thaana...
      UScriptCode ext[8];
      status = U_ZERO_ERROR;
      const int32_t n_ext = uscript_getScriptExtensions(c, ext, 8, &status);
      if (U_SUCCESS(status) && n_ext >= 1 && ext[0] != USCRIPT_COMMON && ext[0] != USCRIPT_INHERITED)
        x = uscript_hasScript(c, prev) ? prev : ext[0];
      else if (x == USCRIPT_INHERITED)
        x = prev;
    }
    const std::size_t n = U16_LENGTH(c);
    for (std::size_t k = 0; k < n; ++k) sc[i + k] = x;
    if (x != USCRIPT_COMMON) prev = x;
    i += n;
  }
  // Common: the previous real script, or the next one at the start, or the locale's.
  UScriptCode last = USCRIPT_COMMON;
  for (std::size_t i = 0; i < sc.size(); ++i) {
    if (sc[i] != USCRIPT_COMMON) {
      last = sc[i];
    } else if (last != USCRIPT_COMMON) {
      sc[i] = last;
    }
  }
  UScriptCode next = fallback;
  for (std::size_t i = sc.size(); i-- > 0;) {
    if (sc[i] != USCRIPT_COMMON)
      next = sc[i];
    else
      sc[i] = next;
  }
  return sc;
}

struct ShapedRun {
  std::size_t start = 0, end = 0;  // UTF-16 range
  bool rtl = false;
  UScriptCode script = USCRIPT_COMMON;
  FontId font = 0;
  std::vector<hb_glyph_info_t> info;
  std::vector<hb_glyph_position_t> pos;
};

struct Shaped {
  std::vector<ShapedRun> runs;
  std::vector<float> advance;  // per UTF-16 unit (the cluster's total at its first unit)
  int missing = 0;
};

Shaped shape(FontSet& fonts, const Prepared& p, const std::vector<UBiDiLevel>& levels, const LayoutRequest& req,
             UScriptCode fallback_script) {
  Shaped out;
  const std::u16string& s = p.u16;
  out.advance.assign(s.size() + 1, 0.f);
  if (s.empty()) return out;
  const auto scripts = resolve_scripts(s, fallback_script);

  // Font per code point: the first font of the script's chain that has it; marks and joiners stay with
  // the character before them.
  std::vector<FontId> font(s.size(), -1);
  std::vector<bool> missing(s.size(), false);
  const FontId emoji_font = fonts.emoji_font();
  const std::vector<bool> emoji = emoji_font >= 0 ? emoji_units(s) : std::vector<bool>(s.size(), false);
  FontId prev = -1;
  for (std::size_t i = 0; i < s.size();) {
    const UChar32 c = cp_at(s, i);
    const std::size_t n = U16_LENGTH(c);
    const auto& chain = fonts.chain(scripts[i], req.bold);
    FontId f = -1;
    // Emoji sequences go to the colour font whole (its ligatures join them); a sequence part it lacks
    // (a ZWJ, a selector) is still given to it, and HarfBuzz hides or replaces it.
    if (emoji[i]) f = emoji_font;
    // Marks and joiners stay with their base; spaces, digits and punctuation stay in the current font
    // when it has them, so that runs are not cut needlessly. Text never stays in the emoji font.
    UErrorCode sc_status = U_ZERO_ERROR;
    const UScriptCode raw = uscript_getScript(c, &sc_status);
    const bool joins = is_mark(c);
    // Invisible characters (a line break, a bidi isolate, a joiner) never choose a font: some symbol font
    // has a glyph for U+000A or U+2066, and the digits after them would stay in it (a postcode after a
    // line break came out in Noto Sans Symbols 2). They take the current font and leave it current.
    const bool invisible_cp = u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || u_iscntrl(c);
    if (f < 0 && invisible_cp) {
      f = prev >= 0 ? prev : (chain.empty() ? 0 : chain.front());
      for (std::size_t k = 0; k < n; ++k) font[i + k] = f;
      i += n;
      continue;
    }
    if (f < 0 && prev >= 0 && prev != emoji_font &&
        (joins || (raw == USCRIPT_COMMON && fonts.has_glyph(prev, static_cast<char32_t>(c)))))
      f = prev;
    for (std::size_t k = 0; f < 0 && k < chain.size(); ++k)
      if (fonts.has_glyph(chain[k], static_cast<char32_t>(c))) f = chain[k];
    // An emoji character with text presentation that no text font has: the colour glyph beats a box.
    if (f < 0 && fonts.has_glyph(emoji_font, static_cast<char32_t>(c))) f = emoji_font;
    if (f < 0) {
      f = prev >= 0 ? prev : (chain.empty() ? 0 : chain.front());
      const bool invisible = u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT) || c == '\n' || c == '\r' ||
                             c == '\t' || u_isUWhiteSpace(c);
      missing[i] = !invisible;
    }
    for (std::size_t k = 0; k < n; ++k) font[i + k] = f;
    prev = f;
    i += n;
  }

  hb_buffer_t* buf = hb_buffer_create();
  hb_language_t lang = hb_language_from_string(req.locale.c_str(), -1);
  std::size_t start = 0;
  while (start < s.size()) {
    std::size_t end = start + 1;
    while (end < s.size() && levels[end] == levels[start] && scripts[end] == scripts[start] && font[end] == font[start])
      ++end;
    ShapedRun run;
    run.start = start;
    run.end = end;
    run.rtl = (levels[start] & 1) != 0;
    run.script = scripts[start];
    run.font = font[start];
    FontFace& face = fonts.face(run.font);
    hb_buffer_clear_contents(buf);
    hb_buffer_add_utf16(buf, reinterpret_cast<const uint16_t*>(s.data()), static_cast<int>(s.size()),
                        static_cast<unsigned>(start), static_cast<int>(end - start));
    hb_buffer_set_direction(buf, run.rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_set_script(buf, hb_script_from_string(uscript_getShortName(run.script), -1));
    hb_buffer_set_language(buf, lang);
    hb_shape(face.hb_font, buf, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf, &count);
    run.info.assign(info, info + count);
    run.pos.assign(pos, pos + count);
    const float scale = req.size_px / static_cast<float>(face.units_per_em);
    for (unsigned g = 0; g < count; ++g) {
      out.advance[info[g].cluster] += static_cast<float>(pos[g].x_advance) * scale;
      // A character given to a font that lacks it after all (an emoji newer than the colour font): a box.
      const std::size_t c = info[g].cluster;
      if (info[g].codepoint == 0 && !missing[c] &&
          !u_hasBinaryProperty(cp_at(s, c), UCHAR_DEFAULT_IGNORABLE_CODE_POINT) && !u_iscntrl(cp_at(s, c)))
        missing[c] = true;
    }
    out.runs.push_back(std::move(run));
    start = end;
  }
  hb_buffer_destroy(buf);
  for (bool m : missing) out.missing += m;
  return out;
}

bool is_space_at(const std::u16string& s, std::size_t i) {
  const UChar32 c = cp_at(s, i);
  return u_isUWhiteSpace(c) || c == '\n' || c == '\r';
}

struct LineRange {
  std::size_t start, end;  // end excludes trailing white space
  bool ellipsis = false;
};

// Paragraph bidi (UAX #9): the base direction and every unit's embedding level. The UBiDi stays
// with them because each line's visual runs are taken from it (ubidi_setLine), and it points into the text.
struct BidiParagraph {
  BidiPtr bidi;
  bool rtl = false;
  std::vector<UBiDiLevel> levels;  // per UTF-16 unit
};

UBiDiLevel base_level(Direction direction, bool locale_rtl) {
  switch (direction) {
    case Direction::from_locale:
      return locale_rtl ? 1 : 0;
    case Direction::from_text:
      return locale_rtl ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR;
    case Direction::ltr:
      return 0;
    case Direction::rtl:
      return 1;
  }
  return 0;
}

// nullopt when ICU refuses the text: the paragraph then has no lines.
std::optional<BidiParagraph> paragraph_bidi(const std::u16string& s, Direction direction, bool locale_rtl) {
  BidiParagraph out;
  out.bidi.reset(ubidi_open());
  UErrorCode status = U_ZERO_ERROR;
  ubidi_setPara(out.bidi.get(), s.data(), static_cast<int32_t>(s.size()), base_level(direction, locale_rtl), nullptr,
                &status);
  if (U_FAILURE(status)) return std::nullopt;
  out.rtl = (ubidi_getParaLevel(out.bidi.get()) & 1) != 0;
  out.levels.assign(s.size(), out.rtl ? 1 : 0);
  if (!s.empty()) {
    const UBiDiLevel* lv = ubidi_getLevels(out.bidi.get(), &status);
    if (U_SUCCESS(status) && lv) out.levels.assign(lv, lv + s.size());
  }
  return out;
}

// Widths of ranges of the text, from the shaped advances: what line breaking and the ellipsis measure.
struct Measure {
  const std::u16string& s;
  std::vector<float> prefix;  // prefix[i]: advance of units [0, i)

  [[nodiscard]] float width(std::size_t a, std::size_t b) const { return prefix[b] - prefix[a]; }
  // The end of [a, b) without its trailing white space, which a line does not show.
  [[nodiscard]] std::size_t trim(std::size_t a, std::size_t b) const {
    while (b > a && is_space_at(s, b - 1)) --b;
    return b;
  }
};

Measure measure(const std::u16string& s, const std::vector<float>& advance) {
  Measure m{s, std::vector<float>(s.size() + 1, 0.f)};
  for (std::size_t i = 0; i < s.size(); ++i) m.prefix[i + 1] = m.prefix[i] + advance[i];
  return m;
}

// ICU's line and character (grapheme cluster) iterators, null when ICU has none. They keep a reference to
// the text, which must outlive them.
struct BreakIterators {
  std::unique_ptr<icu::BreakIterator> lines, chars;
};

BreakIterators break_iterators(const std::string& locale, const icu::UnicodeString& text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale icu_locale = icu::Locale::forLanguageTag(locale, status);
  status = U_ZERO_ERROR;
  BreakIterators it;
  it.lines.reset(icu::BreakIterator::createLineInstance(icu_locale, status));
  it.chars.reset(icu::BreakIterator::createCharacterInstance(icu_locale, status));
  if (!text.isEmpty() && it.lines && it.chars) {
    it.lines->setText(text);
    it.chars->setText(text);
  }
  return it;
}

// Isolate depth before every unit. Inside an isolate (LRI/RLI/FSI ... PDI) there are no break
// opportunities: such spans are phone numbers, times and ranges, which must not be split across lines
// unless one alone is too wide.
std::vector<int> isolate_depths(const std::u16string& s) {
  std::vector<int> depths(s.size() + 1, 0);
  for (std::size_t i = 0, depth = 0; i < s.size(); ++i) {
    if (s[i] == 0x2069 && depth > 0) --depth;
    depths[i] = static_cast<int>(depth);
    if (s[i] == 0x2066 || s[i] == 0x2067 || s[i] == 0x2068) ++depth;
  }
  return depths;
}

// A single word wider than the line, [start, e): lines broken between characters as long as the rest
// is too wide. Returns where the rest starts.
std::size_t break_inside_word(const Measure& m, icu::BreakIterator& chars, std::size_t start, std::size_t e,
                              float max_w, std::vector<LineRange>& lines) {
  while (start < e && m.width(start, m.trim(start, e)) > max_w) {
    std::size_t k = start;
    for (int32_t g = chars.following(static_cast<int32_t>(start));
         g != icu::BreakIterator::DONE && static_cast<std::size_t>(g) <= e; g = chars.next()) {
      if (m.width(start, static_cast<std::size_t>(g)) > max_w) break;
      k = static_cast<std::size_t>(g);
    }
    if (k == start) {
      const int32_t g = chars.following(static_cast<int32_t>(start));
      k = g == icu::BreakIterator::DONE ? e : static_cast<std::size_t>(g);
    }
    if (k >= e) break;
    lines.push_back({start, m.trim(start, k)});
    start = k;
  }
  return start;
}

// Line breaking (UAX #14, by ICU): lines at hard breaks, and at the last opportunity that fits
// max_width (0: no wrapping).
std::vector<LineRange> break_lines(const Measure& m, const BreakIterators& it, float max_w) {
  std::vector<LineRange> lines;
  const std::u16string& s = m.s;
  if (s.empty() || !it.lines || !it.chars) return lines;
  const std::vector<int> isolate_depth = isolate_depths(s);
  std::size_t start = 0, last_ok = 0;
  auto emit = [&](std::size_t a, std::size_t b) { lines.push_back({a, m.trim(a, b)}); };
  for (int32_t e32 = it.lines->following(0); e32 != icu::BreakIterator::DONE; e32 = it.lines->next()) {
    const auto e = static_cast<std::size_t>(e32);
    const int32_t rule = it.lines->getRuleStatus();
    const bool hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
    if (!hard && e < s.size() && isolate_depth[e] > 0 && isolate_depth[e - 1] > 0) continue;
    if (max_w > 0 && m.width(start, m.trim(start, e)) > max_w) {
      if (last_ok > start) {
        emit(start, last_ok);
        start = last_ok;
      }
      start = break_inside_word(m, *it.chars, start, e, max_w, lines);
    }
    last_ok = e;
    if (hard) {
      emit(start, e);
      start = e;
    }
  }
  if (start < s.size()) emit(start, s.size());
  return lines;
}

FontId first_font(const FontSet& fonts, UScriptCode script, bool bold) {
  const auto& chain = fonts.chain(script, bold);
  return chain.empty() ? 0 : chain.front();
}

// The "…" that ends a cut paragraph, from the first font of the locale's chain that has it.
struct Ellipsis {
  FontId font = 0;
  hb_codepoint_t gid = 0;
  float width = 0;
  const char* script = "";  // the locale's, ISO 15924
};

Ellipsis ellipsis_glyph(FontSet& fonts, UScriptCode script, const LayoutRequest& req) {
  Ellipsis e;
  e.script = uscript_getShortName(script);
  e.font = first_font(fonts, script, req.bold);
  for (FontId f : fonts.chain(script, req.bold))
    if (fonts.has_glyph(f, ellipsis_cp)) {
      e.font = f;
      break;
    }
  const FontFace& face = fonts.face(e.font);
  hb_font_get_nominal_glyph(face.hb_font, ellipsis_cp, &e.gid);
  const float scale = req.size_px / static_cast<float>(face.units_per_em);
  e.width = static_cast<float>(hb_font_get_glyph_h_advance(face.hb_font, e.gid)) * scale;
  return e;
}

// Ellipsis: keeps max_lines lines; the last one shows as much of the rest as fits before "…".
// Returns whether lines were dropped.
bool cut_to_max_lines(std::vector<LineRange>& lines, const Measure& m, const BreakIterators& it,
                      const LayoutRequest& req, float ellipsis_w) {
  if (req.max_lines <= 0 || lines.size() <= static_cast<std::size_t>(req.max_lines)) return false;
  lines.resize(static_cast<std::size_t>(req.max_lines));
  LineRange& last = lines.back();
  std::size_t k = last.end;
  if (req.max_width > 0) {
    k = last.start;
    for (int32_t g = it.chars->following(static_cast<int32_t>(last.start)); g != icu::BreakIterator::DONE;
         g = it.chars->next()) {
      const auto gg = static_cast<std::size_t>(g);
      if (gg > m.s.size() || m.width(last.start, m.trim(last.start, gg)) + ellipsis_w > req.max_width) break;
      k = gg;
    }
  }
  last.end = m.trim(last.start, k);
  last.ellipsis = true;
  return true;
}

// Line spacing, the same for every line: each font's own ascender and descender. A font whose line is
// taller than the default font's (Noto Sans Arabic: 2.1 em, for rare stacked marks) gets that room only
// where this paragraph's glyphs reach into it, and at least the default font's (1.36 em).
struct VerticalRoom {
  float base_asc = 0, base_desc = 0;  // the default font's, in em
  float size_px = 0;
  float ascent = 0, descent = 0;  // in pixels: the most any glyph's font needs
};

VerticalRoom default_room(const FontSet& fonts, float size_px) {
  const FontFace& base_face = fonts.face(fonts.base_font());
  VerticalRoom room;
  room.base_asc = static_cast<float>(base_face.ascender) / static_cast<float>(base_face.units_per_em);
  room.base_desc = -static_cast<float>(base_face.descender) / static_cast<float>(base_face.units_per_em);
  room.size_px = size_px;
  return room;
}

void make_room(VerticalRoom& room, const FontFace& face, float ink_asc, float ink_desc) {  // ink in em
  float asc = static_cast<float>(face.ascender) / static_cast<float>(face.units_per_em);
  float desc = -static_cast<float>(face.descender) / static_cast<float>(face.units_per_em);
  if (asc + desc > room.base_asc + room.base_desc) {
    asc = std::min(asc, std::max(room.base_asc, ink_asc));
    desc = std::min(desc, std::max(room.base_desc, ink_desc));
  }
  room.ascent = std::max(room.ascent, asc * room.size_px);
  room.descent = std::max(room.descent, desc * room.size_px);
}

// What the visual stage reads of the shaped paragraph.
struct ShapedParagraph {
  FontSet& fonts;
  const Prepared& p;
  const Shaped& shaped;
  UBiDi* bidi;  // the paragraph's levels
  float size_px;
};

// The glyphs of one shaped run that belong to the units [a, b), positioned within the run (the pen is
// added later); the ink of each makes room in the line.
void take_glyphs(const ShapedParagraph& sp, const ShapedRun& r, std::size_t a, std::size_t b,
                 std::vector<GlyphRun>& runs, VerticalRoom& room) {
  if (r.end <= a || r.start >= b) return;
  GlyphRun out;
  out.font = r.font;
  out.script = uscript_getShortName(r.script);
  out.rtl = r.rtl;
  const FontFace& face = sp.fonts.face(r.font);
  const float scale = sp.size_px / static_cast<float>(face.units_per_em);
  for (std::size_t g = 0; g < r.info.size(); ++g) {
    const std::size_t c = r.info[g].cluster;
    if (c < a || c >= b) continue;
    Glyph gl;
    gl.gid = r.info[g].codepoint;
    gl.cluster = sp.p.u8_offset[c];
    gl.x = static_cast<float>(r.pos[g].x_offset) * scale;  // pen added below
    gl.y = -static_cast<float>(r.pos[g].y_offset) * scale;
    gl.advance = static_cast<float>(r.pos[g].x_advance) * scale;
    out.glyphs.push_back(gl);
    hb_glyph_extents_t ink{};
    if (hb_font_get_glyph_extents(face.hb_font, gl.gid, &ink)) {
      const float top = static_cast<float>(ink.y_bearing + r.pos[g].y_offset);
      const float upem = static_cast<float>(face.units_per_em);
      make_room(room, face, top / upem, -(top + static_cast<float>(ink.height)) / upem);
    }
  }
  if (!out.glyphs.empty()) runs.push_back(std::move(out));
}

// Visual runs: a line's glyph runs left to right, by the bidi runs of the line (rule L2) and,
// within each, the shaped runs in that run's direction.
std::vector<GlyphRun> visual_runs(const ShapedParagraph& sp, UBiDi* line_bidi, const LineRange& lr,
                                  VerticalRoom& room) {
  std::vector<GlyphRun> runs;
  if (lr.end <= lr.start) return runs;
  UErrorCode status = U_ZERO_ERROR;
  ubidi_setLine(sp.bidi, static_cast<int32_t>(lr.start), static_cast<int32_t>(lr.end), line_bidi, &status);
  const int32_t count = U_SUCCESS(status) ? ubidi_countRuns(line_bidi, &status) : 0;
  for (int32_t v = 0; v < count; ++v) {
    int32_t ls = 0, len = 0;
    const UBiDiDirection dir = ubidi_getVisualRun(line_bidi, v, &ls, &len);
    const std::size_t a = lr.start + static_cast<std::size_t>(ls), b = a + static_cast<std::size_t>(len);
    if (dir == UBIDI_RTL) {
      for (auto it = sp.shaped.runs.rbegin(); it != sp.shaped.runs.rend(); ++it) take_glyphs(sp, *it, a, b, runs, room);
    } else {
      for (const auto& r : sp.shaped.runs) take_glyphs(sp, r, a, b, runs, room);
    }
  }
  return runs;
}

// The "…" at the end of the line in the paragraph's direction: the right in LTR, the left in RTL.
void add_ellipsis(std::vector<GlyphRun>& runs, const Ellipsis& e, bool rtl, std::size_t cluster) {
  GlyphRun run;
  run.font = e.font;
  run.script = e.script;
  run.rtl = rtl;
  run.glyphs.push_back({e.gid, cluster, 0, 0, e.width});
  if (rtl)
    runs.insert(runs.begin(), std::move(run));
  else
    runs.push_back(std::move(run));
}

// Each glyph after the ones to its left. Returns the line's width.
float advance_pen(std::vector<GlyphRun>& runs) {
  float pen = 0;
  for (auto& run : runs)
    for (auto& g : run.glyphs) {
      g.x += pen;
      pen += g.advance;
    }
  return pen;
}

// Every line's runs in visual order; the paragraph is as wide as its widest line.
void visual_lines(Paragraph& para, const ShapedParagraph& sp, const std::vector<LineRange>& lines,
                  const Ellipsis& ellipsis, VerticalRoom& room) {
  BidiPtr line_bidi(ubidi_open());
  for (const LineRange& lr : lines) {
    Line line;
    std::vector<GlyphRun> runs = visual_runs(sp, line_bidi.get(), lr, room);
    if (lr.ellipsis) add_ellipsis(runs, ellipsis, para.rtl, sp.p.u8_offset[lr.end]);
    line.width = advance_pen(runs);
    line.runs = std::move(runs);
    para.width = std::max(para.width, line.width);
    para.lines.push_back(std::move(line));
  }
}

// Metrics: every line as tall as the room the paragraph needs, lines apart by the primary
// font's line gap.
void set_baselines(Paragraph& para, const VerticalRoom& room, const FontFace& primary, float size_px) {
  const float gap = static_cast<float>(primary.line_gap) * size_px / static_cast<float>(primary.units_per_em);
  float y = 0;
  for (Line& line : para.lines) {
    line.ascent = room.ascent;
    line.descent = room.descent;
    line.baseline = y + room.ascent;
    y += room.ascent + room.descent + gap;
  }
  para.height = y;
}

// Alignment within the box (max_width when given); start and end follow the paragraph's
// direction.
void align_lines(Paragraph& para, float max_width, Align align) {
  if (max_width > 0) para.width = max_width;
  for (Line& line : para.lines) {
    const float slack = para.width - line.width;
    switch (align) {
      case Align::start:
        line.x = para.rtl ? slack : 0;
        break;
      case Align::end:
        line.x = para.rtl ? 0 : slack;
        break;
      case Align::center:
        line.x = slack / 2;
        break;
    }
  }
}

}  // namespace

std::vector<int> bidi_visual_order(const std::u16string& text, int direction, std::vector<int>* levels_out) {
  BidiPtr bidi(ubidi_open());
  UErrorCode status = U_ZERO_ERROR;
  const UBiDiLevel level = direction == 0 ? 0 : direction == 1 ? 1 : UBIDI_DEFAULT_LTR;
  ubidi_setPara(bidi.get(), text.data(), static_cast<int32_t>(text.size()), level, nullptr, &status);
  std::vector<int> out;
  if (U_FAILURE(status)) return out;
  const auto n = static_cast<std::size_t>(ubidi_getResultLength(bidi.get()));
  std::vector<int32_t> map(n);
  ubidi_getVisualMap(bidi.get(), map.data(), &status);
  const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &status);
  auto removed = [&](int32_t i) {
    // Rule X9: embeddings, overrides, PDF and boundary neutrals take no place in the visual order.
    const UCharDirection d = u_charDirection(cp_at(text, static_cast<std::size_t>(i)));
    return d == U_LEFT_TO_RIGHT_EMBEDDING || d == U_RIGHT_TO_LEFT_EMBEDDING || d == U_LEFT_TO_RIGHT_OVERRIDE ||
           d == U_RIGHT_TO_LEFT_OVERRIDE || d == U_POP_DIRECTIONAL_FORMAT || d == U_BOUNDARY_NEUTRAL;
  };
  for (int32_t i : map)
    if (i >= 0 && !removed(i)) out.push_back(i);
  if (levels_out) {
    levels_out->clear();
    for (std::size_t i = 0; i < text.size(); ++i)
      levels_out->push_back(removed(static_cast<int32_t>(i)) ? -1 : (levels ? levels[i] : 0));
  }
  return out;
}

// The stages as libraqm has them: bidi, shaping (script runs, font fallback, HarfBuzz), line breaking,
// ellipsis, visual runs per line, metrics, alignment.
Paragraph layout(FontSet& fonts, const LayoutRequest& req) {
  Paragraph para;
  para.size_px = req.size_px;
  const Prepared p = prepare(req.text);
  para.truncated = p.cut;
  const UScriptCode loc_script = locale_script(req.locale);
  const auto bidi = paragraph_bidi(p.u16, req.direction, locale_is_rtl(req.locale));
  if (!bidi) return para;
  para.rtl = bidi->rtl;

  const Shaped shaped = shape(fonts, p, bidi->levels, req, loc_script);
  para.missing_glyphs = shaped.missing;
  const Measure m = measure(p.u16, shaped.advance);
  const icu::UnicodeString text(false, p.u16.data(), static_cast<int32_t>(p.u16.size()));  // outlives breaks
  const BreakIterators breaks = break_iterators(req.locale, text);
  std::vector<LineRange> lines = break_lines(m, breaks, req.max_width);
  const Ellipsis ellipsis = ellipsis_glyph(fonts, loc_script, req);
  if (cut_to_max_lines(lines, m, breaks, req, ellipsis.width)) para.truncated = true;

  const FontFace& primary = fonts.face(first_font(fonts, loc_script, req.bold));
  VerticalRoom room = default_room(fonts, req.size_px);
  make_room(room, primary, 0, 0);
  visual_lines(para, ShapedParagraph{fonts, p, shaped, bidi->bidi.get(), req.size_px}, lines, ellipsis, room);
  set_baselines(para, room, primary, req.size_px);
  align_lines(para, req.max_width, req.align);
  return para;
}

}  // namespace kiosk::text
