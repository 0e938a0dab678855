#pragma once
// The OpenStreetMap opening_hours syntax (wiki "Key:opening_hours/specification", 0.7.x): parsed once
// into rules, then evaluated cheaply and as the reference evaluator opening_hours.js does.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/hours/holiday_calendar.h"
#include "core/hours/time_zone.h"
#include "core/model/model.h"

namespace kiosk {

// ---- The parsed form --------------------------------------------------------------------------

enum class VarTime : std::uint8_t { none, dawn, sunrise, sunset, dusk };

struct TimeSpan {
  int from = 0;  // minutes after midnight; with var times, the default used when no location is known
  int to = 0;    // may exceed 1440 (past midnight, up to 2880)
  VarTime from_var = VarTime::none, to_var = VarTime::none;
  int from_offset = 0, to_offset = 0;  // "(sunrise+01:00)"
  bool open_end = false;               // "18:00+": the time after is "unknown", as the reference does
};

struct NthRange {
  int from = 1, to = 1;  // 1..5, or -5..-1 counted from the end of the month
};

struct WeekdaySel {
  int from = 0, to = 0;  // 0 = Monday; from > to wraps (Fr-Mo)
  std::vector<NthRange> nth;
  int day_offset = 0;
};

struct HolidaySel {
  bool school = false;  // SH, else PH
  int day_offset = 0;
};

struct MonthdayPoint {
  int year = 0;  // 0: every year
  enum class Kind : std::uint8_t { date, easter, nth_weekday } kind = Kind::date;
  int month = 1, day = 1;
  int weekday = 0, nth = 1;  // for "Mar Su[-1]"
  int day_offset = 0;
};

struct MonthdayRange {
  MonthdayPoint from;
  std::optional<MonthdayPoint> to;  // none: a single day
};

struct MonthRange {
  int year = 0;
  int from = 1, to = 1;
};

struct YearRange {
  int from = 0, to = 0, step = 1;
  bool open_ended = false;  // "2026+"
};

struct WeekRange {
  int from = 1, to = 1, step = 1;
};

enum class RuleState : std::uint8_t { open, closed, unknown };

// "open", "closed", "unknown": as kioskctl prints it and the reference evaluator's results are named.
std::string_view rule_state_name(RuleState s);

struct OhRule {
  std::vector<YearRange> years;
  std::vector<MonthRange> months;
  std::vector<MonthdayRange> monthdays;
  std::vector<WeekRange> weeks;
  std::vector<std::variant<WeekdaySel, HolidaySel>> weekdays;  // any of them ("Su,PH")
  std::vector<HolidaySel> holidays;                            // and any of these ("SH Mo-Fr")
  std::vector<TimeSpan> times;                                 // empty: the whole day
  RuleState state = RuleState::open;
  std::string comment;
  bool additional = false;  // after ','
  bool fallback = false;    // after '||'
  [[nodiscard]] bool has_date_selectors() const {
    return !years.empty() || !months.empty() || !monthdays.empty() || !weeks.empty() || !weekdays.empty() ||
           !holidays.empty();
  }
};

struct OpeningHours {
  std::vector<OhRule> rules;
};

struct OhParseError {
  int column = 0;  // 1-based, in code points
  std::string message;
};

// Parses a value; on failure the error names the column and what was expected.
std::variant<OpeningHours, OhParseError> parse_opening_hours(std::string_view value);

// ---- Evaluation -------------------------------------------------------------------------------

struct OhContext {
  const HolidayCalendar* holidays = nullptr;  // none: PH and SH are unknown
  std::optional<double> lat, lon;             // none: sunrise 06:00, sunset 18:00, dawn 05:30, dusk 18:30
  const ZoneClock* zone = nullptr;            // needed for sun times at a location
};

struct OhState {
  RuleState state = RuleState::closed;
  std::string comment;
  bool operator==(const OhState&) const = default;
};

// The state at a local wall-clock time.
OhState evaluate_at(const OpeningHours& oh, const OhContext& ctx, const LocalDateTime& t);

// A day as consecutive intervals [start, end) in minutes 0..1440 with their state.
struct DayInterval {
  int start = 0, end = 0;
  OhState state;
};
std::vector<DayInterval> evaluate_day(const OpeningHours& oh, const OhContext& ctx, const Date& day);

// The next local time after t at which the state differs from the state at t; nullopt when nothing
// changes within `horizon_days`.
std::optional<LocalDateTime> next_change(const OpeningHours& oh, const OhContext& ctx, const LocalDateTime& t,
                                         int horizon_days = 400);

}  // namespace kiosk
