// kioskctl i18n check (coverage: cmd_i18n_coverage.cpp)

#include <fmt/format.h>

#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/base/data_paths.h"
#include "core/i18n/i18n_catalog.h"
#include "core/i18n/i18n_check.h"
#include "report.h"

namespace kioskctl {
namespace {

struct I18nArgs {
  std::string locales;  // empty: found from the current folder up, else the data folder
  bool json = false;
};

int run_check(const I18nArgs& a) {
  kiosk::Diagnostics diags;
  const std::filesystem::path dir = kiosk::locales_dir_for(a.locales, ".").value_or("locales");
  const kiosk::Catalogs catalogs = kiosk::load_catalogs(dir, diags);
  kiosk::check_catalogs(catalogs, diags);
  if (a.json) {
    nlohmann::json locales = nlohmann::json::array();
    for (const auto& c : catalogs.locales)
      locales.push_back({{"tag", c.info.tag},
                         {"native_name", c.info.native_name},
                         {"english_name", c.info.english_name},
                         {"direction", c.info.rtl ? "rtl" : "ltr"},
                         {"status", c.info.reviewed ? "reviewed" : "draft"},
                         {"messages", c.messages.size()}});
    fmt::print("{}\n", nlohmann::json{{"ok", !diags.has_errors() && diags.items.empty()},
                                      {"locales", locales},
                                      {"diagnostics", diagnostics_json(diags)}}
                           .dump(2));
  } else {
    print_diagnostics(stderr, diags, SIZE_MAX);
    const auto* en = catalogs.find(kiosk::Catalogs::source_locale);
    for (const auto& c : catalogs.locales)
      fmt::print("{:<5} {:<20} {:<10} {:>3}/{} messages, {}\n", c.info.tag, c.info.english_name,
                 c.info.reviewed ? "reviewed" : "draft", c.messages.size(), en ? en->messages.size() : 0,
                 c.info.rtl ? "rtl" : "ltr");
    fmt::print(stderr, "{} locales: {} errors, {} warnings\n", catalogs.locales.size(),
               diags.count(kiosk::Severity::error), diags.count(kiosk::Severity::warning));
  }
  return diags.items.empty() ? exit_ok : exit_invalid;
}

}  // namespace

void add_i18n(CLI::App& app, Action& action) {
  auto* i18n = app.add_subcommand("i18n", "translations of the UI strings");
  i18n->require_subcommand(1);
  auto args = std::make_shared<I18nArgs>();
  auto* check = i18n->add_subcommand(
      "check", "missing and extra keys, MessageFormat errors, placeholders and plural forms per locale");
  check->add_option("--locales", args->locales,
                    "folder of UI catalogs (default: locales/ here or above, else installed)");
  check->add_flag("--json", args->json, "print JSON for machines");
  check->callback([&action, args] { action = [args] { return run_check(*args); }; });
  add_i18n_coverage(*i18n, action);
}

}  // namespace kioskctl
