#pragma once
// Where a place joins the walking network, said for technicians and editors (kioskctl route --explain,
// the self-test): the way, its level, the distance and why that way rather than the nearest.

#include <string>
#include <string_view>

#include "core/routing/router.h"

namespace kiosk {

struct SnapExplanation {
  std::string way;  // the way's name in `lang`, else its local name, else "a path"
  int layer = 0;    // the way's level
  bool bridge = false, tunnel = false;
  GeoPoint point;  // where it joins the way
  float distance_m = 0;
  std::string reason;  // one English sentence
};

SnapExplanation explain_snap(const MapData& map, const Spot& place, const Snap& snap, std::string_view lang);

// One line: "12 m to Theaterstraße (bridge, level 1) at 50.77 N 6.08 E: <reason>".
std::string snap_summary(const SnapExplanation& e);

}  // namespace kiosk
