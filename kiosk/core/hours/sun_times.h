#pragma once
// Sunrise, sunset, dawn and dusk for opening_hours' variable times. The formulas are the standard
// low-precision solar position ones (Astronomy Answers, as used by SunCalc, which the reference
// evaluator opening_hours.js relies on), so that both agree to the minute.

#include <optional>

namespace kiosk {

enum class SunEvent { dawn, sunrise, sunset, dusk };

// The event on the solar day whose transit is nearest to `utc_ms` (milliseconds since the epoch);
// nullopt where the sun does not reach that altitude (polar day or night).
std::optional<double> sun_event_utc_ms(double utc_ms, double lat, double lon, SunEvent event);

}  // namespace kiosk
