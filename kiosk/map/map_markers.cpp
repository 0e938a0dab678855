#include "map/map_markers.h"

#include <cmath>
#include <numbers>

#include "text/text_imgui.h"

namespace kiosk::map {

void draw_markers(ImDrawList* dl, text::TextEngine& engine, const MapCamera& cam, const ImVec4& rect,
                  const std::vector<MapMarker>& markers, const MapStyle& style, float unit, const std::string& locale,
                  std::vector<MarkerHit>& hits, const std::string& highlight) {
  // Greedy clustering in screen space: a marker joins the first cluster whose first marker is nearer
  // than `cell`. In the bundle's order, so that the picture is the same every frame.
  const float cell = 56 * unit;
  struct Cluster {
    float x0 = 0, y0 = 0;  // the first marker, where others are measured from
    float sx = 0, sy = 0, wx = 0, wy = 0;
    int count = 0;
    const MapMarker* first = nullptr;
  };
  std::vector<Cluster> cells;
  const MapMarker* highlighted = nullptr;
  for (const auto& mk : markers) {
    const ImVec2 s = cam.to_screen(mk.at);
    if (s.x < rect.x - cell || s.x > rect.z + cell || s.y < rect.y - cell || s.y > rect.w + cell) continue;
    if (!highlight.empty() && mk.id == highlight) {
      highlighted = &mk;  // the chosen service is never hidden in a cluster
      continue;
    }
    Cluster* c = nullptr;
    for (auto& candidate : cells)
      if (std::abs(candidate.x0 - s.x) < cell && std::abs(candidate.y0 - s.y) < cell) {
        c = &candidate;
        break;
      }
    if (!c) {
      c = &cells.emplace_back();
      c->x0 = s.x, c->y0 = s.y, c->first = &mk;
    }
    c->sx += s.x, c->sy += s.y, c->wx += mk.at.x, c->wy += mk.at.y;
    ++c->count;
  }
  dl->PushClipRect({rect.x, rect.y}, {rect.z, rect.w}, true);
  const float r = 16 * unit;
  // The category's pictogram in white on its colour (whose contrast with white the theme test checks).
  // Drawn after all pins: one texture switch for all of them instead of two per marker (a city has
  // hundreds on screen).
  struct Symbol {
    const text::Pictogram* pictogram;
    ImVec2 at;
    float size;
  };
  std::vector<Symbol> symbols;
  std::vector<std::pair<std::shared_ptr<const text::Paragraph>, ImVec2>> counts;  // clusters' numbers, also after
  auto symbol = [&](const MapMarker& mk, ImVec2 p, float radius) {
    if (mk.pictogram.valid())
      symbols.push_back({&mk.pictogram, p, std::round(radius * 1.45f)});
    else
      dl->AddCircleFilled(p, 4 * unit, IM_COL32_WHITE, 12);
  };
  auto draw_symbols = [&] {
    for (const Symbol& s : symbols) text::draw_pictogram(dl, engine, *s.pictogram, s.at, s.size, IM_COL32_WHITE, false);
    for (const auto& [para, at] : counts) text::draw_paragraph(dl, engine, *para, at, style.cluster_text);
    symbols.clear();
    counts.clear();
  };
  auto pin = [&](ImVec2 p, ImU32 colour, float radius) {
    dl->AddCircleFilled({p.x, p.y + 2 * unit}, radius + 3 * unit, IM_COL32(0, 0, 0, 60), 24);
    dl->AddCircleFilled(p, radius + 3 * unit, IM_COL32(255, 255, 255, 255), 24);
    dl->AddCircleFilled(p, radius, colour, 24);
  };
  for (const auto& c : cells) {
    const ImVec2 p(c.sx / static_cast<float>(c.count), c.sy / static_cast<float>(c.count));
    MarkerHit hit;
    hit.count = c.count;
    hit.centre = {c.wx / static_cast<float>(c.count), c.wy / static_cast<float>(c.count)};
    if (c.count == 1) {
      pin(p, c.first->colour, r);
      symbol(*c.first, p, r);
      hit.id = c.first->id;
      hit.box = ImRect({p.x - r - 8 * unit, p.y - r - 8 * unit}, {p.x + r + 8 * unit, p.y + r + 8 * unit});
    } else {
      const float cr = r + 6 * unit;
      pin(p, IM_COL32(60, 60, 70, 255), cr);
      text::LayoutRequest req;
      req.text = std::to_string(c.count);
      req.locale = locale;
      req.size_px = 18 * unit;
      req.bold = true;
      const auto para = engine.layout(req);
      counts.emplace_back(para, ImVec2(p.x - para->width / 2, p.y - para->height / 2));
      hit.box = ImRect({p.x - cr - 6 * unit, p.y - cr - 6 * unit}, {p.x + cr + 6 * unit, p.y + cr + 6 * unit});
    }
    hits.push_back(std::move(hit));
  }
  draw_symbols();
  if (highlighted) {
    const ImVec2 p = cam.to_screen(highlighted->at);
    const float hr = r * 1.5f;
    // A pin with a point, so that the destination reads differently from the other markers.
    dl->AddTriangleFilled({p.x - hr * 0.7f, p.y - hr * 0.9f}, {p.x + hr * 0.7f, p.y - hr * 0.9f}, p,
                          IM_COL32(255, 255, 255, 255));
    pin({p.x, p.y - hr * 1.6f}, highlighted->colour, hr);
    symbol(*highlighted, {p.x, p.y - hr * 1.6f}, hr);
    draw_symbols();
    hits.push_back({ImRect({p.x - hr, p.y - hr * 3}, {p.x + hr, p.y}), highlighted->id, highlighted->at, 1});
  }
  dl->PopClipRect();
}

ImRect draw_you_are_here(ImDrawList* dl, const MapCamera& cam, kmap::Point at, float facing_deg, const MapStyle& style,
                         float unit) {
  const ImVec2 p = cam.to_screen(at);
  // The facing direction on screen: the map may be turned, so turn the wedge with it.
  const float a = (facing_deg - cam.heading_deg) * std::numbers::pi_v<float> / 180.0f;
  const ImVec2 dir(std::sin(a), -std::cos(a)), side(std::cos(a), std::sin(a));
  const float r = 14 * unit, len = 46 * unit;
  dl->AddTriangleFilled({p.x + side.x * r * 1.1f, p.y + side.y * r * 1.1f}, {p.x + dir.x * len, p.y + dir.y * len},
                        {p.x - side.x * r * 1.1f, p.y - side.y * r * 1.1f}, (style.here & 0x00FFFFFFu) | 0x90000000u);
  dl->AddCircleFilled(p, r + 4 * unit, style.here_ring, 32);
  dl->AddCircleFilled(p, r, style.here, 32);
  return ImRect({p.x - len, p.y - len}, {p.x + len, p.y + len});
}

}  // namespace kiosk::map
