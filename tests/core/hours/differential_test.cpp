// Our engine against the reference evaluator opening_hours.js, on every distinct opening_hours value
// of the sample city's OpenStreetMap data, at a few hundred instants over a year. The full list of
// disagreements is written to hours_differential_report.txt in the build folder.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <map>
#include <sstream>

#include "core/bundle/bundle_loader.h"
#include "core/hours/civil_date.h"
#include "core/hours/holiday_calendar.h"
#include "core/hours/opening_hours.h"
#include "core/hours/time_zone.h"
#include "support/test_support.h"

using namespace kiosk;

namespace {

std::vector<LocalDateTime> instants_2026() {
  std::vector<LocalDateTime> out;
  auto at = [&](int y, int m, int d, int hh, int mm) { out.push_back({{y, m, d}, hh * 60 + mm}); };
  // Every other day, at times that cycle through typical opening and closing minutes.
  static constexpr int times[][2] = {{0, 0},   {7, 59},  {8, 0},  {9, 30},  {11, 59}, {12, 0}, {13, 0},
                                     {14, 30}, {17, 59}, {18, 0}, {18, 30}, {19, 30}, {21, 0}, {23, 59}};
  const int first = days_from_civil({2026, 1, 1});
  for (int i = 0; i < 365; i += 2) {
    const Date d = civil_from_days(first + i);
    const auto& t = times[static_cast<std::size_t>(i / 2) % std::size(times)];
    at(d.year, d.month, d.day, t[0], t[1]);
  }
  // Public holidays in NRW, and the evenings before them.
  for (auto [m, d] :
       {std::pair{1, 1}, {4, 3}, {4, 6}, {5, 1}, {5, 14}, {5, 25}, {6, 4}, {10, 3}, {11, 1}, {12, 25}, {12, 26}}) {
    at(2026, m, d, 10, 0);
    at(2026, m, d, 15, 0);
    const Date before = civil_from_days(days_from_civil({2026, m, d}) - 1);
    at(before.year, before.month, before.day, 20, 0);
  }
  // Daylight saving: 29 March (02:00 -> 03:00) and 25 October (03:00 -> 02:00).
  at(2026, 3, 28, 23, 30), at(2026, 3, 29, 1, 59), at(2026, 3, 29, 3, 0), at(2026, 3, 29, 3, 1), at(2026, 3, 29, 12, 0);
  at(2026, 10, 25, 1, 59), at(2026, 10, 25, 2, 0), at(2026, 10, 25, 2, 30), at(2026, 10, 25, 3, 0);
  at(2026, 10, 25, 12, 0);
  // Christmas Eve, New Year's Eve, Easter weekend, month and year boundaries, first Saturdays.
  at(2026, 12, 24, 12, 0), at(2026, 12, 24, 15, 0), at(2026, 12, 31, 12, 0), at(2026, 12, 31, 15, 0);
  at(2026, 4, 4, 20, 0), at(2026, 4, 5, 12, 0), at(2026, 4, 2, 23, 0);
  at(2026, 3, 31, 23, 30), at(2026, 4, 1, 0, 30), at(2026, 10, 31, 23, 0), at(2026, 11, 1, 1, 0);
  at(2026, 12, 5, 11, 0), at(2026, 12, 12, 11, 0), at(2026, 2, 7, 19, 30), at(2026, 2, 14, 19, 30);
  // Nights of a weekend, past midnight.
  for (int d : {27, 28, 29}) {
    at(2026, 11, d, 1, 0);
    at(2026, 11, d, 2, 30);
    at(2026, 11, d, 4, 30);
    at(2026, 11, d, 22, 30);
  }
  // Minute boundaries of one ordinary Thursday.
  for (auto [h, m] : {std::pair{6, 59},
                      {7, 0},
                      {8, 29},
                      {8, 30},
                      {9, 59},
                      {10, 0},
                      {12, 29},
                      {12, 30},
                      {14, 59},
                      {15, 0},
                      {16, 29},
                      {16, 30},
                      {19, 59},
                      {20, 0},
                      {22, 0}})
    at(2026, 11, 26, h, m);
  return out;
}

}  // namespace

TEST_CASE("agrees with opening_hours.js on the sample city's values", "[hours][differential]") {
  const auto values =
      test::non_empty_lines(test::read_text(test::fixtures_dir() / "opening_hours" / "aachen_values.txt"));
  REQUIRE(values.size() > 1000);
  const auto instants = instants_2026();

  std::string input;
  for (const auto& v : values)
    for (const auto& t : instants) input += v + '\t' + format_local_iso(t) + '\n';
  const auto ref =
      test::run_command({"/usr/bin/env", "TZ=Europe/Berlin", "node",
                         (test::source_dir() / "tests/core/hours/reference_eval.js").string(), KIOSK_REFERENCE_DIR},
                        input);
  INFO(ref.err);
  REQUIRE(ref.exit_code == 0);
  const auto expected = test::non_empty_lines(ref.out);
  REQUIRE(expected.size() == values.size() * instants.size());

  Bundle b;
  Diagnostics diags;
  REQUIRE(load_holidays_file(test::sample_bundle() / "holidays.yaml", b, diags));
  const HolidayCalendar calendar = holiday_calendar_from(b);
  const auto zone = ZoneClock::create("Europe/Berlin");
  REQUIRE(zone);
  OhContext ctx{&calendar, 50.7753, 6.0839, &*zone};

  std::size_t pairs = 0, agree = 0, pairs_outside_sh = 0, agree_outside_sh = 0;
  std::map<std::string, std::vector<std::string>> disagreements;  // value -> "instant: ours vs reference"
  std::size_t k = 0;
  for (const auto& v : values) {
    const auto parsed = parse_opening_hours(v);
    for (const auto& t0 : instants) {
      // JavaScript's Date moves a time in the skipped hour forward; evaluate the same wall time.
      const LocalDateTime t = zone->to_local(zone->to_utc(t0));
      std::string ours = "error";
      if (const auto* oh = std::get_if<OpeningHours>(&parsed))
        ours = std::string(rule_state_name(evaluate_at(*oh, ctx, t).state));
      const std::string& theirs = expected[k++];
      const bool same = ours == theirs;
      const bool school = calendar.is_school_holiday(days_from_civil(t.date)).value_or(false);
      ++pairs;
      agree += same;
      if (!school) {
        ++pairs_outside_sh;
        agree_outside_sh += same;
      }
      if (!same)
        disagreements[v].push_back(fmt::format("{}: ours {}, reference {}", format_local_iso(t), ours, theirs));
    }
  }
  const double score = static_cast<double>(agree) / static_cast<double>(pairs);
  const double score_outside = static_cast<double>(agree_outside_sh) / static_cast<double>(pairs_outside_sh);
  std::ofstream report("hours_differential_report.txt");
  report << fmt::format(
      "{} values x {} instants = {} pairs\nagreement: {:.4f}% overall, {:.4f}% outside school "
      "holidays\n{} values with disagreements\n\n",
      values.size(), instants.size(), pairs, 100 * score, 100 * score_outside, disagreements.size());
  for (const auto& [v, list] : disagreements) {
    report << v << "  (" << list.size() << ")\n";
    for (std::size_t i = 0; i < list.size() && i < 6; ++i) report << "    " << list[i] << "\n";
  }
  WARN(
      fmt::format("opening_hours.js agreement: {:.4f}% of {} pairs ({:.4f}% outside school holidays); "
                  "{} values differ somewhere",
                  100 * score, pairs, 100 * score_outside, disagreements.size()));
  CHECK(score_outside >= 0.995);
}
