// The importer on the real Aachen extract: enough services, real facts kept, nothing invented.

#include "core/import/osm_import.h"

#include <catch2/catch.hpp>

#include <map>

#include "core/bundle/bundle_loader.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {
struct Tags final : OsmTagView {
  std::map<std::string, std::string> m;
  Tags(std::initializer_list<std::pair<const std::string, std::string>> t) : m(t) {}
  [[nodiscard]] const char* get(const char* key) const override {
    auto it = m.find(key);
    return it == m.end() ? nullptr : it->second.c_str();
  }
};
}  // namespace

TEST_CASE("OSM tags map to our categories", "[import]") {
  CHECK(category_for_osm_tags(Tags{{"amenity", "doctors"}}) == "health");
  CHECK(category_for_osm_tags(Tags{{"amenity", "social_facility"}, {"social_facility", "food_bank"}}) == "food");
  CHECK(category_for_osm_tags(Tags{{"amenity", "social_facility"}, {"social_facility", "shelter"}}) == "shelter");
  CHECK(category_for_osm_tags(Tags{{"amenity", "social_facility"}, {"social_facility", "nursing_home"}}).empty());
  CHECK(category_for_osm_tags(Tags{{"amenity", "social_facility"}, {"social_facility:for", "child"}}) == "family");
  CHECK(category_for_osm_tags(Tags{{"amenity", "library"}}) == "libraries");
  CHECK(category_for_osm_tags(Tags{{"amenity", "townhall"}}) == "city");
  CHECK(category_for_osm_tags(Tags{{"office", "government"}}) == "city");
  CHECK(category_for_osm_tags(Tags{{"amenity", "toilets"}}) == "toilets-water");
  CHECK(category_for_osm_tags(Tags{{"amenity", "restaurant"}}).empty());
}

TEST_CASE("importing the Aachen extract gives a valid services folder with real facts", "[import][sample]") {
  test::TempDir tmp;
  const fs::path out = tmp.path() / "bundle";
  fs::create_directories(out);
  for (const char* f : {"bundle.yaml", "categories.yaml", "holidays.yaml"})
    fs::copy_file(test::sample_bundle() / f, out / f);

  const auto report = import_osm({test::sample_bundle() / "map" / "aachen.osm.pbf", out, "2021-08-01", std::nullopt});
  CHECK(report.services >= 200);
  CHECK(report.per_category.at("health") >= 100);
  CHECK(report.per_category.at("libraries") >= 10);

  Diagnostics diags;
  const Bundle b = load_bundle(out, diags);
  for (const auto& d : diags.items)
    if (d.severity == Severity::error) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE_FALSE(diags.has_errors());
  CHECK(b.services.size() == report.services);

  // Stadtbibliothek Aachen, way 79424442, as tagged in OSM on 2021-08-01.
  const Service* lib = b.find_service("stadtbibliothek-aachen-w79424442");
  REQUIRE(lib);
  CHECK(lib->category == "libraries");
  CHECK(*lib->name.find("und") == "Stadtbibliothek Aachen");
  CHECK(lib->address.street == "Couvenstraße 15");
  CHECK(lib->address.postcode == "52062");
  CHECK(lib->opening_hours == "Tu-We 11:00-18:00; Th 13:00-19:00; Fr 11:00-18:00; Sa 10:00-14:00");
  CHECK(lib->wheelchair == Wheelchair::yes);
  CHECK(lib->source == "osm:way/79424442");
  // Not in OSM, so not known: never guessed.
  CHECK(lib->fees == Fees::unknown);
  CHECK_FALSE(lib->documents.known);
  CHECK(lib->anonymous == YesNo::unknown);
  CHECK(lib->languages.empty());

  // name:xx tags are kept next to the local name.
  bool multilingual = false;
  for (const auto& s : b.services) multilingual |= s.name.by_locale.size() > 1 && s.name.find("und");
  CHECK(multilingual);

  // The committed sample bundle is exactly what the importer makes (apart from hand-written files).
  for (const auto& e : fs::directory_iterator(out / "services")) {
    INFO(e.path().filename());
    const fs::path committed = test::sample_bundle() / "services" / e.path().filename();
    REQUIRE(fs::exists(committed));
    CHECK(test::read_text(committed) == test::read_text(e.path()));
  }
}

TEST_CASE("services mapped as multipolygons are kept, places outside the area and shapeless relations are named",
          "[import]") {
  test::TempDir tmp;
  OsmImportOptions o;
  o.pbf = test::fixtures_dir() / "osm/multipolygon_services.osm";
  o.out_dir = tmp.path();
  o.area = BoundingBox{41.14, -8.62, 41.16, -8.60};
  const auto report = import_osm(o);
  CHECK(report.services == 3);  // town hall, library (both multipolygons), the clinic node
  CHECK(report.per_category.at("city") == 1);
  CHECK(report.per_category.at("libraries") == 1);
  CHECK(report.per_category.at("health") == 1);
  CHECK(report.skipped_outside == 1);
  CHECK(report.skipped_relations == 1);
  CHECK(report.left_out.size() == 2);
  auto note_with = [&](const std::string& what) {
    for (const auto& n : report.left_out)
      if (n.find(what) != std::string::npos) return n;
    return std::string();
  };
  // One line each, with where it is: western longitudes as W.
  CHECK_THAT(note_with("Banco Alimentar"), Catch::Contains("node/31") && Catch::Contains("8.65000 W") &&
                                               Catch::Contains("outside the bundle's area"));
  CHECK_THAT(note_with("Hospital campus"), Catch::Contains("relation/303") && Catch::Contains("type=site"));

  std::string town_hall, library;
  for (const auto& e : fs::directory_iterator(tmp.path() / "services")) {
    const std::string text = test::read_text(e.path());
    if (text.find("osm:relation/301") != std::string::npos) town_hall = text;
    if (text.find("osm:relation/302") != std::string::npos) library = text;
  }
  REQUIRE_FALSE(town_hall.empty());
  REQUIRE_FALSE(library.empty());
  CHECK_THAT(town_hall,
             Catch::Contains("Câmara Municipal do Porto") && Catch::Contains("Praça General Humberto Delgado"));
  // The middle of the outer ring (the library's ring is two ways; its courtyard does not move it).
  CHECK_THAT(town_hall, Catch::Contains("41.1495") && Catch::Contains("-8.6105"));
  CHECK_THAT(library, Catch::Contains("41.1455") && Catch::Contains("-8.614"));
}
