#pragma once
// The one pipeline every resident-facing string goes through: paragraph bidi (ICU) -> script runs ->
// per-character font fallback -> HarfBuzz shaping -> line breaking (ICU) -> bidi reordering per line
// -> alignment and ellipsis.

#include <vector>

#include "text/paragraph.h"

namespace kiosk::text {

Paragraph layout(FontSet& fonts, const LayoutRequest& request);

// The UBA's visual order of a UTF-16 string's characters for one line (indices into the text, left to
// right, without characters the algorithm removes), as the layout uses it; for conformance tests.
// direction: 0 LTR, 1 RTL, 2 auto.
std::vector<int> bidi_visual_order(const std::u16string& text, int direction, std::vector<int>* levels = nullptr);

}  // namespace kiosk::text
