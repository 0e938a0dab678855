#include "ui/widgets.h"

#include "text/text_imgui.h"

namespace kiosk::ui {

std::shared_ptr<const text::Paragraph> para(UiEnv& env, const std::string& s, float width, const TextStyle& st) {
  text::LayoutRequest r;
  r.text = s;
  r.locale = env.locale;
  r.size_px = std::round(st.size * env.unit * env.theme.text_scale);
  r.max_width = std::floor(width);
  r.align = st.align;
  r.max_lines = st.max_lines;
  r.bold = st.bold;
  return env.text->layout(r);
}

void draw_para(UiEnv& env, const text::Paragraph& p, ImVec2 pos, ImU32 color) {
  text::draw_paragraph(ImGui::GetWindowDrawList(), *env.text, p, pos, color);
}

float text_at(UiEnv& env, const std::string& s, ImVec2 pos, float width, const TextStyle& st, ImU32 color) {
  const auto p = para(env, s, width, st);
  draw_para(env, *p, pos, color);
  return p->height;
}

bool tap_area(const char* id, const ImRect& r) {
  ImGui::SetCursorScreenPos(r.Min);
  const bool released = ImGui::InvisibleButton(id, r.GetSize());
  const float drag = ImGui::GetIO().MouseDragMaxDistanceSqr[0];
  return released && drag < 30.f * 30.f;
}

bool button(UiEnv& env, const char* id, const ImRect& r, const std::string& label, bool primary, bool selected) {
  const bool tapped = tap_area(id, r);
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Theme& t = env.theme;
  const ImU32 fill = held ? t.surface_pressed : (primary || selected) ? t.accent : t.surface;
  const ImU32 ink = (primary || selected) && !held ? t.on_accent : t.text;
  dl->AddRectFilled(r.Min, r.Max, fill, 14 * env.unit);
  dl->AddRect(r.Min, r.Max, t.accent, 14 * env.unit, 0, 3 * env.unit);
  const float pad = 16 * env.unit;
  const auto p = para(env, label, r.GetWidth() - 2 * pad, {30, true, text::Align::center, 2});
  draw_para(env, *p, ImVec2(r.Min.x + pad, r.GetCenter().y - p->height / 2), ink);
  return tapped;
}

ImRect mirror(const UiEnv& env, const ImRect& r) {
  if (!env.rtl) return r;
  return ImRect(env.size.x - r.Max.x, r.Min.y, env.size.x - r.Min.x, r.Max.y);
}

}  // namespace kiosk::ui
