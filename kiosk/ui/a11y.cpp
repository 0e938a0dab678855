#include "ui/a11y.h"

#include <algorithm>
#include <numeric>

namespace kiosk::ui {

std::vector<std::size_t> reading_order(const std::vector<A11yItem>& items, bool rtl) {
  std::vector<std::size_t> order(items.size());
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return items[a].rect.Min.y < items[b].rect.Min.y; });
  // Rows: an item starting above the middle of the row's first item belongs to that row.
  std::vector<std::size_t> out;
  out.reserve(order.size());
  for (std::size_t i = 0; i < order.size();) {
    const ImRect& first = items[order[i]].rect;
    const float row_mid = (first.Min.y + first.Max.y) / 2;
    std::size_t j = i + 1;
    while (j < order.size() && items[order[j]].rect.Min.y < row_mid) ++j;
    std::vector<std::size_t> row(order.begin() + static_cast<std::ptrdiff_t>(i),
                                 order.begin() + static_cast<std::ptrdiff_t>(j));
    std::stable_sort(row.begin(), row.end(), [&](std::size_t a, std::size_t b) {
      return rtl ? items[a].rect.Max.x > items[b].rect.Max.x : items[a].rect.Min.x < items[b].rect.Min.x;
    });
    out.insert(out.end(), row.begin(), row.end());
    i = j;
  }
  return out;
}

std::vector<ImGuiID> focus_order(const A11yFrame& frame, bool rtl) {
  std::vector<ImGuiID> ids;
  for (const std::size_t i : reading_order(frame.items, rtl))
    if (frame.items[i].role == A11yRole::button && frame.items[i].id != 0) ids.push_back(frame.items[i].id);
  return ids;
}

const A11yItem* find_control(const A11yFrame& frame, ImGuiID id) {
  for (const auto& item : frame.items)
    if (item.role == A11yRole::button && item.id == id) return &item;
  return nullptr;
}

}  // namespace kiosk::ui
