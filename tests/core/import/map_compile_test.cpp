// The map compiler on the sample city's extract: what it keeps, and that the same extract always gives
// the same bytes (kiosks fetch files by hash, so an unchanged map must not look changed).

#include <catch2/catch.hpp>

#include <fstream>

#include "core/geo/geo.h"
#include "core/import/map_compile.h"
#include "core/mapdata/map_data.h"
#include "core/routing/router.h"
#include "support/test_support.h"

using namespace kiosk;
using namespace kiosk::test;

TEST_CASE("the Aachen extract compiles into the map the kiosk uses, byte for byte", "[map][import]") {
  TempDir tmp;
  MapCompileOptions o;
  o.pbf = sample_bundle() / "map/aachen.osm.pbf";
  o.out = tmp.path() / "a.kmap";
  o.foot = foot_rules("DE");  // the sample bundle's country, as `map build --bundle` uses it
  const auto report = compile_map(o);
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

namespace {

// Walking distance between two points of the hand-made trunk-road extract, compiled with `foot`.
double walk_m(const FootRules& foot, GeoPoint from, GeoPoint to) {
  TempDir tmp;
  MapCompileOptions o;
  o.pbf = fixtures_dir() / "osm/trunk_roads.osm";
  o.out = tmp.path() / "t.kmap";
  o.foot = foot;
  compile_map(o);
  Router r(load_map(o.out));
  const auto route = r.route(from, to, RouteProfile::foot);
  return route ? route->distance_m : -1;
}

}  // namespace

TEST_CASE("trunk roads follow the country's walking rules: Malta walks them, Germany needs a sidewalk",
          "[map][import][foot]") {
  const GeoPoint n1{35.9, 14.45}, n2{35.9, 14.46}, n7{35.895, 14.45}, n8{35.895, 14.46};
  const double trunk = distance_m(n1, n2);                                                                // ~901 m
  const double detour = distance_m(n1, {35.91, 14.45}) * 2 + distance_m({35.91, 14.45}, {35.91, 14.46});  // ~3.1 km
  CHECK(walk_m(foot_rules("MT"), n1, n2) == Approx(trunk).margin(2));
  CHECK(walk_m(foot_rules("DE"), n1, n2) == Approx(detour).margin(2));
  CHECK(walk_m(foot_rules("DE", {{"trunk", FootAccess::yes}}), n1, n2) == Approx(trunk).margin(2));
  // A motorroad is for motor vehicles in every country: round it by the first trunk.
  CHECK(walk_m(foot_rules("MT"), n7, n8) == Approx(distance_m(n7, n1) + trunk + distance_m(n2, n8)).margin(2));
}

TEST_CASE("an extract without a bounding box is compiled in its bundle's area, or refused saying how",
          "[map][import]") {
  TempDir tmp;
  std::string osm = read_text(fixtures_dir() / "osm/trunk_roads.osm");
  osm.erase(osm.find("<bounds"), osm.find("/>", osm.find("<bounds")) + 2 - osm.find("<bounds"));
  std::ofstream(tmp.path() / "nobox.osm") << osm;
  MapCompileOptions o;
  o.pbf = tmp.path() / "nobox.osm";
  o.out = tmp.path() / "t.kmap";
  CHECK_THROWS_WITH(compile_map(o), Catch::Contains("no bounding box") && Catch::Contains("--bundle") &&
                                        Catch::Contains("osmium extract"));
  o.area = BoundingBox{35.89, 14.44, 35.92, 14.47};
  const auto report = compile_map(o);
  CHECK(report.route_edges > 0);
  CHECK(load_map(o.out)->header.origin_lat == Approx(35.905));
}

namespace {

// Whether the compiled map draws water (a water area's triangle, full detail) at a point.
bool water_at(const MapData& map, GeoPoint g) {
  const kmap::Point p = map.project(g);
  auto side = [](kmap::Point a, kmap::Point b, kmap::Point c) {
    return (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);
  };
  for (const auto& f : map.features) {
    if (f.kind != static_cast<std::uint8_t>(kmap::FeatureKind::water_area) || f.geometry[0] == kmap::none) continue;
    const auto& geom = map.geometries[f.geometry[0]];
    for (std::uint32_t i = 0; i + 2 < geom.index_count; i += 3) {
      const auto* idx = &map.indices[geom.first_index + i];
      const kmap::Point a = map.points[geom.first_point + idx[0]], b = map.points[geom.first_point + idx[1]],
                        c = map.points[geom.first_point + idx[2]];
      const float s1 = side(a, b, p), s2 = side(b, c, p), s3 = side(c, a, p);
      if ((s1 >= 0 && s2 >= 0 && s3 >= 0) || (s1 <= 0 && s2 <= 0 && s3 <= 0)) return true;
    }
  }
  return false;
}

MapCompileReport compile_coast(const TempDir& tmp, const std::string& osm) {
  std::ofstream(tmp.path() / "coast.osm") << osm;
  MapCompileOptions o;
  o.pbf = tmp.path() / "coast.osm";
  o.out = tmp.path() / "coast.kmap";
  return compile_map(o);
}

const GeoPoint open_sea{41.150, -8.690}, harbour{41.150, -8.676}, town{41.150, -8.665}, islet{41.145, -8.692},
    south_sea{41.1415, -8.695};

}  // namespace

TEST_CASE("the sea: a coastline cut open by the extract's box is closed along the box, land left of it",
          "[map][import][coast]") {
  TempDir tmp;
  const std::string osm = read_text(fixtures_dir() / "osm/coast.osm");
  const auto report = compile_coast(tmp, osm);
  CHECK(report.sea.ways == 3);
  CHECK(report.sea.faces == 3);  // sea with the harbour, land, the islet
  CHECK(report.sea.sea == 1);
  CHECK(report.sea.open_ends == 0);
  const auto map = load_map(tmp.path() / "coast.kmap");
  CHECK(water_at(*map, open_sea));
  CHECK(water_at(*map, harbour));
  CHECK(water_at(*map, south_sea));
  CHECK_FALSE(water_at(*map, town));
  CHECK_FALSE(water_at(*map, islet));
  // The whole-city view draws the sea too.
  const kmap::Point sea_xy = map->project(open_sea);
  bool coarse = false;
  for (const auto& f : map->features)
    coarse |= f.kind == static_cast<std::uint8_t>(kmap::FeatureKind::water_area) &&
              f.geometry[kmap::lod_count - 1] != kmap::none && f.min_x <= sea_xy.x && sea_xy.x <= f.max_x;
  CHECK(coarse);

  SECTION("a coastline end short of the box (an extract without its outside nodes) is continued to the edge") {
    std::string cut = osm;
    cut.replace(cut.find(R"(lat="41.1300")"), 13, R"(lat="41.1420")");
    const auto r = compile_coast(tmp, cut);
    CHECK(r.sea.open_ends == 0);
    const auto m = load_map(tmp.path() / "coast.kmap");
    CHECK(water_at(*m, open_sea));
    CHECK(water_at(*m, south_sea));
    CHECK_FALSE(water_at(*m, town));
  }
  SECTION("a gap in the coastline far inside the box is reported") {
    std::string gap = osm;
    gap.replace(gap.find(R"(lat="41.1300")"), 13, R"(lat="41.1470")");
    CHECK(compile_coast(tmp, gap).sea.open_ends == 1);
  }
  SECTION("an extract without a coastline has no sea") {
    std::string inland = osm;
    for (std::size_t at; (at = inland.find(R"(<tag k="natural" v="coastline"/>)")) != std::string::npos;)
      inland.erase(at, std::string(R"(<tag k="natural" v="coastline"/>)").size());
    const auto r = compile_coast(tmp, inland);
    CHECK(r.sea.ways == 0);
    CHECK_FALSE(water_at(*load_map(tmp.path() / "coast.kmap"), open_sea));
  }
}
