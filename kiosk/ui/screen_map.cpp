// The full map screen: the city around the kiosk, turned to the way the person faces, with every
// service as a marker. Drag to pan (it coasts), pinch or double-tap to zoom, tap a marker to open it.

#include <algorithm>
#include <cmath>

#include "text/text_imgui.h"
#include "ui/inertia.h"
#include "ui/map_panel.h"
#include "ui/pictograms.h"
#include "ui/screens.h"

namespace kiosk::ui {

namespace {

// Round buttons on the map, on the side a thumb reaches (mirrored in right-to-left locales).
bool map_button(UiEnv& env, const char* id, ImVec2 centre, float radius, const char* icon, const std::string& label) {
  const ImRect r(centre.x - radius, centre.y - radius, centre.x + radius, centre.y + radius);
  const bool tapped = tap_area(env, id, r, label);
  env.a11y.items.back().icon = icon;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Theme& t = env.theme;
  dl->AddCircleFilled(centre, radius, ImGui::IsItemActive() ? t.surface_pressed : t.surface, 40);
  dl->AddCircle(centre, radius, t.accent, 40, 3 * env.unit);
  text::draw_pictogram(dl, *env.text, find_pictogram(env, icon), centre, std::round(radius * 1.2f), t.text, env.rtl);
  return tapped;
}

}  // namespace

void draw_map(UiEnv& env, Session& s, const ImRect&) {
  const ImRect area = draw_top_bar(env, s, tr(env, "nav.map"));
  const float u = env.unit;
  const ImRect r(area.Min.x, area.Min.y, area.Max.x, area.Max.y);
  if (!s.map_view) s.map_view = camera_at_kiosk(env, r, 0.9f);
  map::MapCamera& cam = *s.map_view;
  cam.screen_center = r.GetCenter();

  // Where the controls sit (a thumb's side, mirrored in right-to-left locales): the map ignores touches there.
  const float br = 44 * u, gap = 20 * u;
  const float bx = env.rtl ? r.Min.x + br + 30 * u : r.Max.x - br - 30 * u;
  const float by = r.Max.y - br - 90 * u;
  const ImVec2 zoom_in_c(bx, by - 2 * (2 * br + gap)), zoom_out_c(bx, by - (2 * br + gap)), recenter_c(bx, by);
  const ImRect controls(bx - br, zoom_in_c.y - br, bx + br, by + br);

  // Gestures on the map itself.
  const ImGuiIO& io = ImGui::GetIO();
  const bool over_map = r.Contains(io.MousePos) && !controls.Contains(io.MousePos);
  const ImVec2 move = drag_with_inertia(s.map_velocity, over_map && ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.f),
                                        ImGui::IsMouseDown(ImGuiMouseButton_Left), io.MouseDelta, io.DeltaTime);
  cam.lowest = camera_on_area(env, r).lowest;  // zooming out goes as far as the whole area
  if (move.x != 0 || move.y != 0) map::pan_by(cam, move);
  if (env.input.pinch_factor != 1.0f) map::zoom_at(cam, env.input.pinch_center, env.input.pinch_factor);
  if (over_map && io.MouseWheel != 0) map::zoom_at(cam, io.MousePos, std::pow(1.25f, io.MouseWheel));
  // Keep the view on the city: the centre may not leave the map's extent.
  if (env.map) {
    const auto& h = env.map->header;
    cam.cx = std::clamp(cam.cx, h.min_x, h.max_x);
    cam.cy = std::clamp(cam.cy, h.min_y, h.max_y);
  }

  std::vector<map::MarkerHit> hits;
  draw_map_panel(env, cam, r, nullptr, {}, true, hits, {controls});
  if (map_button(env, "##zoom_in", zoom_in_c, br, "zoom_in", tr(env, "map.zoom_in")))
    map::zoom_at(cam, cam.screen_center, 2.0f);
  if (map_button(env, "##zoom_out", zoom_out_c, br, "zoom_out", tr(env, "map.zoom_out")))
    map::zoom_at(cam, cam.screen_center, 0.5f);
  if (map_button(env, "##recenter", recenter_c, br, "recentre", tr(env, "map.recenter"))) {
    cam = camera_at_kiosk(env, r, cam.scale);
    s.map_velocity = {0, 0};
  }

  // A tap (released without having moved) on a marker or the map.
  const bool released =
      over_map && ImGui::IsMouseReleased(ImGuiMouseButton_Left) && io.MouseDragMaxDistanceSqr[0] < 64.0f * u * u;
  if (released) {
    // Topmost marker under the finger; a cluster zooms in on its markers.
    for (auto it = hits.rbegin(); it != hits.rend(); ++it) {
      if (!it->box.Contains(io.MousePos)) continue;
      if (!it->id.empty()) {
        s.service = it->id;
        go(s, Screen::detail);
      } else {
        map::zoom_at(cam, cam.to_screen(it->centre), 2.5f);
      }
      return;
    }
    if (env.clock - s.last_map_tap < 0.35 &&
        std::hypot(io.MousePos.x - s.last_map_tap_pos.x, io.MousePos.y - s.last_map_tap_pos.y) < 40 * u) {
      map::zoom_at(cam, io.MousePos, 2.0f);  // double tap
      s.last_map_tap = -1;
    } else {
      s.last_map_tap = env.clock;
      s.last_map_tap_pos = io.MousePos;
    }
  }
}

}  // namespace kiosk::ui
