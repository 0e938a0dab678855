#pragma once
// Who may walk on a road that carries no foot=* or sidewalk tag of its own differs by country: a German
// trunk road without a sidewalk is not for pedestrians, a Maltese or Portuguese one is. The defaults
// follow the OpenStreetMap wiki's "OSM tags for routing/Access restrictions" tables (as OSRM's and
// GraphHopper's country rules do); a bundle may set its country and override any road type.

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

namespace kiosk {

// The resolved rules a map is compiled with: for each OSM highway=* value that differs from "walkable
// when untagged", what an untagged way of that type means for a pedestrian.
struct FootRules {
  std::string country;                           // ISO 3166-1 alpha-2, or "" for the worldwide defaults
  std::map<std::string, FootAccess> by_highway;  // highway value → default access on foot
  [[nodiscard]] FootAccess of(std::string_view highway) const;
};

// The worldwide defaults, then the country's own rows, then the bundle's overrides.
FootRules foot_rules(std::string_view country, const std::map<std::string, FootAccess>& overrides = {});

// The country a bundle's walking rules are for: `walking: {country}` if given, else the country of its
// holiday region (DE-NW → DE), else "".
std::string walking_country(const Bundle& b);

// The road types whose default the rules can set, and the countries with rows of their own.
const std::vector<std::string>& foot_rule_highways();
std::vector<std::string> foot_rule_countries();

std::optional<FootAccess> parse_foot_access(std::string_view v);  // yes | no | sidewalk
std::string_view foot_access_name(FootAccess a);

}  // namespace kiosk
