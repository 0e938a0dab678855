#include "ui/pictograms.h"

#include "core/hours/opening_hours.h"
#include "text/text_imgui.h"

namespace kiosk::ui {

text::Pictogram find_pictogram(const UiEnv& env, std::string_view name) {
  if (auto it = env.pictures.find(name); it != env.pictures.end()) {
    text::Pictogram p;
    p.picture = &it->second;
    p.picture_id = static_cast<std::uint32_t>(std::distance(env.pictures.begin(), it));
    return p;
  }
  return text::find_pictogram(*env.text->fonts, env.content->pictograms, name);
}

void draw_pictogram(UiEnv& env, std::string_view name, ImVec2 center, float size, ImU32 color) {
  text::draw_pictogram(ImGui::GetWindowDrawList(), *env.text, find_pictogram(env, name), center,
                       std::round(size * env.unit * env.theme.text_scale), color, env.rtl);
}

float icon_texts(UiEnv& env, const std::vector<IconText>& items, ImVec2 pos, float width, const TextStyle& st,
                 ImU32 color, int max_lines, bool words) {
  const float px = std::round(st.size * env.unit * env.theme.text_scale);
  const float icon = std::round(px * 1.15f), gap = std::round(px * 0.3f), between = std::round(px * 0.9f);
  const TextStyle one_line{st.size, st.bold, text::Align::start, 1};
  float x = 0, y = 0, line_h = 0;
  int lines = 1;
  for (const IconText& it : items) {
    auto p = para(env, words ? it.text : std::string(), 0, one_line);
    float w = words ? icon + gap + p->width : icon;
    if (x > 0 && x + w > width) {  // the next line
      if (max_lines > 0 && lines >= max_lines) break;
      y += line_h + gap;
      x = 0;
      line_h = 0;
      ++lines;
    }
    if (words && w > width) {  // longer than a line alone: cut with an ellipsis
      p = para(env, it.text, std::max(1.f, width - icon - gap), one_line);
      w = width;
    }
    const float h = std::max(icon, p->height);
    const float left = env.rtl ? pos.x + width - x - w : pos.x + x;
    const float top = pos.y + y;
    const float icon_x = env.rtl ? left + w - icon / 2 : left + icon / 2;
    text::draw_pictogram(ImGui::GetWindowDrawList(), *env.text, find_pictogram(env, it.icon),
                         ImVec2(icon_x, top + h / 2), icon, color, env.rtl);
    const ImVec2 text_pos(env.rtl ? left : left + icon + gap, top + (h - p->height) / 2);
    draw_para(env, *p, text_pos, color);
    if (it.text.empty()) continue;  // nothing to say
    note_text(env, it.text, ImRect(ImVec2(left, top), ImVec2(left + w, top + h)));
    env.a11y.items.back().icon = it.icon;
    x += w + between;
    line_h = std::max(line_h, h);
  }
  return y + line_h;
}

const char* hours_pictogram(RuleState state) {
  return rule_state_name(state).data();  // the pictograms are named as the states: open, closed, unknown
}

}  // namespace kiosk::ui
