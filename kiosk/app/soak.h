#pragma once
// The soak run (`kiosk --headless --soak MINUTES --seed N`): random use of the kiosk for a long time, to
// find leaks, crashes and hangs before a kiosk in a station does. Steps are script lines (automation.h),
// so a failure can be replayed.

#include <cstdint>
#include <random>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::app {

struct SoakControl {
  std::string label;
  float x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // on the screen, pixels
};

// What the step generator may look at: the last frame's controls and what the bundle offers.
struct SoakView {
  std::vector<SoakControl> controls;
  std::vector<std::string> locales;
  int width = 0, height = 0;
  double idle_seconds = 90;  // until the visit is wiped (warning included)
};

// What the soak types into the search (every script the sample offers, and oddities).
std::span<const std::string_view> soak_search_words();

// The next step as a script line: tap, drag, hold, key, pinch, wait, locale, search or reload.
std::string next_soak_step(std::mt19937& rng, const SoakView& view);

// Memory of this process, from /proc/self/status (KiB): all of it, and the anonymous part (the heap:
// where a leak shows; file pages such as the memory-mapped map are the page cache's to drop).
struct MemoryUse {
  long rss_kib = 0;
  long anon_kib = 0;
  // The glyph atlas's pages and their textures: a sawtooth by design, bounded by its page limit (it fills,
  // is cleared, fills again), so it is taken out of the growth figure.
  long atlas_kib = 0;
  long live_kib = 0;    // malloc'ed and not freed (mallinfo2)
  long layout_kib = 0;  // the layout cache, roughly
  long imgui_kib = 0;   // Dear ImGui's own allocations (draw lists, windows, storage)
};
MemoryUse memory_use();

struct SoakReport {
  double minutes = 0;
  std::uint32_t seed = 0;
  double max_growth_percent = 2.0;
  double warmup_seconds = 0;  // until every screen was seen in every language and the caches were full
  long steps = 0, frames = 0, reloads = 0, wipes = 0;
  double virtual_hours = 0;          // the kiosk's clock: idle periods pass without waiting
  MemoryUse start, warm, end, peak;  // peak: after warm-up
  std::size_t cache_warm = 0, cache_end = 0, cache_capacity = 0;  // laid-out paragraphs kept
  int atlas_clears = 0;
  std::vector<std::string> errors;  // each with the step that caused it
  // Memory after a settling visit, at the end of the warm-up, every few seconds after it, and at the end.
  struct Sample {
    double seconds = 0;  // since the soak began
    MemoryUse memory;
  };
  std::vector<Sample> samples;

  // Growth of the heap without the glyph atlas, in percent: the median of the last third of the samples
  // against the median of the first third (with fewer than six samples, the last against the first).
  // One sample against another would judge glibc's page-level fragmentation, which moves the heap's
  // resident size by a few percent from one moment to the next without any growth.
  [[nodiscard]] double anon_growth_percent() const;
  [[nodiscard]] long first_heap_kib() const;  // the figures compared: heap without atlas, KiB
  [[nodiscard]] long last_heap_kib() const;
  [[nodiscard]] double rss_growth_percent() const;
  [[nodiscard]] bool passed() const;
};

std::string format_soak_report(const SoakReport& r);

struct Kiosk;
// Random use for `minutes` of wall time (the kiosk's own clock runs faster: idle periods cost nothing).
// Fails (exit code 1) on an error, a blank screen, a visit not wiped after idling, or heap growth after
// warm-up; prints the report.
int run_soak(Kiosk& k, double minutes, std::uint32_t seed, double max_growth_percent);

}  // namespace kiosk::app
