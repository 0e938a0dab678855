#include "core/import/map_compile.h"

#include <osmium/area/assembler.hpp>
#include <osmium/area/multipolygon_manager.hpp>
#include <osmium/handler.hpp>
#include <osmium/handler/node_locations_for_ways.hpp>
#include <osmium/index/map/flex_mem.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/relations/relations_manager.hpp>
#include <osmium/visitor.hpp>

#include <chrono>
#include <cmath>
#include <cstring>
#include <numbers>
#include <stdexcept>
#include <unordered_map>

#include "core/geo/geo.h"
#include "core/import/coastline.h"
#include "core/import/geos_handle.h"
#include "core/import/osmium_tags.h"
#include "core/mapdata/map_writer.h"
#include "core/routing/foot_access.h"

namespace kiosk {

namespace {

using kmap::FeatureKind;
using kmap::GreenClass;
using kmap::PlaceClass;
using kmap::RoadClass;

struct Projection {
  double lat0 = 0, lon0 = 0, k_lat = 0, k_lon = 0;
  Projection(double lat, double lon)
      : lat0(lat),
        lon0(lon),
        k_lat(earth_radius_m * std::numbers::pi / 180.0),
        k_lon(k_lat * std::cos(lat * std::numbers::pi / 180.0)) {}
  [[nodiscard]] std::pair<double, double> operator()(const osmium::Location& l) const {
    return {(l.lon() - lon0) * k_lon, (l.lat() - lat0) * k_lat};
  }
};

using XY = std::pair<double, double>;
using Line = std::vector<XY>;

// Per level of detail: simplification tolerance (metres) and the smallest polygon kept (m²).
constexpr double tolerance[kmap::lod_count] = {0.0, 2.5, 10.0};
constexpr double min_area[kmap::lod_count] = {0.0, 40.0, 3000.0};

void douglas_peucker(const Line& in, std::size_t a, std::size_t b, double tol, std::vector<bool>& keep) {
  if (b <= a + 1) return;
  const double dx = in[b].first - in[a].first, dy = in[b].second - in[a].second;
  const double len = std::hypot(dx, dy);
  double worst = -1;
  std::size_t at = a;
  for (std::size_t i = a + 1; i < b; ++i) {
    const double px = in[i].first - in[a].first, py = in[i].second - in[a].second;
    const double d = len > 0 ? std::abs(px * dy - py * dx) / len : std::hypot(px, py);
    if (d > worst) worst = d, at = i;
  }
  if (worst > tol) {
    keep[at] = true;
    douglas_peucker(in, a, at, tol, keep);
    douglas_peucker(in, at, b, tol, keep);
  }
}

Line simplify_line(const Line& in, double tol) {
  if (tol <= 0 || in.size() < 3) return in;
  std::vector<bool> keep(in.size(), false);
  keep.front() = keep.back() = true;
  douglas_peucker(in, 0, in.size() - 1, tol, keep);
  Line out;
  for (std::size_t i = 0; i < in.size(); ++i)
    if (keep[i]) out.push_back(in[i]);
  return out;
}

// Languages of `name:xx` keys: a language subtag and optional further subtags (not name:left etc.).
bool is_name_language(std::string_view s) {
  const auto dash = s.find('-');
  const std::string_view lang = s.substr(0, dash);
  if (lang.size() < 2 || lang.size() > 3) return false;
  for (char c : lang)
    if (c < 'a' || c > 'z') return false;
  for (char c : s)
    if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-')) return false;
  return true;
}

std::vector<std::pair<std::string, std::string>> names_of(const osmium::TagList& tags) {
  std::vector<std::pair<std::string, std::string>> out;
  for (const auto& t : tags) {
    const std::string_view key = t.key();
    if (key == "name")
      out.emplace_back("", t.value());
    else if (key.starts_with("name:") && is_name_language(key.substr(5)))
      out.emplace_back(std::string(key.substr(5)), t.value());
  }
  return out;
}

struct PendingFeature {
  FeatureKind kind;
  std::uint8_t cls = 0, flags = 0;
  std::uint32_t name_set = 0;
  std::uint32_t geometry[kmap::lod_count] = {kmap::none, kmap::none, kmap::none};
  int layer = 0;
};

class Compiler : public osmium::handler::Handler {
 public:
  Compiler(MapContents& out, const Projection& proj, MapCompileReport& report, const FootRules& foot)
      : out_(out), proj_(proj), report_(report), foot_(foot) {}

  // Drawing features in the order they are drawn (sorted at the end).
  std::vector<PendingFeature> features;

  // ---- nodes
  void node(const osmium::Node& n) {
    if (n.timestamp().valid()) newest = std::max(newest, n.timestamp().seconds_since_epoch());
    const auto& t = n.tags();
    if (t.empty()) return;
    std::uint32_t flags = 0;
    const char* kerb = t["kerb"];
    if (tag_in(t["barrier"], {"kerb"}) || kerb) {
      if (tag_in(kerb, {"raised", "yes", "regular", "normal"}))
        flags |= kmap::node_kerb_high;
      else if (tag_in(kerb, {"lowered", "flush", "no", "rolled", "sloped"})) {
      } else
        flags |= kmap::node_kerb_unknown;
      if (const char* hgt = t["kerb:height"]) {
        const double m = std::atof(hgt);
        if (m > 0.03) flags = (flags & ~kmap::node_kerb_unknown) | kmap::node_kerb_high;
      }
    }
    if (tag_in(t["highway"], {"crossing"}) || t["crossing"]) flags |= kmap::node_crossing;
    // Barriers a wheelchair cannot pass (walkers can).
    if (tag_in(t["barrier"], {"turnstile", "full-height_turnstile", "cycle_barrier", "stile", "kissing_gate"}))
      flags |= kmap::node_barrier;
    if (flags) node_flags[n.id()] = flags;

    if (const char* place = t["place"]) {
      static const std::pair<const char*, PlaceClass> classes[] = {{"city", PlaceClass::city},
                                                                   {"town", PlaceClass::town},
                                                                   {"suburb", PlaceClass::suburb},
                                                                   {"quarter", PlaceClass::quarter},
                                                                   {"neighbourhood", PlaceClass::neighbourhood}};
      for (const auto& [k, c] : classes) {
        if (std::strcmp(place, k) != 0) continue;
        const auto names = names_of(t);
        if (names.empty()) break;
        PendingFeature f{FeatureKind::place};
        f.cls = static_cast<std::uint8_t>(c);
        f.name_set = out_.add_name_set(names);
        const auto [x, y] = proj_(n.location());
        const std::uint32_t g = add_points({{x, y}});
        const int lods = c <= PlaceClass::suburb ? 3 : 2;
        for (int l = 0; l < lods; ++l) f.geometry[l] = g;
        features.push_back(f);
      }
    }
    add_poi(n, n.location());
  }

  // ---- ways
  void way(const osmium::Way& w) {
    if (w.timestamp().valid()) newest = std::max(newest, w.timestamp().seconds_since_epoch());
    const auto& t = w.tags();
    const char* highway = t["highway"];
    Line line;
    for (const auto& nr : w.nodes())
      if (nr.location().valid()) line.push_back(proj_(nr.location()));
    if (line.size() >= 2) {
      if (highway) add_road(w, highway, line);
      if (const char* rail = t["railway"]; tag_in(rail, {"rail", "light_rail", "tram", "subway", "narrow_gauge"}))
        add_line(FeatureKind::railway, tag_in(t["service"], {"yard", "siding", "spur"}) ? 1 : 0, w, line,
                 tag_in(t["service"], {"yard", "siding", "spur"}) ? 1 : 3);
      if (const char* ww = t["waterway"]; tag_in(ww, {"river", "canal", "stream"}))
        add_line(FeatureKind::water_line, tag_in(ww, {"stream"}) ? 0 : 1, w, line, tag_in(ww, {"stream"}) ? 2 : 3);
    }
    if (tag_in(t["natural"], {"coastline"})) {
      CoastWay c;
      for (const auto& nr : w.nodes())
        if (nr.location().valid()) c.nodes.push_back(nr.ref()), c.points.push_back(proj_(nr.location()));
      coast.push_back(std::move(c));
    }
    // A POI drawn as a building: its centre is good enough for a marker.
    if (!line.empty()) add_poi(w, centre_of(w));
  }

  // The sea, as water areas (OSM draws it only as coastlines).
  void add_sea(const std::vector<SeaPolygon>& sea) {
    const GEOSContextHandle_t h = geos_.h;
    for (const SeaPolygon& s : sea) {
      std::vector<GEOSGeometry*> rings;
      for (const auto& r : s.rings) {
        if (r.size() < 4) continue;
        GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(r.size()), 2);
        for (unsigned i = 0; i < r.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, r[i].first, r[i].second);
        if (GEOSGeometry* ring = GEOSGeom_createLinearRing_r(h, seq)) rings.push_back(ring);
      }
      if (rings.empty()) continue;
      GeomPtr poly(GEOSGeom_createPolygon_r(h, rings[0], rings.data() + 1, static_cast<unsigned>(rings.size() - 1)),
                   {h});
      if (!poly) continue;
      PendingFeature f{FeatureKind::water_area};
      for (int l = 0; l < kmap::lod_count; ++l) f.geometry[l] = add_polygon(poly.get(), l, false);
      if (f.geometry[0] != kmap::none) features.push_back(f);
    }
  }

  std::vector<CoastWay> coast;

  // ---- areas (from the multipolygon manager)
  void area(const osmium::Area& a) {
    const auto& t = a.tags();
    FeatureKind kind;
    std::uint8_t cls = 0;
    const char* natural = t["natural"];
    const char* landuse = t["landuse"];
    const char* leisure = t["leisure"];
    if (tag_in(natural, {"water"}) || tag_in(t["waterway"], {"riverbank", "dock"}) ||
        tag_in(landuse, {"reservoir", "basin"})) {
      kind = FeatureKind::water_area;
    } else if (const char* b = t["building"]; b && std::strcmp(b, "no") != 0) {
      kind = FeatureKind::building;
    } else if (tag_in(leisure, {"park", "garden", "nature_reserve", "dog_park"}) ||
               tag_in(landuse, {"village_green", "recreation_ground"})) {
      kind = FeatureKind::green_area, cls = static_cast<std::uint8_t>(GreenClass::park);
    } else if (tag_in(landuse, {"forest"}) || tag_in(natural, {"wood", "scrub"})) {
      kind = FeatureKind::green_area, cls = static_cast<std::uint8_t>(GreenClass::forest);
    } else if (tag_in(landuse, {"grass", "meadow", "allotments", "orchard", "farmland"}) ||
               tag_in(natural, {"grassland", "heath"})) {
      kind = FeatureKind::green_area, cls = static_cast<std::uint8_t>(GreenClass::grass);
    } else if (tag_in(landuse, {"cemetery"}) || tag_in(t["amenity"], {"grave_yard"})) {
      kind = FeatureKind::green_area, cls = static_cast<std::uint8_t>(GreenClass::cemetery);
    } else if (tag_in(leisure, {"pitch", "playground", "track", "sports_centre"})) {
      kind = FeatureKind::green_area, cls = static_cast<std::uint8_t>(GreenClass::pitch);
    } else {
      return;
    }
    const GEOSContextHandle_t h = geos_.h;
    for (const auto& outer : a.outer_rings()) {
      std::vector<GEOSGeometry*> holes;
      for (const auto& inner : a.inner_rings(outer))
        if (GEOSGeometry* r = make_ring(inner)) holes.push_back(r);
      GEOSGeometry* shell = make_ring(outer);
      if (!shell) {
        for (auto* r : holes) GEOSGeom_destroy_r(h, r);
        continue;
      }
      GeomPtr poly(GEOSGeom_createPolygon_r(h, shell, holes.data(), static_cast<unsigned>(holes.size())), {h});
      if (!poly) continue;
      PendingFeature f{kind};
      f.cls = cls;
      f.name_set = kind == FeatureKind::building ? 0 : out_.add_name_set(names_of(t));
      const int lods = kind == FeatureKind::building ? 2 : 3;
      for (int l = 0; l < lods; ++l) f.geometry[l] = add_polygon(poly.get(), l, kind == FeatureKind::building);
      if (f.geometry[0] != kmap::none) features.push_back(f);
    }
  }

  void finish_routing();

  std::unordered_map<osmium::object_id_type, std::uint32_t> node_flags;
  std::int64_t newest = 0;

 private:
  struct WalkWay {
    std::vector<osmium::object_id_type> nodes;
    Line points;
    std::uint32_t flags = 0;
    std::uint32_t name_set = 0;
    float incline = 0;
    RoadClass cls = RoadClass::footway;
    int layer = 0;
  };

  static osmium::Location centre_of(const osmium::Way& w) {
    double lat = 0, lon = 0;
    int n = 0;
    for (const auto& nr : w.nodes())
      if (nr.location().valid()) lat += nr.location().lat(), lon += nr.location().lon(), ++n;
    return n ? osmium::Location(lon / n, lat / n) : osmium::Location();
  }

  void add_poi(const osmium::OSMObject& obj, osmium::Location loc) {
    if (!loc.valid() || obj.tags().empty()) return;
    const std::string category = category_for_osm_tags(OsmiumTags(obj.tags()));
    if (category.empty()) return;
    const auto [x, y] = proj_(loc);
    kmap::Poi p{};
    p.x = static_cast<float>(x), p.y = static_cast<float>(y);
    p.name_set = out_.add_name_set(names_of(obj.tags()));
    p.category = out_.add_string(category);
    p.osm_id = static_cast<std::uint64_t>(obj.positive_id());
    p.osm_type = obj.type() == osmium::item_type::node ? 'n' : obj.type() == osmium::item_type::way ? 'w' : 'r';
    out_.pois.push_back(p);
  }

  std::uint32_t add_points(const Line& line) {
    kmap::Geometry g{};
    g.first_point = static_cast<std::uint32_t>(out_.points.size());
    for (const auto& [x, y] : line) out_.points.push_back({static_cast<float>(x), static_cast<float>(y)});
    g.point_count = static_cast<std::uint32_t>(line.size());
    out_.geometries.push_back(g);
    return static_cast<std::uint32_t>(out_.geometries.size() - 1);
  }

  void add_line(FeatureKind kind, std::uint8_t cls, const osmium::Way& w, const Line& line, int lods, int layer = 0) {
    PendingFeature f{kind};
    f.cls = cls;
    f.layer = layer;
    f.name_set = out_.add_name_set(names_of(w.tags()));
    if (tag_in(w.tags()["tunnel"], {"yes", "building_passage", "culvert"})) f.flags |= kmap::feature_tunnel;
    if (tag_in(w.tags()["bridge"], {"yes", "viaduct"})) f.flags |= kmap::feature_bridge;
    for (int l = 0; l < lods; ++l) {
      const Line s = simplify_line(line, tolerance[l]);
      f.geometry[l] = l > 0 && s.size() == line.size() ? f.geometry[l - 1] : add_points(s);
    }
    features.push_back(f);
  }

  void add_road(const osmium::Way& w, const char* highway, const Line& line);

  GEOSGeometry* make_ring(const osmium::NodeRefList& ring) {
    const GEOSContextHandle_t h = geos_.h;
    std::vector<XY> pts;
    for (const auto& nr : ring) {
      if (!nr.location().valid()) return nullptr;
      pts.push_back(proj_(nr.location()));
    }
    if (pts.size() < 4) return nullptr;
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(pts.size()), 2);
    for (unsigned i = 0; i < pts.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, pts[i].first, pts[i].second);
    return GEOSGeom_createLinearRing_r(h, seq);
  }

  // Simplified for the level, repaired where needed, triangulated. kmap::none when nothing is left.
  std::uint32_t add_polygon(const GEOSGeometry* poly, int lod, bool building) {
    const GEOSContextHandle_t h = geos_.h;
    const double tol = building ? (lod == 0 ? 0.0 : 1.0) : tolerance[lod];
    GeomPtr g(tol > 0 ? GEOSTopologyPreserveSimplify_r(h, poly, tol) : GEOSGeom_clone_r(h, poly), {h});
    if (!g) return ++report_.polygons_failed, kmap::none;
    double area = 0;
    GEOSArea_r(h, g.get(), &area);
    if (area < (building ? (lod == 0 ? 0.0 : 30.0) : min_area[lod]) || area <= 0) return kmap::none;
    if (GEOSisValid_r(h, g.get()) != 1) {
      g.reset(GEOSMakeValid_r(h, g.get()));
      if (!g) return ++report_.polygons_failed, kmap::none;
    }
    // One geometry for all the parts, so that a feature has one geometry per level.
    kmap::Geometry out{};
    out.first_point = static_cast<std::uint32_t>(out_.points.size());
    out.first_ring = static_cast<std::uint32_t>(out_.rings.size());
    out.first_index = static_cast<std::uint32_t>(out_.indices.size());
    std::unordered_map<std::uint64_t, std::uint32_t> index_of;
    auto key = [](float x, float y) {
      std::uint32_t a, b;
      std::memcpy(&a, &x, 4);
      std::memcpy(&b, &y, 4);
      return (std::uint64_t{a} << 32) | b;
    };
    auto add_ring = [&](const GEOSGeometry* ring) {
      const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
      unsigned n = 0;
      GEOSCoordSeq_getSize_r(h, seq, &n);
      if (n < 4) return;
      kmap::Ring r{static_cast<std::uint32_t>(out_.points.size()), n - 1};  // without the closing point
      for (unsigned i = 0; i + 1 < n; ++i) {
        double x, y;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        const kmap::Point p{static_cast<float>(x), static_cast<float>(y)};
        index_of.emplace(key(p.x, p.y), static_cast<std::uint32_t>(out_.points.size()) - out.first_point);
        out_.points.push_back(p);
      }
      out_.rings.push_back(r);
    };
    auto add_part = [&](const GEOSGeometry* part) {
      if (GEOSGeomTypeId_r(h, part) != GEOS_POLYGON) return;
      add_ring(GEOSGetExteriorRing_r(h, part));
      const int holes = GEOSGetNumInteriorRings_r(h, part);
      for (int i = 0; i < holes; ++i) add_ring(GEOSGetInteriorRingN_r(h, part, i));
      GeomPtr tri(GEOSConstrainedDelaunayTriangulation_r(h, part), {h});
      if (!tri) {
        ++report_.polygons_failed;
        return;
      }
      const int nt = GEOSGetNumGeometries_r(h, tri.get());
      for (int i = 0; i < nt; ++i) {
        const GEOSGeometry* t = GEOSGetGeometryN_r(h, tri.get(), i);
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, t));
        std::uint32_t corner[3];
        for (unsigned k = 0; k < 3; ++k) {
          double x, y;
          GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
          const kmap::Point p{static_cast<float>(x), static_cast<float>(y)};
          auto it = index_of.find(key(p.x, p.y));
          if (it == index_of.end()) {  // a point the triangulation added: keep it, outside the rings
            it =
                index_of.emplace(key(p.x, p.y), static_cast<std::uint32_t>(out_.points.size()) - out.first_point).first;
            out_.points.push_back(p);
          }
          corner[k] = it->second;
        }
        out_.indices.insert(out_.indices.end(), corner, corner + 3);
        ++report_.triangles;
      }
    };
    const int type = GEOSGeomTypeId_r(h, g.get());
    if (type == GEOS_POLYGON)
      add_part(g.get());
    else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION)
      for (int i = 0; i < GEOSGetNumGeometries_r(h, g.get()); ++i) add_part(GEOSGetGeometryN_r(h, g.get(), i));
    out.point_count = static_cast<std::uint32_t>(out_.points.size()) - out.first_point;
    out.ring_count = static_cast<std::uint32_t>(out_.rings.size()) - out.first_ring;
    out.index_count = static_cast<std::uint32_t>(out_.indices.size()) - out.first_index;
    if (out.index_count == 0) {
      out_.points.resize(out.first_point);
      out_.rings.resize(out.first_ring);
      return kmap::none;
    }
    out_.geometries.push_back(out);
    return static_cast<std::uint32_t>(out_.geometries.size() - 1);
  }

  MapContents& out_;
  const Projection& proj_;
  MapCompileReport& report_;
  const FootRules& foot_;
  GeosContext geos_;
  std::vector<WalkWay> walk_;
  std::unordered_map<osmium::object_id_type, std::uint32_t> road_name_at_;  // node → name of a car road
  std::unordered_map<osmium::object_id_type, int> uses_;                    // node → walkable ways using it
};

RoadClass road_class(const char* hw) {
  if (tag_in(hw, {"motorway", "motorway_link", "trunk", "trunk_link"})) return RoadClass::motorway;
  if (tag_in(hw, {"primary", "primary_link"})) return RoadClass::primary;
  if (tag_in(hw, {"secondary", "secondary_link"})) return RoadClass::secondary;
  if (tag_in(hw, {"tertiary", "tertiary_link"})) return RoadClass::tertiary;
  if (tag_in(hw, {"residential", "unclassified", "road"})) return RoadClass::residential;
  if (tag_in(hw, {"service"})) return RoadClass::service;
  if (tag_in(hw, {"pedestrian", "living_street", "platform"})) return RoadClass::pedestrian;
  if (tag_in(hw, {"steps"})) return RoadClass::steps;
  if (tag_in(hw, {"footway", "corridor"})) return RoadClass::footway;
  return RoadClass::path;
}

bool drawn_highway(const char* hw) {
  return tag_in(hw, {"motorway",  "motorway_link",  "trunk",      "trunk_link",    "primary",     "primary_link",
                     "secondary", "secondary_link", "tertiary",   "tertiary_link", "residential", "unclassified",
                     "road",      "service",        "pedestrian", "living_street", "platform",    "steps",
                     "footway",   "corridor",       "path",       "track",         "cycleway",    "bridleway"});
}

// Whether a person on foot may use the way: its own foot/access tags first, then the country's default
// for its road type (a German trunk road needs a sidewalk tag, a Maltese one does not).
bool walkable(const osmium::TagList& t, const char* hw, const FootRules& rules) {
  if (!tag_in(hw, {"primary",       "primary_link",  "secondary",    "secondary_link", "tertiary",
                   "tertiary_link", "residential",   "unclassified", "road",           "service",
                   "pedestrian",    "living_street", "platform",     "steps",          "footway",
                   "corridor",      "path",          "track",        "cycleway",       "elevator",
                   "trunk",         "trunk_link",    "motorway",     "motorway_link",  "bridleway"}))
    return false;
  const char* foot = t["foot"];
  if (tag_in(foot, {"no", "private", "use_sidepath"})) return false;
  const bool foot_ok = tag_in(foot, {"yes", "designated", "permissive"});
  if (tag_in(t["access"], {"no", "private"}) && !foot_ok) return false;
  if (tag_in(t["area"], {"yes"}) && !tag_in(hw, {"pedestrian", "footway", "platform"})) return false;
  if (foot_ok) return true;
  if (tag_in(t["motorroad"], {"yes"})) return false;  // for motor vehicles only, in every country
  switch (rules.of(hw)) {
    case FootAccess::yes:
      return true;
    case FootAccess::no:
      return false;
    case FootAccess::sidewalk:
      return tag_in(t["sidewalk"], {"both", "left", "right", "yes"});
  }
  return true;
}

float parse_incline(const char* v, bool& unknown) {
  unknown = false;
  if (!v) return 0;
  char* end = nullptr;
  const double d = std::strtod(v, &end);
  if (end != v && (*end == '%' || *end == '\0')) return static_cast<float>(std::clamp(d, -100.0, 100.0));
  if (end != v && *end == '\xc2') return static_cast<float>(std::tan(d * std::numbers::pi / 180) * 100);  // "5°"
  unknown = tag_in(v, {"up", "down", "yes", "steep"});
  return 0;
}

void Compiler::add_road(const osmium::Way& w, const char* hw, const Line& line) {
  const auto& t = w.tags();
  const RoadClass cls = road_class(hw);
  if (drawn_highway(hw) && !tag_in(t["area"], {"yes"})) {
    const int lods = cls >= RoadClass::tertiary ? 3 : cls >= RoadClass::pedestrian ? 2 : 1;
    int layer = 0;
    if (const char* l = t["layer"]) layer = std::clamp(std::atoi(l), -5, 5);
    add_line(FeatureKind::road, static_cast<std::uint8_t>(cls), w, line, lods, layer);
  }
  // Car roads by node: for naming the road a crossing crosses.
  if (cls >= RoadClass::service && cls != RoadClass::pedestrian) {
    if (const std::uint32_t ns = out_.add_name_set(names_of(t)))
      for (const auto& nr : w.nodes()) road_name_at_.emplace(nr.ref(), ns);
  }
  if (!walkable(t, hw, foot_)) return;
  WalkWay ww;
  ww.cls = cls;
  ww.name_set = out_.add_name_set(names_of(t));
  std::uint32_t f = 0;
  if (cls == RoadClass::steps) f |= kmap::edge_steps;
  if (tag_in(t["footway"], {"crossing"}) || tag_in(t["cycleway"], {"crossing"}) || tag_in(t["path"], {"crossing"}))
    f |= kmap::edge_crossing;
  if (const char* wc = t["wheelchair"]) {
    if (tag_in(wc, {"no"}))
      f |= kmap::edge_wheelchair_no;
    else if (tag_in(wc, {"limited"}))
      f |= kmap::edge_wheelchair_limited;
    else if (tag_in(wc, {"yes", "designated"}))
      f |= kmap::edge_wheelchair_yes;
  }
  if (cls == RoadClass::steps && tag_in(t["ramp:wheelchair"], {"yes"}))
    f |= kmap::edge_wheelchair_yes | kmap::edge_ramp;
  const char* surface = t["surface"];
  if (tag_in(surface, {"gravel", "sand", "dirt", "earth", "ground", "grass", "mud", "pebblestone", "woodchips",
                       "unpaved", "grass_paver", "rock", "stepping_stones", "unhewn_cobblestone"}))
    f |= kmap::edge_surface_bad;
  else if (tag_in(surface, {"sett", "cobblestone", "compacted", "fine_gravel"}))
    f |= kmap::edge_surface_rough;
  else if (!surface && tag_in(hw, {"path", "track"}))
    f |= kmap::edge_unpaved_unknown;
  if (const char* sm = t["smoothness"]) {
    if (tag_in(sm, {"very_bad", "horrible", "very_horrible", "impassable"}))
      f |= kmap::edge_surface_bad;
    else if (tag_in(sm, {"bad"}))
      f |= kmap::edge_surface_rough;
  }
  bool incline_unknown = false;
  ww.incline = parse_incline(t["incline"], incline_unknown);
  if (std::abs(ww.incline) > 6.0f) f |= kmap::edge_incline_steep;
  if (incline_unknown && cls != RoadClass::steps) f |= kmap::edge_incline_unknown;
  if (tag_in(t["kerb"], {"raised", "yes"})) f |= kmap::edge_kerb_high;
  if (tag_in(hw, {"elevator"})) f |= kmap::edge_elevator;
  // The level a way is on, for snapping a place to the way it stands on rather than one under or over it.
  // A bridge or tunnel without a layer tag is taken as one level up or down, as renderers do.
  const char* bridge = t["bridge"];
  const char* tunnel = t["tunnel"];
  if (bridge && !tag_in(bridge, {"no"})) f |= kmap::edge_bridge;
  if (tunnel && !tag_in(tunnel, {"no", "building_passage"})) f |= kmap::edge_tunnel;
  if (const char* l = t["layer"])
    ww.layer = std::clamp(std::atoi(l), -5, 5);
  else
    ww.layer = (f & kmap::edge_bridge) ? 1 : (f & kmap::edge_tunnel) ? -1 : 0;
  ww.flags = f;
  for (const auto& nr : w.nodes()) {
    if (!nr.location().valid()) continue;
    if (!ww.nodes.empty() && ww.nodes.back() == nr.ref()) continue;  // repeated node
    ww.nodes.push_back(nr.ref());
    ww.points.push_back(proj_(nr.location()));
    ++uses_[nr.ref()];
  }
  if (ww.nodes.size() >= 2) walk_.push_back(std::move(ww));
}

void Compiler::finish_routing() {
  std::unordered_map<osmium::object_id_type, std::uint32_t> node_index;
  auto graph_node = [&](osmium::object_id_type id, XY p) {
    auto [it, added] = node_index.emplace(id, static_cast<std::uint32_t>(out_.route_nodes.size()));
    if (added) {
      kmap::RouteNode n{};
      n.x = static_cast<float>(p.first), n.y = static_cast<float>(p.second);
      if (auto f = node_flags.find(id); f != node_flags.end()) n.flags = f->second;
      if (n.flags & kmap::node_crossing)
        if (auto r = road_name_at_.find(id); r != road_name_at_.end()) n.cross_name = r->second;
      out_.route_nodes.push_back(n);
    }
    return it->second;
  };
  for (const WalkWay& w : walk_) {
    std::uint32_t cross_name = 0;
    if (w.flags & kmap::edge_crossing)
      for (std::size_t i = 1; i + 1 < w.nodes.size() && !cross_name; ++i)
        if (auto r = road_name_at_.find(w.nodes[i]); r != road_name_at_.end()) cross_name = r->second;
    std::size_t start = 0;
    for (std::size_t i = 1; i < w.nodes.size(); ++i) {
      const bool split = i + 1 == w.nodes.size() || uses_[w.nodes[i]] > 1 || node_flags.contains(w.nodes[i]);
      if (!split) continue;
      kmap::RouteEdge e{};
      e.a = graph_node(w.nodes[start], w.points[start]);
      e.b = graph_node(w.nodes[i], w.points[i]);
      e.flags = w.flags;
      e.name_set = w.name_set;
      e.cross_name = cross_name;
      e.incline_pct = w.incline;
      e.road_class = static_cast<std::uint8_t>(w.cls);
      e.layer = static_cast<std::int8_t>(w.layer);
      e.first_shape = static_cast<std::uint32_t>(out_.route_shape.size());
      double len = 0;
      for (std::size_t k = start; k <= i; ++k) {
        const kmap::Point p{static_cast<float>(w.points[k].first), static_cast<float>(w.points[k].second)};
        if (k > start) {
          const kmap::Point& q = out_.route_shape.back();
          len += std::hypot(static_cast<double>(p.x - q.x), static_cast<double>(p.y - q.y));
        }
        out_.route_shape.push_back(p);
      }
      e.shape_count = static_cast<std::uint32_t>(i - start + 1);
      e.length_m = static_cast<float>(len);
      out_.route_edges.push_back(e);
      start = i;
    }
  }
  out_.build_adjacency();
}

// Drawing order: areas below lines below labels; within a kind, by class, and roads by OSM layer.
int kind_rank(FeatureKind k) {
  switch (k) {
    case FeatureKind::green_area:
      return 0;
    case FeatureKind::water_area:
      return 1;
    case FeatureKind::water_line:
      return 2;
    case FeatureKind::building:
      return 3;
    case FeatureKind::road:
      return 4;
    case FeatureKind::railway:
      return 5;
    case FeatureKind::place:
      return 6;
    default:
      return 7;
  }
}

}  // namespace

MapCompileReport compile_map(const MapCompileOptions& options) {
  const auto t0 = std::chrono::steady_clock::now();
  MapCompileReport report;
  MapContents out;

  osmium::io::File file(options.pbf.string());
  osmium::Box box;
  {
    osmium::io::Reader header_reader(file, osmium::osm_entity_bits::nothing);
    box = header_reader.header().box();
    header_reader.close();
  }
  if (!box.valid() && options.area) {
    box.extend(osmium::Location(options.area->west, options.area->south));
    box.extend(osmium::Location(options.area->east, options.area->north));
  }
  if (!box.valid())
    throw std::runtime_error(options.pbf.string() +
                             ": the extract has no bounding box. Build the map with its bundle (kioskctl map build "
                             "--bundle DIR uses the bundle's area), or add one: osmium extract --bbox W,S,E,N "
                             "--set-bounds -o WITH-BOX.osm.pbf " +
                             options.pbf.string());
  const Projection proj((box.bottom_left().lat() + box.top_right().lat()) / 2,
                        (box.bottom_left().lon() + box.top_right().lon()) / 2);

  osmium::area::Assembler::config_type assembler_config;
  osmium::TagsFilter filter{false};
  for (const char* key : {"building", "leisure", "landuse"}) filter.add_rule(true, osmium::TagMatcher{key});
  for (const char* v : {"water", "wood", "scrub", "grassland", "heath"})
    filter.add_rule(true, osmium::TagMatcher{"natural", v});
  filter.add_rule(true, osmium::TagMatcher{"waterway", "riverbank"});
  filter.add_rule(true, osmium::TagMatcher{"amenity", "grave_yard"});
  osmium::area::MultipolygonManager<osmium::area::Assembler> mp(assembler_config, filter);
  osmium::relations::read_relations(file, mp);

  Compiler compiler(out, proj, report, options.foot);
  {
    using Index = osmium::index::map::FlexMem<osmium::unsigned_object_id_type, osmium::Location>;
    Index index;
    osmium::handler::NodeLocationsForWays<Index> locations(index);
    locations.ignore_errors();  // ways cut by the extract's edge keep the nodes that are inside
    osmium::io::Reader reader(
        file, osmium::osm_entity_bits::node | osmium::osm_entity_bits::way | osmium::osm_entity_bits::relation);
    osmium::apply(reader, locations, compiler, mp.handler([&compiler](osmium::memory::Buffer&& buffer) {
      for (const auto& a : buffer.select<osmium::Area>()) compiler.area(a);
    }));
    reader.close();
  }
  compiler.finish_routing();
  {
    const auto [x0, y0] = proj(box.bottom_left());
    const auto [x1, y1] = proj(box.top_right());
    compiler.add_sea(sea_polygons(compiler.coast, {x0, y0, x1, y1}, report.sea));
  }

  // Features in drawing order; their boxes from the full geometry.
  std::stable_sort(compiler.features.begin(), compiler.features.end(),
                   [](const PendingFeature& a, const PendingFeature& b) {
                     const int ra = kind_rank(a.kind), rb = kind_rank(b.kind);
                     if (ra != rb) return ra < rb;
                     if (a.layer != b.layer) return a.layer < b.layer;
                     return a.cls < b.cls;
                   });
  static const char* kind_names[] = {"water_area", "green_area", "building", "water_line", "road", "railway", "place"};
  for (const PendingFeature& p : compiler.features) {
    kmap::Feature f{};
    f.kind = static_cast<std::uint8_t>(p.kind);
    f.cls = p.cls;
    f.flags = p.flags;
    f.name_set = p.name_set;
    std::copy(std::begin(p.geometry), std::end(p.geometry), f.geometry);
    const kmap::Geometry& g = out.geometries[p.geometry[0]];
    f.min_x = f.min_y = 1e30f;
    f.max_x = f.max_y = -1e30f;
    for (std::uint32_t i = g.first_point; i < g.first_point + g.point_count; ++i) {
      const auto& pt = out.points[i];
      f.min_x = std::min(f.min_x, pt.x), f.min_y = std::min(f.min_y, pt.y);
      f.max_x = std::max(f.max_x, pt.x), f.max_y = std::max(f.max_y, pt.y);
    }
    out.features.push_back(f);
    ++report.features[kind_names[static_cast<int>(p.kind)]];
  }
  out.group_coarse_geometry();
  out.build_tree();

  kmap::Header& h = out.header;
  h.origin_lat = proj.lat0;
  h.origin_lon = proj.lon0;
  h.metres_per_deg_lat = proj.k_lat;
  h.metres_per_deg_lon = proj.k_lon;
  float x0 = 1e30f, y0 = 1e30f, x1 = -1e30f, y1 = -1e30f;
  auto grow = [&](const kmap::Point& p) {
    x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
  };
  for (const auto& p : out.points) grow(p);
  for (const auto& p : out.route_shape) grow(p);
  for (const auto& p : out.pois) grow({p.x, p.y});
  if (x0 > x1) x0 = y0 = x1 = y1 = 0;
  h.min_x = x0, h.min_y = y0, h.max_x = x1, h.max_y = y1;
  h.data_timestamp = compiler.newest;

  write_map(out, options.out);
  report.points = out.points.size();
  report.route_nodes = out.route_nodes.size();
  report.route_edges = out.route_edges.size();
  report.pois = out.pois.size();
  report.bytes = std::filesystem::file_size(options.out);
  report.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return report;
}

}  // namespace kiosk
