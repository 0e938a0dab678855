#pragma once
// The content model: what editors write in a bundle, after loading. Plain data; the loader fills it and
// keeps where each value came from so that later checks can point at it.

#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"

namespace kiosk {

struct OpeningHours;  // core/hours/opening_hours.h

// Text per BCP 47 locale tag. The tag `und` ("undetermined") holds text that is the same in every
// language, such as a proper name; a plain YAML scalar is read as `und`.
struct LocalizedText {
  std::map<std::string, std::string> by_locale;
  SourcePos pos;

  [[nodiscard]] bool empty() const { return by_locale.empty(); }
  // Only `und`: nothing to translate.
  [[nodiscard]] bool language_neutral() const { return by_locale.size() == 1 && by_locale.count("und") == 1; }
  [[nodiscard]] const std::string* find(const std::string& tag) const;
};

// Facts that may not be known. Unknown is shown as unknown, never guessed.
enum class Fees { unknown, free, reduced, paid };
enum class Wheelchair { unknown, yes, limited, no };
enum class YesNo { unknown, yes, no };

struct Documents {
  bool known = false;                 // false: "unknown"
  std::vector<std::string> required;  // empty and known: none needed
  SourcePos pos;
};

struct GeoPoint {
  double lat = 0;
  double lon = 0;
};

struct BoundingBox {
  double south = 0, west = 0, north = 0, east = 0;
  [[nodiscard]] bool contains(GeoPoint p) const {
    return p.lat >= south && p.lat <= north && p.lon >= west && p.lon <= east;
  }
};

struct Address {
  std::string street;  // with house number, as written locally
  std::string postcode;
  std::string city;
  LocalizedText note;  // e.g. "entrance in the courtyard"
};

struct Date {
  int year = 0, month = 0, day = 0;
  auto operator<=>(const Date&) const = default;
};

// A date with an optional time of day, in the bundle's time zone.
struct LocalDateTime {
  Date date;
  int minute_of_day = 0;
  auto operator<=>(const LocalDateTime&) const = default;
};

struct Service {
  std::string id;
  SourcePos id_pos;
  std::string category;
  SourcePos category_pos;
  LocalizedText name;  // may be empty for unnamed places (a public toilet): the UI shows the category
  LocalizedText description;
  Address address;
  GeoPoint location;
  SourcePos location_pos;
  std::string opening_hours;                  // OSM opening_hours syntax, as written
  SourcePos opening_hours_pos;                // of the first character of the value
  std::shared_ptr<const OpeningHours> hours;  // parsed by validation; shared between equal values
  std::vector<std::string> phones;
  std::string website;
  std::string email;
  std::vector<std::string> languages;  // BCP 47; empty: unknown
  Fees fees = Fees::unknown;
  LocalizedText fee_note;
  Documents documents;
  YesNo anonymous = YesNo::unknown;
  Wheelchair wheelchair = Wheelchair::unknown;
  std::vector<std::string> target_groups;
  std::string source;  // e.g. "osm:node/123456"
  std::optional<Date> last_verified;
  SourcePos last_verified_pos;
  std::string verified_by;  // who checked, as a role ("advice centre, by phone"), never a person's name
  SourcePos pos;            // the service's mapping in its file
};

struct Category {
  std::string id;
  SourcePos pos;
  std::string icon;  // a pictogram name (fonts/pictograms.yaml) or the bundle's own pictograms/<icon>.png
  SourcePos icon_pos;
  std::string colour;  // #RRGGBB
  LocalizedText name;
  std::map<std::string, std::vector<std::string>> synonyms;  // per locale
};

struct Announcement {
  std::string id;
  SourcePos pos;
  LocalizedText text;
  std::optional<LocalDateTime> from;
  std::optional<LocalDateTime> until;
  SourcePos until_pos;
  std::vector<int> weekdays;  // 0 = Monday .. 6 = Sunday; empty: every day
  int start_minute = 0;       // daily window [start, end) in minutes; 0..1440 = all day
  int end_minute = 24 * 60;
  int priority = 0;
  bool emergency = false;
};

struct Holiday {
  Date date;
  LocalizedText name;
  SourcePos pos;
};

struct SchoolHoliday {
  Date from;
  Date until;  // inclusive
  LocalizedText name;
  SourcePos pos;
};

struct KioskPlace {
  std::string id;
  LocalizedText name;
  GeoPoint location;
  double heading_deg = 0;    // which way the person in front of the screen faces; 0 = north
  std::optional<int> layer;  // OSM level of the ground it stands on (1: a bridge); unset: the ground
  SourcePos pos;
};

// What an untagged road means for a person on foot (core/routing/foot_access: per country, per road type).
enum class FootAccess : std::uint8_t { yes, no, sidewalk };

struct Bundle {
  std::string root;  // directory it was loaded from
  std::string id;
  std::int64_t version = 0;
  LocalizedText title;
  std::string timezone;  // IANA
  std::string holiday_region;
  std::string default_locale;
  std::vector<std::string> locales;
  std::vector<SourcePos> locale_pos;  // where each of `locales` is written
  SourcePos locales_pos;
  BoundingBox area;
  std::vector<KioskPlace> kiosks;
  std::string map_source;    // relative path of the OSM extract
  std::string map_compiled;  // relative path of the .kmap built from it (`kioskctl map build`); may be absent
  std::string attribution;
  // `walking: {max_km}`: the longest walk a kiosk offers; farther places are "too far to walk" (and a
  // route search never spreads over a whole metropolis).
  double max_walk_m = 5000;
  std::string address_format;  // lines of {street} {postcode} {city}; empty: core/i18n default_address_format
  SourcePos address_format_pos;
  // `walking: {country, foot: {trunk: yes}}`: whose walking rules the map is compiled with, and the
  // bundle's own answer per road type.
  std::string walking_country;
  std::map<std::string, FootAccess> foot_overrides;
  int verify_every_months = 12;  // `verification: {every_months}`: facts older than this are due a check

  std::vector<Category> categories;
  std::vector<Service> services;
  std::vector<Announcement> announcements;
  std::vector<Holiday> holidays;
  std::vector<SchoolHoliday> school_holidays;  // empty: school holidays unknown

  [[nodiscard]] const Category* find_category(const std::string& category_id) const;
  [[nodiscard]] const Service* find_service(const std::string& service_id) const;
};

}  // namespace kiosk
