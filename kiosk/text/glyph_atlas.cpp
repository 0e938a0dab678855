#include "text/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H
#include <stb_image_resize.h>

#include <algorithm>
#include <cmath>

namespace kiosk::text {
namespace {

constexpr int padding = 1;               // keeps bilinear filtering from bleeding between glyphs
constexpr FontId picture_font = 0xFFFF;  // the key's font for pictures

std::uint64_t key_of(FontId font, unsigned gid, float size_px) {
  const auto quarter_px = static_cast<std::uint64_t>(std::lround(size_px * 4));  // sizes in 1/4 px steps
  return (static_cast<std::uint64_t>(static_cast<std::uint32_t>(font)) << 48) | (quarter_px << 32) | gid;
}

}  // namespace

GlyphAtlas::GlyphAtlas(int page_size, int max_pages) : page_size_(page_size), max_pages_(std::max(1, max_pages)) {}

GlyphAtlas::~GlyphAtlas() {
  release_textures();
}

std::size_t GlyphAtlas::memory_bytes() const {
  std::size_t n = 0;
  for (const auto& p : pages_) n += p.pixels.size();
  // The glyph table: a node per glyph (key, value, next pointer) and the bucket array.
  if (!glyphs_.empty())
    n += glyphs_.size() * (sizeof(std::uint64_t) + sizeof(AtlasGlyph) + 2 * sizeof(void*)) +
         glyphs_.bucket_count() * sizeof(void*);
  return n;
}

void GlyphAtlas::clear() {
  for (auto& p : pages_)
    if (p.texture) retired_textures_.push_back(p.texture);
  pages_.clear();
  glyphs_ = {};  // also its buckets: a refilled atlas may need far fewer
  full_ = false;
  ++generation_;
}

void GlyphAtlas::begin_frame() {
  if (full_) clear();
}

bool GlyphAtlas::place(int w, int h, bool color, int& page, int& x, int& y) {
  // Colour pages hold 4 bytes a pixel: half the side keeps each at the size of a coverage page.
  const int side = color ? page_size_ / 2 : page_size_;
  if (w + 2 * padding > side || h + 2 * padding > side) return false;
  auto fits = [&](AtlasPage& p) {
    if (p.cursor_x + w + padding > p.size) {  // next shelf
      p.shelf_y += p.shelf_h;
      p.shelf_h = 0;
      p.cursor_x = padding;
    }
    if (p.shelf_y + h + padding > p.size) return false;
    x = p.cursor_x;
    y = p.shelf_y;
    p.cursor_x += w + padding;
    p.shelf_h = std::max(p.shelf_h, h + padding);
    return true;
  };
  // The newest page of the glyph's kind.
  for (std::size_t i = pages_.size(); i-- > 0;)
    if (pages_[i].color == color) {
      if (fits(pages_[i])) {
        page = static_cast<int>(i);
        return true;
      }
      break;
    }
  // A new page; past the limit, keep going for this frame and clear at the next one.
  if (static_cast<int>(pages_.size()) >= max_pages_) full_ = true;
  AtlasPage p;
  p.size = side;
  p.color = color;
  p.pixels.assign(static_cast<std::size_t>(side) * static_cast<std::size_t>(side) * (color ? 4 : 1), 0);
  p.shelf_y = padding;
  p.cursor_x = padding;
  if (sink_) {
    p.texture = sink_->create(side);
    p.dirty = {0, 0, side, side};
  }
  pages_.push_back(std::move(p));
  page = static_cast<int>(pages_.size()) - 1;
  return fits(pages_.back());
}

namespace {

// A missing character: a hollow box, so that it is seen rather than silently dropped.
void missing_box(float size_px, AtlasGlyph& g, std::vector<std::uint8_t>& px) {
  g.width = std::max(3, static_cast<int>(size_px * 0.5f));
  g.height = std::max(4, static_cast<int>(size_px * 0.7f));
  px.assign(static_cast<std::size_t>(g.width * g.height), 0);
  for (int yy = 0; yy < g.height; ++yy)
    for (int xx = 0; xx < g.width; ++xx)
      if (xx == 0 || yy == 0 || xx == g.width - 1 || yy == g.height - 1)
        px[static_cast<std::size_t>(yy * g.width + xx)] = 255;
  g.left = std::max(1, static_cast<int>(size_px * 0.05f));
  g.top = g.height;
}

// FreeType's premultiplied BGRA bitmap, scaled by `scale` (a strike to the text size), as straight RGBA.
void color_pixels(const FT_Bitmap& bm, float scale, AtlasGlyph& g, std::vector<std::uint8_t>& px) {
  const int w = static_cast<int>(bm.width), h = static_cast<int>(bm.rows);
  std::vector<std::uint8_t> rgba(static_cast<std::size_t>(w * h * 4));
  for (int yy = 0; yy < h; ++yy)
    for (int xx = 0; xx < w; ++xx) {
      const std::uint8_t* s = bm.buffer + yy * bm.pitch + xx * 4;
      std::uint8_t* d = rgba.data() + (yy * w + xx) * 4;
      d[0] = s[2];
      d[1] = s[1];
      d[2] = s[0];
      d[3] = s[3];
    }
  g.width = std::max(1, static_cast<int>(std::lround(static_cast<float>(w) * scale)));
  g.height = std::max(1, static_cast<int>(std::lround(static_cast<float>(h) * scale)));
  if (g.width == w && g.height == h) {
    px = std::move(rgba);
  } else {
    px.assign(static_cast<std::size_t>(g.width * g.height * 4), 0);
    // stb_image_resize (Debian libstb), filtering in premultiplied linear light.
    stbir_resize_uint8_generic(rgba.data(), w, h, w * 4, px.data(), g.width, g.height, g.width * 4, 4, 3,
                               STBIR_FLAG_ALPHA_PREMULTIPLIED, STBIR_EDGE_CLAMP, STBIR_FILTER_DEFAULT,
                               STBIR_COLORSPACE_SRGB, nullptr);
  }
  for (std::size_t i = 0; i + 3 < px.size(); i += 4) {  // premultiplied → straight alpha, as textures blend
    const unsigned a = px[i + 3];
    for (std::size_t c = 0; c < 3; ++c)
      px[i + c] = a == 0 ? 0 : static_cast<std::uint8_t>(std::min(255u, (px[i + c] * 255u + a / 2) / a));
  }
}

}  // namespace

bool GlyphAtlas::rasterize(FontFace& face, unsigned gid, float size_px, AtlasGlyph& g, std::vector<std::uint8_t>& px) {
  if (!face.bitmap_color && face.ft_size != size_px) {
    FT_Set_Char_Size(face.ft, 0, static_cast<FT_F26Dot6>(std::lround(size_px * 64)), 72, 72);
    face.ft_size = size_px;
  }
  const bool colour_font = FT_HAS_COLOR(face.ft);
  const FT_Int32 flags = colour_font ? FT_LOAD_COLOR : FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT;
  if (FT_Load_Glyph(face.ft, gid, flags) != 0 || FT_Render_Glyph(face.ft->glyph, FT_RENDER_MODE_NORMAL) != 0)
    return false;
  const FT_GlyphSlot slot = face.ft->glyph;
  const FT_Bitmap& bm = slot->bitmap;
  if (bm.pixel_mode == FT_PIXEL_MODE_BGRA) {
    const float scale = face.bitmap_color ? size_px / face.strike_ppem : 1.f;
    color_pixels(bm, scale, g, px);
    g.color = true;
    g.left = static_cast<int>(std::lround(static_cast<float>(slot->bitmap_left) * scale));
    g.top = static_cast<int>(std::lround(static_cast<float>(slot->bitmap_top) * scale));
    return true;
  }
  g.width = static_cast<int>(bm.width);
  g.height = static_cast<int>(bm.rows);
  px.resize(static_cast<std::size_t>(g.width * g.height));
  for (int yy = 0; yy < g.height; ++yy) std::copy_n(bm.buffer + yy * bm.pitch, g.width, px.begin() + yy * g.width);
  g.left = slot->bitmap_left;
  g.top = slot->bitmap_top;
  return true;
}

const AtlasGlyph& GlyphAtlas::glyph(FontSet& fonts, FontId font, unsigned gid, float size_px) {
  const std::uint64_t key = key_of(font, gid, size_px);
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;
  AtlasGlyph g;
  std::vector<std::uint8_t> bitmap;
  if (gid == 0) {
    missing_box(size_px, g, bitmap);
  } else if (!rasterize(fonts.face(font), gid, size_px, g, bitmap)) {
    g = {};
  }
  return store(key, g, bitmap);
}

const AtlasGlyph& GlyphAtlas::store(std::uint64_t key, AtlasGlyph g, const std::vector<std::uint8_t>& bitmap) {
  const int w = g.width, h = g.height, bpp = g.color ? 4 : 1;
  int page = 0, x = 0, y = 0;
  if (w > 0 && h > 0 && place(w, h, g.color, page, x, y)) {
    AtlasPage& p = pages_[static_cast<std::size_t>(page)];
    for (int yy = 0; yy < h; ++yy)
      std::copy_n(bitmap.begin() + yy * w * bpp, w * bpp, p.pixels.begin() + ((y + yy) * p.size + x) * bpp);
    const auto fs = static_cast<float>(p.size);
    g.page = page;
    g.u0 = static_cast<float>(x) / fs;
    g.v0 = static_cast<float>(y) / fs;
    g.u1 = static_cast<float>(x + w) / fs;
    g.v1 = static_cast<float>(y + h) / fs;
    if (p.dirty.empty()) {
      p.dirty = {x, y, x + w, y + h};
    } else {
      p.dirty = {std::min(p.dirty.x0, x), std::min(p.dirty.y0, y), std::max(p.dirty.x1, x + w),
                 std::max(p.dirty.y1, y + h)};
    }
  }
  return glyphs_.emplace(key, g).first->second;
}

const AtlasGlyph& GlyphAtlas::picture(std::uint32_t id, const Image& image, float size_px) {
  // Pictures share the table with glyphs under a font id no font has.
  const std::uint64_t key = key_of(picture_font, id, size_px);
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;
  AtlasGlyph g;
  std::vector<std::uint8_t> alpha;
  if (image.width > 0 && image.height > 0) {
    const float scale = size_px / static_cast<float>(std::max(image.width, image.height));
    g.width = std::max(1, static_cast<int>(std::lround(static_cast<float>(image.width) * scale)));
    g.height = std::max(1, static_cast<int>(std::lround(static_cast<float>(image.height) * scale)));
    std::vector<std::uint8_t> source(static_cast<std::size_t>(image.width * image.height));
    for (std::size_t i = 0; i < source.size(); ++i) source[i] = image.rgba[i * 4 + 3];
    alpha.assign(static_cast<std::size_t>(g.width * g.height), 0);
    stbir_resize_uint8(source.data(), image.width, image.height, 0, alpha.data(), g.width, g.height, 0, 1);
    g.left = static_cast<int>(std::lround((size_px - static_cast<float>(g.width)) / 2));
    g.top = static_cast<int>(std::lround(size_px - (size_px - static_cast<float>(g.height)) / 2));
  }
  return store(key, g, alpha);
}

void GlyphAtlas::set_texture_sink(TextureSink* sink) {
  sink_ = sink;
  if (!sink_) return;
  for (auto& p : pages_)  // pages made before there was a sink
    if (!p.texture) {
      p.texture = sink_->create(p.size);
      p.dirty = {0, 0, p.size, p.size};
    }
}

void GlyphAtlas::upload() {
  if (!sink_) return;
  for (void* t : retired_textures_) sink_->destroy(t);
  retired_textures_.clear();
  for (auto& p : pages_) {
    if (!p.texture) {
      p.texture = sink_->create(p.size);
      p.dirty = {0, 0, p.size, p.size};
    }
    if (p.dirty.empty()) continue;
    const std::size_t bpp = p.color ? 4 : 1;
    sink_->update(p.texture, p.dirty,
                  p.pixels.data() + static_cast<std::size_t>(p.dirty.y0 * p.size + p.dirty.x0) * bpp, p.size, p.color);
    p.dirty = {};
  }
}

void GlyphAtlas::release_textures() {
  if (!sink_) return;
  for (void* t : retired_textures_) sink_->destroy(t);
  retired_textures_.clear();
  for (auto& p : pages_)
    if (p.texture) {
      sink_->destroy(p.texture);
      p.texture = nullptr;
    }
}

}  // namespace kiosk::text
