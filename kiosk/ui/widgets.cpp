#include "ui/widgets.h"

#include "text/text_imgui.h"
#include "ui/pictograms.h"

namespace kiosk::ui {

void begin_full_screen(const UiEnv& env, const char* name) {
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(env.size);
  ImGui::PushStyleVar(ImGuiStyleVar_WindowPadding, ImVec2(0, 0));
  ImGui::PushStyleVar(ImGuiStyleVar_WindowBorderSize, 0);
  ImGui::PushStyleColor(ImGuiCol_WindowBg, ImGui::ColorConvertU32ToFloat4(env.theme.background));
  ImGui::Begin(name, nullptr,
               ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove | ImGuiWindowFlags_NoSavedSettings |
                   ImGuiWindowFlags_NoBringToFrontOnFocus | ImGuiWindowFlags_NoScrollWithMouse);
}

void end_full_screen() {
  ImGui::End();
  ImGui::PopStyleColor();
  ImGui::PopStyleVar(2);
}

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
  note_text(env, s, ImRect(pos, ImVec2(pos.x + p->width, pos.y + p->height)));
  return p->height;
}

void note_text(UiEnv& env, const std::string& text, const ImRect& r, A11yRole role) {
  if (!text.empty()) env.a11y.items.push_back({role, r, text, 0});
}

void note_hidden_control(UiEnv& env, const char* id, const ImRect& r, const std::string& label) {
  env.a11y.items.push_back({A11yRole::button, r, label, ImGui::GetID(id)});
}

void note_scroll_view(UiEnv& env, const ImRect& view) {
  env.scroll_view = view;
}

bool tap_area(UiEnv& env, const char* id, const ImRect& r, const std::string& label, bool selected) {
  ImGui::SetCursorScreenPos(r.Min);
  const bool released = ImGui::InvisibleButton(id, r.GetSize());
  const ImGuiID gid = ImGui::GetItemID();
  const float drag = ImGui::GetIO().MouseDragMaxDistanceSqr[0];
  env.a11y.items.push_back({A11yRole::button, r, label, gid, selected});
  if (env.focus == gid) {
    // The focus ring: thick, outside the control, in the theme's focus colour.
    const float u = env.unit;
    ImGui::GetWindowDrawList()->AddRect(ImVec2(r.Min.x - 5 * u, r.Min.y - 5 * u),
                                        ImVec2(r.Max.x + 5 * u, r.Max.y + 5 * u), env.theme.focus, 16 * u, 0, 6 * u);
  }
  return (released && drag < 30.f * 30.f) || (env.activate != 0 && env.activate == gid);
}

namespace {

// A button's inside: the label's box, and the pictogram's square at the reading side when it has one.
struct ButtonInside {
  ImRect label;
  ImVec2 icon_center;
  float icon = 0;  // pixels across; 0: none
};

ButtonInside button_inside(const UiEnv& env, const ImRect& r, std::string_view icon, bool label) {
  const float pad = 16 * env.unit;
  ButtonInside in{ImRect(r.Min.x + pad, r.Min.y, r.Max.x - pad, r.Max.y), {}, 0};
  if (icon.empty()) return in;
  in.icon = std::min(std::round(38 * env.unit * env.theme.text_scale), r.GetHeight() - pad);
  if (!label) {  // the pictogram alone, in the middle
    in.icon_center = r.GetCenter();
    return in;
  }
  const float gap = 12 * env.unit;
  if (env.rtl) {
    in.icon_center = ImVec2(r.Max.x - pad - in.icon / 2, r.GetCenter().y);
    in.label.Max.x -= in.icon + gap;
  } else {
    in.icon_center = ImVec2(r.Min.x + pad + in.icon / 2, r.GetCenter().y);
    in.label.Min.x += in.icon + gap;
  }
  return in;
}

}  // namespace

bool button(UiEnv& env, const char* id, const ImRect& r, const std::string& label, bool primary, bool selected,
            const std::string& spoken, std::string_view icon) {
  const bool tapped = tap_area(env, id, r, spoken.empty() ? label : spoken, selected);
  const bool held = ImGui::IsItemActive();
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Theme& t = env.theme;
  const ImU32 fill = held ? t.surface_pressed : (primary || selected) ? t.accent : t.surface;
  const ImU32 ink = (primary || selected) && !held ? t.on_accent : t.text;
  dl->AddRectFilled(r.Min, r.Max, fill, 14 * env.unit);
  dl->AddRect(r.Min, r.Max, t.accent, 14 * env.unit, 0, 3 * env.unit);
  const ButtonInside in = button_inside(env, r, icon, !label.empty());
  env.a11y.items.back().icon = icon;
  if (in.icon > 0)
    text::draw_pictogram(dl, *env.text, find_pictogram(env, icon), in.icon_center, in.icon, ink, env.rtl);
  if (label.empty()) return tapped;
  const float inner = in.label.GetWidth();
  const auto p = para(env, label, inner, {fit_word_size(env, label, inner, 30, true), true, text::Align::center, 3});
  draw_para(env, *p, ImVec2(in.label.Min.x, r.GetCenter().y - p->height / 2), ink);
  if (p->truncated || p->height > r.GetHeight() + 1) env.a11y.items.back().clipped = true;
  return tapped;
}

std::vector<std::string> split_on_spaces(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    const std::size_t end = s.find(' ', start);
    if (end != start) out.push_back(s.substr(start, end == std::string::npos ? std::string::npos : end - start));
    if (end == std::string::npos) break;
    start = end + 1;
  }
  return out;
}

float fit_word_size(UiEnv& env, const std::string& text, float width, float size, bool bold) {
  for (int i = 0; i < 5; ++i) {
    float longest = 0;
    for (const auto& w : split_on_spaces(text)) longest = std::max(longest, para(env, w, 0, {size, bold})->width);
    if (longest <= width) break;
    size *= 0.9f;
  }
  return size;
}

float button_height(UiEnv& env, const std::string& label, float width, float min_height, std::string_view icon) {
  const float pad = 16 * env.unit;
  const float inner = button_inside(env, ImRect(0, 0, width, 1e4f), icon, !label.empty()).label.GetWidth();
  return std::max(
      min_height,
      para(env, label, inner, {fit_word_size(env, label, inner, 30, true), true, text::Align::center, 3})->height +
          2 * pad);
}

ImRect mirror(const UiEnv& env, const ImRect& r) {
  if (!env.rtl) return r;
  return ImRect(env.size.x - r.Max.x, r.Min.y, env.size.x - r.Min.x, r.Max.y);
}

}  // namespace kiosk::ui
