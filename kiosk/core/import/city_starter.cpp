#include "core/import/city_starter.h"

#include <fmt/format.h>
#include <unicode/locid.h>
#include <yaml-cpp/yaml.h>
#include <nlohmann/json.hpp>

#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/visitor.hpp>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <map>
#include <set>
#include <sstream>
#include <stdexcept>
#include <unordered_set>

#include "core/geo/geo.h"
#include "core/i18n/address_format.h"
#include "core/import/osmium_tags.h"
#include "core/import/service_yaml.h"
#include "core/routing/foot_access.h"

namespace kiosk {

namespace fs = std::filesystem;

namespace {

struct ZoneRow {
  std::vector<std::string> countries;
  GeoPoint at;
  std::string zone;
};

// "+4843+00220" or "+484300+0022000": ±DDMM[SS]±DDDMM[SS].
std::optional<GeoPoint> parse_iso6709(const std::string& s) {
  const auto split = s.find_first_of("+-", 1);
  if (split == std::string::npos) return std::nullopt;
  auto angle = [](const std::string& v, std::size_t deg_digits) -> std::optional<double> {
    if (v.size() < 1 + deg_digits + 2) return std::nullopt;
    const double sign = v[0] == '-' ? -1 : 1;
    const std::string digits = v.substr(1);
    if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return std::nullopt;
    const double d = std::stod(digits.substr(0, deg_digits));
    const double m = std::stod(digits.substr(deg_digits, 2));
    const double sec = digits.size() >= deg_digits + 4 ? std::stod(digits.substr(deg_digits + 2, 2)) : 0.0;
    return sign * (d + m / 60 + sec / 3600);
  };
  const auto lat = angle(s.substr(0, split), 2);
  const auto lon = angle(s.substr(split), 3);
  if (!lat || !lon) return std::nullopt;
  return GeoPoint{*lat, *lon};
}

std::vector<ZoneRow> read_zone_table(const fs::path& file) {
  std::ifstream in(file);
  if (!in) throw std::runtime_error(file.string() + ": cannot read the time zone table (install tzdata)");
  std::vector<ZoneRow> rows;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    std::string codes, coords, zone;
    if (!std::getline(fields, codes, '\t') || !std::getline(fields, coords, '\t') || !std::getline(fields, zone, '\t'))
      continue;
    const auto at = parse_iso6709(coords);
    if (!at) continue;
    ZoneRow row;
    std::istringstream list(codes);
    for (std::string c; std::getline(list, c, ',');) row.countries.push_back(c);
    row.at = *at;
    row.zone = zone;
    rows.push_back(std::move(row));
  }
  return rows;
}

// The row nearest to p among those `wanted` accepts; null when it accepts none.
template <typename Wanted>
const ZoneRow* nearest_zone(const std::vector<ZoneRow>& rows, GeoPoint p, Wanted wanted) {
  const ZoneRow* best = nullptr;
  double best_m = 0;
  for (const ZoneRow& z : rows) {
    if (z.countries.empty() || !wanted(z)) continue;
    const double m = distance_m(p, z.at);
    if (!best || m < best_m) best = &z, best_m = m;
  }
  return best;
}

// Zones whose first country is this one first (Europe/Berlin, not Europe/Zurich for Büsingen).
std::string zone_for(const std::vector<ZoneRow>& rows, const std::string& country, GeoPoint near) {
  const ZoneRow* z = nearest_zone(rows, near, [&](const ZoneRow& r) { return r.countries.front() == country; });
  if (!z)
    z = nearest_zone(rows, near, [&](const ZoneRow& r) {
      return std::find(r.countries.begin(), r.countries.end(), country) != r.countries.end();
    });
  return z ? z->zone : std::string();
}

std::string country_of_nearest_zone(const std::vector<ZoneRow>& rows, GeoPoint p) {
  const ZoneRow* z = nearest_zone(rows, p, [](const ZoneRow&) { return true; });
  return z ? z->countries.front() : std::string();
}

// What one pass over the extract tells about the city.
struct ExtractFacts {
  osmium::Box header_box;
  std::string data_date;
  std::map<std::string, std::string> boundary_tags;
  std::unordered_set<osmium::object_id_type> boundary_ways;
  bool boundary_found = false;
  BoundingBox boundary_box{90, 180, -90, -180};
  std::set<std::string> country_relations;  // admin_level=2 relations' ISO 3166-1 codes
  std::map<std::string, std::size_t> address_countries;
};

class RelationScan : public osmium::handler::Handler {
 public:
  RelationScan(ExtractFacts& f, std::optional<std::int64_t> boundary) : f_(f), boundary_(boundary) {}
  void relation(const osmium::Relation& r) {
    const auto& t = r.tags();
    if (tag_in(t["admin_level"], {"2"}) && tag_in(t["boundary"], {"administrative"}))
      for (const char* key : {"ISO3166-1:alpha2", "ISO3166-1"})
        if (const char* v = t[key]; v && std::strlen(v) == 2) {
          f_.country_relations.insert(v);
          break;
        }
    if (!boundary_ || r.id() != *boundary_) return;
    f_.boundary_found = true;
    for (const auto& tag : t) f_.boundary_tags.emplace(tag.key(), tag.value());
    for (const auto& m : r.members())
      if (m.type() == osmium::item_type::way) f_.boundary_ways.insert(m.ref());
  }

 private:
  ExtractFacts& f_;
  std::optional<std::int64_t> boundary_;
};

class WayScan : public osmium::handler::Handler {
 public:
  explicit WayScan(ExtractFacts& f) : f_(f) {}
  void node(const osmium::Node& n) { count_address(n); }
  void way(const osmium::Way& w) {
    count_address(w);
    if (!f_.boundary_ways.contains(w.id())) return;
    for (const auto& nr : w.nodes()) {
      if (!nr.location().valid()) continue;
      BoundingBox& b = f_.boundary_box;
      b.south = std::min(b.south, nr.location().lat()), b.north = std::max(b.north, nr.location().lat());
      b.west = std::min(b.west, nr.location().lon()), b.east = std::max(b.east, nr.location().lon());
    }
  }

 private:
  void count_address(const osmium::OSMObject& o) {
    if (const char* c = o.tags()["addr:country"]; c && std::strlen(c) == 2) ++f_.address_countries[c];
  }
  ExtractFacts& f_;
};

ExtractFacts scan_extract(const fs::path& pbf, std::optional<std::int64_t> boundary) {
  ExtractFacts f;
  const osmium::io::File file(pbf.string());
  {
    osmium::io::Reader reader(file, osmium::osm_entity_bits::relation);
    f.header_box = reader.header().box();
    f.data_date = reader.header().get("osmosis_replication_timestamp");
    RelationScan scan(f, boundary);
    osmium::apply(reader, scan);
    reader.close();
  }
  if (boundary && !f.boundary_found)
    throw std::runtime_error(
        fmt::format("{}: relation {} is not in the extract; check the id on openstreetmap.org "
                    "(relation/ID) or give the area with --area S,W,N,E",
                    pbf.string(), *boundary));
  using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
  Index index;
  osmium::handler::NodeLocationsForWays<Index> locations(index);
  locations.ignore_errors();
  osmium::io::Reader reader(file, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way);
  WayScan scan(f);
  osmium::apply(reader, locations, scan);
  reader.close();
  return f;
}

std::string tag_of(const std::map<std::string, std::string>& tags, const char* key) {
  const auto it = tags.find(key);
  return it == tags.end() ? std::string() : it->second;
}

// The country, and how we know it: the boundary's own code, the one country boundary in the extract, most
// addresses, else the nearest time zone's country.
std::pair<std::string, std::string> find_country(const ExtractFacts& f, const std::vector<ZoneRow>& zones,
                                                 GeoPoint centre) {
  for (const char* key : {"ISO3166-1:alpha2", "ISO3166-1"})
    if (const std::string v = tag_of(f.boundary_tags, key); v.size() == 2)
      return {v, "the boundary's " + std::string(key)};
  if (const std::string v = tag_of(f.boundary_tags, "ISO3166-2"); v.size() >= 2)
    return {v.substr(0, 2), "the boundary's ISO3166-2"};
  if (f.country_relations.size() == 1) return {*f.country_relations.begin(), "the country boundary in the extract"};
  if (!f.address_countries.empty()) {
    const auto most = std::max_element(f.address_countries.begin(), f.address_countries.end(),
                                       [](const auto& a, const auto& b) { return a.second < b.second; });
    return {most->first, fmt::format("addr:country of {} addresses", most->second)};
  }
  return {country_of_nearest_zone(zones, centre), "the nearest time zone (no country tags in the data)"};
}

std::vector<std::string> catalog_locales(const fs::path& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec))
    if (e.path().extension() == ".yaml") out.push_back(e.path().stem().string());
  std::sort(out.begin(), out.end());
  return out;
}

std::string quoted(const std::string& s) {
  return nlohmann::json(s).dump();  // a JSON string is a YAML double-quoted scalar
}

void write_bundle_yaml(const fs::path& file, const CityStarterOptions& o, const CityStarterReport& r,
                       const std::string& pbf_name, GeoPoint centre) {
  std::ofstream out(file);
  const BoundingBox& a = r.area;
  out << fmt::format("# {}: a starter bundle made by kioskctl city new from {}.\n", o.name, o.pbf.filename().string())
      << "# Check every TODO before a kiosk shows it; kioskctl validate checks the rest.\n"
      << fmt::format("id: {}\nversion: 1\ntitle: {}\n", r.id, quoted(o.name))
      << fmt::format("timezone: {}  # the zone of {} nearest the area (tzdata zone1970.tab)\n", r.timezone, r.country)
      << fmt::format("holiday_region: {}  # TODO: the region's ISO 3166-2 code where holidays differ by region\n",
                     r.holiday_region)
      << fmt::format("default_locale: {}\nlocales: [{}]\n", r.default_locale, fmt::join(r.locales, ", "))
      << "# The area the extract covers; every service and kiosk must lie inside.\n"
      << fmt::format("area: {{south: {:.5f}, west: {:.5f}, north: {:.5f}, east: {:.5f}}}\n", a.south, a.west, a.north,
                     a.east)
      << "# TODO: where each kiosk stands, and heading: the way a person in front of the screen faces (degrees).\n"
      << fmt::format("kiosks:\n  - id: centre\n    name: {}\n    lat: {:.5f}\n    lon: {:.5f}\n    heading: 0\n",
                     quoted(o.name), centre.lat, centre.lon)
      << fmt::format("map:\n  source: map/{}\n  compiled: map/{}.kmap\n", pbf_name, r.id)
      << "attribution: \"© OpenStreetMap contributors, ODbL 1.0 (openstreetmap.org/copyright)\"\n"
      << "# Which untagged roads are walkable follows the country's rules (docs/editing.md).\n"
      << fmt::format("walking:\n  max_km: 5\n  country: {}\n", r.country)
      << (r.address_format.empty()
              ? fmt::format("# TODO: no address format known for {}: set address_format (docs/editing.md)\n", r.country)
              : fmt::format("# How addresses are written in {} (Debian's ruby-countries data)\naddress_format: {}\n",
                            r.country, quoted(r.address_format)));
}

}  // namespace

std::string time_zone_for(const fs::path& zone_table, const std::string& country, GeoPoint near) {
  return zone_for(read_zone_table(zone_table), country, near);
}

std::string nearest_zone_country(const fs::path& zone_table, GeoPoint p) {
  return country_of_nearest_zone(read_zone_table(zone_table), p);
}

fs::path find_countries_data() {
  const fs::path gems = "/usr/share/rubygems-integration/all/gems";
  std::error_code ec;
  fs::path best;
  for (const auto& e : fs::directory_iterator(gems, ec))
    if (e.path().filename().string().rfind("countries-", 0) == 0 &&
        fs::is_directory(e.path() / "lib/countries/data/countries") && e.path() > best)
      best = e.path();
  return best.empty() ? fs::path() : best / "lib/countries/data/countries";
}

std::string address_format_for(const fs::path& countries_dir, const std::string& country) {
  const fs::path file = countries_dir / (country + ".yaml");
  if (countries_dir.empty() || country.empty() || !fs::exists(file)) return {};
  std::string data;
  try {
    const YAML::Node n = YAML::LoadFile(file.string())[country]["address_format"];
    if (!n.IsScalar()) return {};
    data = n.as<std::string>();
  } catch (const YAML::Exception&) {
    return {};
  }
  std::vector<std::string> lines;
  std::istringstream in(data);
  for (std::string line; std::getline(in, line);) {
    for (const auto& [from, to] :
         std::initializer_list<std::pair<std::string, std::string>>{{"{{street}}", "{street}"},
                                                                    {"{{postalcode}}", "{postcode}"},
                                                                    {"{{city}}", "{city}"},
                                                                    {"{{recipient}}", ""},
                                                                    {"{{country}}", ""},
                                                                    {"{{region_short}}", ""},
                                                                    {"{{region}}", ""}})
      for (std::size_t at; (at = line.find(from)) != std::string::npos;) line.replace(at, from.size(), to);
    if (line.find("{{") != std::string::npos) continue;  // a field we do not keep
    for (std::size_t at; (at = line.find("  ")) != std::string::npos;) line.erase(at, 1);
    while (!line.empty() && (line.back() == ' ' || line.back() == ',')) line.pop_back();
    while (!line.empty() && (line.front() == ' ' || line.front() == ',')) line.erase(0, 1);
    if (line.find('{') != std::string::npos) lines.push_back(line);
  }
  std::string out;
  for (const auto& l : lines) out += (out.empty() ? "" : "\n") + l;
  return check_address_format(out).empty() ? out : std::string();
}

std::string likely_language(const std::string& country) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc("und", country.c_str());
  loc.addLikelySubtags(status);
  if (U_FAILURE(status) || loc.getLanguage()[0] == '\0' || std::string(loc.getLanguage()) == "und") return {};
  return loc.getLanguage();
}

CityStarterReport make_city_starter(const CityStarterOptions& o) {
  std::error_code ec;
  if (fs::exists(o.out, ec) && !fs::is_empty(o.out, ec))
    throw std::runtime_error(o.out.string() + " is not empty: give a new folder for the city's bundle");
  if (o.name.empty()) throw std::runtime_error("the city needs a name (--name)");
  const ExtractFacts facts = scan_extract(o.pbf, o.boundary);

  CityStarterReport r;
  if (o.area) {
    r.area = *o.area;
  } else if (o.boundary) {
    if (facts.boundary_box.south > facts.boundary_box.north)
      throw std::runtime_error(
          fmt::format("relation {} has no ways with locations in the extract; give --area S,W,N,E", *o.boundary));
    r.area = facts.boundary_box;
  } else if (facts.header_box.valid()) {
    const auto& b = facts.header_box;
    r.area = {b.bottom_left().lat(), b.bottom_left().lon(), b.top_right().lat(), b.top_right().lon()};
  } else {
    throw std::runtime_error(o.pbf.string() +
                             ": the extract has no bounding box; give the city's area with --area S,W,N,E or an "
                             "admin boundary with --boundary RELATION");
  }
  const GeoPoint centre{(r.area.south + r.area.north) / 2, (r.area.west + r.area.east) / 2};

  const auto zones = read_zone_table(o.zone_table);
  std::tie(r.country, r.country_from) = find_country(facts, zones, centre);
  r.timezone = zone_for(zones, r.country, centre);
  if (r.timezone.empty()) throw std::runtime_error("no time zone found for country " + r.country);
  const std::string region = tag_of(facts.boundary_tags, "ISO3166-2");
  r.holiday_region = region.rfind(r.country + "-", 0) == 0 ? region : r.country;

  const auto catalogs = catalog_locales(o.locales_dir);
  if (catalogs.empty()) throw std::runtime_error(o.locales_dir.string() + ": no UI catalogs (locales/*.yaml)");
  const std::string own = likely_language(r.country);
  const bool have_own = std::find(catalogs.begin(), catalogs.end(), own) != catalogs.end();
  r.default_locale = have_own
                         ? own
                         : (std::find(catalogs.begin(), catalogs.end(), "en") != catalogs.end() ? std::string("en")
                                                                                                : catalogs.front());
  r.locales.push_back(r.default_locale);
  for (const auto& l : catalogs)
    if (l != r.default_locale) r.locales.push_back(l);
  if (!have_own && !own.empty())
    r.todo.push_back(
        fmt::format("the city's own language '{}' has no UI catalog yet: run kioskctl i18n template --locale {} "
                    "(it writes locales/{}.yaml), translate it (kioskctl i18n coverage shows what is missing) and "
                    "add '{}' to the bundle's locales",
                    own, own, own, own));

  r.address_format = address_format_for(o.countries_dir.empty() ? find_countries_data() : o.countries_dir, r.country);
  if (r.address_format.empty())
    r.todo.push_back(
        fmt::format("bundle.yaml: no address format known for {}; the kiosk writes street, then postcode and city. Set "
                    "address_format if {} writes addresses otherwise",
                    r.country, r.country));

  r.id = Slugger().slug(o.name);
  if (r.id.empty()) r.id = "city";

  fs::create_directories(o.out / "map");
  for (const char* f : {"categories.yaml", "announcements.yaml", "holidays.yaml", "LICENSE.md"})
    fs::copy_file(o.starter_dir / f, o.out / f);
  std::string pbf_name = r.id + (o.pbf.extension() == ".pbf" ? ".osm.pbf" : o.pbf.extension().string());
  fs::copy_file(o.pbf, o.out / "map" / pbf_name);
  write_bundle_yaml(o.out / "bundle.yaml", o, r, pbf_name, centre);

  OsmImportOptions io;
  io.pbf = o.pbf;
  io.out_dir = o.out;
  io.data_date = facts.data_date.substr(0, 10);
  io.area = r.area;
  r.services = import_osm(io);

  MapCompileOptions mo;
  mo.pbf = o.out / "map" / pbf_name;
  mo.out = o.out / "map" / (r.id + ".kmap");
  mo.area = r.area;
  mo.foot = foot_rules(r.country);
  r.map = compile_map(mo);

  r.todo.push_back(
      "holidays.yaml is empty: add the region's public and school holidays (PH and SH are unknown "
      "until then)");
  r.todo.push_back("bundle.yaml: put each kiosk where it stands (one 'centre' kiosk is in the middle of the area)");
  r.todo.push_back("announcements.yaml: add the city's emergency numbers and news in every offered language");
  return r;
}

}  // namespace kiosk
