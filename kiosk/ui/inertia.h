#pragma once
// Drag, and let it coast when the finger lifts: the list's scrolling and the map's panning feel the same.

#include <imgui.h>

namespace kiosk::ui {

// This frame's movement in pixels: the drag itself while dragging (its velocity is kept), else the coast
// after it, which loses 95 % of its speed per second and stops below 5 px/s. `held`: a finger rests
// without dragging, which stops the coast.
ImVec2 drag_with_inertia(ImVec2& velocity, bool dragging, bool held, ImVec2 delta, float dt);

}  // namespace kiosk::ui
