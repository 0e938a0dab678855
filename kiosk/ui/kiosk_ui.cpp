#include "ui/kiosk_ui.h"

#include <algorithm>

#include "ui/idle_wipe.h"
#include "ui/inertia.h"
#include "ui/screens.h"

namespace kiosk::ui {

namespace {

// Drag to scroll, and let it coast when the finger lifts.
void scroll_input(Session& s) {
  const ImGuiIO& io = ImGui::GetIO();
  ImVec2 velocity{0, s.scroll_velocity};
  s.scroll += drag_with_inertia(velocity, ImGui::IsMouseDragging(ImGuiMouseButton_Left, 8.f), false,
                                ImVec2(0, -io.MouseDelta.y), io.DeltaTime)
                  .y;
  s.scroll_velocity = velocity.y;
  if (s.scroll < 0) {
    s.scroll = 0;
    s.scroll_velocity = 0;
  }
}

// Keys: move the focus through the last frame's controls in reading order (mirrored for right-to-left),
// Enter chooses, Help explains. Any key turns reading aloud on: a person using the keypad may not see.
void keys(UiEnv& env, Session& s) {
  const NavKeys& k = env.input.nav;
  env.activate = 0;
  if (!k.any()) return;
  s.speech = true;
  if (k.stop) {
    env.output.speech.push_back({"", "", true});  // interrupt, say nothing
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

void draw_frame(UiEnv& env, Session& s) {
  begin_full_screen(env, "kiosk");
  const double idle = check_idle(env, s);
  keys(env, s);
  const bool warning_was = s.idle_warning;
  s.idle_warning = s.screen != Screen::attract && idle > env.settings->idle_seconds;
  if (!s.idle_warning) scroll_input(s);

  const ImRect area(ImVec2(0, 0), env.size);
  const std::string shown = std::string(screen_name(s.screen)) + "/" + s.service + "/" + s.category + "/" + env.locale;
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
  draw_idle_warning(env, s, idle, warning_was);
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
  // `shown` names the screen this frame drew: a tap may already have switched to the next one.
  if (shown != s.spoken_for) {
    s.spoken_for = shown;
    say(env, s, screen_reading(env, env.a11y));
    // The focus of a screen that is gone means nothing on the new one.
    if (!find_control(env.a11y, s.focus)) s.focus = 0;
  }
  end_full_screen();
}

}  // namespace kiosk::ui
