#pragma once
// One frame of the resident UI: the current screen, scrolling with inertia, and the idle warning that
// ends in a wiped session.

#include "ui/ui_env.h"

namespace kiosk::ui {

// Draws the frame into a full-screen ImGui window. Call between ImGui::NewFrame and ImGui::Render.
// `input` is true when the resident touched or pressed something since the last frame.
void draw_frame(UiEnv& env, Session& s, bool input);

// Ends the visit: the session is wiped, and so is what the screens kept of it (the directions, what was
// read aloud, the shaped texts, among them what was searched for). Sets env.visit_ended, so that the app
// frees its drawing buffers once the frame is shown.
void end_visit(UiEnv& env, Session& s);

}  // namespace kiosk::ui
