// kioskctl facts export / import / report: the facts worksheet for people who check services by phone
// and on visits and keep their work in spreadsheets.

#include <fmt/format.h>

#include <chrono>
#include <filesystem>
#include <memory>
#include <nlohmann/json.hpp>

#include "commands.h"
#include "core/base/file_io.h"
#include "core/base/suggest.h"
#include "core/bundle/content_loader.h"
#include "core/facts/csv_table.h"
#include "core/facts/facts_import.h"
#include "core/facts/facts_report.h"
#include "core/facts/facts_sheet.h"
#include "core/hours/time_zone.h"
#include "core/yaml/yaml_read.h"
#include "report.h"

namespace kioskctl {
namespace {

namespace fs = std::filesystem;

struct FactsArgs {
  std::string bundle = ".";
  std::string locales;
  std::string out;
  std::string sheet;
  std::string category;
  std::string locale;
  std::string separator = ",";
  std::string today;  // YYYY-MM-DD; default: today in the bundle's time zone
  bool bom = false;
  bool json = false;
  bool dry_run = false;
};

// The bundle and catalogs, valid: a worksheet is made from and written into a bundle that loads.
std::optional<kiosk::Content> load_valid(const FactsArgs& a) {
  const fs::path locales = kiosk::locales_dir_for(a.locales, a.bundle).value_or("locales");
  auto c = kiosk::load_content(a.bundle, locales);
  if (!c.ok()) {
    print_diagnostics(stderr, c.diags, 3);
    fmt::print(stderr, "error: {} is invalid; fix it first (kioskctl validate {})\n", a.bundle, a.bundle);
    return std::nullopt;
  }
  return c;
}

std::optional<kiosk::Date> today_of(const FactsArgs& a, const kiosk::Bundle& b) {
  if (!a.today.empty()) {
    auto d = kiosk::parse_date(a.today);
    if (!d) fmt::print(stderr, "error: --today is YYYY-MM-DD\n");
    return d;
  }
  const auto zone = kiosk::ZoneClock::create(b.timezone);
  const double now_ms = static_cast<double>(
      std::chrono::duration_cast<std::chrono::milliseconds>(std::chrono::system_clock::now().time_since_epoch())
          .count());
  return zone ? zone->to_local(now_ms).date : std::optional<kiosk::Date>();
}

int run_export(const FactsArgs& a) {
  const auto c = load_valid(a);
  if (!c) return exit_invalid;
  const std::string locale = a.locale.empty() ? c->bundle.default_locale : a.locale;
  if (!c->catalogs.find_for(locale)) {
    fmt::print(stderr, "error: --locale {}: there are no UI strings for it\n", locale);
    return exit_usage;
  }
  if (!a.category.empty() && !c->bundle.find_category(a.category)) {
    std::vector<std::string> ids;
    for (const auto& cat : c->bundle.categories) ids.push_back(cat.id);
    const auto near = kiosk::closest_match(a.category, ids);
    fmt::print(stderr, "error: --category {}: no such category{}\n", a.category,
               near.empty() ? "" : fmt::format("; did you mean '{}'?", near));
    return exit_usage;
  }
  if (a.separator.size() != 1 || std::string_view(",;\t").find(a.separator[0]) == std::string_view::npos) {
    fmt::print(stderr, "error: --separator is ',' or ';' or a tab\n");
    return exit_usage;
  }
  const auto words = kiosk::sheet_words(c->catalogs, locale);
  const auto rows = kiosk::facts_sheet(c->bundle, words, a.category);
  kiosk::write_file_durably(a.out, kiosk::write_csv(rows, a.separator[0], a.bom));
  fmt::print("wrote {} services to {} ({}); after editing: kioskctl facts import {} --bundle {}\n",
             rows.size() - kiosk::fact_column_count - 2, a.out, locale, a.out, a.bundle);
  return exit_ok;
}

int run_import(const FactsArgs& a) {
  const auto c = load_valid(a);
  if (!c) return exit_invalid;
  const auto today = today_of(a, c->bundle);
  if (!today) return exit_usage;
  std::string text;
  try {
    text = kiosk::read_file(a.sheet, std::size_t(64) << 20);
  } catch (const std::exception& e) {
    fmt::print(stderr, "error: {}\n", e.what());
    return exit_usage;
  }
  const auto table = kiosk::read_csv(text);
  if (const auto* e = std::get_if<kiosk::CsvError>(&table)) {
    fmt::print(stderr, "{}:{}:1: error: {}\nnothing was written\n", a.sheet, e->row, e->message);
    return exit_invalid;
  }
  const auto plan = kiosk::plan_facts_import(std::get<kiosk::CsvTable>(table), a.sheet, c->bundle, c->catalogs, *today);
  if (!plan.ok()) {
    print_diagnostics(stderr, plan.diags, 1000);
    fmt::print(stderr, "{} errors; nothing was written\n", plan.diags.count(kiosk::Severity::error));
    return exit_invalid;
  }
  if (!a.dry_run) kiosk::write_facts_import(plan);
  if (a.json) {
    nlohmann::json updates = nlohmann::json::array();
    for (const auto& u : plan.updates) {
      nlohmann::json changes = nlohmann::json::array();
      for (const auto& ch : u.changes) changes.push_back({{"key", ch.key}, {"before", ch.before}, {"after", ch.after}});
      updates.push_back({{"id", u.id}, {"file", u.file}, {"row", u.row}, {"changes", changes}});
    }
    fmt::print("{}\n",
               nlohmann::json{
                   {"locale", plan.locale}, {"written", !a.dry_run}, {"files", plan.files.size()}, {"updates", updates}}
                   .dump(2));
    return exit_ok;
  }
  std::size_t facts = 0;
  for (const auto& u : plan.updates) {
    fmt::print("{} ({}, row {}):\n", u.id, u.file, u.row);
    for (const auto& ch : u.changes) {
      fmt::print("  {}: {} -> {}\n", ch.key, ch.before.empty() ? "(none)" : ch.before,
                 ch.after.empty() ? "(none)" : ch.after);
      facts += ch.key != "last_verified";
    }
  }
  fmt::print("{} {} changed facts in {} services, {} files{}\n", a.dry_run ? "would write" : "wrote", facts,
             plan.updates.size(), plan.files.size(), plan.updates.empty() ? " (the worksheet holds no changes)" : "");
  return exit_ok;
}

int run_report(const FactsArgs& a) {
  const auto c = load_valid(a);
  if (!c) return exit_invalid;
  const auto today = today_of(a, c->bundle);
  if (!today) return exit_usage;
  const auto r = kiosk::facts_report(c->bundle, *today);
  if (a.json) {
    nlohmann::json cats = nlohmann::json::array();
    for (const auto& cf : r.categories)
      cats.push_back({{"category", cf.category}, {"services", cf.services}, {"known", cf.known}});
    nlohmann::json due = nlohmann::json::array();
    for (const auto& d : r.due)
      due.push_back({{"id", d.id},
                     {"file", d.file},
                     {"line", d.line},
                     {"last_verified",
                      d.last_verified ? nlohmann::json(kiosk::format_iso_date(*d.last_verified)) : nlohmann::json()}});
    fmt::print("{}\n", nlohmann::json{{"today", kiosk::format_iso_date(*today)},
                                      {"every_months", r.every_months},
                                      {"due_before", kiosk::format_iso_date(r.due_before)},
                                      {"categories", cats},
                                      {"due", due}}
                           .dump(2));
    return exit_ok;
  }
  fmt::print("{:<16} {:>8}", "category", "services");
  for (auto f : kiosk::reported_facts) fmt::print(" {:>13}", f);
  fmt::print("\n");
  for (const auto& cf : r.categories) {
    fmt::print("{:<16} {:>8}", cf.category, cf.services);
    for (auto f : kiosk::reported_facts) {
      const int k = cf.known.find(f)->second;
      fmt::print(" {:>13}", cf.services ? fmt::format("{} ({}%)", k, 100 * k / cf.services) : "-");
    }
    fmt::print("\n");
  }
  std::size_t never = 0;
  for (const auto& d : r.due) never += !d.last_verified;
  fmt::print("\n{} services are due a check (every {} months: not checked since {}): {} never checked, {} older\n",
             r.due.size(), r.every_months, kiosk::format_iso_date(r.due_before), never, r.due.size() - never);
  for (const auto& d : r.due)
    if (d.last_verified)
      fmt::print("  {}:{}: {} last checked {}\n", d.file, d.line, d.id, kiosk::format_iso_date(*d.last_verified));
  return exit_ok;
}

}  // namespace

void add_facts(CLI::App& app, Action& action) {
  auto* facts = app.add_subcommand("facts", "the facts worksheet: export to CSV, import the checked sheet, report");
  facts->require_subcommand(1);
  auto args = std::make_shared<FactsArgs>();
  auto common = [&](CLI::App* cmd) {
    cmd->add_option("--bundle", args->bundle, "bundle folder (holds bundle.yaml)")->capture_default_str();
    cmd->add_option("--locales", args->locales, "folder of UI catalogs (default: found from the bundle)");
  };
  auto* ex = facts->add_subcommand("export", "one row per service, facts in the editor's language");
  common(ex);
  ex->add_option("--out", args->out, "the CSV file to write")->required();
  ex->add_option("--category", args->category, "only the services of this category");
  ex->add_option("--locale", args->locale, "language of headers and values (default: the bundle's default)");
  ex->add_option("--separator", args->separator, "',' (default) or ';' as many spreadsheet programs in Europe write");
  ex->add_flag("--bom", args->bom, "start with a UTF-8 byte order mark (Excel needs it to read UTF-8)");
  ex->callback([&action, args] { action = [args] { return run_export(*args); }; });

  auto* im = facts->add_subcommand("import", "write the checked facts back into the service files (all or nothing)");
  im->add_option("FILE", args->sheet, "the edited worksheet (CSV)")->required();
  common(im);
  im->add_option("--today", args->today, "the date set as last_verified (default: today in the bundle's time zone)");
  im->add_flag("--dry-run", args->dry_run, "check and show the changes, write nothing");
  im->add_flag("--json", args->json, "print the changes as JSON");
  im->callback([&action, args] { action = [args] { return run_import(*args); }; });

  auto* rep = facts->add_subcommand("report", "how many services have each fact known; which are due a check");
  common(rep);
  rep->add_option("--today", args->today, "the day to count from (default: today in the bundle's time zone)");
  rep->add_flag("--json", args->json, "print JSON for machines");
  rep->callback([&action, args] { action = [args] { return run_report(*args); }; });
}

}  // namespace kioskctl
