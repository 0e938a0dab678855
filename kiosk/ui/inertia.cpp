#include "ui/inertia.h"

#include <algorithm>
#include <cmath>

namespace kiosk::ui {

ImVec2 drag_with_inertia(ImVec2& velocity, bool dragging, bool held, ImVec2 delta, float dt) {
  if (dragging) {
    const float t = std::max(dt, 1e-3f);
    velocity = {delta.x / t, delta.y / t};
    return delta;
  }
  if (held || (velocity.x == 0 && velocity.y == 0)) return {0, 0};
  const ImVec2 move{velocity.x * dt, velocity.y * dt};
  const float keep = std::pow(0.05f, dt);
  velocity = {velocity.x * keep, velocity.y * keep};
  if (std::hypot(velocity.x, velocity.y) < 5) velocity = {0, 0};
  return move;
}

}  // namespace kiosk::ui
