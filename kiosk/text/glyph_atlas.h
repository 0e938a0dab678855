#pragma once
// Glyphs rasterized by FreeType into 8-bit coverage pages, packed in shelves; colour glyphs (emoji) into
// RGBA pages beside them, scaled from the font's bitmap strike to the text size. Pages are added as needed
// up to a limit; past it, the atlas is cleared at the start of the next frame and refilled with what is
// on screen. The app uploads changed parts of pages as textures through TextureSink (no SDL here).

#include <cstdint>
#include <unordered_map>
#include <vector>

#include "text/font_set.h"
#include "text/image.h"

namespace kiosk::text {

struct AtlasGlyph {
  int page = -1;  // -1: nothing to draw (a space)
  float u0 = 0, v0 = 0, u1 = 0, v1 = 0;
  int width = 0, height = 0;  // pixels
  int left = 0, top = 0;      // bitmap offset from the pen position (top: up from the baseline)
  bool color = false;         // on an RGBA page: drawn as it is, only the text colour's alpha applies
};

struct DirtyRect {
  int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  [[nodiscard]] bool empty() const { return x1 <= x0 || y1 <= y0; }
};

struct AtlasPage {
  int size = 0;
  bool color = false;
  std::vector<std::uint8_t> pixels;  // size * size coverage values, or size * size RGBA (straight alpha)
  DirtyRect dirty;                   // changed since the last upload
  void* texture = nullptr;           // the app's texture, through TextureSink
  int shelf_y = 0, shelf_h = 0, cursor_x = 0;
};

// Implemented by the app (SDL textures); tests and PNG rendering need none.
class TextureSink {
 public:
  virtual ~TextureSink() = default;
  virtual void* create(int size) = 0;  // an RGBA texture of size x size
  // stride in pixels; pixels: coverage (white, alpha = coverage) or, when `color`, RGBA
  virtual void update(void* texture, const DirtyRect& rect, const std::uint8_t* pixels, int stride, bool color) = 0;
  virtual void destroy(void* texture) = 0;
};

class GlyphAtlas {
 public:
  explicit GlyphAtlas(int page_size = 1024, int max_pages = 8);
  ~GlyphAtlas();
  GlyphAtlas(const GlyphAtlas&) = delete;
  GlyphAtlas& operator=(const GlyphAtlas&) = delete;

  // The glyph at this size, rasterized on first use. gid 0 (no font has the character) is a visible box.
  const AtlasGlyph& glyph(FontSet& fonts, FontId font, unsigned gid, float size_px);
  // A picture's alpha as coverage, scaled to fit a square of size_px (a bundle's own pictogram); `id`
  // tells pictures apart. Its left/top place it in that square, as if it were a glyph on a baseline at
  // the square's bottom.
  const AtlasGlyph& picture(std::uint32_t id, const Image& image, float size_px);

  // Where page textures live (the app's); new pages get their texture at once, so draw commands of the
  // same frame can refer to it. Without a sink, pages stay in memory only (PNG rendering, tests).
  void set_texture_sink(TextureSink* sink);
  // Call once per frame before drawing: clears a full atlas so that this frame refills it.
  void begin_frame();
  // Sends changed pixels to the textures; call after drawing, before rendering.
  void upload();
  void release_textures();

  [[nodiscard]] const std::vector<AtlasPage>& pages() const { return pages_; }
  [[nodiscard]] std::size_t memory_bytes() const;
  [[nodiscard]] std::size_t glyph_count() const { return glyphs_.size(); }
  [[nodiscard]] int generation() const { return generation_; }  // bumps when the atlas is cleared

 private:
  bool place(int w, int h, bool color, int& page, int& x, int& y);
  // Packs a rasterized glyph's pixels into a page and keeps it under `key`.
  const AtlasGlyph& store(std::uint64_t key, AtlasGlyph g, const std::vector<std::uint8_t>& bitmap);
  // The glyph's pixels: coverage, or RGBA for a colour glyph; false when FreeType cannot render it.
  static bool rasterize(FontFace& face, unsigned gid, float size_px, AtlasGlyph& g, std::vector<std::uint8_t>& px);
  void clear();
  int page_size_, max_pages_;
  bool full_ = false;
  int generation_ = 0;
  std::vector<AtlasPage> pages_;
  std::vector<void*> retired_textures_;
  TextureSink* sink_ = nullptr;
  std::unordered_map<std::uint64_t, AtlasGlyph> glyphs_;
};

}  // namespace kiosk::text
