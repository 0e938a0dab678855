// Colour emoji: which characters take emoji presentation, that whole sequences become one glyph of the
// colour font, and that the atlas keeps their colours.

#include "text/emoji.h"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

#include <unicode/unistr.h>

#include "text_fixture.h"

using namespace kiosk;

namespace {

std::u16string u16(const std::string& s) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  return {u.getBuffer(), static_cast<std::size_t>(u.length())};
}

// "1010" for each UTF-16 unit: emoji or not.
std::string pattern(const std::string& s) {
  std::string out;
  for (bool e : text::emoji_units(u16(s))) out += e ? '1' : '0';
  return out;
}

// The glyphs of a paragraph laid out in one line, with the file of their font.
struct Drawn {
  std::vector<std::string> fonts;
  std::size_t glyphs = 0;
  int missing = 0;
};

Drawn drawn(const std::string& s, const std::string& locale) {
  const auto p = test::lay(s, locale, 32);
  Drawn d;
  d.missing = p.missing_glyphs;
  for (const auto& line : p.lines)
    for (const auto& run : line.runs) {
      d.fonts.push_back(test::font_file(run));
      d.glyphs += run.glyphs.size();
      for (const auto& g : run.glyphs) d.missing += g.gid == 0;
    }
  return d;
}

}  // namespace

TEST_CASE("emoji presentation follows Unicode: defaults and variation selectors", "[text][emoji]") {
  CHECK(pattern("a\u2705b") == "010");               // ✅ is emoji by default
  CHECK(pattern("\u260E") == "0");                   // ☎ is text by default
  CHECK(pattern("\u260E\uFE0F") == "11");            // ... emoji with VS16
  CHECK(pattern("\u2705\uFE0E") == "00");            // ... and ✅ text with VS15
  CHECK(pattern("1\uFE0F\u20E3 1") == "11100");      // a keycap; a plain digit stays text
  CHECK(pattern("#\u20E3") == "11");                 // a keycap without VS16
  CHECK(pattern("\U0001F1E9\U0001F1EA") == "1111");  // a flag: two regional indicators
  // Woman health worker, medium skin tone: base, modifier, ZWJ, staff of Aesculapius, VS16.
  CHECK(pattern("\U0001F469\U0001F3FD\u200D\u2695\uFE0F") == "1111111");
  CHECK(pattern("\u00A9 2024") == "000000");  // © without VS16 is text
  CHECK(pattern("x\u200Dy") == "000");        // a ZWJ between letters is not an emoji
}

TEST_CASE("emoji sequences are one glyph of the colour font, text beside them is not", "[text][emoji]") {
  REQUIRE(test::engine().fonts->emoji_font() >= 0);
  struct Case {
    std::string text;
    std::size_t glyphs;
  };
  const std::vector<Case> cases = {
      {"\U0001F469\U0001F3FD\u200D\u2695\uFE0F", 1},                                  // ZWJ sequence with a skin tone
      {"\U0001F44D\U0001F3FF", 1},                                                    // thumbs up, dark skin tone
      {"1\uFE0F\u20E3", 1},                                                           // keycap one
      {"\U0001F1FA\U0001F1E6", 1},                                                    // flag of Ukraine
      {"\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F", 1},  // flag of Scotland (tags)
      {"\U0001F3F3\uFE0F\u200D\U0001F308", 1},                                        // rainbow flag
      {"\U0001F4DE", 1},                                                              // telephone receiver
  };
  for (const auto& c : cases) {
    INFO(c.text);
    const Drawn d = drawn(c.text, "de");
    CHECK(d.missing == 0);
    CHECK(d.glyphs == c.glyphs);
    CHECK(d.fonts == std::vector<std::string>{"NotoColorEmoji.ttf"});
  }
  // In a sentence: the words stay in their script's font, in both directions.
  const Drawn de = drawn("Termin \U0001F4DE 0241 432-0 \u2705", "de");
  CHECK(de.missing == 0);
  CHECK(de.fonts == std::vector<std::string>{"NotoSans-Regular.ttf", "NotoColorEmoji.ttf", "NotoSans-Regular.ttf",
                                             "NotoColorEmoji.ttf"});
  const Drawn ar = drawn("\u0645\u0648\u0639\u062F \U0001F4DE \u0645\u062C\u0627\u0646\u064A \u2705", "ar");
  CHECK(ar.missing == 0);
  CHECK(std::count(ar.fonts.begin(), ar.fonts.end(), "NotoColorEmoji.ttf") == 2);
  // Text presentation: ☎ alone comes from a text font, with VS16 from the colour font.
  CHECK(drawn("\u260E", "de").fonts != std::vector<std::string>{"NotoColorEmoji.ttf"});
  CHECK(drawn("\u260E\uFE0F", "de").fonts == std::vector<std::string>{"NotoColorEmoji.ttf"});
}

TEST_CASE("every fully-qualified emoji of Unicode's emoji-test.txt is one colour glyph", "[text][emoji]") {
  // Debian's unicode-data (15.0); fonts-noto-color-emoji 2.042 covers Emoji 15.0.
  std::ifstream in("/usr/share/unicode/emoji/emoji-test.txt");
  REQUIRE(in);
  std::size_t checked = 0, not_one = 0;
  std::string first_bad;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#' || line.find("; fully-qualified") == std::string::npos) continue;
    std::stringstream cps(line.substr(0, line.find(';')));
    icu::UnicodeString u;
    for (std::string hex; cps >> hex;) u.append(static_cast<UChar32>(std::stoul(hex, nullptr, 16)));
    std::string sequence;
    u.toUTF8String(sequence);
    const Drawn d = drawn(sequence, "en");
    ++checked;
    if (d.missing != 0 || d.glyphs != 1 || d.fonts != std::vector<std::string>{"NotoColorEmoji.ttf"}) {
      if (first_bad.empty()) first_bad = line;
      ++not_one;
    }
  }
  INFO("first: " << first_bad << " of " << not_one);
  CHECK(checked > 3000);
  CHECK(not_one == 0);
}

TEST_CASE("colour glyphs go to an RGBA page at the text size, with their colours", "[text][emoji][atlas]") {
  auto& fonts = *test::engine().fonts;
  text::GlyphAtlas atlas(512, 4);
  const auto p = test::lay("A\U0001F34E", "de", 40);  // a red apple
  REQUIRE(p.lines[0].runs.size() == 2);
  const auto& letter = atlas.glyph(fonts, p.lines[0].runs[0].font, p.lines[0].runs[0].glyphs[0].gid, 40);
  const auto& emoji = atlas.glyph(fonts, p.lines[0].runs[1].font, p.lines[0].runs[1].glyphs[0].gid, 40);
  CHECK_FALSE(letter.color);
  REQUIRE(emoji.color);
  REQUIRE(emoji.page != letter.page);
  const auto& page = atlas.pages()[static_cast<std::size_t>(emoji.page)];
  CHECK(page.color);
  CHECK(page.pixels.size() == static_cast<std::size_t>(page.size * page.size * 4));
  // Scaled from the 109 px strike to about the em of a 40 px text, and as wide as its advance.
  CHECK(emoji.height >= 30);
  CHECK(emoji.height <= 48);  // the strike's bitmaps are 128 px for 109 px per em
  CHECK(std::abs(static_cast<float>(emoji.width) - p.lines[0].runs[1].glyphs[0].advance) <= 3);
  // Real colour: opaque red pixels.
  int coloured = 0;
  const int x0 = static_cast<int>(emoji.u0 * static_cast<float>(page.size)),
            y0 = static_cast<int>(emoji.v0 * static_cast<float>(page.size));
  for (int y = 0; y < emoji.height; ++y)
    for (int x = 0; x < emoji.width; ++x) {
      const std::uint8_t* px = &page.pixels[static_cast<std::size_t>(((y0 + y) * page.size + x0 + x) * 4)];
      coloured += px[3] > 200 && px[0] > 150 && px[1] < 100;
    }
  CHECK(coloured > emoji.width * emoji.height / 10);
  // Rendered into an image, the colours stay whatever the text colour.
  const text::Image img = text::render(test::engine(), p);
  int red = 0;
  for (std::size_t i = 0; i + 3 < img.rgba.size(); i += 4) red += img.rgba[i] > 180 && img.rgba[i + 1] < 120;
  CHECK(red > 50);
}

TEST_CASE("an emoji corpus in twelve scripts lays out without a missing glyph", "[text][emoji]") {
  std::ifstream in(test::source_dir() / "tests" / "fixtures" / "text" / "emoji_corpus.txt");
  REQUIRE(in);
  int lines = 0, colour_runs = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    const auto tab = line.find('\t');
    REQUIRE(tab != std::string::npos);
    const std::string locale = line.substr(0, tab), text = line.substr(tab + 1);
    INFO(locale << ": " << text);
    const auto p = test::lay(text, locale, 32, 900);
    CHECK(p.missing_glyphs == 0);
    for (const auto& l : p.lines)
      for (const auto& run : l.runs) {
        colour_runs += test::engine().fonts->face(run.font).color;
        for (const auto& g : run.glyphs) CHECK(g.gid != 0);
      }
    ++lines;
  }
  CHECK(lines >= 30);
  CHECK(colour_runs >= 40);
}
