#include "core/hours/holiday_calendar.h"

#include <algorithm>

#include "core/hours/civil_date.h"

namespace kiosk {

bool HolidayCalendar::is_public_holiday(int day) const {
  return std::binary_search(public_days.begin(), public_days.end(), day);
}

std::optional<bool> HolidayCalendar::is_school_holiday(int day) const {
  if (day < school_known_from || day > school_known_until) return std::nullopt;
  return std::any_of(school.begin(), school.end(), [day](const auto& r) { return day >= r.first && day <= r.second; });
}

HolidayCalendar holiday_calendar_from(const Bundle& b) {
  HolidayCalendar cal;
  for (const auto& h : b.holidays) cal.public_days.push_back(days_from_civil(h.date));
  std::sort(cal.public_days.begin(), cal.public_days.end());
  cal.public_days.erase(std::unique(cal.public_days.begin(), cal.public_days.end()), cal.public_days.end());
  for (const auto& s : b.school_holidays) {
    const int from = days_from_civil(s.from), until = days_from_civil(s.until);
    cal.school.emplace_back(from, until);
    if (cal.school.size() == 1) {
      cal.school_known_from = from;
      cal.school_known_until = until;
    }
    cal.school_known_from = std::min(cal.school_known_from, from);
    cal.school_known_until = std::max(cal.school_known_until, until);
  }
  return cal;
}

}  // namespace kiosk
