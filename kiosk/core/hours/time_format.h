#pragma once
// Clock times, weekdays, dates and counts as a locale writes them (ICU), in the locale's own digits. Times are
// wall-clock times in the bundle's zone: they are formatted as such, never shifted by the machine's zone.

#include <unicode/datefmt.h>
#include <unicode/numberformatter.h>

#include <map>
#include <memory>
#include <string>

#include "core/i18n/i18n_catalog.h"
#include "core/model/model.h"

namespace kiosk {

class TimeFormat {
 public:
  explicit TimeFormat(const LocaleInfo& locale);
  TimeFormat(TimeFormat&&) noexcept;
  TimeFormat& operator=(TimeFormat&&) noexcept;
  ~TimeFormat();

  [[nodiscard]] std::string time(int minute_of_day) const;        // "17:00", "٥:٠٠ م", "5:00 PM"
  [[nodiscard]] std::string weekday(const Date& d) const;         // "Montag"
  [[nodiscard]] std::string day_and_date(const Date& d) const;    // "Montag, 5. Januar"
  [[nodiscard]] std::string month_and_year(const Date& d) const;  // "Oktober 2026" (when facts were checked)
  // "08:00–16:00"; inside right-to-left text it is isolated (LRI ... PDI) so it keeps its order.
  [[nodiscard]] std::string time_range(int from_minute, int to_minute) const;
  [[nodiscard]] std::string number(std::int64_t n) const;  // "12", "١٢" (list numbers, counts)
  [[nodiscard]] bool rtl() const { return rtl_; }

 private:
  std::unique_ptr<icu::DateFormat> time_, weekday_, date_, month_;
  std::unique_ptr<icu::number::LocalizedNumberFormatter> number_;
  bool rtl_ = false;
};

// TimeFormats by formatting locale, built on first use. Each holds ~150 KB of ICU formatters and takes
// milliseconds to build; the app owns this so that a bundle reload keeps them (the soak saw the heap
// follow how many languages had been shown since the last reload).
class TimeFormats {
 public:
  [[nodiscard]] const TimeFormat& get(const LocaleInfo& locale);
  [[nodiscard]] std::size_t size() const { return by_locale_.size(); }

 private:
  std::map<std::string, TimeFormat> by_locale_;  // key: formatting locale id, and direction
};

// Wrap text that must read left to right (times, phone numbers) for use inside right-to-left text.
std::string isolate_ltr(const std::string& text);

}  // namespace kiosk
