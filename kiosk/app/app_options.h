#pragma once
// The kiosk's command line.

#include <cstdint>
#include <optional>
#include <string>

namespace kiosk::app {

struct AppOptions {
  bool headless = false;
  bool windowed = false;
  bool self_test = false;
  std::string bundle;
  std::string locales;
  std::string map;
  std::string speech_wav;  // headless: write what the screen reads aloud to this WAV file
  bool no_speech = false;  // no synthesizer and no audio device
  std::string layout = "normal";
  std::string fonts;
  std::string kiosk_id;
  std::string locale;
  std::string screen;
  std::string category;
  std::string service;
  std::string query;
  int width = 1920, height = 1080;
  std::string now;  // local ISO time in the bundle's zone: fixes the clock
  std::string screenshot;
  std::string script;
  int text_size = 100;  // percent
  std::string theme = "normal";
  bool pictograms_only = false;  // start the visit with "pictograms only" (previews of that mode)
  std::string bench_json;        // measure start-up and frame times over a tour of the screens, write JSON
  std::string config;            // the kiosk's local config (default /etc/kiosk/kiosk.yaml when it exists)
  double soak_minutes = 0;       // headless: random use for this long (leaks, crashes)
  std::uint32_t seed = 1;        // of the soak's random steps
  double soak_max_growth = 2;    // percent of heap growth after warm-up that fails the soak
};

// Parses argv; on --help or an error prints and returns the exit code to use.
std::optional<int> parse_options(int argc, char** argv, AppOptions& out);

}  // namespace kiosk::app
