#pragma once
// Where the map looks: a point in map metres at the centre of the view, a scale, and a rotation so
// that "up" on the screen is the way the person in front of the kiosk faces.

#include <imgui.h>

#include "core/mapdata/map_format.h"

namespace kiosk::map {

struct MapCamera {
  float cx = 0, cy = 0;   // world point (metres east, north of the map's origin) at the view's centre
  float scale = 0.25f;    // screen pixels per metre
  float heading_deg = 0;  // compass direction that points up on the screen
  ImVec2 screen_center{960, 540};
  float lowest = 0.08f;  // the smallest scale zooming out may reach: low enough that the whole area fits

  [[nodiscard]] ImVec2 to_screen(kmap::Point p) const;
  [[nodiscard]] kmap::Point to_world(ImVec2 s) const;
  // The world box that covers a screen rectangle (larger than it when rotated).
  void visible_box(const ImVec4& screen_rect, float& min_x, float& min_y, float& max_x, float& max_y) const;
  // Level of detail for the scale: 0 street, 1 district, 2 city.
  [[nodiscard]] int lod() const { return scale >= 0.9f ? 0 : scale >= 0.3f ? 1 : 2; }
};

inline constexpr float min_scale = 0.08f, max_scale = 8.0f;  // min_scale: unless the area needs less

// Keeps the screen point `at` over the same world point while zooming by `factor`.
void zoom_at(MapCamera& c, ImVec2 at, float factor);
// Moves the map with a finger: the world under the finger follows it.
void pan_by(MapCamera& c, ImVec2 delta_px);
// Centres and scales so that the world box fits into the screen rectangle (rotation included).
void fit(MapCamera& c, float min_x, float min_y, float max_x, float max_y, const ImVec4& screen_rect, float margin_px);

}  // namespace kiosk::map
