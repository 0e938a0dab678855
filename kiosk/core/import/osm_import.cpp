#include "core/import/osm_import.h"
#include "core/import/osmium_tags.h"

#include <fmt/format.h>

#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/relations/relations_manager.hpp>
#include <osmium/visitor.hpp>

#include <algorithm>
#include <cstring>
#include <set>

#include "core/base/language_tag.h"
#include "core/geo/geo.h"
#include "core/i18n/contact_format.h"
#include "core/import/service_yaml.h"

namespace kiosk {
namespace {

namespace fs = std::filesystem;

bool eq(const char* a, const char* b) {
  return a && std::strcmp(a, b) == 0;
}

std::vector<std::string> split_list(const char* value) {
  std::vector<std::string> out;
  if (!value) return out;
  std::string_view v(value);
  while (!v.empty()) {
    const auto semi = v.find(';');
    std::string_view item = v.substr(0, semi);
    while (!item.empty() && item.front() == ' ') item.remove_prefix(1);
    while (!item.empty() && item.back() == ' ') item.remove_suffix(1);
    if (!item.empty()) out.emplace_back(item);
    if (semi == std::string_view::npos) break;
    v.remove_prefix(semi + 1);
  }
  return out;
}

struct Collected {
  std::string id;
  std::string category;
  std::string osm_ref;  // node/123
  const char* kind = "";
  double lat = 0, lon = 0;
  std::map<std::string, std::string> tags;
};

class PoiHandler : public osmium::handler::Handler {
 public:
  PoiHandler(OsmImportReport& report, std::optional<BoundingBox> area) : report_(report), area_(area) {}

  void node(const osmium::Node& n) {
    if (n.location().valid()) take(n, "node", n.id(), n.location().lat(), n.location().lon());
  }

  void way(const osmium::Way& w) {
    double lat = 0, lon = 0;
    std::size_t count = 0;
    for (const auto& nr : w.nodes()) {
      if (!nr.location().valid()) continue;
      lat += nr.location().lat();
      lon += nr.location().lon();
      ++count;
    }
    if (count > 0) take(w, "way", w.id(), lat / static_cast<double>(count), lon / static_cast<double>(count));
  }

  // A service mapped as a multipolygon (a town hall, a library): its place is the middle of its
  // largest outer ring. Areas from closed ways come through way() already.
  void area(const osmium::Area& a) {
    if (a.from_way()) return;
    double best = 0, lat = 0, lon = 0;
    for (const auto& outer : a.outer_rings()) {
      // Shoelace centroid in degrees from the ring's first point: fine at a building's scale.
      double twice_area = 0, cx = 0, cy = 0;
      const double ox = outer.begin()->lon(), oy = outer.begin()->lat();
      const osmium::NodeRef* prev = nullptr;
      for (const auto& nr : outer) {
        if (prev) {
          const double x0 = prev->lon() - ox, y0 = prev->lat() - oy, x1 = nr.lon() - ox, y1 = nr.lat() - oy;
          const double cross = x0 * y1 - x1 * y0;
          twice_area += cross;
          cx += (x0 + x1) * cross;
          cy += (y0 + y1) * cross;
        }
        prev = &nr;
      }
      if (std::abs(twice_area) > best) {
        best = std::abs(twice_area);
        lon = ox + cx / (3 * twice_area);
        lat = oy + cy / (3 * twice_area);
      }
    }
    if (best > 0) take(a, "relation", a.orig_id(), lat, lon);
  }

  // Other relations with a category's tags (sites, campuses) have no shape of their own: named in the
  // summary, for the editor to map the place as a point or an area.
  void relation(const osmium::Relation& r) {
    const OsmiumTags tags(r.tags());
    if (category_for_osm_tags(tags).empty() || tag_in(tags.get("type"), {"multipolygon"})) return;
    ++report_.skipped_relations;
    const char* name = tags.get("name");
    report_.left_out.push_back(
        fmt::format("relation/{} '{}' (type={}) left out: it has no shape; map the place as a "
                    "point or an area",
                    r.id(), name ? name : "", tags.get("type") ? tags.get("type") : "?"));
  }

  std::vector<Collected> pois;

 private:
  void take(const osmium::OSMObject& obj, const char* kind, osmium::object_id_type id, double lat, double lon) {
    const OsmiumTags tags(obj.tags());
    const std::string category = category_for_osm_tags(tags);
    if (category.empty()) return;
    if (area_ && !area_->contains({lat, lon})) {
      ++report_.skipped_outside;
      const char* name = tags.get("name");
      report_.left_out.push_back(fmt::format("{}/{} '{}' left out: at {}, outside the bundle's area", kind, id,
                                             name ? name : "", format_lat_lon({lat, lon})));
      return;
    }
    if (tag_in(tags.get("access"), {"private", "no", "customers", "permit"})) {
      ++report_.skipped_private;
      return;
    }
    const bool unnamed_ok = category == "toilets-water";
    if (!tags.get("name") && !unnamed_ok) {
      ++report_.skipped_unnamed;
      return;
    }
    Collected c;
    c.category = category;
    c.osm_ref = fmt::format("{}/{}", kind, id);
    c.kind = kind;
    c.lat = lat;
    c.lon = lon;
    for (const auto& t : obj.tags()) c.tags.emplace(t.key(), t.value());
    pois.push_back(std::move(c));
  }

  OsmImportReport& report_;
  std::optional<BoundingBox> area_;
};

const char* tag(const Collected& c, const std::string& key) {
  auto it = c.tags.find(key);
  return it == c.tags.end() ? nullptr : it->second.c_str();
}

std::vector<std::string> target_groups(const Collected& c) {
  static const std::map<std::string, std::string> groups = {
      {"child", "children"},    {"juvenile", "youth"},   {"woman", "women"},      {"senior", "seniors"},
      {"homeless", "homeless"}, {"refugee", "refugees"}, {"migrant", "refugees"}, {"disabled", "disabled"},
      {"lgbtq", "lgbtiq"},      {"family", "families"},  {"man", "men"},          {"diseased", "everyone"}};
  std::set<std::string> out;
  for (const auto& v : split_list(tag(c, "social_facility:for"))) {
    auto it = groups.find(v);
    if (it != groups.end() && it->second != "everyone") out.insert(it->second);
  }
  return {out.begin(), out.end()};
}

std::string street_line(const Collected& c) {
  const char* street = tag(c, "addr:street");
  const char* number = tag(c, "addr:housenumber");
  if (!street) return {};
  return number ? fmt::format("{} {}", street, number) : std::string(street);
}

// Only what the tags say; malformed contact values are dropped and noted.
ImportedService to_imported(const Collected& c, OsmImportReport& report) {
  ImportedService s;
  s.id = c.id;
  s.category = c.category;
  if (const char* n = tag(c, "name")) s.name.emplace("und", n);
  for (const auto& [k, v] : c.tags) {
    if (k.rfind("name:", 0) != 0) continue;
    const std::string lang = k.substr(5);
    if (is_valid_language_tag(lang) && lang != "und") s.name.emplace(lang, v);
  }
  s.street = street_line(c);
  if (const char* postcode = tag(c, "addr:postcode")) s.postcode = postcode;
  if (const char* city = tag(c, "addr:city")) s.city = city;
  s.lat = c.lat;
  s.lon = c.lon;
  if (const char* oh = tag(c, "opening_hours")) s.opening_hours = oh;

  for (const char* key : {"phone", "contact:phone"}) {
    for (const auto& p : split_list(tag(c, key))) {
      if (!is_valid_phone(p))
        report.notes.push_back(fmt::format("{}: dropped phone '{}' (not a phone number)", c.osm_ref, p));
      else if (std::find(s.phones.begin(), s.phones.end(), p) == s.phones.end())
        s.phones.push_back(p);
    }
  }
  for (const char* key : {"website", "contact:website", "url"}) {
    const char* w = tag(c, key);
    if (!w) continue;
    std::string url = w;
    // OSM often omits the scheme; http:// is what a browser would try first and servers upgrade it.
    if (url.find("://") == std::string::npos) url = "http://" + url;
    if (is_valid_web_url(url)) {
      s.website = url;
      break;
    }
    report.notes.push_back(fmt::format("{}: dropped website '{}' (not a web address)", c.osm_ref, w));
  }
  for (const char* key : {"email", "contact:email"}) {
    const char* m = tag(c, key);
    if (!m) continue;
    if (is_valid_email(m)) {
      s.email = m;
      break;
    }
    report.notes.push_back(fmt::format("{}: dropped e-mail '{}' (not an e-mail address)", c.osm_ref, m));
  }
  for (const auto& [k, v] : c.tags)
    if (k.rfind("language:", 0) == 0 && v == "yes" && is_valid_language_tag(k.substr(9)))
      s.languages.push_back(k.substr(9));
  if (const char* fee = tag(c, "fee")) {
    if (eq(fee, "no")) s.fees = "free";
    if (eq(fee, "yes")) s.fees = "paid";
  }
  if (const char* wc = tag(c, "wheelchair"); tag_in(wc, {"yes", "limited", "no"})) s.wheelchair = wc;
  s.target_groups = target_groups(c);
  s.source = "osm:" + c.osm_ref;
  return s;
}

}  // namespace

std::string category_for_osm_tags(const OsmTagView& t) {
  const char* amenity = t.get("amenity");
  const char* healthcare = t.get("healthcare");
  const char* office = t.get("office");
  const char* social = t.get("social_facility");
  if (eq(amenity, "social_facility") || social) {
    if (tag_in(social, {"food_bank", "soup_kitchen"})) return "food";
    if (tag_in(social, {"shelter"})) return "shelter";
    if (tag_in(social, {"outreach", "healthcare"})) return "advice";
    // Residences (nursing homes, group homes) are not services a passer-by can use.
    if (tag_in(social, {"nursing_home", "assisted_living", "group_home"})) return {};
    const char* for_ = t.get("social_facility:for");
    if (for_ && (std::strstr(for_, "child") || std::strstr(for_, "juvenile") || std::strstr(for_, "family")))
      return "family";
    return eq(amenity, "social_facility") ? "advice" : "";
  }
  if (tag_in(amenity, {"food_bank", "soup_kitchen"})) return "food";
  if (tag_in(amenity, {"shelter"}) && eq(t.get("shelter_type"), "homeless")) return "shelter";
  if (tag_in(amenity, {"doctors", "clinic", "hospital", "dentist", "pharmacy"})) return "health";
  if (tag_in(healthcare, {"counselling"})) return "advice";
  if (tag_in(healthcare, {"doctor", "clinic", "hospital", "dentist", "pharmacy", "centre", "psychotherapist"}))
    return "health";
  if (tag_in(amenity, {"library"})) return "libraries";
  if (tag_in(amenity, {"community_centre", "social_centre"})) return "community";
  if (tag_in(amenity, {"townhall"})) return "city";
  if (tag_in(office, {"government"})) return "city";
  if (eq(office, "lawyer") && eq(t.get("lawyer"), "immigration")) return "advice";
  if (tag_in(office, {"ngo"})) return "advice";
  if (tag_in(amenity, {"language_school"})) return "education";
  if (tag_in(amenity, {"toilets", "drinking_water"})) return "toilets-water";
  return {};
}

OsmImportReport import_osm(const OsmImportOptions& options) {
  OsmImportReport report;
  PoiHandler handler(report, options.area);
  {
    const osmium::io::File file(options.pbf.string());
    // Multipolygons with any of the keys our categories look at; the handler checks the rest.
    osmium::TagsFilter filter{false};
    for (const char* key : {"amenity", "healthcare", "office", "social_facility"})
      filter.add_rule(true, osmium::TagMatcher{key});
    osmium::area::MultipolygonManager<osmium::area::Assembler> mp(osmium::area::Assembler::config_type{}, filter);
    osmium::relations::read_relations(file, mp);
    osmium::io::Reader reader(file);
    using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
    Index index;
    osmium::handler::NodeLocationsForWays<Index> locations(index);
    locations.ignore_errors();  // ways cut by the extract's edge keep the nodes that are inside
    osmium::apply(reader, locations, handler, mp.handler([&handler](osmium::memory::Buffer&& buffer) {
      for (const auto& a : buffer.select<osmium::Area>()) handler.area(a);
    }));
    reader.close();
  }

  Slugger slugger;
  for (auto& c : handler.pois) {
    const char* name = tag(c, "name");
    std::string base = name ? slugger.slug(name) : std::string();
    if (base.empty()) base = c.category;
    c.id = fmt::format("{}-{}{}", base, c.kind[0], c.osm_ref.substr(c.osm_ref.find('/') + 1));
  }
  std::sort(handler.pois.begin(), handler.pois.end(),
            [](const Collected& a, const Collected& b) { return a.id < b.id; });

  const fs::path dir = options.out_dir / "services";
  fs::create_directories(dir);
  remove_imported_files(dir, "osm-");
  for (const auto& c : handler.pois) {
    const std::string header = fmt::format(
        "# Imported from OpenStreetMap ({}), data {}.\n"
        "# © OpenStreetMap contributors, ODbL 1.0. Facts not in OSM are left out (unknown).\n",
        c.osm_ref, options.data_date.empty() ? std::string("of unknown date") : "of " + options.data_date);
    write_service_file(dir, "osm-", header, to_imported(c, report));
    ++report.services;
    ++report.per_category[c.category];
  }
  return report;
}

}  // namespace kiosk
