#include "core/base/utf8.h"

#include <catch2/catch.hpp>

using namespace kiosk;

TEST_CASE("first_invalid_utf8 finds the first ill-formed sequence", "[utf8]") {
  CHECK_FALSE(first_invalid_utf8("Münster العربية தமிழ் ትግርኛ 😀").has_value());
  CHECK(first_invalid_utf8("ab\xFF") == 2u);
  CHECK(first_invalid_utf8("\xC3") == 0u);              // truncated
  CHECK(first_invalid_utf8("a\xC0\xAF") == 1u);         // overlong '/'
  CHECK(first_invalid_utf8("x\xED\xA0\x80") == 1u);     // UTF-16 surrogate
  CHECK(first_invalid_utf8("\xF4\x90\x80\x80") == 0u);  // above U+10FFFF
}

TEST_CASE("sanitize_utf8 replaces each bad sequence with U+FFFD and keeps the rest", "[utf8]") {
  CHECK(sanitize_utf8("Stra\xDF"
                      "e") ==
        "Stra\xEF\xBF\xBD"
        "e");
  CHECK(sanitize_utf8("ok ü") == "ok ü");
  CHECK(sanitize_utf8("\xFF\xFE") == "\xEF\xBF\xBD\xEF\xBF\xBD");
  CHECK_FALSE(first_invalid_utf8(sanitize_utf8("\xE2\x82 \xF0\x9F\x98")).has_value());
}

TEST_CASE("line_col_at counts lines and code points", "[utf8]") {
  const std::string text = "ab\nÄÖü x\n";
  CHECK(line_col_at(text, 0).line == 1);
  CHECK(line_col_at(text, 0).col == 1);
  const auto x = line_col_at(text, text.find('x'));
  CHECK(x.line == 2);
  CHECK(x.col == 5);
}

TEST_CASE("bidi controls are found, marks that are harmless are not", "[utf8]") {
  const auto found = find_bidi_controls("a\u202Eb\u2067c\u200Fd\u061Ce");
  REQUIRE(found.size() == 2);
  CHECK(found[0].cp == 0x202E);
  CHECK(found[0].offset == 1);
  CHECK(found[1].cp == 0x2067);
  CHECK(is_bidi_control(0x202A));
  CHECK(is_bidi_control(0x2069));
  CHECK_FALSE(is_bidi_control(0x200E));  // LRM
  CHECK(code_point_name(0x202E) == "U+202E RIGHT-TO-LEFT OVERRIDE");
}

TEST_CASE("count_code_points", "[utf8]") {
  CHECK(count_code_points("") == 0);
  CHECK(count_code_points("தமிழ்") == 5);
  CHECK(count_code_points("😀a") == 2);
}
