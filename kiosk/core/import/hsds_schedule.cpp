#include "core/import/hsds_schedule.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <tuple>
#include <utility>

#include "core/hours/civil_date.h"
#include "core/model/model.h"

namespace kiosk {
namespace {

constexpr std::array<const char*, 7> osm_days = {"Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"};
constexpr std::array<const char*, 7> ical_days = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};
constexpr std::array<const char*, 12> months = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

struct Span {
  int from = 0, to = 0;  // minutes; `to` past 1440 runs into the next day
  auto operator<=>(const Span&) const = default;
};

using Window = std::optional<std::pair<Date, Date>>;  // the dates a schedule is valid on; none: always

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::string upper(std::string s) {
  for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return s;
}

std::vector<std::string> split_commas(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= s.size()) {
    const auto comma = s.find(',', start);
    const std::string item = trim(s.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
    if (!item.empty()) out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

bool digits(const std::string& s, std::size_t at, std::size_t n) {
  if (at + n > s.size()) return false;
  for (std::size_t i = at; i < at + n; ++i)
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  return true;
}

int number(const std::string& s, std::size_t at, std::size_t n) {
  return std::atoi(s.substr(at, n).c_str());
}

// YYYY-MM-DD, also the date part of a date-time ("2025-01-01T00:00:00").
std::optional<Date> parse_date(const std::string& text) {
  const std::string s = trim(text);
  if (s.size() < 10 || !digits(s, 0, 4) || s[4] != '-' || !digits(s, 5, 2) || s[7] != '-' || !digits(s, 8, 2))
    return std::nullopt;
  if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
  const Date d{number(s, 0, 4), number(s, 5, 2), number(s, 8, 2)};
  if (d.month < 1 || d.month > 12 || d.day < 1 || d.day > days_in_month(d.year, d.month)) return std::nullopt;
  return d;
}

std::string format_time(int minutes) {
  if (minutes > 24 * 60) minutes -= 24 * 60;  // "22:00-02:00" runs past midnight
  return fmt::format("{:02}:{:02}", minutes / 60, minutes % 60);
}

std::string format_spans(const std::vector<Span>& spans) {
  std::vector<std::string> out;
  for (const auto& s : spans) out.push_back(fmt::format("{}-{}", format_time(s.from), format_time(s.to)));
  return fmt::format("{}", fmt::join(out, ","));
}

// Runs of three or more days as ranges ("Mo-Fr"), shorter ones listed ("Sa,Su").
std::string format_days(const std::array<bool, 7>& days) {
  std::vector<std::string> out;
  for (int d = 0; d < 7;) {
    if (!days[static_cast<std::size_t>(d)]) {
      ++d;
      continue;
    }
    int end = d;
    while (end + 1 < 7 && days[static_cast<std::size_t>(end + 1)]) ++end;
    if (end - d >= 2) {
      out.push_back(
          fmt::format("{}-{}", osm_days[static_cast<std::size_t>(d)], osm_days[static_cast<std::size_t>(end)]));
    } else {
      for (int i = d; i <= end; ++i) out.emplace_back(osm_days[static_cast<std::size_t>(i)]);
    }
    d = end + 1;
  }
  return fmt::format("{}", fmt::join(out, ","));
}

std::string format_date(const Date& d) {
  return fmt::format("{} {} {:02}", d.year, months[static_cast<std::size_t>(d.month - 1)], d.day);
}

std::string iso(const Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string window_prefix(const Window& w) {
  if (!w) return {};
  return fmt::format("{}-{} ", format_date(w->first), format_date(w->second));
}

// Overlapping or touching spans of one day become one.
std::vector<Span> merged(std::vector<Span> spans) {
  std::sort(spans.begin(), spans.end());
  std::vector<Span> out;
  for (const auto& s : spans) {
    if (!out.empty() && s.from <= out.back().to)
      out.back().to = std::max(out.back().to, s.to);
    else
      out.push_back(s);
  }
  return out;
}

struct ByDay {
  int weekday = 0;  // 0 = Monday
  int nth = 0;      // 0: every such day; 1..5 or -5..-1 within the month
};

std::optional<ByDay> parse_byday(const std::string& token) {
  const std::string t = upper(token);
  if (t.size() < 2) return std::nullopt;
  const std::string day = t.substr(t.size() - 2);
  const auto it = std::find(ical_days.begin(), ical_days.end(), day);
  if (it == ical_days.end()) return std::nullopt;
  ByDay b;
  b.weekday = static_cast<int>(it - ical_days.begin());
  std::string ord = t.substr(0, t.size() - 2);
  if (ord.empty()) return b;
  int sign = 1;
  if (ord[0] == '+' || ord[0] == '-') {
    sign = ord[0] == '-' ? -1 : 1;
    ord.erase(0, 1);
  }
  if (ord.empty() || ord.size() > 2 || !digits(ord, 0, ord.size())) return std::nullopt;
  b.nth = sign * std::atoi(ord.c_str());
  return b;
}

// One schedule, read: the days it names, its times and the dates it is valid on.
struct Reading {
  std::vector<ByDay> days;
  Span span;
  Window window;
};

class Converter {
 public:
  explicit Converter(ScheduleConversion& out) : out_(out) {}

  std::optional<Reading> read(const HsdsSchedule& s) {
    id_ = s.id;
    Reading r;
    if (!read_times(s, r.span)) return std::nullopt;

    const std::string freq = upper(trim(s.freq));
    if (freq == "YEARLY") return warn("freq YEARLY cannot be said in opening_hours; left out");
    if (!freq.empty() && freq != "WEEKLY" && freq != "MONTHLY" && freq != "DAILY")
      return error(fmt::format("freq '{}' is not WEEKLY or MONTHLY", s.freq));
    if (const std::string interval = trim(s.interval); !interval.empty() && interval != "1") {
      char* end = nullptr;
      const double n = std::strtod(interval.c_str(), &end);
      if (end == interval.c_str() || *end != '\0' || n < 1 || n != std::floor(n))
        return error(fmt::format("interval '{}' is not a whole number of at least 1", s.interval));
      if (n != 1)
        return warn(fmt::format("repeats every {} {}, which opening_hours cannot say; left out", interval,
                                freq == "MONTHLY" ? "months"
                                : freq == "DAILY" ? "days"
                                                  : "weeks"));
    }
    if (!trim(s.byweekno).empty())
      return warn(fmt::format("weeks of the year (byweekno {}) are not converted; left out", trim(s.byweekno)));
    if (!trim(s.byyearday).empty())
      return warn(fmt::format("days of the year (byyearday {}) are not converted; left out", trim(s.byyearday)));
    if (!trim(s.bymonthday).empty())
      return warn(fmt::format("days of the month (bymonthday {}) cannot be said in opening_hours; left out",
                              trim(s.bymonthday)));

    if (!read_window(s, r.window)) return std::nullopt;

    for (const auto& token : split_commas(s.byday)) {
      const auto b = parse_byday(token);
      if (!b) return error(fmt::format("byday '{}' is not a list of MO, TU, WE, TH, FR, SA, SU", s.byday));
      if (b->nth != 0 && (b->nth < -5 || b->nth > 5 || freq != "MONTHLY")) {
        if (freq != "MONTHLY")
          return warn(
              fmt::format("byday '{}' counts weekdays within a month, but freq is not MONTHLY; left out", token));
        return error(fmt::format("byday '{}': the n-th weekday of a month must be 1 to 5 or -1 to -5", token));
      }
      r.days.push_back(*b);
    }
    if (r.days.empty()) {
      if (freq == "MONTHLY") return warn("freq MONTHLY without byday names no days; left out");
      if (freq == "WEEKLY") {
        // RFC 5545: a weekly rule without BYDAY repeats on the weekday of its first day.
        const auto start = parse_date(s.dtstart);
        if (!start) return warn("freq WEEKLY names no days (no byday, no dtstart); left out");
        r.days.push_back({weekday_of(days_from_civil(*start)), 0});
      } else {
        if (freq.empty()) warn_only("no freq or byday: read as every day");
        for (int d = 0; d < 7; ++d) r.days.push_back({d, 0});
      }
    }
    if (!trim(s.count).empty())
      warn_only(fmt::format("count {} is left out: the hours are written without an end", trim(s.count)));
    return r;
  }

 private:
  bool read_times(const HsdsSchedule& s, Span& span) {
    const std::string opens = trim(s.opens_at), closes = trim(s.closes_at);
    if (opens.empty() && closes.empty()) {
      if (!trim(s.description).empty())
        warn(fmt::format("only a description ('{}'), no opens_at and closes_at; left out", trim(s.description)));
      else
        warn("no opens_at and closes_at; left out");
      return false;
    }
    if (opens.empty() || closes.empty()) {
      warn(fmt::format("{} but no {}; left out", opens.empty() ? "closes_at" : "opens_at",
                       opens.empty() ? "opens_at" : "closes_at"));
      return false;
    }
    bool offset_o = false, offset_c = false;
    const int o = parse_hsds_time(opens, &offset_o);
    const int c = parse_hsds_time(closes, &offset_c);
    if (o < 0 || c < 0) {
      error(fmt::format("{} '{}' is not a time (HH:MM)", o < 0 ? "opens_at" : "closes_at", o < 0 ? opens : closes));
      return false;
    }
    // The kiosk reads hours in the bundle's time zone, with its daylight saving time; a fixed UTC offset
    // cannot be turned into that, and publishers write the local opening time with it.
    if (offset_o || offset_c) warn_only("the UTC offsets of opens_at/closes_at are dropped: times are read as local");
    span.from = o == 24 * 60 ? 0 : o;
    span.to = c;
    // HSDS recommends 00:00-23:59 for "all day"; 00:00 as a closing time is midnight at the day's end.
    if (span.to == 23 * 60 + 59 || span.to == 0) span.to = 24 * 60;
    if (span.to == span.from) {
      error(fmt::format("opens_at and closes_at are both {}", opens));
      return false;
    }
    if (span.to < span.from) span.to += 24 * 60;  // past midnight
    return true;
  }

  bool read_window(const HsdsSchedule& s, Window& window) {
    std::optional<Date> from, to;
    for (const auto& [name, value, is_start] :
         {std::tuple{"valid_from", &s.valid_from, true}, std::tuple{"dtstart", &s.dtstart, true},
          std::tuple{"valid_to", &s.valid_to, false}, std::tuple{"until", &s.until, false}}) {
      if (trim(*value).empty()) continue;
      const auto d = parse_date(*value);
      if (!d) {
        error(fmt::format("{} '{}' is not a date (YYYY-MM-DD)", name, trim(*value)));
        return false;
      }
      auto& slot = is_start ? from : to;
      if (!slot || (is_start ? *d > *slot : *d < *slot)) slot = d;
    }
    if (from && to) {
      if (*to < *from) {
        error(fmt::format("ends ({}) before it starts ({})", iso(*to), iso(*from)));
        return false;
      }
      window = std::pair{*from, *to};
    } else if (from || to) {
      warn_only(fmt::format("valid {} {} only: the date is left out, the hours are written as always valid",
                            from ? "from" : "until", iso(from ? *from : *to)));
    }
    return true;
  }

  std::nullopt_t warn(const std::string& what) {
    warn_only(what);
    return std::nullopt;
  }
  void warn_only(const std::string& what) { out_.warnings.push_back(fmt::format("schedule '{}': {}", id_, what)); }
  std::nullopt_t error(const std::string& what) {
    out_.errors.push_back(fmt::format("schedule '{}': {}", id_, what));
    return std::nullopt;
  }

  ScheduleConversion& out_;
  std::string id_;
};

// The weekly rules of one validity window: days with the same hours share a rule.
std::vector<std::string> weekly_rules(const Window& window, const std::array<std::vector<Span>, 7>& per_day) {
  std::map<std::vector<Span>, std::array<bool, 7>> by_hours;
  for (std::size_t d = 0; d < 7; ++d) {
    if (per_day[d].empty()) continue;
    by_hours[merged(per_day[d])][d] = true;
  }
  std::vector<std::pair<std::array<bool, 7>, std::vector<Span>>> groups;
  for (const auto& [spans, days] : by_hours) groups.emplace_back(days, spans);
  // In week order: the group with the earliest day first.
  std::sort(groups.begin(), groups.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
  std::vector<std::string> rules;
  for (const auto& [days, spans] : groups) {
    const bool every_day = std::all_of(days.begin(), days.end(), [](bool b) { return b; });
    if (!window && every_day && spans == std::vector<Span>{{0, 24 * 60}})
      rules.emplace_back("24/7");
    else
      rules.push_back(
          fmt::format("{}{} {}", window_prefix(window), every_day ? "Mo-Su" : format_days(days), format_spans(spans)));
  }
  return rules;
}

}  // namespace

int parse_hsds_time(const std::string& text, bool* had_offset) {
  const std::string s = trim(text);
  std::size_t i = 0;
  while (i < s.size() && i < 2 && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
  if (i == 0 || i >= s.size() || s[i] != ':' || !digits(s, i + 1, 2)) return -1;
  const int h = number(s, 0, i), m = number(s, i + 1, 2);
  i += 3;
  if (i < s.size() && s[i] == ':') {  // seconds are dropped
    if (!digits(s, i + 1, 2) || number(s, i + 1, 2) > 59) return -1;
    i += 3;
    if (i < s.size() && s[i] == '.') {
      ++i;
      while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) ++i;
    }
  }
  bool offset = false;
  if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
    offset = true;
    ++i;
  } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    offset = true;
    if (!digits(s, i + 1, 2)) return -1;
    i += 3;
    if (i < s.size() && s[i] == ':') ++i;
    if (i < s.size()) {
      if (!digits(s, i, 2)) return -1;
      i += 2;
    }
  }
  if (i != s.size() || m > 59 || h > 24 || (h == 24 && m != 0)) return -1;
  if (had_offset) *had_offset = offset;
  return h * 60 + m;
}

ScheduleConversion schedules_to_opening_hours(const std::vector<HsdsSchedule>& schedules) {
  ScheduleConversion out;
  Converter converter(out);
  std::map<Window, std::array<std::vector<Span>, 7>> weekly;
  std::vector<std::string> monthly;  // n-th weekday rules
  for (const auto& s : schedules) {
    const auto r = converter.read(s);
    if (!r) continue;
    std::map<int, std::set<int>> nths;  // weekday -> n
    for (const auto& d : r->days) {
      if (d.nth == 0)
        weekly[r->window][static_cast<std::size_t>(d.weekday)].push_back(r->span);
      else
        nths[d.weekday].insert(d.nth);
    }
    for (const auto& [weekday, ns] : nths) {
      const std::string rule =
          fmt::format("{}{}[{}] {}", window_prefix(r->window), osm_days[static_cast<std::size_t>(weekday)],
                      fmt::join(ns, ","), format_spans({r->span}));
      if (std::find(monthly.begin(), monthly.end(), rule) == monthly.end()) monthly.push_back(rule);
    }
  }
  // Rules without dates name disjoint days and are joined with "; ". Everything else is added with ", ":
  // an opening_hours rule after "; " would replace the hours of the days it names, but in HSDS a dated
  // or monthly schedule adds to the others.
  std::vector<std::string> base, added;
  for (const auto& [window, per_day] : weekly) {
    auto rules = weekly_rules(window, per_day);
    (window ? added : base).insert((window ? added : base).end(), rules.begin(), rules.end());
  }
  added.insert(added.end(), monthly.begin(), monthly.end());
  out.opening_hours =
      fmt::format("{}{}{}", fmt::join(base, "; "), base.empty() || added.empty() ? "" : ", ", fmt::join(added, ", "));
  return out;
}

}  // namespace kiosk
