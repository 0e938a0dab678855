#pragma once
// Compiles an OpenStreetMap extract into the kiosk's map file (.kmap): drawing layers with geometry
// simplified per level of detail and polygons triangulated (GEOS), a spatial index, the service POIs,
// and the pedestrian routing graph with what walking and wheelchair routing need.

#include <filesystem>
#include <map>
#include <optional>
#include <string>

#include "core/import/coastline.h"
#include "core/routing/foot_access.h"

namespace kiosk {

struct MapCompileOptions {
  std::filesystem::path pbf;
  std::filesystem::path out;
  FootRules foot = foot_rules("");  // which untagged roads are walkable (the bundle's country)
  std::optional<BoundingBox> area;  // the bundle's area: used when the extract has no bounding box
};

struct MapCompileReport {
  std::map<std::string, std::size_t> features;  // per kind
  std::size_t points = 0, triangles = 0;
  std::size_t route_nodes = 0, route_edges = 0;
  std::size_t pois = 0;
  std::size_t polygons_failed = 0;  // invalid polygons GEOS could not repair or triangulate
  SeaReport sea;                    // the sea, from coastlines closed along the extract's box
  std::size_t bytes = 0;
  double seconds = 0;
};

// Throws std::runtime_error when the extract cannot be read or the map cannot be written.
MapCompileReport compile_map(const MapCompileOptions& options);

}  // namespace kiosk
