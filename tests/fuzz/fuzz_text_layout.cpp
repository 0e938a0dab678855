// Fuzz target: the whole text pipeline (UTF-8 decoding, bidi, script itemization, font fallback,
// shaping, line breaking, ellipsis) on any bytes, in any locale, at any size and width.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <memory>

#include "core/base/diagnostics.h"
#include "fuzz_input.h"
#include "text/layout.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const std::unique_ptr<kiosk::text::FontSet> fonts = [] {
    kiosk::Diagnostics diags;
    auto f = kiosk::text::FontSet::load(KIOSK_SOURCE_DIR "/fonts/fonts.yaml", diags);
    if (!f) std::abort();
    return f;
  }();
  kiosk::fuzz::Bytes in{data, size};
  kiosk::text::LayoutRequest r;
  r.locale = kiosk::fuzz::layout_locales[in.take() % std::size(kiosk::fuzz::layout_locales)];
  r.size_px = 6.0f + static_cast<float>(in.take() % 96);
  const int width = in.take() << 8 | in.take();
  r.max_width = static_cast<float>(width % 2400);  // 0: no wrapping
  const std::uint8_t flags = in.take();
  r.align = static_cast<kiosk::text::Align>(flags % 3);
  r.max_lines = (flags >> 2) % 4;
  r.direction = static_cast<kiosk::text::Direction>((flags >> 4) % 4);
  r.bold = (flags & 0x80) != 0;
  r.text = in.rest();
  const auto p = kiosk::text::layout(*fonts, r);
  for (const auto& line : p.lines)
    for (const auto& run : line.runs)
      for (const auto& g : run.glyphs)
        if (g.cluster > r.text.size()) __builtin_trap();  // clusters index the text
  return 0;
}
