#include "core/facts/csv_table.h"

#include <catch2/catch.hpp>

using namespace kiosk;

namespace {
CsvTable ok(std::string_view text) {
  auto r = read_csv(text);
  if (const auto* e = std::get_if<CsvError>(&r)) FAIL("row " << e->row << ": " << e->message);
  return std::get<CsvTable>(r);
}
}  // namespace

TEST_CASE("CSV as spreadsheets write it: quotes, separators, line ends, byte order mark", "[facts][csv]") {
  const auto t = ok("\xEF\xBB\xBFid,name\r\na,\"Markt 1, Aachen\"\r\n\r\nb,\"say \"\"hi\"\"\nthere\"\r\n");
  CHECK(t.separator == ',');
  REQUIRE(t.rows.size() == 4);
  CHECK(t.rows[0] == std::vector<std::string>{"id", "name"});
  CHECK(t.rows[1] == std::vector<std::string>{"a", "Markt 1, Aachen"});
  CHECK(t.rows[2].empty());  // a blank row keeps its number
  CHECK(t.rows[3] == std::vector<std::string>{"b", "say \"hi\"\nthere"});
  // LibreOffice and Excel in many European locales write ';'; a tab-separated sheet keeps its tabs.
  CHECK(ok("id;fees\nx;free\n").rows[1] == std::vector<std::string>{"x", "free"});
  CHECK(ok("id\tfees\nx\t free \n").rows[1] == std::vector<std::string>{"x", "free"});
  CHECK(ok("id,fees\nx,free").rows.size() == 2);  // no line end at the end
}

TEST_CASE("CSV that cannot be read names the row", "[facts][csv]") {
  auto r = read_csv("id,name\na,\"open quote\nb,c\n");
  REQUIRE(std::holds_alternative<CsvError>(r));
  CHECK(std::get<CsvError>(r).row == 2);
  r = read_csv(
      "id,name\na,Stra\xDF"
      "e\n");  // Latin-1, as old Excel versions save
  REQUIRE(std::holds_alternative<CsvError>(r));
  CHECK(std::get<CsvError>(r).row == 2);
  CHECK(std::get<CsvError>(r).message.find("UTF-8") != std::string::npos);
}

TEST_CASE("CSV written per RFC 4180 reads back the same", "[facts][csv]") {
  const std::vector<std::vector<std::string>> rows = {{"id", "note"},      {"a", "x, y"},     {"b", "\"q\""},
                                                      {"c", "two\nlines"}, {"d", " padded "}, {"e", "خدمة مجانية"}};
  for (char sep : {',', ';', '\t'}) {
    const std::string text = write_csv(rows, sep, true);
    CHECK(text.starts_with("\xEF\xBB\xBF"));
    CHECK(text.find("\r\n") != std::string::npos);
    const auto back = ok(text);
    CHECK(back.separator == sep);
    CHECK(back.rows == rows);
  }
}
