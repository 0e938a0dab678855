#include "text/layout.h"

#include <catch2/catch.hpp>

#include <chrono>
#include <set>

#include "text_fixture.h"

using namespace kiosk;
using kiosk::test::lay;

namespace {
std::size_t glyph_count(const text::Paragraph& p) {
  std::size_t n = 0;
  for (const auto& l : p.lines)
    for (const auto& r : l.runs) n += r.glyphs.size();
  return n;
}
std::vector<std::size_t> clusters(const text::Line& line) {
  std::vector<std::size_t> out;
  for (const auto& r : line.runs)
    for (const auto& g : r.glyphs) out.push_back(g.cluster);
  return out;
}
unsigned nominal(const text::GlyphRun& run, char32_t cp) {
  hb_codepoint_t gid = 0;
  hb_font_get_nominal_glyph(test::engine().fonts->face(run.font).hb_font, cp, &gid);
  return gid;
}
}  // namespace

TEST_CASE("Arabic joins, reads right to left and forms lam-alef", "[text]") {
  const auto p = lay("لا سلام", "ar");
  CHECK(p.rtl);
  REQUIRE(p.lines.size() == 1);
  // 7 characters; lam-alef is one glyph, so fewer glyphs than characters.
  CHECK(glyph_count(p) == 5);
  const auto c = clusters(p.lines[0]);
  CHECK(c.front() > c.back());  // visual order: the text's end is on the left
  CHECK(test::font_file(p.lines[0].runs[0]) == "NotoSansArabic-Regular.ttf");
  // Joining forms: the medial seen in "سلام" is not the isolated letter's glyph.
  const auto iso = lay("ل", "ar");
  CHECK(iso.lines[0].runs[0].glyphs[0].gid != p.lines[0].runs[0].glyphs[1].gid);
}

TEST_CASE("fallback is per character: digits in Hebrew come from another font", "[text]") {
  const auto p = lay("שלום 123", "he");
  std::set<std::string> fonts;
  for (const auto& r : p.lines[0].runs) fonts.insert(test::font_file(r));
  CHECK(fonts.count("NotoSansHebrew-Regular.ttf") == 1);
  CHECK(fonts.count("NotoSans-Regular.ttf") == 1);
  CHECK(p.missing_glyphs == 0);
}

TEST_CASE("a line break or a bidi isolate never chooses a font for the text after it", "[text]") {
  // Noto Sans Symbols 2 has glyphs for U+000A and U+2066: a postcode after them once came out in it.
  for (const char* text : {"Markt 1\n\u206652062\u2069 Aachen", "\u206652062\u2069 Aachen",
                           "+49 241\n\u2066+49 30\u2069", "a\u200b1\u2060 2\u00ad3"}) {
    const auto p = lay(text, "de");
    for (const auto& l : p.lines)
      for (const auto& r : l.runs) CHECK(test::font_file(r) == "NotoSans-Regular.ttf");
    CHECK(p.missing_glyphs == 0);
  }
}

TEST_CASE("numbers isolated with LRI/PDI keep their order inside Arabic", "[text]") {
  const std::string text = "اتصل على \u2066+49 241 123456\u2069";
  const auto p = lay(text, "ar");
  std::string visual;
  for (const auto& r : p.lines[0].runs)
    for (const auto& g : r.glyphs) {
      const char ch = text[g.cluster];
      if ((ch >= '0' && ch <= '9') || ch == '+' || ch == ' ') visual += ch;
    }
  CHECK(visual.find("+49 241 123456") != std::string::npos);
  // Without isolates, the UBA alone puts the groups in the other order (what the issue warns of).
  const std::string plain = "اتصل على +49 241 123456";
  const auto q = lay(plain, "ar");
  std::string v2;
  for (const auto& r : q.lines[0].runs)
    for (const auto& g : r.glyphs) {
      const char ch = plain[g.cluster];
      if ((ch >= '0' && ch <= '9') || ch == '+') v2 += ch;
    }
  CHECK(v2 != "+49241123456");
}

TEST_CASE("brackets are mirrored in right-to-left runs", "[text]") {
  const auto p = lay("(سلام)", "ar");
  const auto& runs = p.lines[0].runs;
  // Leftmost glyph on screen is the logical ')' shown as '(' - HarfBuzz mirrors it.
  const auto& first = runs.front();
  CHECK(first.glyphs.front().gid == nominal(first, U'('));
  const auto& last = runs.back();
  CHECK(last.glyphs.back().gid == nominal(last, U')'));
}

TEST_CASE("Tamil conjuncts and reordering vowel signs are shaped", "[text]") {
  const auto p = lay("கொ க்ஷ ஸ்ரீ", "ta");
  CHECK(test::font_file(p.lines[0].runs[0]) == "NotoSansTamil-Regular.ttf");
  // கொ is one cluster whose vowel sign is drawn on both sides of the consonant: 2 glyphs, the first
  // (on the left) belonging to the same cluster as the consonant.
  const auto& g = p.lines[0].runs[0].glyphs;
  CHECK(g[0].cluster == 0);
  CHECK(g[1].cluster == 0);
  CHECK(p.missing_glyphs == 0);
}

TEST_CASE("lines break at the width, Thai by dictionary", "[text]") {
  const auto de = lay("Donaudampfschifffahrtsgesellschaftskapitän und Krankenversicherungskarte", "de", 24, 200);
  CHECK(de.lines.size() >= 3);
  for (const auto& l : de.lines) CHECK(l.width <= 200.5f);
  const auto th = lay("ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ", "th", 24, 150);
  CHECK(th.lines.size() >= 2);
  for (const auto& l : th.lines) CHECK(l.width <= 150.5f);
  const auto hard = lay("eins\nzwei", "de");
  CHECK(hard.lines.size() == 2);
}

TEST_CASE("alignment: start and end flip for right-to-left", "[text]") {
  const auto ltr = lay("Hallo", "de", 32, 400, text::Align::start);
  CHECK(ltr.lines[0].x == 0);
  const auto rtl = lay("مرحبا", "ar", 32, 400, text::Align::start);
  CHECK(rtl.lines[0].x == Approx(400 - rtl.lines[0].width));
  const auto rtl_end = lay("مرحبا", "ar", 32, 400, text::Align::end);
  CHECK(rtl_end.lines[0].x == 0);
  const auto center = lay("Hallo", "de", 32, 400, text::Align::center);
  CHECK(center.lines[0].x == Approx((400 - center.lines[0].width) / 2));
}

TEST_CASE("an ellipsis ends text cut to a number of lines", "[text]") {
  const std::string long_text =
      "Beratung für alle Menschen, unabhängig vom Aufenthaltsstatus, kostenlos und vertraulich.";
  const auto p = lay(long_text, "de", 24, 220, text::Align::start, 2);
  REQUIRE(p.lines.size() == 2);
  CHECK(p.truncated);
  CHECK(p.lines[1].width <= 220.5f);
  const auto& last = p.lines[1].runs.back().glyphs.back();
  CHECK(last.gid == nominal(p.lines[1].runs.back(), U'\u2026'));
  const auto ar = lay("هذه جملة طويلة جدا عن خدمات المدينة للجميع بدون استثناء", "ar", 24, 200, text::Align::start, 1);
  CHECK(ar.lines.size() == 1);
  CHECK(ar.lines[0].runs.front().glyphs.front().gid == nominal(ar.lines[0].runs.front(), U'\u2026'));  // left end
}

TEST_CASE("missing glyphs are counted and kept as boxes", "[text]") {
  const auto p = lay("A\U000F0000B", "en");  // a private-use character no font has
  CHECK(p.missing_glyphs == 1);
  bool box = false;
  for (const auto& r : p.lines[0].runs)
    for (const auto& g : r.glyphs) box |= g.gid == 0;
  CHECK(box);
}

TEST_CASE("bad input: no crash, no hang, a sensible result", "[text][robust]") {
  CHECK(lay("ab\xFF\xFE"
            "cd",
            "de")
            .lines.size() == 1);  // invalid UTF-8 becomes U+FFFD
  const auto fffd = lay("\xFF", "de");
  CHECK(fffd.lines[0].runs[0].glyphs.size() == 1);
  // Clusters index the request's own bytes, also after invalid bytes became U+FFFD (found by fuzz_text_layout:
  // they indexed the repaired, longer copy).
  const std::string broken = "\xFF\xFF\xFF\xFF\xE1\x8A";  // each bad byte: 1 byte here, 3 in a repaired copy
  const auto b = lay(broken, "ti", 20, 300);
  std::size_t last = 0;
  for (const auto& line : b.lines)
    for (const auto& r : line.runs)
      for (const auto& g : r.glyphs) {
        CHECK(g.cluster < broken.size());
        last = std::max(last, g.cluster);
      }
  CHECK(last == 4);  // the truncated sequence at the end
  // 1 MB: cut at the documented limit, quickly.
  const auto t0 = std::chrono::steady_clock::now();
  const auto huge = lay(std::string(1 << 20, 'a'), "de", 16, 800);
  CHECK(huge.truncated);
  CHECK(std::chrono::steady_clock::now() - t0 < std::chrono::seconds(20));
  std::string deep;  // 200 nested embeddings, beyond the UBA's depth of 125
  for (int i = 0; i < 200; ++i) deep += "\u202B";
  deep += "abc";
  for (int i = 0; i < 200; ++i) deep += "\u202C";
  CHECK(lay(deep, "ar").lines.size() == 1);
  CHECK(lay("\u0301\u0301\u0652", "ar").lines.size() == 1);                        // lone combining marks
  CHECK(lay("👩‍👩‍👧‍👦 🏳️‍🌈", "de").lines.size() == 1);  // emoji ZWJ sequences
  CHECK(lay("", "de").lines.empty());
  CHECK(lay("   ", "ar", 16, 100).lines.size() == 1);
}

TEST_CASE("the layout cache returns the same paragraph without shaping again", "[text][cache]") {
  text::TextEngine& e = test::engine();
  text::LayoutRequest r;
  r.text = "Öffnet morgen um 09:00";
  r.locale = "de";
  const auto a = e.layout(r);
  const auto misses = e.cache.misses();
  const auto b = e.layout(r);
  CHECK(a.get() == b.get());
  CHECK(e.cache.misses() == misses);
  r.max_width = 100;
  CHECK(e.layout(r).get() != a.get());
}

TEST_CASE("the layout cache is bounded by count and by bytes, least recently used dropped first", "[text][cache]") {
  auto make = [](const text::LayoutRequest& r) { return text::layout(*test::engine().fonts, r); };
  text::LayoutRequest r;
  r.locale = "de";
  text::LayoutCache by_count(50, 1 << 30);
  for (int i = 0; i < 200; ++i) {
    r.text = "Zeile " + std::to_string(i);
    (void)by_count.get(r, make);
  }
  CHECK(by_count.size() == 50);
  CHECK(by_count.evictions() == 150);
  // Long paragraphs: the byte budget binds long before the count.
  text::LayoutCache by_bytes(4096, 64 * 1024);
  std::shared_ptr<const text::Paragraph> first;
  for (int i = 0; i < 300; ++i) {
    r.text = std::to_string(i) + " Die Stadtbibliothek hat heute bis 18 Uhr geöffnet, morgen ab 9 Uhr.";
    r.max_width = 200;
    auto p = by_bytes.get(r, make);
    if (i == 0) first = p;
    CHECK(by_bytes.approx_bytes() <= 64 * 1024);
    // The first paragraph, used again and again, stays.
    r.text = "0 Die Stadtbibliothek hat heute bis 18 Uhr geöffnet, morgen ab 9 Uhr.";
    CHECK(by_bytes.get(r, make).get() == first.get());
  }
  CHECK(by_bytes.evictions() > 0);
  CHECK(by_bytes.size() < 300);
  CHECK(by_bytes.size() > 10);
  by_bytes.clear();
  CHECK(by_bytes.approx_bytes() == 0);
}

TEST_CASE("line spacing: every glyph's ink inside its line, Arabic not at its font's 2.1 em", "[text]") {
  const float size = 32;
  struct Sample {
    const char* text;
    const char* locale;
  };
  const Sample samples[] = {{"الطعام والاحتياجات الأساسية", "ar"},
                            {"بِسْمِ ٱللَّٰهِ ٱلرَّحْمَٰنِ ٱلرَّحِيمِ", "ar"},
                            {"ئێمە یارمەتیت دەدەین، بەڵگەنامە نییە", "ckb"},
                            {"کتاب‌خانه‌ها نزدیک هستند", "fa"},
                            {"நூலகங்களும் பண்பாடும் திறந்திருக்கும்", "ta"},
                            {"ปู่ ญี่ปุ่น ฤดู ปู่ ญี่ปุ่น ฤดู", "th"},
                            {"Ệ Åpgjq Ärzte", "de"},
                            {"ቤተ-መጻሕፍትን ባህልን", "ti"}};
  for (const auto& s : samples) {
    INFO(s.text);
    const auto p = lay(s.text, s.locale, size, 150);
    REQUIRE(p.lines.size() >= 2);
    for (std::size_t i = 0; i < p.lines.size(); ++i) {
      const auto& line = p.lines[i];
      // The same spacing on every line.
      CHECK(line.ascent == p.lines[0].ascent);
      CHECK(line.descent == p.lines[0].descent);
      if (i > 0) CHECK(line.baseline - p.lines[i - 1].baseline == Approx(line.ascent + line.descent).margin(0.01));
      for (const auto& run : line.runs) {
        const auto& face = test::engine().fonts->face(run.font);
        const float scale = size / static_cast<float>(face.units_per_em);
        for (const auto& g : run.glyphs) {
          hb_glyph_extents_t ink{};
          if (!hb_font_get_glyph_extents(face.hb_font, g.gid, &ink) || ink.height == 0) continue;
          const float top = g.y - static_cast<float>(ink.y_bearing) * scale;  // from the baseline, down
          const float bottom = top - static_cast<float>(ink.height) * scale;
          // Ink may only pass the line where it passes even its font's own ascender or descender
          // (stacked marks; the cap keeps a pile of combining marks from making a line any height).
          const float face_asc = static_cast<float>(face.ascender) * scale;
          const float face_desc = -static_cast<float>(face.descender) * scale;
          if (top >= -face_asc) CHECK(top >= -line.ascent - 0.5f);
          if (bottom <= face_desc) CHECK(bottom <= line.descent + 0.5f);
        }
      }
    }
  }
  // Latin keeps Noto Sans's spacing; Arabic without stacked marks gets far less than Noto Sans Arabic's
  // 2.11 em, and vowel marks get the room they need.
  const auto latin = lay("Gesundheit", "de", size);
  CHECK(latin.height == Approx(1.362 * size).margin(0.5));
  const auto plain = lay("الصحة والتعليم", "ar", size);
  CHECK(plain.height < 1.75f * size);
  const auto marks = lay("بِسْمِ ٱللَّٰهِ", "ar", size);
  CHECK(marks.height > plain.height);
  CHECK(marks.height <= 2.12f * size);
}
