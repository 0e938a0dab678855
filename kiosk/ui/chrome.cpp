// The top bar and navigation shared by the screens.

#include "ui/screens.h"

namespace kiosk::ui {

void go(Session& s, Screen to) {
  if ((to == Screen::language || to == Screen::accessibility) && s.screen != Screen::language &&
      s.screen != Screen::accessibility && s.screen != Screen::attract)
    s.return_to = s.screen;
  s.screen = to;
  s.scroll = 0;
  s.scroll_velocity = 0;
}

ImRect draw_top_bar(UiEnv& env, Session& s, const std::string& title) {
  const float u = env.unit, pad = 20 * u;
  // Buttons wide enough for their longest word and tall enough for their label at the resident's text
  // size (measured: Tamil and Arabic lines are taller and wider than Latin ones).
  const std::string labels[] = {tr(env, "nav.back"), tr(env, "nav.language"), tr(env, "nav.accessibility")};
  const char* icons[] = {"back", "language", "accessibility"};
  float bw = 330 * u;
  for (const auto& l : labels) {
    // The longest word must fit on a line: a label may wrap between words, never inside one.
    float word = 0;
    for (const auto& w : split_on_spaces(l)) word = std::max(word, para(env, w, 0, {30, true})->width);
    bw = std::min(std::max(bw, word + 90 * u * env.theme.text_scale), (env.size.x - 4 * pad) / 3);
  }
  float row = 120 * u;
  for (int i = 0; i < 3; ++i) row = std::max(row, button_height(env, labels[i], bw, 0, icons[i]) + 2 * pad);
  // Portrait (or very large text): buttons on one row, the title on its own row below them.
  const bool two_rows = env.size.x < 3 * bw + 600 * u;
  const float h = two_rows ? 2 * row - pad : row;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(ImVec2(0, 0), ImVec2(env.size.x, h), env.theme.surface);
  dl->AddRectFilled(ImVec2(0, h - 3 * u), ImVec2(env.size.x, h), env.theme.accent);
  // Back sits where reading starts: on the left, or on the right in right-to-left languages.
  // Its arrow points the way back: to the right in right-to-left languages (a mirrored pictogram).
  if (s.screen != Screen::home) {
    if (button(env, "##back", mirror(env, ImRect(pad, pad, pad + bw, row - pad)), labels[0], false, false, {},
               icons[0])) {
      if (s.screen == Screen::language || s.screen == Screen::accessibility)
        go(s, s.return_to);
      else
        go(s, s.screen == Screen::detail && !s.category.empty() ? Screen::list : Screen::home);
    }
  }
  // Language and accessibility are always there, at the end of the bar.
  if (button(env, "##language", mirror(env, ImRect(env.size.x - pad - bw, pad, env.size.x - pad, row - pad)), labels[1],
             false, s.screen == Screen::language, {}, icons[1]))
    go(s, Screen::language);
  if (button(env, "##access",
             mirror(env, ImRect(env.size.x - 2 * pad - 2 * bw, pad, env.size.x - 2 * pad - bw, row - pad)), labels[2],
             false, s.screen == Screen::accessibility, {}, icons[2]))
    go(s, Screen::accessibility);
  const ImRect title_r = two_rows ? ImRect(pad, row - pad, env.size.x - pad, h - pad)
                                  : mirror(env, ImRect(pad * 2 + bw, pad, env.size.x - 3 * pad - 2 * bw, h - pad));
  const auto p = para(env, title, title_r.GetWidth(), {40, true, text::Align::center, 1});
  draw_para(env, *p, ImVec2(title_r.Min.x, title_r.GetCenter().y - p->height / 2), env.theme.text);
  note_text(env, title, title_r, A11yRole::heading);
  return ImRect(0, h, env.size.x, env.size.y);
}

}  // namespace kiosk::ui
