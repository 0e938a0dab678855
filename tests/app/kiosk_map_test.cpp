// The kiosk's map screen and the way there, driven headless: gestures, markers, the step-free choice,
// a damaged map, and a QR code that a phone can read.

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <numbers>

#include "core/bundle/content_loader.h"
#include "core/geo/geo.h"
#include "core/mapdata/map_data.h"
#include "kiosk_script.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

TEST_CASE("map screen: drag pans and coasts, pinch and double tap zoom", "[app][map]") {
  const auto r = run_script({"state", "drag 960 700 660 700", "state", "wait 1", "state", "pinch 960 600 2", "state",
                             "tap 150 950", "tap 150 950", "state"},
                            {"--screen", "map", "--locale", "de"});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  REQUIRE(r.states.size() == 5);
  for (const auto& s : r.states) {
    CHECK(s["screen"] == "map");
    CHECK(s["map"]["loaded"] == true);
  }
  const auto& v0 = r.states[0]["map"]["view"];
  const auto& v1 = r.states[1]["map"]["view"];
  const auto& v2 = r.states[2]["map"]["view"];
  // 300 px at 0.9 px/m is about 330 m.
  const double moved = kiosk::distance_m({v0["lat"], v0["lon"]}, {v1["lat"], v1["lon"]});
  CHECK(moved > 250);
  CHECK(moved < 400);
  CHECK(kiosk::distance_m({v1["lat"], v1["lon"]}, {v2["lat"], v2["lon"]}) > 1);  // it coasted on
  CHECK(v0["heading"].get<double>() == Approx(340));                             // Hauptbahnhof faces north-north-west
  CHECK(r.states[3]["map"]["view"]["scale"].get<double>() == Approx(2 * v2["scale"].get<double>()));
  CHECK(r.states[4]["map"]["view"]["scale"].get<double>() == Approx(4 * v2["scale"].get<double>()));
}

TEST_CASE("map screen: tapping a service's marker opens it", "[app][map]") {
  // Where the kiosk draws a marker: the same projection and turn as the map screen at its start.
  const auto map = kiosk::load_map(KIOSK_SAMPLE_KMAP);
  const kiosk::Content c = kiosk::load_content(sample_bundle(), locales_dir());
  const auto& k = c.bundle.kiosks.at(1);  // Elisenbrunnen, facing 200°
  REQUIRE(k.id == "elisenbrunnen");
  const auto here = map->project(k.location);
  const double h = k.heading_deg * std::numbers::pi / 180, scale = 0.9;
  std::string id;
  float sx = 0, sy = 0;
  for (const auto& sv : c.bundle.services) {
    const double d = kiosk::distance_m(k.location, sv.location);
    if (d < 80 || d > 600) continue;
    bool alone = true;
    for (const auto& other : c.bundle.services)
      if (&other != &sv && kiosk::distance_m(other.location, sv.location) < 100) alone = false;  // no cluster
    if (!alone) continue;
    const auto p = map->project(sv.location);
    const double dx = p.x - here.x, dy = p.y - here.y;
    sx = static_cast<float>(960 + (dx * std::cos(h) - dy * std::sin(h)) * scale);
    sy = static_cast<float>(600 - (dx * std::sin(h) + dy * std::cos(h)) * scale);
    if (sx > 100 && sx < 1600 && sy > 200 && sy < 1000) {
      id = sv.id;
      break;
    }
  }
  REQUIRE_FALSE(id.empty());
  const auto r = run_script({"tap " + std::to_string(sx) + " " + std::to_string(sy), "state"},
                            {"--screen", "map", "--kiosk", "elisenbrunnen", "--locale", "ar"});
  INFO(r.result.err << " marker " << id << " at " << sx << "," << sy);
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states.at(0)["screen"] == "detail");
  CHECK(r.states.at(0)["service"] == id);
}

TEST_CASE("detail: the step-free choice switches the route's profile", "[app][map]") {
  const auto r = run_script({"state", "tap 1700 630", "state", "tap 1300 630", "state"},
                            {"--screen", "detail", "--service", "stadtbibliothek-aachen-w79424442", "--locale", "de"});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states.at(0)["route_profile"] == "");
  CHECK(r.states.at(1)["route_profile"] == "wheelchair");
  CHECK(r.states.at(2)["route_profile"] == "foot");
}

TEST_CASE("a damaged or missing map: the kiosk runs on without it and says why", "[app][map][corrupt]") {
  TempDir tmp;
  const fs::path bad = tmp.path() / "bad.kmap";
  {
    std::ifstream in(KIOSK_SAMPLE_KMAP, std::ios::binary);
    std::vector<char> head(4096);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    head[100] = static_cast<char>(0xFF);
    std::ofstream(bad, std::ios::binary).write(head.data(), static_cast<std::streamsize>(head.size()));
  }
  for (const fs::path& file : {bad, tmp.path() / "missing.kmap"}) {
    const auto r = run_script({"state", "tap 960 60", "state"}, {"--screen", "map", "--map", file.string()});
    INFO(r.result.err);
    REQUIRE(r.result.exit_code == 0);
    CHECK_THAT(r.result.err, Catch::Contains("warning: no map"));
    CHECK(r.states.at(0)["map"]["loaded"] == false);
    CHECK_FALSE(r.states.at(0)["map"]["error"].get<std::string>().empty());
  }
  const fs::path png = tmp.path() / "detail.png";
  const auto shot =
      run_command({KIOSK_PATH, "--headless", "--bundle", sample_bundle().string(), "--map", bad.string(), "--screen",
                   "detail", "--service", "stadtbibliothek-aachen-w79424442", "--screenshot", png.string()});
  CHECK(shot.exit_code == 0);
  CHECK(fs::file_size(png) > 10000);
}

TEST_CASE("the QR code on the detail screen reads as the place's geo URI", "[app][map][qr]") {
  REQUIRE(fs::exists("/usr/bin/zbarimg"));  // Debian zbar-tools; deploy/install-deps.sh installs it
  TempDir tmp;
  const fs::path png = tmp.path() / "detail.png";
  const auto shot = run_command({KIOSK_PATH, "--headless", "--bundle", sample_bundle().string(), "--locale", "ar",
                                 "--screen", "detail", "--service", "stadtbibliothek-aachen-w79424442", "--now",
                                 "2026-11-26T10:00", "--screenshot", png.string()});
  REQUIRE(shot.exit_code == 0);
  const auto scan = run_command({"/usr/bin/zbarimg", "--raw", "-q", png.string()});
  INFO(scan.err);
  CHECK(scan.exit_code == 0);
  const kiosk::Content c = kiosk::load_content(sample_bundle(), locales_dir());
  const auto* sv = c.bundle.find_service("stadtbibliothek-aachen-w79424442");
  REQUIRE(sv);
  char at[64];
  std::snprintf(at, sizeof at, "%.6f,%.6f", sv->location.lat, sv->location.lon);
  CHECK(scan.out == std::string("geo:") + at + "?q=" + at + "(Stadtbibliothek%20Aachen)\n");
}

TEST_CASE("the list shows the minutes of the detail screen's route", "[app][map]") {
  // "19 Minuten zu Fuß" in the list's row (beside "Öffnet heute um 13:00"), "19 Minuten zu Fuß – 1.390 m"
  // on the detail screen: the minutes between the dash and " zu Fuß", or before it.
  auto minutes_in = [](const std::string& line) {
    const auto end = line.find(" zu Fuß");
    if (end == std::string::npos) return std::string();
    const auto dash = line.rfind("\u2013 ", end);
    const auto start = dash == std::string::npos ? 0 : dash + std::string("\u2013 ").size();
    return line.substr(start, end - start);
  };
  const auto list =
      run_script({"state"}, {"--screen", "list", "--locale", "de", "--category", "libraries", "--size", "1080x4000"});
  const auto detail =
      run_script({"state"}, {"--screen", "detail", "--service", "stadtbibliothek-aachen-w79424442", "--locale", "de"});
  REQUIRE(list.result.exit_code == 0);
  REQUIRE(detail.result.exit_code == 0);
  std::string in_list, in_detail;
  const auto& rows = list.states.at(0)["texts"];
  for (std::size_t i = 0; i + 2 < rows.size(); ++i)
    if (rows[i]["text"] == "Stadtbibliothek Aachen") in_list = minutes_in(rows[i + 2]["text"]);
  for (const auto& t : detail.states.at(0)["texts"])
    if (in_detail.empty()) in_detail = minutes_in(t["text"]);
  CHECK_THAT(in_detail, Catch::EndsWith("Minuten"));
  CHECK(in_list == in_detail);
}
