// List: the services of a category with the resident's filters, open now first, then nearest.

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/geo/geo.h"
#include "core/hours/hours_text.h"
#include "ui/screens.h"

namespace kiosk::ui {

namespace {

std::string yes_no_unknown_badges(UiEnv& env, const Service& sv) {
  std::vector<std::string> badges;
  auto add = [&](std::string t) { badges.push_back(std::move(t)); };
  if (sv.fees == Fees::free) add(tr(env, "fees.free"));
  if (sv.documents.known && sv.documents.required.empty()) add(tr(env, "documents.none"));
  switch (sv.wheelchair) {
    case Wheelchair::yes:
      add(tr(env, "wheelchair.yes"));
      break;
    case Wheelchair::limited:
      add(tr(env, "wheelchair.limited"));
      break;
    case Wheelchair::no:
      add(tr(env, "wheelchair.no"));
      break;
    case Wheelchair::unknown:
      add(tr(env, "detail.wheelchair") + ": " + tr(env, "fact.unknown"));
      break;
  }
  return fmt::format("{}", fmt::join(badges, "  \u00B7  "));
}

}  // namespace

float service_row_height(UiEnv& env, float width) {
  // Measured with a line in the UI's script and one in Latin (names are often German): the taller wins.
  const float w = width - 56 * env.unit;
  const std::string probe = tr(env, "hours.open") + " Ag";
  return 28 * env.unit * 1.2f + para(env, probe, w, {32, true, text::Align::start, 1})->height +
         para(env, probe, w, {26, false, text::Align::start, 1})->height +
         para(env, probe, w, {24, false, text::Align::start, 1})->height;
}

bool service_row(UiEnv& env, const ListedService& ls, const ImRect& r, int index) {
  const Service& sv = env.content->bundle.services[ls.index];
  const float u = env.unit, pad = 28 * u;
  const std::string id = "##row" + std::to_string(index);
  const bool tapped = tap_area(env, id.c_str(), r, service_name(env, sv));
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.Min, r.Max, ImGui::IsItemActive() ? env.theme.surface_pressed : env.theme.surface, 14 * u);
  const float w = r.GetWidth() - 2 * pad;
  float y = r.Min.y + pad * 0.6f;
  const std::string name = service_name(env, sv);
  y += text_at(env, name, ImVec2(r.Min.x + pad, y), w, {32, true, text::Align::start, 1}, env.theme.text);
  const HoursStatus hs = describe_hours(sv.hours.get(), ls.hours, env.hours, env.now, env.fmt, env.time_format());
  const ImU32 col = hs.state == RuleState::open     ? env.theme.open
                    : hs.state == RuleState::closed ? env.theme.closed
                                                    : env.theme.unknown;
  const std::string walk =
      ls.too_far ? tr(env, "list.too_far")
                 : tr(env, "detail.walk", {{"minutes", static_cast<std::int64_t>(walk_minutes_to(env, ls))}});
  y += text_at(env, hs.text + " \u2013 " + walk, ImVec2(r.Min.x + pad, y), w, {26, false, text::Align::start, 1}, col);
  text_at(env, yes_no_unknown_badges(env, sv), ImVec2(r.Min.x + pad, y), w, {24, false, text::Align::start, 1},
          env.theme.text_muted);
  return tapped;
}

void draw_list(UiEnv& env, Session& s, const ImRect&) {
  const Category* cat = env.content->bundle.find_category(s.category);
  const ImRect area = draw_top_bar(env, s, cat ? pick(env, cat->name) : tr(env, "nav.search"));
  const float u = env.unit, pad = 30 * u;
  ServiceQuery q;
  q.category = s.category;
  q.filters = s.filters;
  q.language = env.locale;
  q.from = env.here;
  q.now = env.now;
  q.walk_m = &walking_distances(env);
  const auto& list = listed_services(env, q);
  float y = area.Min.y + pad;
  y += text_at(env, tr(env, "list.count", {{"count", static_cast<std::int64_t>(list.size())}}), ImVec2(pad, y),
               area.GetWidth() - 2 * pad, {28, false}, env.theme.text_muted);
  if (list.empty()) {
    text_at(env, tr(env, "list.empty"), ImVec2(pad, y + pad), area.GetWidth() - 2 * pad, {30}, env.theme.text);
    return;
  }
  // Rows scroll with a drag (with inertia, in kiosk_ui); only visible rows are laid out.
  const float row_h = std::max(190 * u, service_row_height(env, area.GetWidth() - 2 * pad)), gap = 16 * u;
  const ImRect view(pad, y + pad / 2, area.Max.x - pad, area.Max.y);
  const float content_h = static_cast<float>(list.size()) * (row_h + gap);
  s.scroll = std::clamp(s.scroll, 0.f, std::max(0.f, content_h - view.GetHeight()));
  note_scroll_view(env, view);
  ImGui::PushClipRect(view.Min, view.Max, true);
  // The rows on screen, and a screenful either side for the keys to move to: what a frame costs does not
  // grow with the list (a metropolis category has thousands).
  const int n = static_cast<int>(list.size());
  const int per_screen = static_cast<int>(view.GetHeight() / (row_h + gap)) + 2;
  const int first_visible = static_cast<int>(s.scroll / (row_h + gap));
  const int begin = std::max(0, first_visible - per_screen), end = std::min(n, first_visible + 2 * per_screen);
  for (int i = begin; i < end; ++i) {
    const float top = view.Min.y + static_cast<float>(i) * (row_h + gap) - s.scroll;
    const ImRect row(view.Min.x, top, view.Max.x, top + row_h);
    if (row.Max.y < view.Min.y || row.Min.y > view.Max.y) {  // scrolled away: only for the keys
      note_hidden_control(env, ("##row" + std::to_string(i)).c_str(), row,
                          service_name(env, env.content->bundle.services[list[static_cast<std::size_t>(i)].index]));
      continue;
    }
    if (service_row(env, list[static_cast<std::size_t>(i)], ImRect(view.Min.x, top, view.Max.x, top + row_h), i)) {
      s.service = env.content->bundle.services[list[static_cast<std::size_t>(i)].index].id;
      go(s, Screen::detail);
    }
  }
  ImGui::PopClipRect();
}

}  // namespace kiosk::ui
