#include "core/hours/time_format.h"

#include <unicode/dtptngen.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>

#include "core/hours/civil_date.h"

namespace kiosk {
namespace {

std::unique_ptr<icu::DateFormat> from_skeleton(const icu::Locale& locale, const char* skeleton) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::DateFormat> f(
      icu::DateFormat::createInstanceForSkeleton(icu::UnicodeString(skeleton, -1, US_INV), locale, status));
  if (U_FAILURE(status) || !f) {
    status = U_ZERO_ERROR;
    f.reset(icu::DateFormat::createInstanceForSkeleton(icu::UnicodeString(skeleton, -1, US_INV), icu::Locale::getRoot(),
                                                       status));
  }
  // Wall-clock values are formatted as if they were UTC, so no zone shifts them.
  if (f) f->adoptTimeZone(icu::TimeZone::createTimeZone(icu::UnicodeString(u"UTC")));
  return f;
}

double wall_ms(const Date& d, int minute) {
  return (days_from_civil(d) * 1440.0 + minute) * 60000.0;
}

std::string format(const icu::DateFormat* f, double ms) {
  if (!f) return {};
  icu::UnicodeString out;
  f->format(ms, out);
  std::string s;
  out.toUTF8String(s);
  return s;
}

}  // namespace

TimeFormat::TimeFormat(const LocaleInfo& info) : rtl_(info.rtl) {
  const icu::Locale locale(formatting_locale_id(info).c_str());
  time_ = from_skeleton(locale, "jmm");  // the locale's own hour cycle (24 h in de, 12 h in en-US)
  weekday_ = from_skeleton(locale, "EEEE");
  date_ = from_skeleton(locale, "EEEEdMMMM");
  month_ = from_skeleton(locale, "yMMMM");
  number_ = std::make_unique<icu::number::LocalizedNumberFormatter>(
      icu::number::NumberFormatter::withLocale(locale).grouping(UNUM_GROUPING_OFF));
}

TimeFormat::TimeFormat(TimeFormat&&) noexcept = default;
TimeFormat& TimeFormat::operator=(TimeFormat&&) noexcept = default;
TimeFormat::~TimeFormat() = default;

std::string TimeFormat::time(int minute_of_day) const {
  // 24:00 (a range's end at midnight) is shown as midnight of the same day.
  return format(time_.get(), wall_ms({1970, 1, 1}, minute_of_day % 1440));
}

std::string TimeFormat::weekday(const Date& d) const {
  return format(weekday_.get(), wall_ms(d, 0));
}

std::string TimeFormat::day_and_date(const Date& d) const {
  return format(date_.get(), wall_ms(d, 0));
}

std::string TimeFormat::month_and_year(const Date& d) const {
  return format(month_.get(), wall_ms(d, 0));
}

std::string TimeFormat::number(std::int64_t n) const {
  UErrorCode status = U_ZERO_ERROR;
  const auto formatted = number_->formatInt(n, status);
  std::string s;
  if (U_SUCCESS(status)) formatted.toString(status).toUTF8String(s);
  return U_SUCCESS(status) ? s : std::to_string(n);
}

std::string TimeFormat::time_range(int from_minute, int to_minute) const {
  std::string s = time(from_minute) + "\u2013" + time(to_minute);
  return rtl_ ? isolate_ltr(s) : s;
}

const TimeFormat& TimeFormats::get(const LocaleInfo& locale) {
  const std::string key = formatting_locale_id(locale) + (locale.rtl ? " rtl" : "");
  auto it = by_locale_.find(key);
  if (it == by_locale_.end()) it = by_locale_.emplace(key, TimeFormat(locale)).first;
  return it->second;
}

std::string isolate_ltr(const std::string& text) {
  return "\u2066" + text + "\u2069";
}

}  // namespace kiosk
