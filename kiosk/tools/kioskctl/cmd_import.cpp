// kioskctl import osm --pbf FILE --out DIR

#include <fmt/format.h>

#include <memory>

#include "commands.h"
#include "core/import/osm_import.h"

namespace kioskctl {
namespace {

struct ImportArgs {
  std::string pbf;
  std::string out;
  std::string date;
  bool verbose = false;
};

int run_osm(const ImportArgs& a) {
  const auto report = kiosk::import_osm({a.pbf, a.out, a.date});
  fmt::print("imported {} services into {}/services\n", report.services, a.out);
  for (const auto& [cat, n] : report.per_category) fmt::print("  {:<16} {:>4}\n", cat, n);
  fmt::print("skipped: {} without a name, {} not open to the public, {} relations (multipolygons)\n",
             report.skipped_unnamed, report.skipped_private, report.skipped_relations);
  fmt::print("{} values dropped as malformed{}\n", report.notes.size(), a.verbose ? ":" : " (--verbose lists them)");
  if (a.verbose)
    for (const auto& n : report.notes) fmt::print("  {}\n", n);
  return exit_ok;
}

}  // namespace

void add_import(CLI::App& app, Action& action) {
  auto* import = app.add_subcommand("import", "turn other data into bundle YAML");
  import->require_subcommand(1);
  auto args = std::make_shared<ImportArgs>();
  auto* osm = import->add_subcommand("osm", "service POIs of an OpenStreetMap extract into services/*.yaml");
  osm->add_option("--pbf", args->pbf, "OSM extract (.osm.pbf)")->required()->check(CLI::ExistingFile);
  osm->add_option("--out", args->out, "bundle folder")->required();
  osm->add_option("--date", args->date, "date of the extract's data, for the files' headers");
  osm->add_flag("--verbose", args->verbose, "list every dropped value");
  osm->callback([&action, args] { action = [args] { return run_osm(*args); }; });
}

}  // namespace kioskctl
