#pragma once
// A textbook Dijkstra over a compiled map's routing graph, written independently of the router, to check
// its costs (the sample city, the metropolis).

#include <catch2/catch.hpp>

#include <cmath>
#include <functional>
#include <limits>
#include <optional>
#include <queue>
#include <utility>
#include <vector>

#include "core/routing/router.h"

namespace kiosk::test {

struct ReferenceWalk {
  double cost = std::numeric_limits<double>::infinity();  // infinity: no way at all
  double walked_m = 0;  // length of that cheapest way along the ways (without the approaches)
};

// Textbook Dijkstra from the two ends of the start edge to the two ends of the target edge, with the
// profile's costs and no walking radius: written independently of the router, to check it.
inline ReferenceWalk dijkstra_walk(const MapData& m, const Snap& from, const Snap& to, RouteProfile p) {
  const auto& fe = m.route_edges[from.edge];
  const auto& te = m.route_edges[to.edge];
  const double ff = *edge_cost_factor(p, fe), tf = *edge_cost_factor(p, te);
  std::vector<double> dist(m.route_nodes.size(), std::numeric_limits<double>::infinity());
  std::vector<double> walked(m.route_nodes.size(), 0);
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> q;
  auto push = [&](std::uint32_t n, double d, double w) {
    if (!node_passable(p, m.route_nodes[n])) return;
    d += node_penalty_m(p, m.route_nodes[n]);
    if (d < dist[n]) dist[n] = d, walked[n] = w, q.emplace(d, n);
  };
  push(fe.a, from.along * ff, from.along);
  push(fe.b, (fe.length_m - from.along) * ff, fe.length_m - from.along);
  while (!q.empty()) {
    auto [d, n] = q.top();
    q.pop();
    if (d > dist[n]) continue;
    for (std::uint32_t ei : m.edges_at(n)) {
      const auto& e = m.route_edges[ei];
      const auto f = edge_cost_factor(p, e);
      if (f) push(e.a == n ? e.b : e.a, d + e.length_m * *f, walked[n] + e.length_m);
    }
  }
  ReferenceWalk best;
  const auto consider = [&](double cost, double w) {
    if (cost < best.cost) best = {cost, w};
  };
  consider(dist[te.a] + to.along * tf, walked[te.a] + to.along);
  consider(dist[te.b] + (te.length_m - to.along) * tf, walked[te.b] + te.length_m - to.along);
  if (from.edge == to.edge) consider(std::abs(from.along - to.along) * ff, std::abs(from.along - to.along));
  return best;
}

inline double dijkstra_cost(const MapData& m, const Snap& from, const Snap& to, RouteProfile p) {
  return dijkstra_walk(m, from, to, p).cost;
}

// Routes between two points with the router and checks it against dijkstra_walk: where the cheapest
// walk fits in the router's walking radius, the same cost; where it is longer, "too far" or a walk
// within the radius that costs more; where there is none, no route. The route, or nullopt.
inline std::optional<Route> checked_route(Router& router, const MapData& m, GeoPoint from, GeoPoint to,
                                          RouteProfile p) {
  const auto a = router.snap(from, p), b = router.snap(to, p);
  REQUIRE(a);
  REQUIRE(b);
  auto route = router.route(*a, *b, p);
  const ReferenceWalk reference = dijkstra_walk(m, *a, *b, p);
  const double length = reference.walked_m + a->distance_m + b->distance_m;
  const double radius = router.max_walk_m();
  INFO("reference cost " << reference.cost << ", length " << length << ", radius " << radius);
  if (std::isinf(reference.cost)) {
    CHECK_FALSE(route);
    CHECK((router.last_failure == NoRoute::not_connected || router.last_failure == NoRoute::too_far));
    return std::nullopt;
  }
  if (length <= radius * (1 - 1e-4)) {
    REQUIRE(route);
    CHECK(route->cost == Approx(reference.cost).epsilon(1e-4));
  } else if (length > radius * (1 + 1e-4)) {
    if (!route) {
      CHECK(router.last_failure == NoRoute::too_far);
      return std::nullopt;
    }
    CHECK(route->cost >= reference.cost * (1 - 1e-4));
  }
  if (route) {
    CHECK(route->distance_m + a->distance_m + b->distance_m <= radius * (1 + 1e-4));
    CHECK(router.last_failure == NoRoute::none);
  }
  return route;
}

}  // namespace kiosk::test
