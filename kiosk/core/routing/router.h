#pragma once
// Walking routes on the compiled map's pedestrian graph: snapping a point to the nearest way the
// profile may use, and A* between two snapped points (both may lie in the middle of an edge).

#include <cstdint>
#include <optional>
#include <vector>

#include "core/mapdata/map_data.h"
#include "core/routing/route_profile.h"

namespace kiosk {

// A point on an edge: `along` metres from the edge's node a, following its shape.
struct Snap {
  std::uint32_t edge = 0;
  float along = 0;
  kmap::Point point{};
  float distance_m = 0;  // from the requested point to the way
};

// One stretch of the route: all or part of an edge, in the direction walked.
struct RouteLeg {
  std::uint32_t edge = 0;
  bool forward = true;     // a → b
  float from = 0, to = 0;  // metres along the edge from a, in walking order (from > to when backward)
  [[nodiscard]] float length() const { return from < to ? to - from : from - to; }
};

struct Route {
  double distance_m = 0;  // along the ways, plus the approaches from and to the snapped points
  double cost = 0;        // what the profile minimised (metres stretched by what it avoids)
  std::vector<RouteLeg> legs;
  std::vector<kmap::Point> path;  // the whole line, from the requested start to the requested end
  Snap from, to;
};

// Buckets of edges by grid cell, for snapping. Built once per map.
struct SnapGrid {
  float cell = 100;
  float min_x = 0, min_y = 0;
  int cols = 0, rows = 0;
  std::vector<std::uint32_t> offsets;  // cols * rows + 1
  std::vector<std::uint32_t> edges;
};
SnapGrid build_snap_grid(const MapData& map, float cell_m = 100);

// The nearest point on an edge the profile may use. With `usable`, only edges marked there count (the
// router passes the edges of the well-connected part of the network, so that a kiosk standing next to
// a short fenced-off path is not snapped onto an island).
std::optional<Snap> snap_point(const MapData& map, const SnapGrid& grid, kmap::Point p, RouteProfile profile,
                               float max_distance_m = 1000, const std::vector<std::uint8_t>* usable = nullptr);

// Per edge: 1 where it belongs to a large connected part of the network for the profile.
std::vector<std::uint8_t> connected_edges(const MapData& map, RouteProfile profile);

// How far a point whose nearest way is an island looks for the connected network instead (metres).
inline constexpr float island_snap_m = 150;

// Reuses its buffers between queries; one per thread.
class Router {
 public:
  explicit Router(std::shared_ptr<const MapData> map);
  [[nodiscard]] const MapData& map() const { return *map_; }
  [[nodiscard]] const SnapGrid& grid() const { return grid_; }
  // Snaps onto the nearest way the profile may use; onto the connected network instead when the nearest
  // is an island and the network lies within island_snap_m (or at most 40 m further than the island).
  [[nodiscard]] std::optional<Snap> snap(GeoPoint p, RouteProfile profile, float max_snap_m = 1000) const;

  // nullopt when either point is farther than max_snap_m from any usable way, or no route exists.
  std::optional<Route> route(GeoPoint from, GeoPoint to, RouteProfile profile, float max_snap_m = 1000);
  std::optional<Route> route(const Snap& from, const Snap& to, RouteProfile profile);

  // Walking distance (metres, with the approaches to and from the ways) from one point to each of many,
  // along the routes route() would take: one search over the network instead of one per place. NaN for
  // a place without route.
  std::vector<float> distances_from(GeoPoint from, const std::vector<GeoPoint>& to, RouteProfile profile,
                                    float max_snap_m = 1000);

  std::size_t last_settled = 0;  // nodes settled by the last query (for benchmarks)

 private:
  std::shared_ptr<const MapData> map_;
  SnapGrid grid_;
  std::vector<std::uint8_t> connected_[2];
  std::vector<float> g_, walked_;  // cost and metres to each node (walked_: distances_from only)
  std::vector<std::uint32_t> parent_edge_;
  std::vector<std::uint32_t> stamp_;  // a node's g_ is this search's when its stamp is generation_
  std::uint32_t generation_ = 0;
  // Starts a search: every node's g_ becomes stale at once, without clearing the vectors.
  void next_generation();
  // Reaches `node` at cost g (its own penalty is added to g): true when that is this search's cheapest
  // way to it so far, and g_ now says so; false when it is impassable or was reached more cheaply.
  bool reach(RouteProfile profile, std::uint32_t node, float& g);
};

// Points of an edge's shape between two distances along it, in walking order (from may exceed to).
void append_shape(const MapData& map, const kmap::RouteEdge& e, float from, float to, std::vector<kmap::Point>& out);

}  // namespace kiosk
