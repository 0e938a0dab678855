// kioskctl map and route, in exactly the forms technicians, editors and reviewers type them.

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "core/mapdata/map_writer.h"
#include "kioskctl_run.h"
#include "support/test_support.h"
#include "support/tiny_map.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {
const std::string hbf = "50.76776,6.09104", katschhof = "50.7753,6.0839";
}  // namespace

TEST_CASE("map info loads the sample map and says what it holds", "[kioskctl][map]") {
  const auto r = kioskctl({"map", "info", KIOSK_SAMPLE_KMAP});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("routing graph:") && Catch::Contains("loaded and checked in"));
}

TEST_CASE("route prints distance, duration, path and steps as JSON", "[kioskctl][map]") {
  for (const std::string profile : {"foot", "wheelchair"}) {
    const auto r = kioskctl({"route", "--map", KIOSK_SAMPLE_KMAP, "--from", hbf, "--to", katschhof, "--profile",
                             profile, "--locale", "de"});
    INFO(profile << r.err);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    const double d = j["distance_m"];
    CHECK(d > 900);  // 870 m as the crow flies
    CHECK(d < 2000);
    CHECK(j["duration_s"].get<double>() == Approx(d / (profile == "foot" ? 1.25 : 0.9)).margin(1));
    REQUIRE(j["path"].size() > 10);
    CHECK(j["path"][0][0].get<double>() == Approx(50.76776).margin(0.001));
    CHECK(j["path"].back()[1].get<double>() == Approx(6.0839).margin(0.001));
    REQUIRE(j["steps"].size() >= 3);
    CHECK_THAT(j["steps"].back()["instruction"].get<std::string>(), Catch::Contains("angekommen"));
    double sum = 0;
    for (const auto& s : j["steps"]) sum += s["distance_m"].get<double>();
    CHECK(sum == Approx(d).margin(static_cast<double>(j["steps"].size())));
  }
}

TEST_CASE("route: a walk longer than the radius is too far unless --max-km allows it", "[kioskctl][map]") {
  // From the west of the city to the east: about 7.5 km apart in a straight line.
  const std::string west = "50.7700,6.0400", east = "50.7700,6.1450";
  const auto r = kioskctl({"route", "--map", KIOSK_SAMPLE_KMAP, "--from", west, "--to", east});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 3);
  CHECK_THAT(r.out, Catch::Contains("too far to walk: no walk of at most 5 km"));
  const auto longer = kioskctl({"route", "--map", KIOSK_SAMPLE_KMAP, "--from", west, "--to", east, "--max-km", "15"});
  INFO(longer.err);
  REQUIRE(longer.exit_code == 0);
  CHECK(nlohmann::json::parse(longer.out)["distance_m"].get<double>() > 7500);
}

TEST_CASE("route: no step-free way exits 3 with an error object", "[kioskctl][map]") {
  TempDir tmp;
  kiosk::write_map(tiny_map(), tmp.path() / "tiny.kmap");
  const auto island = tiny_geo(100, -190), start = tiny_geo(0, 0);
  const auto at = [](kiosk::GeoPoint p) { return std::to_string(p.lat) + "," + std::to_string(p.lon); };
  const auto foot = kioskctl({"route", "--map", (tmp.path() / "tiny.kmap").string(), "--from", at(start), "--to",
                              at(island), "--profile", "foot"});
  CHECK(foot.exit_code == 0);
  const auto r = kioskctl({"route", "--map", (tmp.path() / "tiny.kmap").string(), "--from", at(start), "--to",
                           at(island), "--profile", "wheelchair"});
  CHECK(r.exit_code == 3);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["error"] == "no route");
  CHECK_THAT(j["reason"].get<std::string>(), Catch::Contains("step-free"));
}

TEST_CASE("route: a damaged map exits 1 and says what is wrong, bad arguments exit 2", "[kioskctl][map]") {
  TempDir tmp;
  const fs::path bad = tmp.path() / "bad.kmap";
  {
    std::ifstream in(KIOSK_SAMPLE_KMAP, std::ios::binary);
    std::vector<char> head(100000);
    in.read(head.data(), static_cast<std::streamsize>(head.size()));
    std::ofstream(bad, std::ios::binary).write(head.data(), static_cast<std::streamsize>(head.size()));
  }
  const auto r = kioskctl({"route", "--map", bad.string(), "--from", hbf, "--to", katschhof});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("bad.kmap") && Catch::Contains("truncated"));
  CHECK(kioskctl({"route", "--map", KIOSK_SAMPLE_KMAP, "--from", "north", "--to", katschhof}).exit_code == 2);
  CHECK(
      kioskctl({"route", "--map", KIOSK_SAMPLE_KMAP, "--from", hbf, "--to", katschhof, "--profile", "car"}).exit_code ==
      2);
  CHECK(kioskctl({"map", "build", "--pbf", "/nonexistent.pbf", "--out", (tmp.path() / "x.kmap").string()}).exit_code ==
        2);
}

TEST_CASE("route --explain says where each end joins the network, on which level and why", "[kioskctl][map]") {
  TempDir tmp;
  const std::string kmap = (tmp.path() / "bridge.kmap").string();
  const auto built = kioskctl({"map", "build", "--pbf", (fixtures_dir() / "osm/bridge.osm").string(), "--out", kmap});
  INFO(built.err);
  REQUIRE(built.exit_code == 0);
  // On the bridge (layer 1) and on the street under it: the same point, two different walks.
  const auto on = kioskctl(
      {"route", "--map", kmap, "--from", "41.15,-8.61", "--from-layer", "1", "--to", "41.152,-8.61", "--explain"});
  const auto under = kioskctl({"route", "--map", kmap, "--from", "41.15,-8.61", "--to", "41.152,-8.61", "--explain"});
  INFO(on.out << on.err << under.out << under.err);
  REQUIRE(on.exit_code == 0);
  REQUIRE(under.exit_code == 0);
  const auto a = nlohmann::json::parse(on.out), b = nlohmann::json::parse(under.out);
  CHECK(a["from"]["level"] == 1);
  CHECK(a["from"]["way"] == "Ponte Nova");
  CHECK(a["from"]["bridge"] == true);
  CHECK(a["from"]["way_level"] == 1);
  CHECK(b["from"]["level"] == "ground");
  CHECK(b["from"]["way"] == "Rua de Baixo");
  CHECK(b["from"]["way_level"] == 0);
  CHECK(a["distance_m"].get<double>() == Approx(222).margin(2));
  CHECK(b["distance_m"].get<double>() > 900);
  // A --from that is neither a point nor, with --bundle, a kiosk place.
  CHECK(kioskctl({"route", "--map", kmap, "--from", "station", "--to", "41.152,-8.61"}).exit_code == 2);
}
