// List: the services of a category with the resident's filters, open now first, then nearest.

#include <algorithm>

#include "core/geo/geo.h"
#include "core/hours/hours_text.h"
#include "text/text_imgui.h"
#include "ui/pictograms.h"
#include "ui/screens.h"

namespace kiosk::ui {

namespace {

// The facts a row shows, each with its pictogram; unknown step-free access is said, not left out.
std::vector<IconText> fact_badges(UiEnv& env, const Service& sv) {
  std::vector<IconText> badges;
  if (sv.fees == Fees::free) badges.push_back({"free", tr(env, "fees.free")});
  if (sv.documents.known && sv.documents.required.empty())
    badges.push_back({"no_documents", tr(env, "documents.none")});
  if (sv.anonymous == YesNo::yes) badges.push_back({"anonymous", tr(env, "anonymous.yes")});
  switch (sv.wheelchair) {
    case Wheelchair::yes:
      badges.push_back({"step_free", tr(env, "wheelchair.yes")});
      break;
    case Wheelchair::limited:
      badges.push_back({"step_free", tr(env, "wheelchair.limited")});
      break;
    case Wheelchair::no:
      badges.push_back({"not_step_free", tr(env, "wheelchair.no")});
      break;
    case Wheelchair::unknown:
      badges.push_back({"unknown", tr(env, "detail.wheelchair") + ": " + tr(env, "fact.unknown")});
      break;
  }
  return badges;
}

}  // namespace

namespace {

// The pictogram column at the reading side of a row.
float row_icon(const UiEnv& env) {
  return std::round(56 * env.unit * env.theme.text_scale);
}

}  // namespace

float service_row_height(UiEnv& env, float width) {
  // Measured with a line in the UI's script and one in Latin (names are often German): the taller wins.
  const float w = width - 56 * env.unit - row_icon(env);
  const std::string probe = tr(env, "hours.open") + " Ag";
  const float icon_line = std::round(26 * env.unit * env.theme.text_scale * 1.15f);
  return 28 * env.unit * 1.2f + para(env, probe, w, {32, true, text::Align::start, 1})->height +
         std::max(icon_line, para(env, probe, w, {26, false, text::Align::start, 1})->height) +
         std::max(icon_line, para(env, probe, w, {24, false, text::Align::start, 1})->height);
}

bool service_row(UiEnv& env, const ListedService& ls, const ImRect& r, int index) {
  const Service& sv = env.content->bundle.services[ls.index];
  const float u = env.unit, pad = 28 * u;
  const std::string id = "##row" + std::to_string(index);
  const bool tapped = tap_area(env, id.c_str(), r, service_name(env, sv));
  const Category* cat = env.content->bundle.find_category(sv.category);
  if (cat) env.a11y.items.back().icon = cat->icon;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRectFilled(r.Min, r.Max, ImGui::IsItemActive() ? env.theme.surface_pressed : env.theme.surface, 14 * u);
  // The category's pictogram at the reading side, the words beside it.
  const float icon = row_icon(env), icon_gap = 20 * u;
  if (cat)
    text::draw_pictogram(
        dl, *env.text, find_pictogram(env, cat->icon),
        ImVec2(env.rtl ? r.Max.x - pad - icon / 2 : r.Min.x + pad + icon / 2, r.Min.y + pad + icon / 2), icon,
        env.theme.text, env.rtl);
  const float w = r.GetWidth() - 2 * pad - icon - icon_gap;
  const float x = env.rtl ? r.Min.x + pad : r.Min.x + pad + icon + icon_gap;
  float y = r.Min.y + pad * 0.6f;
  const std::string name = service_name(env, sv);
  y += text_at(env, name, ImVec2(x, y), w, {32, true, text::Align::start, 1}, env.theme.text);
  const HoursStatus hs = describe_hours(sv.hours.get(), ls.hours, env.hours, env.now, env.fmt, env.time_format());
  const ImU32 col = hs.state == RuleState::open     ? env.theme.open
                    : hs.state == RuleState::closed ? env.theme.closed
                                                    : env.theme.unknown;
  const std::string walk =
      ls.too_far ? tr(env, "list.too_far")
                 : tr(env, "detail.walk", {{"minutes", static_cast<std::int64_t>(walk_minutes_to(env, ls))}});
  y += icon_texts(env, {{hours_pictogram(hs.state), hs.text}, {"walking", walk}}, ImVec2(x, y), w,
                  {26, false, text::Align::start, 1}, col, 1);
  // With "pictograms only", the facts are their pictograms (and are still read aloud in words).
  icon_texts(env, fact_badges(env, sv), ImVec2(x, y), w, {24, false, text::Align::start, 1}, env.theme.text_muted, 1,
             !env.pictograms_only);
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
