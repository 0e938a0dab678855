#pragma once
// The fonts of the text pipeline: fonts/fonts.yaml read into fallback chains per script, and the font
// files opened by path (HarfBuzz for shaping and metrics, FreeType for rasterizing).

#include <hb.h>
#include <unicode/uscript.h>

#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"

typedef struct FT_LibraryRec_* FT_Library;
typedef struct FT_FaceRec_* FT_Face;

namespace kiosk::text {

using FontId = int;  // index into FontSet::faces()

struct FontFace {
  std::string path;
  FT_Face ft = nullptr;
  hb_face_t* hb_face = nullptr;
  hb_font_t* hb_font = nullptr;  // scale = units per em: positions come out in font units
  int units_per_em = 1000;
  int ascender = 0, descender = 0, line_gap = 0;  // font units; descender is negative
  float ft_size = 0;                              // size FreeType is set to, in pixels
  // A colour bitmap font (CBDT, e.g. Noto Color Emoji): glyphs come from its largest strike, which has
  // this many pixels per em, and are scaled to the text size.
  bool bitmap_color = false;
  bool color = false;  // has colour glyphs (CBDT, COLR): `kioskctl layout` says so for emoji runs
  float strike_ppem = 0;
};

class FontSet {
 public:
  // Reads the config (fonts.yaml); font files are looked up in its search paths. Problems (a missing
  // file) are reported; a chain keeps the fonts that exist.
  static std::unique_ptr<FontSet> load(const std::filesystem::path& config, Diagnostics& diags);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // Fonts to try for a character of this script, in order; ends with the default chain.
  [[nodiscard]] const std::vector<FontId>& chain(UScriptCode script, bool bold) const;
  [[nodiscard]] bool has_glyph(FontId font, char32_t cp) const;
  // The colour font for emoji presentation (fonts.yaml `emoji`), -1 without one. It is in no chain:
  // the layout gives it emoji sequences, and characters no other font has.
  [[nodiscard]] FontId emoji_font() const { return emoji_font_; }
  // The icon font of the pictograms (fonts.yaml `pictograms`), -1 without one; in no chain either.
  [[nodiscard]] FontId pictogram_font() const { return pictogram_font_; }
  // The first font of the default chain: its ascender and descender are the normal line spacing.
  [[nodiscard]] FontId base_font() const { return default_chain_.empty() ? 0 : default_chain_.front(); }
  [[nodiscard]] FontFace& face(FontId id) { return *faces_[static_cast<std::size_t>(id)]; }
  [[nodiscard]] const FontFace& face(FontId id) const { return *faces_[static_cast<std::size_t>(id)]; }
  [[nodiscard]] std::size_t size() const { return faces_.size(); }
  [[nodiscard]] FT_Library freetype() const { return ft_; }

 private:
  FontSet() = default;
  FontId open(const std::filesystem::path& file);
  FT_Library ft_ = nullptr;
  std::vector<std::unique_ptr<FontFace>> faces_;
  std::map<std::string, FontId> by_path_;
  std::map<int, std::vector<FontId>> chains_, bold_chains_;  // key: UScriptCode
  std::vector<FontId> default_chain_, bold_default_chain_;
  FontId emoji_font_ = -1, pictogram_font_ = -1;
};

// fonts/fonts.yaml next to the bundle's repository, the source tree, or the installed data dir.
std::filesystem::path default_font_config();

}  // namespace kiosk::text
