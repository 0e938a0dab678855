// Attract / signage: the bundle's current announcements and "touch to start" in every language.

#include "core/announcements.h"
#include "ui/screens.h"

namespace kiosk::ui {

void draw_attract(UiEnv& env, Session& s, const ImRect& area) {
  const float u = env.unit;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(area.Min, area.Max, env.theme.accent);
  const float margin = 80 * u, width = area.GetWidth() - 2 * margin;
  float y = area.Min.y + margin;
  y += text_at(env, pick(env, env.content->bundle.title), ImVec2(margin, y), width, {64, true, text::Align::center},
               env.theme.on_accent);
  y += 50 * u;
  for (const Announcement* a : current_announcements(env.content->bundle, env.now)) {
    const auto p = para(env, pick(env, a->text), width - 80 * u, {34, a->emergency, text::Align::start, 4});
    const ImRect card(margin, y, margin + width, y + p->height + 60 * u);
    if (card.Max.y > area.Max.y - 260 * u) break;
    dl->AddRectFilled(card.Min, card.Max, a->emergency ? env.theme.warning_bg : env.theme.surface, 18 * u);
    draw_para(env, *p, ImVec2(card.Min.x + 40 * u, card.Min.y + 30 * u), env.theme.text);
    note_text(env, pick(env, a->text), card);
    y = card.Max.y + 30 * u;
  }
  // "Touch to start", each language in turn (in its own script), changing every three seconds.
  const auto& locales = env.content->bundle.locales;
  if (!locales.empty()) {
    const auto k = static_cast<std::size_t>(env.clock / 3.0) % locales.size();
    const std::string tag = locales[k];
    const FormatContext fc = make_format_context(env.content->catalogs, tag, env.content->bundle.default_locale);
    const std::string saved = env.locale;
    env.locale = tag;
    text_at(env, translate(fc, "attract.touch_to_start"), ImVec2(margin, area.Max.y - 200 * u), width,
            {56, true, text::Align::center}, env.theme.on_accent);
    env.locale = saved;
  }
  text_at(env, env.content->bundle.attribution, ImVec2(margin, area.Max.y - 60 * u), width,
          {20, false, text::Align::center}, env.theme.on_accent);
  if (tap_area(env, "##start", area, tr(env, "attract.touch_to_start"))) go(s, Screen::language);
}

}  // namespace kiosk::ui
