#include "core/hours/hours_text.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/hours/civil_date.h"

namespace kiosk {
namespace {

constexpr int closes_soon_minutes = 60;  // below this, "Closes in N minutes" says more than a time

int minutes_between(const LocalDateTime& a, const LocalDateTime& b) {
  return (days_from_civil(b.date) - days_from_civil(a.date)) * 1440 + b.minute_of_day - a.minute_of_day;
}

std::string time_arg(const TimeFormat& tf, int minute) {
  const std::string t = tf.time(minute);
  return tf.rtl() ? isolate_ltr(t) : t;
}

}  // namespace

HoursStatus describe_hours(const OpeningHours* oh, const OhContext& ctx, const LocalDateTime& now,
                           const FormatContext& i18n, const TimeFormat& tf) {
  return describe_hours(oh, oh ? evaluate_at(*oh, ctx, now) : OhState{RuleState::unknown, {}}, ctx, now, i18n, tf);
}

HoursStatus describe_hours(const OpeningHours* oh, const OhState& state_now, const OhContext& ctx,
                           const LocalDateTime& now, const FormatContext& i18n, const TimeFormat& tf) {
  HoursStatus out;
  if (!oh) {
    out.text = translate(i18n, "hours.unknown");
    return out;
  }
  const OhState& s = state_now;
  out.state = s.state;
  if (s.comment != "open end") out.comment = s.comment;
  const auto next = next_change(*oh, ctx, now);
  switch (s.state) {
    case RuleState::unknown:
      out.text = translate(i18n, "hours.unknown");
      break;
    case RuleState::open: {
      if (!next) {
        out.text = translate(i18n, "hours.open_24_7");
        break;
      }
      const int left = minutes_between(now, *next);
      if (left <= closes_soon_minutes)
        out.text = translate(i18n, "hours.closes_in", {{"minutes", std::int64_t{left}}});
      else
        out.text = translate(i18n, "hours.open_until", {{"time", time_arg(tf, next->minute_of_day)}});
      break;
    }
    case RuleState::closed: {
      // The next time it opens (or becomes unknown, which we then say).
      std::optional<LocalDateTime> t = next;
      for (int guard = 0; t && guard < 8; ++guard) {
        const OhState later = evaluate_at(*oh, ctx, *t);
        if (later.state != RuleState::closed) break;
        t = next_change(*oh, ctx, *t);
      }
      if (!t || evaluate_at(*oh, ctx, *t).state != RuleState::open) {
        out.text = translate(i18n, "hours.closed");
        break;
      }
      const int days = days_from_civil(t->date) - days_from_civil(now.date);
      const std::string time = time_arg(tf, t->minute_of_day);
      if (days == 0)
        out.text = translate(i18n, "hours.opens_today", {{"time", time}});
      else if (days == 1)
        out.text = translate(i18n, "hours.opens_tomorrow", {{"time", time}});
      else if (days < 7)
        out.text = translate(i18n, "hours.opens_on", {{"weekday", tf.weekday(t->date)}, {"time", time}});
      else
        out.text = translate(i18n, "hours.opens_on", {{"weekday", tf.day_and_date(t->date)}, {"time", time}});
      break;
    }
  }
  return out;
}

std::vector<WeekRow> week_table(const OpeningHours& oh, const OhContext& ctx, const Date& from, const Date& today,
                                const FormatContext& i18n, const TimeFormat& tf) {
  std::vector<WeekRow> rows;
  const int first = days_from_civil(from);
  // One more day than shown, so that a range past the last midnight gets its end.
  std::vector<std::vector<DayInterval>> days;
  for (int i = 0; i < 8; ++i) days.push_back(evaluate_day(oh, ctx, civil_from_days(first + i)));
  for (int i = 0; i < 7; ++i) {
    WeekRow row;
    row.date = civil_from_days(first + i);
    row.day = tf.weekday(row.date);
    row.today = row.date == today;
    std::vector<std::string> ranges;
    bool unknown = false;
    for (const DayInterval& iv : days[static_cast<std::size_t>(i)]) {
      if (iv.state.state == RuleState::closed) continue;
      if (iv.start == 0 && i > 0) {
        // Continues the previous day's range past midnight: already shown there.
        const auto& prev = days[static_cast<std::size_t>(i - 1)];
        if (!prev.empty() && prev.back().end == 1440 && prev.back().state.state == iv.state.state) continue;
      }
      if (iv.state.state == RuleState::unknown) {
        unknown = true;
        continue;
      }
      int end = iv.end;
      if (end == 1440) {
        const auto& next = days[static_cast<std::size_t>(i + 1)];
        if (!next.empty() && next.front().start == 0 && next.front().state.state == iv.state.state &&
            next.front().end < 1440)
          end = next.front().end;  // shown as "22:00–02:00"
      }
      ranges.push_back(tf.time_range(iv.start, end));
    }
    row.hours = ranges.empty() ? translate(i18n, unknown ? "hours.unknown" : "hours.closed")
                               : fmt::format("{}", fmt::join(ranges, ", "));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace kiosk
