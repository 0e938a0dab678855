#include "text/font_set.h"

#include <fmt/format.h>
#include <ft2build.h>
#include FT_FREETYPE_H
#include <hb-ot.h>

#include <algorithm>

#include "core/base/data_paths.h"
#include "core/yaml/yaml_file.h"
#include "core/yaml/yaml_read.h"

namespace kiosk::text {

namespace fs = std::filesystem;

std::filesystem::path default_font_config() {
  return find_data("fonts/fonts.yaml").value_or("fonts/fonts.yaml");
}

FontSet::~FontSet() {
  for (auto& f : faces_) {
    if (f->hb_font) hb_font_destroy(f->hb_font);
    if (f->hb_face) hb_face_destroy(f->hb_face);
    if (f->ft) FT_Done_Face(f->ft);
  }
  if (ft_) FT_Done_FreeType(ft_);
}

FontId FontSet::open(const fs::path& file) {
  const std::string key = file.string();
  if (auto it = by_path_.find(key); it != by_path_.end()) return it->second;
  auto face = std::make_unique<FontFace>();
  face->path = key;
  if (FT_New_Face(ft_, key.c_str(), 0, &face->ft) != 0) return -1;
  hb_blob_t* blob = hb_blob_create_from_file_or_fail(key.c_str());
  if (!blob) {
    FT_Done_Face(face->ft);
    return -1;
  }
  if (!FT_IS_SCALABLE(face->ft) && face->ft->num_fixed_sizes > 0 && FT_HAS_COLOR(face->ft)) {
    // Bitmap strikes only: take the largest once; the atlas scales its glyphs down to the text size.
    int best = 0;
    for (int i = 1; i < face->ft->num_fixed_sizes; ++i)
      if (face->ft->available_sizes[i].y_ppem > face->ft->available_sizes[best].y_ppem) best = i;
    if (FT_Select_Size(face->ft, best) == 0) {
      face->bitmap_color = true;
      face->strike_ppem = static_cast<float>(face->ft->size->metrics.y_ppem);
      face->ft_size = -1;
    }
  }
  face->color = FT_HAS_COLOR(face->ft);
  face->hb_face = hb_face_create(blob, 0);
  hb_blob_destroy(blob);
  face->hb_font = hb_font_create(face->hb_face);
  face->units_per_em = static_cast<int>(hb_face_get_upem(face->hb_face));
  hb_font_set_scale(face->hb_font, face->units_per_em, face->units_per_em);
  hb_font_extents_t ext{};
  hb_font_get_h_extents(face->hb_font, &ext);
  face->ascender = ext.ascender;
  face->descender = ext.descender;
  face->line_gap = ext.line_gap;
  const FontId id = static_cast<FontId>(faces_.size());
  faces_.push_back(std::move(face));
  by_path_.emplace(key, id);
  return id;
}

std::unique_ptr<FontSet> FontSet::load(const fs::path& config, Diagnostics& diags) {
  std::unique_ptr<FontSet> set(new FontSet());
  if (FT_Init_FreeType(&set->ft_) != 0) {
    diags.error({config.generic_string(), 0, 0}, "freetype", "FreeType could not be initialised");
    return set;
  }
  auto file = load_yaml_file(config, config.generic_string(), diags);
  if (!file) return set;
  const ReadContext ctx{*file, diags};
  MapReader top(ctx, file->root, "fonts.yaml",
                {"search_paths", "default", "bold_default", "scripts", "bold", "emoji", "pictograms"});
  std::vector<fs::path> search = {config.parent_path()};
  for (const auto& p : read_string_list(ctx, top.get("search_paths"), "a search path", 500)) search.emplace_back(p);

  auto resolve_list = [&](const YAML::Node& node, const std::string& what) {
    std::vector<FontId> ids;
    for (const auto& name : read_string_list(ctx, node, "a font file", 200)) {
      FontId id = -1;
      for (const auto& dir : search) {
        std::error_code ec;
        if (fs::exists(dir / name, ec)) {
          id = set->open(dir / name);
          if (id >= 0) break;
        }
      }
      if (id < 0)
        diags.warning(ctx.pos(node), "missing-font", fmt::format("font '{}' for {} was not found", name, what),
                      "install fonts-noto-core (deploy/install-deps.sh)");
      else if (std::find(ids.begin(), ids.end(), id) == ids.end())
        ids.push_back(id);
    }
    return ids;
  };
  auto resolve_one = [&](const char* key, const char* what, const char* package) {
    if (!top.has(key)) return FontId{-1};
    const auto ids = resolve_list(top.get(key), what);
    if (ids.empty())
      diags.warning(ctx.pos(top.get(key)), "missing-font", fmt::format("no font for {} could be opened", what),
                    fmt::format("install {} (deploy/install-deps.sh)", package));
    return ids.empty() ? FontId{-1} : ids.front();
  };
  // Opened first, so that the search for characters of other scripts below can leave them out.
  set->emoji_font_ = resolve_one("emoji", "colour emoji", "fonts-noto-color-emoji");
  set->pictogram_font_ = resolve_one("pictograms", "pictograms", "fonts-material-design-icons-iconfont");
  set->default_chain_ = resolve_list(top.get("default"), "the default chain");
  set->bold_default_chain_ = resolve_list(top.get("bold_default"), "the bold default chain");
  if (set->bold_default_chain_.empty()) set->bold_default_chain_ = set->default_chain_;
  if (set->default_chain_.empty())
    diags.error(ctx.pos(file->root), "missing-font", "no font of the default chain could be opened");
  for (auto [key, target] : {std::pair{"scripts", &set->chains_}, std::pair{"bold", &set->bold_chains_}}) {
    const YAML::Node map = top.get(key);
    if (!map.IsMap()) continue;
    for (const auto& kv : map) {
      const std::string code = kv.first.Scalar();
      UScriptCode sc[2];
      UErrorCode status = U_ZERO_ERROR;
      if (uscript_getCode(code.c_str(), sc, 2, &status) != 1 || U_FAILURE(status)) {
        diags.error(ctx.pos(kv.first), "bad-value", fmt::format("'{}' is not an ISO 15924 script code", code));
        continue;
      }
      (*target)[static_cast<int>(sc[0])] = resolve_list(kv.second, "script " + code);
    }
  }
  // Characters of scripts without their own entry may still be in some font: try them all last. Not
  // the emoji font (it has digits and '#' for keycaps) nor the icon font (private-use characters).
  for (FontId id = 0; id < static_cast<FontId>(set->faces_.size()); ++id) {
    if (id == set->emoji_font_ || id == set->pictogram_font_) continue;
    if (std::find(set->default_chain_.begin(), set->default_chain_.end(), id) == set->default_chain_.end())
      set->default_chain_.push_back(id);
    if (std::find(set->bold_default_chain_.begin(), set->bold_default_chain_.end(), id) ==
        set->bold_default_chain_.end())
      set->bold_default_chain_.push_back(id);
  }
  // Every chain ends with the default chain, so per-character fallback always has somewhere to go.
  for (auto* chains : {&set->chains_, &set->bold_chains_}) {
    const auto& tail = chains == &set->chains_ ? set->default_chain_ : set->bold_default_chain_;
    for (auto& [script, ids] : *chains)
      for (FontId id : tail)
        if (std::find(ids.begin(), ids.end(), id) == ids.end()) ids.push_back(id);
  }
  return set;
}

const std::vector<FontId>& FontSet::chain(UScriptCode script, bool bold) const {
  const auto& chains = bold ? bold_chains_ : chains_;
  auto it = chains.find(static_cast<int>(script));
  if (it != chains.end() && !it->second.empty()) return it->second;
  if (bold) return chain(script, false);
  return default_chain_;
}

bool FontSet::has_glyph(FontId font, char32_t cp) const {
  if (font < 0 || static_cast<std::size_t>(font) >= faces_.size()) return false;
  hb_codepoint_t gid = 0;
  return hb_font_get_nominal_glyph(faces_[static_cast<std::size_t>(font)]->hb_font, cp, &gid) && gid != 0;
}

}  // namespace kiosk::text
