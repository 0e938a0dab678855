#pragma once
// Distances on the Earth for "how far" and walking times.

#include "core/model/model.h"

namespace kiosk {

inline constexpr double earth_radius_m = 6371008.8;  // mean radius (IUGG), metres

double distance_m(GeoPoint a, GeoPoint b);  // great circle (haversine), metres

// "41.14900 N, 8.61100 W": hemispheres as letters, never a minus sign an editor can miss.
std::string format_lat_lon(GeoPoint p, int decimals = 5);
std::string format_lat(double lat, int decimals = 5);
std::string format_lon(double lon, int decimals = 5);

// Walking time at a speed in metres per second (1.2 m/s is a slow, step-free pace). Straight-line
// distance is stretched by a detour factor until the router gives real ways.
int walking_minutes(double metres, double speed_mps = 1.2, double detour = 1.3);

}  // namespace kiosk
