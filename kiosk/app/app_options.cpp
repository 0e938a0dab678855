#include "app/app_options.h"

#include <CLI/CLI.hpp>

#include <filesystem>

namespace kiosk::app {

std::optional<int> parse_options(int argc, char** argv, AppOptions& o) {
  CLI::App app{"kiosk: the Stadt für alle touchscreen kiosk"};
  app.add_flag("--headless", o.headless, "render without a display (software renderer); with --screenshot or --script");
  app.add_flag("--windowed", o.windowed, "a window instead of full screen (development)");
  app.add_flag("--self-test", o.self_test,
               "check fonts, bundle and signature, map, place, audio, display, touch and disk; exit 1 on a failure "
               "(with --headless: no display, touch or audio checks)");
  app.add_option("--bundle", o.bundle, "content bundle folder")->check(CLI::ExistingDirectory);
  app.add_option("--locales", o.locales, "UI catalogs folder (default: found next to the bundle)");
  app.add_option("--fonts", o.fonts, "fonts.yaml (default: the project's)");
  app.add_option("--config", o.config, "local kiosk config (default: /etc/kiosk/kiosk.yaml when present)")
      ->check(CLI::ExistingFile);
  app.add_option("--map", o.map, "compiled map (.kmap; default: the one bundle.yaml names)");
  app.add_option("--kiosk", o.kiosk_id, "which of the bundle's kiosk places this is");
  app.add_option("--locale", o.locale, "start in this language (BCP 47)");
  app.add_option("--screen", o.screen, "start on this screen")
      ->check(CLI::IsMember({"attract", "language", "home", "list", "detail", "search", "map", "accessibility"}));
  app.add_option("--category", o.category, "category for --screen list");
  app.add_option("--service", o.service, "service for --screen detail");
  app.add_option("--query", o.query, "search text for --screen search");
  std::string size;
  app.add_option("--size", size, "WIDTHxHEIGHT, e.g. 1080x1920 for portrait");
  app.add_option("--now", o.now, "fixed local time YYYY-MM-DDTHH:MM in the bundle's time zone");
  app.add_option("--screenshot", o.screenshot, "write the screen to this PNG and exit");
  app.add_option("--script", o.script, "replay a script of touches, keys and waits")->check(CLI::ExistingFile);
  app.add_option("--text-size", o.text_size, "text size in percent")->check(CLI::IsMember({100, 150, 200}));
  app.add_option("--bench-json", o.bench_json, "headless: measure start-up and frame times, write them as JSON");
  app.add_option("--soak", o.soak_minutes,
                 "headless: random touches, drags, keys, languages, searches, idle periods and bundle reloads for "
                 "MINUTES; report memory and errors, exit 1 on an error or heap growth over 2 % after warm-up")
      ->check(CLI::Range(0.0, 100000.0));
  app.add_option("--soak-max-growth", o.soak_max_growth,
                 "heap growth after warm-up, in percent, that fails --soak (default 2; short runs never warm up)");
  app.add_option("--seed", o.seed, "random seed of --soak (the same seed repeats the same steps)");
  app.add_option("--layout", o.layout, "normal or low-reach (every control in the lower part of the screen)")
      ->check(CLI::IsMember({"normal", "low-reach"}));
  app.add_option("--speech-wav", o.speech_wav, "headless: write what the screen reads aloud to this WAV file");
  app.add_flag("--no-speech", o.no_speech, "no reading aloud and no audio device (a kiosk without a speaker)");
  app.add_option("--theme", o.theme, "normal or high-contrast")->check(CLI::IsMember({"normal", "high-contrast"}));
  app.add_flag("--pictograms-only", o.pictograms_only,
               "start as a visit that chose pictograms with very short words (read aloud on every screen)");
  try {
    app.parse(argc, argv);
    if (o.soak_minutes > 0 && !o.headless) throw CLI::ValidationError("--soak", "needs --headless");
    if (!size.empty()) {
      const auto x = size.find('x');
      if (x == std::string::npos) throw CLI::ValidationError("--size", "expected WIDTHxHEIGHT");
      o.width = std::stoi(size.substr(0, x));
      o.height = std::stoi(size.substr(x + 1));
      if (o.width < 320 || o.height < 320 || o.width > 8192 || o.height > 8192)
        throw CLI::ValidationError("--size", "between 320 and 8192 pixels");
    }
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "error: %s\n", e.what());
    return 2;
  }
  return std::nullopt;
}

}  // namespace kiosk::app
