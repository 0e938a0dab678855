// Out of service: no bundle loads (none synced that verifies, a broken config). A plain screen that says
// so in every language the kiosk has words for, each in its own script and direction, instead of a blank
// screen or a restart loop. The technician's corner still works.

#include "ui/screen_out_of_service.h"

#include "core/i18n/i18n_catalog.h"
#include "ui/widgets.h"

namespace kiosk::ui {

void draw_out_of_service(UiEnv& env) {
  begin_full_screen(env, "out-of-service");
  const float u = env.unit, margin = 60 * u, width = env.size.x - 2 * margin;
  const auto& catalogs = env.content->catalogs.locales;
  std::vector<std::string> words;  // in each catalog's own language
  for (const auto& c : catalogs)
    words.push_back(translate(make_format_context(env.content->catalogs, c.info.tag, "en"), "status.out_of_service"));
  // As large as the screen allows: every language must fit without scrolling.
  const std::string saved = env.locale;
  auto height = [&](float px) {
    float h = 0;
    for (std::size_t i = 0; i < words.size(); ++i) {
      env.locale = catalogs[i].info.tag;
      h += para(env, words[i], width, {px, true, text::Align::center, 2})->height + 12 * u;
    }
    return h;
  };
  float size = 40, h = height(size);
  while (size > 16 && h > env.size.y - 2 * margin) h = height(size -= 4);
  float y = std::max(margin, (env.size.y - h) / 2);
  for (std::size_t i = 0; i < words.size(); ++i) {
    env.locale = catalogs[i].info.tag;
    y +=
        text_at(env, words[i], ImVec2(margin, y), width, {size, true, text::Align::center, 2}, env.theme.text) + 12 * u;
  }
  env.locale = saved;
  end_full_screen();
}

}  // namespace kiosk::ui
