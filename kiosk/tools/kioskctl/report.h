#pragma once
// Printing diagnostics for people (compiler style) and machines (JSON).

#include <nlohmann/json.hpp>

#include <cstddef>
#include <cstdio>

#include "core/base/diagnostics.h"

namespace kioskctl {

// Errors are always printed; warnings up to max_warnings_per_rule per rule, then a count of the rest.
void print_diagnostics(std::FILE* out, const kiosk::Diagnostics& diags, std::size_t max_warnings_per_rule);
nlohmann::json diagnostics_json(const kiosk::Diagnostics& diags);

}  // namespace kioskctl
