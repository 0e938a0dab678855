#pragma once
// Draws the compiled map into an ImGui draw list: areas as triangles, roads as lines with casing by
// class, railways and rivers; the labels (map_labels.h) and markers (map_markers.h) go on top.

#include <imgui.h>

#include <vector>

#include "core/mapdata/map_data.h"
#include "map/map_camera.h"
#include "map/map_style.h"

namespace kiosk::map {

// Buffers reused from frame to frame (no allocation once warm).
struct MapScratch {
  std::vector<std::uint32_t> visible;  // what the last draw_map drew, for the labels
  std::vector<std::uint8_t> marks;
  std::vector<ImVec2> line;
};

struct MapDrawStats {
  std::size_t features = 0, triangles = 0, lines = 0;
};

// Draws what the camera sees inside `rect` (x0, y0, x1, y1), clipped to it.
MapDrawStats draw_map(ImDrawList* dl, const MapData& map, const MapCamera& cam, const MapStyle& style,
                      const ImVec4& rect, MapScratch& scratch);

// A polyline in world coordinates, e.g. a route, with a casing.
void draw_world_line(ImDrawList* dl, const MapCamera& cam, const std::vector<kmap::Point>& pts, ImU32 color,
                     float width, ImU32 casing, float casing_width, std::vector<ImVec2>& scratch);

}  // namespace kiosk::map
