#pragma once
// The compiled map (.kmap) on disk: a header, a table of sections, and the sections themselves, each an
// array of one plain struct, little-endian and 8-byte aligned, so that the file is used in place after
// mmap. The loader checks every count and offset before anything reads them (map_data.cpp).

#include <cstdint>

namespace kiosk::kmap {

inline constexpr char magic[8] = {'K', 'I', 'O', 'S', 'K', 'M', 'A', 'P'};
inline constexpr std::uint32_t format_version = 1;
inline constexpr std::uint32_t none = 0xFFFFFFFFu;

// Geometry is kept at three levels of detail: 0 full (street zoom), 1 simplified by a few metres
// (district), 2 simplified more, small things dropped (the whole city).
inline constexpr int lod_count = 3;

struct Header {
  char magic[8];
  std::uint32_t version;
  std::uint32_t section_count;
  double origin_lat, origin_lon;  // local coordinates are metres east (x) and north (y) of this point
  double metres_per_deg_lat, metres_per_deg_lon;
  float min_x, min_y, max_x, max_y;  // extent of everything in the file
  std::uint64_t file_size;
  std::int64_t data_timestamp;  // newest OSM object, seconds since 1970 (0: unknown)
};

enum class SectionId : std::uint32_t {
  strings = 1,      // char: NUL-terminated UTF-8 strings, referenced by byte offset
  names,            // NameEntry
  name_sets,        // NameSet: index 0 is the empty set
  points,           // Point: all drawing geometry
  rings,            // Ring
  indices,          // uint32: triangle corners, relative to a geometry's first point
  geometries,       // Geometry
  features,         // Feature, in drawing order
  tree_nodes,       // TreeNode: the spatial index over features
  tree_items,       // uint32: feature ids, grouped by leaf
  route_nodes,      // RouteNode
  route_edges,      // RouteEdge
  route_adjacency,  // uint32: per node, the edge ids that touch it (CSR, see route_offsets)
  route_offsets,    // uint32: route_nodes + 1 offsets into route_adjacency
  route_shape,      // Point: the shape of every edge, both ends included
  pois,             // Poi
};

struct SectionEntry {
  std::uint32_t id;
  std::uint32_t element_size;
  std::uint64_t offset;
  std::uint64_t count;
};

struct Point {
  float x, y;
};

struct NameEntry {
  std::uint32_t lang;  // string: "" for the local name (OSM `name`), else the language of `name:xx`
  std::uint32_t text;  // string
};

struct NameSet {
  std::uint32_t first, count;  // into names
};

struct Ring {
  std::uint32_t first, count;  // into points; the first ring of a polygon is its outer ring
};

// The compiler writes the geometries drawn at the coarsest level of detail last, with their points,
// rings and triangles, in drawing order (MapContents::group_coarse_geometry): a whole-city frame reads
// one stretch of the file. Readers work with any order.
struct Geometry {
  std::uint32_t first_point, point_count;
  std::uint32_t first_ring, ring_count;    // polygons only
  std::uint32_t first_index, index_count;  // polygons only: triangles
};

enum class FeatureKind : std::uint8_t { water_area, green_area, building, water_line, road, railway, place, count };

// Road classes, drawn from minor (first) to major (last).
enum class RoadClass : std::uint8_t {
  path,
  footway,
  steps,
  pedestrian,
  service,
  residential,
  tertiary,
  secondary,
  primary,
  motorway,
  count
};
enum class GreenClass : std::uint8_t { park, grass, forest, cemetery, pitch, count };
enum class PlaceClass : std::uint8_t { city, town, suburb, quarter, neighbourhood, square, count };

struct Feature {
  std::uint8_t kind;  // FeatureKind
  std::uint8_t cls;   // RoadClass, GreenClass, PlaceClass (by kind)
  std::uint8_t flags;
  std::uint8_t pad;
  std::uint32_t name_set;
  float min_x, min_y, max_x, max_y;
  std::uint32_t geometry[lod_count];  // none where the feature is not drawn at that level
};
inline constexpr std::uint8_t feature_tunnel = 1, feature_bridge = 2;

// A packed R-tree (bottom-up, Hilbert-sorted). Leaves point into tree_items, inner nodes into
// tree_nodes; a child always comes before its parent, the root is the last node.
struct TreeNode {
  float min_x, min_y, max_x, max_y;
  std::uint32_t first, count;
  std::uint32_t leaf;
  std::uint32_t pad;
};

struct RouteNode {
  float x, y;
  std::uint32_t flags;
  std::uint32_t cross_name;  // name set of the road this node crosses (crossing nodes)
};
// node_barrier: a turnstile, cycle barrier or stile (walkers pass, wheelchairs do not).
inline constexpr std::uint32_t node_kerb_high = 1, node_kerb_unknown = 2, node_crossing = 4, node_barrier = 8;

struct RouteEdge {
  std::uint32_t a, b;  // node ids; ways are walked both ways
  float length_m;
  std::uint32_t flags;
  std::uint32_t name_set;
  std::uint32_t cross_name;  // for crossing ways: the road they cross
  std::uint32_t first_shape, shape_count;
  float incline_pct;  // signed along a→b; 0 where unknown
  std::uint8_t road_class;
  std::int8_t layer;  // OSM layer: 1 a bridge, -1 a tunnel (written from issue 22 on; 0 in older files)
  std::uint8_t pad[2];
};
inline constexpr std::uint32_t edge_steps = 1, edge_crossing = 2, edge_wheelchair_no = 4, edge_wheelchair_limited = 8,
                               edge_wheelchair_yes = 16, edge_surface_bad = 32, edge_surface_rough = 64,
                               edge_incline_steep = 128, edge_incline_unknown = 256, edge_kerb_high = 512,
                               edge_elevator = 1024, edge_unpaved_unknown = 2048, edge_ramp = 4096, edge_bridge = 8192,
                               edge_tunnel = 16384;

struct Poi {
  float x, y;
  std::uint32_t name_set;
  std::uint32_t category;  // string: one of the bundle's category ids
  std::uint64_t osm_id;
  std::uint32_t osm_type;  // 'n', 'w', 'r'
  std::uint32_t pad;
};

}  // namespace kiosk::kmap
