#pragma once
// Wall-clock time in the bundle's IANA time zone (ICU), never the machine's.

#include <unicode/basictz.h>

#include <memory>
#include <optional>
#include <string>

#include "core/model/model.h"

namespace kiosk {

class ZoneClock {
 public:
  // nullopt for an unknown zone id.
  static std::optional<ZoneClock> create(const std::string& iana_id);
  ZoneClock(ZoneClock&&) noexcept;
  ZoneClock& operator=(ZoneClock&&) noexcept;
  ~ZoneClock();

  // The local date and minute of an instant (milliseconds since the epoch).
  [[nodiscard]] LocalDateTime to_local(double utc_ms) const;
  // The instant of a local time. A time that does not exist (the hour skipped when clocks go forward)
  // is read with the offset before the change, so 02:30 becomes 03:30 summer time, as clocks show it.
  [[nodiscard]] double to_utc(const LocalDateTime& local) const;
  [[nodiscard]] const std::string& id() const { return id_; }

 private:
  ZoneClock() = default;
  std::string id_;
  std::unique_ptr<icu::BasicTimeZone> tz_;
};

std::string format_local_iso(const LocalDateTime& t);  // 2026-11-26T10:00
std::optional<LocalDateTime> parse_local_iso(const std::string& s);

}  // namespace kiosk
