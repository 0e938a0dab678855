#include "ui/idle_wipe.h"

#include <cmath>

#include "ui/widgets.h"

namespace kiosk::ui {

void end_visit(UiEnv& env, Session& s) {
  wipe(s);
  env.directions = {};
  env.last_spoken.clear();
  // Cached paragraphs hold their text: the next visitor's first frames lay out afresh (~2 ms a screen).
  env.text->cache.clear();
  env.output.visit_ended = true;
}

double check_idle(UiEnv& env, Session& s) {
  if (env.input.touched || env.input.nav.any()) {
    s.last_input = env.clock;
    s.idle_warning = false;
  }
  const double idle = env.clock - s.last_input;
  if (s.screen != Screen::attract && idle > env.settings->idle_seconds + env.settings->warning_seconds) {
    end_visit(env, s);  // everything of this visit is gone
    s.last_input = env.clock;
  }
  return idle;
}

void draw_idle_warning(UiEnv& env, Session& s, double idle, bool warning_was) {
  if (!s.idle_warning) return;
  const double left = env.settings->idle_seconds + env.settings->warning_seconds - idle;
  const float u = env.unit;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), env.size, IM_COL32(0, 0, 0, 140));
  const ImRect card(env.size.x * 0.15f, env.size.y * 0.3f, env.size.x * 0.85f, env.size.y * 0.7f);
  dl->AddRectFilled(card.Min, card.Max, env.theme.warning_bg, 24 * u);
  const auto seconds = static_cast<std::int64_t>(std::ceil(left));
  text_at(env, tr(env, "idle.warning", {{"seconds", seconds}}), ImVec2(card.Min.x + 50 * u, card.Min.y + 50 * u),
          card.GetWidth() - 100 * u, {40, true, text::Align::center}, env.theme.text);
  const ImRect btn(card.GetCenter().x - 220 * u, card.Max.y - 170 * u, card.GetCenter().x + 220 * u,
                   card.Max.y - 50 * u);
  button(env, "##continue", btn, tr(env, "idle.continue"), true);  // any touch continues
  if (!warning_was) say(env, s, tr(env, "idle.warning", {{"seconds", seconds}}) + "\n" + tr(env, "idle.continue"));
}

}  // namespace kiosk::ui
