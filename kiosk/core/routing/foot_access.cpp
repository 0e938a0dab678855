#include "core/routing/foot_access.h"

#include <algorithm>
#include <array>

namespace kiosk {

namespace {

struct CountryRow {
  std::string_view country;
  std::string_view highway;
  FootAccess access;
};

// The OSM wiki's tables (OSM tags for routing/Access restrictions), foot column, only where a country
// differs from the worldwide row. Germany: trunk roads are Kraftfahrstraßen unless a sidewalk or a
// foot tag says otherwise (the table's "no"; we keep ways with a sidewalk tag, which mappers add where
// a pavement runs along). Other countries: trunk roads are walkable unless tagged.
constexpr std::array<CountryRow, 2> country_rows = {{
    {"DE", "trunk", FootAccess::sidewalk},
    {"DE", "trunk_link", FootAccess::sidewalk},
}};

// Worldwide row: motorways are never for walking; everything else the compiler routes on is.
const std::map<std::string, FootAccess>& worldwide() {
  static const std::map<std::string, FootAccess> rows = {
      {"motorway", FootAccess::no},    {"motorway_link", FootAccess::no}, {"trunk", FootAccess::yes},
      {"trunk_link", FootAccess::yes}, {"bridleway", FootAccess::no},
  };
  return rows;
}

}  // namespace

FootAccess FootRules::of(std::string_view highway) const {
  const auto it = by_highway.find(std::string(highway));
  return it == by_highway.end() ? FootAccess::yes : it->second;
}

FootRules foot_rules(std::string_view country, const std::map<std::string, FootAccess>& overrides) {
  FootRules r;
  r.country = std::string(country);
  r.by_highway = worldwide();
  for (const CountryRow& row : country_rows)
    if (row.country == country) r.by_highway[std::string(row.highway)] = row.access;
  for (const auto& [highway, access] : overrides) r.by_highway[highway] = access;
  return r;
}

std::string walking_country(const Bundle& b) {
  if (!b.walking_country.empty()) return b.walking_country;
  return b.holiday_region.size() >= 2 ? b.holiday_region.substr(0, 2) : std::string();
}

const std::vector<std::string>& foot_rule_highways() {
  static const std::vector<std::string> types = {
      "motorway",       "motorway_link", "trunk",         "trunk_link",  "primary",      "primary_link", "secondary",
      "secondary_link", "tertiary",      "tertiary_link", "residential", "unclassified", "road",         "service",
      "living_street",  "track",         "path",          "cycleway",    "bridleway"};
  return types;
}

std::vector<std::string> foot_rule_countries() {
  std::vector<std::string> out;
  for (const CountryRow& row : country_rows) out.emplace_back(row.country);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::optional<FootAccess> parse_foot_access(std::string_view v) {
  if (v == "yes") return FootAccess::yes;
  if (v == "no") return FootAccess::no;
  if (v == "sidewalk") return FootAccess::sidewalk;
  return std::nullopt;
}

std::string_view foot_access_name(FootAccess a) {
  switch (a) {
    case FootAccess::yes:
      return "yes";
    case FootAccess::no:
      return "no";
    case FootAccess::sidewalk:
      return "sidewalk";
  }
  return "yes";
}

}  // namespace kiosk
