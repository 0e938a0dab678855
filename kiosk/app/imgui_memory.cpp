#include "app/imgui_memory.h"

#include <imgui.h>

#include <atomic>
#include <cstdlib>

namespace kiosk::app {

namespace {

std::atomic<std::size_t> bytes{0};

// A size header before each block.
void* counted_alloc(std::size_t size, void*) {
  auto* p = static_cast<std::size_t*>(std::malloc(size + sizeof(std::max_align_t)));
  if (!p) return nullptr;
  *p = size;
  bytes += size;
  return reinterpret_cast<char*>(p) + sizeof(std::max_align_t);
}

void counted_free(void* ptr, void*) {
  if (!ptr) return;
  auto* p = reinterpret_cast<std::size_t*>(static_cast<char*>(ptr) - sizeof(std::max_align_t));
  bytes -= *p;
  std::free(p);
}

}  // namespace

void count_imgui_allocations() {
  ImGui::SetAllocatorFunctions(counted_alloc, counted_free);
}

std::size_t imgui_bytes() {
  return bytes;
}

}  // namespace kiosk::app
