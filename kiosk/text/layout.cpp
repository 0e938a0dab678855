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

#include "core/utf8.h"

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
  FontId prev = -1;
  for (std::size_t i = 0; i < s.size();) {
    const UChar32 c = cp_at(s, i);
    const std::size_t n = U16_LENGTH(c);
    const auto& chain = fonts.chain(scripts[i], req.bold);
    FontId f = -1;
    // Marks and joiners stay with their base; spaces, digits and punctuation stay in the current font
    // when it has them, so that runs are not cut needlessly.
    UErrorCode sc_status = U_ZERO_ERROR;
    const UScriptCode raw = uscript_getScript(c, &sc_status);
    const bool joins = is_mark(c);
    if (prev >= 0 && (joins || (raw == USCRIPT_COMMON && fonts.has_glyph(prev, static_cast<char32_t>(c))))) f = prev;
    for (std::size_t k = 0; f < 0 && k < chain.size(); ++k)
      if (fonts.has_glyph(chain[k], static_cast<char32_t>(c))) f = chain[k];
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
    for (unsigned g = 0; g < count; ++g) out.advance[info[g].cluster] += static_cast<float>(pos[g].x_advance) * scale;
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

Paragraph layout(FontSet& fonts, const LayoutRequest& req) {
  Paragraph para;
  para.size_px = req.size_px;
  const Prepared p = prepare(req.text);
  para.truncated = p.cut;
  const std::u16string& s = p.u16;
  const bool locale_rtl = locale_is_rtl(req.locale);
  const UScriptCode loc_script = locale_script(req.locale);

  // Paragraph bidi.
  BidiPtr bidi(ubidi_open());
  UErrorCode status = U_ZERO_ERROR;
  UBiDiLevel base = 0;
  switch (req.direction) {
    case Direction::from_locale:
      base = locale_rtl ? 1 : 0;
      break;
    case Direction::from_text:
      base = locale_rtl ? UBIDI_DEFAULT_RTL : UBIDI_DEFAULT_LTR;
      break;
    case Direction::ltr:
      base = 0;
      break;
    case Direction::rtl:
      base = 1;
      break;
  }
  ubidi_setPara(bidi.get(), s.data(), static_cast<int32_t>(s.size()), base, nullptr, &status);
  if (U_FAILURE(status)) return para;
  para.rtl = (ubidi_getParaLevel(bidi.get()) & 1) != 0;
  std::vector<UBiDiLevel> levels(s.size(), para.rtl ? 1 : 0);
  if (!s.empty()) {
    const UBiDiLevel* lv = ubidi_getLevels(bidi.get(), &status);
    if (U_SUCCESS(status) && lv) levels.assign(lv, lv + s.size());
  }

  const Shaped shaped = shape(fonts, p, levels, req, loc_script);
  para.missing_glyphs = shaped.missing;
  std::vector<float> prefix(s.size() + 1, 0.f);
  for (std::size_t i = 0; i < s.size(); ++i) prefix[i + 1] = prefix[i] + shaped.advance[i];
  auto width = [&](std::size_t a, std::size_t b) { return prefix[b] - prefix[a]; };
  auto trim = [&](std::size_t a, std::size_t b) {
    while (b > a && is_space_at(s, b - 1)) --b;
    return b;
  };

  // Line breaking.
  const icu::UnicodeString ustr(false, s.data(), static_cast<int32_t>(s.size()));
  status = U_ZERO_ERROR;
  const icu::Locale icu_locale = icu::Locale::forLanguageTag(req.locale, status);
  status = U_ZERO_ERROR;
  std::unique_ptr<icu::BreakIterator> lines_it(icu::BreakIterator::createLineInstance(icu_locale, status));
  std::unique_ptr<icu::BreakIterator> chars_it(icu::BreakIterator::createCharacterInstance(icu_locale, status));
  std::vector<LineRange> lines;
  if (!s.empty() && lines_it && chars_it) {
    lines_it->setText(ustr);
    chars_it->setText(ustr);
    const float max_w = req.max_width;
    // Inside an isolate (LRI/RLI/FSI ... PDI) there are no break opportunities: such spans are phone
    // numbers, times and ranges, which must not be split across lines unless one alone is too wide.
    std::vector<int> isolate_depth(s.size() + 1, 0);
    for (std::size_t i = 0, depth = 0; i < s.size(); ++i) {
      if (s[i] == 0x2069 && depth > 0) --depth;
      isolate_depth[i] = static_cast<int>(depth);
      if (s[i] == 0x2066 || s[i] == 0x2067 || s[i] == 0x2068) ++depth;
    }
    std::size_t start = 0, last_ok = 0;
    auto emit = [&](std::size_t a, std::size_t b) { lines.push_back({a, trim(a, b)}); };
    for (int32_t e32 = lines_it->following(0); e32 != icu::BreakIterator::DONE; e32 = lines_it->next()) {
      const auto e = static_cast<std::size_t>(e32);
      const int32_t rule = lines_it->getRuleStatus();
      const bool hard = rule >= UBRK_LINE_HARD && rule < UBRK_LINE_HARD_LIMIT;
      if (!hard && e < s.size() && isolate_depth[e] > 0 && isolate_depth[e - 1] > 0) continue;
      if (max_w > 0 && width(start, trim(start, e)) > max_w) {
        if (last_ok > start) {
          emit(start, last_ok);
          start = last_ok;
        }
        // A single word wider than the line: break it between characters.
        while (start < e && width(start, trim(start, e)) > max_w) {
          std::size_t k = start;
          for (int32_t g = chars_it->following(static_cast<int32_t>(start));
               g != icu::BreakIterator::DONE && static_cast<std::size_t>(g) <= e; g = chars_it->next()) {
            if (width(start, static_cast<std::size_t>(g)) > max_w) break;
            k = static_cast<std::size_t>(g);
          }
          if (k == start) {
            const int32_t g = chars_it->following(static_cast<int32_t>(start));
            k = g == icu::BreakIterator::DONE ? e : static_cast<std::size_t>(g);
          }
          if (k >= e) break;
          emit(start, k);
          start = k;
        }
      }
      last_ok = e;
      if (hard) {
        emit(start, e);
        start = e;
      }
    }
    if (start < s.size()) emit(start, s.size());
  }

  // Ellipsis: keep max_lines lines; the last one shows as much of the rest as fits before "…".
  float ellipsis_w = 0;
  FontId ellipsis_font = fonts.chain(loc_script, req.bold).empty() ? 0 : fonts.chain(loc_script, req.bold).front();
  for (FontId f : fonts.chain(loc_script, req.bold))
    if (fonts.has_glyph(f, ellipsis_cp)) {
      ellipsis_font = f;
      break;
    }
  hb_codepoint_t ellipsis_gid = 0;
  hb_font_get_nominal_glyph(fonts.face(ellipsis_font).hb_font, ellipsis_cp, &ellipsis_gid);
  const float ellipsis_scale = req.size_px / static_cast<float>(fonts.face(ellipsis_font).units_per_em);
  ellipsis_w =
      static_cast<float>(hb_font_get_glyph_h_advance(fonts.face(ellipsis_font).hb_font, ellipsis_gid)) * ellipsis_scale;
  if (req.max_lines > 0 && lines.size() > static_cast<std::size_t>(req.max_lines)) {
    lines.resize(static_cast<std::size_t>(req.max_lines));
    LineRange& last = lines.back();
    std::size_t k = last.end;
    if (req.max_width > 0) {
      k = last.start;
      for (int32_t g = chars_it->following(static_cast<int32_t>(last.start)); g != icu::BreakIterator::DONE;
           g = chars_it->next()) {
        const auto gg = static_cast<std::size_t>(g);
        if (gg > s.size() || width(last.start, trim(last.start, gg)) + ellipsis_w > req.max_width) break;
        k = gg;
      }
    }
    last.end = trim(last.start, k);
    last.ellipsis = true;
    para.truncated = true;
  }

  // Each line in visual order.
  BidiPtr line_bidi(ubidi_open());
  const FontId primary = fonts.chain(loc_script, req.bold).empty() ? 0 : fonts.chain(loc_script, req.bold).front();
  // Line spacing, the same for every line: each font's own ascender and descender. A font whose line is
  // taller than the default font's (Noto Sans Arabic: 2.1 em, for rare stacked marks) gets that room only
  // where this paragraph's glyphs reach into it, and at least the default font's (1.36 em).
  const FontFace& base_face = fonts.face(fonts.base_font());
  const float base_asc = static_cast<float>(base_face.ascender) / static_cast<float>(base_face.units_per_em);
  const float base_desc = -static_cast<float>(base_face.descender) / static_cast<float>(base_face.units_per_em);
  float ascent = 0, descent = 0;
  auto room = [&](FontId f, float ink_asc, float ink_desc) {  // ink in em
    const FontFace& face = fonts.face(f);
    float asc = static_cast<float>(face.ascender) / static_cast<float>(face.units_per_em);
    float desc = -static_cast<float>(face.descender) / static_cast<float>(face.units_per_em);
    if (asc + desc > base_asc + base_desc) {
      asc = std::min(asc, std::max(base_asc, ink_asc));
      desc = std::min(desc, std::max(base_desc, ink_desc));
    }
    ascent = std::max(ascent, asc * req.size_px);
    descent = std::max(descent, desc * req.size_px);
  };
  room(primary, 0, 0);
  for (const LineRange& lr : lines) {
    Line line;
    std::vector<GlyphRun> runs;
    if (lr.end > lr.start) {
      status = U_ZERO_ERROR;
      ubidi_setLine(bidi.get(), static_cast<int32_t>(lr.start), static_cast<int32_t>(lr.end), line_bidi.get(), &status);
      const int32_t count = U_SUCCESS(status) ? ubidi_countRuns(line_bidi.get(), &status) : 0;
      for (int32_t v = 0; v < count; ++v) {
        int32_t ls = 0, len = 0;
        const UBiDiDirection dir = ubidi_getVisualRun(line_bidi.get(), v, &ls, &len);
        const std::size_t a = lr.start + static_cast<std::size_t>(ls), b = a + static_cast<std::size_t>(len);
        auto take = [&](const ShapedRun& r) {
          if (r.end <= a || r.start >= b) return;
          GlyphRun out;
          out.font = r.font;
          out.script = uscript_getShortName(r.script);
          out.rtl = r.rtl;
          const FontFace& face = fonts.face(r.font);
          const float scale = req.size_px / static_cast<float>(face.units_per_em);
          for (std::size_t g = 0; g < r.info.size(); ++g) {
            const std::size_t c = r.info[g].cluster;
            if (c < a || c >= b) continue;
            Glyph gl;
            gl.gid = r.info[g].codepoint;
            gl.cluster = p.u8_offset[c];
            gl.x = static_cast<float>(r.pos[g].x_offset) * scale;  // pen added below
            gl.y = -static_cast<float>(r.pos[g].y_offset) * scale;
            gl.advance = static_cast<float>(r.pos[g].x_advance) * scale;
            out.glyphs.push_back(gl);
            hb_glyph_extents_t ink{};
            if (hb_font_get_glyph_extents(face.hb_font, gl.gid, &ink)) {
              const float top = static_cast<float>(ink.y_bearing + r.pos[g].y_offset);
              const float upem = static_cast<float>(face.units_per_em);
              room(r.font, top / upem, -(top + static_cast<float>(ink.height)) / upem);
            }
          }
          if (!out.glyphs.empty()) runs.push_back(std::move(out));
        };
        if (dir == UBIDI_RTL) {
          for (auto it = shaped.runs.rbegin(); it != shaped.runs.rend(); ++it) take(*it);
        } else {
          for (const auto& r : shaped.runs) take(r);
        }
      }
    }
    if (lr.ellipsis) {
      GlyphRun e;
      e.font = ellipsis_font;
      e.script = uscript_getShortName(loc_script);
      e.rtl = para.rtl;
      e.glyphs.push_back({ellipsis_gid, p.u8_offset[lr.end], 0, 0, ellipsis_w});
      if (para.rtl)
        runs.insert(runs.begin(), std::move(e));
      else
        runs.push_back(std::move(e));
    }
    float pen = 0;
    for (auto& run : runs)
      for (auto& g : run.glyphs) {
        g.x += pen;
        pen += g.advance;
      }
    line.width = pen;
    line.runs = std::move(runs);
    para.width = std::max(para.width, line.width);
    para.lines.push_back(std::move(line));
  }
  const FontFace& pf = fonts.face(primary);
  const float gap = static_cast<float>(pf.line_gap) * req.size_px / static_cast<float>(pf.units_per_em);
  float y = 0;
  for (Line& line : para.lines) {
    line.ascent = ascent;
    line.descent = descent;
    line.baseline = y + ascent;
    y += ascent + descent + gap;
  }
  para.height = y;
  if (req.max_width > 0) para.width = req.max_width;
  for (Line& line : para.lines) {
    const float slack = para.width - line.width;
    switch (req.align) {
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
  return para;
}

}  // namespace kiosk::text
