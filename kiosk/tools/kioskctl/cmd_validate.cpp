// kioskctl validate DIR / kioskctl info DIR

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/bundle/bundle_validate.h"
#include "core/bundle/content_loader.h"
#include "publish_checks.h"
#include "report.h"

namespace kioskctl {
namespace {

namespace fs = std::filesystem;

struct ContentArgs {
  std::string bundle;
  std::string locales;
  bool json = false;
  bool all_warnings = false;
};

void add_content_options(CLI::App* cmd, ContentArgs& a) {
  cmd->add_option("DIR", a.bundle, "bundle folder (holds bundle.yaml)")->required();
  cmd->add_option("--locales", a.locales, "folder of UI catalogs (default: found next to the bundle)");
  cmd->add_flag("--json", a.json, "print JSON for machines");
}

std::optional<kiosk::Content> load(const ContentArgs& a) {
  const auto locales = kiosk::locales_dir_for(a.locales, a.bundle);
  if (!locales) {
    fmt::print(stderr, "error: cannot find the UI catalogs (locales/*.yaml); give --locales DIR\n");
    return std::nullopt;
  }
  return kiosk::load_content(a.bundle, *locales, publish_checks());
}

nlohmann::json summary_json(const kiosk::Content& c) {
  const auto& b = c.bundle;
  std::map<std::string, int> per_category;
  for (const auto& s : b.services) ++per_category[s.category];
  std::size_t with_hours = 0, step_free = 0, free_of_charge = 0;
  for (const auto& s : b.services) {
    with_hours += !s.opening_hours.empty();
    step_free += s.wheelchair == kiosk::Wheelchair::yes;
    free_of_charge += s.fees == kiosk::Fees::free;
  }
  nlohmann::json coverage = nlohmann::json::object();
  for (const auto& cov : kiosk::content_translation_coverage(b))
    coverage[cov.locale] = {{"translated", cov.translated}, {"total", cov.total}};
  return {{"id", b.id},
          {"version", b.version},
          {"timezone", b.timezone},
          {"locales", b.locales},
          {"services", b.services.size()},
          {"categories", b.categories.size()},
          {"services_per_category", per_category},
          {"announcements", b.announcements.size()},
          {"public_holidays", b.holidays.size()},
          {"kiosks", b.kiosks.size()},
          {"with_opening_hours", with_hours},
          {"step_free", step_free},
          {"free_of_charge", free_of_charge},
          {"translation_coverage", coverage},
          {"attribution", b.attribution}};
}

void print_summary(const kiosk::Content& c) {
  const auto& b = c.bundle;
  const auto j = summary_json(c);
  const auto* title = b.title.find("en") ? b.title.find("en") : b.title.find(b.default_locale);
  fmt::print("bundle {} version {}: {}\n", b.id, b.version, title ? *title : "");
  fmt::print("  time zone {}, holiday region {}, {} public holidays, {} kiosk places\n", b.timezone,
             b.holiday_region.empty() ? "-" : b.holiday_region, b.holidays.size(), b.kiosks.size());
  fmt::print("  {} services in {} categories ({} with opening hours, {} step-free, {} free of charge)\n",
             b.services.size(), b.categories.size(), j["with_opening_hours"].get<std::size_t>(),
             j["step_free"].get<std::size_t>(), j["free_of_charge"].get<std::size_t>());
  for (const auto& cat : b.categories) {
    const std::string* name = cat.name.find("en");
    fmt::print("    {:<16} {:>4}  {}\n", cat.id, j["services_per_category"].value(cat.id, 0), name ? *name : "");
  }
  fmt::print("  {} announcements\n", b.announcements.size());
  fmt::print("  locales (UI strings; content translated):\n");
  for (const auto& tag : b.locales) {
    const auto* cat = c.catalogs.find_for(tag);
    const auto& cov = j["translation_coverage"][tag];
    const auto total = cov["total"].get<std::size_t>();
    fmt::print("    {:<4} {:<12} {:<8} content {}/{}\n", tag, cat ? cat->info.english_name : "?",
               cat && cat->info.reviewed ? "reviewed" : "draft", cov["translated"].get<std::size_t>(), total);
  }
  fmt::print("  {}\n", b.attribution);
}

int run_validate(const ContentArgs& a) {
  auto c = load(a);
  if (!c) return exit_usage;
  if (a.json) {
    nlohmann::json out = {{"ok", c->ok()},
                          {"errors", c->diags.count(kiosk::Severity::error)},
                          {"warnings", c->diags.count(kiosk::Severity::warning)},
                          {"diagnostics", diagnostics_json(c->diags)}};
    if (c->ok()) out["summary"] = summary_json(*c);
    fmt::print("{}\n", out.dump(2));
  } else {
    print_diagnostics(stderr, c->diags, a.all_warnings ? SIZE_MAX : 10);
    fmt::print(stderr, "{}: {} errors, {} warnings; {}\n", a.bundle, c->diags.count(kiosk::Severity::error),
               c->diags.count(kiosk::Severity::warning), c->ok() ? "valid" : "INVALID: a kiosk will refuse it");
  }
  return c->ok() ? exit_ok : exit_invalid;
}

int run_info(const ContentArgs& a) {
  auto c = load(a);
  if (!c) return exit_usage;
  if (!c->ok()) {
    print_diagnostics(stderr, c->diags, 0);
    fmt::print(stderr, "{}: invalid; run 'kioskctl validate {}'\n", a.bundle, a.bundle);
    return exit_invalid;
  }
  if (a.json)
    fmt::print("{}\n", summary_json(*c).dump(2));
  else
    print_summary(*c);
  return exit_ok;
}

}  // namespace

void add_validate(CLI::App& app, Action& action) {
  auto args = std::make_shared<ContentArgs>();
  auto* cmd = app.add_subcommand("validate", "check a content bundle; exit 0 valid, 1 invalid, 2 usage error");
  add_content_options(cmd, *args);
  cmd->add_flag("--all-warnings", args->all_warnings, "print every warning, not the first ten of each kind");
  cmd->callback([&action, args] { action = [args] { return run_validate(*args); }; });
}

void add_info(CLI::App& app, Action& action) {
  auto args = std::make_shared<ContentArgs>();
  auto* cmd = app.add_subcommand("info", "summarise a valid content bundle");
  add_content_options(cmd, *args);
  cmd->callback([&action, args] { action = [args] { return run_info(*args); }; });
}

}  // namespace kioskctl
