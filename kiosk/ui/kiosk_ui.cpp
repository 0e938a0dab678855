#include "ui/kiosk_ui.h"

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

}  // namespace

void draw_frame(UiEnv& env, Session& s, bool input) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(env.size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(env.theme.background));
  ImGui::Begin("kiosk", nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
  if (input) {
    s.last_input = env.clock;
    s.idle_warning = false;
  }
  const double idle = env.clock - s.last_input;
  if (s.screen != Screen::attract && idle > env.idle_seconds + env.warning_seconds) {
    wipe(s);  // everything of this visit is gone
    s.last_input = env.clock;
  }
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
  if (s.idle_warning) idle_warning(env, env.idle_seconds + env.warning_seconds - idle);
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

}  // namespace kiosk::ui
