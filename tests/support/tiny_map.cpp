#include "support/tiny_map.h"

#include <cmath>
#include <numbers>

namespace kiosk::test {

namespace {
constexpr double k_lat = 6371008.8 * std::numbers::pi / 180.0;
const double k_lon = k_lat * std::cos(tiny_lat0 * std::numbers::pi / 180.0);
}  // namespace

GeoPoint tiny_geo(float x, float y) {
  return {tiny_lat0 + y / k_lat, tiny_lon0 + x / k_lon};
}

MapContents tiny_map() {
  MapContents m;
  m.header.origin_lat = tiny_lat0;
  m.header.origin_lon = tiny_lon0;
  m.header.metres_per_deg_lat = k_lat;
  m.header.metres_per_deg_lon = k_lon;
  m.header.min_x = -50, m.header.min_y = -250, m.header.max_x = 250, m.header.max_y = 200;
  const kmap::Point pts[] = {{0, 0}, {100, 0}, {100, 100}, {0, 150}, {200, 0}, {100, -100}, {100, -200}};
  for (const auto& p : pts) m.route_nodes.push_back({p.x, p.y, 0, 0});
  const std::uint32_t haupt = m.add_name_set({{"", "Hauptstraße"}, {"ar", "الشارع الرئيسي"}});
  const std::uint32_t nord = m.add_name_set({{"", "Nordweg"}});
  const std::uint32_t west = m.add_name_set({{"", "Westweg"}});
  const std::uint32_t insel = m.add_name_set({{"", "Inselweg"}});
  auto edge = [&](std::uint32_t a, std::uint32_t b, std::uint32_t name, std::uint32_t flags, kmap::RoadClass cls) {
    kmap::RouteEdge e{};
    e.a = a, e.b = b, e.name_set = name, e.flags = flags;
    e.road_class = static_cast<std::uint8_t>(cls);
    e.first_shape = static_cast<std::uint32_t>(m.route_shape.size());
    e.shape_count = 2;
    m.route_shape.push_back(pts[a]);
    m.route_shape.push_back(pts[b]);
    e.length_m = std::hypot(pts[b].x - pts[a].x, pts[b].y - pts[a].y);
    m.route_edges.push_back(e);
  };
  using kmap::RoadClass;
  edge(A, B, haupt, 0, RoadClass::residential);
  edge(B, E, haupt, 0, RoadClass::residential);
  edge(B, C, 0, kmap::edge_steps, RoadClass::steps);
  edge(C, D, nord, 0, RoadClass::footway);
  edge(D, A, west, 0, RoadClass::footway);
  edge(B, H, 0, kmap::edge_steps, RoadClass::steps);
  edge(H, I, insel, 0, RoadClass::footway);
  m.build_adjacency();
  // Drawing: one street and one park, so that every section has something in it.
  kmap::Geometry line{};
  line.first_point = static_cast<std::uint32_t>(m.points.size());
  line.point_count = 2;
  m.points.push_back(pts[A]);
  m.points.push_back(pts[E]);
  m.geometries.push_back(line);
  kmap::Feature road{};
  road.kind = static_cast<std::uint8_t>(kmap::FeatureKind::road);
  road.cls = static_cast<std::uint8_t>(RoadClass::residential);
  road.name_set = haupt;
  road.min_x = 0, road.max_x = 200, road.min_y = 0, road.max_y = 0;
  road.geometry[0] = road.geometry[1] = road.geometry[2] = 0;
  kmap::Geometry park{};
  park.first_point = static_cast<std::uint32_t>(m.points.size());
  park.point_count = 4;
  for (const kmap::Point p : {kmap::Point{10, 10}, {90, 10}, {90, 90}, {10, 90}}) m.points.push_back(p);
  park.first_ring = 0, park.ring_count = 1;
  m.rings.push_back({park.first_point, 4});
  park.first_index = 0, park.index_count = 6;
  for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u}) m.indices.push_back(i);
  m.geometries.push_back(park);
  kmap::Feature green{};
  green.kind = static_cast<std::uint8_t>(kmap::FeatureKind::green_area);
  green.min_x = 10, green.max_x = 90, green.min_y = 10, green.max_y = 90;
  green.geometry[0] = green.geometry[1] = green.geometry[2] = 1;
  m.features = {green, road};
  m.build_tree();
  kmap::Poi poi{};
  poi.x = 50, poi.y = 5;
  poi.name_set = m.add_name_set({{"", "Beratung"}});
  poi.category = m.add_string("advice");
  poi.osm_id = 1, poi.osm_type = 'n';
  m.pois.push_back(poi);
  return m;
}

}  // namespace kiosk::test
