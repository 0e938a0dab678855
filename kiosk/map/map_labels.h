#pragma once
// Street and place names on the map, shaped by the text pipeline: places centred on their point,
// streets along their longest straight stretch, upright, never overlapping each other or what is
// reserved (markers, the kiosk's position).

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "core/mapdata/map_data.h"
#include "map/map_camera.h"
#include "map/map_style.h"
#include "text/text_engine.h"

namespace kiosk::map {

struct LabelOptions {
  std::string lang;  // the resident's language: its name:xx where the map has one, else the local name
  float unit = 1;    // one design pixel
  float text_scale = 1;
  // Street names turned along their street. Off where the renderer samples textures without filtering
  // (SDL's software renderer): turned glyphs would alias, so names sit level on their street instead.
  bool along_lines = true;
};

struct LabelScratch {
  std::vector<ImRect> placed;
  std::vector<ImVec2> line;
  struct Seen {
    std::string_view name;
    ImVec2 at;
  };
  std::vector<Seen> seen;
  std::vector<std::uint32_t> places;
};

// Labels the features in `visible` (what draw_map drew: MapScratch::visible). Returns the number of
// labels drawn. `reserved` rectangles are kept free.
int draw_labels(ImDrawList* dl, text::TextEngine& engine, const MapData& map, const MapCamera& cam,
                const MapStyle& style, const ImVec4& rect, const LabelOptions& options,
                const std::vector<std::uint32_t>& visible, const std::vector<ImRect>& reserved, LabelScratch& scratch);

}  // namespace kiosk::map
