// Accessibility: text size, high contrast, reading aloud (volume, speed, the language to listen in) and
// the low-reach layout for this visit. All of it is reset when the session is wiped.

#include <algorithm>

#include "ui/screens.h"

namespace kiosk::ui {

void draw_accessibility(UiEnv& env, Session& s, const ImRect&) {
  const ImRect area = draw_top_bar(env, s, tr(env, "nav.accessibility"));
  const float u = env.unit, pad = 32 * u;
  const float bw = (area.GetWidth() - 4 * pad) / 3;
  float bh = 110 * u;
  for (const char* key : {"a11y.low_reach", "a11y.speech", "a11y.quieter", "a11y.louder", "a11y.slower", "a11y.faster",
                          "a11y.pictograms_only"})
    bh = std::max(bh, button_height(env, tr(env, key), bw, 0, "read_aloud"));
  float y = area.Min.y + pad - s.scroll;
  ImGui::PushClipRect(area.Min, area.Max, true);
  auto cell = [&](int i) {
    return mirror(env, ImRect(pad + static_cast<float>(i) * (bw + pad), y,
                              pad + static_cast<float>(i) * (bw + pad) + bw, y + bh));
  };
  const int current = s.text_percent > 0 ? s.text_percent : env.settings->text_percent;
  const int sizes[] = {100, 150, 200};
  for (int i = 0; i < 3; ++i) {
    const std::string id = "##size" + std::to_string(sizes[i]);
    const std::string percent = std::to_string(sizes[i]) + " %";
    // "A" in growing sizes: no words needed to see what the buttons do.
    if (button(env, id.c_str(), cell(i), std::string(static_cast<std::size_t>(i + 1), 'A') + "  " + percent, false,
               current == sizes[i], tr(env, "a11y.text_size") + " " + percent, "text_size"))
      s.text_percent = sizes[i];
  }
  y += bh + pad;
  const bool hc = s.high_contrast < 0 ? env.settings->high_contrast : s.high_contrast == 1;
  if (button(env, "##normal", cell(0), "Aa", false, !hc, tr(env, "a11y.contrast") + " 0")) s.high_contrast = 0;
  if (button(env, "##contrast", cell(1), "Aa", false, hc, tr(env, "a11y.contrast"), "contrast")) s.high_contrast = 1;
  const bool low = s.low_reach < 0 ? env.settings->low_reach : s.low_reach == 1;
  if (button(env, "##low_reach", cell(2), tr(env, "a11y.low_reach"), false, low)) s.low_reach = low ? 0 : 1;
  y += bh + pad;
  if (button(env, "##speech", cell(0), tr(env, "a11y.speech"), false, s.speech, {}, "read_aloud")) {
    s.speech = !s.speech;
    if (s.speech) s.spoken_for.clear();  // read this screen now
  }
  if (button(env, "##quieter", cell(1), tr(env, "a11y.quieter"))) s.volume = std::max(20, s.volume - 20);
  if (button(env, "##louder", cell(2), tr(env, "a11y.louder"))) s.volume = std::min(200, s.volume + 20);
  y += bh + pad;
  if (button(env, "##slower", cell(0), tr(env, "a11y.slower"))) s.speech_rate = std::max(90, s.speech_rate - 30);
  if (button(env, "##faster", cell(1), tr(env, "a11y.faster"))) s.speech_rate = std::min(300, s.speech_rate + 30);
  // Pictograms only: fewer words on screen, and every screen read aloud as it comes.
  if (button(env, "##pictograms_only", cell(2), tr(env, "a11y.pictograms_only"), false, s.pictograms_only, {},
             "home")) {
    s.pictograms_only = !s.pictograms_only;
    if (s.pictograms_only && !s.speech) {
      s.speech = true;
      s.spoken_for.clear();
    }
  }
  y += bh + pad;
  // No voice for the UI language: say so, and offer the bundle's languages that have one.
  if (!std::binary_search(env.voices.begin(), env.voices.end(), env.locale)) {
    y += text_at(env, tr(env, "a11y.no_voice"), ImVec2(mirror(env, ImRect(pad, y, area.Max.x - pad, y)).Min.x, y),
                 area.GetWidth() - 2 * pad, {28, true}, env.theme.text) +
         pad / 2;
    int i = 0;
    for (const auto& tag : env.voices) {
      const LocaleCatalog* cat = env.content->catalogs.find_for(tag);
      const std::string id = "##voice" + tag;
      if (button(env, id.c_str(), cell(i % 3), cat ? cat->info.native_name : tag, false, s.speech_locale == tag)) {
        s.speech_locale = tag;
        s.speech = true;
      }
      if (++i % 3 == 0) y += bh + pad / 2;
    }
  }
  ImGui::PopClipRect();
}

}  // namespace kiosk::ui
