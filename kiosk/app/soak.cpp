#include "app/soak.h"

#include <fmt/format.h>
#include <imgui.h>
#include <malloc.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <fstream>
#include <string_view>

#include "app/automation.h"
#include "app/imgui_memory.h"
#include "app/kiosk.h"
#include "ui/idle_wipe.h"

namespace kiosk::app {
namespace {

template <typename T, std::size_t N>
const T& pick(std::mt19937& rng, const std::array<T, N>& items) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

float uniform(std::mt19937& rng, float lo, float hi) {
  return std::uniform_real_distribution<float>(lo, hi)(rng);
}

// Search words in the sample's languages and scripts, fragments, typos and oddities (digits, a lone
// combining mark, a bidi mark): what people type, and what they type by accident.
constexpr std::array<std::string_view, 24> search_words = {
    "arzt",     "klinik", "bibliothek", "essen",     "sprach", "ausweis", "عيادة",   "طبيب",
    "کتابخانه", "دکتر",   "ڕێنمایی",    "ሕክምና",      "ቤተ",     "மருத்துவ", "நூலகம்",   "лікар",
    "їжа",      "dil",    "doktor",     "kütüphane", "x",      "2",       "\u0301a", "\u200fab"};

constexpr std::array<std::string_view, 9> keys = {"Down", "Up", "Left", "Right", "Return", "F1", "F2", "Escape", "Tab"};

}  // namespace

std::span<const std::string_view> soak_search_words() {
  return search_words;
}

std::string next_soak_step(std::mt19937& rng, const SoakView& v) {
  const float w = static_cast<float>(v.width), h = static_cast<float>(v.height);
  const int roll = std::uniform_int_distribution<int>(0, 99)(rng);
  if (roll < 45 && !v.controls.empty()) {  // a control of the screen: what people mostly do
    const auto& c = v.controls[std::uniform_int_distribution<std::size_t>(0, v.controls.size() - 1)(rng)];
    const float x = uniform(rng, c.x0, std::max(c.x0, c.x1 - 1)), y = uniform(rng, c.y0, std::max(c.y0, c.y1 - 1));
    return fmt::format("tap {:.0f} {:.0f}", std::clamp(x, 0.f, w - 1), std::clamp(y, 0.f, h - 1));
  }
  if (roll < 53) return fmt::format("tap {:.0f} {:.0f}", uniform(rng, 0, w - 1), uniform(rng, 0, h - 1));
  if (roll < 62)
    return fmt::format("drag {:.0f} {:.0f} {:.0f} {:.0f}", uniform(rng, 0, w - 1), uniform(rng, 0, h - 1),
                       uniform(rng, 0, w - 1), uniform(rng, 0, h - 1));
  if (roll < 65)
    return fmt::format("hold {:.0f} {:.0f} {:.1f}", uniform(rng, 0, w - 1), uniform(rng, 0, h - 1),
                       uniform(rng, 0.3f, 3.0f));
  if (roll < 72) return fmt::format("key {}", pick(rng, keys));
  if (roll < 76)
    return fmt::format("pinch {:.0f} {:.0f} {:.2f}", uniform(rng, 0, w - 1), uniform(rng, 0, h - 1),
                       uniform(rng, 0.3f, 3.0f));
  if (roll < 83 && !v.locales.empty())
    return "locale " + v.locales[std::uniform_int_distribution<std::size_t>(0, v.locales.size() - 1)(rng)];
  if (roll < 90) {
    std::string q(pick(rng, search_words));
    if (rng() % 3 == 0) q += " " + std::string(pick(rng, search_words));
    return "search " + q;
  }
  if (roll < 97) return fmt::format("wait {:.1f}", uniform(rng, 0.5f, 10.0f));
  if (roll < 99) return fmt::format("wait {:.0f}", v.idle_seconds + uniform(rng, 1, 30));  // the visit is wiped
  return "reload";
}

MemoryUse memory_use() {
  MemoryUse m;
  const auto mi = mallinfo2();
  m.live_kib = static_cast<long>((mi.uordblks + mi.hblkhd) / 1024);
  std::ifstream in("/proc/self/status");
  for (std::string line; std::getline(in, line);) {
    if (line.starts_with("VmRSS:")) m.rss_kib = std::stol(line.substr(6));
    if (line.starts_with("RssAnon:")) m.anon_kib = std::stol(line.substr(8));
  }
  return m;
}

namespace {
double growth(long from, long to) {
  return from > 0 ? 100.0 * static_cast<double>(to - from) / static_cast<double>(from) : 0.0;
}
long heap_kib(const MemoryUse& m) {
  return m.anon_kib - m.atlas_kib;
}
long median_heap_kib(std::span<const SoakReport::Sample> s) {
  std::vector<long> v;
  for (const auto& x : s) v.push_back(heap_kib(x.memory));
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : v[v.size() / 2];
}
}  // namespace

long SoakReport::first_heap_kib() const {
  if (samples.size() < 6) return heap_kib(samples.empty() ? warm : samples.front().memory);
  return median_heap_kib(std::span(samples).first(samples.size() / 3));
}
long SoakReport::last_heap_kib() const {
  if (samples.size() < 6) return heap_kib(samples.empty() ? end : samples.back().memory);
  return median_heap_kib(std::span(samples).last(samples.size() / 3));
}
double SoakReport::anon_growth_percent() const {
  return growth(first_heap_kib(), last_heap_kib());
}
double SoakReport::rss_growth_percent() const {
  return growth(warm.rss_kib, end.rss_kib);
}
bool SoakReport::passed() const {
  return errors.empty() && anon_growth_percent() <= max_growth_percent && steps > 0;  // no step: nothing tested
}

std::string format_soak_report(const SoakReport& r) {
  auto mib = [](long kib) { return static_cast<double>(kib) / 1024.0; };
  std::string out = fmt::format(
      "soak: {:.1f} min, seed {}, warm-up {:.0f} s\n"
      "steps {}, frames {}, bundle reloads {}, idle wipes {}, kiosk clock {:.1f} h\n"
      "layout cache {} then {} of {} paragraphs, glyph atlas refilled {} times\n"
      "memory (MiB)      RSS     heap  of it glyph atlas\n"
      "  start        {:7.1f}  {:7.1f}  {:7.1f}\n"
      "  after warm-up{:7.1f}  {:7.1f}  {:7.1f}\n"
      "  peak after   {:7.1f}  {:7.1f}  {:7.1f}\n"
      "  end          {:7.1f}  {:7.1f}  {:7.1f}\n"
      "growth after warm-up: RSS {:+.2f} %, heap without the atlas {:+.2f} % (limit {:+.0f} %)\n"
      "  (heap without the atlas after settling visits, {} samples: {:.1f} → {:.1f} MiB, {})\n",
      r.minutes, r.seed, r.warmup_seconds, r.steps, r.frames, r.reloads, r.wipes, r.virtual_hours, r.cache_warm,
      r.cache_end, r.cache_capacity, r.atlas_clears, mib(r.start.rss_kib), mib(r.start.anon_kib),
      mib(r.start.atlas_kib), mib(r.warm.rss_kib), mib(r.warm.anon_kib), mib(r.warm.atlas_kib), mib(r.peak.rss_kib),
      mib(r.peak.anon_kib), mib(r.peak.atlas_kib), mib(r.end.rss_kib), mib(r.end.anon_kib), mib(r.end.atlas_kib),
      r.rss_growth_percent(), r.anon_growth_percent(), r.max_growth_percent, r.samples.size(), mib(r.first_heap_kib()),
      mib(r.last_heap_kib()),
      r.samples.size() >= 6 ? "the medians of the first and the last third" : "the first and the last");
  out += fmt::format("in use (MiB)     malloc  layout cache  ImGui\n");
  for (const auto& [name, m] : {std::pair{"after warm-up", r.warm}, std::pair{"end          ", r.end}})
    out += fmt::format("  {} {:7.1f}  {:7.1f}  {:7.1f}\n", name, mib(m.live_kib), mib(m.layout_kib), mib(m.imgui_kib));
  if (!r.samples.empty()) {  // a dozen of them, evenly spread, the last one included
    out += "settled at minute  heap without atlas  malloc without atlas (MiB)\n";
    const std::size_t n = r.samples.size(), rows = std::min<std::size_t>(n, 12);
    for (std::size_t i = 0; i < rows; ++i) {
      const auto& [seconds, m] = r.samples[rows == 1 ? n - 1 : i * (n - 1) / (rows - 1)];
      out += fmt::format("  {:15.1f}  {:17.1f}  {:20.1f}\n", seconds / 60, mib(heap_kib(m)),
                         mib(m.live_kib - m.atlas_kib));
    }
  }
  out += fmt::format("errors: {}\n", r.errors.size());
  for (const auto& e : r.errors) out += "  " + e + "\n";
  out += r.passed() ? "PASS\n" : "FAIL\n";
  return out;
}

namespace {

// One soak run: the kiosk, the report being filled, the random steps and the clocks.
struct SoakRun {
  Kiosk& k;
  SoakReport r;
  std::mt19937 rng;
  std::chrono::steady_clock::time_point t0 = std::chrono::steady_clock::now();
  double clock0 = 0;
  int atlas0 = 0;
  double next_sample = 0, sample_every = 10;

  [[nodiscard]] double elapsed() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  }

  [[nodiscard]] MemoryUse memory() const {
    auto m = memory_use();
    std::size_t atlas = k.text->atlas.memory_bytes();
    for (const auto& p : k.text->atlas.pages())  // the textures: ABGR, in this process with a software renderer
      atlas += p.texture ? static_cast<std::size_t>(p.size) * static_cast<std::size_t>(p.size) * 4 : 0;
    m.atlas_kib = static_cast<long>(atlas / 1024);
    m.layout_kib = static_cast<long>(k.text->cache.approx_bytes() / 1024);
    m.imgui_kib = static_cast<long>(imgui_bytes() / 1024);
    return m;
  }

  void fail(const std::string& step, const std::string& what) {
    r.errors.push_back(fmt::format("step {} ({}): {}", r.steps, step, what));
  }

  void first_of_bundle() {
    k.session.category = k.content->bundle.categories.empty() ? "" : k.content->bundle.categories.front().id;
    k.session.service = k.content->bundle.services.empty() ? "" : k.content->bundle.services.front().id;
  }

  // Warm-up tour: every screen in every language (a frame each), at two text sizes, the whole city map,
  // each language's search index and the words searches show, with a bundle reload before each language
  // but the first (the heap reaches its working size only after several: a new bundle is loaded while the
  // old one still lives; with a reload every third language some runs still grew by 1.5 MiB later).
  void tour(double time_limit) {
    int shown = 0;
    const std::vector<std::string> locales = k.content->bundle.locales;  // a reload replaces the content
    for (const auto& locale : locales) {
      if (elapsed() > time_limit) break;
      if (++shown > 1) run_command(k, "reload", "soak warm-up");
      k.session.locale = locale;
      first_of_bundle();
      for (const int percent : {100, 200})
        for (const char* name : {"home", "list", "detail", "map", "accessibility"}) {
          k.session.text_percent = percent;
          ui::screen_from_name(name, k.session.screen);
          k.advance(1.0 / 30, false);
        }
      if (k.env->map) {  // the whole city: the largest frames
        const auto& h = k.env->map->header;
        k.session.screen = ui::Screen::map;
        k.session.map_view =
            map::MapCamera{(h.min_x + h.max_x) / 2, (h.min_y + h.max_y) / 2, 0.2f, 0, {}, map::min_scale};
        k.advance(1.0 / 30, false);
        k.session.map_view.reset();
      }
      run_command(k, "search a", "soak warm-up");
      // What searches will show in this language: shaping caches plans per font, script and language.
      for (const auto word : soak_search_words()) {
        text::LayoutRequest req;
        req.text = std::string(word);
        req.locale = locale;
        req.size_px = 28;
        (void)k.text->layout(req);
      }
    }
    ui::end_visit(*k.env, k.session);
  }

  // Before each measurement: build what a bundle reload drops and rebuilds on first use (search index,
  // router, walks for both profiles, directions), then rest, so that measurements compare what stays,
  // not which of these the last reload happened to drop or which screen was drawn last.
  void settle() {
    k.session.locale = k.content->bundle.default_locale;
    first_of_bundle();
    for (const RouteProfile profile : {RouteProfile::wheelchair, RouteProfile::foot}) {
      k.session.route_profile = profile;
      for (const ui::Screen screen : {ui::Screen::list, ui::Screen::detail, ui::Screen::map}) {
        k.session.screen = screen;
        k.advance(1.0 / 30, false);
      }
    }
    run_command(k, "search a", "soak measurement");
    ui::end_visit(*k.env, k.session);
    // A minute on the attract screen, as a kiosk between visits (Dear ImGui frees the buffers of windows
    // unused for that long, such as the technician's).
    k.advance(ImGui::GetIO().ConfigMemoryCompactTimer + 1.0, false);
  }

  MemoryUse sample() {
    settle();
    r.samples.push_back({elapsed(), memory()});
    next_sample = elapsed() + sample_every;
    return r.samples.back().memory;
  }

  [[nodiscard]] SoakView view() const {
    SoakView v;
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(k.renderer, &w, &h);
    v.width = w;
    v.height = h;
    v.locales = k.content->bundle.locales;
    v.idle_seconds = k.config.idle_seconds + k.config.warning_seconds;
    for (const ImGuiID id : ui::focus_order(k.env->a11y, k.env->rtl)) {
      const ui::A11yItem* item = ui::find_control(k.env->a11y, id);
      v.controls.push_back({item->text, item->rect.Min.x, item->rect.Min.y + k.last_offset, item->rect.Max.x,
                            item->rect.Max.y + k.last_offset});
    }
    return v;
  }

  // One random step, and what a resident would see after it: never a blank screen; after idling, a wiped
  // visit on the attract screen.
  void step() {
    const SoakView v = view();
    const std::string step = next_soak_step(rng, v);
    ++r.steps;
    try {
      if (run_command(k, step, fmt::format("soak step {}", r.steps)) != 0) fail(step, "the step failed");
    } catch (const std::exception& e) {
      fail(step, std::string("exception: ") + e.what());
    }
    r.reloads += step == "reload";
    const ImDrawData* dd = ImGui::GetDrawData();
    if (!dd || dd->TotalVtxCount == 0) fail(step, "the frame drew nothing");
    if (!k.technician.open && k.env->a11y.items.empty()) fail(step, "the screen has no text and no controls");
    if (step.starts_with("wait ") && std::stod(step.substr(5)) > v.idle_seconds && !k.technician.open) {
      ++r.wipes;
      const auto& s = k.session;
      if (s.screen != ui::Screen::attract || !s.query.empty() || !s.locale.empty())
        fail(step, fmt::format("the visit was not wiped after idling (screen {}, query '{}')",
                               ui::screen_name(s.screen), s.query));
    }
  }

  void note_peak() {
    const auto m = memory();
    r.peak.rss_kib = std::max(r.peak.rss_kib, m.rss_kib);
    r.peak.anon_kib = std::max(r.peak.anon_kib, m.anon_kib);
    r.peak.atlas_kib = std::max(r.peak.atlas_kib, m.atlas_kib);
  }

  // Warm-up: the tour, then random steps until the glyph atlas has reached its page limit once (the
  // layout cache is emptied at each visit's end). At the latest after 40 % of the run, the caches are
  // taken as warm: from then on the heap must stay flat. It is measured after a settling visit at the
  // end of the warm-up, every few seconds after (about forty times a run; a random visit is cut short
  // then, as by an idle wipe), and at the end.
  void run() {
    clock0 = k.clock;
    atlas0 = k.text->atlas.generation();
    k.advance(0.2, false);
    r.start = memory();
    const double warmup_limit = r.minutes * 60 * 0.4;
    tour(warmup_limit);
    bool warm = false;
    sample_every = std::clamp(r.minutes * 60 / 40, 10.0, 120.0);
    while (elapsed() < r.minutes * 60 && r.errors.size() < 10) {
      const bool at_bounds = k.text->atlas.generation() > atlas0;
      if (!warm && (at_bounds || elapsed() >= warmup_limit)) {
        warm = true;
        r.warm = r.peak = sample();
        r.warmup_seconds = elapsed();
        r.cache_warm = k.text->cache.size();
      } else if (warm && elapsed() >= next_sample) {
        sample();
      }
      step();
      if (warm) note_peak();
    }
    if (warm) {
      r.end = sample();
    } else {
      settle();
      r.warm = r.peak = r.end = memory();
    }
    r.cache_end = k.text->cache.size();
    r.cache_capacity = k.text->cache.capacity();
    r.atlas_clears = k.text->atlas.generation() - atlas0;
    r.frames = k.frames;
    r.virtual_hours = (k.clock - clock0) / 3600;
  }
};

}  // namespace

int run_soak(Kiosk& k, double minutes, std::uint32_t seed, double max_growth_percent) {
  SoakRun run{k, {}, std::mt19937(seed)};
  run.r.max_growth_percent = max_growth_percent;
  run.r.minutes = minutes;
  run.r.seed = seed;
  run.run();
  fmt::print("{}", format_soak_report(run.r));
  return run.r.passed() ? 0 : 1;
}

}  // namespace kiosk::app
