// The map compiler on the sample city's extract: what it keeps, and that the same extract always gives
// the same bytes (kiosks fetch files by hash, so an unchanged map must not look changed).

#include <catch2/catch.hpp>

#include "core/import/map_compile.h"
#include "core/mapdata/map_data.h"
#include "support/test_support.h"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the Aachen extract compiles into the map the kiosk uses, byte for byte", "[map][import]") {
  TempDir tmp;
  const auto report = compile_map({sample_bundle() / "map/aachen.osm.pbf", tmp.path() / "a.kmap"});
  CHECK(report.features.at("building") > 30000);
  CHECK(report.features.at("road") > 10000);
  CHECK(report.features.at("water_area") > 50);
  CHECK(report.features.at("green_area") > 1000);
  CHECK(report.features.at("place") > 10);
  CHECK(report.route_edges > 20000);
  CHECK(report.polygons_failed < 20);
  CHECK(read_text(tmp.path() / "a.kmap") == read_text(KIOSK_SAMPLE_KMAP));

  const auto map = load_map(tmp.path() / "a.kmap");
  // Steps, wheelchair barriers and named crossings made it into the routing graph. (This 2021 extract
  // has no raised kerbs tagged at all: the kerb rules are tested on the hand-made map.)
  std::size_t steps = 0, barriers = 0, crossings = 0;
  for (const auto& e : map->route_edges) {
    steps += (e.flags & kmap::edge_steps) != 0;
    crossings += (e.flags & kmap::edge_crossing) && e.cross_name != 0;
  }
  for (const auto& n : map->route_nodes) barriers += (n.flags & kmap::node_barrier) != 0;
  CHECK(steps > 100);
  CHECK(barriers > 10);
  CHECK(crossings > 50);
  // Streets have their names, in other languages too where OSM has them.
  bool aachen_in_arabic = false;
  for (const auto& f : map->features)
    if (f.kind == static_cast<std::uint8_t>(kmap::FeatureKind::place) && map->name(f.name_set, "") == "Aachen")
      aachen_in_arabic = map->name(f.name_set, "ar") != "Aachen";
  CHECK(aachen_in_arabic);
}
