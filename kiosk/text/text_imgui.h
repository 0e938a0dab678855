#pragma once
// Our laid-out text drawn through ImGui: glyph quads from our atlas into an ImDrawList, and a widget
// that reserves the paragraph's space so that ImGui lays out and hit-tests it like any item.

#include <imgui.h>

#include "text/pictogram.h"
#include "text/text_engine.h"

namespace kiosk::text {

// Draws p with its box's top-left corner at pos. The atlas needs a TextureSink (the app's).
void draw_paragraph(ImDrawList* draw_list, TextEngine& engine, const Paragraph& p, ImVec2 pos, ImU32 color);

// Draws p turned by `angle` (radians, clockwise on screen) about its box's centre, placed at `center`:
// street names along their street.
void draw_paragraph_rotated(ImDrawList* draw_list, TextEngine& engine, const Paragraph& p, ImVec2 center, float angle,
                            ImU32 color);

// Draws a pictogram's shape centred on `center`, fitting a square of size_px, in `color`; mirrored in
// right-to-left layouts (`rtl`) only when it shows a direction.
void draw_pictogram(ImDrawList* draw_list, TextEngine& engine, const Pictogram& pictogram, ImVec2 center, float size_px,
                    ImU32 color, bool rtl);

// Lays out r, reserves its size at the cursor, draws it; returns the paragraph (for its size).
std::shared_ptr<const Paragraph> text_item(TextEngine& engine, const LayoutRequest& r, ImU32 color);

}  // namespace kiosk::text
