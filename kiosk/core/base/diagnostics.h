#pragma once
// Problems found in content, reported the way compilers do: `path:line:col: error: what; what to do`.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// 1-based line and column; column counts Unicode code points, as editors show them. 0 means "unknown".
struct SourcePos {
  std::string file;
  int line = 0;
  int col = 0;
};

enum class Severity { error, warning };

struct Diagnostic {
  Severity severity = Severity::error;
  SourcePos pos;
  std::string rule;     // stable id, e.g. "unknown-key", for machines and tests
  std::string message;  // what is wrong
  std::string hint;     // what to do (may be empty)
};

struct Diagnostics {
  std::vector<Diagnostic> items;

  void error(SourcePos pos, std::string rule, std::string message, std::string hint = {});
  void warning(SourcePos pos, std::string rule, std::string message, std::string hint = {});
  [[nodiscard]] bool has_errors() const;
  [[nodiscard]] std::size_t count(Severity s) const;
};

// `path:line:col: error: message; hint`
std::string format_diagnostic(const Diagnostic& d);
std::string_view severity_name(Severity s);

}  // namespace kiosk
