#pragma once
// Typed reading of YAML values with editor-friendly errors. Every reader reports at the value's own
// position and returns nullopt (or an empty value) after reporting, so loading goes on and shows all
// problems at once.

#include <yaml-cpp/yaml.h>

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/model/model.h"
#include "core/yaml/yaml_file.h"

namespace kiosk {

struct ReadContext {
  const YamlFile& file;
  Diagnostics& diags;

  [[nodiscard]] SourcePos pos(const YAML::Node& n) const { return pos_of(file, n); }
};

// A YAML mapping with a known set of keys. Construction reports unknown keys (with a suggestion) and
// duplicate keys; get() returns an undefined node for an absent key.
class MapReader {
 public:
  MapReader(const ReadContext& ctx, const YAML::Node& map, std::string_view what,
            std::initializer_list<std::string_view> keys);

  [[nodiscard]] bool ok() const { return ok_; }  // false when the node is not a mapping
  [[nodiscard]] YAML::Node get(std::string_view key) const;
  [[nodiscard]] bool has(std::string_view key) const;
  // Reports "<what> has no '<key>'" at the mapping when the key is missing or empty.
  YAML::Node require(std::string_view key, std::string_view hint = {}) const;
  [[nodiscard]] SourcePos pos() const { return ctx_.pos(map_); }

 private:
  const ReadContext& ctx_;
  YAML::Node map_;
  std::vector<std::pair<std::string, YAML::Node>> entries_;  // first occurrence of each key, in order
  std::string what_;
  bool ok_ = false;
};

bool expect_scalar(const ReadContext& ctx, const YAML::Node& n, std::string_view what);
std::optional<std::string> read_string(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                       std::size_t max_len);
std::optional<std::string> read_id(const ReadContext& ctx, const YAML::Node& n, std::string_view what);
std::optional<double> read_number(const ReadContext& ctx, const YAML::Node& n, std::string_view what, double min,
                                  double max);
std::optional<std::int64_t> read_integer(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                         std::int64_t min, std::int64_t max);
std::optional<bool> read_bool(const ReadContext& ctx, const YAML::Node& n, std::string_view what);
std::optional<Date> read_date(const ReadContext& ctx, const YAML::Node& n, std::string_view what);
std::optional<LocalDateTime> read_date_time(const ReadContext& ctx, const YAML::Node& n, std::string_view what);
// One of `allowed`; returns its index.
std::optional<std::size_t> read_choice(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                       std::initializer_list<std::string_view> allowed);
std::vector<std::string> read_string_list(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                          std::size_t max_len);
std::optional<std::string> read_language_tag(const ReadContext& ctx, const YAML::Node& n, std::string_view what);
// A scalar (read as `und`) or a mapping from BCP 47 tags to text.
LocalizedText read_localized(const ReadContext& ctx, const YAML::Node& n, std::string_view what, std::size_t max_len);

std::optional<Date> parse_date(std::string_view s);
std::optional<LocalDateTime> parse_date_time(std::string_view s);  // "YYYY-MM-DD" or "YYYY-MM-DD[T ]HH:MM"
std::optional<int> parse_hh_mm(std::string_view s);                // minutes of the day; "24:00" allowed

}  // namespace kiosk
