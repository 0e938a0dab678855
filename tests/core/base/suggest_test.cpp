#include "core/base/suggest.h"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace kiosk;

TEST_CASE("edit_distance counts a swapped pair as one typo", "[suggest]") {
  CHECK(edit_distance("address", "address") == 0);
  CHECK(edit_distance("adress", "address") == 1);
  CHECK(edit_distance("wheelchiar", "wheelchair") == 1);
  CHECK(edit_distance("", "abc") == 3);
}

TEST_CASE("closest_match suggests only plausible typos", "[suggest]") {
  const std::vector<std::string> keys = {"address", "category", "wheelchair", "website"};
  CHECK(closest_match("adress", std::span<const std::string>(keys)) == "address");
  CHECK(closest_match("categroy", std::span<const std::string>(keys)) == "category");
  CHECK(closest_match("colour", std::span<const std::string>(keys)).empty());
}
