// The metropolis to measure on (scripts/metropolis.sh, kioskctl map replicate): copies with fresh ids and
// suffixed names, the same bytes every time, a bundle that validates, and one walking network across the
// seams whose routes equal an independent Dijkstra's. 4x only: larger ones are for the benchmark.

#include <catch2/catch.hpp>

#include <osmium/io/any_input.hpp>
#include <osmium/osm.hpp>

#include <limits>
#include <nlohmann/json.hpp>
#include <set>

#include "core/bundle/content_loader.h"
#include "core/geo/geo.h"
#include "core/mapdata/map_data.h"
#include "kioskctl_run.h"
#include "support/reference_dijkstra.h"
#include "support/test_support.h"

using namespace kiosk;
using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

// Munich's old town, a quarter of the Aachen extract's size: the same replication, in a quarter of the
// time (the sanitizer suite runs it too).
const fs::path sample_pbf = fixtures_dir() / "osm/munich-altstadt.osm.pbf";

struct PbfFacts {
  std::size_t nodes = 0, ways = 0, relations = 0;
  bool unique_ids = true;
  bool refs_inside = true;  // every way's nodes are in the file
  std::set<std::string> names;
  osmium::Box box;
};

PbfFacts read_pbf(const fs::path& file) {
  PbfFacts f;
  osmium::io::Reader reader(file.string());
  f.box = reader.header().box();
  std::set<osmium::object_id_type> node_ids, way_ids;
  while (osmium::memory::Buffer b = reader.read()) {
    for (const auto& n : b.select<osmium::Node>()) {
      ++f.nodes;
      f.unique_ids &= node_ids.insert(n.id()).second;
      if (const char* name = n.tags()["name"]) f.names.insert(name);
    }
    for (const auto& w : b.select<osmium::Way>()) {
      ++f.ways;
      f.unique_ids &= way_ids.insert(w.id()).second;
      for (const auto& r : w.nodes()) f.refs_inside &= node_ids.count(r.ref()) == 1;
    }
    for (const auto& r : b.select<osmium::Relation>()) {
      (void)r;
      ++f.relations;
    }
  }
  reader.close();
  return f;
}

}  // namespace

TEST_CASE("map replicate: four copies with fresh ids and suffixed names, the same bytes every time",
          "[kioskctl][metropolis]") {
  TempDir tmp;
  const auto a = kioskctl({"map", "replicate", "--pbf", sample_pbf.string(), "--factor", "4", "--out",
                           (tmp.path() / "a.osm.pbf").string()});
  INFO(a.err);
  REQUIRE(a.exit_code == 0);
  const auto b = kioskctl({"map", "replicate", "--pbf", sample_pbf.string(), "--factor", "4", "--out",
                           (tmp.path() / "b.osm.pbf").string()});
  REQUIRE(b.exit_code == 0);
  CHECK(read_text(tmp.path() / "a.osm.pbf") == read_text(tmp.path() / "b.osm.pbf"));
  CHECK(a.out == b.out);

  const auto report = nlohmann::json::parse(a.out);
  const PbfFacts one = read_pbf(sample_pbf), four = read_pbf(tmp.path() / "a.osm.pbf");
  CHECK(report["side"] == 2);
  CHECK(four.nodes == 4 * one.nodes);
  CHECK(four.relations == 4 * one.relations);
  CHECK(four.ways == 4 * one.ways + report["seam_links"].get<std::size_t>());
  CHECK(report["seam_links"].get<int>() > 50);  // the extract cuts hundreds of ways at its edges
  CHECK(four.unique_ids);
  CHECK(four.refs_inside);
  // The metropolis's box is twice the city's each way; copy 4's places carry " 4".
  CHECK(four.box.top_right().lon() - four.box.bottom_left().lon() ==
        Approx(2 * (one.box.top_right().lon() - one.box.bottom_left().lon())));
  CHECK(one.names.count("Marienplatz") > 0);
  CHECK(four.names.count("Marienplatz") == one.names.count("Marienplatz"));
  std::size_t suffixed = 0;
  for (const auto& n : one.names) suffixed += four.names.count(n + " 4");
  CHECK(suffixed == one.names.size());

  const auto bad = kioskctl({"map", "replicate", "--pbf", sample_pbf.string(), "--factor", "5", "--out",
                             (tmp.path() / "c.osm.pbf").string()});
  CHECK(bad.exit_code != 0);
  CHECK_THAT(bad.err, Catch::Contains("square number"));
}

TEST_CASE("metropolis.sh 4: a bundle that validates, and walks across the seams equal a Dijkstra's",
          "[kioskctl][metropolis]") {
  TempDir tmp;
  const fs::path out = tmp.path() / "m4";
  const auto r = run_command({"/usr/bin/env", std::string("KIOSKCTL=") + KIOSKCTL_PATH,
                              (source_dir() / "scripts/metropolis.sh").string(), "4", out.string()});
  INFO(r.out << r.err);
  REQUIRE(r.exit_code == 0);
  const auto v = kioskctl({"validate", out.string()});
  INFO(v.out << v.err);
  CHECK(v.exit_code == 0);

  const Content c = load_content(out, locales_dir());
  REQUIRE(c.ok());
  const Content city = load_content(sample_bundle(), locales_dir());
  CHECK(c.bundle.services.size() == 4 * city.bundle.services.size());
  CHECK(c.bundle.kiosks.size() == 4 * city.bundle.kiosks.size());
  CHECK(c.bundle.find_service(city.bundle.services.front().id + "-c4"));

  // From each kiosk of the first copy to the same kiosk in the copy diagonally across (two seams).
  const auto map = load_map(out / "map/metropolis.kmap");
  Router router(map, std::numeric_limits<float>::infinity());  // the far twin is beyond any kiosk's radius
  const std::size_t per_copy = city.bundle.kiosks.size();
  int routed = 0;
  for (std::size_t k = 0; k < per_copy; ++k) {
    const GeoPoint from = c.bundle.kiosks[k].location, to = c.bundle.kiosks[3 * per_copy + k].location;
    for (const RouteProfile p : {RouteProfile::foot, RouteProfile::wheelchair}) {
      const auto route = checked_route(router, *map, from, to, p);
      if (!route) continue;
      ++routed;
      CHECK(route->distance_m > distance_m(from, to));
    }
  }
  CHECK(routed >= static_cast<int>(per_copy));  // on foot at least, every kiosk reaches its far twin
}
