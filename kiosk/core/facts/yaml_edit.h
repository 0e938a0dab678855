#pragma once
// Minimal textual edits of a block-style YAML mapping: one key's value is replaced, added or removed and
// every other byte (comments, key order, quoting, blank lines) stays as the editor wrote it. Used where a
// tool writes facts back into files people also edit by hand; a re-dump would rewrite the whole file.

#include <yaml-cpp/yaml.h>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// A new value: `inline_text` after "key: " (a scalar or flow list as YAML text), or, when `nested` is not
// empty, lines "k: v" of a nested block mapping below the key. nullopt for an edit removes the key.
struct YamlValue {
  std::string inline_text;
  std::vector<std::string> nested;
};

// Returns `text` with `key` of the block mapping `map` (a node of YAML::Load(text)) set to `value`, or
// removed when value is nullopt. A new key is placed after the last present key that comes before it in
// `order`, at the mapping's indentation. A single-line value keeps a comment after it on the line.
// Throws std::runtime_error when the mapping is not in block style.
std::string set_yaml_key(const std::string& text, const YAML::Node& map, std::string_view key,
                         const std::optional<YamlValue>& value, std::span<const std::string_view> order);

// YAML text of a scalar: plain where that reads back as the same string, else double-quoted.
std::string yaml_scalar(const std::string& s, bool always_quote = false);
// "[a, b]" with each item as yaml_scalar.
std::string yaml_flow_list(const std::vector<std::string>& items, bool quote_items = false);

}  // namespace kiosk
