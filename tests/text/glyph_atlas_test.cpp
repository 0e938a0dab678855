#include "text/glyph_atlas.h"

#include <catch2/catch.hpp>

#include "text_fixture.h"

using namespace kiosk;

namespace {
struct CountingSink final : text::TextureSink {
  int created = 0, destroyed = 0, updates = 0;
  void* create(int) override { return reinterpret_cast<void*>(static_cast<std::uintptr_t>(++created)); }
  void update(void*, const text::DirtyRect&, const std::uint8_t*, int, bool) override { ++updates; }
  void destroy(void*) override { ++destroyed; }
};
}  // namespace

TEST_CASE("glyphs are rasterized once and packed into pages", "[text][atlas]") {
  auto& fonts = *test::engine().fonts;
  text::GlyphAtlas atlas(256, 2);
  const auto p = test::lay("Hallo Welt", "de", 24);
  const auto& g = p.lines[0].runs[0].glyphs[0];
  const auto& a = atlas.glyph(fonts, p.lines[0].runs[0].font, g.gid, 24);
  CHECK(a.page == 0);
  CHECK(a.width > 0);
  CHECK(a.u1 > a.u0);
  const auto count = atlas.glyph_count();
  atlas.glyph(fonts, p.lines[0].runs[0].font, g.gid, 24);
  CHECK(atlas.glyph_count() == count);
  const auto& box = atlas.glyph(fonts, 0, 0, 24);  // no glyph: a visible box
  CHECK(box.page >= 0);
  CHECK(box.width > 0);
}

TEST_CASE("a full atlas is cleared at the next frame and textures follow", "[text][atlas]") {
  auto& fonts = *test::engine().fonts;
  CountingSink sink;
  text::GlyphAtlas atlas(128, 2);
  atlas.set_texture_sink(&sink);
  for (unsigned gid = 1; gid < 400; ++gid) atlas.glyph(fonts, 0, gid, 40);
  CHECK(atlas.pages().size() > 2);  // over the limit within the frame: nothing is refused
  CHECK(sink.created == static_cast<int>(atlas.pages().size()));
  atlas.upload();
  CHECK(sink.updates > 0);
  const int gen = atlas.generation();
  atlas.begin_frame();
  CHECK(atlas.generation() == gen + 1);
  CHECK(atlas.pages().empty());
  atlas.upload();
  CHECK(sink.destroyed == sink.created);
  CHECK(atlas.memory_bytes() == 0);
}
