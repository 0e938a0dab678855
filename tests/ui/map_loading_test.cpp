// The map is loaded and checked on another thread (a metropolis's map takes a few hundred milliseconds):
// frames go on without it, it is taken when ready, and lists made before it are made again by walking.

#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <fstream>
#include <thread>

#include "support/ui_fixture.h"

using namespace kiosk;
using kiosk::test::UiFixture;

TEST_CASE("frames go on while the map loads, and lists walk once it is there", "[ui][map]") {
  UiFixture f;
  f.session.locale = "de";
  f.session.screen = ui::Screen::list;
  f.session.category = "health";
  ui::start_map_load(*f.env, KIOSK_SAMPLE_KMAP);
  CHECK_FALSE(f.env->map);
  f.frame(0);  // no map yet: the list is by straight line, and the frame does not wait
  CHECK(f.env->list_cache.valid);
  const auto before = f.env->list_cache.items;
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
  while (!ui::finish_map_load(*f.env, false) && std::chrono::steady_clock::now() < deadline)
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  REQUIRE(f.env->map);
  CHECK(f.env->map_error.empty());
  CHECK_FALSE(f.env->list_cache.valid);
  CHECK(f.env->markers.size() == f.content.bundle.services.size());
  CHECK_FALSE(ui::finish_map_load(*f.env, false));  // taken once
  f.frame(0.1);
  const auto& walk = ui::walking_distances(*f.env);
  REQUIRE(walk.size() == f.content.bundle.services.size());
  const auto& after = f.env->list_cache.items;
  REQUIRE(after.size() == before.size());
  int by_walk = 0;
  for (const auto& ls : after)
    if (std::isfinite(walk[ls.index])) by_walk += ls.distance_m == Approx(walk[ls.index]);
  CHECK(by_walk > static_cast<int>(after.size()) / 2);
}

TEST_CASE("a detail screen opened before the map arrived shows the way once it is there", "[ui][map]") {
  UiFixture f;
  f.session.locale = "de";
  f.session.screen = ui::Screen::detail;
  f.session.service = f.content.bundle.services.front().id;
  ui::start_map_load(*f.env, KIOSK_SAMPLE_KMAP);
  f.frame(0);  // before the map: no route, the screen says the map is unavailable
  CHECK_FALSE(f.env->directions.route);
  REQUIRE(ui::finish_map_load(*f.env, true));
  REQUIRE(f.env->map);
  f.frame(0.1);
  CHECK(f.env->directions.route);
}

TEST_CASE("a map that fails to load on the other thread is reported, and frames go on", "[ui][map]") {
  UiFixture f;
  test::TempDir tmp;
  const auto bad = tmp.path() / "bad.kmap";
  std::ofstream(bad) << "KIOSKMAP but nothing else";
  ui::start_map_load(*f.env, bad);
  CHECK(ui::finish_map_load(*f.env, true));
  CHECK_FALSE(f.env->map);
  CHECK_THAT(f.env->map_error, Catch::Contains("bad.kmap"));
  f.session.screen = ui::Screen::map;
  f.frame(0);
  CHECK_FALSE(f.env->map);
}
