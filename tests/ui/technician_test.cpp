// The technician's PIN: a check that ends after the pad was closed opens nothing; wrong PINs lock the pad.

#include <catch2/catch.hpp>

#include <future>

#include "ui/technician.h"

using namespace kiosk::ui;

namespace {

void finish_check(TechnicianState& t, bool right) {
  std::promise<bool> p;
  t.pin_check = p.get_future();
  p.set_value(right);
}

}  // namespace

TEST_CASE("a PIN check counts only while the pad is open", "[technician]") {
  TechnicianState t;
  t.asking_pin = true;
  finish_check(t, true);
  t.asking_pin = false;  // cancelled, or timed out, while Argon2 was still working
  take_pin_result(t, 100);
  CHECK_FALSE(t.open);
  CHECK_FALSE(t.pin_check.valid());  // the stale result is gone: the next pad cannot open the screen with it
  t.asking_pin = true;
  take_pin_result(t, 101);
  CHECK_FALSE(t.open);

  finish_check(t, true);
  take_pin_result(t, 102);
  CHECK(t.open);
  CHECK_FALSE(t.asking_pin);
}

TEST_CASE("five wrong PINs lock the pad", "[technician]") {
  TechnicianState t;
  t.asking_pin = true;
  for (int i = 0; i < 5; ++i) {
    finish_check(t, false);
    take_pin_result(t, 100);
  }
  CHECK_FALSE(t.open);
  CHECK(t.locked_until > 100);
  CHECK(t.failures == 0);
}
