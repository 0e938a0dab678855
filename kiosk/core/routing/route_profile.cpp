#include "core/routing/route_profile.h"

namespace kiosk {

std::optional<RouteProfile> route_profile_from_name(std::string_view name) {
  if (name == "foot") return RouteProfile::foot;
  if (name == "wheelchair") return RouteProfile::wheelchair;
  return std::nullopt;
}

const char* route_profile_name(RouteProfile p) {
  return p == RouteProfile::wheelchair ? "wheelchair" : "foot";
}

std::optional<float> edge_cost_factor(RouteProfile p, const kmap::RouteEdge& e) {
  if (p == RouteProfile::foot) return 1.0f;
  // Wheelchair: otherwise what the way is tagged with wins over what we would guess from its kind.
  // Never steps, whatever else they are tagged with, unless they have a wheelchair ramp.
  if ((e.flags & kmap::edge_steps) && !(e.flags & kmap::edge_ramp)) return std::nullopt;
  if (e.flags & kmap::edge_wheelchair_no) return std::nullopt;
  if (e.flags & kmap::edge_wheelchair_yes) return 1.0f;
  if (e.flags & (kmap::edge_steps | kmap::edge_surface_bad | kmap::edge_incline_steep | kmap::edge_kerb_high))
    return std::nullopt;
  float f = 1.0f;
  if (e.flags & kmap::edge_wheelchair_limited) f *= 1.5f;
  if (e.flags & kmap::edge_surface_rough) f *= 1.6f;    // cobbles, sett: passable, but hard going
  if (e.flags & kmap::edge_unpaved_unknown) f *= 1.5f;  // a path without a surface tag is often unpaved
  if (e.flags & kmap::edge_incline_unknown) f *= 1.3f;  // tagged as sloping, steepness unknown
  if (e.flags & kmap::edge_elevator) f *= 1.0f;
  return f;
}

bool node_passable(RouteProfile p, const kmap::RouteNode& n) {
  return p == RouteProfile::foot || !(n.flags & (kmap::node_kerb_high | kmap::node_barrier));
}

float node_penalty_m(RouteProfile p, const kmap::RouteNode& n) {
  // A kerb of unknown height may be a step: worth a detour of up to 60 m to avoid.
  return p == RouteProfile::wheelchair && (n.flags & kmap::node_kerb_unknown) ? 60.0f : 0.0f;
}

}  // namespace kiosk
