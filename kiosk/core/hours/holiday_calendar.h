#pragma once
// Public and school holidays of a bundle, for PH and SH in opening_hours.

#include <optional>
#include <vector>

#include "core/model/model.h"

namespace kiosk {

struct HolidayCalendar {
  std::vector<int> public_days;                       // sorted day numbers
  std::vector<std::pair<int, int>> school;            // [from, until] day numbers, inclusive
  int school_known_from = 1, school_known_until = 0;  // span the school list covers; empty: unknown

  [[nodiscard]] bool is_public_holiday(int day) const;
  // nullopt where the bundle does not say (no list, or outside the span the list covers).
  [[nodiscard]] std::optional<bool> is_school_holiday(int day) const;
};

HolidayCalendar holiday_calendar_from(const Bundle& b);

}  // namespace kiosk
