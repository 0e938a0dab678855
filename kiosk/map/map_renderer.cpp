#include "map/map_renderer.h"

#include <imgui_internal.h>

#include <algorithm>

namespace kiosk::map {

namespace {

using kmap::FeatureKind;

ImU32 area_colour(const MapStyle& s, const kmap::Feature& f) {
  switch (static_cast<FeatureKind>(f.kind)) {
    case FeatureKind::water_area:
      return s.water;
    case FeatureKind::building:
      return s.building;
    case FeatureKind::green_area:
      switch (static_cast<kmap::GreenClass>(f.cls)) {
        case kmap::GreenClass::forest:
          return s.forest;
        case kmap::GreenClass::grass:
          return s.grass;
        case kmap::GreenClass::cemetery:
          return s.cemetery;
        case kmap::GreenClass::pitch:
          return s.pitch;
        default:
          return s.park;
      }
    default:
      return s.land;
  }
}

void fill_triangles(ImDrawList* dl, const MapData& m, const kmap::Geometry& g, const MapCamera& cam, ImU32 col) {
  // ImGui splits the buffer itself when 16-bit indices run out (ImDrawListFlags_AllowVtxOffset); one
  // geometry must fit into one such block.
  if (sizeof(ImDrawIdx) == 2 && g.point_count >= 65536) return;
  const ImVec2 uv = dl->_Data->TexUvWhitePixel;
  dl->PrimReserve(static_cast<int>(g.index_count), static_cast<int>(g.point_count));
  const auto base = static_cast<ImDrawIdx>(dl->_VtxCurrentIdx);
  for (std::uint32_t i = 0; i < g.point_count; ++i)
    dl->PrimWriteVtx(cam.to_screen(m.points[g.first_point + i]), uv, col);
  for (std::uint32_t i = 0; i < g.index_count; ++i)
    dl->PrimWriteIdx(static_cast<ImDrawIdx>(base + m.indices[g.first_index + i]));
}

void polyline(ImDrawList* dl, const MapData& m, std::uint32_t first, std::uint32_t count, const MapCamera& cam,
              ImU32 col, float width, bool closed, std::vector<ImVec2>& buf) {
  buf.clear();
  for (std::uint32_t i = first; i < first + count; ++i) buf.push_back(cam.to_screen(m.points[i]));
  if (buf.size() >= 2)
    dl->AddPolyline(buf.data(), static_cast<int>(buf.size()), col, closed ? ImDrawFlags_Closed : 0, width);
}

float road_px(const MapStyle& s, int cls, float scale) {
  return std::max(s.road_min_px[cls], s.road_width_m[cls] * scale);
}

}  // namespace

MapDrawStats draw_map(ImDrawList* dl, const MapData& m, const MapCamera& cam, const MapStyle& style, const ImVec4& rect,
                      MapScratch& scratch) {
  MapDrawStats stats;
  dl->PushClipRect({rect.x, rect.y}, {rect.z, rect.w}, true);
  dl->AddRectFilled({rect.x, rect.y}, {rect.z, rect.w}, style.land);
  float x0, y0, x1, y1;
  cam.visible_box(rect, x0, y0, x1, y1);
  const int lod = cam.lod();
  m.query(x0, y0, x1, y1, scratch.visible, &scratch.marks);
  // Smaller than a pixel or two: not worth drawing at this scale.
  const float min_size_m = 1.5f / cam.scale;

  // Areas and thin lines, in file order (which is drawing order); roads in two passes for their casing.
  std::size_t first_road = scratch.visible.size();
  for (std::size_t k = 0; k < scratch.visible.size(); ++k) {
    const auto& f = m.features[scratch.visible[k]];
    const auto kind = static_cast<FeatureKind>(f.kind);
    if (kind == FeatureKind::road || kind == FeatureKind::railway || kind == FeatureKind::place) {
      first_road = std::min(first_road, k);
      continue;
    }
    const std::uint32_t gi = f.geometry[lod];
    if (gi == kmap::none) continue;
    if (f.max_x - f.min_x < min_size_m && f.max_y - f.min_y < min_size_m) continue;
    const auto& g = m.geometries[gi];
    ++stats.features;
    if (kind == FeatureKind::water_line) {
      const float w = std::max(1.5f, (f.cls ? 8.0f : 2.5f) * cam.scale);
      polyline(dl, m, g.first_point, g.point_count, cam, style.water, w, false, scratch.line);
      ++stats.lines;
      continue;
    }
    fill_triangles(dl, m, g, cam, area_colour(style, f));
    stats.triangles += g.index_count / 3;
    if (kind == FeatureKind::building && (style.outlines || cam.scale >= 2.0f))
      for (std::uint32_t r = g.first_ring; r < g.first_ring + g.ring_count; ++r)
        polyline(dl, m, m.rings[r].first, m.rings[r].count, cam, style.building_outline, 1.0f, true, scratch.line);
  }
  // Road casings, then fills, then railways on top.
  for (int pass = 0; pass < 3; ++pass) {
    for (std::size_t k = first_road; k < scratch.visible.size(); ++k) {
      const auto& f = m.features[scratch.visible[k]];
      const auto kind = static_cast<FeatureKind>(f.kind);
      const std::uint32_t gi = f.geometry[lod];
      if (gi == kmap::none) continue;
      const auto& g = m.geometries[gi];
      const bool tunnel = f.flags & kmap::feature_tunnel;
      if (kind == FeatureKind::road && pass < 2) {
        const float w = road_px(style, f.cls, cam.scale);
        if (pass == 0 && (tunnel || w < 2.5f)) continue;  // thin lines need no casing
        const ImU32 col = pass == 0 ? style.road_casing
                          : tunnel  ? (style.road[f.cls] & 0x80FFFFFFu)
                                    : style.road[f.cls];
        polyline(dl, m, g.first_point, g.point_count, cam, col, pass == 0 ? w + 2.0f : w, false, scratch.line);
        if (pass == 1) ++stats.features, ++stats.lines;
      } else if (kind == FeatureKind::railway && pass == 2 && !tunnel) {
        polyline(dl, m, g.first_point, g.point_count, cam, style.rail, f.cls ? 1.5f : 2.5f, false, scratch.line);
        ++stats.features, ++stats.lines;
      }
    }
  }
  dl->PopClipRect();
  return stats;
}

void draw_world_line(ImDrawList* dl, const MapCamera& cam, const std::vector<kmap::Point>& pts, ImU32 color,
                     float width, ImU32 casing, float casing_width, std::vector<ImVec2>& buf) {
  buf.clear();
  for (const auto& p : pts) buf.push_back(cam.to_screen(p));
  if (buf.size() < 2) return;
  dl->AddPolyline(buf.data(), static_cast<int>(buf.size()), casing, 0, casing_width);
  dl->AddPolyline(buf.data(), static_cast<int>(buf.size()), color, 0, width);
  // Round the joints and ends, which ImGui's polyline leaves square.
  for (const auto& p : buf) dl->AddCircleFilled(p, width / 2, color, 12);
}

}  // namespace kiosk::map
