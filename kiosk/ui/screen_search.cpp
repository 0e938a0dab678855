// Search: what was typed, results while typing, and a keyboard in the locale's script.

#include "core/geo/geo.h"
#include "ui/keyboard.h"
#include "ui/screens.h"

namespace kiosk::ui {

void draw_search(UiEnv& env, Session& s, const ImRect&) {
  const ImRect area = draw_top_bar(env, s, tr(env, "nav.search"));
  const float u = env.unit, pad = 30 * u;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const Theme& t = env.theme;
  // The query box.
  const float line_h =
      para(env, "Ag " + tr(env, "search.placeholder"), area.GetWidth(), {36, true, text::Align::start, 1})->height;
  const ImRect box(pad, area.Min.y + pad, area.Max.x - pad, area.Min.y + pad + std::max(100 * u, line_h + 48 * u));
  dl->AddRectFilled(box.Min, box.Max, t.surface, 12 * u);
  dl->AddRect(box.Min, box.Max, t.accent, 12 * u, 0, 3 * u);
  const bool empty = s.query.empty();
  text_at(env, empty ? tr(env, "search.placeholder") : s.query + "\u2009|",
          ImVec2(box.Min.x + 24 * u, box.Min.y + 24 * u), box.GetWidth() - 48 * u, {36, !empty, text::Align::start, 1},
          empty ? t.text_muted : t.text);

  // The keyboard at the bottom, in reach from a wheelchair.
  const KeyboardLayout kb = keyboard_for(env.locale);
  std::vector<std::vector<std::string>> rows = kb.rows;
  if (kb.ethiopic_orders) rows.push_back(ethiopic_order_keys());
  const float gap = 10 * u;
  std::size_t max_keys = 0;
  for (const auto& r : rows) max_keys = std::max(max_keys, r.size());
  const float key_w = std::min(130 * u, (area.GetWidth() - 2 * pad) / static_cast<float>(max_keys) - gap);
  // Keys as tall as their letters need at the resident's text size (Arabic and Ethiopic lines are tall).
  float key_h = 96 * u;
  for (const auto& r : rows)
    for (const auto& k : r) key_h = std::max(key_h, button_height(env, k, key_w, 0));
  const float kb_h = static_cast<float>(rows.size() + 1) * (key_h + gap);
  const float kb_top = area.Max.y - pad - kb_h;
  int id = 0;
  for (std::size_t r = 0; r < rows.size(); ++r) {
    const float row_w = static_cast<float>(rows[r].size()) * (key_w + gap);
    const float x0 = (area.GetWidth() - row_w) / 2;
    for (std::size_t k = 0; k < rows[r].size(); ++k) {
      const ImRect kr =
          mirror(env, ImRect(x0 + static_cast<float>(k) * (key_w + gap), kb_top + static_cast<float>(r) * (key_h + gap),
                             x0 + static_cast<float>(k) * (key_w + gap) + key_w,
                             kb_top + static_cast<float>(r) * (key_h + gap) + key_h));
      const std::string kid = "##key" + std::to_string(id++);
      if (!button(env, kid.c_str(), kr, rows[r][k])) continue;
      if (kb.ethiopic_orders && r + 1 == rows.size())  // the row of vowel orders
        apply_vowel_order(s.query, k);
      else
        apply_key(s.query, rows[r][k]);
    }
  }
  const float last_y = kb_top + static_cast<float>(rows.size()) * (key_h + gap);
  const float third = (area.GetWidth() - 2 * pad - 2 * gap) / 3;
  // Pictograms, with their names for speech and keys (the delete arrow points against the reading direction).
  if (button(env, "##space", mirror(env, ImRect(pad, last_y, pad + 2 * third, last_y + key_h)), {}, false, false,
             tr(env, "search.space"), "space"))
    apply_key(s.query, " ");
  if (button(env, "##del",
             mirror(env, ImRect(pad + 2 * third + gap, last_y, pad + 2 * third + gap + third / 2, last_y + key_h)), {},
             false, false, tr(env, "search.delete"), "delete"))
    apply_key(s.query, "\b");
  if (button(env, "##clear",
             mirror(env, ImRect(pad + 2.5f * third + 2 * gap, last_y, area.Max.x - pad, last_y + key_h)), {}, false,
             false, tr(env, "search.clear"), "clear"))
    s.query.clear();

  // Results while typing, between the box and the keyboard.
  const ImRect results(pad, box.Max.y + pad, area.Max.x - pad, kb_top - pad);
  if (s.query.empty()) return;
  const auto hits = env.search().search(s.query, 20);
  float y = results.Min.y;
  y += text_at(env, tr(env, "search.results", {{"count", static_cast<std::int64_t>(hits.size())}}), ImVec2(pad, y),
               results.GetWidth(), {26}, t.text_muted);
  const float row_h = std::max(170 * u, service_row_height(env, results.GetWidth()));
  const ImRect rows_view(results.Min.x, y, results.Max.x, results.Max.y);
  note_scroll_view(env, rows_view);
  ImGui::PushClipRect(results.Min, results.Max, true);
  for (std::size_t i = 0; i < hits.size(); ++i) {
    const float top = y + 8 * u + static_cast<float>(i) * (row_h + 12 * u) - s.scroll;
    const ImRect row(results.Min.x, top, results.Max.x, top + row_h);
    if (row.Max.y < rows_view.Min.y || row.Min.y > rows_view.Max.y) {  // scrolled away: only for the keys
      note_hidden_control(env, ("##row" + std::to_string(i)).c_str(), row,
                          service_name(env, env.content->bundle.services[hits[i].service]));
      continue;
    }
    ListedService ls;
    ls.index = hits[i].service;
    ls.distance_m = distance_m(env.here, env.content->bundle.services[ls.index].location);
    ls.hours = hours_state(env.content->bundle.services[ls.index], env.hours, env.now);
    if (service_row(env, ls, ImRect(results.Min.x, top, results.Max.x, top + row_h), static_cast<int>(i))) {
      s.service = env.content->bundle.services[ls.index].id;
      s.category.clear();
      go(s, Screen::detail);
    }
  }
  ImGui::PopClipRect();
}

}  // namespace kiosk::ui
