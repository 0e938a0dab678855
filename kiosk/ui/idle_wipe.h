#pragma once
// A visit ends by itself: after the kiosk's idle time without a touch or key a warning counts down, then
// the session and everything the screens kept of it are wiped. Nothing of a visit outlives it.

#include "ui/session.h"
#include "ui/ui_env.h"

namespace kiosk::ui {

// Ends the visit: the session is wiped, and so is what the screens kept of it (the directions, what was
// read aloud, the shaped texts, among them what was searched for). The next frame's output asks the app
// to free its drawing buffers (FrameOutput::visit_ended).
void end_visit(UiEnv& env, Session& s);

// Before a frame is drawn: notes this frame's input, and ends a visit idle past the warning. Returns the
// seconds since the last input, for draw_idle_warning.
double check_idle(UiEnv& env, Session& s);

// Over the drawn screen: the countdown card while the warning is on, read aloud when it appears.
void draw_idle_warning(UiEnv& env, Session& s, double idle, bool warning_was);

}  // namespace kiosk::ui
