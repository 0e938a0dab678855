#include "ui/keyboard.h"

#include <unicode/unistr.h>

#include <algorithm>

namespace kiosk::ui {
namespace {

std::vector<std::string> chars(const std::u32string& s) {
  std::vector<std::string> out;
  for (char32_t c : s) {
    icu::UnicodeString u(static_cast<UChar32>(c));
    std::string utf8;
    u.toUTF8String(utf8);
    out.push_back(utf8);
  }
  return out;
}

bool ethiopic_syllable(char32_t c) {
  return c >= 0x1200 && c <= 0x137F;
}

}  // namespace

const std::vector<std::string>& ethiopic_order_keys() {
  static const std::vector<std::string> keys = chars(U"ሀሁሂሃሄህሆ");
  return keys;
}

KeyboardLayout keyboard_for(const std::string& locale) {
  const std::string lang = locale.substr(0, locale.find('-'));
  KeyboardLayout k;
  if (lang == "de")
    k.rows = {chars(U"qwertzuiopü"), chars(U"asdfghjklöä"), chars(U"yxcvbnmß")};
  else if (lang == "tr")
    k.rows = {chars(U"qwertyuıopğü"), chars(U"asdfghjklşi"), chars(U"zxcvbnmöç")};
  else if (lang == "ku")
    k.rows = {chars(U"qwertyuiopê"), chars(U"asdfghjklşî"), chars(U"zxcvbnmçû")};
  else if (lang == "fr")
    k.rows = {chars(U"azertyuiopé"), chars(U"qsdfghjklmè"), chars(U"wxcvbnçàù")};
  else if (lang == "uk")
    k.rows = {chars(U"йцукенгшщзхї"), chars(U"фівапролджє"), chars(U"ячсмитьбюґ")};
  else if (lang == "ru")
    k.rows = {chars(U"йцукенгшщзхъ"), chars(U"фывапролджэ"), chars(U"ячсмитьбюё")};
  else if (lang == "ar")
    k.rows = {chars(U"ضصثقفغعهخحجد"), chars(U"شسيبلاتنمكط"), chars(U"ئءؤرىةوزظذ")};
  else if (lang == "fa")
    k.rows = {chars(U"ضصثقفغعهخحجچ"), chars(U"شسیبلاتنمکگ"), chars(U"ظطزرذدپوژآ")};
  else if (lang == "ckb")
    k.rows = {chars(U"قوەرتیئحعۆپ"), chars(U"اسدفگهژکلڵێ"), chars(U"زخجڤبنمڕشچغ")};
  else if (lang == "ti" || lang == "am") {
    k.rows = {chars(U"ሀለሐመሰረሸቀበቨተቸ"), chars(U"ነኘአከኸወዐዘዠየደጀ"), chars(U"ገጠጨጰጸፀፈፐ")};
    k.ethiopic_orders = true;
  } else if (lang == "ta") {
    k.rows = {chars(U"அஆஇஈஉஊஎஏஐஒஓஔ"), chars(U"கஙசஞடணதநபமயர"), chars(U"லவழளறனஜஷஸஹ"), chars(U"ாிீுூெேைொோௌ்")};
  } else {
    k.rows = {chars(U"qwertyuiop"), chars(U"asdfghjkl"), chars(U"zxcvbnm")};
  }
  return k;
}

namespace {

void store(icu::UnicodeString& q, std::string& query) {
  if (q.countChar32() > 100) q.truncate(q.moveIndex32(0, 100));  // a search box, not a text editor
  query.clear();
  q.toUTF8String(query);
}

}  // namespace

void apply_key(std::string& query, const std::string& key) {
  icu::UnicodeString q = icu::UnicodeString::fromUTF8(query);
  if (key == "\b") {
    if (q.length() > 0) q.remove(q.moveIndex32(q.length(), -1));
  } else {
    q.append(icu::UnicodeString::fromUTF8(key));
  }
  store(q, query);
}

void apply_vowel_order(std::string& query, std::size_t order) {
  const auto& orders = ethiopic_order_keys();
  if (order >= orders.size()) return;
  icu::UnicodeString q = icu::UnicodeString::fromUTF8(query);
  const UChar32 last = q.length() > 0 ? q.char32At(q.moveIndex32(q.length(), -1)) : 0;
  if (last > 0 && ethiopic_syllable(static_cast<char32_t>(last))) {
    // Ethiopic syllables come in rows of eight: the consonant's row, the vowel's column.
    const UChar32 base = 0x1200 + ((last - 0x1200) / 8) * 8;
    q.remove(q.moveIndex32(q.length(), -1));
    q.append(static_cast<UChar32>(base + static_cast<UChar32>(order)));
  } else {
    q.append(icu::UnicodeString::fromUTF8(orders[order]));
  }
  store(q, query);
}

}  // namespace kiosk::ui
