#include "ui/map_panel.h"

#include <cmath>

#include "ui/widgets.h"

namespace kiosk::ui {

map::MapStyle map_style_for(const UiEnv& env) {
  return env.theme.name == "high-contrast" ? map::map_style_high_contrast() : map::map_style_calm();
}

map::MapCamera camera_at_kiosk(const UiEnv& env, const ImRect& r, float scale) {
  map::MapCamera cam;
  if (env.map) {
    const kmap::Point here = env.map->project(env.here);
    cam.cx = here.x;
    cam.cy = here.y;
  }
  cam.scale = scale;
  cam.heading_deg = env.kiosk ? static_cast<float>(env.kiosk->heading_deg) : 0.0f;
  cam.screen_center = r.GetCenter();
  return cam;
}

map::MapCamera camera_on_area(const UiEnv& env, const ImRect& r) {
  map::MapCamera cam = camera_at_kiosk(env, r, map::min_scale);
  if (!env.map) return cam;
  const BoundingBox& a = env.content->bundle.area;
  float x0 = env.map->header.min_x, y0 = env.map->header.min_y, x1 = env.map->header.max_x, y1 = env.map->header.max_y;
  if (a.north > a.south && a.east > a.west) {
    const kmap::Point sw = env.map->project({a.south, a.west}), ne = env.map->project({a.north, a.east});
    x0 = sw.x, y0 = sw.y, x1 = ne.x, y1 = ne.y;
  }
  cam.lowest = 0;  // whatever the area needs
  map::fit(cam, x0, y0, x1, y1, ImVec4(r.Min.x, r.Min.y, r.Max.x, r.Max.y), 20 * env.unit);
  cam.lowest = std::min(cam.scale, map::min_scale);
  return cam;
}

void draw_map_panel(UiEnv& env, const map::MapCamera& cam, const ImRect& r, const Route* route,
                    const std::string& highlight, bool all_markers, std::vector<map::MarkerHit>& hits,
                    const std::vector<ImRect>& keep_free) {
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const float u = env.unit;
  if (!env.map) {
    dl->AddRectFilled(r.Min, r.Max, env.theme.surface, 18 * u);
    text_at(env, tr(env, "map.unavailable"), ImVec2(r.Min.x + 30 * u, r.GetCenter().y - 30 * u), r.GetWidth() - 60 * u,
            {28, false, text::Align::center}, env.theme.text_muted);
    return;
  }
  const map::MapStyle style = map_style_for(env);
  const ImVec4 rect(r.Min.x, r.Min.y, r.Max.x, r.Max.y);
  const MapData& shown = env.map->for_lod(cam.lod());  // the whole-city layer when zoomed out
  map::draw_map(dl, shown, cam, style, rect, env.map_scratch);
  dl->PushClipRect(r.Min, r.Max, true);
  if (route && route->path.size() >= 2) {
    map::draw_world_line(dl, cam, route->path, style.route, 7 * u, style.route_casing, 12 * u, env.map_scratch.line);
  }
  dl->PopClipRect();
  const std::size_t first_hit = hits.size();
  if (all_markers) {
    map::draw_markers(dl, *env.text, cam, rect, env.markers, style, u, env.locale, hits, highlight);
  } else {
    std::vector<map::MapMarker> one;
    for (const auto& m : env.markers)
      if (m.id == highlight) one.push_back(m);
    map::draw_markers(dl, *env.text, cam, rect, one, style, u, env.locale, hits, highlight);
  }
  // "You are here" on top of everything: it is what a person looks for first.
  const kmap::Point here = env.map->project(env.here);
  const float facing = env.kiosk ? static_cast<float>(env.kiosk->heading_deg) : cam.heading_deg;
  dl->PushClipRect(r.Min, r.Max, true);
  std::vector<ImRect> reserved{draw_you_are_here(dl, cam, here, facing, style, u)};
  dl->PopClipRect();
  for (std::size_t i = first_hit; i < hits.size(); ++i) reserved.push_back(hits[i].box);
  reserved.insert(reserved.end(), keep_free.begin(), keep_free.end());
  // Attribution, required by the ODbL, on every map: laid out first so that no label covers it.
  const auto attribution = para(env, tr(env, "map.attribution"), r.GetWidth() - 24 * u, {16, false, text::Align::end});
  const ImVec2 at(r.Max.x - attribution->width - 12 * u, r.Max.y - attribution->height - 8 * u);
  const ImRect attribution_r(ImVec2(r.Max.x - attribution->width - 20 * u, at.y - 4 * u), r.Max);
  reserved.push_back(attribution_r);
  map::LabelOptions lo;
  lo.lang = env.locale;
  lo.unit = u;
  lo.along_lines = env.settings->smooth_textures;
  lo.text_scale = std::min(env.theme.text_scale, 1.5f);  // map labels grow less: they would cover the map
  map::draw_labels(dl, *env.text, shown, cam, style, rect, lo, env.map_scratch.visible, reserved, env.label_scratch);
  dl->AddRectFilled(attribution_r.Min, attribution_r.Max, IM_COL32(255, 255, 255, 200));
  draw_para(env, *attribution, at, IM_COL32(40, 40, 40, 255));
  note_text(env, tr(env, "map.attribution"), attribution_r);
}

void draw_qr(ImDrawList* dl, const QrCode& qr, ImVec2 pos, float size) {
  const int quiet = 4;
  const float m = size / static_cast<float>(qr.size + 2 * quiet);
  dl->AddRectFilled(pos, ImVec2(pos.x + size, pos.y + size), IM_COL32(255, 255, 255, 255));
  for (int y = 0; y < qr.size; ++y)
    for (int x = 0; x < qr.size; ++x)
      if (qr.at(x, y)) {
        const ImVec2 a(std::floor(pos.x + static_cast<float>(x + quiet) * m),
                       std::floor(pos.y + static_cast<float>(y + quiet) * m));
        const ImVec2 b(std::floor(pos.x + static_cast<float>(x + quiet + 1) * m),
                       std::floor(pos.y + static_cast<float>(y + quiet + 1) * m));
        dl->AddRectFilled(a, b, IM_COL32(0, 0, 0, 255));
      }
}

}  // namespace kiosk::ui
