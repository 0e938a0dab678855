#pragma once
// Pictograms through the text pipeline: a glyph of the icon font (fonts.yaml `pictograms`), or a
// bundle's own picture, rasterized into the glyph atlas as coverage and drawn in the theme's colour.

#include <cstdint>
#include <string_view>

#include "core/bundle/pictograms.h"
#include "text/font_set.h"
#include "text/image.h"

namespace kiosk::text {

struct Pictogram {
  FontId font = -1;
  unsigned gid = 0;                // in the icon font
  const Image* picture = nullptr;  // a bundle's own: its alpha is the shape
  std::uint32_t picture_id = 0;    // the atlas's key for the picture (its owner keeps ids unique)
  bool mirror_in_rtl = false;      // it shows a direction (an arrow)
  [[nodiscard]] bool valid() const { return (font >= 0 && gid != 0) || picture != nullptr; }
};

// The icon font's glyph for a pictogram name (the kiosk's or the font's); not valid() when unknown or
// when the font is not installed.
Pictogram find_pictogram(const FontSet& fonts, const PictogramNames& names, std::string_view name);

}  // namespace kiosk::text
