// Addresses in their country's order, and the country formats `city new` takes from Debian's
// ruby-countries data.

#include <catch2/catch.hpp>

#include "core/i18n/address_format.h"
#include "core/import/city_starter.h"

using namespace kiosk;

namespace {

Address address(std::string street, std::string postcode, std::string city) {
  Address a;
  a.street = std::move(street);
  a.postcode = std::move(postcode);
  a.city = std::move(city);
  return a;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("an address is laid out in its country's order, one line per line of the format", "[i18n][address]") {
  const Address de = address("Theaterstraße 1", "52062", "Aachen");
  CHECK(address_lines(de, "") == Lines{"Theaterstraße 1", "52062 Aachen"});  // the default
  CHECK(address_lines(de, "{street}\n{postcode} {city}") == Lines{"Theaterstraße 1", "52062 Aachen"});
  const Address mt = address("Triq il-Kbira 12", "MST 1234", "Mosta");
  CHECK(address_lines(mt, "{street}\n{city} {postcode}") == Lines{"Triq il-Kbira 12", "Mosta MST 1234"});
  const Address gb = address("12 High Street", "OX1 4AA", "Oxford");
  CHECK(address_lines(gb, "{street}\n{city}\n{postcode}") == Lines{"12 High Street", "Oxford", "OX1 4AA"});
  CHECK(address_lines(address("1 Main St", "02139", "Cambridge"), "{street}\n{city}, {postcode}") ==
        Lines{"1 Main St", "Cambridge, 02139"});
}

TEST_CASE("a missing part leaves no stray space, comma or empty line", "[i18n][address]") {
  CHECK(address_lines(address("", "", "Aachen"), "{street}\n{postcode} {city}") == Lines{"Aachen"});
  CHECK(address_lines(address("Markt 1", "", ""), "{street}\n{postcode} {city}") == Lines{"Markt 1"});
  CHECK(address_lines(address("", "4000-322", ""), "{street}\n{postcode} {city}") == Lines{"4000-322"});
  CHECK(address_lines(address("1 Main St", "", "Cambridge"), "{street}\n{city}, {postcode}") ==
        Lines{"1 Main St", "Cambridge"});
  CHECK(address_lines(address("", "", ""), "{street}\n{postcode} {city}").empty());
}

TEST_CASE("the postcode can be wrapped (isolated left-to-right in right-to-left text)", "[i18n][address]") {
  const auto lines = address_lines(address("Markt 1", "52062", "Aachen"), "{street}\n{postcode} {city}",
                                   [](const std::string& p) { return "\u2066" + p + "\u2069"; });
  CHECK(lines == Lines{"Markt 1", "\u206652062\u2069 Aachen"});
}

TEST_CASE("a broken address format is refused with what is wrong", "[i18n][address]") {
  CHECK(check_address_format("{street}\n{postcode} {city}").empty());
  CHECK_THAT(check_address_format("{street}\n{zip} {city}"), Catch::Contains("'{zip}' is not a field"));
  CHECK_THAT(check_address_format("{street\n{city}"), Catch::Contains("without its"));
  CHECK_THAT(check_address_format("street} {city}"), Catch::Contains("without its"));
  CHECK_THAT(check_address_format("Aachen"), Catch::Contains("no field"));
}

TEST_CASE("city new takes a country's address format from Debian's ruby-countries data", "[i18n][address][city]") {
  const auto dir = find_countries_data();
  REQUIRE_FALSE(dir.empty());  // deploy/install-deps.sh installs ruby-countries
  CHECK(address_format_for(dir, "DE") == "{street}\n{postcode} {city}");
  CHECK(address_format_for(dir, "PT") == "{street}\n{postcode} {city}");
  CHECK(address_format_for(dir, "GB") == "{street}\n{city}\n{postcode}");
  CHECK(address_format_for(dir, "US") == "{street}\n{city} {postcode}");
  CHECK(address_format_for(dir, "ZZ").empty());  // no such country: no guess
  for (const char* c : {"DE", "PT", "GB", "US", "FR", "JP", "BR"})
    CHECK(check_address_format(address_format_for(dir, c)).empty());
}

TEST_CASE("text before a field stays with it, text after an empty field goes", "[i18n][address]") {
  CHECK(address_lines(address("Markt 1", "", "Aachen"), "{street}, {postcode} {city}") == Lines{"Markt 1, Aachen"});
  CHECK(address_lines(address("", "100-0001", "Chiyoda"), "\u3012{postcode}\n{city}{street}") ==
        Lines{"\u3012100-0001", "Chiyoda"});
  CHECK(address_lines(address("", "", "Chiyoda"), "\u3012{postcode}\n{city}{street}") == Lines{"Chiyoda"});
}
