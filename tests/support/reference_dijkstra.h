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

// Textbook Dijkstra from the two ends of the start edge to the two ends of the target edge, with the
// profile's costs: written independently of the router, to check it.
inline double dijkstra_cost(const MapData& m, const Snap& from, const Snap& to, RouteProfile p) {
  const auto& fe = m.route_edges[from.edge];
  const auto& te = m.route_edges[to.edge];
  const double ff = *edge_cost_factor(p, fe), tf = *edge_cost_factor(p, te);
  std::vector<double> dist(m.route_nodes.size(), std::numeric_limits<double>::infinity());
  using Item = std::pair<double, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> q;
  auto push = [&](std::uint32_t n, double d) {
    if (!node_passable(p, m.route_nodes[n])) return;
    d += node_penalty_m(p, m.route_nodes[n]);
    if (d < dist[n]) dist[n] = d, q.emplace(d, n);
  };
  push(fe.a, from.along * ff);
  push(fe.b, (fe.length_m - from.along) * ff);
  while (!q.empty()) {
    auto [d, n] = q.top();
    q.pop();
    if (d > dist[n]) continue;
    for (std::uint32_t ei : m.edges_at(n)) {
      const auto& e = m.route_edges[ei];
      const auto f = edge_cost_factor(p, e);
      if (f) push(e.a == n ? e.b : e.a, d + e.length_m * *f);
    }
  }
  double best = std::min(dist[te.a] + to.along * tf, dist[te.b] + (te.length_m - to.along) * tf);
  if (from.edge == to.edge) best = std::min(best, std::abs(from.along - to.along) * ff);
  return best;
}

// Routes between two points with the router and checks its cost against dijkstra_cost (no route must
// mean no way at all). The route, or nullopt when there is none.
inline std::optional<Route> checked_route(Router& router, const MapData& m, GeoPoint from, GeoPoint to,
                                          RouteProfile p) {
  const auto a = router.snap(from, p), b = router.snap(to, p);
  REQUIRE(a);
  REQUIRE(b);
  auto route = router.route(*a, *b, p);
  const double reference = dijkstra_cost(m, *a, *b, p);
  if (!route) {
    CHECK(std::isinf(reference));
    return std::nullopt;
  }
  CHECK(route->cost == Approx(reference).epsilon(1e-4));
  return route;
}

}  // namespace kiosk::test
