// Directions: turns by angle, the first instruction relative to the way the person faces, street
// names in the resident's language, and every shipped locale has every instruction.

#include <catch2/catch.hpp>

#include "core/i18n/i18n_catalog.h"
#include "core/routing/directions.h"
#include "support/test_support.h"
#include "support/tiny_map.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

struct Fixture {
  std::shared_ptr<const MapData> map = parse_map(std::make_shared<const std::vector<char>>(serialize(tiny_map())));
  Router router{map};
  Catalogs catalogs;
  Fixture() {
    Diagnostics d;
    catalogs = load_catalogs(locales_dir(), d);
  }
  std::vector<RouteStep> steps(GeoPoint from, GeoPoint to, RouteProfile p, const std::string& locale,
                               std::optional<double> facing) {
    const auto route = router.route(from, to, p);
    REQUIRE(route);
    DirectionsOptions o;
    o.lang = locale;
    o.facing_deg = facing;
    o.destination = "Beratungsstelle";
    return make_directions(*map, *route, make_format_context(catalogs, locale, "de"), o);
  }
};

}  // namespace

TEST_CASE("turns are classified by their angle", "[directions]") {
  CHECK(classify_turn(0) == Turn::straight);
  CHECK(classify_turn(-20) == Turn::straight);
  CHECK(classify_turn(40) == Turn::slight_right);
  CHECK(classify_turn(-90) == Turn::left);
  CHECK(classify_turn(150) == Turn::sharp_right);
  CHECK(classify_turn(179) == Turn::uturn);
}

TEST_CASE("a walk with a turn: depart relative to the kiosk's heading, turn, arrive", "[directions]") {
  Fixture f;
  // South down Westweg to A, then left (east) along Hauptstraße.
  const auto s = f.steps(tiny_geo(0, 40), tiny_geo(190, 0), RouteProfile::foot, "en", 180.0);
  REQUIRE(s.size() == 3);
  CHECK(s[0].kind == StepKind::depart);
  CHECK(s[0].instruction == "Walk straight ahead along Westweg");  // facing south, walking south
  CHECK(s[0].distance_m == Approx(40).margin(1));
  CHECK(s[1].turn == Turn::left);
  CHECK(s[1].instruction == "Turn left onto Hauptstraße");
  CHECK(s[1].distance_m == Approx(190).margin(1));
  CHECK(s[2].kind == StepKind::arrive);
  CHECK(s[2].instruction == "You have arrived at Beratungsstelle");
}

TEST_CASE("facing the other way, the first step says to turn around", "[directions]") {
  Fixture f;
  const auto s = f.steps(tiny_geo(0, 40), tiny_geo(190, 0), RouteProfile::foot, "de", 0.0);
  CHECK(s[0].instruction == "Umdrehen und auf Westweg gehen");
  CHECK(s[1].instruction == "Links abbiegen auf Hauptstraße");
}

TEST_CASE("steps get their own instruction, street names come in the resident's language", "[directions]") {
  Fixture f;
  const auto s = f.steps(tiny_geo(10, 0), tiny_geo(100, 90), RouteProfile::foot, "ar", 90.0);
  REQUIRE(s.size() == 3);
  CHECK_THAT(s[0].instruction, Catch::Contains("الشارع الرئيسي"));  // name:ar of Hauptstraße
  CHECK(s[1].kind == StepKind::steps);
  CHECK(s[1].turn == Turn::left);
  CHECK(s[1].instruction == "انعطف يسارًا واستخدم الدرج");
}

TEST_CASE("every shipped locale words every instruction", "[directions][i18n]") {
  Fixture f;
  for (const auto& cat : f.catalogs.locales) {
    INFO(cat.info.tag);
    for (const auto& [from, to, p] : {std::tuple{tiny_geo(0, 40), tiny_geo(190, 0), RouteProfile::foot},
                                      std::tuple{tiny_geo(10, 0), tiny_geo(100, 90), RouteProfile::foot},
                                      std::tuple{tiny_geo(10, 0), tiny_geo(100, 90), RouteProfile::wheelchair}}) {
      for (const double facing : {0.0, 90.0, 180.0, 270.0}) {
        for (const auto& step : f.steps(from, to, p, cat.info.tag, facing)) {
          CHECK_FALSE(step.instruction.empty());
          CHECK(step.instruction.find('{') == std::string::npos);
        }
      }
    }
    // The English sentence must not leak into another language.
    if (cat.info.tag != "en") {
      const auto s = f.steps(tiny_geo(0, 40), tiny_geo(190, 0), RouteProfile::foot, cat.info.tag, 180.0);
      CHECK(s[1].instruction != "Turn left onto Hauptstraße");
    }
  }
}
