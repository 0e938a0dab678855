#include "core/hours/time_zone.h"

#include <fmt/format.h>
#include <unicode/basictz.h>
#include <unicode/timezone.h>

#include <cmath>

#include "core/hours/civil_date.h"
#include "core/yaml/yaml_read.h"

namespace kiosk {

namespace {
constexpr double minute_ms = 60000.0;
constexpr double day_ms = 86400000.0;
}  // namespace

std::optional<ZoneClock> ZoneClock::create(const std::string& iana_id) {
  std::unique_ptr<icu::TimeZone> tz(icu::TimeZone::createTimeZone(icu::UnicodeString::fromUTF8(iana_id)));
  auto* basic = dynamic_cast<icu::BasicTimeZone*>(tz.get());
  if (!basic || *tz == icu::TimeZone::getUnknown()) return std::nullopt;
  ZoneClock clock;
  clock.id_ = iana_id;
  clock.tz_.reset(basic);
  tz.release();
  return clock;
}

ZoneClock::ZoneClock(ZoneClock&&) noexcept = default;
ZoneClock& ZoneClock::operator=(ZoneClock&&) noexcept = default;
ZoneClock::~ZoneClock() = default;

LocalDateTime ZoneClock::to_local(double utc_ms) const {
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz_->getOffset(utc_ms, false, raw, dst, status);
  const double local_ms = utc_ms + raw + dst;
  const double days = std::floor(local_ms / day_ms);
  const double minute = std::floor((local_ms - days * day_ms) / minute_ms);
  return {civil_from_days(static_cast<int>(days)), static_cast<int>(minute)};
}

double ZoneClock::to_utc(const LocalDateTime& local) const {
  const double local_ms = days_from_civil(local.date) * day_ms + local.minute_of_day * minute_ms;
  int32_t raw = 0, dst = 0;
  UErrorCode status = U_ZERO_ERROR;
  tz_->getOffsetFromLocal(local_ms, UCAL_TZ_LOCAL_FORMER, UCAL_TZ_LOCAL_FORMER, raw, dst, status);
  return local_ms - raw - dst;
}

std::string format_local_iso(const LocalDateTime& t) {
  return fmt::format("{:04}-{:02}-{:02}T{:02}:{:02}", t.date.year, t.date.month, t.date.day, t.minute_of_day / 60,
                     t.minute_of_day % 60);
}

std::optional<LocalDateTime> parse_local_iso(const std::string& s) {
  return parse_date_time(s);
}

}  // namespace kiosk
