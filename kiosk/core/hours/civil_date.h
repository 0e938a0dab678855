#pragma once
// Calendar arithmetic on proleptic Gregorian dates, as day numbers (days since 1970-01-01).

#include "core/model/model.h"

namespace kiosk {

int days_from_civil(const Date& d);
Date civil_from_days(int days);
int weekday_of(int days);  // 0 = Monday .. 6 = Sunday
int days_in_month(int year, int month);
Date easter_sunday(int year);  // Gregorian computus
int iso_week_of(int days);     // 1..53

}  // namespace kiosk
