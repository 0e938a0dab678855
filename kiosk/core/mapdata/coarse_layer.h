#pragma once
// The whole-city layer of a map: the features drawn at the coarsest level of detail.

#include <functional>
#include <memory>

#include "core/mapdata/map_data.h"

namespace kiosk {

// A MapData of copies of the features of `m` that have a geometry at the coarsest level, in drawing
// order (a twentieth of a metropolis's features); everything else is m's own. It has no tree: its query
// scans its features. A whole-city frame then reads a megabyte of features in a row, and the geometries
// they draw, which the map compiler places together at the end of the file (group_coarse_geometry),
// instead of walking features scattered over a file of hundreds of megabytes. `release_pages` (if
// given) is called every 65,536 features read, so that they do not stay resident in a mapped file.
std::shared_ptr<const MapData> make_coarse_layer(const MapData& m,
                                                 const std::function<void(std::size_t read)>& release_pages = {});

}  // namespace kiosk
