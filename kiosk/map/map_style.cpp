#include "map/map_style.h"

namespace kiosk::map {

namespace {
constexpr ImU32 rgb(unsigned r, unsigned g, unsigned b, unsigned a = 255) {
  return IM_COL32(r, g, b, a);
}

// path, footway, steps, pedestrian, service, residential, tertiary, secondary, primary, motorway
constexpr float widths[] = {2, 2.5f, 3, 6, 5, 9, 11, 13, 15, 18};
constexpr float min_px[] = {1, 1, 1.5f, 1.5f, 1, 1.5f, 2, 2.5f, 3, 3};
}  // namespace

MapStyle map_style_calm() {
  MapStyle s{};
  // Muted land and roads, so that the coloured service markers and the route carry the eye.
  s.land = rgb(242, 239, 233);
  s.water = rgb(170, 205, 228);
  s.park = rgb(205, 230, 198);
  s.grass = rgb(218, 236, 208);
  s.forest = rgb(190, 220, 184);
  s.cemetery = rgb(208, 224, 204);
  s.pitch = rgb(200, 228, 206);
  s.building = rgb(222, 216, 208);
  s.building_outline = rgb(200, 192, 182);
  s.road_casing = rgb(196, 190, 182);
  const ImU32 white = rgb(255, 255, 255);
  const ImU32 roads[] = {rgb(232, 226, 216), rgb(250, 248, 244), rgb(214, 196, 170), rgb(248, 246, 240), white, white,
                         rgb(255, 250, 224), rgb(253, 240, 200), rgb(252, 226, 180), rgb(246, 204, 160)};
  for (int i = 0; i < static_cast<int>(kmap::RoadClass::count); ++i) {
    s.road[i] = roads[i];
    s.road_width_m[i] = widths[i];
    s.road_min_px[i] = min_px[i];
  }
  s.rail = rgb(150, 146, 140);
  s.label = rgb(70, 66, 60);
  s.label_halo = rgb(255, 255, 255, 220);
  s.place_label = rgb(60, 56, 52);
  s.route = rgb(0, 92, 200);
  s.route_casing = rgb(255, 255, 255);
  s.here = rgb(200, 30, 60);
  s.here_ring = rgb(255, 255, 255);
  s.cluster_text = rgb(255, 255, 255);
  return s;
}

MapStyle map_style_high_contrast() {
  MapStyle s = map_style_calm();
  // Black land, white roads, saturated water and green: every edge at least 3:1 against its neighbour.
  s.land = rgb(0, 0, 0);
  s.water = rgb(0, 70, 160);
  s.park = s.grass = s.forest = s.cemetery = s.pitch = rgb(0, 90, 30);
  s.building = rgb(70, 70, 70);
  s.building_outline = rgb(160, 160, 160);
  s.road_casing = rgb(0, 0, 0);
  for (auto& r : s.road) r = rgb(255, 255, 255);
  s.road[static_cast<int>(kmap::RoadClass::steps)] = rgb(255, 220, 0);
  s.rail = rgb(200, 200, 200);
  s.label = rgb(255, 255, 255);
  s.label_halo = rgb(0, 0, 0, 255);
  s.place_label = rgb(255, 255, 0);
  s.route = rgb(0, 200, 255);
  s.route_casing = rgb(0, 0, 0);
  s.here = rgb(255, 60, 60);
  s.here_ring = rgb(255, 255, 255);
  s.outlines = true;
  return s;
}

}  // namespace kiosk::map
