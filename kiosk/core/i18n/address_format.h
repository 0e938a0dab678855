#pragma once
// An address in its country's order (bundle.yaml `address_format`): lines of {street}, {postcode} and
// {city}, e.g. "{street}\n{postcode} {city}" in Germany, "{street}\n{city} {postcode}" in Malta. An
// empty field leaves no stray space or empty line.

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace kiosk {

inline constexpr std::string_view default_address_format = "{street}\n{postcode} {city}";

// `postcode` wraps the postcode (the kiosk isolates it as left-to-right inside right-to-left text).
std::vector<std::string> address_lines(const Address& a, std::string_view format,
                                       const std::function<std::string(const std::string&)>& postcode = {});

// What is wrong with a format ("" when nothing): an unknown field, an unclosed brace, no field at all.
std::string check_address_format(std::string_view format);

}  // namespace kiosk
