#include "text/glyph_atlas.h"

#include <catch2/catch.hpp>

#include "text/pictogram.h"
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

TEST_CASE("a bundle's own pictogram: its alpha becomes coverage, scaled to fit the square",
          "[text][atlas][pictograms]") {
  text::Image picture(200, 100, {0, 0, 0, 0});  // a wide shape: a filled left half on a transparent field
  for (int y = 0; y < 100; ++y)
    for (int x = 0; x < 100; ++x) picture.rgba[static_cast<std::size_t>((y * 200 + x) * 4 + 3)] = 255;
  text::GlyphAtlas atlas(256, 2);
  const auto& g = atlas.picture(7, picture, 40);
  REQUIRE(g.page >= 0);
  CHECK_FALSE(g.color);  // drawn in the theme's colour
  CHECK(g.width == 40);
  CHECK(g.height == 20);  // the aspect kept
  const auto& page = atlas.pages()[static_cast<std::size_t>(g.page)];
  const int x0 = static_cast<int>(g.u0 * static_cast<float>(page.size)),
            y0 = static_cast<int>(g.v0 * static_cast<float>(page.size));
  auto at = [&](int x, int y) { return page.pixels[static_cast<std::size_t>((y0 + y) * page.size + x0 + x)]; };
  CHECK(at(5, 10) > 240);  // inside the shape
  CHECK(at(35, 10) < 15);  // the transparent half
  CHECK(atlas.glyph_count() == 1);
  atlas.picture(7, picture, 40);  // once per size
  CHECK(atlas.glyph_count() == 1);
}

TEST_CASE("icon font pictograms: found by name, drawn at the size asked", "[text][atlas][pictograms]") {
  auto& fonts = *test::engine().fonts;
  Diagnostics diags;
  const auto names = load_pictogram_names(test::source_dir() / "fonts" / "pictograms.yaml", diags);
  const auto back = text::find_pictogram(fonts, names, "back");
  REQUIRE(back.valid());
  CHECK(back.mirror_in_rtl);
  const auto search = text::find_pictogram(fonts, names, "search");
  REQUIRE(search.valid());
  CHECK_FALSE(search.mirror_in_rtl);
  CHECK_FALSE(text::find_pictogram(fonts, names, "no-such-pictogram").valid());
  text::GlyphAtlas atlas(512, 2);
  for (float size : {34.f, 68.f}) {
    const auto& g = atlas.glyph(fonts, search.font, search.gid, size);
    CHECK(static_cast<float>(g.width) > size * 0.6f);  // Material Icons fill most of their em
    CHECK(static_cast<float>(g.width) <= size);
  }
}
