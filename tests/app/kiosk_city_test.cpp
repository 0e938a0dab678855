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

namespace {

// A script line that taps the middle of the control showing `icon`; "" when the screen has none.
std::string tap_on(const nlohmann::json& state, const std::string& icon) {
  for (const auto& ctl : state["controls"])
    if (ctl["icon"] == icon) {
      const auto& b = ctl["box"];
      return fmt::format("tap {} {}", (b[0].get<double>() + b[2].get<double>()) / 2,
                         (b[1].get<double>() + b[3].get<double>()) / 2);
    }
  return {};
}

}  // namespace

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
  CHECK(b.address_format == "{street}\n{postcode} {city}");  // Germany's, from Debian's ruby-countries
  CHECK(b.holidays.empty());                                 // unknown until the editor adds them: never Aachen's
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
  // Where the kiosk place joins the walking network, by its id in the bundle.
  const auto explained = run_command({KIOSKCTL_PATH, "route", "--bundle", dir.string(), "--from", "centre", "--to",
                                      fmt::format("{},{}", to.location.lat, to.location.lon), "--explain"});
  INFO(explained.out << explained.err);
  CHECK(explained.exit_code == 0);
  const auto why = nlohmann::json::parse(explained.out);
  CHECK(why["from"]["level"] == "ground");
  CHECK(why["from"]["distance_m"].get<double>() < 300);
  CHECK_FALSE(why["from"]["way"].get<std::string>().empty());
  CHECK_FALSE(why["from"]["reason"].get<std::string>().empty());
  CHECK(why["distance_m"] == nlohmann::json::parse(route.out)["distance_m"]);

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

TEST_CASE("a place on an island: no walk at all, so the step-free answer does not suggest walking",
          "[app][city][map]") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "island";
  const auto made = run_command({KIOSKCTL_PATH, "city", "new", "--pbf", (fixtures_dir() / "osm/island.osm").string(),
                                 "--name", "Kemmuna", "--out", dir.string()});
  INFO(made.out << made.err);
  REQUIRE(made.exit_code == 0);
  const Content c = load_content(dir, locales_dir());
  REQUIRE(c.ok());
  std::string island, mainland;
  for (const auto& s : c.bundle.services) (s.source == "osm:node/21" ? island : mainland) = s.id;
  REQUIRE_FALSE(island.empty());

  // Find the step-free button on the detail screen, then choose it.
  const std::vector<std::string> args = {"--bundle", dir.string(), "--locale",  "en",
                                         "--screen", "detail",     "--service", island};
  const auto first = run_script({"wait 1", "state"}, args);
  REQUIRE(first.result.exit_code == 0);
  const std::string tap = tap_on(first.states.at(0), "step_free");
  REQUIRE_FALSE(tap.empty());
  const auto chosen = run_script({"wait 1", tap, "state"}, args);
  REQUIRE(chosen.result.exit_code == 0);
  const auto& state = chosen.states.at(0);
  CHECK(state["route_profile"] == "wheelchair");
  std::string all;
  for (const auto& t : state["texts"]) all += t["text"].get<std::string>() + "\n";
  INFO(all);
  CHECK(all.find("We found no way there on foot") != std::string::npos);
  CHECK(all.find("choose the walking route") == std::string::npos);
}

TEST_CASE("the map zooms out as far as the whole area of a large city, not further", "[app][city][map]") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "islands";
  // 36 km across: more than the 24 km the map's usual smallest scale shows on a 1920 px screen.
  const auto made = run_command({KIOSKCTL_PATH, "city", "new", "--pbf", (fixtures_dir() / "osm/island.osm").string(),
                                 "--name", "Malta", "--out", dir.string(), "--area", "35.78,14.18,36.08,14.58"});
  INFO(made.out << made.err);
  REQUIRE(made.exit_code == 0);
  const std::vector<std::string> args = {"--bundle", dir.string(), "--locale", "en", "--screen", "map"};
  const auto first = run_script({"wait 1", "state"}, args);
  REQUIRE(first.result.exit_code == 0);
  const std::string tap = tap_on(first.states.at(0), "zoom_out");
  REQUIRE_FALSE(tap.empty());
  std::vector<std::string> lines = {"wait 1"};
  for (int i = 0; i < 12; ++i) lines.insert(lines.end(), {tap, "wait 0.4"});
  lines.push_back("state");
  const auto zoomed = run_script(lines, args);
  REQUIRE(zoomed.result.exit_code == 0);
  const double scale = zoomed.states.at(0)["map"]["view"]["scale"].get<double>();
  // The whole area (about 36 x 33 km, turned as the kiosk faces) in the map below the top bar.
  CHECK(scale < 0.08 * 0.75);
  CHECK(scale > 0.01);
}
