// Rendered text compared with golden PNGs that a person has looked at (tests/fixtures/golden/text).
// Set KIOSK_UPDATE_GOLDEN=1 to write new ones, then look at every changed image before committing.

#include <catch2/catch.hpp>

#include <cstdlib>

#include "text_fixture.h"

using namespace kiosk;

TEST_CASE("rendered text matches the golden images", "[text][golden]") {
  struct Case {
    const char* name;
    const char* locale;
    float width;
    std::string text;
  };
  const std::vector<Case> cases = {
      {"arabic", "ar", 520,
       "لا إله إلا الله — اتصل بنا على \u2066+49 241 432-0\u2069 في \u2066Theaterstraße 1\u2069، من "
       "\u206608:00–16:00\u2069"},
      {"persian_zwnj", "fa", 420,
       "می‌خواهم به کتاب‌خانه بروم. خانه‌ها (نزدیک) هستند."},
      {"sorani", "ckb", 420, "ئێمە یارمەتیت دەدەین. نەخۆشخانە کراوەیە، پێویست بە بەڵگەنامە نییە."},
      {"hebrew", "he", 420, "שלום! המרפאה פתוחה \u206608:00–16:00\u2069 (ללא תשלום) [ראו פרטים]."},
      {"tamil", "ta", 420, "தமிழ் க்ஷ ஸ்ரீ கொ கோ கௌ — மருத்துவமனை இன்று திறந்திருக்கும்."},
      {"devanagari", "hi", 420, "नमस्ते! क्षत्रिय श्री द्व्यर्थ — अस्पताल खुला है।"},
      {"tigrinya", "ti", 420, "ሰላም! ሕክምና ብነጻ ይወሃብ። ሰነዳት ኣየድልዩን።"},
      {"thai", "th", 260, "ภาษาไทยไม่มีการเว้นวรรคระหว่างคำ โรงพยาบาลเปิดทุกวัน"},
      {"cyrillic", "uk", 420, "Привіт! Лікарня відкрита щодня з 08:00 до 16:00, безкоштовно."},
      {"german_compounds", "de", 300,
       "Krankenversicherungskarte, Aufenthaltserlaubnis und Donaudampfschifffahrtsgesellschaft"},
      {"rtl_brackets", "ar", 420, "عيادة (مجانية) [بدون وثائق] {للجميع} «مرحبا» ١٢٣ <نعم>"}};
  const auto dir = test::fixtures_dir() / "golden" / "text";
  const bool update = std::getenv("KIOSK_UPDATE_GOLDEN") != nullptr;
  for (const auto& c : cases) {
    INFO(c.name);
    text::LayoutRequest r;
    r.text = c.text;
    r.locale = c.locale;
    r.size_px = 28;
    r.max_width = c.width;
    const auto p = text::layout(*test::engine().fonts, r);
    CHECK(p.missing_glyphs == 0);
    const text::Image img = text::render(test::engine(), p);
    const auto file = dir / (std::string(c.name) + ".png");
    if (update) {
      std::filesystem::create_directories(dir);
      REQUIRE(text::write_png(file, img));
      continue;
    }
    const auto golden = text::read_png(file);
    REQUIRE(golden);
    const auto diff = text::compare(img, *golden);
    CHECK(diff.same_size);
    CHECK(diff.mean < 2.0);
    CHECK(diff.share_different < 0.01);
  }
}
