// Home: category tiles, filters and search. Language and accessibility are in the top bar.

#include "text/text_imgui.h"
#include "ui/pictograms.h"
#include "ui/screens.h"

namespace kiosk::ui {

void draw_home(UiEnv& env, Session& s, const ImRect& full) {
  const ImRect area = draw_top_bar(env, s, tr(env, "home.title"));
  const float u = env.unit, pad = 30 * u;
  const auto& cats = env.content->bundle.categories;
  // Filters: a row of toggles under the bar (two rows in portrait or with large text).
  struct Filter {
    const char* key;
    bool* value;
    const char* icon;
  };
  const Filter filters[] = {{"filter.open_now", &s.filters.open_now, "open"},
                            {"filter.free", &s.filters.free_of_charge, "free"},
                            {"filter.no_documents", &s.filters.no_documents, "no_documents"},
                            {"filter.step_free", &s.filters.step_free, "step_free"},
                            {"filter.my_language", &s.filters.speaks_my_language, "languages"}};
  const int per_row = env.portrait() || env.theme.text_scale > 1.2f ? 3 : 5;
  const float fw = (area.GetWidth() - pad * static_cast<float>(per_row + 1)) / static_cast<float>(per_row);
  float fh = 96 * u * std::max(1.f, env.theme.text_scale * 0.8f);
  for (const Filter& f : filters) fh = std::max(fh, button_height(env, tr(env, f.key), fw, 0, f.icon));
  float y = area.Min.y + pad;
  for (int i = 0; i < 5; ++i) {
    const int col = i % per_row, row = i / per_row;
    const ImRect r =
        mirror(env, ImRect(pad + static_cast<float>(col) * (fw + pad), y + static_cast<float>(row) * (fh + pad / 2),
                           pad + static_cast<float>(col) * (fw + pad) + fw,
                           y + static_cast<float>(row) * (fh + pad / 2) + fh));
    const std::string id = std::string("##") + filters[i].key;
    // On or off shows as the button's fill (and is said as "selected"); the pictogram says which filter.
    if (button(env, id.c_str(), r, tr(env, filters[i].key), false, *filters[i].value, {}, filters[i].icon))
      *filters[i].value = !*filters[i].value;
  }
  y += static_cast<float>((4 / per_row) + 1) * (fh + pad / 2) + pad / 2;

  // Category tiles in reading order (mirrored for right-to-left), with how many places each has.
  const int cols = env.portrait() ? 2 : (env.theme.text_scale > 1.2f ? 3 : 5);
  const int rows = (static_cast<int>(cats.size()) + cols - 1) / cols;
  const float search_h =
      std::max(button_height(env, tr(env, "nav.search"), (area.GetWidth() - 3 * pad) * 0.68f, 110 * u, "search"),
               button_height(env, tr(env, "nav.map"), (area.GetWidth() - 3 * pad) * 0.32f, 110 * u, "map"));
  const float tile_w = (area.GetWidth() - pad * static_cast<float>(cols + 1)) / static_cast<float>(cols);
  // Tiles are as tall as their text needs (large text makes them taller); when they do not fit, the
  // tiles scroll between the filters and the search button.
  const float inner = 36 * u;
  // Each tile's pictogram above its name; with "pictograms only", a larger one and the name on one line.
  const bool pictures = env.pictograms_only;
  const int name_lines = pictures ? 1 : 4;
  const float icon = std::round((pictures ? 120.f : 64.f) * u * env.theme.text_scale);
  float name_h = 0;  // the tallest name, measured: scripts differ in line height
  for (const Category& c : cats) {
    const std::string name = pick(env, c.name);
    const float size = fit_word_size(env, name, tile_w - 2 * inner, 34, true);
    name_h =
        std::max(name_h, para(env, name, tile_w - 2 * inner, {size, true, text::Align::start, name_lines})->height);
  }
  name_h += icon + 12 * u;
  const float count_h = para(env, tr(env, "list.count", {{"count", std::int64_t{99}}}), tile_w - 2 * inner,
                             {26, false, text::Align::start, 1})
                            ->height;
  const float tile_h = std::max(24 * u + name_h + 12 * u + count_h + 20 * u,
                                (area.Max.y - y - search_h - 2 * pad) / static_cast<float>(rows) - pad);
  const ImRect tiles_view(0, y - pad / 2, area.Max.x, area.Max.y - search_h - pad);
  const float overflow = std::max(0.f, static_cast<float>(rows) * (tile_h + pad) - tiles_view.GetHeight());
  s.scroll = std::min(s.scroll, overflow);
  y -= s.scroll;
  note_scroll_view(env, tiles_view);
  ImGui::PushClipRect(tiles_view.Min, tiles_view.Max, true);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  for (std::size_t i = 0; i < cats.size(); ++i) {
    const Category& c = cats[i];
    const int col = static_cast<int>(i) % cols, row = static_cast<int>(i) / cols;
    const ImRect r =
        mirror(env, ImRect(pad + static_cast<float>(col) * (tile_w + pad), y + static_cast<float>(row) * (tile_h + pad),
                           pad + static_cast<float>(col) * (tile_w + pad) + tile_w,
                           y + static_cast<float>(row) * (tile_h + pad) + tile_h));
    const std::string id = "##cat" + c.id;
    if (tap_area(env, id.c_str(), r, pick(env, c.name))) {
      s.category = c.id;
      go(s, Screen::list);
    }
    env.a11y.items.back().icon = c.icon;
    const bool held = ImGui::IsItemActive();
    dl->AddRectFilled(r.Min, r.Max, held ? env.theme.surface_pressed : env.theme.surface, 18 * u);
    unsigned rr = 0, gg = 0, bb = 0;
    if (c.colour.size() == 7 && std::sscanf(c.colour.c_str() + 1, "%02x%02x%02x", &rr, &gg, &bb) == 3) {
      const ImRect band = mirror(env, ImRect(mirror(env, r).Min.x, r.Min.y, mirror(env, r).Min.x + 16 * u, r.Max.y));
      dl->AddRectFilled(band.Min, band.Max, IM_COL32(rr, gg, bb, 255), 18 * u);
    }
    dl->AddRect(r.Min, r.Max, env.theme.accent, 18 * u, 0, 2 * u);
    const float icon_y = r.Min.y + 24 * u + icon / 2;
    const float icon_x =
        pictures ? r.GetCenter().x : (env.rtl ? r.Max.x - inner - icon / 2 : r.Min.x + inner + icon / 2);
    text::draw_pictogram(dl, *env.text, find_pictogram(env, c.icon), ImVec2(icon_x, icon_y), icon, env.theme.text,
                         env.rtl);
    const float name_y = r.Min.y + 24 * u + icon + 12 * u;
    const auto p = para(env, pick(env, c.name), r.GetWidth() - 2 * inner,
                        {fit_word_size(env, pick(env, c.name), r.GetWidth() - 2 * inner, 34, true), true,
                         pictures ? text::Align::center : text::Align::start, name_lines});
    draw_para(env, *p, ImVec2(r.Min.x + inner, name_y), env.theme.text);
    note_text(env, pick(env, c.name),
              ImRect(ImVec2(r.Min.x + inner, name_y), ImVec2(r.Max.x - inner, name_y + p->height)));
    if (pictures) continue;  // the count is words too
    std::size_t n = 0;
    for (const auto& sv : env.content->bundle.services) n += sv.category == c.id;
    text_at(env, tr(env, "list.count", {{"count", static_cast<std::int64_t>(n)}}),
            ImVec2(r.Min.x + inner, r.Max.y - count_h - 20 * u), r.GetWidth() - 2 * inner,
            {26, false, text::Align::start, 1}, env.theme.text_muted);
  }
  ImGui::PopClipRect();
  // Search, and the map of every place beside it (at the reading end).
  const float split = pad + (area.GetWidth() - 3 * pad) * 0.68f;
  const ImRect search = mirror(env, ImRect(pad, area.Max.y - search_h - pad, split, area.Max.y - pad));
  const ImRect map = mirror(env, ImRect(split + pad, area.Max.y - search_h - pad, area.Max.x - pad, area.Max.y - pad));
  if (button(env, "##search", search, tr(env, "nav.search"), true, false, {}, "search")) go(s, Screen::search);
  if (button(env, "##map", map, tr(env, "nav.map"), false, false, {}, "map")) go(s, Screen::map);
  (void)full;
}

}  // namespace kiosk::ui
