#pragma once
// Builds a compiled map in memory and writes it: the map compiler's output side, also used by tests
// that need small or deliberately broken maps.

#include <filesystem>
#include <map>
#include <string>
#include <utility>
#include <vector>

#include "core/mapdata/map_format.h"

namespace kiosk {

struct MapContents {
  kmap::Header header{};  // magic, version, counts and size are filled in by serialize
  std::vector<char> strings{'\0'};
  std::vector<kmap::NameEntry> names;
  std::vector<kmap::NameSet> name_sets{{0, 0}};
  std::vector<kmap::Point> points;
  std::vector<kmap::Ring> rings;
  std::vector<std::uint32_t> indices;
  std::vector<kmap::Geometry> geometries;
  std::vector<kmap::Feature> features;
  std::vector<kmap::TreeNode> tree_nodes;
  std::vector<std::uint32_t> tree_items;
  std::vector<kmap::RouteNode> route_nodes;
  std::vector<kmap::RouteEdge> route_edges;
  std::vector<std::uint32_t> route_adjacency;
  std::vector<std::uint32_t> route_offsets{0};
  std::vector<kmap::Point> route_shape;
  std::vector<kmap::Poi> pois;

  std::map<std::string, std::uint32_t, std::less<>> string_ids;
  std::map<std::vector<std::pair<std::string, std::string>>, std::uint32_t> name_set_ids;

  std::uint32_t add_string(std::string_view s);  // deduplicated
  // (language, name) pairs, "" for the local name; deduplicated; 0 for none.
  std::uint32_t add_name_set(std::vector<std::pair<std::string, std::string>> names);
  // Builds the route adjacency (CSR) from route_edges.
  void build_adjacency();
  // Builds the packed R-tree over features (their boxes must be set).
  void build_tree(std::uint32_t node_size = 16);
  // Moves the geometries drawn at the coarsest level of detail (with their points, rings and triangles)
  // to the end of their sections, in the features' drawing order: a whole-city frame then reads one
  // stretch of the file front to back instead of pages all over it.
  void group_coarse_geometry();
};

std::vector<char> serialize(const MapContents& m);
// Writes to a temporary file next to `file`, then renames: a reader never sees half a map.
void write_map(const MapContents& m, const std::filesystem::path& file);

}  // namespace kiosk
