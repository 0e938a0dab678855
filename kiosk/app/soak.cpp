#include "app/soak.h"

#include <fmt/format.h>

#include <malloc.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <string_view>

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

}  // namespace kiosk::app
