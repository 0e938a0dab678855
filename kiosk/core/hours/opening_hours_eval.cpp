// Evaluation of parsed opening_hours, following the reference evaluator opening_hours.js rule by rule:
// a normal rule that matches a day replaces earlier rules for that day (unless it is closed, additional
// or a fallback); a range past midnight continues on the next day as a "wrapped" rule that never
// replaces anything; open ends ("18:00+") are unknown.

#include <algorithm>
#include <cmath>

#include "core/hours/civil_date.h"
#include "core/hours/opening_hours.h"
#include "core/hours/sun_times.h"

namespace kiosk {
namespace {

constexpr int day_minutes = 24 * 60;

enum class Match : std::uint8_t { no, yes, maybe };  // maybe: depends on school holidays we do not know

Match both(Match a, Match b) {
  if (a == Match::no || b == Match::no) return Match::no;
  return a == Match::maybe || b == Match::maybe ? Match::maybe : Match::yes;
}
Match either(Match a, Match b) {
  if (a == Match::yes || b == Match::yes) return Match::yes;
  return a == Match::maybe || b == Match::maybe ? Match::maybe : Match::no;
}

struct DayFacts {
  int day;  // day number
  Date date;
  int weekday;
};

DayFacts facts_of(int day) {
  return {day, civil_from_days(day), weekday_of(day)};
}

Match match_holiday(const HolidaySel& h, int day, const OhContext& ctx) {
  const int d = day - h.day_offset;
  if (!ctx.holidays) return h.school ? Match::maybe : Match::no;  // no list: no public holidays, school unknown
  if (!h.school) return ctx.holidays->is_public_holiday(d) ? Match::yes : Match::no;
  const auto s = ctx.holidays->is_school_holiday(d);
  if (!s) return Match::maybe;
  return *s ? Match::yes : Match::no;
}

bool match_weekday(const WeekdaySel& w, int day) {
  const int d = day - w.day_offset;
  const int wd = weekday_of(d);
  const bool in_range = w.from <= w.to ? (wd >= w.from && wd <= w.to) : (wd >= w.from || wd <= w.to);
  if (!in_range) return false;
  if (w.nth.empty()) return true;
  const Date date = civil_from_days(d);
  const int nth = (date.day - 1) / 7 + 1;
  const int nth_from_end = -((days_in_month(date.year, date.month) - date.day) / 7 + 1);
  return std::any_of(w.nth.begin(), w.nth.end(), [&](const NthRange& r) {
    const int n = r.from < 0 ? nth_from_end : nth;
    return n >= r.from && n <= r.to;
  });
}

int monthday_point_day(const MonthdayPoint& p, int year) {
  const int y = p.year ? p.year : year;
  int day = 0;
  switch (p.kind) {
    case MonthdayPoint::Kind::easter:
      day = days_from_civil(easter_sunday(y));
      break;
    case MonthdayPoint::Kind::date:
      // Feb 29 in a year without it: the reference rolls over to Mar 1, as JavaScript's Date does.
      day = days_from_civil({y, p.month, 1}) + p.day - 1;
      break;
    case MonthdayPoint::Kind::nth_weekday: {
      const int first = days_from_civil({y, p.month, 1});
      if (p.nth > 0) {
        day = first + (p.weekday - weekday_of(first) + 7) % 7 + (p.nth - 1) * 7;
      } else {
        const int last = first + days_in_month(y, p.month) - 1;
        day = last - (weekday_of(last) - p.weekday + 7) % 7 + (p.nth + 1) * 7;
      }
      break;
    }
  }
  return day + p.day_offset;
}

bool match_monthday(const MonthdayRange& r, const DayFacts& f) {
  const int year = f.date.year;
  if (!r.to) {
    if (r.from.year && r.from.year != year && r.from.kind != MonthdayPoint::Kind::date) return false;
    return monthday_point_day(r.from, year) == f.day;
  }
  if (r.from.year) {  // absolute range
    const int start = monthday_point_day(r.from, year);
    const int end = monthday_point_day(*r.to, r.to->year ? r.to->year : r.from.year);
    return f.day >= start && f.day <= end;
  }
  const int start = monthday_point_day(r.from, year);
  const int end = monthday_point_day(*r.to, year);
  if (start <= end) return f.day >= start && f.day <= end;
  // Wraps over the new year (Dec 24-Jan 06), or a moving end before its start.
  return f.day >= start || f.day <= end;
}

bool match_month(const MonthRange& r, const DayFacts& f) {
  if (r.year && r.year != f.date.year) return false;
  const int m = f.date.month;
  return r.from <= r.to ? (m >= r.from && m <= r.to) : (m >= r.from || m <= r.to);
}

bool match_year(const YearRange& r, int year) {
  if (r.open_ended) return year >= r.from;
  return year >= r.from && year <= r.to && (year - r.from) % r.step == 0;
}

bool match_week(const WeekRange& r, int day) {
  const int w = iso_week_of(day);
  const bool in = r.from <= r.to ? (w >= r.from && w <= r.to) : (w >= r.from || w <= r.to);
  const int since_start = w >= r.from ? w - r.from : w + 53 - r.from;
  return in && since_start % r.step == 0;
}

// Do the rule's date selectors select this day? Groups are all required; items within a group are
// alternatives.
Match match_date(const OhRule& r, int day, const OhContext& ctx) {
  const DayFacts f = facts_of(day);
  if (!r.years.empty() &&
      std::none_of(r.years.begin(), r.years.end(), [&](const YearRange& y) { return match_year(y, f.date.year); }))
    return Match::no;
  Match m = Match::yes;
  if (!r.holidays.empty()) {
    Match any = Match::no;
    for (const auto& h : r.holidays) any = either(any, match_holiday(h, day, ctx));
    m = both(m, any);
    if (m == Match::no) return m;
  }
  if (!r.months.empty() &&
      std::none_of(r.months.begin(), r.months.end(), [&](const MonthRange& x) { return match_month(x, f); }))
    return Match::no;
  if (!r.monthdays.empty() && std::none_of(r.monthdays.begin(), r.monthdays.end(),
                                           [&](const MonthdayRange& x) { return match_monthday(x, f); }))
    return Match::no;
  if (!r.weeks.empty() &&
      std::none_of(r.weeks.begin(), r.weeks.end(), [&](const WeekRange& x) { return match_week(x, day); }))
    return Match::no;
  if (!r.weekdays.empty()) {
    Match any = Match::no;
    for (const auto& w : r.weekdays) {
      if (const auto* wd = std::get_if<WeekdaySel>(&w))
        any = either(any, match_weekday(*wd, day) ? Match::yes : Match::no);
      else
        any = either(any, match_holiday(std::get<HolidaySel>(w), day, ctx));
      if (any == Match::yes) break;
    }
    m = both(m, any);
  }
  return m;
}

// Minutes after local midnight of a variable time on a day, as the reference computes them: the sun
// event on that local day, cut to the minute, plus the offset.
int resolve_var(VarTime v, int fallback, int offset, int day, const OhContext& ctx) {
  if (v == VarTime::none) return fallback;
  if (!ctx.lat || !ctx.lon || !ctx.zone) return fallback;
  const SunEvent ev = v == VarTime::dawn      ? SunEvent::dawn
                      : v == VarTime::sunrise ? SunEvent::sunrise
                      : v == VarTime::sunset  ? SunEvent::sunset
                                              : SunEvent::dusk;
  const double noon_utc = ctx.zone->to_utc({civil_from_days(day), 12 * 60});
  for (int probe : {0, -1, 1}) {
    const auto t = sun_event_utc_ms(noon_utc + probe * 86400000.0, *ctx.lat, *ctx.lon, ev);
    if (!t) continue;
    const LocalDateTime local = ctx.zone->to_local(*t);
    if (days_from_civil(local.date) == day) return local.minute_of_day + offset;
  }
  return fallback;
}

struct Resolved {
  int from, to;
  bool full_day;  // 00:00-24:00: the reference treats it as "always", with no next change
};

Resolved resolve(const TimeSpan& s, int day, const OhContext& ctx) {
  Resolved r{s.from, s.to, false};
  if (s.from_var != VarTime::none) r.from = resolve_var(s.from_var, s.from - s.from_offset, s.from_offset, day, ctx);
  if (s.to_var != VarTime::none) {
    r.to = resolve_var(s.to_var, s.to - s.to_offset, s.to_offset, day, ctx);
    if (r.to <= r.from) r.to += day_minutes;
  }
  r.full_day = s.from_var == VarTime::none && s.to_var == VarTime::none && s.from == 0 && s.to == day_minutes;
  return r;
}

bool in_day_part(const Resolved& r, int minute) {
  return minute >= r.from && minute < r.to;
}
// The part after midnight of a range that wraps, evaluated on the next day.
bool in_wrapped_part(const Resolved& r, int minute) {
  return r.to > day_minutes && minute < r.to - day_minutes;
}

struct Candidate {
  const OhRule* rule;
  bool wrapped;
  Match match;
};

bool wraps(const OhRule& r) {
  return std::any_of(r.times.begin(), r.times.end(), [](const TimeSpan& s) { return s.to > day_minutes; });
}

std::vector<Candidate> matching_rules(const OpeningHours& oh, const OhContext& ctx, int day) {
  std::vector<Candidate> out;
  for (std::size_t i = 0; i < oh.rules.size(); ++i) {
    const OhRule& r = oh.rules[i];
    const Match m = match_date(r, day, ctx);
    if (m != Match::no) {
      const bool opens = r.state == RuleState::open;
      const bool replaces = (r.has_date_selectors() || (i > 0 && opens && !oh.rules[i - 1].has_date_selectors())) &&
                            r.state != RuleState::closed && !r.additional && !r.fallback && m == Match::yes;
      if (replaces) out.clear();
      out.push_back({&r, false, m});
    }
    if (wraps(r)) {
      const Match wm = match_date(r, day - 1, ctx);
      if (wm != Match::no) out.push_back({&r, true, wm});
    }
  }
  return out;
}

OhState state_from(const std::vector<Candidate>& rules, const OhContext& ctx, int day, int minute) {
  RuleState state = RuleState::closed;
  bool open_end = false;
  const OhRule* match_rule = nullptr;
  auto is_set = [&] { return state != RuleState::closed; };
  auto apply = [&](const Candidate& c) {
    state = c.match == Match::maybe ? RuleState::unknown : c.rule->state;
    match_rule = c.rule;
  };
  for (const Candidate& c : rules) {
    const OhRule& r = *c.rule;
    const bool may_apply = !r.fallback || !is_set();
    if (!c.wrapped && r.times.empty()) {
      if (may_apply) {
        apply(c);
        open_end = false;
      }
      continue;
    }
    const int span_day = c.wrapped ? day - 1 : day;
    for (std::size_t k = 0; k < r.times.size(); ++k) {
      const TimeSpan& span = r.times[k];
      const Resolved res = resolve(span, span_day, ctx);
      const bool hit = c.wrapped ? in_wrapped_part(res, minute) : in_day_part(res, minute);
      if (!hit || !(!r.fallback || !is_set())) continue;
      apply(c);
      open_end = false;
      if (span.open_end && state != RuleState::closed) {
        state = RuleState::unknown;
        open_end = true;
        // The reference's rule for "07:00+,12:00-16:00": an open end followed by a range that is
        // not on now, and that was already on a minute ago, counts as closed.
        if (!c.wrapped && k + 1 < r.times.size()) {
          const Resolved next = resolve(r.times[k + 1], span_day, ctx);
          const bool next_has_change = !next.full_day;
          const int before = (minute + day_minutes - 1) % day_minutes;
          if (!in_day_part(next, minute) && next_has_change && in_day_part(res, before)) {
            state = RuleState::closed;
            open_end = false;
          }
        }
      }
    }
  }
  OhState out;
  out.state = state;
  if (match_rule && !match_rule->comment.empty())
    out.comment = match_rule->comment;
  else if (open_end)
    out.comment = "open end";
  return out;
}

}  // namespace

std::string_view rule_state_name(RuleState s) {
  switch (s) {
    case RuleState::open:
      return "open";
    case RuleState::closed:
      return "closed";
    case RuleState::unknown:
      break;
  }
  return "unknown";
}

OhState evaluate_at(const OpeningHours& oh, const OhContext& ctx, const LocalDateTime& t) {
  const int day = days_from_civil(t.date);
  return state_from(matching_rules(oh, ctx, day), ctx, day, t.minute_of_day);
}

std::vector<DayInterval> evaluate_day(const OpeningHours& oh, const OhContext& ctx, const Date& date) {
  const int day = days_from_civil(date);
  const auto rules = matching_rules(oh, ctx, day);
  // The state can only change where a range of a matching rule starts or ends, or a minute after
  // (the open-end rule looks one minute back).
  std::vector<int> cuts = {0};
  for (const Candidate& c : rules) {
    for (const TimeSpan& span : c.rule->times) {
      const Resolved r = resolve(span, c.wrapped ? day - 1 : day, ctx);
      for (int x : {r.from, r.to, r.from + 1, r.to + 1}) {
        const int m = c.wrapped ? x - day_minutes : x;
        if (m > 0 && m < day_minutes) cuts.push_back(m);
      }
    }
  }
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  std::vector<DayInterval> out;
  for (std::size_t i = 0; i < cuts.size(); ++i) {
    const int end = i + 1 < cuts.size() ? cuts[i + 1] : day_minutes;
    OhState s = state_from(rules, ctx, day, cuts[i]);
    if (!out.empty() && out.back().state == s)
      out.back().end = end;
    else
      out.push_back({cuts[i], end, std::move(s)});
  }
  return out;
}

std::optional<LocalDateTime> next_change(const OpeningHours& oh, const OhContext& ctx, const LocalDateTime& t,
                                         int horizon_days) {
  const OhState now = evaluate_at(oh, ctx, t);
  const int start_day = days_from_civil(t.date);
  for (int d = 0; d <= horizon_days; ++d) {
    const int day = start_day + d;
    for (const DayInterval& iv : evaluate_day(oh, ctx, civil_from_days(day))) {
      if (d == 0 && iv.end <= t.minute_of_day) continue;
      if (iv.state != now)
        return LocalDateTime{civil_from_days(day), d == 0 ? std::max(iv.start, t.minute_of_day) : iv.start};
    }
  }
  return std::nullopt;
}

}  // namespace kiosk
