// Detail: every fact about one service, its week, and a place for the map and the way there.

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/locid.h>

#include "core/geo/geo.h"
#include "core/hours/civil_date.h"
#include "core/hours/hours_text.h"
#include "core/i18n/address_format.h"
#include "text/text_imgui.h"
#include "ui/map_panel.h"
#include "ui/pictograms.h"
#include "ui/screens.h"

namespace kiosk::ui {

namespace {

std::string language_name(const UiEnv& env, const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale lang = icu::Locale::forLanguageTag(tag, status);
  const icu::Locale in = icu::Locale::forLanguageTag(env.locale, status);
  icu::UnicodeString name;
  lang.getDisplayName(in, name);
  std::string out;
  name.toUTF8String(out);
  return out.empty() ? tag : out;
}

// The map with the route, the choice between walking and step-free, the directions and the QR code.
void draw_way_there(UiEnv& env, Session& s, const Service& sv, const ImRect& r) {
  const float u = env.unit, gap = 16 * u;
  const Theme& t = env.theme;
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const RouteProfile profile = route_profile_of(s);
  const auto& d = directions_to(env, sv, profile);

  const ImRect map_r(r.Min.x, r.Min.y, r.Max.x, r.Min.y + r.GetHeight() * 0.48f);
  map::MapCamera cam = camera_at_kiosk(env, map_r, 1.0f);
  if (env.map) {
    const kmap::Point here = env.map->project(env.here), there = env.map->project(sv.location);
    float x0 = std::min(here.x, there.x), y0 = std::min(here.y, there.y);
    float x1 = std::max(here.x, there.x), y1 = std::max(here.y, there.y);
    if (d.route)
      for (const auto& p : d.route->path)
        x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    map::fit(cam, x0, y0, x1, y1, ImVec4(map_r.Min.x, map_r.Min.y, map_r.Max.x, map_r.Max.y), 60 * u);
    cam.scale = std::min(cam.scale, 3.0f);
  }
  std::vector<map::MarkerHit> hits;
  draw_map_panel(env, cam, map_r, d.route ? &*d.route : nullptr, sv.id, false, hits);

  // Walking or step-free: the buttons in reading order.
  float y = map_r.Max.y + gap;
  const float bw = (r.GetWidth() - gap) / 2;
  const float bh = std::max(button_height(env, tr(env, "route.profile_foot"), bw, 64 * u, "walking"),
                            button_height(env, tr(env, "route.profile_wheelchair"), bw, 64 * u, "step_free"));
  ImRect foot(r.Min.x, y, r.Min.x + bw, y + bh), wheel(r.Min.x + bw + gap, y, r.Max.x, y + bh);
  if (env.rtl) std::swap(foot, wheel);
  if (button(env, "##route_foot", foot, tr(env, "route.profile_foot"), false, profile == RouteProfile::foot, {},
             "walking"))
    s.route_profile = RouteProfile::foot;
  if (button(env, "##route_wheelchair", wheel, tr(env, "route.profile_wheelchair"), false,
             profile == RouteProfile::wheelchair, {}, "step_free"))
    s.route_profile = RouteProfile::wheelchair;
  y += bh + gap;

  const float qr_size = std::min(190 * u, r.GetWidth() * 0.3f);
  const float text_w = r.GetWidth() - qr_size - gap;
  const float text_x = env.rtl ? r.Max.x - text_w : r.Min.x;
  if (!d.route) {
    const char* key = !env.map                                               ? "map.unavailable"
                      : d.why_none == NoRoute::too_far                       ? "route.too_far"
                      : profile == RouteProfile::wheelchair && d.walk_exists ? "route.no_step_free"
                                                                             : "route.no_route";
    text_at(env, tr(env, key, {{"km", env.content->bundle.max_walk_m / 1000}}), ImVec2(text_x, y), text_w, {24, true},
            t.closed);
  } else {
    const auto minutes = static_cast<std::int64_t>(std::ceil(d.route->distance_m / env.speeds.of(profile) / 60.0));
    const std::string summary = tr(env, "detail.walk", {{"minutes", minutes}}) + " – " +
                                tr(env, "route.distance", {{"metres", static_cast<std::int64_t>(d.route->distance_m)}});
    float ty = y + text_at(env, summary, ImVec2(text_x, y), text_w, {24, true}, t.text) + 8 * u;
    ImGui::PushClipRect(ImVec2(text_x, ty), ImVec2(text_x + text_w, r.Max.y), true);
    int n = 1;
    for (const auto& step : d.steps) {
      if (ty > r.Max.y) break;
      // En dashes, not middle dots: a middle dot next to Arabic-Indic digits reads as a zero (٠).
      std::string line = env.time_format().number(n++) + ". " + step.instruction;
      if (step.distance_m >= 1)
        line += " – " + tr(env, "route.distance", {{"metres", static_cast<std::int64_t>(std::round(step.distance_m))}});
      ty += text_at(env, line, ImVec2(text_x, ty), text_w, {20}, t.text) + 6 * u;
    }
    ImGui::PopClipRect();
  }
  if (d.qr) {
    const float qx = env.rtl ? r.Min.x : r.Max.x - qr_size;
    draw_qr(dl, *d.qr, ImVec2(qx, y), qr_size);
    text_at(env, tr(env, "route.take_along"), ImVec2(qx, y + qr_size + 6 * u), qr_size,
            {16, false, text::Align::center}, t.text_muted);
  }
}

}  // namespace

void draw_detail(UiEnv& env, Session& s, const ImRect&) {
  const Service* sv = env.content->bundle.find_service(s.service);
  if (!sv) {
    go(s, Screen::home);
    return;
  }
  const Category* cat = env.content->bundle.find_category(sv->category);
  const ImRect area = draw_top_bar(env, s, cat ? pick(env, cat->name) : std::string());
  const float u = env.unit, pad = 36 * u;
  const bool two_columns = !env.portrait();
  const float col_w = two_columns ? area.GetWidth() * 0.56f : area.GetWidth() - 2 * pad;
  const ImRect facts_r = mirror(env, ImRect(pad, area.Min.y + pad, pad + col_w, area.Max.y - pad));
  const ImRect map_r = two_columns
                           ? mirror(env, ImRect(2 * pad + col_w, area.Min.y + pad, area.Max.x - pad, area.Max.y - pad))
                           : ImRect(pad, area.Max.y - area.GetHeight() * 0.5f, area.Max.x - pad, area.Max.y - pad);
  const Theme& t = env.theme;
  float y = facts_r.Min.y - s.scroll;
  const float x = facts_r.Min.x, w = facts_r.GetWidth();
  ImGui::PushClipRect(facts_r.Min, ImVec2(facts_r.Max.x, two_columns ? facts_r.Max.y : map_r.Min.y - pad / 2), true);
  const std::string name = service_name(env, *sv);
  y += text_at(env, name, ImVec2(x, y), w, {48, true}, t.text) + 12 * u;
  const HoursStatus hs = describe_hours(sv->hours.get(), env.hours, env.now, env.fmt, env.time_format());
  const ImU32 col = hs.state == RuleState::open ? t.open : hs.state == RuleState::closed ? t.closed : t.unknown;
  y += icon_texts(env, {{hours_pictogram(hs.state), hs.text}}, ImVec2(x, y), w, {32, true}, col);
  if (!hs.comment.empty()) y += text_at(env, "\u201C" + hs.comment + "\u201D", ImVec2(x, y), w, {26}, t.text_muted);
  y += 16 * u;
  const std::string desc = pick(env, sv->description);
  if (!desc.empty()) y += text_at(env, desc, ImVec2(x, y), w, {28, false, text::Align::start, 6}, t.text) + 16 * u;

  // A fact: its pictogram and label on the reading side, the value after them (mirrored inside the
  // already mirrored column).
  auto fact = [&](const char* label_key, const std::string& value, const char* icon) {
    const float label_w = w * 0.34f;
    const float icon_px = std::round(34 * u * t.text_scale), icon_gap = 10 * u;
    // Labels wrap between words, never inside one (long Tamil words at large text sizes).
    const std::string label = tr(env, label_key);
    const float text_w = label_w - 12 * u - icon_px - icon_gap;
    const auto lp = para(env, label, text_w, {fit_word_size(env, label, text_w, 26, true), true});
    const auto vp = para(env, value, w - label_w, {26});
    const ImVec2 lpos(env.rtl ? x + w - label_w : x + icon_px + icon_gap, y), vpos(env.rtl ? x : x + label_w, y);
    const float icon_x = env.rtl ? x + w - icon_px / 2 : x + icon_px / 2;
    text::draw_pictogram(ImGui::GetWindowDrawList(), *env.text, find_pictogram(env, icon),
                         ImVec2(icon_x, y + std::min(lp->height, icon_px) / 2 + 2 * u), icon_px, t.text_muted, env.rtl);
    draw_para(env, *lp, lpos, t.text_muted);
    draw_para(env, *vp, vpos, t.text);
    note_text(env, label, ImRect(lpos, ImVec2(lpos.x + lp->width, lpos.y + lp->height)));
    env.a11y.items.back().icon = icon;
    note_text(env, value, ImRect(vpos, ImVec2(vpos.x + vp->width, vpos.y + vp->height)));
    y += std::max(lp->height, vp->height) + 10 * u;
  };
  if (sv->hours) {
    const int today = days_from_civil(env.now.date);
    std::vector<std::string> week;
    for (const auto& row :
         week_table(*sv->hours, env.hours, env.now.date, civil_from_days(today), env.fmt, env.time_format()))
      week.push_back(row.day + ": " + row.hours);
    fact("detail.opening_hours", fmt::format("{}", fmt::join(week, "\n")), "open");
  } else {
    fact("detail.opening_hours", tr(env, "hours.unknown"), "unknown");
  }
  // In the country's order (bundle.yaml address_format), one line each.
  std::string address =
      fmt::format("{}", fmt::join(address_lines(sv->address, env.content->bundle.address_format,
                                                [&env](const std::string& postcode) { return ltr(env, postcode); }),
                                  "\n"));
  const std::string note = pick(env, sv->address.note);
  if (!note.empty()) address += "\n" + note;
  fact("detail.address", address.empty() ? tr(env, "fact.unknown") : address, "place");
  if (!sv->phones.empty()) {
    std::vector<std::string> phones;
    for (const auto& p : sv->phones) phones.push_back(ltr(env, p));
    fact("detail.phone", fmt::format("{}", fmt::join(phones, "\n")), "phone");
  }
  if (!sv->website.empty()) fact("detail.website", ltr(env, sv->website), "website");
  if (!sv->email.empty()) fact("detail.email", ltr(env, sv->email), "email");
  std::vector<std::string> langs;
  for (const auto& l : sv->languages) langs.push_back(language_name(env, l));
  fact("detail.languages", langs.empty() ? tr(env, "fact.unknown") : fmt::format("{}", fmt::join(langs, ", ")),
       "languages");
  const char* fee_key = sv->fees == Fees::free      ? "fees.free"
                        : sv->fees == Fees::reduced ? "fees.reduced"
                        : sv->fees == Fees::paid    ? "fees.paid"
                                                    : "fact.unknown";
  std::string fees = tr(env, fee_key);
  if (!sv->fee_note.empty()) fees += "\n" + pick(env, sv->fee_note);
  fact("detail.fees", fees, sv->fees == Fees::free ? "free" : sv->fees == Fees::unknown ? "unknown" : "money");
  std::string docs;
  if (!sv->documents.known) {
    docs = tr(env, "fact.unknown");
  } else if (sv->documents.required.empty()) {
    docs = tr(env, "documents.none");
  } else {
    std::vector<std::string> names;
    for (const auto& d : sv->documents.required) names.push_back(tr(env, "document." + d));
    docs = tr(env, "documents.required", {{"list", fmt::format("{}", fmt::join(names, ", "))}});
  }
  fact("detail.documents", docs,
       !sv->documents.known             ? "unknown"
       : sv->documents.required.empty() ? "no_documents"
                                        : "documents");
  fact("detail.anonymous",
       tr(env, sv->anonymous == YesNo::yes  ? "anonymous.yes"
               : sv->anonymous == YesNo::no ? "anonymous.no"
                                            : "fact.unknown"),
       sv->anonymous == YesNo::unknown ? "unknown" : "anonymous");
  fact("detail.wheelchair",
       tr(env, sv->wheelchair == Wheelchair::yes       ? "wheelchair.yes"
               : sv->wheelchair == Wheelchair::limited ? "wheelchair.limited"
               : sv->wheelchair == Wheelchair::no      ? "wheelchair.no"
                                                       : "fact.unknown"),
       sv->wheelchair == Wheelchair::no        ? "not_step_free"
       : sv->wheelchair == Wheelchair::unknown ? "unknown"
                                               : "step_free");
  if (sv->last_verified) {
    const auto& d = *sv->last_verified;
    text_at(env, tr(env, "detail.last_verified", {{"date", env.time_format().month_and_year(d)}}), ImVec2(x, y), w,
            {22}, t.text_muted);
  }
  ImGui::PopClipRect();

  draw_way_there(env, s, *sv, map_r);
}

}  // namespace kiosk::ui
