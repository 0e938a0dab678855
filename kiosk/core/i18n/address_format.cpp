#include "core/i18n/address_format.h"

#include <fmt/format.h>

namespace kiosk {

namespace {

// Calls field(name) for each {name} and text(piece) for what lies between; false on a broken brace.
template <class Field, class Text>
bool scan(std::string_view f, Field field, Text text) {
  std::size_t i = 0;
  while (i < f.size()) {
    const std::size_t open = f.find('{', i);
    const std::size_t stray = f.find('}', i);
    if (stray < open) return false;
    if (open == std::string_view::npos) {
      text(f.substr(i));
      break;
    }
    text(f.substr(i, open - i));
    const std::size_t close = f.find('}', open);
    if (close == std::string_view::npos) return false;
    const std::string_view name = f.substr(open + 1, close - open - 1);
    if (name.find_first_of("{\n") != std::string_view::npos) return false;
    field(name);
    i = close + 1;
  }
  return true;
}

std::string trim(std::string s) {
  const auto b = s.find_first_not_of(" ,");
  if (b == std::string::npos) return {};
  const auto e = s.find_last_not_of(" ,");
  return s.substr(b, e - b + 1);
}

}  // namespace

std::vector<std::string> address_lines(const Address& a, std::string_view format,
                                       const std::function<std::string(const std::string&)>& postcode) {
  if (format.empty()) format = default_address_format;
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start <= format.size()) {
    const std::size_t nl = format.find('\n', start);
    const std::string_view line_fmt = format.substr(start, nl == std::string_view::npos ? nl : nl - start);
    // Text before a field is kept when the field has a value; text after an empty field goes with it
    // ("{postcode} {city}" without a postcode is "Aachen", "{street}, {postcode} {city}" "Markt 1, Aachen").
    std::string line, gap;
    bool skip_text = false;
    scan(
        line_fmt,
        [&](std::string_view name) {
          std::string v = name == "street" ? a.street : name == "postcode" ? a.postcode : name == "city" ? a.city : "";
          if (v.empty()) {
            skip_text = true;
            return;
          }
          if (name == "postcode" && postcode) v = postcode(v);
          line += gap + v;
          gap.clear();
        },
        [&](std::string_view piece) {
          if (!skip_text) gap += piece;
          skip_text = false;
        });
    line = trim(line);
    if (!line.empty()) lines.push_back(std::move(line));
    if (nl == std::string_view::npos) break;
    start = nl + 1;
  }
  return lines;
}

std::string check_address_format(std::string_view format) {
  std::string bad;
  int fields = 0;
  const bool ok = scan(
      format,
      [&](std::string_view name) {
        if (name == "street" || name == "postcode" || name == "city")
          ++fields;
        else if (bad.empty())
          bad = fmt::format("'{{{}}}' is not a field of an address: use {{street}}, {{postcode}} and {{city}}", name);
      },
      [](std::string_view) {});
  if (!ok) return "a '{' without its '}' (or the other way round)";
  if (!bad.empty()) return bad;
  if (fields == 0) return "no field: use {street}, {postcode} and {city}";
  return {};
}

}  // namespace kiosk
