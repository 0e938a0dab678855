// For single-font runs our glyph ids, clusters and advances equal what HarfBuzz's own hb-shape
// (Debian libharfbuzz-bin) gives for the same font, script, language and direction.

#include <catch2/catch.hpp>

#include <sstream>

#include "text_fixture.h"

using namespace kiosk;

namespace {

struct Shaped {
  unsigned gid;
  std::size_t cluster;
  long advance;
  bool operator==(const Shaped&) const = default;
};

std::ostream& operator<<(std::ostream& os, const Shaped& s) {
  return os << s.gid << "=" << s.cluster << "+" << s.advance;
}

std::vector<Shaped> parse_hb_shape(std::string out) {
  // [gid=cluster@x,y+advance|...] or [gid=cluster+advance|...]
  std::vector<Shaped> v;
  out = out.substr(out.find('[') + 1);
  out = out.substr(0, out.find(']'));
  std::stringstream in(out);
  for (std::string item; std::getline(in, item, '|');) {
    Shaped s{};
    s.gid = static_cast<unsigned>(std::stoul(item.substr(0, item.find('='))));
    s.cluster = std::stoul(item.substr(item.find('=') + 1));
    s.advance = std::stol(item.substr(item.rfind('+') + 1));
    v.push_back(s);
  }
  return v;
}

}  // namespace

TEST_CASE("single-font runs shape exactly as hb-shape", "[text][harfbuzz][emoji]") {
  struct Case {
    const char* locale;
    const char* script;
    const char* dir;
    std::string text;
  };
  const std::vector<Case> cases = {{"ar", "Arab", "rtl", "لا سلام عليكم"},
                                   {"fa", "Arab", "rtl", "می‌خواهم"},
                                   {"ckb", "Arab", "rtl", "کوردی سۆرانی"},
                                   {"he", "Hebr", "rtl", "שלום עולם"},
                                   {"ta", "Taml", "ltr", "தமிழ் க்ஷ கொ"},
                                   {"hi", "Deva", "ltr", "नमस्ते क्षत्रिय"},
                                   {"ti", "Ethi", "ltr", "ሰላም ኣኸን"},
                                   {"de", "Latn", "ltr", "Straße office"},
                                   {"uk", "Cyrl", "ltr", "Привіт, лікарня"},
                                   {"th", "Thai", "ltr", "ภาษาไทย"},
                                   // Colour emoji (Noto Color Emoji): ZWJ sequences, skin tones, keycaps, flags.
                                   {"de", "Latn", "ltr", "👩🏽‍⚕️1️⃣🇺🇦✅🏳️‍🌈☎️"},
                                   {"ar", "Arab", "rtl", "🇸🇾👍🏿📞🏴󠁧󠁢󠁳󠁣󠁴󠁿#️⃣"},
                                   {"ti", "Ethi", "ltr", "🧑🏾‍🤝‍🧑🏻🍞🏥"}};
  for (const auto& c : cases) {
    INFO(c.locale << ": " << c.text);
    auto& fonts = *test::engine().fonts;
    // At a size of one pixel per font unit, our advances are hb-shape's font units.
    const auto probe = test::lay(c.text, c.locale, 10);
    REQUIRE(probe.lines.size() == 1);
    REQUIRE(probe.lines[0].runs.size() >= 1);
    const text::FontId font = probe.lines[0].runs[0].font;
    for (const auto& r : probe.lines[0].runs) REQUIRE(r.font == font);  // a single-font case
    const auto& face = fonts.face(font);
    const auto p = test::lay(c.text, c.locale, static_cast<float>(face.units_per_em));
    std::vector<Shaped> ours;
    for (const auto& r : p.lines[0].runs)
      for (const auto& g : r.glyphs) ours.push_back({g.gid, g.cluster, std::lround(static_cast<double>(g.advance))});
    const auto hb =
        test::run_command({"/usr/bin/hb-shape", "--font-file=" + face.path, std::string("--script=") + c.script,
                           std::string("--language=") + c.locale, std::string("--direction=") + c.dir,
                           "--no-glyph-names", "--utf8-clusters", c.text});
    REQUIRE(hb.exit_code == 0);
    CHECK(ours == parse_hb_shape(hb.out));
  }
}
