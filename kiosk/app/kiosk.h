#pragma once
// The kiosk at run time: the shown bundle and the UI built on it, the visit, the window, speech, the
// technician screen, and one frame of all of it. main.cpp sets it up; the event loop, scripts, the bench
// and the soak drive it (main_loop, automation, bench, soak).

#include <SDL.h>
#include <imgui.h>

#include <filesystem>
#include <future>
#include <memory>
#include <optional>
#include <string>

#include "app/app_options.h"
#include "app/sdl_texture_sink.h"
#include "app/speech_player.h"
#include "app/sync_schedule.h"
#include "core/bundle/content_loader.h"
#include "core/config/kiosk_config.h"
#include "core/sync/bundle_install.h"
#include "speech/speech_synth.h"
#include "text/text_engine.h"
#include "ui/technician.h"
#include "ui/ui_env.h"

namespace kiosk::app {

struct Kiosk {
  AppOptions opt;
  KioskConfig config;
  ui::UiSettings settings;  // from the options and the config; the UI reads them

  // The bundle shown (bundle_switch.h loads and switches it).
  std::unique_ptr<Content> content;
  std::filesystem::path bundle_dir;     // the folder shown
  bool managed = false;                 // it is the sync state's `current` bundle
  BundleLock bundle_lock;               // so that a sync does not collect it while shown
  std::string signature;                // the shown bundle's signature state, for the technician
  std::string place_problem;            // the kiosk's configured place does not fit the bundle
  bool load_failed_check = false;       // the last failed load was the file check (damaged on disk), not the content
  std::string out_of_service;           // why no bundle is shown; empty while one is
  std::filesystem::path failed_target;  // a synced bundle that did not load: not tried again until sync changes it
  double next_switch_check = 0;
  SyncSchedule sync;
  std::string config_problem;  // what is wrong with the kiosk's config ("" when nothing)
  // The first bundle, loaded on another thread while fonts, speech and the display open
  // (start_first_bundle_load); load_bundle takes it when it is for the folder asked for.
  struct EarlyContent {
    std::filesystem::path dir;
    std::future<Content> content;
  };
  std::optional<EarlyContent> early;

  std::unique_ptr<text::TextEngine> text;
  TimeFormats time_formats;  // outlives the envs of reloaded bundles
  std::unique_ptr<ui::UiEnv> env;
  ui::Session session;
  ui::TechnicianState technician;

  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  std::unique_ptr<SdlTextureSink> sink;
  std::unique_ptr<speech::Synthesizer> synth;
  std::unique_ptr<SpeechPlayer> player;  // null when headless

  std::optional<LocalDateTime> fixed_now;
  double clock = 0;  // seconds; virtual in scripts
  // Scripted runs (headless, scripts, bench, soak) feed the pointer and keys to ImGui directly, so that
  // replays do not depend on SDL's focus.
  bool scripted = false;
  // Whether a frame waits for a map still being loaded: scripts, screenshots and tests see the map from
  // the first frame; the kiosk in use (and the bench's cold start) shows the attract screen at once and
  // the map from the frame after it is ready.
  bool wait_for_map = true;
  ImVec2 pointer{-1, -1};
  bool pointer_down = false;
  SDL_Scancode pressed_key = SDL_SCANCODE_UNKNOWN;
  // What the event loop or a script gathered for the next frame (keys, pinch); the frame completes and
  // takes it.
  ui::FrameInput next_input;

  long frames = 0;
  double last_ui_ms = 0;  // CPU time of building the last frame (layout, draw lists), without rasterizing
  float last_offset = 0;  // of the last frame's UI (low reach), in pixels

  // Low reach: the UI is laid out in the lower part of the screen as if that were the whole screen.
  [[nodiscard]] float low_reach_offset(float height) const;
  [[nodiscard]] LocalDateTime now() const;
  [[nodiscard]] ui::DeviceFacts device_facts() const;

  // One frame: a bundle switch when due, the technician's requests, the UI, speech, the screen.
  void frame(bool touched, float dt);
  // Moves the clock by `seconds` with enough frames for animations to settle; long waits only move the
  // clock (idle tests wait minutes). `input_first`: the first frame carries the pointer's touch.
  void advance(double seconds, bool input_first);
  // Re-renders the last frame (a present may have discarded it) and writes the screen as PNG.
  bool capture(const std::filesystem::path& file);
};

}  // namespace kiosk::app
