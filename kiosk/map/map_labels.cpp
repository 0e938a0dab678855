#include "map/map_labels.h"

#include <algorithm>
#include <cmath>
#include <numbers>

#include "text/text_imgui.h"

namespace kiosk::map {

namespace {

using kmap::FeatureKind;

bool collides(const std::vector<ImRect>& rects, const ImRect& r) {
  for (const auto& o : rects)
    if (o.Overlaps(r)) return true;
  return false;
}

void draw_with_halo(ImDrawList* dl, text::TextEngine& engine, const text::Paragraph& p, ImVec2 c, float angle,
                    ImU32 color, ImU32 halo, float unit) {
  const float d = 1.6f * unit;
  static constexpr float dirs[8][2] = {{1, 0},       {-1, 0},       {0, 1},        {0, -1},
                                       {0.7f, 0.7f}, {-0.7f, 0.7f}, {0.7f, -0.7f}, {-0.7f, -0.7f}};
  for (const auto& o : dirs) text::draw_paragraph_rotated(dl, engine, p, {c.x + o[0] * d, c.y + o[1] * d}, angle, halo);
  text::draw_paragraph_rotated(dl, engine, p, c, angle, color);
}

// Box on screen of a w × h label centred at c and turned by angle.
ImRect turned_box(ImVec2 c, float w, float h, float angle) {
  const float co = std::abs(std::cos(angle)), si = std::abs(std::sin(angle));
  const float hw = (w * co + h * si) / 2, hh = (w * si + h * co) / 2;
  return {{c.x - hw, c.y - hh}, {c.x + hw, c.y + hh}};
}

// The longest run of the line that is nearly straight, as a chord (a, b).
bool straight_run(const std::vector<ImVec2>& pts, ImVec2& a, ImVec2& b) {
  float best = 0;
  for (std::size_t i = 0; i + 1 < pts.size(); ++i) {
    const float dir = std::atan2(pts[i + 1].y - pts[i].y, pts[i + 1].x - pts[i].x);
    std::size_t j = i + 1;
    while (j + 1 < pts.size()) {
      const float d2 = std::atan2(pts[j + 1].y - pts[j].y, pts[j + 1].x - pts[j].x);
      float diff = std::abs(d2 - dir);
      if (diff > std::numbers::pi_v<float>) diff = 2 * std::numbers::pi_v<float> - diff;
      if (diff > 0.2f) break;
      ++j;
    }
    const float len = std::hypot(pts[j].x - pts[i].x, pts[j].y - pts[i].y);
    if (len > best) best = len, a = pts[i], b = pts[j];
  }
  return best > 0;
}

// Whether a label centred at c cannot be placed: its box would hold c, and c lies in a placed box. Asked
// before laying the label out, which costs far more.
bool centre_taken(const std::vector<ImRect>& placed, ImVec2 c) {
  for (const auto& r : placed)
    if (r.Contains(c)) return true;
  return false;
}

}  // namespace

int draw_labels(ImDrawList* dl, text::TextEngine& engine, const MapData& m, const MapCamera& cam, const MapStyle& style,
                const ImVec4& rect, const LabelOptions& o, const std::vector<std::uint32_t>& visible,
                const std::vector<ImRect>& reserved, LabelScratch& sc) {
  sc.placed = reserved;
  sc.seen.clear();
  const int lod = cam.lod();
  const ImRect view({rect.x, rect.y}, {rect.z, rect.w});
  int drawn = 0;
  dl->PushClipRect(view.Min, view.Max, true);

  auto layout = [&](std::string_view name, float size, bool bold) {
    text::LayoutRequest r;
    r.text = std::string(name);
    r.locale = o.lang;
    r.size_px = size * o.unit * o.text_scale;
    r.bold = bold;
    r.direction = text::Direction::from_text;
    return engine.layout(r);
  };

  // Places first (the city's districts orient people), biggest first.
  sc.places.clear();
  for (const std::uint32_t id : visible) {
    const auto& f = m.features[id];
    if (static_cast<FeatureKind>(f.kind) == FeatureKind::place && f.cls < static_cast<int>(kmap::PlaceClass::count) &&
        f.geometry[lod] != kmap::none)
      sc.places.push_back(id);
  }
  std::stable_sort(sc.places.begin(), sc.places.end(),
                   [&](std::uint32_t a, std::uint32_t b) { return m.features[a].cls < m.features[b].cls; });
  for (const std::uint32_t id : sc.places) {
    const auto& f = m.features[id];
    const std::string_view name = m.name(f.name_set, o.lang);
    if (name.empty()) continue;
    const ImVec2 c = cam.to_screen(m.points[m.geometries[f.geometry[lod]].first_point]);
    if (!view.Contains(c) || centre_taken(sc.placed, c)) continue;
    const bool big = f.cls <= static_cast<int>(kmap::PlaceClass::suburb);
    const auto p = layout(name, big ? 26.0f : 20.0f, big);
    const ImRect box = turned_box(c, p->width + 8 * o.unit, p->height, 0);
    if (!view.Contains(box) || collides(sc.placed, box)) continue;
    draw_with_halo(dl, engine, *p, c, 0, style.place_label, style.label_halo, o.unit);
    sc.placed.push_back(box);
    ++drawn;
  }

  // Streets from the most important down, at district zoom and closer.
  if (cam.scale >= 0.45f) {
    for (auto it = visible.rbegin(); it != visible.rend(); ++it) {
      const auto& f = m.features[*it];
      if (static_cast<FeatureKind>(f.kind) != FeatureKind::road || f.name_set == 0) continue;
      const auto cls = static_cast<kmap::RoadClass>(f.cls);
      if (cls < kmap::RoadClass::pedestrian && cam.scale < 2.5f) continue;
      if (cls < kmap::RoadClass::tertiary && cam.scale < 0.9f) continue;
      const std::uint32_t gi = f.geometry[0];
      if (gi == kmap::none) continue;
      const std::string_view name = m.name(f.name_set, o.lang);
      if (name.empty()) continue;
      const auto& g = m.geometries[gi];
      sc.line.clear();
      for (std::uint32_t i = g.first_point; i < g.first_point + g.point_count; ++i)
        sc.line.push_back(cam.to_screen(m.points[i]));
      ImVec2 a, b;
      if (!straight_run(sc.line, a, b)) continue;
      const ImVec2 c((a.x + b.x) / 2, (a.y + b.y) / 2);
      if (!view.Contains(c) || centre_taken(sc.placed, c)) continue;
      const auto p = layout(name, 19.0f, false);
      const float len = std::hypot(b.x - a.x, b.y - a.y);
      if (len < p->width + 16 * o.unit) continue;
      // The same street is often several ways: one label per street within a stretch of screen.
      bool near_same = false;
      for (const auto& s : sc.seen)
        if (s.name == name && std::hypot(s.at.x - c.x, s.at.y - c.y) < 350 * o.unit) near_same = true;
      if (near_same) continue;
      float angle = o.along_lines ? std::atan2(b.y - a.y, b.x - a.x) : 0.0f;
      if (angle > std::numbers::pi_v<float> / 2) angle -= std::numbers::pi_v<float>;  // keep text upright
      if (angle < -std::numbers::pi_v<float> / 2) angle += std::numbers::pi_v<float>;
      const ImRect box = turned_box(c, p->width + 6 * o.unit, p->height, angle);
      if (!view.Contains(box) || collides(sc.placed, box)) continue;
      draw_with_halo(dl, engine, *p, c, angle, style.label, style.label_halo, o.unit);
      sc.placed.push_back(box);
      sc.seen.push_back({name, c});
      ++drawn;
    }
  }
  dl->PopClipRect();
  return drawn;
}

}  // namespace kiosk::map
