#include "core/bundle/pictograms.h"

#include <fmt/format.h>

#include <fstream>

#include "core/base/data_paths.h"
#include "core/base/suggest.h"
#include "core/yaml/yaml_file.h"
#include "core/yaml/yaml_read.h"

namespace kiosk {

namespace fs = std::filesystem;

std::optional<std::string_view> PictogramNames::icon(std::string_view name) const {
  if (auto it = kiosk_names.find(name); it != kiosk_names.end()) return it->second;
  if (icons.find(name) != icons.end()) return name;
  return std::nullopt;
}

std::optional<char32_t> PictogramNames::code_point(std::string_view name) const {
  const auto i = icon(name);
  if (!i) return std::nullopt;
  auto it = icons.find(*i);
  return it == icons.end() ? std::nullopt : std::optional<char32_t>(it->second);
}

bool PictogramNames::mirrored(std::string_view name) const {
  const auto i = icon(name);
  return i && mirror_in_rtl.find(*i) != mirror_in_rtl.end();
}

std::optional<fs::path> default_pictogram_config() {
  return find_data("fonts/pictograms.yaml");
}

namespace {

// The package's list: lines such as `"local_hospital": e548,` (Sass map of names to code points).
void read_code_points(const fs::path& file, PictogramNames& out) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);) {
    const auto q1 = line.find('"'), q2 = line.find('"', q1 + 1), colon = line.find(':', q2 + 1);
    if (q1 == std::string::npos || q2 == std::string::npos || colon == std::string::npos) continue;
    std::size_t end = colon + 1;
    while (end < line.size() && line[end] == ' ') ++end;
    const std::size_t hex_start = end;
    while (end < line.size() && std::isxdigit(static_cast<unsigned char>(line[end])) != 0) ++end;
    if (end == hex_start || end - hex_start > 6) continue;
    out.icons.emplace(line.substr(q1 + 1, q2 - q1 - 1),
                      static_cast<char32_t>(std::stoul(line.substr(hex_start, end - hex_start), nullptr, 16)));
  }
}

}  // namespace

PictogramNames load_pictogram_names(const fs::path& config, Diagnostics& diags) {
  PictogramNames names;
  auto file = load_yaml_file(config, config.generic_string(), diags);
  if (!file) return names;
  const ReadContext ctx{*file, diags};
  MapReader top(ctx, file->root, "pictograms.yaml", {"font_names", "names", "mirror_in_rtl", "credit"});
  if (auto v = read_string(ctx, top.require("font_names"), "the icon font's names", 500)) {
    read_code_points(*v, names);
    if (names.icons.empty())
      diags.warning(ctx.pos(top.get("font_names")), "no-pictograms",
                    fmt::format("no icon names could be read from {}: categories and facts show no pictograms", *v),
                    "install fonts-material-design-icons-iconfont (deploy/install-deps.sh)");
  }
  const YAML::Node map = top.get("names");
  if (map.IsMap())
    for (const auto& kv : map) {
      const std::string ours = kv.first.Scalar(), theirs = kv.second.Scalar();
      if (!names.icons.empty() && names.icons.find(theirs) == names.icons.end())
        diags.warning(ctx.pos(kv.second), "unknown-pictogram", fmt::format("'{}' is not an icon of the font", theirs));
      names.kiosk_names.emplace(ours, theirs);
    }
  if (top.has("credit"))
    if (auto v = read_string(ctx, top.get("credit"), "the credit", 500)) names.credit = *v;
  for (const auto& n : read_string_list(ctx, top.get("mirror_in_rtl"), "an icon name", 100))
    names.mirror_in_rtl.insert(n);
  return names;
}

fs::path bundle_pictogram_file(const fs::path& bundle_dir, std::string_view name) {
  return bundle_dir / "pictograms" / (std::string(name) + ".png");
}

void check_category_pictograms(const Bundle& b, const fs::path& bundle_dir, const PictogramNames& names,
                               Diagnostics& diags) {
  if (names.empty()) return;  // already warned: no icon names to check against
  std::vector<std::string> known;
  for (const auto& [ours, icon] : names.kiosk_names) known.push_back(ours);
  for (const auto& [icon, cp] : names.icons) known.push_back(icon);
  for (const Category& c : b.categories) {
    if (c.icon.empty() || names.icon(c.icon)) continue;
    const fs::path own = bundle_pictogram_file(bundle_dir, c.icon);
    std::error_code ec;
    if (fs::is_regular_file(own, ec)) {
      // A picture of its own: a PNG, small enough to decode at once on a kiosk.
      char signature[8] = {};
      std::ifstream(own, std::ios::binary).read(signature, sizeof signature);
      const auto size = fs::file_size(own, ec);
      if (std::string_view(signature, sizeof signature) != std::string_view("\x89PNG\r\n\x1a\n", 8))
        diags.error({own.generic_string(), 0, 0}, "bad-pictogram", "not a PNG file",
                    "save the pictogram as PNG with a transparent background");
      else if (ec || size > max_picture_bytes)
        diags.error({own.generic_string(), 0, 0}, "bad-pictogram",
                    fmt::format("{} bytes; a pictogram may have at most {}", size, max_picture_bytes),
                    "a pictogram needs no more than 256 x 256 pixels");
      continue;
    }
    const std::string close = closest_match(c.icon, known);
    diags.error(c.icon_pos, "unknown-pictogram",
                fmt::format("category '{}': '{}' is not a pictogram name", c.id, c.icon),
                close.empty() ? fmt::format("use a name from fonts/pictograms.yaml or a Material Icons name, or "
                                            "add pictograms/{}.png to the bundle",
                                            c.icon)
                              : fmt::format("did you mean '{}'?", close));
  }
}

}  // namespace kiosk
