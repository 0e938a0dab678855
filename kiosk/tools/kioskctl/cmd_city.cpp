// kioskctl city new --pbf FILE --name NAME --out DIR [--area S,W,N,E | --boundary RELATION]

#include <fmt/format.h>

#include <memory>
#include <regex>

#include "commands.h"
#include "core/base/data_paths.h"
#include "core/bundle/content_loader.h"
#include "core/geo/geo.h"
#include "core/import/city_starter.h"

namespace kioskctl {
namespace {

struct CityArgs {
  std::string pbf, name, out, area, locales;
  std::int64_t boundary = 0;
};

std::optional<kiosk::BoundingBox> parse_area(const std::string& s) {
  static const std::regex form(R"(\s*(-?[0-9.]+)\s*,\s*(-?[0-9.]+)\s*,\s*(-?[0-9.]+)\s*,\s*(-?[0-9.]+)\s*)");
  std::smatch m;
  if (!std::regex_match(s, m, form)) return std::nullopt;
  kiosk::BoundingBox b{std::stod(m[1]), std::stod(m[2]), std::stod(m[3]), std::stod(m[4])};
  if (b.south >= b.north || b.west >= b.east || b.south < -90 || b.north > 90 || b.west < -180 || b.east > 180)
    return std::nullopt;
  return b;
}

int run_new(const CityArgs& a) {
  kiosk::CityStarterOptions o;
  o.pbf = a.pbf;
  o.out = a.out;
  o.name = a.name;
  if (!a.area.empty()) {
    o.area = parse_area(a.area);
    if (!o.area) {
      fmt::print(stderr,
                 "error: --area '{}' is not S,W,N,E in degrees (south < north, west < east), e.g. "
                 "41.13,-8.69,41.19,-8.55\n",
                 a.area);
      return exit_usage;
    }
  }
  if (a.boundary != 0) o.boundary = a.boundary;
  const auto starter = kiosk::find_data("content/starter");
  const auto locales =
      a.locales.empty() ? kiosk::find_data("locales") : std::optional<std::filesystem::path>(a.locales);
  if (!starter || !locales) {
    fmt::print(stderr, "error: cannot find the kiosk's starter files and UI catalogs (content/starter, locales)\n");
    return exit_invalid;
  }
  o.starter_dir = *starter;
  o.locales_dir = *locales;
  const auto r = kiosk::make_city_starter(o);

  fmt::print("made {} ({}) in {}\n", a.name, r.id, a.out);
  fmt::print("  area       {} to {}\n", kiosk::format_lat_lon({r.area.south, r.area.west}, 4),
             kiosk::format_lat_lon({r.area.north, r.area.east}, 4));
  fmt::print("  country    {} (from {})\n", r.country, r.country_from);
  fmt::print("  time zone  {}\n", r.timezone);
  fmt::print("  languages  {} first, then {}\n", r.default_locale,
             fmt::join(r.locales.begin() + 1, r.locales.end(), ", "));
  fmt::print("  services   {} imported", r.services.services);
  for (const auto& [cat, n] : r.services.per_category) fmt::print(", {} {}", n, cat);
  fmt::print("\n  skipped    {} without a name, {} not public, {} outside the area, {} relations without a shape\n",
             r.services.skipped_unnamed, r.services.skipped_private, r.services.skipped_outside,
             r.services.skipped_relations);
  for (const auto& line : r.services.left_out) fmt::print("    {}\n", line);
  fmt::print("  map        {:.1f} MiB, {} walkable edges (walking rules of {})\n",
             static_cast<double>(r.map.bytes) / 1048576.0, r.map.route_edges, r.country);

  const kiosk::Content c = kiosk::load_content(a.out, *locales);
  for (const auto& d : c.diags.items) fmt::print("{}\n", kiosk::format_diagnostic(d));
  fmt::print("validate: {} errors, {} warnings\n", c.diags.count(kiosk::Severity::error),
             c.diags.count(kiosk::Severity::warning));
  fmt::print("to do:\n");
  for (const auto& t : r.todo) fmt::print("  - {}\n", t);
  return c.ok() ? exit_ok : exit_invalid;
}

}  // namespace

void add_city(CLI::App& app, Action& action) {
  auto* city = app.add_subcommand("city", "set up a new city");
  city->require_subcommand(1);
  auto a = std::make_shared<CityArgs>();
  auto* cmd = city->add_subcommand("new", "a starter bundle from the city's OpenStreetMap extract");
  cmd->add_option("--pbf", a->pbf, "the city's OSM extract (.osm.pbf or .osm)")->required()->check(CLI::ExistingFile);
  cmd->add_option("--name", a->name, "the city's name as residents write it")->required();
  cmd->add_option("--out", a->out, "the new bundle's folder (must not exist or be empty)")->required();
  auto* area = cmd->add_option("--area", a->area, "the city's area: S,W,N,E in degrees (default: the extract's box)");
  cmd->add_option("--boundary", a->boundary, "an admin boundary relation in the extract whose extent is the area")
      ->excludes(area);
  cmd->add_option("--locales", a->locales, "folder of UI catalogs (default: the kiosk's)");
  cmd->callback([&action, a] { action = [a] { return run_new(*a); }; });
}

}  // namespace kioskctl
