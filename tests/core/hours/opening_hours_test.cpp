// Every syntax feature of opening_hours, evaluated at chosen local times. Expected states follow the
// specification and the reference evaluator (the differential test checks real data against it).

#include "core/hours/opening_hours.h"

#include <catch2/catch.hpp>

#include <tuple>

#include "core/hours/civil_date.h"
#include "core/hours/time_zone.h"
#include "core/yaml/yaml_read.h"

using namespace kiosk;

namespace {

// 2026: Jan 1 Thu; Nov 26 Thu; Dec 24 Thu; Easter Apr 5; DST Mar 29 and Oct 25.
HolidayCalendar nrw_2026() {
  HolidayCalendar c;
  for (Date d :
       {Date{2026, 1, 1}, Date{2026, 4, 3}, Date{2026, 4, 6}, Date{2026, 5, 1}, Date{2026, 12, 25}, Date{2026, 12, 26}})
    c.public_days.push_back(days_from_civil(d));
  c.school = {{days_from_civil({2026, 10, 17}), days_from_civil({2026, 10, 31})}};
  c.school_known_from = days_from_civil({2026, 1, 1});
  c.school_known_until = days_from_civil({2026, 12, 31});
  return c;
}

struct Eval {
  HolidayCalendar calendar = nrw_2026();
  std::optional<ZoneClock> zone = ZoneClock::create("Europe/Berlin");
  OhContext ctx{&calendar, std::nullopt, std::nullopt, nullptr};

  OpeningHours parse(const std::string& v) const {
    auto r = parse_opening_hours(v);
    if (auto* e = std::get_if<OhParseError>(&r)) FAIL("parse error in '" << v << "': " << e->message);
    return std::get<OpeningHours>(r);
  }
  std::string at(const std::string& v, const std::string& when) const {
    const auto t = parse_date_time(when);
    REQUIRE(t);
    return std::string(rule_state_name(evaluate_at(parse(v), ctx, *t).state));
  }
  std::string next(const std::string& v, const std::string& when) const {
    const auto n = next_change(parse(v), ctx, *parse_date_time(when));
    return n ? format_local_iso(*n) : "none";
  }
};

std::string error_of(const std::string& v) {
  auto r = parse_opening_hours(v);
  const auto* e = std::get_if<OhParseError>(&r);
  if (!e) return "no error";
  return "column " + std::to_string(e->column) + ": " + e->message;
}

}  // namespace

TEST_CASE("weekdays, ranges, lists and times", "[hours]") {
  Eval e;
  CHECK(e.at("Mo-Fr 08:00-18:00", "2026-11-26T10:00") == "open");
  CHECK(e.at("Mo-Fr 08:00-18:00", "2026-11-26T18:00") == "closed");  // the end is exclusive
  CHECK(e.at("Mo-Fr 08:00-18:00", "2026-11-26T07:59") == "closed");
  CHECK(e.at("Mo-Fr 08:00-18:00", "2026-11-28T10:00") == "closed");  // Saturday
  CHECK(e.at("Mo,We,Fr 09:00-12:00", "2026-11-25T10:00") == "open");
  CHECK(e.at("Mo,We,Fr 09:00-12:00", "2026-11-26T10:00") == "closed");
  CHECK(e.at("Fr-Mo 10:00-12:00", "2026-11-29T11:00") == "open");  // a range over the week's end
  CHECK(e.at("Mo-Fr 08:00-12:00,13:00-17:00", "2026-11-26T12:30") == "closed");
  CHECK(e.at("Mo-Fr 08:00-12:00,13:00-17:00", "2026-11-26T13:30") == "open");
  CHECK(e.at("10:00-20:00", "2026-11-29T19:59") == "open");
  CHECK(e.at("Mo-Su 8:30-9:00", "2026-11-26T08:45") == "open");  // single-digit hours, as the reference
  CHECK(e.at("mo-fr 08:00-18:00", "2026-11-26T10:00") == "open");
  CHECK(e.at("Mo-Fr 8-18", "2026-11-26T17:30") == "open");  // whole hours without minutes
}

TEST_CASE("24/7, past midnight and open ends", "[hours]") {
  Eval e;
  CHECK(e.at("24/7", "2026-11-26T03:00") == "open");
  CHECK(e.next("24/7", "2026-11-26T03:00") == "none");
  CHECK(e.at("Fr 22:00-02:00", "2026-11-27T23:00") == "open");
  CHECK(e.at("Fr 22:00-02:00", "2026-11-28T01:59") == "open");  // Saturday night, from Friday's rule
  CHECK(e.at("Fr 22:00-02:00", "2026-11-28T02:00") == "closed");
  CHECK(e.at("Fr 22:00-02:00", "2026-11-27T01:00") == "closed");
  CHECK(e.at("Mo-Sa 20:00-26:00", "2026-11-27T01:00") == "open");  // extended hours
  CHECK(e.at("Mo-Fr 17:00+", "2026-11-26T18:00") == "unknown");    // open end: closing time not known
  CHECK(e.at("Mo-Fr 17:00+", "2026-11-26T16:00") == "closed");
  CHECK(e.at("Mo-Fr 10:00+", "2026-11-26T23:00") == "unknown");
  CHECK(e.at("Mo-Fr 12:00-15:00,17:00+", "2026-11-26T13:00") == "open");
  CHECK(e.at("08:00-08:00", "2026-11-26T03:00") == "open");  // equal ends: the whole day
}

TEST_CASE("rules: later rules replace earlier ones for their days", "[hours]") {
  Eval e;
  const std::string v = "Mo-Fr 10:00-20:00; We 10:00-16:00";
  CHECK(e.at(v, "2026-11-25T17:00") == "closed");
  CHECK(e.at(v, "2026-11-26T17:00") == "open");
  // A closed rule only closes what it names.
  CHECK(e.at("Mo-Fr 08:00-18:00; We 12:00-14:00 off", "2026-11-25T13:00") == "closed");
  CHECK(e.at("Mo-Fr 08:00-18:00; We 12:00-14:00 off", "2026-11-25T15:00") == "open");
  // Additional rules (',') add to the previous one instead of replacing it.
  CHECK(e.at("Mo-Fr 09:00-12:00, We 14:00-16:00", "2026-11-25T10:00") == "open");
  CHECK(e.at("Mo-Fr 09:00-12:00; We 14:00-16:00", "2026-11-25T10:00") == "closed");
  // A rule of only times replaces one before it that is also only times.
  CHECK(e.at("12:00-15:00; 18:00-23:00", "2026-11-26T13:00") == "closed");
  // A range past midnight is replaced on the next day by that day's own rule.
  CHECK(e.at("Mo-Fr 22:00-02:00; Sa 10:00-12:00", "2026-11-28T01:00") == "closed");
}

TEST_CASE("state modifiers and comments", "[hours]") {
  Eval e;
  CHECK(e.at("Mo-Fr 09:00-21:00; Sa unknown", "2026-11-28T10:00") == "unknown");
  CHECK(e.at("Mo-Fr 09:00-12:00 \"by appointment\"", "2026-11-26T10:00") == "unknown");
  CHECK(e.at("Mo-Fr 09:00-12:00 open \"walk in\"", "2026-11-26T10:00") == "open");
  CHECK(e.at("Mo-Fr closed", "2026-11-26T10:00") == "closed");
  CHECK(e.at("off", "2026-11-26T10:00") == "closed");
  const auto oh = e.parse("Mo-Fr 09:00-12:00 open \"walk in\"");
  CHECK(evaluate_at(oh, e.ctx, {{2026, 11, 26}, 600}).comment == "walk in");
}

TEST_CASE("fallback rules apply only where nothing else does", "[hours]") {
  Eval e;
  const std::string v = "Mo-Th 08:00-19:00; Fr 08:00-17:00 || \"by appointment\"";
  CHECK(e.at(v, "2026-11-26T10:00") == "open");
  CHECK(e.at(v, "2026-11-26T20:00") == "unknown");
  CHECK(e.at(v, "2026-11-28T10:00") == "unknown");
}

TEST_CASE("public and school holidays", "[hours]") {
  Eval e;
  const std::string v = "Mo-Fr 08:00-18:00; PH off";
  CHECK(e.at(v, "2026-12-25T10:00") == "closed");  // Friday, Christmas Day
  CHECK(e.at(v, "2026-12-24T10:00") == "open");
  CHECK(e.at("Mo-Sa 09:00-20:00; Su,PH 10:00-14:00", "2026-01-01T12:00") == "open");
  CHECK(e.at("Mo-Sa 09:00-20:00; Su,PH 10:00-14:00", "2026-01-01T15:00") == "closed");
  CHECK(e.at("PH -1 day 10:00-12:00", "2026-12-24T11:00") == "open");  // the day before a holiday
  CHECK(e.at("PH +1 day 10:00-12:00", "2026-12-27T11:00") == "open");
  CHECK(e.at("SH Mo-Fr 10:00-12:00", "2026-10-20T11:00") == "open");
  CHECK(e.at("SH Mo-Fr 10:00-12:00", "2026-11-24T11:00") == "closed");
  CHECK(e.at("Mo-Fr 08:00-18:00; SH off", "2026-10-20T11:00") == "closed");
  // Where the bundle lists no school holidays, SH is unknown rather than guessed.
  Eval none;
  none.ctx.holidays = nullptr;
  CHECK(none.at("Mo-Fr 08:00-18:00; SH off", "2026-11-24T11:00") == "unknown");
  CHECK(none.at("Mo-Fr 08:00-18:00; PH off", "2026-12-25T11:00") == "open");  // no list: no holidays
}

TEST_CASE("nth weekdays, months, dates, easter, years and weeks", "[hours]") {
  Eval e;
  CHECK(e.at("Sa[1] 10:00-14:00", "2026-12-05T11:00") == "open");
  CHECK(e.at("Sa[1] 10:00-14:00", "2026-12-12T11:00") == "closed");
  CHECK(e.at("Su[-1] 10:00-14:00", "2026-11-29T11:00") == "open");  // last Sunday of November
  CHECK(e.at("Sa[2,4] 10:00-13:00", "2026-11-28T11:00") == "open");
  CHECK(e.at("Mo[1-2] 10:00-13:00", "2026-11-09T11:00") == "open");
  CHECK(e.at("Apr-Oct 08:00-20:00; Nov-Mar 08:00-18:00", "2026-11-26T19:00") == "closed");
  CHECK(e.at("Apr-Oct 08:00-20:00; Nov-Mar 08:00-18:00", "2026-10-26T19:00") == "open");
  CHECK(e.at("Nov-Feb 10:00-12:00", "2026-01-15T11:00") == "open");         // over the new year
  CHECK(e.at("Dec 24-26 off; 08:00-18:00", "2026-12-24T10:00") == "open");  // the later rule wins
  CHECK(e.at("08:00-18:00; Dec 24-26 off", "2026-12-24T10:00") == "closed");
  CHECK(e.at("08:00-18:00; Dec 24-Jan 06 off", "2026-01-03T10:00") == "closed");
  CHECK(e.at("08:00-18:00; Dec 25,26 off", "2026-12-26T10:00") == "closed");
  CHECK(e.at("08:00-18:00; Jan 01-Sep 30,Dec 25-Dec 30 Sa 09:00-13:00", "2026-12-26T15:00") == "closed");
  CHECK(e.at("easter 10:00-12:00", "2026-04-05T11:00") == "open");
  CHECK(e.at("easter -2 days 10:00-12:00", "2026-04-03T11:00") == "open");
  CHECK(e.at("Mar Su[-1]-Oct Su[-1] -1 day: 09:00-23:00", "2026-10-24T22:00") == "open");
  CHECK(e.at("Mar Su[-1]-Oct Su[-1] -1 day: 09:00-23:00", "2026-10-25T22:00") == "closed");
  CHECK(e.at("2026 10:00-12:00", "2026-05-05T11:00") == "open");
  CHECK(e.at("2025-2027/2 10:00-12:00", "2026-05-05T11:00") == "closed");
  CHECK(e.at("2026+ 10:00-12:00", "2026-05-05T11:00") == "open");
  CHECK(e.at("2026 Dec 24 10:00-12:00", "2026-12-24T11:00") == "open");
  CHECK(e.at("week 48 10:00-12:00", "2026-11-26T11:00") == "open");  // ISO week 48
  CHECK(e.at("week 01-53/2 10:00-12:00", "2026-11-26T11:00") == "closed");
  CHECK(e.at("Apr-Oct: Mo-Su 11:00-24:00", "2026-06-01T23:00") == "open");
}

TEST_CASE("sun times at the kiosk's place, or the usual defaults", "[hours]") {
  Eval e;
  CHECK(e.at("sunrise-sunset", "2026-11-26T17:30") == "open");  // no place: 06:00-18:00
  e.ctx.lat = 50.7753;
  e.ctx.lon = 6.0839;
  e.ctx.zone = &*e.zone;
  CHECK(e.at("sunrise-sunset", "2026-11-26T17:30") == "closed");  // sunset in Aachen is 16:37
  CHECK(e.at("sunrise-sunset", "2026-11-26T16:30") == "open");
  CHECK(e.next("sunrise-sunset", "2026-11-26T12:00") == "2026-11-26T16:37");
  CHECK(e.at("(sunrise+01:00)-(sunset-01:00)", "2026-06-21T20:30") == "open");  // sunset 21:58 CEST
  CHECK(e.at("(sunrise+01:00)-(sunset-01:00)", "2026-06-21T21:00") == "closed");
  CHECK(e.at("dusk-dawn", "2026-06-21T23:00") == "open");
}

TEST_CASE("next change, also across days and daylight saving", "[hours]") {
  Eval e;
  CHECK(e.next("Mo-Fr 08:00-18:00", "2026-11-26T10:00") == "2026-11-26T18:00");
  CHECK(e.next("Mo-Fr 08:00-18:00", "2026-11-27T19:00") == "2026-11-30T08:00");
  CHECK(e.next("Fr 22:00-02:00", "2026-11-27T23:00") == "2026-11-28T02:00");
  CHECK(e.next("Mo-Fr 08:00-18:00; PH off", "2026-12-24T19:00") == "2026-12-28T08:00");
  CHECK(e.next("off", "2026-11-26T10:00") == "none");
  // 29 March 2026: clocks go from 02:00 to 03:00. Wall-clock rules still hold.
  CHECK(e.at("Su 01:00-04:00", "2026-03-29T03:30") == "open");
  CHECK(e.next("Su 01:00-04:00", "2026-03-29T01:30") == "2026-03-29T04:00");
  CHECK(e.at("Su 03:00-05:00", "2026-03-29T03:00") == "open");
  // 25 October 2026: 02:00-03:00 happens twice; the state at a wall-clock time is the same both times.
  CHECK(e.at("Su 02:00-02:30", "2026-10-25T02:15") == "open");
  CHECK(e.next("Sa 22:00-03:00", "2026-10-24T23:00") == "2026-10-25T03:00");
}

TEST_CASE("time zones: instants and wall-clock times in the bundle's zone", "[hours][tz]") {
  const auto berlin = ZoneClock::create("Europe/Berlin");
  REQUIRE(berlin);
  CHECK_FALSE(ZoneClock::create("Europe/Aachen"));
  // 2026-03-29 01:00 UTC is 03:00 CEST; 00:59 UTC is 01:59 CET.
  const double t = days_from_civil({2026, 3, 29}) * 86400000.0 + 60 * 60000.0;
  CHECK(format_local_iso(berlin->to_local(t)) == "2026-03-29T03:00");
  CHECK(format_local_iso(berlin->to_local(t - 60000)) == "2026-03-29T01:59");
  // A wall-clock time in the skipped hour is read as the time after it.
  CHECK(format_local_iso(berlin->to_local(berlin->to_utc({{2026, 3, 29}, 150}))) == "2026-03-29T03:30");
  const auto tokyo = ZoneClock::create("Asia/Tokyo");
  CHECK(format_local_iso(tokyo->to_local(t)) == "2026-03-29T10:00");
}

TEST_CASE("errors name the column and what was expected", "[hours][errors]") {
  CHECK(error_of("Mo-Fr 08:00-18:0O") == "column 17: expected a digit");
  CHECK(error_of("Mo-Fr 08:00-18:00") == "no error");
  CHECK(error_of("Mo-Fr 08:00") == "column 12: expected '-' (a time range) or '+' (open end) after the time");
  CHECK(error_of("Mo-Fr 08:60-18:00") == "column 10: minutes must be 00 to 59");
  CHECK(error_of("Mo-Fr 25:00-26:00") == "column 7: a time range must start before 24:00");
  CHECK(error_of("Mo-Fr 08:00-50:00") == "column 13: a time range may not span more than two midnights");
  CHECK(error_of("Mo-So 08:00-18:00") == "column 4: unknown word 'So'; write Su");
  CHECK(error_of("Nach Vereinbarung") ==
        "column 1: unexpected 'Nach'; expected a weekday (Mo-Su), month (Jan-Dec), "
        "PH, SH, a time, open, closed, off, unknown or a \"comment\"");
  CHECK(error_of("Mo-Fr 08:00-18:00 \"open") == "column 19: the comment has no closing '\"'");
  CHECK(error_of("") == "column 1: the value is empty");
  CHECK(error_of("Sa[6] 10:00-12:00") == "column 4: the nth weekday must be 1 to 5 (or -1 to -5)");
  CHECK(error_of("\xFF") == "column 1: invalid UTF-8");
}

TEST_CASE("a time range is written in one form: whole hours at both ends, or minutes at both", "[hours][errors]") {
  // What opening_hours.js refuses, we refuse: read as hours, a typo would show "open" at a wrong time.
  CHECK(error_of("8-6:30") ==
        "column 1: the start of the range needs minutes when its end has them: write 08:00-06:30");
  CHECK(error_of("Mo-Fr 12:00-15") == "column 13: the end of the range needs minutes: write 15:00");
  CHECK(error_of("8:00-18") == "column 6: the end of the range needs minutes: write 18:00");
  CHECK(error_of("08-18:00") ==
        "column 1: the start of the range needs minutes when its end has them: write 08:00-18:00");
  CHECK(error_of("sunrise-18") == "column 9: the end of the range needs minutes: write 18:00");
  CHECK(error_of("8-sunset") ==
        "column 1: the start of the range needs minutes when its end has them: write 08:00-sunset");
  CHECK(error_of("Mo 10+") == "column 4: an open end needs minutes: write 10:00+");
  CHECK(error_of("(sunrise+1)-18:00") == "column 10: an offset needs minutes: write +01:00");
  // Deliberately kept: whole hours at both ends, ranges of either form side by side, minutes everywhere.
  CHECK(error_of("Mo-Fr 8-18") == "no error");
  CHECK(error_of("08-24") == "no error");
  CHECK(error_of("09:00-18:00,19-20") == "no error");
  CHECK(error_of("18:00-sunset") == "no error");
  CHECK(error_of("(sunrise+1:00)-18:00") == "no error");
  CHECK(error_of("10:00+") == "no error");
}

TEST_CASE("a day as intervals", "[hours]") {
  Eval e;
  // As the reference evaluates "13:00-17:00+": the open end is unknown for its first minute, then the
  // following range's end counts as closing (its "07:00+,12:00-16:00" rule); the open end of the day
  // before reaches into the small hours.
  const auto day = evaluate_day(e.parse("Mo-Fr 08:00-12:00,13:00-17:00+"), e.ctx, {2026, 11, 26});
  std::vector<std::tuple<int, int, RuleState>> got;
  for (const auto& iv : day) got.emplace_back(iv.start, iv.end, iv.state.state);
  const std::vector<std::tuple<int, int, RuleState>> want = {
      {0, 180, RuleState::unknown},   {180, 480, RuleState::closed}, {480, 720, RuleState::open},
      {720, 780, RuleState::closed},  {780, 1020, RuleState::open},  {1020, 1021, RuleState::unknown},
      {1021, 1440, RuleState::closed}};
  CHECK(got == want);
}
