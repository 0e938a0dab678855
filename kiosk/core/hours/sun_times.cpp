#include "core/hours/sun_times.h"

#include <cmath>
#include <numbers>

namespace kiosk {
namespace {

constexpr double pi = std::numbers::pi;
constexpr double rad = pi / 180;
constexpr double day_ms = 86400000.0;
constexpr double j1970 = 2440588;
constexpr double j2000 = 2451545;
constexpr double obliquity = rad * 23.4397;
constexpr double j0 = 0.0009;

double to_days(double ms) { return ms / day_ms - 0.5 + j1970 - j2000; }
double from_julian(double j) { return (j + 0.5 - j1970) * day_ms; }
double mean_anomaly(double d) { return rad * (357.5291 + 0.98560028 * d); }
double ecliptic_longitude(double m) {
  const double center = rad * (1.9148 * std::sin(m) + 0.02 * std::sin(2 * m) + 0.0003 * std::sin(3 * m));
  const double perihelion = rad * 102.9372;
  return m + center + perihelion + pi;
}
double declination(double l) { return std::asin(std::sin(obliquity) * std::sin(l)); }
double approx_transit(double ht, double lw, double n) { return j0 + (ht + lw) / (2 * pi) + n; }
double solar_transit_j(double ds, double m, double l) { return j2000 + ds + 0.0053 * std::sin(m) - 0.0069 * std::sin(2 * l); }

}  // namespace

std::optional<double> sun_event_utc_ms(double utc_ms, double lat, double lon, SunEvent event) {
  const double lw = -rad * lon, phi = rad * lat;
  const double d = to_days(utc_ms);
  const double n = std::round(d - j0 - lw / (2 * pi));
  const double ds = approx_transit(0, lw, n);
  const double m = mean_anomaly(ds);
  const double l = ecliptic_longitude(m);
  const double dec = declination(l);
  const double j_noon = solar_transit_j(ds, m, l);

  const double angle = (event == SunEvent::dawn || event == SunEvent::dusk) ? -6.0 : -0.833;
  const double h0 = angle * rad;
  const double cos_w = (std::sin(h0) - std::sin(phi) * std::sin(dec)) / (std::cos(phi) * std::cos(dec));
  if (!(cos_w >= -1 && cos_w <= 1)) return std::nullopt;
  const double w = std::acos(cos_w);
  const double j_set = solar_transit_j(approx_transit(w, lw, n), m, l);
  const double j_rise = j_noon - (j_set - j_noon);
  const bool rising = event == SunEvent::dawn || event == SunEvent::sunrise;
  return from_julian(rising ? j_rise : j_set);
}

}  // namespace kiosk
