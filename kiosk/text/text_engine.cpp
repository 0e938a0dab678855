#include "text/text_engine.h"

#include <cmath>

namespace kiosk::text {

std::unique_ptr<TextEngine> make_text_engine(const std::filesystem::path& font_config, Diagnostics& diags) {
  auto fonts = FontSet::load(font_config, diags);
  if (!fonts || fonts->size() == 0) return nullptr;
  auto engine = std::make_unique<TextEngine>();
  engine->fonts = std::move(fonts);
  return engine;
}

void draw(Image& image, TextEngine& engine, const Paragraph& p, float x, float y, Rgba color) {
  for (const Line& line : p.lines) {
    for (const GlyphRun& run : line.runs) {
      for (const Glyph& g : run.glyphs) {
        const AtlasGlyph& ag = engine.atlas.glyph(*engine.fonts, run.font, g.gid, p.size_px);
        if (ag.page < 0) continue;
        const AtlasPage& page = engine.atlas.pages()[static_cast<std::size_t>(ag.page)];
        const int ox = static_cast<int>(std::lround(x + line.x + g.x)) + ag.left;
        const int oy = static_cast<int>(std::lround(y + line.baseline + g.y)) - ag.top;
        const int px = static_cast<int>(ag.u0 * static_cast<float>(page.size) + 0.5f);
        const int py = static_cast<int>(ag.v0 * static_cast<float>(page.size) + 0.5f);
        for (int yy = 0; yy < ag.height; ++yy)
          for (int xx = 0; xx < ag.width; ++xx) {
            const auto at = static_cast<std::size_t>((py + yy) * page.size + px + xx);
            if (!ag.color) {
              image.blend(ox + xx, oy + yy, color, page.pixels[at]);
              continue;
            }
            const std::uint8_t* c = &page.pixels[at * 4];  // a colour glyph keeps its colours
            image.blend(ox + xx, oy + yy, {c[0], c[1], c[2], color.a}, c[3]);
          }
      }
    }
  }
}

Image render(TextEngine& engine, const Paragraph& p, int margin) {
  Image img(static_cast<int>(std::ceil(p.width)) + 2 * margin, static_cast<int>(std::ceil(p.height)) + 2 * margin,
            {255, 255, 255, 255});
  draw(img, engine, p, static_cast<float>(margin), static_cast<float>(margin), {0, 0, 0, 255});
  return img;
}

}  // namespace kiosk::text
