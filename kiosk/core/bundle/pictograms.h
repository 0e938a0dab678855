#pragma once
// The names of the pictograms: the kiosk's own (fonts/pictograms.yaml), which stand for icons of the
// icon font, and the icon font's own names (its package's code point list). Checked against the
// categories' `icon`s, where a bundle may also bring pictograms of its own.

#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/model/model.h"

namespace kiosk {

struct PictogramNames {
  std::map<std::string, char32_t, std::less<>> icons;           // the icon font's names → code points
  std::map<std::string, std::string, std::less<>> kiosk_names;  // ours ("free") → an icon ("money_off")
  std::set<std::string, std::less<>> mirror_in_rtl;             // icons with a direction (arrows)
  std::string credit;  // the icon and emoji fonts' licences, for the attribution line

  // The icon a name stands for (ours first, then the font's); nullopt for an unknown name.
  [[nodiscard]] std::optional<std::string_view> icon(std::string_view name) const;
  [[nodiscard]] std::optional<char32_t> code_point(std::string_view name) const;
  [[nodiscard]] bool mirrored(std::string_view name) const;
  [[nodiscard]] bool empty() const { return icons.empty(); }
};

// fonts/pictograms.yaml in the data folders; nullopt when there is none.
std::optional<std::filesystem::path> default_pictogram_config();

// Reads fonts/pictograms.yaml and the icon font's code point list it names. Problems are warnings: a
// kiosk without pictograms still works with words.
PictogramNames load_pictogram_names(const std::filesystem::path& config, Diagnostics& diags);

// A bundle's own pictogram is a PNG of at most this size (decoded whole when first drawn).
inline constexpr std::uintmax_t max_picture_bytes = 512 * 1024;

// The file a bundle's own pictogram would be in: <bundle>/pictograms/<name>.png.
std::filesystem::path bundle_pictogram_file(const std::filesystem::path& bundle_dir, std::string_view name);

// Every category's icon is a known pictogram name or one the bundle brings: an unknown name is an error
// at its place, with the closest known name.
void check_category_pictograms(const Bundle& b, const std::filesystem::path& bundle_dir, const PictogramNames& names,
                               Diagnostics& diags);

}  // namespace kiosk
