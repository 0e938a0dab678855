#pragma once
// Walking routes on the compiled map's pedestrian graph: snapping a point to the nearest way the
// profile may use, and A* between two snapped points (both may lie in the middle of an edge). Searches
// are bounded by a walking radius: nobody walks 30 km from a kiosk, and a search across a metropolis for
// a walk nobody would take cost as much as the whole graph.

#include <cstdint>
#include <optional>
#include <vector>

#include "core/mapdata/map_data.h"
#include "core/routing/route_profile.h"

namespace kiosk {

// Where a walk starts or ends: a point, and the level it is on when the bundle says so (OSM's `layer`:
// 1 on a bridge, -1 in an underpass). Without a layer a place is on the ground.
struct Spot {
  GeoPoint at;
  std::optional<int> layer;
  // Implicit: a bare point is a place on the ground.
  Spot(GeoPoint p, std::optional<int> l = std::nullopt) : at(p), layer(l) {}
};

// Why a point snapped where it did (kioskctl route --explain, the self-test).
enum class SnapReason : std::uint8_t {
  nearest,      // the nearest way the profile may use
  same_level,   // a way on another level (a bridge above, a tunnel below) was nearer: passed_m
  connected,    // the nearest way is a small island of the network (passed_m away): the network instead
  other_level,  // no way on the place's own level nearby: the nearest on another
};

// A point on an edge: `along` metres from the edge's node a, following its shape.
struct Snap {
  std::uint32_t edge = 0;
  float along = 0;
  kmap::Point point{};
  float distance_m = 0;  // from the requested point to the way
  SnapReason reason = SnapReason::nearest;
  float passed_m = 0;  // how far the nearer way passed over was (same_level, connected)
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
// Which ways a snap may use by level: every way; the ground (not a bridge, not a tunnel: a street under
// a bridge is often tagged layer=-1 and still on the ground); or the ways of OSM layer N.
struct LevelFilter {
  enum class Kind : std::uint8_t { any, ground, layer } kind = Kind::any;
  int layer = 0;
  [[nodiscard]] bool admits(const kmap::RouteEdge& e) const;
};
// The ways a place may start on: its layer where the bundle gives one, else the ground.
LevelFilter own_level(const Spot& p);

// With `level`, only edges it admits count.
std::optional<Snap> snap_point(const MapData& map, const SnapGrid& grid, kmap::Point p, RouteProfile profile,
                               float max_distance_m = 1000, const std::vector<std::uint8_t>* usable = nullptr,
                               LevelFilter level = {});

// Per edge: 1 where it belongs to a large connected part of the network for the profile.
std::vector<std::uint8_t> connected_edges(const MapData& map, RouteProfile profile);

// Per edge: whether it is in a large part of the network for the profile (as connected_edges), and
// which connected part it is in (kmap::none: the profile cannot use it).
struct EdgeParts {
  std::vector<std::uint8_t> large;
  std::vector<std::uint32_t> part;
};
EdgeParts edge_parts(const MapData& map, RouteProfile profile);

// How far a point whose nearest way is an island looks for the connected network instead (metres).
inline constexpr float island_snap_m = 150;

// How much farther than the nearest way (on a bridge above it, in a tunnel below) a ground-level way may
// be and still be the one a place on the ground snaps to (metres). A place whose layer the bundle gives
// snaps to a way of that layer within the snapping distance.
inline constexpr float level_snap_m = 50;

// The longest walk a kiosk offers unless the bundle says otherwise (metres, approaches included).
inline constexpr float default_max_walk_m = 5000;

// Why the last query found no route.
enum class NoRoute : std::uint8_t {
  none,            // it found one
  not_near_a_way,  // a point lies farther than max_snap_m from every way the profile may use
  too_far,         // no walk of at most the walking radius exists (there may be a longer one)
  not_connected,   // no walk at all: the search reached everything it could within the radius
};

// Reuses its buffers between queries; one per thread.
class Router {
 public:
  explicit Router(std::shared_ptr<const MapData> map, float max_walk_m = default_max_walk_m);
  [[nodiscard]] const MapData& map() const { return *map_; }
  [[nodiscard]] const SnapGrid& grid() const { return grid_; }
  // Snaps onto the nearest way the profile may use on the place's level (see level_snap_m); onto the
  // connected network instead when that is an island and the network lies within island_snap_m (or at
  // most 40 m further than the island).
  [[nodiscard]] std::optional<Snap> snap(const Spot& p, RouteProfile profile, float max_snap_m = 1000) const;

  [[nodiscard]] float max_walk_m() const { return max_walk_m_; }

  // The cheapest route for the profile whose length (approaches included) is at most max_walk_m();
  // nullopt when there is none, and last_failure says why. Where the cheapest route is longer than the
  // radius, a dearer one within it may be returned (a wheelchair user may prefer a 4 km route with a
  // slope to "too far"); within the radius the answer is the cheapest, as an unbounded search finds.
  std::optional<Route> route(const Spot& from, const Spot& to, RouteProfile profile, float max_snap_m = 1000);
  std::optional<Route> route(const Snap& from, const Snap& to, RouteProfile profile);

  // Walking distance (metres, with the approaches to and from the ways) from one point to each of many,
  // along the routes route() would take: one search over the network around the start instead of one
  // per place. +infinity for a place beyond the walking radius (no walk of at most max_walk_m()), NaN
  // for one without any walk (not near a way, or not connected).
  std::vector<float> distances_from(const Spot& from, const std::vector<GeoPoint>& to, RouteProfile profile,
                                    float max_snap_m = 1000);

  NoRoute last_failure = NoRoute::none;  // why the last route() found none
  std::size_t last_settled = 0;          // nodes settled by the last query (for benchmarks)

 private:
  std::shared_ptr<const MapData> map_;
  float max_walk_m_;
  SnapGrid grid_;
  std::vector<std::uint8_t> connected_[2];  // per profile (foot, wheelchair): edge in a large part
  std::vector<std::uint32_t> part_[2];      // per profile: the connected part an edge belongs to
  std::vector<float> g_, walked_;           // cost and metres walked to each node
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
