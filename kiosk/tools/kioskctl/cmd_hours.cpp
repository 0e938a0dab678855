// kioskctl hours: evaluate an opening_hours value at a local time, or many from stdin (--batch).

#include <fmt/format.h>

#include <iostream>
#include <memory>
#include <unordered_map>

#include "commands.h"
#include "core/bundle/bundle_loader.h"
#include "core/hours/holiday_calendar.h"
#include "core/hours/opening_hours.h"
#include "core/hours/time_zone.h"

namespace kioskctl {
namespace {

struct HoursArgs {
  std::string tz;
  std::string holidays;
  std::optional<double> lat, lon;
  std::string at;
  bool batch = false;
  std::string value;
};

int run_hours(const HoursArgs& a) {
  auto zone = kiosk::ZoneClock::create(a.tz);
  if (!zone) {
    fmt::print(stderr, "error: '{}' is not an IANA time zone\n", a.tz);
    return exit_usage;
  }
  kiosk::HolidayCalendar calendar;
  if (!a.holidays.empty()) {
    kiosk::Bundle b;
    kiosk::Diagnostics diags;
    if (!kiosk::load_holidays_file(a.holidays, b, diags)) {
      for (const auto& d : diags.items) fmt::print(stderr, "{}\n", kiosk::format_diagnostic(d));
      return exit_usage;
    }
    calendar = kiosk::holiday_calendar_from(b);
  }
  kiosk::OhContext ctx;
  ctx.holidays = a.holidays.empty() ? nullptr : &calendar;
  ctx.lat = a.lat;
  ctx.lon = a.lon;
  ctx.zone = &*zone;

  if (a.batch) {
    // Equal values are parsed once: real data repeats a few hundred distinct values many times.
    std::unordered_map<std::string, std::variant<kiosk::OpeningHours, kiosk::OhParseError>> cache;
    std::string line, out;
    while (std::getline(std::cin, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      const auto tab = line.rfind('\t');
      auto when = tab == std::string::npos ? std::nullopt : kiosk::parse_local_iso(line.substr(tab + 1));
      if (!when) {
        out += "error: expected VALUE<TAB>YYYY-MM-DDTHH:MM\n";
        continue;
      }
      const std::string value = line.substr(0, tab);
      auto it = cache.find(value);
      if (it == cache.end()) it = cache.emplace(value, kiosk::parse_opening_hours(value)).first;
      if (const auto* err = std::get_if<kiosk::OhParseError>(&it->second)) {
        out += fmt::format("error: column {}: {}\n", err->column, err->message);
        continue;
      }
      const auto state = kiosk::evaluate_at(std::get<kiosk::OpeningHours>(it->second), ctx, *when);
      out += kiosk::rule_state_name(state.state);
      out += '\n';
    }
    std::fwrite(out.data(), 1, out.size(), stdout);
    return exit_ok;
  }

  auto when = kiosk::parse_local_iso(a.at);
  if (!when) {
    fmt::print(stderr, "error: --at '{}' is not YYYY-MM-DDTHH:MM\n", a.at);
    return exit_usage;
  }
  auto parsed = kiosk::parse_opening_hours(a.value);
  if (const auto* err = std::get_if<kiosk::OhParseError>(&parsed)) {
    fmt::print("error: column {}: {}\n", err->column, err->message);
    return exit_invalid;
  }
  const auto& oh = std::get<kiosk::OpeningHours>(parsed);
  const auto state = kiosk::evaluate_at(oh, ctx, *when);
  fmt::print("{}\n", kiosk::rule_state_name(state.state));
  if (auto next = kiosk::next_change(oh, ctx, *when)) {
    // A change inside the hour skipped when clocks go forward happens at the clock time after it.
    const auto shown = zone->to_local(zone->to_utc(*next));
    fmt::print("next: {}\n", kiosk::format_local_iso(shown));
  } else {
    fmt::print("next: none\n");
  }
  if (!state.comment.empty()) fmt::print("comment: {}\n", state.comment);
  return exit_ok;
}

}  // namespace

void add_hours(CLI::App& app, Action& action) {
  auto args = std::make_shared<HoursArgs>();
  auto* cmd =
      app.add_subcommand("hours", "evaluate an OSM opening_hours value: open/closed/unknown and the next change");
  cmd->add_option("--tz", args->tz, "IANA time zone the times are in, e.g. Europe/Berlin")->required();
  cmd->add_option("--holidays", args->holidays, "holidays.yaml with public (PH) and school (SH) holidays")
      ->check(CLI::ExistingFile);
  cmd->add_option("--lat", args->lat, "latitude, for sunrise/sunset/dawn/dusk");
  cmd->add_option("--lon", args->lon, "longitude, for sunrise/sunset/dawn/dusk");
  auto* at = cmd->add_option("--at", args->at, "local time YYYY-MM-DDTHH:MM");
  auto* batch = cmd->add_flag("--batch", args->batch, "read VALUE<TAB>YYYY-MM-DDTHH:MM lines from stdin");
  auto* value = cmd->add_option("VALUE", args->value, "the opening_hours value");
  at->excludes(batch);
  batch->excludes(value);
  cmd->callback([&action, args, at, value] {
    if (!args->batch && (at->count() == 0 || value->count() == 0))
      throw CLI::ValidationError("hours", "give --at TIME VALUE, or --batch");
    if ((args->lat.has_value()) != (args->lon.has_value()))
      throw CLI::ValidationError("hours", "--lat and --lon go together");
    action = [args] { return run_hours(*args); };
  });
}

}  // namespace kioskctl
