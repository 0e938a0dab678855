#include "core/hours/sun_times.h"

#include <cmath>
#include <numbers>

namespace kiosk {
namespace {

// Jean Meeus, "Astronomical Algorithms" (2nd ed.): sidereal time (12.4), the Sun's apparent position
// (ch. 25) and rising/setting (ch. 15), with Espenak & Meeus' polynomial for delta T. Accurate to
// well under a minute, which is what opening hours need.
constexpr double pi = std::numbers::pi;
constexpr double rad = pi / 180;
constexpr double day_ms = 86400000.0;
constexpr double j1970 = 2440588;
constexpr double j2000 = 2451545;
constexpr double j0 = 0.0009;

double to_days(double ms) {
  return ms / day_ms - 0.5 + j1970 - j2000;
}
double to_ms(double days) {
  return (days + j2000 + 0.5 - j1970) * day_ms;
}

// Terrestrial minus universal time, in seconds.
double delta_t(double d) {
  const double y = 2000 + d / 365.2425;
  if (y < 2005) {
    const double t = y - 2000;
    return 63.86 + t * (0.3345 + t * (-0.060374 + t * (0.0017275 + t * (0.000651814 + t * 0.00002373599))));
  }
  if (y < 2050) {
    const double t = y - 2000;
    return 62.92 + t * (0.32217 + t * 0.005589);
  }
  const double t = (y - 1820) / 100;
  return -20 + 32 * t * t - 0.5628 * (2150 - y);
}
double to_days_tt(double d) {
  return d + delta_t(d) / 86400;
}

struct Equatorial {
  double ra, dec;
};

Equatorial sun_coords(double d_tt) {
  const double t = d_tt / 36525;
  const double l0 = rad * (280.46646 + t * (36000.76983 + t * 0.0003032));
  const double m = rad * (357.52911 + t * (35999.05029 - t * 0.0001537));
  const double sin_m = std::sin(m), cos_m = std::cos(m);
  const double c = rad * ((1.914602 - t * (0.004817 + t * 0.000014)) * sin_m +
                          (0.019993 - 0.000101 * t) * 2 * sin_m * cos_m + 0.000289 * sin_m * (3 - 4 * sin_m * sin_m));
  const double omega = rad * (125.04 - 1934.136 * t);
  const double lambda = l0 + c - rad * (0.00569 + 0.00478 * std::sin(omega));
  const double eps =
      rad * (23.439291 - t * (0.0130042 + t * (0.00000016 - t * 0.000000504))) + rad * 0.00256 * std::cos(omega);
  return {std::atan2(std::cos(eps) * std::sin(lambda), std::cos(lambda)), std::asin(std::sin(eps) * std::sin(lambda))};
}

double sidereal_time(double d, double lw) {
  return rad * (280.46061837 + 360.98564736629 * d) - lw;
}
double wrap_pi(double a) {
  return a - 2 * pi * std::round(a / (2 * pi));
}
double altitude(double h, double phi, double dec) {
  return std::asin(std::sin(phi) * std::sin(dec) + std::cos(phi) * std::cos(dec) * std::cos(h));
}

double solar_transit(double dt, double lw) {
  for (int i = 0; i < 3; ++i) dt -= wrap_pi(sidereal_time(dt, lw) - sun_coords(to_days_tt(dt)).ra) / (2 * pi);
  return dt;
}

// When the Sun reaches altitude h0 before (sign -1) or after (+1) the transit dt; NaN if never.
double rise_or_set(double h0, double dt, int sign, double lw, double phi, double dec) {
  const double cos_h0 = (std::sin(h0) - std::sin(phi) * std::sin(dec)) / (std::cos(phi) * std::cos(dec));
  if (cos_h0 < -1 || cos_h0 > 1) return std::nan("");
  double d = dt + sign * std::acos(cos_h0) / (2 * pi);
  for (int i = 0; i < 2; ++i) {
    const Equatorial c = sun_coords(to_days_tt(d));
    const double h = wrap_pi(sidereal_time(d, lw) - c.ra);
    const double alt = altitude(h, phi, c.dec);
    const double sin_h = std::cos(phi) * std::cos(c.dec) * std::sin(h);
    if (std::abs(sin_h) < 1e-6) break;
    d += (alt - h0) / (2 * pi * sin_h);
  }
  return d;
}

}  // namespace

std::optional<double> sun_event_utc_ms(double utc_ms, double lat, double lon, SunEvent event) {
  const double lw = -rad * lon, phi = rad * lat;
  const double n = std::round(to_days(utc_ms) - j0 - lw / (2 * pi));
  const double dt = solar_transit(n + j0 + lw / (2 * pi), lw);
  const double dec = sun_coords(to_days_tt(dt)).dec;
  const double angle = (event == SunEvent::dawn || event == SunEvent::dusk) ? -6.0 : -0.833;
  const int sign = (event == SunEvent::dawn || event == SunEvent::sunrise) ? -1 : 1;
  const double d = rise_or_set(angle * rad, dt, sign, lw, phi, dec);
  if (std::isnan(d)) return std::nullopt;
  return to_ms(d);
}

}  // namespace kiosk
