#pragma once
// kiosk --self-test: what a technician checks after installing or repairing a kiosk, in one report: fonts
// for every language the bundle offers, the bundle and its signature, the map, the kiosk's place, audio,
// display and touch, free disk. Exit code 1 when anything fails.

#include <SDL.h>

#include <filesystem>
#include <string>
#include <vector>

#include "core/config/kiosk_config.h"
#include "speech/speech_synth.h"
#include "ui/ui_env.h"

namespace kiosk::app {

struct SelfTestFacts {
  const ui::UiEnv* env = nullptr;
  const KioskConfig* config = nullptr;
  std::filesystem::path bundle_dir;
  bool managed = false;        // the bundle is the synced `current` one
  std::string signature;       // as the technician screen shows it
  std::string out_of_service;  // why no bundle is shown (the kiosk shows "out of service"); empty when one is
  std::string place_problem;   // the kiosk's place, when something is wrong with it
  SDL_Renderer* renderer = nullptr;
  speech::Synthesizer* synth = nullptr;
  bool headless = false;  // no display, touch or audio to check (a chroot, CI): those are skipped
};

struct SelfTestLine {
  std::string check;
  enum class Result { ok, failed, skipped } result = Result::ok;
  std::string detail;
};

std::vector<SelfTestLine> run_self_test(const SelfTestFacts& facts);
// Prints the report; returns the exit code (0 when nothing failed).
int print_self_test(const std::vector<SelfTestLine>& lines);

}  // namespace kiosk::app
