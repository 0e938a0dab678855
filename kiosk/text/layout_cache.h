#pragma once
// Laid-out paragraphs by (text, locale, size, width, alignment, lines, direction, weight), least
// recently used dropped first, so that a frame showing the same text again does no shaping.

#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "text/paragraph.h"

namespace kiosk::text {

class LayoutCache {
 public:
  explicit LayoutCache(std::size_t capacity = 4096) : capacity_(capacity) {}

  // The cached paragraph, or the one `make` lays out (then cached).
  template <typename Make>
  std::shared_ptr<const Paragraph> get(const LayoutRequest& r, Make&& make) {
    key_buf_.clear();
    key_of(r, key_buf_);
    if (auto it = map_.find(key_buf_); it != map_.end()) {
      order_.splice(order_.begin(), order_, it->second);
      ++hits_;
      return it->second->second;
    }
    ++misses_;
    auto p = std::make_shared<const Paragraph>(make(r));
    order_.emplace_front(key_buf_, p);
    map_.emplace(key_buf_, order_.begin());
    if (map_.size() > capacity_) {
      map_.erase(order_.back().first);
      order_.pop_back();
    }
    return p;
  }
  void clear() {
    map_.clear();
    order_.clear();
  }
  [[nodiscard]] std::size_t size() const { return map_.size(); }
  [[nodiscard]] std::size_t capacity() const { return capacity_; }
  // Roughly what the kept paragraphs take (glyphs, runs, lines, keys); walks the cache: for reports only.
  [[nodiscard]] std::size_t approx_bytes() const {
    std::size_t n = 0;
    for (const auto& [key, p] : order_) {
      n += key.capacity() + sizeof(Paragraph) + p->lines.capacity() * sizeof(Line);
      for (const auto& line : p->lines) {
        n += line.runs.capacity() * sizeof(GlyphRun);
        for (const auto& run : line.runs) n += run.glyphs.capacity() * sizeof(Glyph) + run.script.capacity();
      }
    }
    return n;
  }
  [[nodiscard]] std::size_t hits() const { return hits_; }
  [[nodiscard]] std::size_t misses() const { return misses_; }

 private:
  static void key_of(const LayoutRequest& r, std::string& out);
  std::size_t capacity_;
  std::list<std::pair<std::string, std::shared_ptr<const Paragraph>>> order_;
  std::unordered_map<std::string, decltype(order_)::iterator> map_;
  std::string key_buf_;
  std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace kiosk::text
