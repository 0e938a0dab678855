#include "app/display.h"

#include <backends/imgui_impl_sdl.h>
#include <backends/imgui_impl_sdlrenderer.h>
#include <fmt/format.h>

#include <cstdlib>
#include <string_view>

#include "app/imgui_memory.h"
#include "app/stop_signals.h"

namespace kiosk::app {

namespace {

std::optional<int> open_window(Kiosk& k) {
  const AppOptions& o = k.opt;
  if (o.headless) {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    // Pure software: otherwise SDL backs the window's framebuffer with OpenGL and loads Mesa's LLVM JIT,
    // which costs a third of a second and tens of megabytes for nothing.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  }
  SDL_SetHint(SDL_HINT_IME_SHOW_UI, "0");
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  install_stop_signals();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    fmt::print(stderr, "error: SDL: {}\n", SDL_GetError());
    return 1;
  }
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (o.headless)
    flags |= SDL_WINDOW_HIDDEN;
  else if (o.windowed)
    flags |= SDL_WINDOW_RESIZABLE;
  else
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  k.window =
      SDL_CreateWindow("Stadt für alle", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width, o.height, flags);
  if (!k.window) {
    fmt::print(stderr, "error: SDL window: {}\n", SDL_GetError());
    return 1;
  }
  if (!o.headless) k.renderer = SDL_CreateRenderer(k.window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!k.renderer) k.renderer = SDL_CreateRenderer(k.window, -1, SDL_RENDERER_SOFTWARE);
  if (!k.renderer) {
    fmt::print(stderr, "error: SDL renderer: {}\n", SDL_GetError());
    return 1;
  }
  if (!o.windowed) SDL_ShowCursor(SDL_DISABLE);  // touch screens show no cursor
  return std::nullopt;
}

}  // namespace

std::optional<int> open_display(Kiosk& k) {
  if (auto code = open_window(k)) return code;
  IMGUI_CHECKVERSION();
  count_imgui_allocations();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing about a session is written anywhere
  io.LogFilename = nullptr;
  ImGui_ImplSDL2_InitForSDLRenderer(k.window);
  ImGui_ImplSDLRenderer_Init(k.renderer);
  SDL_RendererInfo info{};
  if (SDL_GetRendererInfo(k.renderer, &info) == 0 && info.name)
    k.settings.smooth_textures = std::string_view(info.name) != "software";
  k.sink = std::make_unique<SdlTextureSink>(k.renderer);
  // Headless runs open no audio device (and espeak-ng's output only at the first words: see speech_synth).
  if (!k.opt.headless && k.synth) k.player = std::make_unique<SpeechPlayer>(k.synth.get());
  k.text->atlas.set_texture_sink(k.sink.get());
  return std::nullopt;
}

void close_display(Kiosk& k) {
  k.player.reset();
  k.text->atlas.release_textures();
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_DestroyRenderer(k.renderer);
  SDL_DestroyWindow(k.window);
  SDL_Quit();
}

}  // namespace kiosk::app
