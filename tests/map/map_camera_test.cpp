// The map's camera: screen and world agree both ways, "up" is the way the person faces, zoom keeps the
// point under the finger, fit shows the whole box.

#include <catch2/catch.hpp>

#include "map/map_camera.h"

using namespace kiosk;
using namespace kiosk::map;

TEST_CASE("screen and world coordinates round-trip at any heading", "[map][camera]") {
  for (const float heading : {0.0f, 90.0f, 200.0f, 340.0f}) {
    MapCamera c{100, -50, 1.7f, heading, {960, 540}};
    const kmap::Point w{123.5f, 77.25f};
    const auto back = c.to_world(c.to_screen(w));
    CHECK(back.x == Approx(w.x).margin(1e-3));
    CHECK(back.y == Approx(w.y).margin(1e-3));
  }
}

TEST_CASE("the direction the person faces points up on the screen", "[map][camera]") {
  // Facing east (90°): a point east of the centre is straight above it.
  MapCamera c{0, 0, 1, 90, {500, 500}};
  const ImVec2 east = c.to_screen({100, 0});
  CHECK(east.x == Approx(500).margin(1e-3));
  CHECK(east.y == Approx(400).margin(1e-3));
  // And north is then to the left.
  const ImVec2 north = c.to_screen({0, 100});
  CHECK(north.x == Approx(400).margin(1e-3));
}

TEST_CASE("zooming keeps the point under the finger, panning moves with it", "[map][camera]") {
  MapCamera c{0, 0, 1, 30, {500, 500}};
  const ImVec2 finger{700, 300};
  const auto before = c.to_world(finger);
  zoom_at(c, finger, 2.5f);
  CHECK(c.scale == Approx(2.5f));
  const auto after = c.to_world(finger);
  CHECK(after.x == Approx(before.x).margin(1e-2));
  CHECK(after.y == Approx(before.y).margin(1e-2));
  const auto under = c.to_world({400, 400});
  pan_by(c, {50, -20});
  const auto moved = c.to_screen(under);
  CHECK(moved.x == Approx(450).margin(1e-2));
  CHECK(moved.y == Approx(380).margin(1e-2));
  zoom_at(c, finger, 1000);
  CHECK(c.scale == max_scale);
}

TEST_CASE("fit shows the whole box inside the rectangle", "[map][camera]") {
  MapCamera c;
  c.heading_deg = 340;
  fit(c, -300, -100, 500, 900, ImVec4(100, 100, 900, 700), 20);
  for (const float x : {-300.0f, 500.0f})
    for (const float y : {-100.0f, 900.0f}) {
      const ImVec2 s = c.to_screen({x, y});
      CHECK(s.x >= 100 - 1e-2f);
      CHECK(s.x <= 900 + 1e-2f);
      CHECK(s.y >= 100 - 1e-2f);
      CHECK(s.y <= 700 + 1e-2f);
    }
}
