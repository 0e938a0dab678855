#pragma once
// What a resident reads about opening hours, in their language: "Open until 17:00", "Closes in 20
// minutes", "Opens tomorrow at 09:00", "Opens Monday at 09:00", "Opening hours not known", and a week.

#include <string>
#include <vector>

#include "core/hours/opening_hours.h"
#include "core/hours/time_format.h"
#include "core/i18n/i18n_catalog.h"

namespace kiosk {

struct HoursStatus {
  RuleState state = RuleState::unknown;
  std::string text;     // the sentence for the list and detail screens
  std::string comment;  // the data's own comment ("nach Vereinbarung"), untranslated; may be empty
};

// oh may be null (no opening_hours known).
HoursStatus describe_hours(const OpeningHours* oh, const OhContext& ctx, const LocalDateTime& now,
                           const FormatContext& i18n, const TimeFormat& tf);
// The same where the state at `now` is known already (a list row's, from its query).
HoursStatus describe_hours(const OpeningHours* oh, const OhState& state_now, const OhContext& ctx,
                           const LocalDateTime& now, const FormatContext& i18n, const TimeFormat& tf);

struct WeekRow {
  Date date;
  std::string day;    // "Monday"
  std::string hours;  // "08:00–12:00, 13:00–17:00", "Closed", "Opening hours not known"
  bool today = false;
};

// Seven days from `from`. A range that runs past midnight is shown on the day it starts.
std::vector<WeekRow> week_table(const OpeningHours& oh, const OhContext& ctx, const Date& from, const Date& today,
                                const FormatContext& i18n, const TimeFormat& tf);

}  // namespace kiosk
