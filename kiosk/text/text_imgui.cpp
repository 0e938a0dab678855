#include "text/text_imgui.h"

#include <imgui_internal.h>

#include <cmath>

namespace kiosk::text {

void draw_paragraph(ImDrawList* dl, TextEngine& engine, const Paragraph& p, ImVec2 pos, ImU32 color) {
  void* current = nullptr;
  for (const Line& line : p.lines) {
    for (const GlyphRun& run : line.runs) {
      for (const Glyph& g : run.glyphs) {
        const AtlasGlyph& ag = engine.atlas.glyph(*engine.fonts, run.font, g.gid, p.size_px);
        if (ag.page < 0) continue;
        void* tex = engine.atlas.pages()[static_cast<std::size_t>(ag.page)].texture;
        if (!tex) continue;
        if (tex != current) {
          if (current) dl->PopTextureID();
          dl->PushTextureID(static_cast<ImTextureID>(tex));
          current = tex;
        }
        // Whole pixels: the atlas holds glyphs rendered at pixel positions.
        const float x = std::round(pos.x + line.x + g.x) + static_cast<float>(ag.left);
        const float y = std::round(pos.y + line.baseline + g.y) - static_cast<float>(ag.top);
        dl->PrimReserve(6, 4);
        dl->PrimRectUV(ImVec2(x, y), ImVec2(x + static_cast<float>(ag.width), y + static_cast<float>(ag.height)),
                       ImVec2(ag.u0, ag.v0), ImVec2(ag.u1, ag.v1), color);
      }
    }
  }
  if (current) dl->PopTextureID();
}

std::shared_ptr<const Paragraph> text_item(TextEngine& engine, const LayoutRequest& r, ImU32 color) {
  auto p = engine.layout(r);
  const ImVec2 pos = ImGui::GetCursorScreenPos();
  const ImVec2 size(p->width, p->height);
  ImGui::ItemSize(size);
  if (ImGui::ItemAdd(ImRect(pos, ImVec2(pos.x + size.x, pos.y + size.y)), 0))
    draw_paragraph(ImGui::GetWindowDrawList(), engine, *p, pos, color);
  return p;
}

}  // namespace kiosk::text
