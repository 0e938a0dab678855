#include "text/layout_cache.h"

#include <cstring>

namespace kiosk::text {

void LayoutCache::key_of(const LayoutRequest& r, std::string& out) {
  // Binary fields first, then the locale and the text; the text's length is implied by the key's.
  auto put = [&](const auto& v) { out.append(reinterpret_cast<const char*>(&v), sizeof v); };
  put(r.size_px);
  put(r.max_width);
  put(r.align);
  put(r.max_lines);
  put(r.direction);
  put(r.bold);
  const auto n = static_cast<std::uint8_t>(r.locale.size());
  put(n);
  out += r.locale;
  out += r.text;
}

std::size_t LayoutCache::entry_bytes(const std::string& key, const Paragraph& p) {
  // Two copies of the key (list and map), their nodes and the shared_ptr's block: ~128 bytes.
  std::size_t n = 2 * key.size() + 128 + sizeof(Paragraph) + p.lines.capacity() * sizeof(Line);
  for (const auto& line : p.lines) {
    n += line.runs.capacity() * sizeof(GlyphRun);
    for (const auto& run : line.runs) n += run.glyphs.capacity() * sizeof(Glyph) + run.script.capacity();
  }
  return n;
}

}  // namespace kiosk::text
