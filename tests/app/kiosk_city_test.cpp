// A new city's first day: a starter bundle from a real extract that is not the sample city, with
// `kioskctl city new`, valid as it comes, routing, and every main screen drawn in its language and in ar.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "core/bundle/content_loader.h"
#include "core/routing/foot_access.h"
#include "kiosk_script.h"
#include "support/test_support.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

TEST_CASE("kioskctl city new: Munich's extract gives a valid bundle that routes and renders in de and ar",
          "[app][city]") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "city";
  const auto made =
      run_command({KIOSKCTL_PATH, "city", "new", "--pbf", (fixtures_dir() / "osm/munich-altstadt.osm.pbf").string(),
                   "--name", "München", "--out", dir.string()});
  INFO(made.out << made.err);
  REQUIRE(made.exit_code == 0);
  CHECK_THAT(made.out, Catch::Contains("validate: 0 errors"));

  const Content c = load_content(dir, locales_dir());
  REQUIRE(c.ok());
  const Bundle& b = c.bundle;
  CHECK(b.timezone == "Europe/Berlin");  // the zone of Germany, not Zurich's (Büsingen), though nearer
  CHECK(b.default_locale == "de");
  CHECK(walking_country(b) == "DE");
  CHECK(b.holidays.empty());  // unknown until the editor adds them: never Aachen's
  CHECK(b.services.size() >= 30);
  CHECK(b.categories.size() >= 10);
  for (const auto& a : b.announcements)
    for (const auto& [locale, text] : a.text.by_locale) CHECK(text.find("110") == std::string::npos);

  // A walk from the kiosk place to the first service.
  const Service& to = b.services.front();
  const auto route = run_command({KIOSKCTL_PATH, "route", "--map", (dir / b.map_compiled).string(), "--from",
                                  fmt::format("{},{}", b.kiosks.at(0).location.lat, b.kiosks.at(0).location.lon),
                                  "--to", fmt::format("{},{}", to.location.lat, to.location.lon)});
  INFO(route.out << route.err);
  CHECK(route.exit_code == 0);

  const Service* shown = nullptr;
  for (const auto& s : b.services)
    if (s.hours && !shown) shown = &s;
  REQUIRE(shown);
  for (const char* locale : {"de", "ar"})
    for (const char* screen : {"home", "list", "detail", "map"}) {
      const auto run = run_script({"wait 1", "state"}, {"--bundle", dir.string(), "--locale", locale, "--screen",
                                                        screen, "--category", shown->category, "--service", shown->id});
      INFO(locale << " " << screen << ": " << run.result.err);
      REQUIRE(run.result.exit_code == 0);
      const auto& state = run.states.at(0);
      CHECK(state["screen"] == screen);
      CHECK(state["locale"] == locale);
      CHECK(state["out_of_service"] == false);
      CHECK(state["map"]["loaded"] == true);  // the city's own compiled map, read from its bundle
      CHECK(state["map"]["error"] == "");
      if (std::string(screen) != "map") CHECK(state["texts"].size() >= 3);
    }
}
