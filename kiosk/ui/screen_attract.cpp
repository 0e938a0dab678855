// Attract / signage: the bundle's current announcements and "touch to start" in every language.

#include "core/bundle/announcements.h"
#include "ui/screens.h"

namespace kiosk::ui {

void draw_attract(UiEnv& env, Session& s, const ImRect& area) {
  const float u = env.unit;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(area.Min, area.Max, env.theme.accent);
  const float margin = 80 * u, width = area.GetWidth() - 2 * margin;
  // From the bottom up, measured (text size and script change the heights): attribution, then "touch
  // to start"; announcements fill what is left above.
  // The map data's attribution (the bundle's), and the licences of the pictograms and emoji.
  // Both are English, left to right also in a right-to-left UI ("©" stays in front).
  std::string credits = ltr(env, env.content->bundle.attribution);
  if (!env.content->pictograms.credit.empty())
    credits += (credits.empty() ? "" : "\n") + ltr(env, env.content->pictograms.credit);
  const auto attribution = para(env, credits, width, {18, false, text::Align::center});
  const float attribution_y = area.Max.y - 30 * u - attribution->height;
  const auto& locales = env.content->bundle.locales;
  std::string touch;
  std::string touch_locale = env.locale;
  if (!locales.empty()) {  // each language in turn (in its own script), changing every three seconds
    touch_locale = locales[static_cast<std::size_t>(env.clock / 3.0) % locales.size()];
    const FormatContext fc =
        make_format_context(env.content->catalogs, touch_locale, env.content->bundle.default_locale);
    touch = translate(fc, "attract.touch_to_start");
  }
  const std::string saved = env.locale;
  env.locale = touch_locale;
  const auto touch_p = para(env, touch, width, {56, true, text::Align::center});
  env.locale = saved;
  const float touch_y = attribution_y - 30 * u - touch_p->height;

  float y = area.Min.y + margin;
  // The title as large as fits above "touch to start" (long titles at 200 % text in tall scripts).
  const std::string title = pick(env, env.content->bundle.title);
  float title_size = 64;
  while (title_size > 32 &&
         y + para(env, title, width, {title_size, true, text::Align::center})->height > touch_y - 30 * u)
    title_size -= 8;
  y += text_at(env, title, ImVec2(margin, y), width, {title_size, true, text::Align::center}, env.theme.on_accent);
  y += 50 * u;
  for (const Announcement* a : current_announcements(env.content->bundle, env.now)) {
    const auto p = para(env, pick(env, a->text), width - 80 * u, {34, a->emergency, text::Align::start, 4});
    const ImRect card(margin, y, margin + width, y + p->height + 60 * u);
    if (card.Max.y > touch_y - 30 * u) break;
    dl->AddRectFilled(card.Min, card.Max, a->emergency ? env.theme.warning_bg : env.theme.surface, 18 * u);
    draw_para(env, *p, ImVec2(card.Min.x + 40 * u, card.Min.y + 30 * u), env.theme.text);
    note_text(env, pick(env, a->text), card);
    y = card.Max.y + 30 * u;
  }
  if (!touch.empty()) {
    draw_para(env, *touch_p, ImVec2(margin, touch_y), env.theme.on_accent);
    note_text(env, touch, ImRect(margin, touch_y, margin + width, touch_y + touch_p->height));
  }
  draw_para(env, *attribution, ImVec2(margin, attribution_y), env.theme.on_accent);
  note_text(env, credits, ImRect(margin, attribution_y, margin + width, attribution_y + attribution->height));
  if (tap_area(env, "##start", area, tr(env, "attract.touch_to_start"))) go(s, Screen::language);
}

}  // namespace kiosk::ui
