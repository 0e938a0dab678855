// kioskctl import osm --pbf FILE --out DIR
// kioskctl import hsds --in FILE_OR_DIR --out DIR [--category ID] [--text-language TAG]

#include <fmt/format.h>

#include <filesystem>
#include <memory>

#include "commands.h"
#include "core/bundle/bundle_loader.h"
#include "core/import/hsds_import.h"
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
  kiosk::OsmImportOptions o{a.pbf, a.out, a.date, std::nullopt};
  // A bundle already in OUT: its area decides which places are the city's.
  if (std::filesystem::exists(std::filesystem::path(a.out) / "bundle.yaml")) {
    kiosk::Diagnostics diags;
    const kiosk::Bundle b = kiosk::load_bundle(a.out, diags);
    if (b.area.north > b.area.south && b.area.east > b.area.west) o.area = b.area;
  }
  const auto report = kiosk::import_osm(o);
  fmt::print("imported {} services into {}/services\n", report.services, a.out);
  for (const auto& [cat, n] : report.per_category) fmt::print("  {:<16} {:>4}\n", cat, n);
  fmt::print(
      "skipped: {} without a name, {} not open to the public, {} outside the area, {} relations without a "
      "shape\n",
      report.skipped_unnamed, report.skipped_private, report.skipped_outside, report.skipped_relations);
  for (const auto& line : report.left_out) fmt::print("  {}\n", line);
  fmt::print("{} values dropped as malformed{}\n", report.notes.size(), a.verbose ? ":" : " (--verbose lists them)");
  if (a.verbose)
    for (const auto& n : report.notes) fmt::print("  {}\n", n);
  return exit_ok;
}

struct HsdsArgs {
  std::string in;
  std::string out;
  std::string category;
  std::string text_language;
};

int run_hsds(const HsdsArgs& a) {
  kiosk::HsdsImportReport report;
  try {
    report = kiosk::import_hsds({a.in, a.out, a.category, a.text_language});
  } catch (const kiosk::HsdsInputError& e) {
    for (const auto& p : e.problems) fmt::print(stderr, "error: {}\n", p);
    fmt::print(stderr, "{} error{} in the HSDS data; nothing was written\n", e.problems.size(),
               e.problems.size() == 1 ? "" : "s");
    return exit_invalid;
  }
  // Warnings name the service: what an editor has to look at in the source data or the bundle.
  for (const auto& w : report.warnings) fmt::print(stderr, "warning: {}\n", w);
  for (const auto& n : report.notes) fmt::print(stderr, "note: {}\n", n);
  fmt::print("imported {} services into {}/services\n", report.services, a.out);
  for (const auto& [cat, n] : report.per_category) fmt::print("  {:<16} {:>4}\n", cat, n);
  fmt::print("skipped: {} services (the warnings say why)\n", report.skipped);
  if (!report.dropped_fields.empty()) {
    fmt::print("HSDS fields the bundle has no place for (records with a value):\n");
    for (const auto& [field, n] : report.dropped_fields) fmt::print("  {:<40} {:>4}\n", field, n);
  }
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

  auto hargs = std::make_shared<HsdsArgs>();
  auto* hsds = import->add_subcommand("hsds",
                                      "Open Referral HSDS 3 JSON (a dataset, compiled services or a folder "
                                      "of per-table files) into services/hsds-*.yaml");
  hsds->add_option("--in", hargs->in, "HSDS JSON file or folder of per-table JSON files")
      ->required()
      ->check(CLI::ExistingPath);
  hsds->add_option("--out", hargs->out, "bundle folder (its categories.yaml maps taxonomy terms to categories)")
      ->required();
  hsds->add_option("--category", hargs->category,
                   "category for services whose taxonomy terms name none of the bundle's categories");
  hsds->add_option("--text-language", hargs->text_language,
                   "BCP 47 tag of the data's descriptions and fee texts (without it they are left out)");
  hsds->callback([&action, hargs] { action = [hargs] { return run_hsds(*hargs); }; });
}

}  // namespace kioskctl
