#pragma once
// One frame of the resident UI: the current screen, scrolling with inertia, and the idle warning that
// ends in a wiped session.

#include "ui/idle_wipe.h"
#include "ui/ui_env.h"

namespace kiosk::ui {

// Draws the frame into a full-screen ImGui window. Call between begin_frame and end_frame (ui_env.h),
// themselves between ImGui::NewFrame and ImGui::Render.
void draw_frame(UiEnv& env, Session& s);

}  // namespace kiosk::ui
