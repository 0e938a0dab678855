#include "ui/kiosk_ui.h"

#include <algorithm>

#include "ui/screens.h"

namespace kiosk::ui {

namespace {

// Drag to scroll, and let it coast when the finger lifts.
void scroll_input(Session& s) {
  const ImGuiIO& io = ImGui::GetIO();
  if (ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.f)) {
    s.scroll -= io.MouseDelta.y;
    s.scroll_velocity = -io.MouseDelta.y / std::max(io.DeltaTime, 1e-3f);
  } else if (s.scroll_velocity != 0) {
    s.scroll += s.scroll_velocity * io.DeltaTime;
    s.scroll_velocity *= std::pow(0.05f, io.DeltaTime);  // loses 95 % of its speed per second
    if (std::abs(s.scroll_velocity) < 5) s.scroll_velocity = 0;
  }
  if (s.scroll < 0) {
    s.scroll = 0;
    s.scroll_velocity = 0;
  }
}

void idle_warning(UiEnv& env, double left) {
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
}

// Keys: move the focus through the last frame's controls in reading order (mirrored for right-to-left),
// Enter chooses, Help explains. Any key turns reading aloud on: a person using the keypad may not see.
void keys(UiEnv& env, Session& s) {
  const NavKeys& k = env.nav;
  env.activate = 0;
  if (!k.any()) return;
  s.speech = true;
  if (k.stop) {
    env.speech_out.push_back({"", "", true});  // interrupt, say nothing
    return;
  }
  const auto order = focus_order(env.last_a11y, env.rtl);
  int step = 0;
  if (k.next) step = 1;
  if (k.previous) step = -1;
  if (k.right) step = env.rtl ? -1 : 1;
  if (k.left) step = env.rtl ? 1 : -1;
  if (step != 0 && !order.empty()) {
    const auto at = std::find(order.begin(), order.end(), s.focus);
    std::ptrdiff_t i = at == order.end() ? (step > 0 ? -1 : 0) : at - order.begin();
    const auto n = static_cast<std::ptrdiff_t>(order.size());
    i = ((i + step) % n + n) % n;
    s.focus = order[static_cast<std::size_t>(i)];
    env.focus_moved = true;
    if (const A11yItem* item = find_control(env.last_a11y, s.focus))
      say(env, s, control_reading(env, env.last_a11y, *item));
  }
  if (k.activate && s.focus != 0) env.activate = s.focus;
  if (k.help) say(env, s, tr(env, "a11y.help") + "\n" + screen_reading(env, env.last_a11y));
  if (k.repeat) say(env, s, screen_reading(env, env.last_a11y));
  env.focus = s.focus;
}

}  // namespace

void end_visit(UiEnv& env, Session& s) {
  wipe(s);
  env.directions = {};
  env.last_spoken.clear();
  // Cached paragraphs hold their text: the next visitor's first frames lay out afresh (~2 ms a screen).
  env.text->cache.clear();
  env.visit_ended = true;
}

void draw_frame(UiEnv& env, Session& s, bool input) {
  begin_full_screen(env, "kiosk");
  if (input || env.nav.any()) {
    s.last_input = env.clock;
    s.idle_warning = false;
  }
  keys(env, s);
  const double idle = env.clock - s.last_input;
  if (s.screen != Screen::attract && idle > env.idle_seconds + env.warning_seconds) {
    end_visit(env, s);  // everything of this visit is gone
    s.last_input = env.clock;
  }
  const bool warning_was = s.idle_warning;
  s.idle_warning = s.screen != Screen::attract && idle > env.idle_seconds;
  if (!s.idle_warning) scroll_input(s);

  const ImRect area(ImVec2(0, 0), env.size);
  switch (s.screen) {
    case Screen::attract:
      draw_attract(env, s, area);
      break;
    case Screen::language:
      draw_language(env, s, area);
      break;
    case Screen::home:
      draw_home(env, s, area);
      break;
    case Screen::list:
      draw_list(env, s, area);
      break;
    case Screen::detail:
      draw_detail(env, s, area);
      break;
    case Screen::search:
      draw_search(env, s, area);
      break;
    case Screen::map:
      draw_map(env, s, area);
      break;
    case Screen::accessibility:
      draw_accessibility(env, s, area);
      break;
  }
  if (s.idle_warning) {
    const double left = env.idle_seconds + env.warning_seconds - idle;
    idle_warning(env, left);
    if (!warning_was)
      say(env, s,
          tr(env, "idle.warning", {{"seconds", static_cast<std::int64_t>(std::ceil(left))}}) + "\n" +
              tr(env, "idle.continue"));
  }
  // The keys moved the focus onto a control outside the scrolling area: scroll it into view.
  if (env.focus_moved && env.scroll_view.GetHeight() > 0) {
    if (const A11yItem* f = find_control(env.a11y, s.focus)) {
      const ImRect& v = env.scroll_view;
      const float margin = 12 * env.unit;
      if (f->rect.GetCenter().x >= v.Min.x && f->rect.GetCenter().x <= v.Max.x) {
        if (f->rect.Min.y < v.Min.y)
          s.scroll += f->rect.Min.y - v.Min.y - margin;
        else if (f->rect.Max.y > v.Max.y)
          s.scroll += f->rect.Max.y - v.Max.y + margin;
        s.scroll = std::max(0.f, s.scroll);
        s.scroll_velocity = 0;
      }
    }
  }
  // A new screen is read aloud once it has been drawn (title, then its content in reading order).
  const std::string shown = std::string(screen_name(s.screen)) + "/" + s.service + "/" + s.category + "/" + env.locale;
  if (shown != s.spoken_for) {
    s.spoken_for = shown;
    say(env, s, screen_reading(env, env.a11y));
    // The focus of a screen that is gone means nothing on the new one.
    if (!find_control(env.a11y, s.focus)) s.focus = 0;
  }
  end_full_screen();
}

}  // namespace kiosk::ui
