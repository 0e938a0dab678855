// Walking routes: exact answers on a small hand-made map, and on the real Aachen map the same costs as
// a plain Dijkstra over the same graph, wheelchair routes without steps, and snapping.

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <queue>
#include <random>

#include "core/bundle/content_loader.h"
#include "core/geo/geo.h"
#include "core/import/map_compile.h"
#include "core/routing/router.h"
#include "core/routing/snap_explain.h"
#include "support/reference_dijkstra.h"
#include "support/test_support.h"
#include "support/tiny_map.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::shared_ptr<const MapData> tiny() {
  return parse_map(std::make_shared<const std::vector<char>>(serialize(tiny_map())));
}

}  // namespace

TEST_CASE("on foot the short way takes the steps, in a wheelchair the way round", "[routing]") {
  Router r(tiny());
  const auto foot = r.route(tiny_geo(0, 0), tiny_geo(100, 100), RouteProfile::foot);
  REQUIRE(foot);
  CHECK(foot->distance_m == Approx(200).margin(0.5));
  const auto wheel = r.route(tiny_geo(0, 0), tiny_geo(100, 100), RouteProfile::wheelchair);
  REQUIRE(wheel);
  CHECK(wheel->distance_m == Approx(150 + std::hypot(100.0, 50.0)).margin(0.5));
  for (const auto& leg : wheel->legs) CHECK_FALSE(r.map().route_edges[leg.edge].flags & kmap::edge_steps);
}

TEST_CASE("a place reachable only by steps has no step-free route", "[routing]") {
  Router r(tiny());
  CHECK(r.route(tiny_geo(0, 0), tiny_geo(100, -190), RouteProfile::foot));
  CHECK_FALSE(r.route(tiny_geo(0, 0), tiny_geo(100, -190), RouteProfile::wheelchair));
}

TEST_CASE("a raised kerb or a turnstile stops a wheelchair, a kerb of unknown height is a detour", "[routing]") {
  for (const std::uint32_t flag : {kmap::node_kerb_high, kmap::node_barrier}) {
    MapContents m = tiny_map();
    m.route_nodes[D].flags = flag;  // the corner of Westweg and Nordweg: the only step-free way to C
    Router r(parse_map(std::make_shared<const std::vector<char>>(serialize(m))));
    CHECK_FALSE(r.route(tiny_geo(0, 0), tiny_geo(100, 100), RouteProfile::wheelchair));
    CHECK(r.route(tiny_geo(0, 0), tiny_geo(100, 100), RouteProfile::foot));
  }
  MapContents m = tiny_map();
  m.route_nodes[D].flags = kmap::node_kerb_unknown;
  Router r(parse_map(std::make_shared<const std::vector<char>>(serialize(m))));
  const auto route = r.route(tiny_geo(0, 0), tiny_geo(100, 100), RouteProfile::wheelchair);
  REQUIRE(route);
  CHECK(route->cost == Approx(route->distance_m + 60).margin(0.5));
}

TEST_CASE("points snap to the nearest way the profile may use", "[routing]") {
  const auto map = tiny();
  Router r(map);
  const auto s = r.snap(tiny_geo(50, 30), RouteProfile::foot);
  REQUIRE(s);
  CHECK(map->route_edges[s->edge].name_set == map->route_edges[0].name_set);  // Hauptstraße
  CHECK(s->distance_m == Approx(30).margin(0.1));
  CHECK(s->along == Approx(50).margin(0.1));
  // Beside the steps: walkers snap onto them, wheelchairs onto the nearest street.
  const auto on_steps = r.snap(tiny_geo(105, 50), RouteProfile::foot);
  REQUIRE(on_steps);
  CHECK(map->route_edges[on_steps->edge].flags & kmap::edge_steps);
  const auto beside = r.snap(tiny_geo(105, 50), RouteProfile::wheelchair);
  REQUIRE(beside);
  CHECK_FALSE(map->route_edges[beside->edge].flags & kmap::edge_steps);
  CHECK_FALSE(r.snap(tiny_geo(5000, 5000), RouteProfile::foot, 1000));
}

TEST_CASE("a route along one street is the stretch between the two points", "[routing]") {
  Router r(tiny());
  const auto route = r.route(tiny_geo(20, 0), tiny_geo(180, 0), RouteProfile::foot);
  REQUIRE(route);
  CHECK(route->distance_m == Approx(160).margin(0.1));
  REQUIRE(route->path.size() >= 2);
  CHECK(route->path.front().x == Approx(20).margin(0.01));
  CHECK(route->path.back().x == Approx(180).margin(0.01));
}

TEST_CASE("Aachen: A* costs equal a plain Dijkstra's, for both profiles", "[routing][aachen]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  Router router(map);
  const Content c = load_content(sample_bundle(), locales_dir());
  REQUIRE(c.ok());
  std::mt19937 rng(42);
  int routes = 0, no_step_free = 0;
  for (int i = 0; i < 60; ++i) {
    const auto& kiosk = c.bundle.kiosks[rng() % c.bundle.kiosks.size()];
    const auto& sv = c.bundle.services[rng() % c.bundle.services.size()];
    for (const RouteProfile p : {RouteProfile::foot, RouteProfile::wheelchair}) {
      const auto route = checked_route(router, *map, kiosk.location, sv.location, p);
      if (!route) {
        ++no_step_free;
        continue;
      }
      ++routes;
      double legs = 0;
      for (const auto& l : route->legs) legs += l.length();
      CHECK(route->distance_m == Approx(legs).epsilon(1e-4));
    }
  }
  CHECK(routes > 100);
  CHECK(no_step_free < 10);
}

TEST_CASE("Aachen: wheelchair routes never use steps, raised kerbs or unusable ways", "[routing][aachen]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  Router router(map);
  const Content c = load_content(sample_bundle(), locales_dir());
  std::size_t checked = 0;
  bool foot_used_steps = false;
  for (const auto& kiosk : c.bundle.kiosks) {
    for (std::size_t i = 0; i < c.bundle.services.size(); i += 7) {
      const auto& sv = c.bundle.services[i];
      if (const auto route = router.route(kiosk.location, sv.location, RouteProfile::wheelchair)) {
        for (const auto& leg : route->legs) {
          const auto& e = map->route_edges[leg.edge];
          CHECK(edge_cost_factor(RouteProfile::wheelchair, e));
          CHECK((!(e.flags & kmap::edge_steps) || (e.flags & kmap::edge_ramp)));
          CHECK(node_passable(RouteProfile::wheelchair, map->route_nodes[e.a]));
          CHECK(node_passable(RouteProfile::wheelchair, map->route_nodes[e.b]));
        }
        ++checked;
      }
      if (const auto route = router.route(kiosk.location, sv.location, RouteProfile::foot))
        for (const auto& leg : route->legs)
          foot_used_steps |= (map->route_edges[leg.edge].flags & kmap::edge_steps) != 0;
    }
  }
  CHECK(checked > 100);
  CHECK(foot_used_steps);  // the city has steps, and walkers take them: the check above means something
}

TEST_CASE("Aachen: distances to all places in one search equal one route each", "[routing][aachen]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  Router router(map);
  const Content c = load_content(sample_bundle(), locales_dir());
  REQUIRE(c.ok());
  std::vector<GeoPoint> places;
  for (const auto& sv : c.bundle.services) places.push_back(sv.location);
  for (const auto& kiosk : c.bundle.kiosks)
    for (const RouteProfile p : {RouteProfile::foot, RouteProfile::wheelchair}) {
      const auto all = router.distances_from(kiosk.location, places, p);
      REQUIRE(all.size() == places.size());
      int reached = 0;
      for (std::size_t i = 0; i < places.size(); i += 3) {
        INFO(kiosk.id << " to " << c.bundle.services[i].id << " " << route_profile_name(p));
        const auto route = router.route(kiosk.location, places[i], p);
        CHECK(std::isfinite(all[i]) == route.has_value());
        if (!route) continue;
        ++reached;
        // Equal cost, so equal length unless two ways cost exactly the same.
        CHECK(all[i] == Approx(route->distance_m).epsilon(0.02).margin(1));
      }
      CHECK(reached > 30);
    }
  // The hand-made map: the steps on foot, the way round in a wheelchair, and no step-free way to a place
  // behind steps.
  Router r(tiny());
  const std::vector<GeoPoint> to = {tiny_geo(100, 100), tiny_geo(100, -190), tiny_geo(0, 0)};
  const auto foot = r.distances_from(tiny_geo(0, 0), to, RouteProfile::foot);
  CHECK(foot[0] == Approx(200).margin(0.5));
  CHECK_FALSE(std::isnan(foot[1]));
  CHECK(foot[2] == Approx(0).margin(0.5));
  const auto wheel = r.distances_from(tiny_geo(0, 0), to, RouteProfile::wheelchair);
  CHECK(wheel[0] == Approx(150 + std::hypot(100.0, 50.0)).margin(0.5));
  CHECK(std::isnan(wheel[1]));
}

TEST_CASE("Aachen: snapping finds the nearest usable way, as a search over every way does", "[routing][aachen]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  const SnapGrid grid = build_snap_grid(*map);
  const auto& h = map->header;
  std::mt19937 rng(7);
  std::uniform_real_distribution<float> ux(h.min_x - 2000, h.max_x + 2000), uy(h.min_y - 2000, h.max_y + 2000);
  for (int i = 0; i < 60; ++i) {
    const kmap::Point p{ux(rng), uy(rng)};
    for (const RouteProfile profile : {RouteProfile::foot, RouteProfile::wheelchair}) {
      float nearest = std::numeric_limits<float>::infinity();
      for (std::uint32_t ei = 0; ei < map->route_edges.size(); ++ei) {
        if (!edge_cost_factor(profile, map->route_edges[ei])) continue;
        const auto shape = map->shape(map->route_edges[ei]);
        for (std::size_t k = 0; k + 1 < shape.size(); ++k) {
          const float dx = shape[k + 1].x - shape[k].x, dy = shape[k + 1].y - shape[k].y;
          const float len2 = dx * dx + dy * dy;
          const float t =
              len2 > 0 ? std::clamp(((p.x - shape[k].x) * dx + (p.y - shape[k].y) * dy) / len2, 0.0f, 1.0f) : 0.0f;
          nearest = std::min(nearest, std::hypot(p.x - (shape[k].x + t * dx), p.y - (shape[k].y + t * dy)));
        }
      }
      const auto snap = snap_point(*map, grid, p, profile, 1e6f);
      REQUIRE(snap);
      CHECK(snap->distance_m == Approx(nearest).margin(0.01));
    }
  }
}

// A kiosk offers walks up to a radius; beyond it the answer is "too far", found without searching the
// whole city. A small radius on the real map, so that many pairs fall on each side of it.
TEST_CASE("Aachen: walks within the radius are the cheapest, longer ones are too far and stop early",
          "[routing][aachen]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  const Content c = load_content(sample_bundle(), locales_dir());
  REQUIRE(c.ok());
  constexpr float radius = 1500;
  Router router(map, radius);
  Router unbounded(map, std::numeric_limits<float>::infinity());
  std::mt19937 rng(5);
  int within = 0, too_far = 0, straight_too_far = 0;
  std::size_t settled_bounded = 0, settled_unbounded = 0;
  for (int i = 0; i < 80; ++i) {
    const auto& kiosk = c.bundle.kiosks[rng() % c.bundle.kiosks.size()];
    const auto& sv = c.bundle.services[rng() % c.bundle.services.size()];
    const RouteProfile p = i % 2 ? RouteProfile::wheelchair : RouteProfile::foot;
    INFO(kiosk.id << " to " << sv.id << " " << route_profile_name(p));
    const auto route = checked_route(router, *map, kiosk.location, sv.location, p);
    if (route) {
      ++within;
      continue;
    }
    if (router.last_failure != NoRoute::too_far) continue;
    ++too_far;
    // The whole call: a pair farther apart than the radius is answered before any snap or search.
    const auto direct = router.route(kiosk.location, sv.location, p);
    CHECK_FALSE(direct);
    CHECK(router.last_failure == NoRoute::too_far);
    if (distance_m(kiosk.location, sv.location) > radius) {
      ++straight_too_far;
      continue;
    }
    // Closer than the radius in a straight line but not on foot: the search stayed near the two points.
    const auto a = router.snap(kiosk.location, p), b = router.snap(sv.location, p);
    (void)router.route(*a, *b, p);
    settled_bounded += router.last_settled;
    const auto far = unbounded.route(*a, *b, p);
    settled_unbounded += unbounded.last_settled;
    if (far) CHECK(far->distance_m + a->distance_m + b->distance_m > radius);
  }
  CHECK(within >= 10);
  CHECK(too_far >= 10);
  CHECK(straight_too_far >= 5);
  CHECK(settled_bounded <= settled_unbounded);

  // One search to every place: finite within the radius exactly where a route is, infinite beyond.
  std::vector<GeoPoint> places;
  for (const auto& sv : c.bundle.services) places.push_back(sv.location);
  const GeoPoint here = c.bundle.kiosks.front().location;
  const auto all = router.distances_from(here, places, RouteProfile::foot);
  int finite = 0, infinite = 0;
  for (std::size_t i = 0; i < places.size(); ++i) {
    INFO(c.bundle.services[i].id);
    const auto route = router.route(here, places[i], RouteProfile::foot);
    CHECK(std::isfinite(all[i]) == route.has_value());
    if (route) {
      ++finite;
      CHECK(all[i] <= radius);
      CHECK(all[i] == Approx(route->distance_m).epsilon(0.02).margin(1));
    } else if (std::isinf(all[i])) {
      ++infinite;
      CHECK(router.last_failure == NoRoute::too_far);
    }
  }
  CHECK(finite >= 10);
  CHECK(infinite >= 100);
}

// Points beside the small islands of the real network (a courtyard path, a fenced platform): the nearest
// way is the island, the connected network lies farther but within 150 m. Found by scanning the map, not
// chosen by hand: every island edge's midpoint, moved a little away from the network.
TEST_CASE("Aachen: a point beside a small island snaps to the connected network within 150 m and routes",
          "[routing][aachen]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  Router router(map, std::numeric_limits<float>::infinity());  // islands anywhere in the city
  const Content c = load_content(sample_bundle(), locales_dir());
  REQUIRE(c.ok());
  const GeoPoint kiosk = c.bundle.kiosks.front().location;
  const RouteProfile profile = RouteProfile::foot;
  const auto usable = connected_edges(*map, profile);
  const auto to_kiosk = router.snap(kiosk, profile);
  REQUIRE(to_kiosk);
  int beside_island = 0, farther_than_40 = 0;
  for (std::uint32_t ei = 0; ei < map->route_edges.size() && beside_island < 40; ++ei) {
    if (usable[ei] || !edge_cost_factor(profile, map->route_edges[ei])) continue;
    const auto shape = map->shape(map->route_edges[ei]);
    const kmap::Point mid = shape[shape.size() / 2];
    const auto nearest = snap_point(*map, router.grid(), mid, profile, 1000);
    const auto network = snap_point(*map, router.grid(), mid, profile, 1000, &usable);
    if (!nearest || !network || usable[nearest->edge] || network->distance_m > island_snap_m) continue;
    ++beside_island;
    farther_than_40 += network->distance_m > nearest->distance_m + 40;
    const GeoPoint p = map->unproject(mid);
    const auto snap = router.snap(p, profile);
    REQUIRE(snap);
    CHECK(usable[snap->edge]);
    CHECK(snap->distance_m == Approx(network->distance_m).margin(0.01));
    const auto route = router.route(*snap, *to_kiosk, profile);
    REQUIRE(route);
    CHECK(route->cost == Approx(dijkstra_cost(*map, *snap, *to_kiosk, profile)).epsilon(1e-4));
  }
  CHECK(beside_island >= 5);
  CHECK(farther_than_40 >= 1);  // the case the old 40 m rule left on its island ("not connected")
}

TEST_CASE("an island: no walk at all is known without a search, for both profiles", "[routing]") {
  TempDir tmp;
  MapCompileOptions o;
  o.pbf = fixtures_dir() / "osm/island.osm";
  o.out = tmp.path() / "island.kmap";
  o.foot = foot_rules("MT");
  compile_map(o);
  Router r(load_map(o.out));
  const GeoPoint mainland{35.9052, 14.405}, island{35.9302, 14.41};
  CHECK(r.route(mainland, GeoPoint{35.9148, 14.415}, RouteProfile::foot));  // across the mainland's streets
  for (const RouteProfile p : {RouteProfile::foot, RouteProfile::wheelchair}) {
    CHECK_FALSE(r.route(mainland, island, p));
    CHECK(r.last_failure == NoRoute::not_connected);
    CHECK(r.last_settled == 0);
  }
  CHECK(r.route(island, GeoPoint{35.9300, 14.414}, RouteProfile::foot));  // on the island itself
}

// A bridge over a street it does not meet (tests/fixtures/osm/bridge.osm).
TEST_CASE(
    "snapping keeps a place on its own level: a kiosk on a bridge starts on the bridge, one below it "
    "on the street below",
    "[routing][layers]") {
  TempDir tmp;
  MapCompileOptions o;
  o.pbf = fixtures_dir() / "osm/bridge.osm";
  o.out = tmp.path() / "bridge.kmap";
  compile_map(o);
  const auto map = load_map(o.out);
  Router r(map);
  std::size_t bridge_edges = 0;
  for (const auto& e : map->route_edges) bridge_edges += e.layer == 1 && (e.flags & kmap::edge_bridge);
  CHECK(bridge_edges == 1);  // one way, met by other ways only at its ends

  const GeoPoint over_street{41.1500, -8.6100}, north_end{41.1520, -8.6100};
  const double along_bridge = distance_m(over_street, north_end);  // ~222 m
  SECTION("on the bridge (layer 1): straight along it") {
    const auto route = r.route(Spot(over_street, 1), north_end, RouteProfile::foot);
    REQUIRE(route);
    CHECK(route->distance_m == Approx(along_bridge).margin(1));
    const auto snap = r.snap(Spot(over_street, 1), RouteProfile::foot);
    REQUIRE(snap);
    CHECK(map->route_edges[snap->edge].layer == 1);
    const auto x = explain_snap(*map, Spot(over_street, 1), *snap, "pt");
    CHECK(x.way == "Ponte Nova");
    CHECK(x.bridge);
    CHECK_THAT(snap_summary(x), Catch::Contains("Ponte Nova") && Catch::Contains("bridge, level 1"));
  }
  SECTION("on the ground under it: round the block by the street below") {
    const auto route = r.route(over_street, north_end, RouteProfile::foot);
    REQUIRE(route);
    CHECK(route->distance_m > 3 * along_bridge);
    CHECK(map->route_edges[r.snap(over_street, RouteProfile::foot)->edge].layer == 0);
  }
  SECTION("a ground place nearer the bridge than the street below snaps to the street") {
    const GeoPoint by_bridge{41.1504, -8.6101};  // ~8 m from the bridge, ~44 m from the street
    const auto snap = r.snap(by_bridge, RouteProfile::foot);
    REQUIRE(snap);
    CHECK(map->route_edges[snap->edge].layer == 0);
    CHECK(snap->reason == SnapReason::same_level);
    CHECK(snap->passed_m == Approx(8.4).margin(1));
    CHECK(snap->distance_m == Approx(44.5).margin(1));
    CHECK_THAT(explain_snap(*map, by_bridge, *snap, "").reason, Catch::Contains("another level"));
  }
  SECTION("a ground place far from any ground way keeps the bridge") {
    const GeoPoint on_bridge_north{41.1514, -8.6100};  // on the bridge, 67 m from the nearest ground street
    const auto snap = r.snap(on_bridge_north, RouteProfile::foot);
    REQUIRE(snap);
    CHECK(map->route_edges[snap->edge].layer == 1);
    CHECK(snap->reason == SnapReason::nearest);
  }
  SECTION("a street under a bridge tagged layer=-1 (no tunnel) is still the ground") {
    std::string osm = read_text(o.pbf);
    const std::string street = R"(<tag k="name" v="Rua de Baixo"/>)";
    osm.replace(osm.find(street), street.size(), street + R"(<tag k="layer" v="-1"/>)");
    std::ofstream(tmp.path() / "under.osm") << osm;
    MapCompileOptions u = o;
    u.pbf = tmp.path() / "under.osm";
    u.out = tmp.path() / "under.kmap";
    compile_map(u);
    const auto under = load_map(u.out);
    Router ru(under);
    const GeoPoint beside{41.1500, -8.6105};  // on the street, 42 m from the bridge
    const auto snap = ru.snap(beside, RouteProfile::foot);
    REQUIRE(snap);
    CHECK(under->route_edges[snap->edge].layer == -1);
    CHECK(under->name(under->route_edges[snap->edge].name_set, "") == "Rua de Baixo");
    CHECK(explain_snap(*under, beside, *snap, "").reason == "the nearest way, on the ground");
    // Its own layer is a layer as any other for a place that gives one.
    CHECK(under->route_edges[ru.snap(Spot(over_street, -1), RouteProfile::foot)->edge].layer == -1);
  }
  SECTION("a level with no way near: the nearest way, said so") {
    const auto snap = r.snap(Spot(over_street, -2), RouteProfile::foot);
    REQUIRE(snap);
    CHECK(snap->reason == SnapReason::other_level);
    CHECK_THAT(explain_snap(*map, Spot(over_street, -2), *snap, "").reason, Catch::Contains("no way on level -2"));
  }
}
