#pragma once
// A compiled map, loaded: memory-mapped and checked. Every count, offset and index in the file is
// verified once at load, so that nothing afterwards can read outside it; a bad file is refused with a
// message that says what is wrong, and the kiosk carries on without a map.

#include <filesystem>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "core/mapdata/map_format.h"
#include "core/model/model.h"

namespace kiosk {

struct MapError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

struct MapData {
  std::shared_ptr<const void> owner;  // the mapping (or the buffer) the spans below point into
  std::size_t byte_size = 0;
  kmap::Header header{};
  std::span<const char> strings;
  std::span<const kmap::NameEntry> names;
  std::span<const kmap::NameSet> name_sets;
  std::span<const kmap::Point> points;
  std::span<const kmap::Ring> rings;
  std::span<const std::uint32_t> indices;
  std::span<const kmap::Geometry> geometries;
  std::span<const kmap::Feature> features;
  std::span<const kmap::TreeNode> tree_nodes;
  std::span<const std::uint32_t> tree_items;
  std::span<const kmap::RouteNode> route_nodes;
  std::span<const kmap::RouteEdge> route_edges;
  std::span<const std::uint32_t> route_adjacency;
  std::span<const std::uint32_t> route_offsets;
  std::span<const kmap::Point> route_shape;
  std::span<const kmap::Poi> pois;
  // The whole-city layer (make_coarse_layer), made at load; null in the layer itself, whose query scans
  // its features instead of a tree.
  std::shared_ptr<const MapData> coarse;

  // What draws the map at level of detail `lod`: the whole-city layer at the coarsest, else the map.
  [[nodiscard]] const MapData& for_lod(int lod) const { return lod == kmap::lod_count - 1 && coarse ? *coarse : *this; }

  [[nodiscard]] std::string_view string(std::uint32_t offset) const { return strings.data() + offset; }
  // The name in `lang` (or its base language), else the local name; "" when unnamed.
  [[nodiscard]] std::string_view name(std::uint32_t name_set, std::string_view lang) const;
  [[nodiscard]] std::span<const kmap::Point> shape(const kmap::RouteEdge& e) const {
    return route_shape.subspan(e.first_shape, e.shape_count);
  }
  [[nodiscard]] std::span<const std::uint32_t> edges_at(std::uint32_t node) const {
    return route_adjacency.subspan(route_offsets[node], route_offsets[node + 1] - route_offsets[node]);
  }

  [[nodiscard]] kmap::Point project(GeoPoint p) const;
  [[nodiscard]] GeoPoint unproject(kmap::Point p) const;

  // Feature ids whose box meets the rectangle, in drawing order (ascending). out is reused; `marks`
  // (optional, reused too) makes a large result cheap to order: a pass over flags instead of a sort.
  void query(float min_x, float min_y, float max_x, float max_y, std::vector<std::uint32_t>& out,
             std::vector<std::uint8_t>* marks = nullptr) const;
};

// Throws MapError. The file stays mapped while any copy of the returned pointer lives.
std::shared_ptr<const MapData> load_map(const std::filesystem::path& file);
// The same checks on bytes in memory (tests, fuzzing); the buffer is kept alive by the result.
std::shared_ptr<const MapData> parse_map(std::shared_ptr<const std::vector<char>> bytes);

}  // namespace kiosk
