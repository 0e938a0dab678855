#include "text/text_imgui.h"

#include <imgui_internal.h>

#include <cmath>

namespace kiosk::text {

namespace {

// Every glyph of p with its atlas entry and its box in paragraph coordinates (left, top, unrounded),
// switching the draw list's texture as the atlas page changes.
template <class Emit>
void for_each_glyph(ImDrawList* dl, TextEngine& engine, const Paragraph& p, Emit emit) {
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
        emit(ag, line.x + g.x, line.baseline + g.y);
      }
    }
  }
  if (current) dl->PopTextureID();
}

// A colour glyph keeps its own colours: only the text colour's alpha (a fade) applies to it.
ImU32 glyph_color(const AtlasGlyph& ag, ImU32 color) {
  return ag.color ? (color & IM_COL32_A_MASK) | (IM_COL32_WHITE & ~IM_COL32_A_MASK) : color;
}

}  // namespace

void draw_paragraph(ImDrawList* dl, TextEngine& engine, const Paragraph& p, ImVec2 pos, ImU32 color) {
  for_each_glyph(dl, engine, p, [&](const AtlasGlyph& ag, float pen_x, float baseline) {
    // Whole pixels: the atlas holds glyphs rendered at pixel positions.
    const float x = std::round(pos.x + pen_x) + static_cast<float>(ag.left);
    const float y = std::round(pos.y + baseline) - static_cast<float>(ag.top);
    dl->PrimReserve(6, 4);
    dl->PrimRectUV(ImVec2(x, y), ImVec2(x + static_cast<float>(ag.width), y + static_cast<float>(ag.height)),
                   ImVec2(ag.u0, ag.v0), ImVec2(ag.u1, ag.v1), glyph_color(ag, color));
  });
}

void draw_paragraph_rotated(ImDrawList* dl, TextEngine& engine, const Paragraph& p, ImVec2 center, float angle,
                            ImU32 color) {
  const float c = std::cos(angle), s = std::sin(angle);
  const ImVec2 half(p.width / 2, p.height / 2);
  auto place = [&](float x, float y) {  // paragraph box coordinates → screen
    const float dx = x - half.x, dy = y - half.y;
    return ImVec2(center.x + dx * c - dy * s, center.y + dx * s + dy * c);
  };
  for_each_glyph(dl, engine, p, [&](const AtlasGlyph& ag, float pen_x, float baseline) {
    const float x = pen_x + static_cast<float>(ag.left);
    const float y = baseline - static_cast<float>(ag.top);
    const float w = static_cast<float>(ag.width), h = static_cast<float>(ag.height);
    dl->PrimReserve(6, 4);
    dl->PrimQuadUV(place(x, y), place(x + w, y), place(x + w, y + h), place(x, y + h), ImVec2(ag.u0, ag.v0),
                   ImVec2(ag.u1, ag.v0), ImVec2(ag.u1, ag.v1), ImVec2(ag.u0, ag.v1), glyph_color(ag, color));
  });
}

void draw_pictogram(ImDrawList* dl, TextEngine& engine, const Pictogram& pictogram, ImVec2 center, float size_px,
                    ImU32 color, bool rtl) {
  if (!pictogram.valid()) return;
  const AtlasGlyph& ag = pictogram.picture
                             ? engine.atlas.picture(pictogram.picture_id, *pictogram.picture, std::round(size_px))
                             : engine.atlas.glyph(*engine.fonts, pictogram.font, pictogram.gid, std::round(size_px));
  if (ag.page < 0) return;
  void* tex = engine.atlas.pages()[static_cast<std::size_t>(ag.page)].texture;
  if (!tex) return;
  const float w = static_cast<float>(ag.width), h = static_cast<float>(ag.height);
  const ImVec2 a(std::round(center.x - w / 2), std::round(center.y - h / 2));
  const bool flip = rtl && pictogram.mirror_in_rtl;
  dl->PushTextureID(static_cast<ImTextureID>(tex));
  dl->PrimReserve(6, 4);
  dl->PrimRectUV(a, ImVec2(a.x + w, a.y + h), ImVec2(flip ? ag.u1 : ag.u0, ag.v0), ImVec2(flip ? ag.u0 : ag.u1, ag.v1),
                 glyph_color(ag, color));
  dl->PopTextureID();
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
