#pragma once
// Limits on content, so that a mistake (or a hostile file) cannot exhaust memory or the screen.
// Lengths count Unicode code points.

#include <cstddef>

namespace kiosk::limits {

inline constexpr std::size_t max_file_bytes = 4u << 20;  // ~1,000 services of 12 languages
inline constexpr std::size_t max_id = 100;
inline constexpr std::size_t max_name = 200;
inline constexpr std::size_t max_short_text = 500;  // addresses, notes, synonyms
inline constexpr std::size_t max_description = 4000;
inline constexpr std::size_t max_announcement = 1000;
inline constexpr std::size_t max_url = 2000;
inline constexpr std::size_t max_list = 100;  // phones, languages, documents, ...

// A whole bundle. Sized for a metropolis: 64 times the sample city is ~20,000 services and ~90 MB of YAML.
// More is refused by validate, build and the kiosk before it is parsed (33,000 services needed 511 MB).
inline constexpr std::size_t max_services = 25'000;
inline constexpr std::size_t max_service_files_bytes = 128u << 20;
inline constexpr std::size_t max_bundle_entries = 100'000;  // files and folders, so a walk stays short

}  // namespace kiosk::limits
