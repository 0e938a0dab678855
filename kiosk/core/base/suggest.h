#pragma once
// "Did you mean ...?" for misspelt keys and ids.

#include <span>
#include <string>
#include <string_view>

namespace kiosk {

std::size_t edit_distance(std::string_view a, std::string_view b);

// The closest candidate within a distance that still looks like a typo, or "" when none is close.
std::string closest_match(std::string_view word, std::span<const std::string> candidates);
std::string closest_match(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace kiosk
