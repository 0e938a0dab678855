#include "core/yaml/yaml_read.h"

#include <catch2/catch.hpp>

#include "core/yaml/yaml_file.h"

using namespace kiosk;

namespace {
struct Parsed {
  Diagnostics diags;
  std::optional<YamlFile> file;
  explicit Parsed(std::string text) { file = parse_yaml_text(std::move(text), "t.yaml", diags); }
};
}  // namespace

TEST_CASE("positions count code points, not bytes", "[yaml]") {
  Parsed p("name: \"Ä\"\nkey: [ä, ü, b]\n");
  REQUIRE(p.file);
  const auto pos = pos_of(*p.file, p.file->root["key"][2]);
  CHECK(pos.line == 2);
  CHECK(pos.col == 13);  // bytes would say 15
}

TEST_CASE("dates, times and ranges", "[yaml]") {
  CHECK(parse_date("2026-02-28"));
  CHECK_FALSE(parse_date("2026-02-29"));
  CHECK(parse_date("2028-02-29"));
  CHECK_FALSE(parse_date("2026-13-01"));
  CHECK_FALSE(parse_date("26-01-01"));
  CHECK(parse_date_time("2026-12-24T14:30")->minute_of_day == 14 * 60 + 30);
  CHECK(parse_date_time("2026-12-24 14:30"));
  CHECK_FALSE(parse_date_time("2026-12-24T24:00"));
  CHECK(parse_hh_mm("24:00") == 24 * 60);
  CHECK_FALSE(parse_hh_mm("24:01"));
  CHECK_FALSE(parse_hh_mm("8:00"));
}

TEST_CASE("MapReader reports unknown and duplicate keys where they are", "[yaml]") {
  Parsed p("id: a\nnmae: x\nid: b\n");
  REQUIRE(p.file);
  const ReadContext ctx{*p.file, p.diags};
  MapReader m(ctx, p.file->root, "a thing", {"id", "name"});
  REQUIRE(p.diags.items.size() == 2);
  CHECK(format_diagnostic(p.diags.items[0]) ==
        "t.yaml:2:1: error: unknown key 'nmae' in a thing; did you mean 'name'?");
  CHECK(format_diagnostic(p.diags.items[1]) == "t.yaml:3:1: error: 'id' appears twice in a thing; keep one of them");
}

TEST_CASE("localized text: a scalar is language-neutral, a mapping needs valid tags", "[yaml]") {
  Parsed p("a: Tafel\nb: {de: Essen, ar: طعام}\nc: [x]\n");
  REQUIRE(p.file);
  const ReadContext ctx{*p.file, p.diags};
  const auto a = read_localized(ctx, p.file->root["a"], "a", 10);
  CHECK(a.language_neutral());
  const auto b = read_localized(ctx, p.file->root["b"], "b", 10);
  CHECK(*b.find("ar") == "طعام");
  CHECK(p.diags.items.empty());
  read_localized(ctx, p.file->root["c"], "the name", 10);
  REQUIRE(p.diags.items.size() == 1);
  CHECK(p.diags.items[0].rule == "wrong-type");
}

TEST_CASE("files that are not UTF-8 or not YAML are refused with a position", "[yaml]") {
  Parsed bad_utf8("a: 1\nb: \"\xC3\x28\"\n");
  CHECK_FALSE(bad_utf8.file);
  REQUIRE(bad_utf8.diags.items.size() == 1);
  CHECK(format_diagnostic(bad_utf8.diags.items[0]).rfind("t.yaml:2:5: error: invalid UTF-8", 0) == 0);

  Parsed bad_yaml("a: [1, 2\nb: 3\n");
  CHECK_FALSE(bad_yaml.file);
  REQUIRE(bad_yaml.diags.items.size() == 1);
  CHECK(bad_yaml.diags.items[0].rule == "yaml-syntax");
  CHECK(bad_yaml.diags.items[0].pos.line >= 1);
}

TEST_CASE("numbers and choices report what was expected", "[yaml]") {
  Parsed p("lat: 95\nlon: abc\nfees: fre\n");
  REQUIRE(p.file);
  const ReadContext ctx{*p.file, p.diags};
  CHECK_FALSE(read_number(ctx, p.file->root["lat"], "the latitude", -90, 90));
  CHECK_FALSE(read_number(ctx, p.file->root["lon"], "the longitude", -180, 180));
  CHECK_FALSE(read_choice(ctx, p.file->root["fees"], "fees", {"unknown", "free", "reduced", "paid"}));
  REQUIRE(p.diags.items.size() == 3);
  CHECK(format_diagnostic(p.diags.items[0]) == "t.yaml:1:6: error: the latitude is 95, outside -90 to 90");
  CHECK(format_diagnostic(p.diags.items[1]) == "t.yaml:2:6: error: the longitude must be a number, not 'abc'");
  CHECK(format_diagnostic(p.diags.items[2]) ==
        "t.yaml:3:7: error: fees 'fre' is not one of: unknown, free, reduced, paid; did you mean 'free'?");
}
