#pragma once
// How the map looks: a calm style in which the services stand out, and a high-contrast style.

#include <imgui.h>

#include "core/mapdata/map_format.h"

namespace kiosk::map {

struct MapStyle {
  ImU32 land, water, park, grass, forest, cemetery, pitch, building, building_outline;
  ImU32 road_casing, road[static_cast<int>(kmap::RoadClass::count)];
  ImU32 rail, label, label_halo, place_label, route, route_casing, here, here_ring, cluster_text;
  float road_width_m[static_cast<int>(kmap::RoadClass::count)];  // drawn width at street zoom, metres
  float road_min_px[static_cast<int>(kmap::RoadClass::count)];   // never thinner than this
  bool outlines = false;                                         // building outlines (high contrast)
};

MapStyle map_style_calm();
MapStyle map_style_high_contrast();

}  // namespace kiosk::map
