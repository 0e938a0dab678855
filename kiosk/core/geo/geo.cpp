#include "core/geo/geo.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace kiosk {

std::string format_lat(double lat, int decimals) {
  return fmt::format("{:.{}f} {}", std::abs(lat), decimals, lat < 0 ? 'S' : 'N');
}

std::string format_lon(double lon, int decimals) {
  return fmt::format("{:.{}f} {}", std::abs(lon), decimals, lon < 0 ? 'W' : 'E');
}

std::string format_lat_lon(GeoPoint p, int decimals) {
  return format_lat(p.lat, decimals) + ", " + format_lon(p.lon, decimals);
}

double distance_m(GeoPoint a, GeoPoint b) {
  constexpr double rad = std::numbers::pi / 180;
  const double dlat = (b.lat - a.lat) * rad, dlon = (b.lon - a.lon) * rad;
  const double h = std::sin(dlat / 2) * std::sin(dlat / 2) +
                   std::cos(a.lat * rad) * std::cos(b.lat * rad) * std::sin(dlon / 2) * std::sin(dlon / 2);
  return 2 * earth_radius_m * std::asin(std::min(1.0, std::sqrt(h)));
}

int walking_minutes(double metres, double speed_mps, double detour) {
  return std::max(1, static_cast<int>(std::ceil(metres * detour / speed_mps / 60)));
}

}  // namespace kiosk
