// Drawing the real Aachen map into an ImGui draw list (no window needed): what the camera sees is
// drawn, labels never overlap, markers cluster, and the whole city draws without a glitch.

#include <catch2/catch.hpp>

#include <imgui.h>
#include <imgui_internal.h>

#include "core/mapdata/map_data.h"
#include "map/map_labels.h"
#include "map/map_markers.h"
#include "map/map_renderer.h"
#include "support/imgui_context.h"
#include "support/test_support.h"
#include "text/text_engine.h"

using namespace kiosk;
using namespace kiosk::map;

namespace {

struct ImGuiFrame {
  kiosk::test::ImGuiContextForTest context;
  ImGuiFrame() {
    ImGui::NewFrame();
    ImGui::Begin("map");
  }
  ~ImGuiFrame() {
    ImGui::End();
    ImGui::EndFrame();
  }
  ImGuiFrame(const ImGuiFrame&) = delete;
  ImGuiFrame& operator=(const ImGuiFrame&) = delete;
};

// The sample city's map, the text engine and a draw list to draw them into.
struct SampleMapFrame {
  std::shared_ptr<const MapData> map = load_map(KIOSK_SAMPLE_KMAP);
  Diagnostics diags;
  std::unique_ptr<text::TextEngine> engine = text::make_text_engine(text::default_font_config(), diags);
  ImGuiFrame frame;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  MapScratch scratch;
};

}  // namespace

TEST_CASE_METHOD(SampleMapFrame, "the city and a street-level view draw areas, roads and non-overlapping labels",
                 "[map][draw]") {
  REQUIRE(engine);
  LabelScratch labels;
  const ImVec4 rect(0, 0, 1920, 1080);
  const auto centre = map->project({50.7753, 6.0839});

  MapCamera city{
      (map->header.min_x + map->header.max_x) / 2, (map->header.min_y + map->header.max_y) / 2, 0.2f, 0, {960, 540}};
  const auto whole = draw_map(dl, *map, city, map_style_calm(), rect, scratch);
  CHECK(whole.triangles > 2000);  // buildings are left out at city zoom
  CHECK(whole.lines > 500);

  MapCamera street{centre.x, centre.y, 3.0f, 340, {960, 540}};
  const int before = dl->VtxBuffer.Size;
  const auto near = draw_map(dl, *map, street, map_style_high_contrast(), rect, scratch);
  CHECK(near.features > 100);
  CHECK(near.features < whole.features);  // the index leaves out what is off screen
  CHECK(dl->VtxBuffer.Size > before);

  for (const std::string lang : {"de", "ar", "ta"}) {
    LabelOptions o;
    o.lang = lang;
    const int drawn = draw_labels(dl, *engine, *map, street, map_style_calm(), rect, o, scratch.visible, {}, labels);
    CHECK(drawn > 10);
    for (std::size_t i = 0; i < labels.placed.size(); ++i)
      for (std::size_t j = i + 1; j < labels.placed.size(); ++j)
        CHECK_FALSE(labels.placed[i].Overlaps(labels.placed[j]));
  }
}

TEST_CASE_METHOD(SampleMapFrame, "a whole-city frame draws the same from the whole-city layer as from the whole map",
                 "[map][draw]") {
  REQUIRE(engine);
  const ImVec4 rect(0, 0, 1920, 1080);
  for (const float dx : {0.0f, 2500.0f}) {
    MapCamera city{(map->header.min_x + map->header.max_x) / 2 + dx,
                   (map->header.min_y + map->header.max_y) / 2,
                   0.2f,
                   20,
                   {960, 540}};
    REQUIRE(city.lod() == kmap::lod_count - 1);
    const int v0 = dl->VtxBuffer.Size;
    const auto whole = draw_map(dl, *map, city, map_style_calm(), rect, scratch);
    const int v1 = dl->VtxBuffer.Size;
    const auto layer = draw_map(dl, map->for_lod(city.lod()), city, map_style_calm(), rect, scratch);
    const int v2 = dl->VtxBuffer.Size;
    CHECK(layer.features == whole.features);
    CHECK(layer.triangles == whole.triangles);
    CHECK(layer.lines == whole.lines);
    REQUIRE(v2 - v1 == v1 - v0);
    REQUIRE(v1 > v0);
    int differ = 0;
    for (int i = 0; i < v1 - v0; ++i) {
      const ImDrawVert &a = dl->VtxBuffer[v0 + i], &b = dl->VtxBuffer[v1 + i];
      differ += a.pos.x != b.pos.x || a.pos.y != b.pos.y || a.col != b.col;
    }
    CHECK(differ == 0);
    // The same labels in the same places (the layer's features are the map's, renumbered).
    std::vector<std::vector<ImRect>> placed;
    for (const MapData* m : {map.get(), &map->for_lod(city.lod())}) {
      LabelScratch labels;
      LabelOptions o;
      o.lang = "de";
      draw_map(dl, *m, city, map_style_calm(), rect, scratch);
      draw_labels(dl, *engine, *m, city, map_style_calm(), rect, o, scratch.visible, {}, labels);
      placed.push_back(labels.placed);
    }
    CHECK_FALSE(placed[0].empty());
    REQUIRE(placed[0].size() == placed[1].size());
    for (std::size_t i = 0; i < placed[0].size(); ++i) {
      CHECK(placed[0][i].Min.x == placed[1][i].Min.x);
      CHECK(placed[0][i].Min.y == placed[1][i].Min.y);
    }
  }
}

TEST_CASE("markers close together on screen become one numbered cluster", "[map][draw]") {
  Diagnostics diags;
  auto engine = text::make_text_engine(text::default_font_config(), diags);
  ImGuiFrame frame;
  const MapCamera cam{0, 0, 1, 0, {500, 500}};
  const std::vector<MapMarker> markers = {{"a", {0, 0}, IM_COL32(200, 0, 0, 255), {}},
                                          {"b", {5, 5}, IM_COL32(200, 0, 0, 255), {}},
                                          {"c", {300, 0}, IM_COL32(0, 0, 200, 255), {}}};
  std::vector<MarkerHit> hits;
  draw_markers(ImGui::GetWindowDrawList(), *engine, cam, ImVec4(0, 0, 1000, 1000), markers, map_style_calm(), 1, "de",
               hits);
  REQUIRE(hits.size() == 2);
  int clusters = 0;
  for (const auto& h : hits) {
    if (h.id.empty()) {
      ++clusters;
      CHECK(h.count == 2);
    } else {
      CHECK(h.id == "c");
    }
  }
  CHECK(clusters == 1);
  // The chosen service is never hidden in a cluster.
  hits.clear();
  draw_markers(ImGui::GetWindowDrawList(), *engine, cam, ImVec4(0, 0, 1000, 1000), markers, map_style_calm(), 1, "de",
               hits, "a");
  CHECK(hits.back().id == "a");
}
