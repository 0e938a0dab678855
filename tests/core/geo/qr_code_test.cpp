// QR codes and the geo: URI they carry.

#include <catch2/catch.hpp>

#include "core/geo/qr_code.h"

using namespace kiosk;

TEST_CASE("the geo URI names the place and nothing else", "[qr]") {
  CHECK(geo_uri({50.7744, 6.08713}, "") == "geo:50.774400,6.087130");
  CHECK(geo_uri({50.7744, 6.08713}, "Café (Süd)") ==
        "geo:50.774400,6.087130?q=50.774400,6.087130(Caf%C3%A9%20%28S%C3%BCd%29)");
  CHECK(geo_uri({-33.5, -70.25}, "a") == "geo:-33.500000,-70.250000?q=-33.500000,-70.250000(a)");
}

TEST_CASE("a QR code is a square of modules with its finder patterns", "[qr]") {
  const auto qr = make_qr_code(geo_uri({50.7744, 6.08713}, "Bürgeramt Katschhof"));
  REQUIRE(qr);
  CHECK(qr->size >= 21);
  CHECK((qr->size - 17) % 4 == 0);  // QR versions grow by 4 modules
  // The top-left finder: a dark 7x7 ring with a dark 3x3 centre.
  for (int i = 0; i < 7; ++i) {
    CHECK(qr->at(i, 0));
    CHECK(qr->at(0, i));
    CHECK(qr->at(6, i));
  }
  CHECK_FALSE(qr->at(1, 1));
  CHECK(qr->at(3, 3));
  CHECK_FALSE(make_qr_code(std::string(8000, 'x')));
}
