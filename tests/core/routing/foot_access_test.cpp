// Walking rules per country: the defaults an untagged road gets, and a bundle's own overrides.

#include <catch2/catch.hpp>

#include "core/routing/foot_access.h"

using namespace kiosk;

TEST_CASE("untagged trunk roads: walkable by default, in Germany only with a sidewalk", "[routing][foot]") {
  CHECK(foot_rules("").of("trunk") == FootAccess::yes);
  CHECK(foot_rules("MT").of("trunk") == FootAccess::yes);
  CHECK(foot_rules("PT").of("trunk_link") == FootAccess::yes);
  CHECK(foot_rules("DE").of("trunk") == FootAccess::sidewalk);
  CHECK(foot_rules("DE").of("trunk_link") == FootAccess::sidewalk);
  for (const char* country : {"", "DE", "MT", "PT"}) {
    CHECK(foot_rules(country).of("motorway") == FootAccess::no);
    CHECK(foot_rules(country).of("bridleway") == FootAccess::no);
    CHECK(foot_rules(country).of("residential") == FootAccess::yes);
    CHECK(foot_rules(country).of("footway") == FootAccess::yes);
  }
  // A bundle's override wins over the country's row.
  const FootRules own = foot_rules("DE", {{"trunk", FootAccess::yes}, {"cycleway", FootAccess::no}});
  CHECK(own.of("trunk") == FootAccess::yes);
  CHECK(own.of("trunk_link") == FootAccess::sidewalk);
  CHECK(own.of("cycleway") == FootAccess::no);
}

TEST_CASE("a bundle's walking country: its own, else its holiday region's", "[routing][foot]") {
  Bundle b;
  CHECK(walking_country(b).empty());
  b.holiday_region = "DE-NW";
  CHECK(walking_country(b) == "DE");
  b.walking_country = "MT";
  CHECK(walking_country(b) == "MT");
  CHECK(parse_foot_access("sidewalk") == FootAccess::sidewalk);
  CHECK_FALSE(parse_foot_access("maybe"));
  for (const FootAccess a : {FootAccess::yes, FootAccess::no, FootAccess::sidewalk})
    CHECK(parse_foot_access(foot_access_name(a)) == a);
  const auto& types = foot_rule_highways();
  CHECK(std::find(types.begin(), types.end(), "trunk") != types.end());
  CHECK(foot_rule_countries() == std::vector<std::string>{"DE"});
}
