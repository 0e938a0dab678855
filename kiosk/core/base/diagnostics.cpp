#include "core/base/diagnostics.h"

#include <algorithm>

namespace kiosk {

void Diagnostics::error(SourcePos pos, std::string rule, std::string message, std::string hint) {
  items.push_back({Severity::error, std::move(pos), std::move(rule), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourcePos pos, std::string rule, std::string message, std::string hint) {
  items.push_back({Severity::warning, std::move(pos), std::move(rule), std::move(message), std::move(hint)});
}

bool Diagnostics::has_errors() const {
  return count(Severity::error) > 0;
}

std::size_t Diagnostics::count(Severity s) const {
  return static_cast<std::size_t>(
      std::count_if(items.begin(), items.end(), [s](const Diagnostic& d) { return d.severity == s; }));
}

std::string_view severity_name(Severity s) {
  return s == Severity::error ? "error" : "warning";
}

std::string format_diagnostic(const Diagnostic& d) {
  std::string out = d.pos.file;
  if (d.pos.line > 0) {
    out += ':' + std::to_string(d.pos.line);
    if (d.pos.col > 0) out += ':' + std::to_string(d.pos.col);
  }
  out += ": ";
  out += severity_name(d.severity);
  out += ": ";
  out += d.message;
  if (!d.hint.empty()) {
    out += "; ";
    out += d.hint;
  }
  return out;
}

}  // namespace kiosk
