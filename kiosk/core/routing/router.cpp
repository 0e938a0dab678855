#include "core/routing/router.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <queue>

namespace kiosk {

namespace {

float dist(kmap::Point a, kmap::Point b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

// Nearest point on segment ab to p, as a fraction of ab.
float project_t(kmap::Point p, kmap::Point a, kmap::Point b) {
  const float dx = b.x - a.x, dy = b.y - a.y, len2 = dx * dx + dy * dy;
  if (len2 <= 0) return 0;
  return std::clamp(((p.x - a.x) * dx + (p.y - a.y) * dy) / len2, 0.0f, 1.0f);
}

}  // namespace

SnapGrid build_snap_grid(const MapData& map, float cell_m) {
  SnapGrid g;
  const float w = map.header.max_x - map.header.min_x, h = map.header.max_y - map.header.min_y;
  cell_m = std::max({cell_m, w / 1024, h / 1024});  // at most about a million cells, whatever the extent
  g.cell = cell_m;
  g.min_x = map.header.min_x;
  g.min_y = map.header.min_y;
  g.cols = std::max(1, static_cast<int>(w / cell_m) + 1);
  g.rows = std::max(1, static_cast<int>(h / cell_m) + 1);
  // Cell of a coordinate, clamped before the conversion (a float beyond int's range is undefined).
  const auto col = [&](float x) {
    return static_cast<int>(std::clamp((x - g.min_x) / cell_m, 0.0f, float(g.cols - 1)));
  };
  const auto row = [&](float y) {
    return static_cast<int>(std::clamp((y - g.min_y) / cell_m, 0.0f, float(g.rows - 1)));
  };
  const auto cells = static_cast<std::size_t>(g.cols) * static_cast<std::size_t>(g.rows);
  auto cell_range = [&](const kmap::RouteEdge& e, int& c0, int& r0, int& c1, int& r1) {
    float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
    for (const auto& p : map.shape(e))
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    c0 = col(x0), c1 = col(x1), r0 = row(y0), r1 = row(y1);
  };
  std::vector<std::uint32_t> count(cells + 1, 0);
  for (const auto& e : map.route_edges) {
    int c0, r0, c1, r1;
    cell_range(e, c0, r0, c1, r1);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) ++count[static_cast<std::size_t>(r * g.cols + c)];
  }
  g.offsets.assign(cells + 1, 0);
  for (std::size_t i = 0; i < cells; ++i) g.offsets[i + 1] = g.offsets[i] + count[i];
  g.edges.assign(g.offsets.back(), 0);
  std::vector<std::uint32_t> fill(g.offsets.begin(), g.offsets.end() - 1);
  for (std::uint32_t i = 0; i < map.route_edges.size(); ++i) {
    int c0, r0, c1, r1;
    cell_range(map.route_edges[i], c0, r0, c1, r1);
    for (int r = r0; r <= r1; ++r)
      for (int c = c0; c <= c1; ++c) g.edges[fill[static_cast<std::size_t>(r * g.cols + c)]++] = i;
  }
  return g;
}

std::optional<Snap> snap_point(const MapData& map, const SnapGrid& grid, kmap::Point p, RouteProfile profile,
                               float max_distance_m, const std::vector<std::uint8_t>* usable, LevelFilter level) {
  std::optional<Snap> best;
  // A point off the grid starts from the nearest border cell (clamped before converting to int).
  const int pc = static_cast<int>(std::clamp(std::floor((p.x - grid.min_x) / grid.cell), -1.0f, float(grid.cols)));
  const int pr = static_cast<int>(std::clamp(std::floor((p.y - grid.min_y) / grid.cell), -1.0f, float(grid.rows)));
  const int max_ring =
      static_cast<int>(std::min(max_distance_m / grid.cell, float(std::max(grid.cols, grid.rows)))) + 1;
  auto visit = [&](int r, int c) {
    if (r < 0 || c < 0 || r >= grid.rows || c >= grid.cols) return;
    const auto cell = static_cast<std::size_t>(r * grid.cols + c);
    for (std::uint32_t k = grid.offsets[cell]; k < grid.offsets[cell + 1]; ++k) {
      const std::uint32_t ei = grid.edges[k];
      const auto& e = map.route_edges[ei];
      if (!edge_cost_factor(profile, e) || (usable && !(*usable)[ei]) || !level.admits(e)) continue;
      const auto shape = map.shape(e);
      float along = 0;
      for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
        const float seg = dist(shape[i], shape[i + 1]);
        const float t = project_t(p, shape[i], shape[i + 1]);
        const kmap::Point q{shape[i].x + t * (shape[i + 1].x - shape[i].x),
                            shape[i].y + t * (shape[i + 1].y - shape[i].y)};
        const float d = dist(p, q);
        if (d <= max_distance_m && (!best || d < best->distance_m)) {
          // Lengths in the file are the shape's; scale so that `along` agrees with them exactly.
          best = Snap{ei, along + t * seg, q, d};
        }
        along += seg;
      }
    }
  };
  for (int ring = 0; ring <= max_ring; ++ring) {
    // Everything within `ring - 1` cells has been seen: a nearer edge would have been found.
    if (best && best->distance_m <= static_cast<float>(ring - 1) * grid.cell) break;
    // Only the ring's border cells: its top and bottom rows, then the columns between them (a walk over
    // the whole square per ring took minutes on a large grid without a usable way).
    for (int c = pc - ring; c <= pc + ring; ++c) {
      visit(pr - ring, c);
      if (ring > 0) visit(pr + ring, c);
    }
    for (int r = pr - ring + 1; r <= pr + ring - 1; ++r) {
      visit(r, pc - ring);
      visit(r, pc + ring);
    }
  }
  if (best) {
    const auto& e = map.route_edges[best->edge];
    float shape_len = 0;
    const auto shape = map.shape(e);
    for (std::size_t i = 0; i + 1 < shape.size(); ++i) shape_len += dist(shape[i], shape[i + 1]);
    if (shape_len > 0) best->along = std::clamp(best->along * e.length_m / shape_len, 0.0f, e.length_m);
  }
  return best;
}

void append_shape(const MapData& map, const kmap::RouteEdge& e, float from, float to, std::vector<kmap::Point>& out) {
  const auto shape = map.shape(e);
  float total = 0;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) total += dist(shape[i], shape[i + 1]);
  const float scale = e.length_m > 0 ? total / e.length_m : 1;
  const float lo = std::min(from, to) * scale, hi = std::max(from, to) * scale;
  std::vector<kmap::Point> piece;
  float along = 0;
  auto at = [&](std::size_t i, float d) {
    const float seg = dist(shape[i], shape[i + 1]);
    const float t = seg > 0 ? std::clamp((d - along) / seg, 0.0f, 1.0f) : 0.0f;
    return kmap::Point{shape[i].x + t * (shape[i + 1].x - shape[i].x), shape[i].y + t * (shape[i + 1].y - shape[i].y)};
  };
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) {
    const float seg = dist(shape[i], shape[i + 1]);
    const float end = along + seg;
    if (end >= lo && along <= hi) {
      if (piece.empty()) piece.push_back(at(i, lo));
      if (end < hi)
        piece.push_back(shape[i + 1]);
      else {
        piece.push_back(at(i, hi));
        break;
      }
    }
    along = end;
  }
  if (piece.empty()) piece.push_back(shape.front());
  if (from > to) std::reverse(piece.begin(), piece.end());
  for (const auto& p : piece)
    if (out.empty() || dist(out.back(), p) > 0.01f) out.push_back(p);
}

EdgeParts edge_parts(const MapData& map, RouteProfile profile) {
  const std::size_t n = map.route_nodes.size();
  std::vector<std::uint32_t> component(n, kmap::none);
  std::vector<std::size_t> sizes;
  std::vector<std::uint32_t> stack;
  for (std::uint32_t start = 0; start < n; ++start) {
    if (component[start] != kmap::none || !node_passable(profile, map.route_nodes[start])) continue;
    const auto id = static_cast<std::uint32_t>(sizes.size());
    sizes.push_back(0);
    component[start] = id;
    stack.push_back(start);
    while (!stack.empty()) {
      const std::uint32_t v = stack.back();
      stack.pop_back();
      ++sizes[id];
      for (const std::uint32_t ei : map.edges_at(v)) {
        const auto& e = map.route_edges[ei];
        if (!edge_cost_factor(profile, e)) continue;
        const std::uint32_t w = e.a == v ? e.b : e.a;
        if (component[w] != kmap::none || !node_passable(profile, map.route_nodes[w])) continue;
        component[w] = id;
        stack.push_back(w);
      }
    }
  }
  // "Large": at least a tenth of the biggest part; a city's network is one big part and small islands.
  const std::size_t biggest = sizes.empty() ? 0 : *std::max_element(sizes.begin(), sizes.end());
  EdgeParts out;
  out.large.assign(map.route_edges.size(), 0);
  out.part.assign(map.route_edges.size(), kmap::none);
  for (std::size_t i = 0; i < out.large.size(); ++i) {
    const auto& e = map.route_edges[i];
    const std::uint32_t c = component[e.a] != kmap::none ? component[e.a] : component[e.b];
    if (c == kmap::none || !edge_cost_factor(profile, e)) continue;
    out.large[i] = sizes[c] * 10 >= biggest ? 1 : 0;
    out.part[i] = c;
  }
  return out;
}

std::vector<std::uint8_t> connected_edges(const MapData& map, RouteProfile profile) {
  return edge_parts(map, profile).large;
}

bool LevelFilter::admits(const kmap::RouteEdge& e) const {
  switch (kind) {
    case Kind::any:
      return true;
    case Kind::ground:
      return (e.flags & (kmap::edge_bridge | kmap::edge_tunnel)) == 0;
    case Kind::layer:
      return e.layer == layer;
  }
  return true;
}

LevelFilter own_level(const Spot& p) {
  return p.layer ? LevelFilter{LevelFilter::Kind::layer, *p.layer} : LevelFilter{LevelFilter::Kind::ground, 0};
}

std::optional<Snap> Router::snap(const Spot& p, RouteProfile profile, float max_snap_m) const {
  const kmap::Point q = map_->project(p.at);
  const auto& usable = connected_[profile == RouteProfile::wheelchair ? 1 : 0];
  const LevelFilter own = own_level(p);
  auto nearest = snap_point(*map_, grid_, q, profile, max_snap_m);
  if (!nearest) return nearest;
  // A place on the ground is not on the bridge above it nor in the tunnel below: a ground-level way a
  // little farther away is where it stands (a kiosk by a road under a bridge, snapped onto the bridge,
  // was sent 400 m round to its ramp). A place whose layer is given looks for that layer only.
  if (!own.admits(map_->route_edges[nearest->edge])) {
    const float reach = p.layer ? max_snap_m : nearest->distance_m + level_snap_m;
    if (auto same = snap_point(*map_, grid_, q, profile, reach, nullptr, own)) {
      same->reason = SnapReason::same_level;
      same->passed_m = nearest->distance_m;
      nearest = same;
    } else if (p.layer) {
      nearest->reason = SnapReason::other_level;
    }
  }
  if (usable[nearest->edge]) return nearest;
  // The nearest way is an island (a fenced platform, a path between steps, a courtyard mapped without
  // its gate). The connected network within island_snap_m is the better start: a resident walks that far
  // to reach a street rather than be told there is no way. A place farther out keeps its island, and the
  // route then honestly fails. On the place's own level first.
  const float reach = std::max(island_snap_m, nearest->distance_m + 40.0f);
  std::optional<Snap> connected;
  if (own.admits(map_->route_edges[nearest->edge]))
    connected = snap_point(*map_, grid_, q, profile, reach, &usable, own);
  if (!connected) connected = snap_point(*map_, grid_, q, profile, reach, &usable);
  if (connected) {
    connected->reason = SnapReason::connected;
    connected->passed_m = nearest->distance_m;
    return connected;
  }
  return nearest;
}

Router::Router(std::shared_ptr<const MapData> map, float max_walk_m)
    : map_(std::move(map)), max_walk_m_(max_walk_m), grid_(build_snap_grid(*map_)) {
  for (const RouteProfile p : {RouteProfile::foot, RouteProfile::wheelchair}) {
    EdgeParts parts = edge_parts(*map_, p);
    const int i = p == RouteProfile::wheelchair ? 1 : 0;
    connected_[i] = std::move(parts.large);
    part_[i] = std::move(parts.part);
  }
  const std::size_t n = map_->route_nodes.size();
  g_.assign(n, 0);
  walked_.assign(n, 0);
  parent_edge_.assign(n, kmap::none);
  stamp_.assign(n, 0);
}

std::optional<Route> Router::route(const Spot& from, const Spot& to, RouteProfile profile, float max_snap_m) {
  const kmap::Point a = map_->project(from.at), b = map_->project(to.at);
  last_failure = NoRoute::too_far;
  if (dist(a, b) > max_walk_m_) return std::nullopt;  // no walk can be shorter than the straight line
  auto sa = snap(from, profile, max_snap_m);
  auto sb = snap(to, profile, max_snap_m);
  if (!sa || !sb) {
    last_failure = NoRoute::not_near_a_way;
    return std::nullopt;
  }
  auto r = route(*sa, *sb, profile);
  if (!r) return r;
  // The approach from the requested points to the ways.
  std::vector<kmap::Point> path;
  if (sa->distance_m > 0.5f) path.push_back(a);
  path.insert(path.end(), r->path.begin(), r->path.end());
  if (sb->distance_m > 0.5f) path.push_back(b);
  r->path = std::move(path);
  r->distance_m += sa->distance_m + sb->distance_m;
  return r;
}

std::vector<float> Router::distances_from(const Spot& from, const std::vector<GeoPoint>& to, RouteProfile profile,
                                          float max_snap_m) {
  constexpr float nan = std::numeric_limits<float>::quiet_NaN(), too_far = std::numeric_limits<float>::infinity();
  std::vector<float> out(to.size(), nan);
  const MapData& m = *map_;
  const kmap::Point here = m.project(from.at);
  // Places beyond the radius in a straight line are too far without a search or a snap (most of a
  // metropolis's places, seen from one kiosk).
  bool any_near = false;
  for (std::size_t i = 0; i < to.size(); ++i) {
    if (dist(here, m.project(to[i])) > max_walk_m_)
      out[i] = too_far;
    else
      any_near = true;
  }
  if (!any_near) return out;
  const auto sa = snap(from, profile, max_snap_m);
  if (!sa) return out;
  const auto& fe = m.route_edges[sa->edge];
  const auto ff = edge_cost_factor(profile, fe);
  if (!ff) return out;
  next_generation();
  // Dijkstra over the network the start reaches within the radius (no goal to aim at): what route()
  // computes with A*, for every node at once. Cost decides, as there; walked_ is the length of the
  // cheapest way, and a node farther than the radius is not entered.
  const float budget = max_walk_m_ - sa->distance_m;
  bool pruned = false;
  using Item = std::pair<float, std::uint32_t>;
  std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
  auto relax = [&](std::uint32_t node, float g, float walked) {
    if (walked > budget) {
      pruned = true;
      return;
    }
    if (!reach(profile, node, g)) return;
    walked_[node] = walked;
    open.emplace(g, node);
  };
  relax(fe.a, sa->along * *ff, sa->along);
  relax(fe.b, (fe.length_m - sa->along) * *ff, fe.length_m - sa->along);
  while (!open.empty()) {
    const auto [g, n] = open.top();
    open.pop();
    if (g > g_[n]) continue;  // stale entry
    ++last_settled;
    for (const std::uint32_t ei : m.edges_at(n)) {
      const auto& e = m.route_edges[ei];
      const auto f = edge_cost_factor(profile, e);
      if (!f) continue;
      relax(e.a == n ? e.b : e.a, g + e.length_m * *f, walked_[n] + e.length_m);
    }
  }
  for (std::size_t i = 0; i < to.size(); ++i) {
    if (out[i] == too_far) continue;
    const auto sb = snap(to[i], profile, max_snap_m);
    if (!sb) continue;
    const auto& te = m.route_edges[sb->edge];
    const auto tf = edge_cost_factor(profile, te);
    if (!tf) continue;
    float best = std::numeric_limits<float>::infinity(), walked = 0;
    if (sb->edge == sa->edge) best = std::abs(sa->along - sb->along) * *ff, walked = std::abs(sa->along - sb->along);
    if (stamp_[te.a] == generation_ && g_[te.a] + sb->along * *tf < best)
      best = g_[te.a] + sb->along * *tf, walked = walked_[te.a] + sb->along;
    if (stamp_[te.b] == generation_ && g_[te.b] + (te.length_m - sb->along) * *tf < best)
      best = g_[te.b] + (te.length_m - sb->along) * *tf, walked = walked_[te.b] + te.length_m - sb->along;
    if (best < std::numeric_limits<float>::infinity())
      out[i] = walked + sa->distance_m + sb->distance_m;
    else if (pruned)
      out[i] = too_far;  // nothing within the radius; a longer way may exist
    if (out[i] > max_walk_m_) out[i] = too_far;
  }
  return out;
}

void Router::next_generation() {
  if (++generation_ == 0) {  // wrapped: stamps of 4 billion searches ago would look current
    std::fill(stamp_.begin(), stamp_.end(), 0);
    generation_ = 1;
  }
}

bool Router::reach(RouteProfile profile, std::uint32_t node, float& g) {
  const kmap::RouteNode& n = map_->route_nodes[node];
  if (!node_passable(profile, n)) return false;
  g += node_penalty_m(profile, n);
  if (stamp_[node] == generation_ && g_[node] <= g) return false;
  stamp_[node] = generation_;
  g_[node] = g;
  return true;
}

std::optional<Route> Router::route(const Snap& from, const Snap& to, RouteProfile profile) {
  const MapData& m = *map_;
  const auto& fe = m.route_edges[from.edge];
  const auto& te = m.route_edges[to.edge];
  const auto ff = edge_cost_factor(profile, fe), tf = edge_cost_factor(profile, te);
  last_settled = 0;
  last_failure = NoRoute::not_near_a_way;
  if (!ff || !tf) return std::nullopt;
  // Two parts of the network that no way joins (an island, a courtyard without its gate): no walk at
  // all, whatever the radius; known without a search.
  const auto& part = part_[profile == RouteProfile::wheelchair ? 1 : 0];
  last_failure = NoRoute::not_connected;
  if (part[from.edge] != part[to.edge]) return std::nullopt;
  const kmap::Point goal = to.point;
  // Metres that may be walked along the ways: the radius less the approaches to and from them.
  const float budget = max_walk_m_ - from.distance_m - to.distance_m;
  last_failure = NoRoute::too_far;
  if (dist(from.point, goal) > budget) return std::nullopt;
  next_generation();
  auto h = [&](std::uint32_t n) { return dist({m.route_nodes[n].x, m.route_nodes[n].y}, goal); };
  using Item = std::pair<float, std::uint32_t>;  // (g + h, node)
  std::priority_queue<Item, std::vector<Item>, std::greater<>> open;
  bool pruned = false;
  auto relax = [&](std::uint32_t node, float g, float walked, std::uint32_t via) {
    // A node from which even the straight line to the goal would leave the radius is not entered: every
    // stretch of a walk within the radius passes this test, so the search stays in an ellipse around the
    // two points instead of flooding the city when no short walk exists.
    if (walked + h(node) > budget) {
      pruned = true;
      return;
    }
    if (!reach(profile, node, g)) return;
    parent_edge_[node] = via;
    walked_[node] = walked;
    open.emplace(g + h(node), node);
  };
  constexpr std::uint32_t start_marker = kmap::none - 1;
  relax(fe.a, from.along * *ff, from.along, start_marker);
  relax(fe.b, (fe.length_m - from.along) * *ff, fe.length_m - from.along, start_marker);

  // Best complete route so far: along the same edge directly, or ending through node a or b of `to`.
  float best = std::numeric_limits<float>::infinity();
  int best_end = -1;  // 0: directly, 1: via te.a, 2: via te.b
  if (from.edge == to.edge) {
    best = std::abs(from.along - to.along) * *ff;
    best_end = 0;
  }
  while (!open.empty()) {
    const auto [key, n] = open.top();
    open.pop();
    if (key >= best) break;
    const float g = g_[n];
    if (key > g + h(n) + 1e-3f) continue;  // stale entry
    ++last_settled;
    if (n == te.a && g + to.along * *tf < best) best = g + to.along * *tf, best_end = 1;
    if (n == te.b && g + (te.length_m - to.along) * *tf < best) best = g + (te.length_m - to.along) * *tf, best_end = 2;
    for (const std::uint32_t ei : m.edges_at(n)) {
      const auto& e = m.route_edges[ei];
      const auto f = edge_cost_factor(profile, e);
      if (!f) continue;
      const std::uint32_t other = e.a == n ? e.b : e.a;
      relax(other, g + e.length_m * *f, walked_[n] + e.length_m, ei);
    }
  }
  if (best_end < 0) {
    last_failure = pruned ? NoRoute::too_far : NoRoute::not_connected;
    return std::nullopt;
  }

  Route r;
  r.cost = best;
  r.from = from;
  r.to = to;
  if (best_end == 0) {
    r.legs.push_back({from.edge, from.along <= to.along, from.along, to.along});
  } else {
    std::uint32_t n = best_end == 1 ? te.a : te.b;
    r.legs.push_back({to.edge, best_end == 1, best_end == 1 ? 0.0f : te.length_m, to.along});
    // A route uses each edge at most once; more steps than edges means the map is inconsistent.
    for (std::size_t steps = 0; parent_edge_[n] != start_marker; ++steps) {
      if (steps > m.route_edges.size()) return std::nullopt;
      const std::uint32_t ei = parent_edge_[n];
      const auto& e = m.route_edges[ei];
      const bool forward = e.b == n;  // walked from a to b when we arrived at b
      r.legs.push_back({ei, forward, forward ? 0.0f : e.length_m, forward ? e.length_m : 0.0f});
      n = forward ? e.a : e.b;
    }
    const bool first_forward = n == fe.b;
    r.legs.push_back({from.edge, first_forward, from.along, first_forward ? fe.length_m : 0.0f});
    std::reverse(r.legs.begin(), r.legs.end());
  }
  // Drop empty partial legs (a snap exactly on a node).
  std::erase_if(r.legs, [](const RouteLeg& l) { return l.length() <= 0.0f; });
  for (const auto& l : r.legs) {
    r.distance_m += l.length();
    append_shape(m, m.route_edges[l.edge], l.from, l.to, r.path);
  }
  if (r.path.empty()) r.path.push_back(from.point);
  // The last stretch, from the target edge's end to the point, may still leave the radius.
  if (r.distance_m > budget) {
    last_failure = NoRoute::too_far;
    return std::nullopt;
  }
  last_failure = NoRoute::none;
  return r;
}

}  // namespace kiosk
