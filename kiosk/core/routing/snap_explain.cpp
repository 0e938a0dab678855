#include "core/routing/snap_explain.h"

#include <fmt/format.h>

#include "core/geo/geo.h"

namespace kiosk {

SnapExplanation explain_snap(const MapData& map, const Spot& place, const Snap& snap, std::string_view lang) {
  const auto& e = map.route_edges[snap.edge];
  SnapExplanation x;
  x.way = std::string(map.name(e.name_set, lang));
  if (x.way.empty()) x.way = "a path";
  x.layer = e.layer;
  x.bridge = (e.flags & kmap::edge_bridge) != 0;
  x.tunnel = (e.flags & kmap::edge_tunnel) != 0;
  x.point = map.unproject(snap.point);
  x.distance_m = snap.distance_m;
  const std::string own = place.layer ? fmt::format("level {} (as the bundle says)", *place.layer) : "the ground";
  const std::string way_level = x.bridge      ? fmt::format("a bridge (level {})", x.layer)
                                : x.tunnel    ? fmt::format("a tunnel (level {})", x.layer)
                                : place.layer ? fmt::format("level {}", x.layer)
                                              : std::string("the ground");
  switch (snap.reason) {
    case SnapReason::nearest:
      x.reason = fmt::format("the nearest way, on {}", own_level(place).admits(e) ? own : way_level);
      break;
    case SnapReason::same_level:
      x.reason = fmt::format("a way on another level is nearer ({:.0f} m), but the place is on {}", snap.passed_m, own);
      break;
    case SnapReason::connected:
      x.reason = fmt::format(
          "the nearest way ({:.0f} m) belongs to a small piece of the network that leads nowhere; this one is on "
          "the connected network",
          snap.passed_m);
      break;
    case SnapReason::other_level:
      x.reason = fmt::format("no way on {} nearby: the nearest way, on {}", own, way_level);
      break;
  }
  return x;
}

std::string snap_summary(const SnapExplanation& e) {
  std::string kind = e.bridge ? "bridge, " : e.tunnel ? "tunnel, " : "";
  return fmt::format("{:.0f} m to {} ({}level {}) at {}: {}", e.distance_m, e.way, kind, e.layer,
                     format_lat_lon(e.point), e.reason);
}

}  // namespace kiosk
