#include "core/facts/csv_table.h"

#include <csv.h>
#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>

#include "core/base/utf8.h"

namespace kiosk {
namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

// The separator the first row uses most, counting only outside quotes. Rows of help at the top ("# ...",
// one cell each) tell nothing and are passed over.
char detect_separator(std::string_view text) {
  std::array<int, 3> counts{};
  constexpr std::array<char, 3> candidates = {',', ';', '\t'};
  bool quoted = false;
  bool line_start = true;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (line_start && !quoted && (c == '#' || (c == '"' && i + 1 < text.size() && text[i + 1] == '#'))) {
      const std::size_t cell_end = c == '"' ? text.find('"', i + 1) : i;  // a help row's quoted cell
      i = text.find('\n', cell_end == std::string_view::npos ? i : cell_end);
      if (i == std::string_view::npos) break;
      continue;
    }
    line_start = false;
    if (c == '"') quoted = !quoted;
    if (quoted) continue;
    if (c == '\n' || c == '\r') {
      if (counts != std::array<int, 3>{}) break;
      line_start = true;
      continue;
    }
    for (std::size_t k = 0; k < candidates.size(); ++k) counts[k] += c == candidates[k];
  }
  const auto best = std::max_element(counts.begin(), counts.end());
  return *best > 0 ? candidates[static_cast<std::size_t>(best - counts.begin())] : ',';
}

struct ParseState {
  CsvTable table;
  std::vector<std::string> row;
  bool last_was_cr = false;
};

void on_field(void* data, std::size_t len, void* state) {
  auto& s = *static_cast<ParseState*>(state);
  s.row.emplace_back(data ? static_cast<const char*>(data) : "", data ? len : 0);
  s.last_was_cr = false;
}

void on_row(int terminator, void* state) {
  auto& s = *static_cast<ParseState*>(state);
  // With CSV_REPALL_NL every line end is reported: "\r\n" is one line end, not a row and a blank row.
  if (terminator == '\n' && s.last_was_cr && s.row.empty()) {
    s.last_was_cr = false;
    return;
  }
  s.last_was_cr = terminator == '\r';
  // A single empty field is a blank row.
  if (s.row.size() == 1 && s.row[0].empty()) s.row.clear();
  s.table.rows.push_back(std::move(s.row));
  s.row.clear();
}

int is_space(unsigned char c) {
  return c == ' ' ? 1 : 0;
}  // never the tab: it may be the separator
int is_line_end(unsigned char c) {
  return c == '\r' || c == '\n' ? 1 : 0;
}

int line_of(std::string_view text, std::size_t offset) {
  return 1 + static_cast<int>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
}

// A field as written: quoted, with the quotes inside doubled, when it holds the separator, a quote or a
// line end, or spaces at either end (which readers would drop).
std::string csv_field(const std::string& f, char separator) {
  const bool quote = f.find_first_of(std::string{'"', '\r', '\n', separator}) != std::string::npos ||
                     (!f.empty() && (f.front() == ' ' || f.back() == ' '));
  if (!quote) return f;
  std::string buf(f.size() * 2 + 2, '\0');  // csv_write quotes and doubles the quotes inside
  buf.resize(csv_write(buf.data(), buf.size(), f.data(), f.size()));
  return buf;
}

}  // namespace

std::variant<CsvTable, CsvError> read_csv(std::string_view text) {
  if (text.starts_with(utf8_bom)) text.remove_prefix(utf8_bom.size());
  if (const auto bad = first_invalid_utf8(text))
    return CsvError{line_of(text, *bad),
                    "the file is not UTF-8 text; in the spreadsheet program save it as \"CSV UTF-8\" (Excel) or "
                    "\"Text CSV\" with character set Unicode (UTF-8) (LibreOffice)"};
  ParseState state;
  state.table.separator = detect_separator(text);
  csv_parser p{};
  if (csv_init(&p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0) return CsvError{0, "out of memory"};
  csv_set_delim(&p, static_cast<unsigned char>(state.table.separator));
  csv_set_space_func(&p, is_space);
  csv_set_term_func(&p, is_line_end);
  const std::size_t parsed = csv_parse(&p, text.data(), text.size(), on_field, on_row, &state);
  int status = parsed == text.size() ? CSV_SUCCESS : csv_error(&p);
  if (status == CSV_SUCCESS && csv_fini(&p, on_field, on_row, &state) != 0) status = csv_error(&p);
  csv_free(&p);
  if (status != CSV_SUCCESS)
    return CsvError{static_cast<int>(state.table.rows.size()) + 1,
                    status == CSV_EPARSE
                        ? "a quoted cell is not closed, or a quote stands inside an unquoted cell; write a quote "
                          "inside a cell as two quotes (\"\")"
                        : fmt::format("cannot read the file: {}", csv_strerror(status))};
  return std::move(state.table);
}

std::string write_csv(const std::vector<std::vector<std::string>>& rows, char separator, bool bom) {
  std::string out = bom ? std::string(utf8_bom) : std::string();
  std::vector<std::string> fields;
  for (const auto& row : rows) {
    fields.clear();
    for (const auto& f : row) fields.push_back(csv_field(f, separator));
    out += fmt::format("{}\r\n", fmt::join(fields, std::string_view(&separator, 1)));
  }
  return out;
}

}  // namespace kiosk
