// The ImGui adaptor: our glyph quads land in ImGui's draw lists with our atlas textures, and the item
// takes the paragraph's size.

#include "text/text_imgui.h"

#include <catch2/catch.hpp>

#include "support/imgui_context.h"
#include "text_fixture.h"

using namespace kiosk;

namespace {
struct Sink final : text::TextureSink {
  void* create(int) override { return &token; }
  void update(void*, const text::DirtyRect&, const std::uint8_t*, int, bool) override {}
  void destroy(void*) override {}
  int token = 0;
};
}  // namespace

TEST_CASE("a paragraph drawn into ImGui's draw list", "[text][imgui]") {
  Sink sink;
  auto& engine = test::engine();
  engine.atlas.set_texture_sink(&sink);
  const test::ImGuiContextForTest imgui(ImVec2(800, 600));
  text::LayoutRequest r;
  r.text = "مرحبا بكم";
  r.locale = "ar";
  r.size_px = 32;
  std::shared_ptr<const text::Paragraph> p;
  ImVec2 before, after;
  for (int frame = 0; frame < 2; ++frame) {  // a new window shows from its second frame
    ImGui::NewFrame();
    ImGui::SetNextWindowPos(ImVec2(0, 0));
    ImGui::SetNextWindowSize(ImVec2(600, 400));
    ImGui::Begin("t");
    before = ImGui::GetCursorScreenPos();
    p = text::text_item(engine, r, IM_COL32(0, 0, 0, 255));
    after = ImGui::GetCursorScreenPos();
    ImGui::End();
    ImGui::Render();
  }
  CHECK(after.y - before.y >= p->height);
  std::size_t glyphs = 0;
  for (const auto& l : p->lines)
    for (const auto& run : l.runs) glyphs += run.glyphs.size();
  bool ours = false;
  std::size_t vertices = 0;
  const ImDrawData* dd = ImGui::GetDrawData();
  for (int i = 0; i < dd->CmdListsCount; ++i)
    for (const auto& cmd : dd->CmdLists[i]->CmdBuffer)
      if (cmd.TextureId == static_cast<ImTextureID>(&sink.token)) {
        ours = true;
        vertices += cmd.ElemCount;
      }
  CHECK(ours);
  CHECK(vertices >= 6 * (glyphs - 1));  // two triangles per visible glyph (a space has none)
  engine.atlas.release_textures();
  engine.atlas.set_texture_sink(nullptr);
}
