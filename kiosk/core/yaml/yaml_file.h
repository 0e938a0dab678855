#pragma once
// Reading one YAML file of a bundle: size, UTF-8 and bidi checks on the raw bytes (exact positions),
// then yaml-cpp, whose nodes keep their line and column.

#include <yaml-cpp/yaml.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"

namespace kiosk {

struct YamlFile {
  std::string display_path;  // as reported to editors
  std::string text;
  std::vector<std::size_t> line_starts;  // byte offset of each line
  YAML::Node root;
};

// nullopt when the file cannot be used at all (unreadable, too big, invalid UTF-8, YAML syntax).
// Bidi controls are reported as errors but the file is still parsed, so that other errors show too.
std::optional<YamlFile> load_yaml_file(const std::filesystem::path& path, std::string display_path, Diagnostics& diags);
std::optional<YamlFile> parse_yaml_text(std::string text, std::string display_path, Diagnostics& diags);

// yaml-cpp marks are 0-based and count bytes; ours are 1-based and count code points.
SourcePos pos_of(const YamlFile& file, const YAML::Node& node);
SourcePos pos_at(const YamlFile& file, int line0, int col0_bytes);

}  // namespace kiosk
