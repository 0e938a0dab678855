// WCAG 2.2 AA contrast of every colour pair of every theme, the map styles and the sample city's
// category colours (marker fill against its white ring).

#include <catch2/catch.hpp>

#include <algorithm>

#include "core/bundle/content_loader.h"
#include "map/map_style.h"
#include "support/test_support.h"
#include "ui/theme.h"

using namespace kiosk;
using namespace kiosk::ui;

TEST_CASE("the contrast formula gives WCAG's known values", "[a11y][contrast]") {
  CHECK(contrast_ratio(IM_COL32(0, 0, 0, 255), IM_COL32(255, 255, 255, 255)) == Approx(21.0));
  CHECK(contrast_ratio(IM_COL32(255, 255, 255, 255), IM_COL32(255, 255, 255, 255)) == Approx(1.0));
  CHECK(contrast_ratio(IM_COL32(118, 118, 118, 255), IM_COL32(255, 255, 255, 255)) == Approx(4.54).margin(0.01));
}

TEST_CASE("every text and background pair of every theme meets WCAG 2.2 AA", "[a11y][contrast]") {
  for (const Theme& t : {theme_normal(), theme_high_contrast()}) {
    const auto pairs = colour_pairs(t);
    CHECK(pairs.size() >= 36);
    // Every pictogram colour is among them (the screens draw pictograms in these colours only).
    for (const char* what : {"pictogram on surface", "fact pictogram on surface", "open pictogram on background",
                             "pictogram on accent (selected buttons, search)"})
      CHECK(std::count_if(pairs.begin(), pairs.end(), [&](const ColourPair& p) { return p.what == what; }) == 1);
    for (const auto& p : pairs) {
      INFO(t.name << ": " << p.what << " " << contrast_ratio(p.fg, p.bg) << ":1");
      CHECK(contrast_ratio(p.fg, p.bg) >= p.min_ratio);
    }
  }
}

TEST_CASE("map labels, route and 'you are here' stand out in both map styles", "[a11y][contrast]") {
  for (const auto& s : {map::map_style_calm(), map::map_style_high_contrast()}) {
    CHECK(contrast_ratio(s.label, s.label_halo | 0xFF000000u) >= 4.5);
    CHECK(contrast_ratio(s.place_label, s.label_halo | 0xFF000000u) >= 4.5);
    CHECK(contrast_ratio(s.route, s.land) >= 3.0);
    CHECK(contrast_ratio(s.route, s.route_casing) >= 3.0);
    CHECK(contrast_ratio(s.here, s.here_ring) >= 3.0);
  }
}

TEST_CASE("the sample city's category colours hold 3:1 against the markers' white ring and pictogram",
          "[a11y][contrast]") {
  const Content c = load_content(test::sample_bundle(), test::locales_dir());
  for (const auto& cat : c.bundle.categories) {
    unsigned r = 0, g = 0, b = 0;
    REQUIRE(std::sscanf(cat.colour.c_str(), "#%02x%02x%02x", &r, &g, &b) == 3);
    INFO(cat.id << " " << cat.colour);
    CHECK(contrast_ratio(IM_COL32(r, g, b, 255), IM_COL32(255, 255, 255, 255)) >= 3.0);
  }
}
