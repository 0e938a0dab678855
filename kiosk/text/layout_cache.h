#pragma once
// Laid-out paragraphs by (text, locale, size, width, alignment, lines, direction, weight), least
// recently used dropped first, so that a frame showing the same text again does no shaping. Bounded by
// count and by bytes: paragraphs differ a hundredfold in size, and a kiosk runs for months.

#include <list>
#include <memory>
#include <string>
#include <unordered_map>

#include "text/paragraph.h"

namespace kiosk::text {

class LayoutCache {
 public:
  explicit LayoutCache(std::size_t capacity = 4096, std::size_t max_bytes = 3 << 20)
      : capacity_(capacity), max_bytes_(max_bytes) {}

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
    bytes_ += entry_bytes(key_buf_, *p);
    while (map_.size() > 1 && (map_.size() > capacity_ || bytes_ > max_bytes_)) {
      bytes_ -= entry_bytes(order_.back().first, *order_.back().second);
      map_.erase(order_.back().first);
      order_.pop_back();
      ++evictions_;
    }
    return p;
  }
  void clear() {
    map_.clear();
    order_.clear();
    bytes_ = 0;
  }
  [[nodiscard]] std::size_t size() const { return map_.size(); }
  [[nodiscard]] std::size_t capacity() const { return capacity_; }
  [[nodiscard]] std::size_t max_bytes() const { return max_bytes_; }
  // Roughly what the kept paragraphs take (glyphs, runs, lines, keys, bookkeeping).
  [[nodiscard]] std::size_t approx_bytes() const { return bytes_; }
  // Paragraphs dropped for room so far: once there are some, the cache is as large as it gets.
  [[nodiscard]] std::size_t evictions() const { return evictions_; }
  [[nodiscard]] std::size_t hits() const { return hits_; }
  [[nodiscard]] std::size_t misses() const { return misses_; }

 private:
  static void key_of(const LayoutRequest& r, std::string& out);
  static std::size_t entry_bytes(const std::string& key, const Paragraph& p);
  std::size_t capacity_, max_bytes_;
  std::size_t bytes_ = 0, evictions_ = 0;
  std::list<std::pair<std::string, std::shared_ptr<const Paragraph>>> order_;
  std::unordered_map<std::string, decltype(order_)::iterator> map_;
  std::string key_buf_;
  std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace kiosk::text
