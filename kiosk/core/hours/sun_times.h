#pragma once
// Sunrise, sunset, dawn (civil, -6°) and dusk for opening_hours' variable times, from Meeus'
// algorithms: the same astronomy as SunCalc 2, which the reference evaluator opening_hours.js uses,
// so both agree to the minute.

#include <optional>

namespace kiosk {

enum class SunEvent { dawn, sunrise, sunset, dusk };

// The event on the solar day whose transit is nearest to `utc_ms` (milliseconds since the epoch);
// nullopt where the sun does not reach that altitude (polar day or night).
std::optional<double> sun_event_utc_ms(double utc_ms, double lat, double lon, SunEvent event);

}  // namespace kiosk
