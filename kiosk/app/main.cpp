// kiosk: the full-screen touchscreen app (SDL2 + Dear ImGui), or headless screenshots and scripts.

#include <fmt/format.h>
#include <malloc.h>

#include <chrono>

#include "app/automation.h"
#include "app/bench.h"
#include "app/display.h"
#include "app/kiosk.h"
#include "app/main_loop.h"
#include "app/self_test.h"
#include "app/soak.h"
#include "app/startup.h"

namespace {

using namespace kiosk;

// What the command line asked for, on an open display. Returns the exit code.
int run(app::Kiosk& k, std::chrono::steady_clock::time_point start) {
  const auto& o = k.opt;
  if (o.self_test) {
    k.advance(0.1, false);  // one frame: the display really draws
    return app::print_self_test(
        app::run_self_test({k.env.get(), &k.config, k.bundle_dir, k.managed, k.signature, k.out_of_service,
                            k.place_problem, k.renderer, k.synth.get(), o.headless}));
  }
  if (!o.bench_json.empty()) return app::run_bench(k, o.bench_json, start);
  if (o.soak_minutes > 0) return app::run_soak(k, o.soak_minutes, o.seed, o.soak_max_growth);
  if (!o.script.empty()) return app::run_script(k, o.script);
  if (!o.speech_wav.empty()) {
    k.advance(0.2, false);
    return app::write_speech(k, o.speech_wav);
  }
  if (o.headless || !o.screenshot.empty()) {
    k.advance(0.2, false);  // a few frames: windows appear, layouts are cached
    if (!o.screenshot.empty() && !k.capture(o.screenshot)) {
      fmt::print(stderr, "error: cannot write {}\n", o.screenshot);
      return 1;
    }
    return 0;
  }
  app::run_main_loop(k);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  // Months without a restart: large blocks (glyph atlas pages and their textures, ~1-4 MiB, dropped and
  // made again when the atlas refills) always come from mmap and go back to the system when freed. glibc
  // otherwise raises this threshold after the first such free and keeps the memory in the heap for good.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  app::Kiosk k;
  if (auto code = app::parse_options(argc, argv, k.opt)) return *code;
  if (auto code = app::set_up(k)) return *code;
  if (auto code = app::open_display(k)) return *code;
  if (auto code = app::show_first(k)) {
    app::close_display(k);
    return *code;
  }
  const int code = run(k, start);
  app::close_display(k);
  return code;
}
