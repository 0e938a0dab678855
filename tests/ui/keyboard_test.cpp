// On-screen keyboards: the layout of each locale's script, Ethiopic syllables typed as a consonant and then
// its vowel order, backspace and the length cap of the search box.

#include <catch2/catch.hpp>

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <set>

#include "core/base/utf8.h"
#include "ui/keyboard.h"

using namespace kiosk;
using namespace kiosk::ui;

namespace {

// A key press: a letter (or "\b", " "), or one of the Ethiopic vowel-order keys.
struct Press {
  Press(const char* k) : key(k) {}             // NOLINT: letters are written as strings
  Press(std::string k) : key(std::move(k)) {}  // NOLINT
  std::string key;
  int order = -1;
};

Press vowel(std::size_t order) {
  Press p{""};
  p.order = static_cast<int>(order);
  return p;
}

// The query after pressing the keys in order.
std::string typed(const std::vector<Press>& keys, std::string query = "") {
  for (const auto& k : keys)
    if (k.order >= 0)
      apply_vowel_order(query, static_cast<std::size_t>(k.order));
    else
      apply_key(query, k.key);
  return query;
}

std::u32string code_points(const std::string& utf8) {
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(utf8);
  std::u32string out;
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) out.push_back(static_cast<char32_t>(u.char32At(i)));
  return out;
}

std::string utf8(char32_t cp) {
  std::string out;
  icu::UnicodeString(static_cast<UChar32>(cp)).toUTF8String(out);
  return out;
}

std::set<std::string> keys_of(const KeyboardLayout& k) {
  std::set<std::string> out;
  for (const auto& row : k.rows) out.insert(row.begin(), row.end());
  return out;
}

// Every letter of an alphabet (one code point each) has a key.
void check_alphabet(const std::string& locale, const std::u32string& alphabet) {
  const auto keys = keys_of(keyboard_for(locale));
  for (const char32_t c : alphabet) {
    INFO(locale << ": " << utf8(c));
    CHECK(keys.count(utf8(c)) == 1);
  }
}

const std::vector<std::string>& orders() {
  return ethiopic_order_keys();
}

}  // namespace

TEST_CASE("the seven Ethiopic vowel-order keys are shown on the letter HA", "[keyboard][ethiopic]") {
  CHECK(orders() == std::vector<std::string>{"ሀ", "ሁ", "ሂ", "ሃ", "ሄ", "ህ", "ሆ"});
}

TEST_CASE("a vowel-order key turns the consonant before it into that syllable", "[keyboard][ethiopic]") {
  CHECK(typed({"ሀ", vowel(1)}) == "ሁ");
  CHECK(typed({"ሀ", vowel(2)}) == "ሂ");
  CHECK(typed({"ሀ", vowel(3)}) == "ሃ");
  CHECK(typed({"ሀ", vowel(4)}) == "ሄ");
  CHECK(typed({"ሀ", vowel(5)}) == "ህ");
  CHECK(typed({"ሀ", vowel(6)}) == "ሆ");
  CHECK(typed({"ለ", vowel(1)}) == "ሉ");
  CHECK(typed({"ለ", vowel(6)}) == "ሎ");
  // ሰላም (peace): ሰ, ለ with the fourth order, መ with the sixth.
  CHECK(typed({"ሰ", "ለ", vowel(3), "መ", vowel(5)}) == "ሰላም");
  // ሕክምና (medical care), as in the golden text.
  CHECK(typed({"ሐ", vowel(5), "ከ", vowel(5), "መ", vowel(5), "ነ", vowel(3)}) == "ሕክምና");
}

TEST_CASE("a vowel-order key changes the order of a syllable that already has one", "[keyboard][ethiopic]") {
  CHECK(typed({"ሁ", vowel(6)}) == "ሆ");
  CHECK(typed({"ላ", vowel(2)}) == "ሊ");
  // The first order takes the syllable back to its consonant.
  CHECK(typed({"ላ", vowel(0)}) == "ለ");
}

TEST_CASE("a vowel-order key changes only the last character", "[keyboard][ethiopic]") {
  CHECK(typed({vowel(2)}, "abc ሰለ") == "abc ሰሊ");
  CHECK(typed({vowel(3)}, "ሰለ") == "ሰላ");
}

TEST_CASE("a vowel-order key after a non-Ethiopic character or in an empty query types its own syllable",
          "[keyboard][ethiopic]") {
  CHECK(typed({vowel(1)}) == "ሁ");
  CHECK(typed({vowel(1)}, "a") == "aሁ");
  CHECK(typed({vowel(4)}, "ሰ ") == "ሰ ሄ");
  CHECK(typed({vowel(6)}, "12") == "12ሆ");
  CHECK(typed({vowel(3)}, "سلام") == "سلامሃ");
}

TEST_CASE("every consonant of the Ethiopic keyboard takes every vowel order", "[keyboard][ethiopic]") {
  for (const char* locale : {"ti", "am"}) {
    for (const auto& key : keys_of(keyboard_for(locale))) {
      const std::u32string consonant = code_points(key);
      REQUIRE(consonant.size() == 1);
      for (std::size_t order = 0; order < orders().size(); ++order) {
        const std::u32string syllable = code_points(typed({key, vowel(order)}));
        INFO(locale << ": " << key << " + order " << order);
        REQUIRE(syllable.size() == 1);
        CHECK(syllable[0] == consonant[0] + order);
        CHECK(u_isdefined(static_cast<UChar32>(syllable[0])));
      }
    }
  }
}

// The consonant key ሀ and the first vowel-order key look the same; the consonant was once taken for the
// order key, so ሀ could not be typed after another syllable (ማህበር came out as ምበር).
TEST_CASE("the consonant key HA types HA after another Ethiopic syllable", "[keyboard][ethiopic]") {
  CHECK(typed({"ለ", "ሀ"}) == "ለሀ");
  CHECK(typed({"መ", vowel(3), "ሀ", vowel(5), "በ", "ረ", vowel(5)}) == "ማህበር");
}

TEST_CASE("backspace deletes the last character with all its bytes", "[keyboard]") {
  CHECK(typed({"\b"}, "abc") == "ab");
  CHECK(typed({"\b"}, "ሰላም") == "ሰላ");    // 3 bytes
  CHECK(typed({"\b"}, "سلام") == "سلا");  // 2 bytes
  CHECK(typed({"\b"}, "aé") == "a");      // U+00E9, 2 bytes
  CHECK(typed({"\b"}, "a😀") == "a");      // 4 bytes, a surrogate pair in ICU's UTF-16
  CHECK(typed({"\b", "\b", "\b"}, "ሰላም") == "");
  CHECK(typed({"\b"}, "") == "");
  CHECK(typed({"\b", "\b"}, "x") == "");
}

TEST_CASE("backspace deletes one code point and so one key press of a vowel sign", "[keyboard]") {
  // கொ is க and the vowel sign ொ, two keys of the Tamil keyboard: backspace takes back the sign.
  CHECK(typed({"க", "ொ"}) == "கொ");
  CHECK(typed({"க", "ொ", "\b"}) == "க");
  CHECK(typed({"\b"}, "e\u0301") == "e");
}

TEST_CASE("letters and the space key append", "[keyboard]") {
  CHECK(typed({"a", "b", " ", "c"}) == "ab c");
  CHECK(typed({"ж", "ї"}) == "жї");
  CHECK(typed({" "}, "") == " ");
}

TEST_CASE("the query is cut at 100 characters", "[keyboard]") {
  const std::string a100 = std::string(100, 'a');
  CHECK(typed({"a"}, std::string(99, 'a')) == a100);
  CHECK(typed({"b"}, a100) == a100);
  std::string cyrillic;
  for (int i = 0; i < 100; ++i) apply_key(cyrillic, "ж");
  CHECK(count_code_points(cyrillic) == 100);
  CHECK(cyrillic.size() == 200);
  apply_key(cyrillic, "ж");
  CHECK(cyrillic.size() == 200);
  apply_key(cyrillic, "\b");
  CHECK(count_code_points(cyrillic) == 99);
}

TEST_CASE("every key of every layout is one valid UTF-8 character and no key is there twice", "[keyboard]") {
  for (const char* locale : {"de", "tr", "ku", "fr", "uk", "ru", "ar", "fa", "ckb", "ti", "am", "ta", "en", "xx"}) {
    INFO(locale);
    const KeyboardLayout k = keyboard_for(locale);
    REQUIRE(k.rows.size() >= 3);
    std::size_t count = 0;
    for (const auto& row : k.rows) {
      CHECK(!row.empty());
      for (const auto& key : row) {
        INFO(key);
        CHECK(!key.empty());
        CHECK(!first_invalid_utf8(key));
        CHECK(count_code_points(key) == 1);
        ++count;
      }
    }
    CHECK(keys_of(k).size() == count);
  }
  for (const auto& key : orders()) {
    CHECK(!first_invalid_utf8(key));
    CHECK(count_code_points(key) == 1);
  }
}

TEST_CASE("Tigrinya and Amharic get the Ethiopic consonants and the vowel orders", "[keyboard][ethiopic]") {
  for (const char* locale : {"ti", "am", "ti-ER", "am-ET"}) {
    INFO(locale);
    const KeyboardLayout k = keyboard_for(locale);
    CHECK(k.ethiopic_orders);
    for (const auto& key : keys_of(k)) {
      const char32_t c = code_points(key).at(0);
      CHECK(c >= 0x1200);
      CHECK(c <= 0x137F);
      CHECK((c - 0x1200) % 8 == 0);  // first order: the vowel order key makes the others
    }
    CHECK(keys_of(k).count("ሰ") == 1);
  }
  for (const char* locale : {"de", "ar", "fa", "ckb", "ta", "uk", "en", "xx"}) {
    INFO(locale);
    CHECK(!keyboard_for(locale).ethiopic_orders);
  }
}

TEST_CASE("Arabic and Persian each get their own letters", "[keyboard]") {
  check_alphabet("ar", U"ابتثجحخدذرزسشصضطظعغفقكلمنهوي");
  check_alphabet("fa", U"ابپتثجچحخدذرزژسشصضطظعغفقکگلمنوهی");
  const auto arabic = keys_of(keyboard_for("ar")), persian = keys_of(keyboard_for("fa"));
  // Persian writes its own yeh and keheh; Arabic has neither, nor pe, che, zhe and gaf.
  CHECK(persian.count("ي") == 0);
  CHECK(persian.count("ك") == 0);
  for (const char* c : {"ی", "ک", "پ", "چ", "ژ", "گ"}) CHECK(arabic.count(c) == 0);
  for (const auto& layout : {arabic, persian})
    for (const auto& key : layout) {
      const char32_t c = code_points(key).at(0);
      CHECK(c >= 0x0600);
      CHECK(c <= 0x06FF);
    }
}

TEST_CASE("Sorani gets the letters Arabic and Persian do not have", "[keyboard]") {
  CHECK(keyboard_for("ckb").rows != keyboard_for("ar").rows);
  CHECK(keyboard_for("ckb").rows != keyboard_for("fa").rows);
  // ێ (as in ئێمە) and غ: once missing.
  check_alphabet("ckb", U"ئابپتجچحخدرڕزژسشعغفڤقکگلڵمنوۆهەیێ");
}

TEST_CASE("Ukrainian and Russian each get their own Cyrillic letters", "[keyboard]") {
  check_alphabet("uk", U"абвгґдеєжзиіїйклмнопрстуфхцчшщьюя");
  check_alphabet("ru", U"абвгдеёжзийклмнопрстуфхцчшщъыьэюя");
  const auto ukrainian = keys_of(keyboard_for("uk"));
  for (const char* c : {"ы", "э", "ъ", "ё"}) CHECK(ukrainian.count(c) == 0);
}

TEST_CASE("Tamil gets vowels and consonants and the vowel signs on a row of their own", "[keyboard]") {
  const KeyboardLayout k = keyboard_for("ta");
  REQUIRE(k.rows.size() == 4);
  check_alphabet("ta", U"அஆஇஈஉஊஎஏஐஒஓஔகஙசஞடணதநபமயரலவழளறன");
  for (const auto& key : k.rows[3]) {
    const char32_t c = code_points(key).at(0);
    CHECK((U_GET_GC_MASK(static_cast<UChar32>(c)) & (U_GC_MN_MASK | U_GC_MC_MASK)) != 0);
  }
}

TEST_CASE("Latin layouts carry their language's letters", "[keyboard]") {
  check_alphabet("de", U"abcdefghijklmnopqrstuvwxyzäöüß");
  check_alphabet("tr", U"abcçdefgğhıijklmnoöprsştuüvyz");
  check_alphabet("ku", U"abcçdeêfghiîjklmnopqrsştuûvwxyz");
  check_alphabet("fr", U"abcdefghijklmnopqrstuvwxyzéèçàù");
  CHECK(keyboard_for("de").rows[0][5] == "z");  // QWERTZ
  CHECK(keyboard_for("fr").rows[0][0] == "a");  // AZERTY
}

TEST_CASE("a region subtag keeps the language's keyboard and an unknown language gets plain QWERTY", "[keyboard]") {
  CHECK(keyboard_for("de-AT").rows == keyboard_for("de").rows);
  CHECK(keyboard_for("ar-EG").rows == keyboard_for("ar").rows);
  const std::vector<std::vector<std::string>> qwerty = {{"q", "w", "e", "r", "t", "y", "u", "i", "o", "p"},
                                                        {"a", "s", "d", "f", "g", "h", "j", "k", "l"},
                                                        {"z", "x", "c", "v", "b", "n", "m"}};
  for (const char* locale : {"en", "en-GB", "xx", "", "nl"}) {
    INFO("'" << locale << "'");
    const KeyboardLayout k = keyboard_for(locale);
    CHECK(k.rows == qwerty);
    CHECK(!k.ethiopic_orders);
  }
}
