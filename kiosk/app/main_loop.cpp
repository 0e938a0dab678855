#include "app/main_loop.h"

#include <backends/imgui_impl_sdl.h>

#include <algorithm>
#include <chrono>

#include "app/nav_keys.h"
#include "app/service_notify.h"
#include "app/stop_signals.h"

namespace kiosk::app {

namespace {

// One SDL event. Returns false when the (windowed) kiosk is to close; sets `input` for the resident's
// touches and keys.
bool handle_event(Kiosk& k, const SDL_Event& e, bool& input) {
  // Lock-down: keys that leave an app do nothing; only a windowed development kiosk closes.
  if (e.type == SDL_QUIT) return !k.opt.windowed;
  if (e.type == SDL_KEYDOWN) nav_key(e.key.keysym.scancode, k.next_input.nav);
  // Headphones plugged in (where the platform reports it): start reading aloud.
  if (e.type == SDL_AUDIODEVICEADDED && !e.adevice.iscapture && k.clock > 2) k.session.speech = true;
  if (e.type == SDL_KEYDOWN && !k.opt.windowed) {
    const auto key = e.key.keysym.sym;
    if (key == SDLK_ESCAPE || key == SDLK_F4 || key == SDLK_TAB || key == SDLK_q) return true;
  }
  if (e.type == SDL_MULTIGESTURE && e.mgesture.numFingers == 2) {
    // Pinch: SDL reports the change of the fingers' distance, normalised to the touch surface.
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(k.renderer, &w, &h);
    k.next_input.pinch_factor *= std::clamp(1.0f + e.mgesture.dDist * 4.0f, 0.5f, 2.0f);
    k.next_input.pinch_center = {e.mgesture.x * static_cast<float>(w), e.mgesture.y * static_cast<float>(h)};
  }
  ImGui_ImplSDL2_ProcessEvent(&e);
  input |= e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN || e.type == SDL_KEYDOWN ||
           e.type == SDL_MOUSEMOTION || e.type == SDL_MOUSEWHEEL || e.type == SDL_MULTIGESTURE;
  return true;
}

}  // namespace

void run_main_loop(Kiosk& k) {
  k.wait_for_map = false;
  k.sync.start(k.config.sync);
  ServiceNotify notify;
  bool ready = false;
  bool running = true;
  auto last = std::chrono::steady_clock::now();
  while (running && !stop_requested()) {
    bool input = false;
    SDL_Event e;
    while (SDL_PollEvent(&e)) running = handle_event(k, e, input) && running;
    const auto t = std::chrono::steady_clock::now();
    const double dt = std::chrono::duration<double>(t - last).count();
    last = t;
    k.clock += dt;
    k.frame(input, static_cast<float>(dt));
    if (!ready) {
      notify.ready();
      ready = true;
    }
    notify.alive();  // from the main loop itself: a frozen UI stops it
  }
  k.sync.stop();
}

}  // namespace kiosk::app
