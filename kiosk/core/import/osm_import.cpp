#include "core/import/osm_import.h"
#include "core/import/osmium_tags.h"

#include <fmt/format.h>
#include <unicode/translit.h>
#include <yaml-cpp/yaml.h>

#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/visitor.hpp>

#include <algorithm>
#include <cstring>
#include <fstream>
#include <memory>
#include <set>
#include <stdexcept>

#include "core/contact_format.h"
#include "core/language_tag.h"

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

class Slugger {
 public:
  Slugger() {
    UErrorCode status = U_ZERO_ERROR;
    tr_.reset(icu::Transliterator::createInstance("Any-Latin; Latin-ASCII; Lower", UTRANS_FORWARD, status));
    if (U_FAILURE(status)) tr_.reset();
  }
  std::string slug(const std::string& text) const {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
    if (tr_) tr_->transliterate(u);
    std::string ascii;
    u.toUTF8String(ascii);
    std::string out;
    for (char c : ascii) {
      const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
      if (word)
        out += c;
      else if (!out.empty() && out.back() != '-')
        out += '-';
      if (out.size() >= 48) break;
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    return out;
  }

 private:
  std::unique_ptr<icu::Transliterator> tr_;
};

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
  explicit PoiHandler(OsmImportReport& report) : report_(report) {}

  void node(const osmium::Node& n) {
    if (n.location().valid()) take(n, "node", n.location().lat(), n.location().lon());
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
    if (count > 0) take(w, "way", lat / static_cast<double>(count), lon / static_cast<double>(count));
  }

  void relation(const osmium::Relation& r) {
    if (!category_for_osm_tags(OsmiumTags(r.tags())).empty()) ++report_.skipped_relations;
  }

  std::vector<Collected> pois;

 private:
  void take(const osmium::OSMObject& obj, const char* kind, double lat, double lon) {
    const OsmiumTags tags(obj.tags());
    const std::string category = category_for_osm_tags(tags);
    if (category.empty()) return;
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
    c.osm_ref = fmt::format("{}/{}", kind, obj.id());
    c.kind = kind;
    c.lat = lat;
    c.lon = lon;
    for (const auto& t : obj.tags()) c.tags.emplace(t.key(), t.value());
    pois.push_back(std::move(c));
  }

  OsmImportReport& report_;
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

void emit_service(YAML::Emitter& e, const Collected& c, OsmImportReport& report) {
  e << YAML::BeginMap;
  e << YAML::Key << "id" << YAML::Value << c.id;
  e << YAML::Key << "category" << YAML::Value << c.category;

  std::map<std::string, std::string> names;
  if (const char* n = tag(c, "name")) names.emplace("und", n);
  for (const auto& [k, v] : c.tags) {
    if (k.rfind("name:", 0) != 0) continue;
    const std::string lang = k.substr(5);
    if (is_valid_language_tag(lang) && lang != "und") names.emplace(lang, v);
  }
  if (names.size() == 1) {
    e << YAML::Key << "name" << YAML::Value << names.begin()->second;
  } else if (!names.empty()) {
    e << YAML::Key << "name" << YAML::Value << YAML::BeginMap;
    for (const auto& [k, v] : names) e << YAML::Key << k << YAML::Value << v;
    e << YAML::EndMap;
  }

  const std::string street = street_line(c);
  const char* postcode = tag(c, "addr:postcode");
  const char* city = tag(c, "addr:city");
  if (!street.empty() || postcode || city) {
    e << YAML::Key << "address" << YAML::Value << YAML::BeginMap;
    if (!street.empty()) e << YAML::Key << "street" << YAML::Value << street;
    if (postcode) e << YAML::Key << "postcode" << YAML::Value << YAML::DoubleQuoted << postcode;
    if (city) e << YAML::Key << "city" << YAML::Value << city;
    e << YAML::EndMap;
  }
  e << YAML::Key << "lat" << YAML::Value << fmt::format("{:.7f}", c.lat);
  e << YAML::Key << "lon" << YAML::Value << fmt::format("{:.7f}", c.lon);
  if (const char* oh = tag(c, "opening_hours"))
    e << YAML::Key << "opening_hours" << YAML::Value << YAML::DoubleQuoted << oh;

  std::vector<std::string> phones;
  for (const char* key : {"phone", "contact:phone"}) {
    for (const auto& p : split_list(tag(c, key))) {
      if (!is_valid_phone(p))
        report.notes.push_back(fmt::format("{}: dropped phone '{}' (not a phone number)", c.osm_ref, p));
      else if (std::find(phones.begin(), phones.end(), p) == phones.end())
        phones.push_back(p);
    }
  }
  if (phones.size() == 1) e << YAML::Key << "phone" << YAML::Value << YAML::DoubleQuoted << phones[0];
  if (phones.size() > 1) {
    e << YAML::Key << "phone" << YAML::Value << YAML::BeginSeq;
    for (const auto& p : phones) e << YAML::DoubleQuoted << p;
    e << YAML::EndSeq;
  }
  for (const char* key : {"website", "contact:website", "url"}) {
    const char* w = tag(c, key);
    if (!w) continue;
    std::string url = w;
    // OSM often omits the scheme; http:// is what a browser would try first and servers upgrade it.
    if (url.find("://") == std::string::npos) url = "http://" + url;
    if (is_valid_web_url(url)) {
      e << YAML::Key << "website" << YAML::Value << url;
      break;
    }
    report.notes.push_back(fmt::format("{}: dropped website '{}' (not a web address)", c.osm_ref, w));
  }
  for (const char* key : {"email", "contact:email"}) {
    const char* m = tag(c, key);
    if (!m) continue;
    if (is_valid_email(m)) {
      e << YAML::Key << "email" << YAML::Value << m;
      break;
    }
    report.notes.push_back(fmt::format("{}: dropped e-mail '{}' (not an e-mail address)", c.osm_ref, m));
  }
  std::vector<std::string> languages;
  for (const auto& [k, v] : c.tags)
    if (k.rfind("language:", 0) == 0 && v == "yes" && is_valid_language_tag(k.substr(9)))
      languages.push_back(k.substr(9));
  if (!languages.empty()) {
    e << YAML::Key << "languages" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& l : languages) e << l;
    e << YAML::EndSeq;
  }
  if (const char* fee = tag(c, "fee")) {
    if (eq(fee, "no")) e << YAML::Key << "fees" << YAML::Value << "free";
    if (eq(fee, "yes")) e << YAML::Key << "fees" << YAML::Value << "paid";
  }
  if (const char* wc = tag(c, "wheelchair"); tag_in(wc, {"yes", "limited", "no"}))
    e << YAML::Key << "wheelchair" << YAML::Value << wc;
  if (const auto groups = target_groups(c); !groups.empty()) {
    e << YAML::Key << "target_groups" << YAML::Value << YAML::Flow << YAML::BeginSeq;
    for (const auto& g : groups) e << g;
    e << YAML::EndSeq;
  }
  e << YAML::Key << "source" << YAML::Value << ("osm:" + c.osm_ref);
  e << YAML::EndMap;
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
  PoiHandler handler(report);
  {
    osmium::io::Reader reader(options.pbf.string());
    using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
    Index index;
    osmium::handler::NodeLocationsForWays<Index> locations(index);
    locations.ignore_errors();  // ways cut by the extract's edge keep the nodes that are inside
    osmium::apply(reader, locations, handler);
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
  for (const auto& entry : fs::directory_iterator(dir))  // a re-import replaces the previous one
    if (entry.path().filename().string().rfind("osm-", 0) == 0) fs::remove(entry.path());

  for (const auto& c : handler.pois) {
    YAML::Emitter e;
    e.SetIndent(2);
    e << YAML::BeginMap << YAML::Key << "services" << YAML::Value << YAML::BeginSeq;
    emit_service(e, c, report);
    e << YAML::EndSeq << YAML::EndMap;
    const fs::path file = dir / fmt::format("osm-{}.yaml", c.id);
    std::ofstream out(file, std::ios::binary);
    out << "# Imported from OpenStreetMap (" << c.osm_ref << "), data "
        << (options.data_date.empty() ? std::string("of unknown date") : "of " + options.data_date)
        << ".\n# © OpenStreetMap contributors, ODbL 1.0. Facts not in OSM are left out (unknown).\n"
        << e.c_str() << "\n";
    if (!out) throw std::runtime_error("cannot write " + file.string());
    ++report.services;
    ++report.per_category[c.category];
  }
  return report;
}

}  // namespace kiosk
