// The walking radius on screen: a list says which places are too far to walk and puts them last, and the
// detail screen says "too far to walk" instead of "no way there" (real map, bundle, fonts and catalogs).

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "core/geo/geo.h"
#include "support/ui_fixture.h"

using namespace kiosk;
using kiosk::test::UiFixture;

namespace {

bool shows(const ui::UiEnv& env, const std::string& text) {
  return std::any_of(env.a11y.items.begin(), env.a11y.items.end(),
                     [&](const ui::A11yItem& i) { return i.text.find(text) != std::string::npos; });
}

}  // namespace

TEST_CASE("places beyond the bundle's walking radius: too far in the list and on the detail screen", "[ui][routing]") {
  UiFixture f;
  f.content.bundle.max_walk_m = 1500;  // as `walking: {max_km: 1.5}`
  ui::attach_map(*f.env, KIOSK_SAMPLE_KMAP);
  REQUIRE(f.env->map);
  for (const std::string locale : {"de", "ar", "ti"}) {
    INFO(locale);
    f.session = {};
    f.session.locale = locale;
    f.session.screen = ui::Screen::list;
    f.session.category = "health";
    f.frame(0);
    const auto& walk = ui::walking_distances(*f.env);
    const std::string too_far_row = ui::tr(*f.env, "list.too_far");
    const auto far =
        std::find_if(f.content.bundle.services.begin(), f.content.bundle.services.end(), [&](const Service& sv) {
          return sv.category == "health" &&
                 std::isinf(walk[static_cast<std::size_t>(&sv - &f.content.bundle.services[0])]);
        });
    REQUIRE(far != f.content.bundle.services.end());
    // The list is long; scroll to its end, where the places too far to walk are.
    f.session.scroll = 1e6f;
    f.frame(0.1);
    CHECK(shows(*f.env, too_far_row));

    f.session.screen = ui::Screen::detail;
    f.session.service = far->id;
    f.session.scroll = 0;
    f.frame(0.2);
    const std::string says = ui::tr(*f.env, "route.too_far", {{"km", 1.5}});
    CHECK(shows(*f.env, says));
    CHECK_FALSE(shows(*f.env, ui::tr(*f.env, "route.no_route")));
    // Within the radius the walk is given in minutes, as before.
    const auto near =
        std::find_if(f.content.bundle.services.begin(), f.content.bundle.services.end(), [&](const Service& sv) {
          return std::isfinite(walk[static_cast<std::size_t>(&sv - &f.content.bundle.services[0])]);
        });
    REQUIRE(near != f.content.bundle.services.end());
    f.session.service = near->id;
    f.frame(0.3);
    CHECK_FALSE(shows(*f.env, says));
    CHECK(f.env->directions.route);
  }
}
