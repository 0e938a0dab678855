#include "text/glyph_atlas.h"

#include <ft2build.h>
#include FT_FREETYPE_H

#include <algorithm>
#include <cmath>

namespace kiosk::text {
namespace {

constexpr int padding = 1;  // keeps bilinear filtering from bleeding between glyphs

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

bool GlyphAtlas::place(int w, int h, int& page, int& x, int& y) {
  if (w + 2 * padding > page_size_ || h + 2 * padding > page_size_) return false;
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
  if (!pages_.empty() && fits(pages_.back())) {
    page = static_cast<int>(pages_.size()) - 1;
    return true;
  }
  // A new page; past the limit, keep going for this frame and clear at the next one.
  if (static_cast<int>(pages_.size()) >= max_pages_) full_ = true;
  AtlasPage p;
  p.size = page_size_;
  p.pixels.assign(static_cast<std::size_t>(page_size_) * static_cast<std::size_t>(page_size_), 0);
  p.shelf_y = padding;
  p.cursor_x = padding;
  if (sink_) {
    p.texture = sink_->create(page_size_);
    p.dirty = {0, 0, page_size_, page_size_};
  }
  pages_.push_back(std::move(p));
  page = static_cast<int>(pages_.size()) - 1;
  return fits(pages_.back());
}

const AtlasGlyph& GlyphAtlas::glyph(FontSet& fonts, FontId font, unsigned gid, float size_px) {
  const std::uint64_t key = key_of(font, gid, size_px);
  if (auto it = glyphs_.find(key); it != glyphs_.end()) return it->second;
  AtlasGlyph g;
  FontFace& face = fonts.face(font);
  std::vector<std::uint8_t> bitmap;
  int w = 0, h = 0;
  if (gid == 0) {
    // A hollow box, so that a missing character is seen rather than silently dropped.
    w = std::max(3, static_cast<int>(size_px * 0.5f));
    h = std::max(4, static_cast<int>(size_px * 0.7f));
    bitmap.assign(static_cast<std::size_t>(w * h), 0);
    for (int yy = 0; yy < h; ++yy)
      for (int xx = 0; xx < w; ++xx)
        if (xx == 0 || yy == 0 || xx == w - 1 || yy == h - 1) bitmap[static_cast<std::size_t>(yy * w + xx)] = 255;
    g.left = std::max(1, static_cast<int>(size_px * 0.05f));
    g.top = h;
  } else {
    if (face.ft_size != size_px) {
      FT_Set_Char_Size(face.ft, 0, static_cast<FT_F26Dot6>(std::lround(size_px * 64)), 72, 72);
      face.ft_size = size_px;
    }
    if (FT_Load_Glyph(face.ft, gid, FT_LOAD_DEFAULT | FT_LOAD_TARGET_LIGHT) == 0 &&
        FT_Render_Glyph(face.ft->glyph, FT_RENDER_MODE_NORMAL) == 0) {
      const FT_Bitmap& bm = face.ft->glyph->bitmap;
      w = static_cast<int>(bm.width);
      h = static_cast<int>(bm.rows);
      bitmap.resize(static_cast<std::size_t>(w * h));
      for (int yy = 0; yy < h; ++yy) std::copy_n(bm.buffer + yy * bm.pitch, w, bitmap.begin() + yy * w);
      g.left = face.ft->glyph->bitmap_left;
      g.top = face.ft->glyph->bitmap_top;
    }
  }
  g.width = w;
  g.height = h;
  int page = 0, x = 0, y = 0;
  if (w > 0 && h > 0 && place(w, h, page, x, y)) {
    AtlasPage& p = pages_[static_cast<std::size_t>(page)];
    for (int yy = 0; yy < h; ++yy) std::copy_n(bitmap.begin() + yy * w, w, p.pixels.begin() + (y + yy) * p.size + x);
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
    sink_->update(p.texture, p.dirty, p.pixels.data() + p.dirty.y0 * p.size + p.dirty.x0, p.size);
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
