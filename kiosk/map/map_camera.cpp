#include "map/map_camera.h"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk::map {

namespace {
float rad(float deg) {
  return deg * std::numbers::pi_v<float> / 180.0f;
}
}  // namespace

ImVec2 MapCamera::to_screen(kmap::Point p) const {
  const float c = std::cos(rad(heading_deg)), s = std::sin(rad(heading_deg));
  const float dx = p.x - cx, dy = p.y - cy;
  return {screen_center.x + (dx * c - dy * s) * scale, screen_center.y - (dx * s + dy * c) * scale};
}

kmap::Point MapCamera::to_world(ImVec2 p) const {
  const float c = std::cos(rad(heading_deg)), s = std::sin(rad(heading_deg));
  const float rx = (p.x - screen_center.x) / scale, ry = -(p.y - screen_center.y) / scale;
  return {cx + rx * c + ry * s, cy - rx * s + ry * c};
}

void MapCamera::visible_box(const ImVec4& r, float& min_x, float& min_y, float& max_x, float& max_y) const {
  const kmap::Point corners[4] = {to_world({r.x, r.y}), to_world({r.z, r.y}), to_world({r.x, r.w}),
                                  to_world({r.z, r.w})};
  min_x = max_x = corners[0].x;
  min_y = max_y = corners[0].y;
  for (const auto& p : corners) {
    min_x = std::min(min_x, p.x), max_x = std::max(max_x, p.x);
    min_y = std::min(min_y, p.y), max_y = std::max(max_y, p.y);
  }
}

void zoom_at(MapCamera& c, ImVec2 at, float factor) {
  const kmap::Point before = c.to_world(at);
  c.scale = std::clamp(c.scale * factor, std::min(c.lowest, min_scale), max_scale);
  const kmap::Point after = c.to_world(at);
  c.cx += before.x - after.x;
  c.cy += before.y - after.y;
}

void pan_by(MapCamera& c, ImVec2 d) {
  const kmap::Point a = c.to_world(c.screen_center);
  const kmap::Point b = c.to_world({c.screen_center.x - d.x, c.screen_center.y - d.y});
  c.cx += b.x - a.x;
  c.cy += b.y - a.y;
}

void fit(MapCamera& c, float min_x, float min_y, float max_x, float max_y, const ImVec4& r, float margin) {
  c.cx = (min_x + max_x) / 2;
  c.cy = (min_y + max_y) / 2;
  c.screen_center = {(r.x + r.z) / 2, (r.y + r.w) / 2};
  // Extent of the box's corners once rotated.
  const float co = std::cos(rad(c.heading_deg)), si = std::sin(rad(c.heading_deg));
  float w = 0, h = 0;
  for (const float x : {min_x - c.cx, max_x - c.cx})
    for (const float y : {min_y - c.cy, max_y - c.cy}) {
      w = std::max(w, std::abs(x * co - y * si));
      h = std::max(h, std::abs(x * si + y * co));
    }
  const float avail_w = std::max(1.0f, (r.z - r.x) / 2 - margin), avail_h = std::max(1.0f, (r.w - r.y) / 2 - margin);
  c.scale = std::clamp(std::min(w > 0 ? avail_w / w : max_scale, h > 0 ? avail_h / h : max_scale),
                       std::min(c.lowest, min_scale), max_scale);
}

}  // namespace kiosk::map
