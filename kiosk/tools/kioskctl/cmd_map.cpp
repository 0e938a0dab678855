// kioskctl map build [--bundle DIR] [--pbf FILE --out FILE.kmap] [--country CC] | map info FILE.kmap | map replicate
// --pbf F --factor N --out F kioskctl route --map FILE.kmap --from LAT,LON --to LAT,LON --profile foot|wheelchair
// [--locale TAG]

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <iostream>
#include <memory>

#include "commands.h"
#include "core/bundle/bundle_loader.h"
#include "core/bundle/content_loader.h"
#include "core/i18n/i18n_catalog.h"
#include "core/import/map_compile.h"
#include "core/import/osm_replicate.h"
#include "core/mapdata/map_data.h"
#include "core/routing/directions.h"
#include "core/routing/foot_access.h"
#include "core/routing/router.h"
#include "core/routing/snap_explain.h"

namespace kioskctl {
namespace {

inline constexpr int exit_no_route = 3;

struct MapArgs {
  std::string pbf, out, file, bundle, country;
  int factor = 4;
};

// The metropolis's OSM side (scripts/metropolis.sh writes the bundle around it): JSON for the script.
int run_replicate(const MapArgs& a) {
  const auto r = kiosk::replicate_extract({a.pbf, a.out, a.factor});
  fmt::print("{}\n", nlohmann::json{{"side", r.side},
                                    {"west", r.west},
                                    {"south", r.south},
                                    {"east", r.east},
                                    {"north", r.north},
                                    {"copy_width_deg", r.copy_width_deg},
                                    {"copy_height_deg", r.copy_height_deg},
                                    {"nodes", r.nodes},
                                    {"ways", r.ways},
                                    {"relations", r.relations},
                                    {"seam_links", r.seam_links}}
                         .dump());
  return exit_ok;
}

// With --bundle: the bundle's extract, compiled map, area and walking rules, unless given.
int run_build(const MapArgs& a) {
  kiosk::MapCompileOptions o;
  o.pbf = a.pbf;
  o.out = a.out;
  std::string country = a.country;
  std::map<std::string, kiosk::FootAccess> overrides;
  if (!a.bundle.empty()) {
    kiosk::Diagnostics diags;
    const kiosk::Bundle b = kiosk::load_bundle(a.bundle, diags);
    if (b.id.empty()) {
      for (const auto& d : diags.items) fmt::print(stderr, "{}\n", kiosk::format_diagnostic(d));
      return exit_invalid;
    }
    const std::filesystem::path dir(a.bundle);
    if (o.pbf.empty() && !b.map_source.empty()) o.pbf = dir / b.map_source;
    if (o.out.empty() && !b.map_compiled.empty()) o.out = dir / b.map_compiled;
    if (b.area.north > b.area.south && b.area.east > b.area.west) o.area = b.area;
    if (country.empty()) country = kiosk::walking_country(b);
    overrides = b.foot_overrides;
  }
  if (o.pbf.empty() || o.out.empty()) {
    fmt::print(stderr, "error: give --pbf and --out, or a --bundle whose bundle.yaml names map: source and compiled\n");
    return exit_usage;
  }
  o.foot = kiosk::foot_rules(country, overrides);
  const auto r = kiosk::compile_map(o);
  fmt::print("compiled {} into {} ({:.1f} MiB) in {:.1f} s\n", o.pbf.generic_string(), o.out.generic_string(),
             static_cast<double>(r.bytes) / 1048576.0, r.seconds);
  fmt::print("  walking rules: {}{}\n", country.empty() ? "worldwide defaults" : "country " + country,
             overrides.empty() ? "" : ", with the bundle's own road types");
  for (const auto& [kind, n] : r.features) fmt::print("  {:<12} {:>7}\n", kind, n);
  fmt::print("  points {}, triangles {}, POIs {}\n", r.points, r.triangles, r.pois);
  fmt::print("  routing graph: {} nodes, {} edges\n", r.route_nodes, r.route_edges);
  if (r.sea.ways)
    fmt::print("  sea: {} coastline ways cut the area into {} pieces, {} of them sea\n", r.sea.ways, r.sea.faces,
               r.sea.sea);
  if (r.sea.open_ends)
    fmt::print(
        "  warning: {} coastline ends stop inside the area, more than {:.0f} m from its edge (a gap in the "
        "coastline): the sea near them may be drawn as land or the land as sea; fix the coastline in OSM or use "
        "an extract that holds it whole\n",
        r.sea.open_ends, kiosk::coast_end_reach_m);
  if (r.polygons_failed) fmt::print("  {} polygons could not be repaired and were left out\n", r.polygons_failed);
  return exit_ok;
}

int run_info(const MapArgs& a) {
  const auto t0 = std::chrono::steady_clock::now();
  const auto map = kiosk::load_map(a.file);
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  const auto& h = map->header;
  fmt::print("{}: kiosk map version {}, {:.1f} MiB, loaded and checked in {:.1f} ms\n", a.file, h.version,
             static_cast<double>(map->byte_size) / 1048576.0, ms);
  fmt::print("  origin {:.5f},{:.5f}; extent {:.0f} x {:.0f} m\n", h.origin_lat, h.origin_lon, h.max_x - h.min_x,
             h.max_y - h.min_y);
  fmt::print("  {} features, {} points, {} triangles, {} POIs\n", map->features.size(), map->points.size(),
             map->indices.size() / 3, map->pois.size());
  fmt::print("  routing graph: {} nodes, {} edges\n", map->route_nodes.size(), map->route_edges.size());
  return exit_ok;
}

struct RouteArgs {
  std::string map, bundle, from, to, profile = "foot", locale = "en", locales;
  std::optional<int> from_layer, to_layer;
  bool explain = false;
  double speed = 0;
  double max_km = kiosk::default_max_walk_m / 1000;
};

std::optional<kiosk::GeoPoint> parse_point(const std::string& s) {
  const auto comma = s.find(',');
  if (comma == std::string::npos) return std::nullopt;
  try {
    std::size_t used = 0;
    const double lat = std::stod(s.substr(0, comma), &used);
    if (used != comma) return std::nullopt;
    const std::string rest = s.substr(comma + 1);
    const double lon = std::stod(rest, &used);
    if (used != rest.size() || std::abs(lat) > 90 || std::abs(lon) > 180) return std::nullopt;
    return kiosk::GeoPoint{lat, lon};
  } catch (const std::exception&) {
    return std::nullopt;
  }
}

// A --from or --to: LAT,LON, or the id of one of the bundle's kiosk places (on its level).
std::optional<kiosk::Spot> parse_spot(const std::string& s, const std::optional<kiosk::Bundle>& bundle,
                                      std::optional<int> layer) {
  if (auto p = parse_point(s)) return kiosk::Spot(*p, layer);
  if (bundle)
    for (const auto& k : bundle->kiosks)
      if (k.id == s) return kiosk::Spot(k.location, layer ? layer : k.layer);
  return std::nullopt;
}

nlohmann::ordered_json snap_json(const kiosk::MapData& map, const kiosk::Router& router, const kiosk::Spot& place,
                                 kiosk::RouteProfile profile, std::string_view lang) {
  nlohmann::ordered_json j;
  j["place"] = {std::round(place.at.lat * 1e6) / 1e6, std::round(place.at.lon * 1e6) / 1e6};
  j["level"] = place.layer ? nlohmann::ordered_json(*place.layer) : nlohmann::ordered_json("ground");
  const auto snap = router.snap(place, profile);
  if (!snap) {
    j["snaps_to"] = nullptr;
    j["reason"] = "no way this profile can use within 1 km";
    return j;
  }
  const auto x = kiosk::explain_snap(map, place, *snap, lang);
  j["snaps_to"] = {std::round(x.point.lat * 1e6) / 1e6, std::round(x.point.lon * 1e6) / 1e6};
  j["distance_m"] = std::round(static_cast<double>(x.distance_m) * 10) / 10;
  j["way"] = x.way;
  j["way_level"] = x.layer;
  j["bridge"] = x.bridge;
  j["tunnel"] = x.tunnel;
  j["reason"] = x.reason;
  return j;
}

int run_route(const RouteArgs& a) {
  std::optional<kiosk::Bundle> bundle;
  std::string map_file = a.map;
  if (!a.bundle.empty()) {
    kiosk::Diagnostics diags;
    bundle = kiosk::load_bundle(a.bundle, diags);
    if (bundle->id.empty()) {
      for (const auto& d : diags.items) fmt::print(stderr, "{}\n", kiosk::format_diagnostic(d));
      return exit_invalid;
    }
    if (map_file.empty() && !bundle->map_compiled.empty())
      map_file = (std::filesystem::path(a.bundle) / bundle->map_compiled).string();
  }
  if (map_file.empty() || !std::filesystem::exists(map_file)) {
    fmt::print(stderr, "error: give --map FILE.kmap, or a --bundle whose compiled map exists\n");
    return exit_usage;
  }
  const auto from = parse_spot(a.from, bundle, a.from_layer), to = parse_spot(a.to, bundle, a.to_layer);
  if (!from || !to) {
    fmt::print(stderr,
               "error: --from and --to are LAT,LON in degrees (e.g. 50.7753,6.0839) or, with --bundle, a kiosk "
               "place's id\n");
    return exit_usage;
  }
  const auto profile = kiosk::route_profile_from_name(a.profile);
  if (!profile) {
    fmt::print(stderr, "error: --profile is foot or wheelchair\n");
    return exit_usage;
  }
  const std::filesystem::path locales = kiosk::locales_dir_for(a.locales, ".").value_or("locales");
  kiosk::Diagnostics diags;
  const kiosk::Catalogs catalogs = kiosk::load_catalogs(locales, diags);
  if (!catalogs.find_for(a.locale)) {
    fmt::print(stderr, "error: no UI catalog for locale {} in {}\n", a.locale, locales.string());
    return exit_usage;
  }
  const kiosk::FormatContext fmt_ctx = kiosk::make_format_context(catalogs, a.locale, "en");

  const auto map = kiosk::load_map(map_file);
  kiosk::Router router(map, static_cast<float>(a.max_km * 1000));
  kiosk::RouteSpeeds speeds;
  if (a.speed > 0) speeds.foot_mps = speeds.wheelchair_mps = a.speed;
  nlohmann::ordered_json out;
  if (a.explain) {
    out["from"] = snap_json(*map, router, *from, *profile, a.locale);
    out["to"] = snap_json(*map, router, *to, *profile, a.locale);
  }
  const auto route = router.route(*from, *to, *profile);
  if (!route) {
    const auto why = router.last_failure;
    const bool far_from = !router.snap(*from, *profile);
    out["error"] = "no route";
    out["profile"] = a.profile;
    out["reason"] = why == kiosk::NoRoute::too_far ? fmt::format("too far to walk: no walk of at most {} km", a.max_km)
                    : why == kiosk::NoRoute::not_near_a_way
                        ? (far_from ? "start is not near a way this profile can use"
                                    : "destination is not near a way this profile can use")
                    : *profile == kiosk::RouteProfile::wheelchair ? "no step-free way connects the two points"
                                                                  : "the two points are not connected";
    std::cout << out.dump(2) << "\n";
    return exit_no_route;
  }
  kiosk::DirectionsOptions opt;
  opt.lang = a.locale;
  const auto* cat = catalogs.find_for(a.locale);
  opt.isolate_names = cat && cat->info.rtl;
  const auto steps = kiosk::make_directions(*map, *route, fmt_ctx, opt);
  const double speed = speeds.of(*profile);
  out["profile"] = a.profile;
  out["distance_m"] = std::round(route->distance_m * 10) / 10;
  out["duration_s"] = std::round(route->distance_m / speed);
  auto& path = out["path"] = nlohmann::json::array();
  for (const auto& p : route->path) {
    const auto g = map->unproject(p);
    path.push_back({std::round(g.lat * 1e6) / 1e6, std::round(g.lon * 1e6) / 1e6});
  }
  auto& js = out["steps"] = nlohmann::json::array();
  for (const auto& s : steps) js.push_back({{"instruction", s.instruction}, {"distance_m", std::round(s.distance_m)}});
  std::cout << out.dump(2) << "\n";
  return exit_ok;
}

}  // namespace

void add_map(CLI::App& app, Action& action) {
  auto* map = app.add_subcommand("map", "compile and inspect the offline city map (.kmap)");
  map->require_subcommand(1);
  auto args = std::make_shared<MapArgs>();
  auto* build = map->add_subcommand("build", "compile an OpenStreetMap extract into a .kmap file");
  build->add_option("--bundle", args->bundle, "bundle folder: its extract, compiled map, area and walking rules")
      ->check(CLI::ExistingDirectory);
  build->add_option("--pbf", args->pbf, "OSM extract (.osm.pbf or .osm)")->check(CLI::ExistingFile);
  build->add_option("--out", args->out, "the .kmap file to write");
  build->add_option("--country", args->country,
                    "ISO 3166-1 code whose default walking rules apply (default: the bundle's, else worldwide)");
  build->callback([&action, args] { action = [args] { return run_build(*args); }; });
  auto* replicate = map->add_subcommand(
      "replicate", "lay FACTOR copies of an extract in a square grid, stitched at the seams (a test metropolis)");
  replicate->add_option("--pbf", args->pbf, "OSM extract (.osm.pbf)")->required()->check(CLI::ExistingFile);
  replicate->add_option("--factor", args->factor, "copies: 4, 16, 64 (a square number)")->required();
  replicate->add_option("--out", args->out, "the metropolis extract to write (.osm.pbf)")->required();
  replicate->callback([&action, args] { action = [args] { return run_replicate(*args); }; });
  auto* info = map->add_subcommand("info", "load and check a .kmap file, print what it holds");
  info->add_option("file", args->file, ".kmap file")->required()->check(CLI::ExistingFile);
  info->callback([&action, args] { action = [args] { return run_info(*args); }; });

  auto r = std::make_shared<RouteArgs>();
  auto* route = app.add_subcommand("route", "walking directions between two points, as JSON (exit 3: no route)");
  route->add_option("--map", r->map, ".kmap file (default: the --bundle's compiled map)")->check(CLI::ExistingFile);
  route->add_option("--bundle", r->bundle, "bundle folder: its map, and its kiosk places by id")
      ->check(CLI::ExistingDirectory);
  route->add_option("--from", r->from, "start: LAT,LON, or a kiosk place's id (with --bundle)")->required();
  route->add_option("--to", r->to, "destination: LAT,LON, or a kiosk place's id (with --bundle)")->required();
  route->add_option("--from-layer", r->from_layer, "the start's level, as OSM's layer (1: on a bridge)")
      ->check(CLI::Range(-5, 5));
  route->add_option("--to-layer", r->to_layer, "the destination's level")->check(CLI::Range(-5, 5));
  route->add_flag("--explain", r->explain, "say where each end joins the walking network, and why there");
  route->add_option("--profile", r->profile, "foot or wheelchair")->check(CLI::IsMember({"foot", "wheelchair"}));
  route->add_option("--locale", r->locale, "language of the instructions (default en)");
  route->add_option("--locales", r->locales, "folder of UI catalogs (default: the source tree's or installed)");
  route->add_option("--speed", r->speed, "walking speed in m/s (default: 1.25 foot, 0.9 wheelchair)");
  route->add_option("--max-km", r->max_km, "the longest walk offered, as a bundle's walking: max_km (default 5)")
      ->check(CLI::Range(0.1, 1000.0));
  route->callback([&action, r] { action = [r] { return run_route(*r); }; });
}

}  // namespace kioskctl
