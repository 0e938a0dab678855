// Language picker: every language named in its own script, no flags.

#include "ui/screens.h"

namespace kiosk::ui {

void draw_language(UiEnv& env, Session& s, const ImRect& full) {
  const ImRect area = draw_top_bar(env, s, tr(env, "nav.language"));
  const float u = env.unit, pad = 40 * u;
  const auto& locales = env.content->bundle.locales;
  const int cols = env.portrait() ? 2 : 4;
  const float w = (area.GetWidth() - pad * static_cast<float>(cols + 1)) / static_cast<float>(cols);
  const float h = 150 * u * std::max(1.f, env.theme.text_scale * 0.75f);
  for (std::size_t i = 0; i < locales.size(); ++i) {
    const LocaleCatalog* cat = env.content->catalogs.find_for(locales[i]);
    if (!cat) continue;
    const int col = static_cast<int>(i) % cols, row = static_cast<int>(i) / cols;
    const ImRect r = mirror(env, ImRect(pad + static_cast<float>(col) * (w + pad),
                                        area.Min.y + pad + static_cast<float>(row) * (h + pad / 2),
                                        pad + static_cast<float>(col) * (w + pad) + w,
                                        area.Min.y + pad + static_cast<float>(row) * (h + pad / 2) + h));
    const std::string saved = env.locale;
    env.locale = locales[i];  // the name is shaped in its own language
    const bool chosen = (s.locale.empty() ? env.content->bundle.default_locale : s.locale) == locales[i];
    const std::string id = "##lang" + locales[i];
    const bool tapped = button(env, id.c_str(), r, cat->info.native_name, false, chosen);
    env.locale = saved;
    if (tapped) {
      s.locale = locales[i];
      go(s, Screen::home);
    }
  }
  (void)full;
}

}  // namespace kiosk::ui
