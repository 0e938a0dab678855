#pragma once
// A new city's starter bundle from its OpenStreetMap extract (`kioskctl city new`): the area (the
// extract's box, one given, or an admin boundary's), the country and time zone found from the data, the
// languages the kiosk can offer, the starter categories and announcements, the services imported and the
// map compiled with the country's walking rules. What could not be known is said, never guessed.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "core/import/map_compile.h"
#include "core/import/osm_import.h"
#include "core/model/model.h"

namespace kiosk {

struct CityStarterOptions {
  std::filesystem::path pbf;
  std::filesystem::path out;  // must not exist yet, or be empty
  std::string name;
  std::optional<BoundingBox> area;       // else the boundary's, else the extract's box
  std::optional<std::int64_t> boundary;  // an admin boundary relation in the extract
  std::filesystem::path starter_dir;     // content/starter: categories, announcements, holidays, licence
  std::filesystem::path locales_dir;     // the UI catalogs: which languages can be offered
  std::filesystem::path zone_table = "/usr/share/zoneinfo/zone1970.tab";
  // Address formats per country: Debian's ruby-countries data (countries/XX.yaml); empty: found there.
  std::filesystem::path countries_dir;
};

struct CityStarterReport {
  std::string id, country, timezone, holiday_region, default_locale;
  std::string country_from;    // how the country was found (boundary tag, addresses, nearest zone)
  std::string address_format;  // the country's (bundle.yaml address_format); "" where no data says
  std::vector<std::string> locales;
  BoundingBox area;
  OsmImportReport services;
  MapCompileReport map;
  std::vector<std::string> todo;  // what the editor has to do next, one line each
};

// Throws std::runtime_error with what to do when the extract cannot be read, the boundary is not in
// it, there is no area, or OUT is not empty.
CityStarterReport make_city_starter(const CityStarterOptions& options);

// The zone of zone1970.tab for a country nearest to a point: zones whose first country is `country`
// first (Europe/Berlin, not Europe/Zurich for Büsingen); "" when the table has none.
std::string time_zone_for(const std::filesystem::path& zone_table, const std::string& country, GeoPoint near);

// The country of zone1970.tab's zone nearest to a point (the last resort when the data names none).
std::string nearest_zone_country(const std::filesystem::path& zone_table, GeoPoint p);

// The folder of Debian's ruby-countries data (…/countries-VERSION/lib/countries/data/countries), or "".
std::filesystem::path find_countries_data();

// A country's address format for bundle.yaml ({street}, {postcode}, {city}; lines by \n) from that data's
// `address_format` (recipient, region and country lines left out: a kiosk shows places in its own city);
// "" when the data has none for the country.
std::string address_format_for(const std::filesystem::path& countries_dir, const std::string& country);

// The language a country's people most likely read (CLDR likely subtags through ICU): "pt" for PT.
std::string likely_language(const std::string& country);

}  // namespace kiosk
