#include "core/bundle/bundle_validate.h"

#include <fmt/format.h>

#include <algorithm>
#include <unordered_map>

#include "core/base/language_tag.h"
#include "core/base/suggest.h"
#include "core/geo/geo.h"
#include "core/hours/opening_hours.h"

namespace kiosk {
namespace {

std::string where(const SourcePos& p) {
  return fmt::format("{}:{}:{}", p.file, p.line, p.col);
}

template <typename Item>
void check_unique_ids(const std::vector<Item>& items, std::string_view what, Diagnostics& diags,
                      SourcePos Item::*pos_member) {
  std::unordered_map<std::string, const Item*> seen;
  for (const Item& item : items) {
    if (item.id.empty()) continue;
    auto [it, inserted] = seen.emplace(item.id, &item);
    if (!inserted)
      diags.error(item.*pos_member, "duplicate-id", fmt::format("{} id '{}' is used twice", what, item.id),
                  fmt::format("the first is at {}; give each a unique id", where(it->second->*pos_member)));
  }
}

// Calls fn(text, field, describe) for every translatable text of the bundle: field is its key in the
// item ("description", "address.note"); describe() names it for editors and is called only when needed
// (most texts are fine, and formatting 10,000 names costs). Holiday names are left out: the kiosk never
// shows them, it only uses the dates.
template <typename Fn>
void for_each_text(const Bundle& b, Fn&& fn) {
  auto named = [](const char* what, const std::string& id) {
    return [what, &id] { return fmt::format(fmt::runtime(what), id); };
  };
  fn(b.title, "title", [] { return std::string("the bundle title"); });
  for (const auto& k : b.kiosks) fn(k.name, "name", named("the name of kiosk '{}'", k.id));
  for (const auto& c : b.categories) fn(c.name, "name", named("the name of category '{}'", c.id));
  for (const auto& s : b.services) {
    fn(s.name, "name", named("the name of service '{}'", s.id));
    fn(s.description, "description", named("the description of service '{}'", s.id));
    fn(s.address.note, "address.note", named("the address note of service '{}'", s.id));
    fn(s.fee_note, "fee_note", named("the fee note of service '{}'", s.id));
  }
  for (const auto& a : b.announcements) fn(a.text, "text", named("the text of announcement '{}'", a.id));
}

// `de-DE` where the bundle offers `de` is a slip: the kiosk looks up `de`, so the text would never be
// shown. A language the bundle does not offer at all is kept quietly: imports bring names in many
// languages (name:nl in OpenStreetMap), and a translation may be made ahead of switching a language on.
void check_text_languages(const Bundle& b, Diagnostics& diags) {
  if (b.locales.empty()) return;
  auto offered = [&](const std::string& tag) {
    return tag == "und" || std::find(b.locales.begin(), b.locales.end(), tag) != b.locales.end();
  };
  auto check = [&](const std::string& tag, const SourcePos& pos, auto&& describe) {
    for (const auto& parent : locale_fallback_chain(tag, ""))
      if (parent != tag && offered(parent)) {
        diags.error(pos, "unknown-text-language",
                    fmt::format("{} has a '{}' text, but the bundle offers '{}': it would never be shown", describe(),
                                tag, parent),
                    fmt::format("write '{}:'", parent));
        return;
      }
  };
  for_each_text(b, [&](const LocalizedText& t, const char*, auto&& describe) {
    for (const auto& [tag, text] : t.by_locale)
      if (!offered(tag) && tag.find('-') != std::string::npos) check(tag, t.pos, describe);
  });
  for (const auto& c : b.categories)
    for (const auto& [tag, words] : c.synonyms)
      if (!offered(tag) && tag.find('-') != std::string::npos)
        check(tag, c.pos, [&] { return fmt::format("the synonyms of category '{}'", c.id); });
}

}  // namespace

std::vector<LocaleCoverage> content_translation_coverage(const Bundle& b) {
  std::vector<LocaleCoverage> out;
  for (const auto& locale : b.locales) {
    LocaleCoverage cov;
    cov.locale = locale;
    for_each_text(b, [&](const LocalizedText& t, const char* field, auto&& describe) {
      if (t.empty() || t.find("und")) return;  // absent, or the same in every language
      ++cov.total;
      if (t.find(locale))
        ++cov.translated;
      else
        cov.missing.push_back({t.pos, field, describe()});
    });
    out.push_back(std::move(cov));
  }
  return out;
}

namespace {

bool uses_holidays(const OpeningHours& oh, bool school) {
  for (const OhRule& r : oh.rules) {
    for (const HolidaySel& h : r.holidays)
      if (h.school == school) return true;
    for (const auto& w : r.weekdays)
      if (const auto* h = std::get_if<HolidaySel>(&w); h && h->school == school) return true;
  }
  return false;
}

// PH or SH in opening hours with no holidays to know them by: the kiosk can only say "unknown" on those
// days. One warning per kind, at the first service that uses it.
void warn_holidays_unknown(const Bundle& b, Diagnostics& diags) {
  for (const bool school : {false, true}) {
    if (school ? !b.school_holidays.empty() : !b.holidays.empty()) continue;
    const Service* first = nullptr;
    std::size_t n = 0;
    for (const Service& s : b.services)
      if (s.hours && uses_holidays(*s.hours, school) && n++ == 0) first = &s;
    if (!first) continue;
    diags.warning(first->opening_hours_pos, school ? "school-holidays-unknown" : "holidays-unknown",
                  fmt::format("{} service{} ('{}'{}) {} {} in opening_hours, but holidays.yaml lists no {} holidays: "
                              "on those days the kiosk says the hours are unknown",
                              n, n == 1 ? "" : "s", first->id, n > 1 ? " and others" : "", n == 1 ? "uses" : "use",
                              school ? "SH" : "PH", school ? "school" : "public"),
                  school ? "add the region's school holidays to holidays.yaml ('school: [{from, until, name}]')"
                         : "add the region's public holidays to holidays.yaml ('public: [{date, name}]')");
  }
}

}  // namespace

void validate_bundle(Bundle& b, Diagnostics& diags, std::optional<Date> today) {
  std::unordered_map<std::string, std::shared_ptr<const OpeningHours>> parsed;
  for (auto& s : b.services) {
    if (s.opening_hours.empty()) continue;
    auto [it, inserted] = parsed.try_emplace(s.opening_hours);
    if (inserted) {
      auto result = parse_opening_hours(s.opening_hours);
      if (auto* oh = std::get_if<OpeningHours>(&result)) {
        it->second = std::make_shared<const OpeningHours>(std::move(*oh));
      } else {
        const auto& err = std::get<OhParseError>(result);
        SourcePos pos = s.opening_hours_pos;
        if (pos.col > 0) pos.col += err.column - 1;
        diags.error(
            pos, "bad-opening-hours",
            fmt::format("opening_hours of service '{}': {} (column {} of the value)", s.id, err.message, err.column),
            "see https://wiki.openstreetmap.org/wiki/Key:opening_hours/specification");
        continue;
      }
    }
    s.hours = it->second;
    if (!s.hours) {  // an equal value failed before: point at this one too
      diags.error(s.opening_hours_pos, "bad-opening-hours",
                  fmt::format("opening_hours of service '{}' is invalid (as reported above)", s.id));
    }
  }

  warn_holidays_unknown(b, diags);

  check_unique_ids(b.categories, "category", diags, &Category::pos);
  check_unique_ids(b.services, "service", diags, &Service::id_pos);
  check_unique_ids(b.announcements, "announcement", diags, &Announcement::pos);
  check_unique_ids(b.kiosks, "kiosk", diags, &KioskPlace::pos);

  std::vector<std::string> category_ids;
  for (const auto& c : b.categories) category_ids.push_back(c.id);
  for (const auto& s : b.services) {
    if (!s.category.empty() && !b.find_category(s.category)) {
      const std::string guess = closest_match(s.category, std::span<const std::string>(category_ids));
      diags.error(
          s.category_pos, "unknown-category",
          fmt::format("service '{}' has category '{}', which categories.yaml does not define", s.id, s.category),
          guess.empty() ? "add it to categories.yaml or use one that exists"
                        : fmt::format("did you mean '{}'?", guess));
    }
  }

  const bool have_area = b.area.north > b.area.south && b.area.east > b.area.west;
  auto check_inside = [&](GeoPoint p, const SourcePos& pos, const std::string& what) {
    if (have_area && pos.line > 0 && !b.area.contains(p))
      diags.error(pos, "outside-area",
                  fmt::format("{} lies at {}, outside the bundle's area ({} to {}, {} to {})", what, format_lat_lon(p),
                              format_lat(b.area.south, 4), format_lat(b.area.north, 4), format_lon(b.area.west, 4),
                              format_lon(b.area.east, 4)),
                  "check the coordinates (latitude first) or widen 'area' in bundle.yaml");
  };
  for (const auto& s : b.services) check_inside(s.location, s.location_pos, fmt::format("service '{}'", s.id));
  for (const auto& k : b.kiosks) check_inside(k.location, k.pos, fmt::format("kiosk '{}'", k.id));

  if (!b.default_locale.empty() && !b.locales.empty() &&
      std::find(b.locales.begin(), b.locales.end(), b.default_locale) == b.locales.end())
    diags.error(b.locales_pos, "bad-value",
                fmt::format("the default locale '{}' is not among the bundle's locales", b.default_locale),
                "add it to 'locales'");

  for (const auto& a : b.announcements)
    if (a.from && a.until && *a.until < *a.from)
      diags.error(a.until_pos, "until-before-from",
                  fmt::format("announcement '{}' ends ('until') before it starts ('from')", a.id),
                  "check the dates; 'until' must not be before 'from'");

  if (today)
    for (const auto& s : b.services)
      if (s.last_verified && *today < *s.last_verified)
        diags.error(s.last_verified_pos, "date-in-future",
                    fmt::format("last_verified of service '{}' is {:04}-{:02}-{:02}, after today", s.id,
                                s.last_verified->year, s.last_verified->month, s.last_verified->day),
                    "write the day the facts were checked");

  check_text_languages(b, diags);

  for (const auto& cov : content_translation_coverage(b))
    for (const auto& m : cov.missing)
      diags.warning(
          m.pos, "missing-translation", fmt::format("{} has no '{}' translation", m.what, cov.locale),
          fmt::format("add '{}:' (coverage for {} is {}/{})", cov.locale, cov.locale, cov.translated, cov.total));
}

}  // namespace kiosk
