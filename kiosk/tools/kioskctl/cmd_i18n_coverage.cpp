// kioskctl i18n coverage --bundle DIR: per offered locale, the share of content texts and UI strings
// translated, and what is missing.

#include <fmt/format.h>

#include <cmath>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>

#include "commands.h"
#include "core/bundle/content_loader.h"
#include "core/bundle/i18n_coverage.h"
#include "report.h"

namespace kioskctl {
namespace {

namespace fs = std::filesystem;

struct CoverageArgs {
  std::string bundle;
  std::string locales;
  bool json = false;
  std::optional<std::size_t> missing;  // unset: all in JSON, table_missing in the table
};

constexpr std::size_t table_missing = 20;

// Rounded down, so that 100% and 1 mean complete and nothing else does.
double floor_to(double share, double steps) {
  return std::floor(share * steps) / steps;
}

std::string percent(std::size_t translated, std::size_t total) {
  return fmt::format("{:.1f}%", floor_to(kiosk::coverage_share(translated, total), 1000) * 100);
}

template <typename List, typename Fn>
nlohmann::json first_items(const List& list, std::size_t limit, Fn&& to_json) {
  nlohmann::json out = nlohmann::json::array();
  for (std::size_t i = 0; i < list.size() && i < limit; ++i) out.push_back(to_json(list[i]));
  return out;
}

nlohmann::json coverage_json(const CoverageArgs& a, const kiosk::I18nCoverage& cov) {
  const std::size_t limit = a.missing.value_or(SIZE_MAX);
  nlohmann::json locales = nlohmann::json::array();
  for (const auto& loc : cov.locales) {
    const auto& c = loc.content;
    const auto& ui = loc.ui;
    auto text = [](const kiosk::MissingTranslation& m) {
      return nlohmann::json{
          {"file", m.pos.file}, {"line", m.pos.line}, {"column", m.pos.col}, {"field", m.field}, {"what", m.what}};
    };
    auto key = [](const std::string& k) { return k; };
    locales.push_back({{"locale", loc.locale},
                       {"content",
                        {{"translated", c.translated},
                         {"total", c.total},
                         {"share", floor_to(kiosk::coverage_share(c.translated, c.total), 10000)},
                         {"missing", first_items(c.missing, limit, text)}}},
                       {"ui",
                        {{"translated", ui.translated},
                         {"total", ui.total},
                         {"share", floor_to(kiosk::coverage_share(ui.translated, ui.total), 10000)},
                         {"missing", first_items(ui.missing, limit, key)},
                         {"same_as_source", ui.same_as_source}}}});
  }
  return {{"bundle", a.bundle}, {"ui_source", cov.ui_source}, {"locales", locales}};
}

template <typename List, typename Fn>
void print_first(const List& list, std::size_t limit, Fn&& line) {
  for (std::size_t i = 0; i < list.size() && i < limit; ++i) fmt::print("    {}\n", line(list[i]));
  if (list.size() > limit) fmt::print("    … and {} more\n", list.size() - limit);
}

void print_table(const CoverageArgs& a, const kiosk::I18nCoverage& cov) {
  const std::size_t limit = a.missing.value_or(table_missing);
  const std::string source = cov.ui_source.empty() ? "-" : cov.ui_source;
  fmt::print("{:<7} {:<17}  {:<17}  {}\n", "locale", "content texts", "UI strings", "UI same as " + source);
  for (const auto& loc : cov.locales) {
    const auto& c = loc.content;
    const auto& ui = loc.ui;
    fmt::print("{:<7} {:>7} {:>9}  {:>7} {:>9}  {}\n", loc.locale, percent(c.translated, c.total),
               fmt::format("{}/{}", c.translated, c.total), percent(ui.translated, ui.total),
               fmt::format("{}/{}", ui.translated, ui.total), ui.same_as_source.size());
  }
  bool complete = true;
  for (const auto& loc : cov.locales) {
    if (loc.content.missing.empty() && loc.ui.missing.empty()) continue;
    complete = false;
    fmt::print("\nmissing in {}:\n", loc.locale);
    if (!loc.content.missing.empty()) {
      fmt::print("  {} content texts (paths in {}):\n", loc.content.missing.size(), a.bundle);
      print_first(loc.content.missing, limit, [](const kiosk::MissingTranslation& m) {
        return fmt::format("{}:{}:{}: {} ({})", m.pos.file, m.pos.line, m.pos.col, m.field, m.what);
      });
    }
    if (!loc.ui.missing.empty()) {
      fmt::print("  {} UI strings (message keys):\n", loc.ui.missing.size());
      print_first(loc.ui.missing, limit, [](const std::string& k) { return k; });
    }
  }
  if (complete) fmt::print("\nnothing missing: every offered locale has every content text and UI string\n");
}

int run_coverage(const CoverageArgs& a) {
  const auto locales = kiosk::locales_dir_for(a.locales, a.bundle);
  if (!locales) {
    fmt::print(stderr, "error: cannot find the UI catalogs (locales/*.yaml); give --locales DIR\n");
    return exit_usage;
  }
  const kiosk::Content c = kiosk::load_content(a.bundle, *locales);
  if (!c.ok()) {  // the kiosk would not show it at all
    print_diagnostics(stderr, c.diags, 0);
    fmt::print(stderr, "{}: invalid; run 'kioskctl validate {}'\n", a.bundle, a.bundle);
    return exit_invalid;
  }
  const kiosk::I18nCoverage cov = kiosk::i18n_coverage(c.bundle, c.catalogs);
  if (a.json)
    fmt::print("{}\n", coverage_json(a, cov).dump(2));
  else
    print_table(a, cov);
  return exit_ok;  // gaps are information: the kiosk falls back
}

}  // namespace

void add_i18n_coverage(CLI::App& i18n, Action& action) {
  auto args = std::make_shared<CoverageArgs>();
  auto* cmd = i18n.add_subcommand(
      "coverage", "per offered locale: content texts and UI strings translated, and what is missing; exit 0");
  cmd->add_option("--bundle", args->bundle, "bundle folder (holds bundle.yaml)")->required();
  cmd->add_option("--locales", args->locales, "folder of UI catalogs (default: found next to the bundle)");
  cmd->add_flag("--json", args->json, "print JSON for machines");
  cmd->add_option(
      "--missing", args->missing,
      fmt::format("list at most N missing items per locale (default: {} in the table, all in JSON)", table_missing));
  cmd->callback([&action, args] { action = [args] { return run_coverage(*args); }; });
}

}  // namespace kioskctl
