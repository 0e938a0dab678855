#pragma once
// Dear ImGui's allocations, counted: the soak and the state file report them, to tell ImGui's own growth
// from ours.

#include <cstddef>

namespace kiosk::app {

// Routes Dear ImGui's allocations through the counter. Call before ImGui::CreateContext.
void count_imgui_allocations();

// Bytes Dear ImGui holds now.
std::size_t imgui_bytes();

}  // namespace kiosk::app
