#include "app/kiosk.h"

#include <backends/imgui_impl_sdl.h>
#include <backends/imgui_impl_sdlrenderer.h>
#include <fmt/format.h>
#include <imgui_internal.h>
#include <malloc.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <utility>

#include "app/bundle_switch.h"
#include "core/sync/sync_run.h"
#include "text/image.h"
#include "ui/kiosk_ui.h"
#include "ui/screen_out_of_service.h"

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

// After the frame that ended a visit is shown. Dear ImGui's draw lists keep the capacity of the largest
// frame ever drawn (a whole-city map: megabytes) and the last frame's vertices; freed here they grow back
// to what the next frames need. Then the memory freed during the visit goes back to the system, so that
// months of visits do not leave the heap fragmented at its high-water mark.
void release_visit_memory() {
  for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) w->DrawList->_ClearFreeMemory();
  malloc_trim(0);
}

// "Sync now" and "Previous bundle" on the technician screen.
void act_on_technician_requests(Kiosk& k) {
  if (k.technician.sync_requested) {
    k.technician.sync_requested = false;
    if (!k.sync.request_now() && k.config.sync.enabled()) run_sync_and_log(k.config.sync);
  }
  if (k.technician.rollback_requested) {
    k.technician.rollback_requested = false;
    if (k.config.sync.enabled() && roll_back_by_hand(k.config.sync.state_dir)) k.next_switch_check = 0;
    maybe_switch_bundle(k);
  }
}

// Moves the whole UI down into the lower part of the screen (low reach).
void shift_draw_data(ImDrawData* dd, float offset) {
  dd->DisplaySize.y += offset;  // the backend clips to this
  for (int l = 0; l < dd->CmdListsCount; ++l) {
    ImDrawList* list = dd->CmdLists[l];
    for (ImDrawVert& v : list->VtxBuffer) v.pos.y += offset;
    for (ImDrawCmd& c : list->CmdBuffer) c.ClipRect.y += offset, c.ClipRect.w += offset;
  }
}

bool screenshot(SDL_Renderer* renderer, const fs::path& file) {
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer, &w, &h);
  text::Image img(w, h, {0, 0, 0, 255});
  if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, img.rgba.data(), w * 4) != 0) return false;
  for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
  return text::write_png(file, img);
}

}  // namespace

float Kiosk::low_reach_offset(float height) const {
  const bool on = session.low_reach < 0 ? settings.low_reach : session.low_reach == 1;
  return on ? std::round(height * 0.38f) : 0.0f;
}

LocalDateTime Kiosk::now() const {
  if (fixed_now) return *fixed_now;
  const auto ms =
      std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
  return env->zone->to_local(ms);
}

ui::DeviceFacts Kiosk::device_facts() const {
  ui::DeviceFacts f;
  f.version = KIOSK_VERSION;
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(renderer, &info) == 0 && info.name) f.renderer = info.name;
  if (const char* d = SDL_GetCurrentVideoDriver()) f.video_driver = d;
  SDL_GetRendererOutputSize(renderer, &f.width, &f.height);
  f.touch_devices = SDL_GetNumTouchDevices();
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  f.rss_mib = static_cast<double>(ru.ru_maxrss) / 1024.0;
  f.bundle_dir = bundle_dir.generic_string();
  f.signature = signature;
  f.out_of_service = out_of_service;
  f.can_sync = config.sync.enabled();
  if (f.can_sync && technician.open) {  // a file read: only while a technician looks
    const auto st = read_sync_status(config.sync.state_dir);
    f.sync = st.time.empty() ? "never" : st.time + " " + st.outcome + ": " + st.message;
  }
  return f;
}

void Kiosk::frame(bool touched, float dt) {
  ++frames;
  maybe_switch_bundle(*this);
  if (ui::finish_map_load(*env, wait_for_map) && !env->map) fmt::print(stderr, "warning: no map: {}\n", env->map_error);
  act_on_technician_requests(*this);
  text->atlas.begin_frame();
  ImGui_ImplSDLRenderer_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGuiIO& io = ImGui::GetIO();
  if (scripted) {
    io.MousePos = pointer;
    io.MouseDown[0] = pointer_down;
    io.DeltaTime = dt;
    for (bool& down : io.KeysDown) down = false;
    if (pressed_key != SDL_SCANCODE_UNKNOWN) io.KeysDown[pressed_key] = true;
  }
  int w = 0, h = 0;
  SDL_GetRendererOutputSize(renderer, &w, &h);
  const float offset = technician.open ? 0.0f : low_reach_offset(static_cast<float>(h));
  last_offset = offset;
  io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h) - offset);
  io.DisplayFramebufferScale = ImVec2(1, 1);
  if (io.MousePos.x > -1e5f) io.MousePos.y -= offset;

  ui::FrameInput in = std::exchange(next_input, {});
  in.size = io.DisplaySize;
  // Low reach keeps the sizes of the full screen: smaller targets would defeat its purpose.
  in.unit = std::min(static_cast<float>(w), static_cast<float>(h)) / 1080.f;
  in.now = now();
  in.clock = clock;
  in.touched = touched;
  const auto t0 = std::chrono::steady_clock::now();
  ImGui::NewFrame();
  ui::begin_frame(*env, session, in);
  if (!technician.open && out_of_service.empty()) ui::draw_frame(*env, session);
  if (!technician.open && !out_of_service.empty()) ui::draw_out_of_service(*env);
  ui::technician_frame(*env, technician, config.technician_pin_hash, device_facts());
  const ui::FrameOutput out = ui::end_frame(*env);
  ImGui::Render();
  if (offset > 0) shift_draw_data(ImGui::GetDrawData(), offset);
  for (const auto& u : out.speech)
    if (player) player->say(u.text, u.locale, {session.speech_rate, session.volume}, u.interrupt);
  last_ui_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  text->atlas.upload();
  const ImU32 bg = env->theme.background;
  SDL_SetRenderDrawColor(renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
  SDL_RenderClear(renderer);
  ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
  SDL_RenderPresent(renderer);
  if (out.visit_ended) release_visit_memory();
}

void Kiosk::advance(double seconds, bool input_first) {
  const int n = std::clamp(static_cast<int>(seconds * 30), 1, 12);
  for (int i = 0; i < n; ++i) {
    clock += seconds / n;
    frame(input_first && i == 0, static_cast<float>(seconds / n));
  }
}

bool Kiosk::capture(const fs::path& file) {
  frame(false, 1.f / 30);
  return screenshot(renderer, file);
}

}  // namespace kiosk::app
