// Accessibility: text size and high contrast for this visit (reset when the session is wiped).

#include "ui/screens.h"

namespace kiosk::ui {

void draw_accessibility(UiEnv& env, Session& s, const ImRect&) {
  const ImRect area = draw_top_bar(env, s, tr(env, "nav.accessibility"));
  const float u = env.unit, pad = 40 * u;
  const float bh = 130 * u * std::max(1.f, env.theme.text_scale * 0.7f);
  const float bw = (area.GetWidth() - 4 * pad) / 3;
  const int current = s.text_percent > 0 ? s.text_percent : env.default_text_percent;
  float y = area.Min.y + pad;
  const int sizes[] = {100, 150, 200};
  for (int i = 0; i < 3; ++i) {
    const ImRect r = mirror(env, ImRect(pad + static_cast<float>(i) * (bw + pad), y,
                                        pad + static_cast<float>(i) * (bw + pad) + bw, y + bh));
    const std::string id = "##size" + std::to_string(sizes[i]);
    // "A" in growing sizes: no words needed to see what the buttons do.
    if (button(env, id.c_str(), r,
               std::string(static_cast<std::size_t>(i + 1), 'A') + "  " + std::to_string(sizes[i]) + " %", false,
               current == sizes[i]))
      s.text_percent = sizes[i];
  }
  y += bh + pad;
  const bool hc = s.high_contrast < 0 ? env.default_high_contrast : s.high_contrast == 1;
  const ImRect normal = mirror(env, ImRect(pad, y, pad + bw, y + bh));
  const ImRect contrast = mirror(env, ImRect(2 * pad + bw, y, 2 * pad + 2 * bw, y + bh));
  if (button(env, "##normal", normal, "Aa", false, !hc)) s.high_contrast = 0;
  if (button(env, "##contrast", contrast, "\u25D1 Aa", false, hc)) s.high_contrast = 1;
}

}  // namespace kiosk::ui
