#include "text/pictogram.h"

#include <hb.h>

namespace kiosk::text {

Pictogram find_pictogram(const FontSet& fonts, const PictogramNames& names, std::string_view name) {
  Pictogram p;
  const FontId font = fonts.pictogram_font();
  const auto cp = names.code_point(name);
  if (font < 0 || !cp) return p;
  hb_codepoint_t gid = 0;
  if (!hb_font_get_nominal_glyph(fonts.face(font).hb_font, *cp, &gid) || gid == 0) return p;
  p.font = font;
  p.gid = gid;
  p.mirror_in_rtl = names.mirrored(name);
  return p;
}

}  // namespace kiosk::text
