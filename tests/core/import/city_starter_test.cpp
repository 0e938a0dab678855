// A new city's starter bundle: the time zone, country and language found from the data, the area from a
// boundary, and a bundle that validates as it comes.

#include <catch2/catch.hpp>

#include "core/bundle/content_loader.h"
#include "core/import/city_starter.h"
#include "support/test_support.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

const fs::path zones = "/usr/share/zoneinfo/zone1970.tab";

CityStarterOptions porto(const fs::path& out) {
  CityStarterOptions o;
  o.pbf = fixtures_dir() / "osm/multipolygon_services.osm";
  o.out = out;
  o.name = "Porto";
  o.starter_dir = source_dir() / "content/starter";
  o.locales_dir = locales_dir();
  return o;
}

}  // namespace

TEST_CASE("time zone, country and language from where a city is", "[import][city]") {
  CHECK(time_zone_for(zones, "DE", {48.137, 11.575}) == "Europe/Berlin");  // not Zurich (Büsingen), though nearer
  CHECK(time_zone_for(zones, "PT", {41.15, -8.61}) == "Europe/Lisbon");
  CHECK(time_zone_for(zones, "PT", {32.65, -16.91}) == "Atlantic/Madeira");
  CHECK(time_zone_for(zones, "MT", {35.9, 14.51}) == "Europe/Malta");
  CHECK(time_zone_for(zones, "ZZ", {0, 0}).empty());
  CHECK(nearest_zone_country(zones, {35.9, 14.51}) == "MT");
  CHECK(nearest_zone_country(zones, {41.15, -8.61}) == "PT");
  CHECK(likely_language("PT") == "pt");
  CHECK(likely_language("MT") == "mt");
  CHECK(likely_language("DE") == "de");
  CHECK(likely_language("ER") == "ti");
}

TEST_CASE("a starter bundle from an extract with no country tags: what is known, and what is to do", "[import][city]") {
  TempDir tmp;
  // UI catalogs without Portuguese: the to-do list says how to make one.
  const fs::path locales = tmp.path() / "locales";
  fs::create_directories(locales);
  for (const auto& e : fs::directory_iterator(locales_dir()))
    if (e.path().filename() != "pt.yaml") fs::copy_file(e.path(), locales / e.path().filename());
  CityStarterOptions o = porto(tmp.path() / "porto");
  o.locales_dir = locales;
  const auto r = make_city_starter(o);
  CHECK(r.id == "porto");
  CHECK(r.country == "PT");  // from the nearest zone: the hand-made extract has no country tags
  CHECK(r.timezone == "Europe/Lisbon");
  CHECK(r.holiday_region == "PT");
  CHECK(r.default_locale == "en");  // no Portuguese UI catalog: said in the to-do list
  bool says_pt = false;
  for (const auto& t : r.todo) says_pt |= t.find("'pt'") != std::string::npos;
  CHECK(says_pt);
  bool says_template = false;
  for (const auto& t : r.todo) says_template |= t.find("kioskctl i18n template --locale pt") != std::string::npos;
  CHECK(says_template);
  CHECK(r.services.services == 3);
  CHECK(r.services.skipped_outside == 1);  // the food bank beyond the extract's box

  const Content c = load_content(tmp.path() / "porto", locales);
  for (const auto& d : c.diags.items) UNSCOPED_INFO(format_diagnostic(d));
  CHECK(c.ok());
  CHECK(c.bundle.timezone == "Europe/Lisbon");
  CHECK(c.bundle.walking_country == "PT");
  CHECK(c.bundle.address_format == "{street}\n{postcode} {city}");  // Portugal's, from ruby-countries
  CHECK(c.bundle.holidays.empty());

  // Never over a folder that has something in it.
  CHECK_THROWS_WITH(make_city_starter(o), Catch::Contains("not empty"));
}

TEST_CASE("a starter bundle's area from an admin boundary, and its region code for holidays", "[import][city]") {
  TempDir tmp;
  CityStarterOptions o = porto(tmp.path() / "porto");
  o.boundary = 400;
  const auto r = make_city_starter(o);
  CHECK(r.area.south == Approx(41.144));
  CHECK(r.area.north == Approx(41.155));
  CHECK(r.area.west == Approx(-8.617));
  CHECK(r.area.east == Approx(-8.605));
  CHECK(r.country == "PT");
  CHECK(r.holiday_region == "PT-13");
  CHECK(r.services.services == 3);
  CHECK(r.default_locale == "pt");  // the kiosk ships a Portuguese UI catalog: Porto starts in Portuguese
  for (const auto& t : r.todo) CHECK(t.find("has no UI catalog") == std::string::npos);

  o.out = tmp.path() / "other";
  o.boundary = 999;
  CHECK_THROWS_WITH(make_city_starter(o), Catch::Contains("relation 999 is not in the extract"));
}
