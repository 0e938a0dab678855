#pragma once
// Who is walking: what each profile may use and what it prefers to avoid. Costs are metres, stretched
// for what a profile avoids, never shorter than the way itself (so A*'s straight-line estimate holds).

#include <optional>
#include <string_view>

#include "core/mapdata/map_format.h"

namespace kiosk {

enum class RouteProfile { foot, wheelchair };

std::optional<RouteProfile> route_profile_from_name(std::string_view name);
const char* route_profile_name(RouteProfile p);

// Walking speeds, metres per second: the kiosk's config can change them.
struct RouteSpeeds {
  double foot_mps = 1.25;
  double wheelchair_mps = 0.9;
  [[nodiscard]] double of(RouteProfile p) const { return p == RouteProfile::wheelchair ? wheelchair_mps : foot_mps; }
};

// Cost of walking the edge per metre (>= 1), or nullopt where the profile cannot use it at all.
std::optional<float> edge_cost_factor(RouteProfile p, const kmap::RouteEdge& e);
// Whether a route may pass through the node (a raised kerb or a turnstile stops a wheelchair), and what
// it costs.
bool node_passable(RouteProfile p, const kmap::RouteNode& n);
float node_penalty_m(RouteProfile p, const kmap::RouteNode& n);

}  // namespace kiosk
