#include "core/facts/yaml_edit.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <stdexcept>

namespace kiosk {
namespace {

struct Lines {
  std::vector<std::size_t> starts;  // byte offset of each line
  const std::string& text;

  explicit Lines(const std::string& t) : text(t) {
    starts.push_back(0);
    for (std::size_t i = 0; i < t.size(); ++i)
      if (t[i] == '\n') starts.push_back(i + 1);
  }
  [[nodiscard]] std::size_t count() const { return starts.size(); }
  [[nodiscard]] std::size_t end_of(std::size_t line) const {  // offset after the line's '\n' (or text end)
    return line + 1 < starts.size() ? starts[line + 1] : text.size();
  }
  [[nodiscard]] std::string_view get(std::size_t line) const {
    std::string_view s(text.data() + starts[line], end_of(line) - starts[line]);
    while (!s.empty() && (s.back() == '\n' || s.back() == '\r')) s.remove_suffix(1);
    return s;
  }
  [[nodiscard]] static std::size_t indent(std::string_view s) { return s.find_first_not_of(' '); }
  [[nodiscard]] static bool blank_or_comment(std::string_view s) {
    const auto i = s.find_first_not_of(" \t");
    return i == std::string_view::npos || s[i] == '#';
  }
};

// The last line of the entry whose key starts at key_line, column key_col: lines indented deeper belong
// to its value; blank and comment lines between the entry and the next key stay where they are.
std::size_t entry_last_line(const Lines& lines, std::size_t key_line, std::size_t key_col) {
  std::size_t last = key_line;
  for (std::size_t l = key_line + 1; l < lines.count(); ++l) {
    const auto s = lines.get(l);
    if (Lines::blank_or_comment(s)) continue;
    if (Lines::indent(s) <= key_col) break;
    last = l;
  }
  return last;
}

// The end (exclusive) of a single-line value that starts at `start`.
std::size_t value_end(std::string_view line, std::size_t start) {
  if (start >= line.size()) return line.size();
  const char c = line[start];
  if (c == '"') {
    for (std::size_t j = start + 1; j < line.size(); ++j) {
      if (line[j] == '\\')
        ++j;
      else if (line[j] == '"')
        return j + 1;
    }
  } else if (c == '\'') {
    for (std::size_t j = start + 1; j < line.size(); ++j) {
      if (line[j] == '\'' && j + 1 < line.size() && line[j + 1] == '\'')
        ++j;
      else if (line[j] == '\'')
        return j + 1;
    }
  } else if (c == '[' || c == '{') {
    int depth = 0;
    char quote = 0;
    for (std::size_t j = start; j < line.size(); ++j) {
      if (quote) {
        if (line[j] == quote) quote = 0;
      } else if (line[j] == '"' || line[j] == '\'') {
        quote = line[j];
      } else if (line[j] == '[' || line[j] == '{') {
        ++depth;
      } else if ((line[j] == ']' || line[j] == '}') && --depth == 0) {
        return j + 1;
      }
    }
  } else {
    std::size_t end = line.find(" #", start);
    if (end == std::string_view::npos) end = line.size();
    while (end > start && (line[end - 1] == ' ' || line[end - 1] == '\t')) --end;
    return end;
  }
  return line.size();
}

std::string entry_text(std::string_view key, const YamlValue& v, std::size_t col) {
  std::string s(key);
  s += ':';
  if (v.nested.empty()) return s + ' ' + v.inline_text;
  for (const auto& n : v.nested) s += '\n' + std::string(col + 2, ' ') + n;
  return s;
}

}  // namespace

std::string set_yaml_key(const std::string& text, const YAML::Node& map, std::string_view key,
                         const std::optional<YamlValue>& value, std::span<const std::string_view> order) {
  if (!map.IsMap() || map.Style() == YAML::EmitterStyle::Flow)
    throw std::runtime_error("the mapping is written in flow style ({...}); write it as one key per line");
  const Lines lines(text);
  struct Entry {
    std::string key;
    YAML::Mark key_mark, value_mark;
    bool value_null;
  };
  std::vector<Entry> entries;
  for (auto it = map.begin(); it != map.end(); ++it)
    entries.push_back({it->first.Scalar(), it->first.Mark(), it->second.Mark(), it->second.IsNull()});
  if (entries.empty()) throw std::runtime_error("the mapping is empty");
  const auto col = static_cast<std::size_t>(entries.front().key_mark.column);

  const auto found = std::find_if(entries.begin(), entries.end(), [&](const Entry& e) { return e.key == key; });
  if (found != entries.end()) {
    const auto key_line = static_cast<std::size_t>(found->key_mark.line);
    const std::size_t last = entry_last_line(lines, key_line, col);
    const std::size_t key_pos = static_cast<std::size_t>(found->key_mark.pos);
    if (!value) {  // remove the entry's lines; a key sharing its line with "- " is never removed here
      return text.substr(0, lines.starts[key_line]) + text.substr(lines.end_of(last));
    }
    // A one-line value on the key's line: replace just the value and keep what follows (a comment).
    if (value->nested.empty() && last == key_line && !found->value_null &&
        static_cast<std::size_t>(found->value_mark.line) == key_line) {
      const std::string_view line = lines.get(key_line);
      const std::size_t start = static_cast<std::size_t>(found->value_mark.column);
      const std::size_t end = value_end(line, start);
      return text.substr(0, lines.starts[key_line] + start) + value->inline_text +
             text.substr(lines.starts[key_line] + end);
    }
    const std::string_view last_line = lines.get(last);
    return text.substr(0, key_pos) + entry_text(key, *value, col) + text.substr(lines.starts[last] + last_line.size());
  }
  if (!value) return text;
  // A new key: after the last present key that comes before it in the canonical order.
  const auto key_rank = std::find(order.begin(), order.end(), key);
  const Entry* anchor = &entries.front();
  for (const auto& e : entries) {
    const auto rank = std::find(order.begin(), order.end(), e.key);
    if (rank < key_rank) anchor = &e;
  }
  const std::size_t last = entry_last_line(lines, static_cast<std::size_t>(anchor->key_mark.line), col);
  const std::size_t at = lines.starts[last] + lines.get(last).size();
  const std::string eol = text.find("\r\n") != std::string::npos ? "\r\n" : "\n";
  std::string added = entry_text(key, *value, col);
  std::string out = text.substr(0, at);
  for (std::size_t i = 0, start = 0; i <= added.size(); ++i)
    if (i == added.size() || added[i] == '\n') {
      out += eol + std::string(start == 0 ? col : 0, ' ') + added.substr(start, i - start);
      start = i + 1;
    }
  return out + text.substr(at);
}

std::string yaml_scalar(const std::string& s, bool always_quote) {
  YAML::Emitter e;
  if (always_quote) e << YAML::DoubleQuoted;
  e << s;
  return e.c_str();
}

std::string yaml_flow_list(const std::vector<std::string>& items, bool quote_items) {
  std::vector<std::string> scalars;
  for (const auto& item : items) scalars.push_back(yaml_scalar(item, quote_items));
  return fmt::format("[{}]", fmt::join(scalars, ", "));
}

}  // namespace kiosk
