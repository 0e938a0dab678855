#pragma once
// Limits on content, so that a mistake (or a hostile file) cannot exhaust memory or the screen.
// Lengths count Unicode code points.

#include <cstddef>

namespace kiosk::limits {

inline constexpr std::size_t max_file_bytes = 16u << 20;
inline constexpr std::size_t max_id = 100;
inline constexpr std::size_t max_name = 200;
inline constexpr std::size_t max_short_text = 500;  // addresses, notes, synonyms
inline constexpr std::size_t max_description = 4000;
inline constexpr std::size_t max_announcement = 1000;
inline constexpr std::size_t max_url = 2000;
inline constexpr std::size_t max_list = 100;  // phones, languages, documents, ...

}  // namespace kiosk::limits
