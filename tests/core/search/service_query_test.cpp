#include "core/search/service_query.h"

#include <catch2/catch.hpp>

#include "core/bundle/content_loader.h"
#include "core/geo/geo.h"
#include "core/hours/holiday_calendar.h"
#include "core/routing/router.h"
#include "support/test_support.h"

using namespace kiosk;

TEST_CASE("distances and walking times", "[geo]") {
  // Aachen Hbf to Elisenbrunnen: about 750 m as the crow flies.
  const double d = distance_m({50.76776, 6.09104}, {50.77440, 6.08713});
  CHECK(d == Approx(790).margin(40));
  CHECK(walking_minutes(d) == 15);
  CHECK(walking_minutes(0) == 1);
}

TEST_CASE("lists: a category, open first, then by distance, and filters never count unknown as yes", "[list]") {
  const Content c = load_content(test::sample_bundle(), test::locales_dir());
  REQUIRE(c.ok());
  const HolidayCalendar cal = holiday_calendar_from(c.bundle);
  const OhContext ctx{&cal, std::nullopt, std::nullopt, nullptr};
  ServiceQuery q;
  q.category = "health";
  q.from = c.bundle.kiosks.front().location;
  q.now = {{2026, 11, 26}, 10 * 60};  // a Thursday morning
  const auto list = list_services(c.bundle, ctx, q);
  REQUIRE(list.size() > 100);
  for (const auto& l : list) CHECK(c.bundle.services[l.index].category == "health");
  // Open ones first; within a state, nearer first.
  for (std::size_t i = 1; i < list.size(); ++i) {
    const auto rank = [](RuleState s) { return s == RuleState::open ? 0 : s == RuleState::unknown ? 1 : 2; };
    CHECK(rank(list[i - 1].hours.state) <= rank(list[i].hours.state));
    if (list[i - 1].hours.state == list[i].hours.state) CHECK(list[i - 1].distance_m <= list[i].distance_m);
  }
  CHECK(list.front().hours.state == RuleState::open);
  // Each row carries the whole state (with the data's comment), so that the row's text needs no second
  // evaluation; a service without hours is unknown, never closed.
  for (const auto& l : list) {
    const Service& sv = c.bundle.services[l.index];
    CHECK(l.hours == (sv.hours ? evaluate_at(*sv.hours, ctx, q.now) : OhState{RuleState::unknown, {}}));
    CHECK(l.hours == hours_state(sv, ctx, q.now));
  }
  CHECK(
      std::any_of(list.begin(), list.end(), [&](const ListedService& l) { return !c.bundle.services[l.index].hours; }));

  q.filters.step_free = true;
  const auto step_free = list_services(c.bundle, ctx, q);
  CHECK(step_free.size() < list.size());
  for (const auto& l : step_free) CHECK(c.bundle.services[l.index].wheelchair == Wheelchair::yes);

  q.filters = {};
  q.filters.open_now = true;
  for (const auto& l : list_services(c.bundle, ctx, q)) CHECK(l.hours.state == RuleState::open);

  q.filters = {};
  q.filters.no_documents = true;  // OSM says nothing about documents: nothing is known to need none
  CHECK(list_services(c.bundle, ctx, q).empty());
}

TEST_CASE("lists: with walking distances along the ways, nearer means a shorter walk", "[list][routing]") {
  const Content c = load_content(test::sample_bundle(), test::locales_dir());
  REQUIRE(c.ok());
  const HolidayCalendar cal = holiday_calendar_from(c.bundle);
  const OhContext ctx{&cal, std::nullopt, std::nullopt, nullptr};
  Router router(load_map(KIOSK_SAMPLE_KMAP));
  ServiceQuery q;
  q.category = "libraries";
  q.from = c.bundle.kiosks.front().location;
  q.now = {{2026, 11, 26}, 10 * 60};
  std::vector<GeoPoint> places;
  for (const auto& sv : c.bundle.services) places.push_back(sv.location);
  std::vector<float> walk = router.distances_from(q.from, places, RouteProfile::foot);
  walk[0] = std::numeric_limits<float>::quiet_NaN();  // a place without route keeps its straight line
  q.walk_m = &walk;
  const auto list = list_services(c.bundle, ctx, q);
  REQUIRE(list.size() > 10);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& l = list[i];
    const double straight = distance_m(q.from, c.bundle.services[l.index].location);
    if (std::isnan(walk[l.index])) {
      CHECK(l.distance_m == Approx(straight));
    } else {
      CHECK(l.distance_m == Approx(walk[l.index]));
      CHECK(l.distance_m >= straight - 50);  // a walk is never much shorter than the straight line
    }
    if (i > 0 && list[i - 1].hours.state == l.hours.state) CHECK(list[i - 1].distance_m <= l.distance_m);
  }
}

TEST_CASE("lists: places beyond the walking radius come last and say they are too far", "[list][routing]") {
  const Content c = load_content(test::sample_bundle(), test::locales_dir());
  REQUIRE(c.ok());
  const HolidayCalendar cal = holiday_calendar_from(c.bundle);
  const OhContext ctx{&cal, std::nullopt, std::nullopt, nullptr};
  Router router(load_map(KIOSK_SAMPLE_KMAP), 1500);  // a small radius: many places lie beyond it
  ServiceQuery q;
  q.from = c.bundle.kiosks.front().location;
  q.now = {{2026, 11, 26}, 10 * 60};
  std::vector<GeoPoint> places;
  for (const auto& sv : c.bundle.services) places.push_back(sv.location);
  const std::vector<float> walk = router.distances_from(q.from, places, RouteProfile::foot);
  q.walk_m = &walk;
  const auto list = list_services(c.bundle, ctx, q);
  REQUIRE(list.size() == c.bundle.services.size());
  int too_far = 0;
  for (std::size_t i = 0; i < list.size(); ++i) {
    const auto& l = list[i];
    INFO(c.bundle.services[l.index].id);
    CHECK(l.too_far == std::isinf(walk[l.index]));
    too_far += l.too_far;
    if (l.too_far) CHECK(l.distance_m == Approx(distance_m(q.from, c.bundle.services[l.index].location)));
    if (i == 0 || list[i - 1].hours.state != l.hours.state) continue;
    // Within one opening state: walkable places first, nearest first; then those too far, nearest first.
    CHECK((!list[i - 1].too_far || l.too_far));
    if (list[i - 1].too_far == l.too_far) CHECK(list[i - 1].distance_m <= l.distance_m);
  }
  CHECK(too_far > 50);
  CHECK(too_far < static_cast<int>(list.size()) - 10);
}
