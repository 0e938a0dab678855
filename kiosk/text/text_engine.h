#pragma once
// The text pipeline as the rest of the kiosk uses it: fonts, the layout cache and the glyph atlas.

#include <memory>

#include "text/glyph_atlas.h"
#include "text/image.h"
#include "text/layout.h"
#include "text/layout_cache.h"

namespace kiosk::text {

struct TextEngine {
  std::unique_ptr<FontSet> fonts;
  GlyphAtlas atlas;
  LayoutCache cache;

  // Laid out once, then from the cache.
  std::shared_ptr<const Paragraph> layout(const LayoutRequest& r) {
    return cache.get(r, [this](const LayoutRequest& req) { return text::layout(*fonts, req); });
  }
};

// Fonts from fonts.yaml; nullptr with diagnostics when no font could be opened.
std::unique_ptr<TextEngine> make_text_engine(const std::filesystem::path& font_config, Diagnostics& diags);

// Draws a paragraph into an image with its top-left corner at (x, y).
void draw(Image& image, TextEngine& engine, const Paragraph& p, float x, float y, Rgba color);

// The paragraph alone, black on white with a margin: `kioskctl render-text` and the golden tests.
Image render(TextEngine& engine, const Paragraph& p, int margin = 8);

}  // namespace kiosk::text
