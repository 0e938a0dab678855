#include "report.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <tuple>
#include <vector>

namespace kioskctl {

void print_diagnostics(std::FILE* out, const kiosk::Diagnostics& diags, std::size_t max_warnings_per_rule) {
  std::map<std::string, std::size_t> shown, hidden;
  // Errors first, then warnings; each in file order.
  std::vector<const kiosk::Diagnostic*> sorted;
  for (const auto& d : diags.items) sorted.push_back(&d);
  std::stable_sort(sorted.begin(), sorted.end(), [](const kiosk::Diagnostic* a, const kiosk::Diagnostic* b) {
    return std::tie(a->severity, a->pos.file, a->pos.line, a->pos.col) <
           std::tie(b->severity, b->pos.file, b->pos.line, b->pos.col);
  });
  for (const kiosk::Diagnostic* dp : sorted) {
    const auto& d = *dp;
    if (d.severity == kiosk::Severity::warning && shown[d.rule] >= max_warnings_per_rule) {
      ++hidden[d.rule];
      continue;
    }
    ++shown[d.rule];
    fmt::print(out, "{}\n", kiosk::format_diagnostic(d));
  }
  for (const auto& [rule, n] : hidden)
    fmt::print(out, "... and {} more '{}' warnings (use --all-warnings to see them)\n", n, rule);
}

nlohmann::json diagnostics_json(const kiosk::Diagnostics& diags) {
  nlohmann::json list = nlohmann::json::array();
  for (const auto& d : diags.items)
    list.push_back({{"severity", kiosk::severity_name(d.severity)},
                    {"file", d.pos.file},
                    {"line", d.pos.line},
                    {"col", d.pos.col},
                    {"rule", d.rule},
                    {"message", d.message},
                    {"hint", d.hint}});
  return list;
}

}  // namespace kioskctl
