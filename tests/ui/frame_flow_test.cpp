// One frame of the resident UI as the app drives it (ui_env.h): settings and a frame's input go in, what to
// say and the end of a visit come back from end_frame, once; an idle visit is wiped by the UI itself.

#include <catch2/catch.hpp>

#include <imgui.h>

#include "support/ui_fixture.h"

using namespace kiosk;
using namespace kiosk::ui;
using kiosk::test::UiFixture;

TEST_CASE("a frame's output comes back from end_frame once and the UI never writes the app's settings", "[ui][frame]") {
  UiFixture f;
  f.session.locale = "ar";
  f.session.screen = Screen::home;
  f.session.speech = true;
  const FrameOutput first = f.frame(0, true);
  REQUIRE(first.speech.size() == 1);  // a new screen is read aloud once it is drawn
  CHECK(!first.speech[0].text.empty());
  CHECK(!first.visit_ended);
  CHECK(f.env->unit == Approx(720.f / 1080));  // from the input's size when the app gives no unit
  CHECK(f.frame(0.1).speech.empty());          // said once, not every frame
  CHECK(f.env->output.speech.empty());

  // A key moves the focus and reads the control; the keys are this frame's input only.
  NavKeys next;
  next.next = true;
  const FrameOutput keyed = f.frame(0.2, true, next);
  CHECK(keyed.speech.size() == 1);
  CHECK(f.session.focus != 0);
  CHECK(f.frame(0.3).speech.empty());

  // The app's settings are read, never written (a frame with the unit given keeps it).
  CHECK(f.settings.idle_seconds == 30);
  CHECK(f.settings.warning_seconds == 20);
}

TEST_CASE("an idle visit: the warning is said once, then the visit ends and end_frame says so once",
          "[ui][frame][idle]") {
  UiFixture f;
  f.session.locale = "de";
  f.session.screen = Screen::list;
  f.session.category = "health";
  f.session.query = "arzt";
  f.frame(0, true);
  CHECK(!f.session.idle_warning);
  const FrameOutput warned = f.frame(31);  // past idle_seconds: the warning and its words
  CHECK(f.session.idle_warning);
  CHECK(warned.speech.empty());  // speech is off for this visit: nothing to say
  f.session.speech = true;
  CHECK(f.frame(32).speech.empty());      // the warning was said when it appeared, not again
  const FrameOutput ended = f.frame(51);  // past idle + warning: wiped by the UI
  CHECK(ended.visit_ended);
  CHECK(f.session.screen == Screen::attract);
  CHECK(f.session.query.empty());
  CHECK(f.session.locale.empty());
  CHECK(!f.frame(51.1).visit_ended);
}

TEST_CASE("a visit ended by the app between frames is reported by the next frame", "[ui][frame]") {
  UiFixture f;
  f.session.locale = "ta";
  f.session.screen = Screen::home;
  f.frame(0, true);
  end_visit(*f.env, f.session);  // a bundle switch or a reload does this outside a frame
  CHECK(f.frame(0.1).visit_ended);
  CHECK(!f.frame(0.2).visit_ended);
}
