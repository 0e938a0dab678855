#pragma once
// Open Referral HSDS 3 schedules (RFC 5545 RRULE fields) as one OSM opening_hours value.
//
// A service is open when any of its schedules, within its validity dates, says so: weekly rules become
// "Mo-Fr 09:00-17:00; Sa 10:00-13:00" (days with the same times grouped), the n-th weekday of a month
// "Mo[1,3] 14:00-16:00", and dated schedules "2025 Dec 22-2026 Jan 02 Mo-We 10:00-12:00", added to the
// others with ", " so that they add hours rather than replace them. What opening_hours cannot say
// (every second week, days of the month, weeks of the year) is left out with a warning.

#include <string>
#include <vector>

namespace kiosk {

// The fields of an HSDS `schedule` record that say when; all as written in the data ("" when absent).
struct HsdsSchedule {
  std::string id;
  std::string freq;   // WEEKLY, MONTHLY (DAILY is read too)
  std::string byday;  // "MO,TU", with MONTHLY also "1MO,-1FR"
  std::string bymonthday, byweekno, byyearday;
  std::string interval;  // a number; "" or "1": every week/month
  std::string count;
  std::string opens_at, closes_at;                   // "09:00", "09:00:00", "09:00Z", "09:00+01:00"
  std::string valid_from, valid_to, dtstart, until;  // YYYY-MM-DD
  std::string description;
};

struct ScheduleConversion {
  std::string opening_hours;          // "": nothing could be said (hours stay unknown)
  std::vector<std::string> warnings;  // what was left out or read loosely, each naming its schedule
  std::vector<std::string> errors;    // values that are not what HSDS allows, each naming its schedule
};

ScheduleConversion schedules_to_opening_hours(const std::vector<HsdsSchedule>& schedules);

// "09:00", "9:00", "09:00:00", with an optional "Z" or UTC offset, as minutes after midnight; -1 when
// it is not a time. `had_offset` tells whether a zone was given (it is dropped: see the .cpp).
int parse_hsds_time(const std::string& text, bool* had_offset = nullptr);

}  // namespace kiosk
