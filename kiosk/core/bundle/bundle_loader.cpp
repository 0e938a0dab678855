#include "core/bundle/bundle_loader.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <unicode/timezone.h>

#include <algorithm>
#include <atomic>
#include <iterator>
#include <regex>
#include <thread>

#include "core/base/limits.h"
#include "core/base/suggest.h"
#include "core/base/utf8.h"
#include "core/bundle/bundle_files.h"
#include "core/i18n/address_format.h"
#include "core/i18n/contact_format.h"
#include "core/model/vocabulary.h"
#include "core/routing/foot_access.h"
#include "core/yaml/yaml_file.h"
#include "core/yaml/yaml_read.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

bool is_known_timezone(const std::string& id) {
  icu::UnicodeString canonical;
  UBool is_system = false;
  UErrorCode status = U_ZERO_ERROR;
  icu::TimeZone::getCanonicalID(icu::UnicodeString::fromUTF8(id), canonical, is_system, status);
  return U_SUCCESS(status) && is_system;
}

// A string in a form it must have (a time zone, a colour, a web address, ...): what the value is called,
// how long it may be, the test of its form, and what the error says (`message` names the value with {}).
struct StringForm {
  std::string_view what;
  std::size_t max_len;
  bool (*valid)(const std::string&);
  std::string_view code, message, hint;
};

std::optional<std::string> read_in_form(const ReadContext& ctx, const YAML::Node& n, const StringForm& form) {
  auto v = read_string(ctx, n, form.what, form.max_len);
  if (!v || form.valid(*v)) return v;
  ctx.diags.error(ctx.pos(n), std::string(form.code), fmt::format(fmt::runtime(form.message), *v),
                  std::string(form.hint));
  return std::nullopt;
}

bool is_holiday_region(const std::string& v) {
  static const std::regex iso3166_2("[A-Z]{2}(-[A-Z0-9]{1,3})?");
  return std::regex_match(v, iso3166_2);
}
bool is_country_code(const std::string& v) {
  static const std::regex iso3166_1("[A-Z]{2}");
  return std::regex_match(v, iso3166_1);
}
bool is_colour(const std::string& v) {
  static const std::regex hex("#[0-9A-Fa-f]{6}");
  return std::regex_match(v, hex);
}
bool is_web_url(const std::string& v) {
  return is_valid_web_url(v);
}
bool is_email(const std::string& v) {
  return is_valid_email(v);
}

template <typename Array>
std::optional<std::string> read_word(const ReadContext& ctx, const YAML::Node& n, std::string_view what,
                                     const Array& words) {
  auto s = read_string(ctx, n, what, limits::max_id);
  if (!s) return std::nullopt;
  if (std::find(words.begin(), words.end(), *s) != words.end()) return s;
  ctx.diags.error(ctx.pos(n), "bad-value", fmt::format("{} '{}' is not one of: {}", what, *s, fmt::join(words, ", ")));
  return std::nullopt;
}

// A list, or a single value as shorthand for a list of one.
template <typename Fn>
void for_each_item(const YAML::Node& n, Fn&& fn) {
  if (n.IsSequence()) {
    for (const auto& item : n) fn(item);
  } else {
    fn(n);
  }
}

GeoPoint read_location(const ReadContext& ctx, const MapReader& m, std::string_view what, SourcePos& pos) {
  GeoPoint p;
  const YAML::Node lat = m.require("lat", "add 'lat:' and 'lon:' in WGS84 degrees, e.g. lat: 50.7753");
  const YAML::Node lon = m.require("lon", "add 'lat:' and 'lon:' in WGS84 degrees, e.g. lon: 6.0839");
  if (lat.IsDefined() && !lat.IsNull()) {
    pos = ctx.pos(lat);
    if (auto v = read_number(ctx, lat, fmt::format("the latitude of {}", what), -90, 90)) p.lat = *v;
  }
  if (lon.IsDefined() && !lon.IsNull())
    if (auto v = read_number(ctx, lon, fmt::format("the longitude of {}", what), -180, 180)) p.lon = *v;
  return p;
}

// A path the bundle names (the map files) must stay inside the bundle: `../../etc/shadow` or `/etc` would
// make `bundle build` copy or write outside its folders.
std::optional<std::string> read_bundle_path(const ReadContext& ctx, const YAML::Node& n, std::string_view what) {
  auto v = read_string(ctx, n, what, limits::max_short_text);
  if (!v) return std::nullopt;
  const fs::path p(*v);
  const fs::path normal = p.lexically_normal();
  const bool escapes = !normal.empty() && normal.begin()->string() == "..";
  if (p.is_absolute() || p.has_root_name() || p.has_root_directory() || escapes || normal == "." ||
      normal.filename().empty() || v->find('\\') != std::string::npos) {
    ctx.diags.error(ctx.pos(n), "path-outside-bundle", fmt::format("{} '{}' is not a file inside the bundle", what, *v),
                    "write a path relative to the bundle folder, without '..', e.g. map/city.kmap");
    return std::nullopt;
  }
  return normal.generic_string();
}

// `walking: {foot: {trunk: yes}}`: what an untagged road of a type means on foot, over the country's rule.
void read_foot_overrides(const ReadContext& ctx, const YAML::Node& n, Bundle& b) {
  if (!n.IsMap()) {
    ctx.diags.error(ctx.pos(n), "wrong-type", "'walking: foot' must map road types to yes, no or sidewalk",
                    "e.g. 'foot: {trunk: yes}'");
    return;
  }
  const auto& types = foot_rule_highways();
  for (const auto& item : n) {
    const auto key = item.first.as<std::string>("");
    if (std::find(types.begin(), types.end(), key) == types.end()) {
      const std::string close = closest_match(key, types);
      ctx.diags.error(ctx.pos(item.first), "unknown-key", fmt::format("'{}' is not a road type walking rules set", key),
                      close.empty() ? fmt::format("use one of: {}", fmt::join(types, ", "))
                                    : fmt::format("did you mean '{}'?", close));
      continue;
    }
    const auto value = item.second.IsScalar() ? item.second.Scalar() : std::string();
    if (const auto access = parse_foot_access(value))
      b.foot_overrides[key] = *access;
    else
      ctx.diags.error(ctx.pos(item.second), "bad-value",
                      fmt::format("'{}' for {} is not yes, no or sidewalk", value, key),
                      "sidewalk: walkable only where the way has a sidewalk tag");
  }
}

void read_bundle_file(const ReadContext& ctx, Bundle& b) {
  MapReader m(ctx, ctx.file.root, "bundle.yaml",
              {"id", "version", "title", "timezone", "holiday_region", "default_locale", "locales", "area", "kiosks",
               "map", "attribution", "verification", "walking", "address_format"});
  if (!m.ok()) return;
  if (auto n = m.require("id"); n.IsDefined() && !n.IsNull())
    if (auto v = read_id(ctx, n, "the bundle id")) b.id = *v;
  if (auto n = m.require("version", "add 'version: 1' and increase it with every release");
      n.IsDefined() && !n.IsNull())
    if (auto v = read_integer(ctx, n, "the bundle version", 1, INT64_MAX)) b.version = *v;
  if (auto n = m.require("title"); n.IsDefined() && !n.IsNull())
    b.title = read_localized(ctx, n, "the bundle title", limits::max_name);
  if (auto n = m.require("timezone", "add an IANA time zone, e.g. 'timezone: Europe/Berlin'");
      n.IsDefined() && !n.IsNull()) {
    if (auto v = read_in_form(ctx, n,
                              {"the time zone", 64, is_known_timezone, "bad-timezone", "'{}' is not an IANA time zone",
                               "write e.g. Europe/Berlin"}))
      b.timezone = *v;
  }
  if (m.has("holiday_region"))
    if (auto v = read_in_form(ctx, m.get("holiday_region"),
                              {"the holiday region", 10, is_holiday_region, "bad-value",
                               "holiday region '{}' is not an ISO 3166-2 code", "write e.g. DE-NW"}))
      b.holiday_region = *v;
  if (auto n = m.require("default_locale"); n.IsDefined() && !n.IsNull())
    if (auto v = read_language_tag(ctx, n, "the default locale")) b.default_locale = *v;
  if (auto n = m.require("locales", "list the languages this bundle offers, e.g. 'locales: [de, en, ar]'");
      n.IsDefined() && !n.IsNull()) {
    b.locales_pos = ctx.pos(n);
    if (!n.IsSequence()) {
      ctx.diags.error(ctx.pos(n), "wrong-type", "the locales must be a list");
    } else {
      for (const auto& item : n) {
        auto tag = read_language_tag(ctx, item, "a locale");
        if (!tag) continue;
        if (std::find(b.locales.begin(), b.locales.end(), *tag) != b.locales.end())
          ctx.diags.error(ctx.pos(item), "duplicate-id", fmt::format("locale '{}' is listed twice", *tag));
        else {
          b.locales.push_back(*tag);
          b.locale_pos.push_back(ctx.pos(item));
        }
      }
    }
  }
  if (auto n = m.require("area", "add the area the bundle covers: 'area: {south: .., west: .., north: .., east: ..}'");
      n.IsDefined() && !n.IsNull()) {
    MapReader a(ctx, n, "the area", {"south", "west", "north", "east"});
    auto get = [&](std::string_view k, double lo, double hi, double& out) {
      if (auto v = a.require(k); v.IsDefined() && !v.IsNull())
        if (auto d = read_number(ctx, v, fmt::format("the area's {}", k), lo, hi)) out = *d;
    };
    get("south", -90, 90, b.area.south);
    get("north", -90, 90, b.area.north);
    get("west", -180, 180, b.area.west);
    get("east", -180, 180, b.area.east);
    if (a.ok() && (b.area.south >= b.area.north || b.area.west >= b.area.east))
      ctx.diags.error(ctx.pos(n), "bad-area", "the area is empty: south must be below north and west left of east");
  }
  if (m.has("kiosks")) {
    const YAML::Node list = m.get("kiosks");
    if (!list.IsSequence()) {
      ctx.diags.error(ctx.pos(list), "wrong-type", "'kiosks' must be a list");
    } else {
      for (const auto& item : list) {
        MapReader k(ctx, item, "a kiosk", {"id", "name", "lat", "lon", "heading", "layer"});
        if (!k.ok()) continue;
        KioskPlace place;
        place.pos = ctx.pos(item);
        if (auto n = k.require("id"); n.IsDefined() && !n.IsNull())
          if (auto v = read_id(ctx, n, "the kiosk id")) place.id = *v;
        if (k.has("name")) place.name = read_localized(ctx, k.get("name"), "the kiosk name", limits::max_name);
        SourcePos loc_pos;
        place.location = read_location(ctx, k, "the kiosk", loc_pos);
        if (k.has("heading"))
          if (auto v = read_number(ctx, k.get("heading"), "the kiosk heading", 0, 360)) place.heading_deg = *v;
        if (k.has("layer"))
          if (auto v = read_integer(ctx, k.get("layer"), "the kiosk's layer", -5, 5))
            place.layer = static_cast<int>(*v);
        b.kiosks.push_back(std::move(place));
      }
    }
  }
  if (m.has("map")) {
    MapReader mp(ctx, m.get("map"), "the map", {"source", "compiled"});
    if (auto n = mp.require("source"); n.IsDefined() && !n.IsNull())
      if (auto v = read_bundle_path(ctx, n, "the map source")) b.map_source = *v;
    if (mp.has("compiled"))
      if (auto v = read_bundle_path(ctx, mp.get("compiled"), "the compiled map")) b.map_compiled = *v;
  }
  if (auto n = m.require("attribution", "add e.g. 'attribution: \"© OpenStreetMap contributors, ODbL 1.0\"'");
      n.IsDefined() && !n.IsNull())
    if (auto v = read_string(ctx, n, "the attribution", limits::max_short_text)) b.attribution = *v;
  if (m.has("verification")) {
    MapReader v(ctx, m.get("verification"), "verification", {"every_months"});
    if (v.has("every_months"))
      if (auto months = read_integer(ctx, v.get("every_months"), "verification every_months", 1, 120))
        b.verify_every_months = static_cast<int>(*months);
  }
  if (m.has("walking")) {
    MapReader w(ctx, m.get("walking"), "walking", {"max_km", "country", "foot"});
    if (w.has("max_km"))
      if (auto km = read_number(ctx, w.get("max_km"), "walking max_km", 0.5, 30)) b.max_walk_m = *km * 1000;
    if (w.has("country"))
      if (auto v = read_in_form(ctx, w.get("country"),
                                {"the walking country", 16, is_country_code, "bad-value", "'{}' is not a country code",
                                 "use the ISO 3166-1 code in capitals, e.g. PT or MT"}))
        b.walking_country = *v;
    if (w.has("foot")) read_foot_overrides(ctx, w.get("foot"), b);
  }
  if (m.has("address_format")) {
    const YAML::Node n = m.get("address_format");
    if (auto v = read_string(ctx, n, "the address format", 200)) {
      if (const std::string why = check_address_format(*v); !why.empty())
        ctx.diags.error(ctx.pos(n), "bad-value", "the address format: " + why,
                        "e.g. \"{street}\\n{postcode} {city}\" (Germany) or \"{street}\\n{city} {postcode}\" (Malta)");
      else
        b.address_format = *v, b.address_format_pos = ctx.pos(n);
    }
  }
}

void read_categories_file(const ReadContext& ctx, Bundle& b) {
  MapReader top(ctx, ctx.file.root, "categories.yaml", {"categories"});
  const YAML::Node list = top.require("categories");
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    ctx.diags.error(ctx.pos(list), "wrong-type", "'categories' must be a list");
    return;
  }
  for (const auto& item : list) {
    MapReader m(ctx, item, "a category", {"id", "icon", "colour", "name", "synonyms"});
    if (!m.ok()) continue;
    Category c;
    c.pos = ctx.pos(item);
    if (auto n = m.require("id"); n.IsDefined() && !n.IsNull())
      if (auto v = read_id(ctx, n, "the category id")) c.id = *v;
    if (auto n = m.require("name"); n.IsDefined() && !n.IsNull())
      c.name = read_localized(ctx, n, "the category name", limits::max_name);
    if (m.has("icon"))
      if (auto v = read_id(ctx, m.get("icon"), "the icon")) {
        c.icon = *v;
        c.icon_pos = ctx.pos(m.get("icon"));
      }
    if (m.has("colour"))
      if (auto v = read_in_form(
              ctx, m.get("colour"),
              {"the colour", 7, is_colour, "bad-value", "colour '{}' is not #RRGGBB", "write e.g. '#1f7a4d'"}))
        c.colour = *v;
    if (m.has("synonyms")) {
      const YAML::Node syn = m.get("synonyms");
      if (!syn.IsMap()) {
        ctx.diags.error(ctx.pos(syn), "wrong-type", "synonyms must map language tags to lists of words");
      } else {
        for (const auto& kv : syn) {
          auto tag = read_language_tag(ctx, kv.first, "the language of synonyms");
          auto words = read_string_list(ctx, kv.second, "a synonym", limits::max_short_text);
          if (tag) c.synonyms[*tag] = std::move(words);
        }
      }
    }
    b.categories.push_back(std::move(c));
  }
}

void read_service(const ReadContext& ctx, const YAML::Node& item, Bundle& b) {
  MapReader m(
      ctx, item, "a service",
      {"id",         "category",      "name",   "description",   "address",    "lat",      "lon",       "opening_hours",
       "phone",      "website",       "email",  "languages",     "fees",       "fee_note", "documents", "anonymous",
       "wheelchair", "target_groups", "source", "last_verified", "verified_by"});
  if (!m.ok()) return;
  Service s;
  s.pos = ctx.pos(item);
  if (auto n = m.require("id", "add a unique 'id:' such as 'stadtbibliothek-aachen'"); n.IsDefined() && !n.IsNull()) {
    s.id_pos = ctx.pos(n);
    if (auto v = read_id(ctx, n, "the service id")) s.id = *v;
  }
  if (auto n = m.require("category", "add 'category:' with the id of a category from categories.yaml");
      n.IsDefined() && !n.IsNull()) {
    s.category_pos = ctx.pos(n);
    if (auto v = read_id(ctx, n, "the category")) s.category = *v;
  }
  if (m.has("name")) s.name = read_localized(ctx, m.get("name"), "the name", limits::max_name);
  if (m.has("description"))
    s.description = read_localized(ctx, m.get("description"), "the description", limits::max_description);
  if (m.has("address")) {
    MapReader a(ctx, m.get("address"), "the address", {"street", "postcode", "city", "note"});
    if (a.has("street"))
      if (auto v = read_string(ctx, a.get("street"), "the street", limits::max_short_text)) s.address.street = *v;
    if (a.has("postcode"))
      if (auto v = read_string(ctx, a.get("postcode"), "the postcode", 20)) s.address.postcode = *v;
    if (a.has("city"))
      if (auto v = read_string(ctx, a.get("city"), "the city", limits::max_name)) s.address.city = *v;
    if (a.has("note")) s.address.note = read_localized(ctx, a.get("note"), "the address note", limits::max_short_text);
  }
  s.location = read_location(ctx, m, "the service", s.location_pos);
  if (m.has("opening_hours")) {
    s.opening_hours_pos = ctx.pos(m.get("opening_hours"));
    // Point at the value itself, inside its quotes, so that a column within it can be added.
    const YAML::Mark mark = m.get("opening_hours").Mark();
    if (mark.pos >= 0 && static_cast<std::size_t>(mark.pos) < ctx.file.text.size() &&
        (ctx.file.text[static_cast<std::size_t>(mark.pos)] == '"' ||
         ctx.file.text[static_cast<std::size_t>(mark.pos)] == '\''))
      ++s.opening_hours_pos.col;
    if (auto v = read_string(ctx, m.get("opening_hours"), "opening_hours", limits::max_short_text))
      s.opening_hours = *v;
  }
  if (m.has("phone")) {
    const YAML::Node n = m.get("phone");
    for (const auto& p : read_string_list(ctx, n, "a phone number", 40)) {
      if (is_valid_phone(p))
        s.phones.push_back(p);
      else
        ctx.diags.error(ctx.pos(n), "bad-phone", fmt::format("phone '{}' is not a phone number", p),
                        "write digits with spaces and an optional leading +, e.g. +49 241 432-0");
    }
  }
  if (m.has("website"))
    if (auto v =
            read_in_form(ctx, m.get("website"),
                         {"the website", limits::max_url, is_web_url, "bad-url", "website '{}' is not a web address",
                          "write a full address starting with https:// or http://"}))
      s.website = *v;
  if (m.has("email"))
    if (auto v = read_in_form(ctx, m.get("email"),
                              {"the e-mail address", 254, is_email, "bad-email", "e-mail '{}' is not an e-mail address",
                               "write e.g. beratung@example.org"}))
      s.email = *v;
  if (m.has("languages")) {
    for_each_item(m.get("languages"), [&](const YAML::Node& l) {
      if (auto tag = read_language_tag(ctx, l, "a spoken language")) s.languages.push_back(*tag);
    });
  }
  if (m.has("fees"))
    if (auto i = read_choice(ctx, m.get("fees"), "fees", {"unknown", "free", "reduced", "paid"}))
      s.fees = static_cast<Fees>(*i);
  if (m.has("fee_note")) s.fee_note = read_localized(ctx, m.get("fee_note"), "the fee note", limits::max_short_text);
  if (m.has("documents")) {
    const YAML::Node n = m.get("documents");
    s.documents.pos = ctx.pos(n);
    if (n.IsScalar() && (n.Scalar() == "none" || n.Scalar() == "unknown")) {
      s.documents.known = n.Scalar() == "none";
    } else if (n.IsSequence()) {
      s.documents.known = true;
      for (const auto& d : n)
        if (auto w = read_word(ctx, d, "a document", vocabulary::documents)) s.documents.required.push_back(*w);
    } else {
      ctx.diags.error(ctx.pos(n), "bad-value", "documents must be 'none', 'unknown' or a list of documents",
                      "e.g. 'documents: [health_insurance_card]'");
    }
  }
  if (m.has("anonymous"))
    if (auto i = read_choice(ctx, m.get("anonymous"), "anonymous", {"unknown", "yes", "no"}))
      s.anonymous = static_cast<YesNo>(*i);
  if (m.has("wheelchair"))
    if (auto i = read_choice(ctx, m.get("wheelchair"), "wheelchair", {"unknown", "yes", "limited", "no"}))
      s.wheelchair = static_cast<Wheelchair>(*i);
  if (m.has("target_groups")) {
    for_each_item(m.get("target_groups"), [&](const YAML::Node& g) {
      if (auto w = read_word(ctx, g, "a target group", vocabulary::target_groups)) s.target_groups.push_back(*w);
    });
  }
  if (m.has("source"))
    if (auto v = read_string(ctx, m.get("source"), "the source", limits::max_short_text)) s.source = *v;
  if (m.has("last_verified")) {
    s.last_verified = read_date(ctx, m.get("last_verified"), "last_verified");
    s.last_verified_pos = ctx.pos(m.get("last_verified"));
  }
  if (m.has("verified_by"))
    if (auto v = read_string(ctx, m.get("verified_by"), "verified_by", limits::max_name)) s.verified_by = *v;
  b.services.push_back(std::move(s));
}

void read_services_file(const ReadContext& ctx, Bundle& b) {
  MapReader top(ctx, ctx.file.root, ctx.file.display_path, {"services"});
  const YAML::Node list = top.require("services");
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    ctx.diags.error(ctx.pos(list), "wrong-type", "'services' must be a list");
    return;
  }
  for (const auto& item : list) read_service(ctx, item, b);
}

void read_announcements_file(const ReadContext& ctx, Bundle& b) {
  MapReader top(ctx, ctx.file.root, "announcements.yaml", {"announcements"});
  const YAML::Node list = top.get("announcements");
  if (!list.IsDefined() || list.IsNull()) return;
  if (!list.IsSequence()) {
    ctx.diags.error(ctx.pos(list), "wrong-type", "'announcements' must be a list");
    return;
  }
  for (const auto& item : list) {
    MapReader m(ctx, item, "an announcement",
                {"id", "text", "from", "until", "days", "hours", "priority", "emergency"});
    if (!m.ok()) continue;
    Announcement a;
    a.pos = ctx.pos(item);
    if (auto n = m.require("id"); n.IsDefined() && !n.IsNull())
      if (auto v = read_id(ctx, n, "the announcement id")) a.id = *v;
    if (auto n = m.require("text"); n.IsDefined() && !n.IsNull())
      a.text = read_localized(ctx, n, "the announcement text", limits::max_announcement);
    if (m.has("from")) a.from = read_date_time(ctx, m.get("from"), "'from'");
    if (m.has("until")) {
      a.until_pos = ctx.pos(m.get("until"));
      a.until = read_date_time(ctx, m.get("until"), "'until'");
      // A bare date means "until the end of that day".
      if (a.until && m.get("until").Scalar().size() == 10) a.until->minute_of_day = 24 * 60 - 1;
    }
    if (m.has("days")) {
      static constexpr std::string_view names[] = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
      for (const auto& d : read_string_list(ctx, m.get("days"), "a day", 2)) {
        auto it = std::find(std::begin(names), std::end(names), d);
        if (it == std::end(names))
          ctx.diags.error(ctx.pos(m.get("days")), "bad-value",
                          fmt::format("day '{}' is not one of Mo Tu We Th Fr Sa Su", d));
        else
          a.weekdays.push_back(static_cast<int>(it - std::begin(names)));
      }
    }
    if (m.has("hours")) {
      const YAML::Node n = m.get("hours");
      if (auto v = read_string(ctx, n, "the hours", 11)) {
        const auto dash = v->find('-');
        auto from = parse_hh_mm(v->substr(0, dash));
        auto to = dash == std::string::npos ? std::nullopt : parse_hh_mm(v->substr(dash + 1));
        if (from && to && *from < *to) {
          a.start_minute = *from;
          a.end_minute = *to;
        } else {
          ctx.diags.error(ctx.pos(n), "bad-value", fmt::format("hours '{}' is not a time range", *v),
                          "write HH:MM-HH:MM, e.g. 08:00-18:00");
        }
      }
    }
    if (m.has("priority"))
      if (auto v = read_integer(ctx, m.get("priority"), "the priority", -100, 100)) a.priority = static_cast<int>(*v);
    if (m.has("emergency"))
      if (auto v = read_bool(ctx, m.get("emergency"), "emergency")) a.emergency = *v;
    b.announcements.push_back(std::move(a));
  }
}

void read_holidays_file(const ReadContext& ctx, Bundle& b) {
  MapReader top(ctx, ctx.file.root, "holidays.yaml", {"public", "school"});
  if (!top.ok()) return;
  const YAML::Node pub = top.get("public");
  if (pub.IsDefined() && !pub.IsNull()) {
    if (!pub.IsSequence()) {
      ctx.diags.error(ctx.pos(pub), "wrong-type", "'public' must be a list of holidays");
    } else {
      for (const auto& item : pub) {
        MapReader m(ctx, item, "a public holiday", {"date", "name"});
        if (!m.ok()) continue;
        Holiday h;
        h.pos = ctx.pos(item);
        if (auto n = m.require("date"); n.IsDefined() && !n.IsNull())
          if (auto d = read_date(ctx, n, "the holiday date")) h.date = *d;
        if (m.has("name")) h.name = read_localized(ctx, m.get("name"), "the holiday name", limits::max_name);
        b.holidays.push_back(std::move(h));
      }
    }
  }
  const YAML::Node school = top.get("school");
  if (school.IsDefined() && !school.IsNull()) {
    if (!school.IsSequence()) {
      ctx.diags.error(ctx.pos(school), "wrong-type", "'school' must be a list of holiday periods");
    } else {
      for (const auto& item : school) {
        MapReader m(ctx, item, "a school holiday", {"from", "until", "name"});
        if (!m.ok()) continue;
        SchoolHoliday h;
        h.pos = ctx.pos(item);
        if (auto n = m.require("from"); n.IsDefined() && !n.IsNull())
          if (auto d = read_date(ctx, n, "'from'")) h.from = *d;
        if (auto n = m.require("until"); n.IsDefined() && !n.IsNull()) {
          if (auto d = read_date(ctx, n, "'until'")) {
            h.until = *d;
            if (h.until < h.from)
              ctx.diags.error(ctx.pos(n), "until-before-from", "'until' is before 'from'", "swap the two dates");
          }
        }
        if (m.has("name")) h.name = read_localized(ctx, m.get("name"), "the holiday name", limits::max_name);
        b.school_holidays.push_back(std::move(h));
      }
    }
  }
}

template <typename Reader>
bool read_file(const fs::path& dir, const fs::path& rel, bool required, Diagnostics& diags, Bundle& b,
               Reader&& reader) {
  const fs::path full = dir / rel;
  const std::string shown = full.generic_string();
  std::error_code ec;
  if (!fs::exists(full, ec)) {
    if (required)
      diags.error({shown, 0, 0}, "missing-file", fmt::format("{} is missing", rel.generic_string()),
                  "every bundle needs it");
    return false;
  }
  auto file = load_yaml_file(full, shown, diags);
  if (!file) return false;
  const ReadContext ctx{*file, diags};
  reader(ctx, b);
  return true;
}

// Runs work(k) for k in [0, n) on n threads, this one included.
template <typename Work>
void on_threads(std::size_t n, Work&& work) {
  std::vector<std::jthread> threads;
  for (std::size_t k = 1; k < n; ++k) threads.emplace_back(work, k);
  work(0);
}

// Service files are independent: parse them on every core (a city can have 10,000 services), then merge
// in file order so that the result and the order of diagnostics do not depend on the thread count.
// Their sizes are added up first (also on every core): a bundle too large is refused before parsing.
void read_service_files(const fs::path& dir, const std::vector<fs::path>& files, Diagnostics& diags, Bundle& b) {
  const std::size_t cores = std::clamp<std::size_t>(std::thread::hardware_concurrency(), 1, 8);
  const std::size_t n = std::min(cores, files.size() / 64 + 1);
  auto range = [&](std::size_t k) { return std::pair{files.size() * k / n, files.size() * (k + 1) / n}; };
  std::atomic<std::uintmax_t> bytes = 0;
  on_threads(n, [&](std::size_t k) {
    std::uintmax_t sum = 0;
    for (auto [i, end] = range(k); i < end; ++i) {
      std::error_code ec;
      const auto size = fs::file_size(dir / files[i], ec);
      sum += ec ? 0 : size;
    }
    bytes += sum;
  });
  if (bytes.load() > limits::max_service_files_bytes) {
    diags.error({(dir / "services").generic_string(), 0, 0}, "bundle-too-large",
                fmt::format("the service files hold {:.0f} MiB, more than the limit of {} MiB",
                            static_cast<double>(bytes.load()) / 1048576.0, limits::max_service_files_bytes >> 20),
                "a kiosk shows one city: split the region into several bundles");
    return;
  }
  struct Part {
    Bundle bundle;
    Diagnostics diags;
  };
  std::vector<Part> parts(n);
  on_threads(n, [&](std::size_t k) {
    for (auto [i, end] = range(k); i < end; ++i) {
      const fs::path full = dir / files[i];
      try {
        auto file = load_yaml_file(full, full.generic_string(), parts[k].diags);
        if (file) read_services_file(ReadContext{*file, parts[k].diags}, parts[k].bundle);
      } catch (const std::exception& e) {  // e.g. out of memory: report it and go on with the next file
        parts[k].diags.error({full.generic_string(), 0, 0}, "unreadable", e.what());
      }
    }
  });
  std::size_t count = b.services.size();
  for (const auto& part : parts) count += part.bundle.services.size();
  b.services.reserve(count);
  for (auto& part : parts) {
    std::move(part.bundle.services.begin(), part.bundle.services.end(), std::back_inserter(b.services));
    std::move(part.diags.items.begin(), part.diags.items.end(), std::back_inserter(diags.items));
  }
}

}  // namespace

Bundle load_bundle(const fs::path& dir, Diagnostics& diags) {
  Bundle b;
  b.root = dir.generic_string();
  std::error_code ec;
  if (!fs::is_directory(dir, ec)) {
    diags.error({b.root, 0, 0}, "missing-file", "not a directory", "give the folder that holds bundle.yaml");
    return b;
  }
  const BundleFiles files = scan_bundle_files(dir, diags);
  if (files.refused) return b;  // nothing of it is read
  read_file(dir, "bundle.yaml", true, diags, b, read_bundle_file);
  read_file(dir, "categories.yaml", true, diags, b, read_categories_file);
  if (files.service_files.empty())
    diags.warning({(dir / "services").generic_string(), 0, 0}, "no-services", "the bundle has no services",
                  "add services/*.yaml files");
  read_service_files(dir, files.service_files, diags, b);
  if (b.services.size() > limits::max_services)
    diags.error(
        {(dir / "services").generic_string(), 0, 0}, "bundle-too-large",
        fmt::format("the bundle has {} services, more than the limit of {}", b.services.size(), limits::max_services),
        "a kiosk shows one city: split the region into several bundles");

  if (!b.map_compiled.empty() && !fs::exists(dir / b.map_compiled, ec))
    diags.warning({(dir / "bundle.yaml").generic_string(), 0, 0}, "no-compiled-map",
                  b.map_compiled + " does not exist: the kiosk will show no map and no routes",
                  "build it: kioskctl map build --bundle " + dir.generic_string());

  read_file(dir, "announcements.yaml", false, diags, b, read_announcements_file);
  std::vector<std::string> known = {"bundle.yaml", "categories.yaml", "announcements.yaml", "holidays.yaml", "services",
                                    "locales",     "manifest.json",   "manifest.sig",       "LICENSE.md",    "LICENSE",
                                    "README.md",   "README",          "pictograms"};
  for (const auto& rel : {b.map_source, b.map_compiled})
    if (!rel.empty()) known.push_back(rel.substr(0, rel.find('/')));  // the map's folder
  name_unread_files(files, known, diags);
  if (!read_file(dir, "holidays.yaml", false, diags, b, read_holidays_file))
    diags.warning({(dir / "holidays.yaml").generic_string(), 0, 0}, "no-holidays",
                  "holidays.yaml is missing: opening hours on public holidays (PH) will show as unknown");
  return b;
}

void read_services_yaml(const YamlFile& file, Bundle& b, Diagnostics& diags) {
  read_services_file(ReadContext{file, diags}, b);
}

bool load_holidays_file(const fs::path& file, Bundle& b, Diagnostics& diags) {
  const std::size_t errors = diags.count(Severity::error);
  auto f = load_yaml_file(file, file.generic_string(), diags);
  if (!f) return false;
  read_holidays_file(ReadContext{*f, diags}, b);
  return diags.count(Severity::error) == errors;
}

}  // namespace kiosk
