#pragma once
// Pictograms on the resident screens: one per category, fact and control, drawn through the text
// pipeline's atlas in the theme's colours, sized with the resident's text size and mirrored in
// right-to-left layouts only when they show a direction.

#include <string>
#include <string_view>
#include <vector>

#include "text/pictogram.h"
#include "ui/widgets.h"

namespace kiosk::ui {

// A name from fonts/pictograms.yaml or the icon font, or a category's own picture from the bundle.
text::Pictogram find_pictogram(const UiEnv& env, std::string_view name);

// Draws it centred on `center`, `size` design pixels across before the resident's text scale.
void draw_pictogram(UiEnv& env, std::string_view name, ImVec2 center, float size, ImU32 color);

// A pictogram and its words, as facts show them: "(free) Free of charge".
struct IconText {
  std::string icon;
  std::string text;
};

// Draws items in reading order on lines of `width` at `pos`, each its pictogram then its text (without
// `words`, the pictogram alone), wrapping between items; notes each text for reading aloud. Returns the
// height used.
float icon_texts(UiEnv& env, const std::vector<IconText>& items, ImVec2 pos, float width, const TextStyle& st,
                 ImU32 color, int max_lines = 0, bool words = true);

// The pictogram of a fact of a service, for lists and the detail screen.
const char* hours_pictogram(RuleState state);

}  // namespace kiosk::ui
