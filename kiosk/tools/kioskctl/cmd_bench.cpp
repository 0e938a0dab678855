// kioskctl bench: speed figures measured against the targets in docs/performance.md. Not a test: it
// prints numbers and never fails on them.

#include <fmt/format.h>
#include <unicode/unistr.h>
#include <yaml-cpp/yaml.h>

#include <unistd.h>
#include <algorithm>
#include <cctype>
#include <chrono>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <nlohmann/json.hpp>

#include <random>
#include <sstream>
#include <tuple>
#include <vector>

#include "commands.h"
#include "core/bundle/content_loader.h"
#include "core/geo/geo.h"
#include "core/hours/holiday_calendar.h"
#include "core/hours/opening_hours.h"
#include "core/i18n/i18n_catalog.h"
#include "core/mapdata/map_data.h"
#include "core/routing/router.h"
#include "core/search/search.h"
#include "kiosk_binary.h"
#include "text/pictogram.h"
#include "text/text_engine.h"

namespace kioskctl {
namespace {

double ms_since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count();
}

namespace fs = std::filesystem;
using Clock = std::chrono::steady_clock;

struct BenchArgs {
  std::string bundle;
  std::string locales;
  std::string json_out;
  std::string compare;
  std::string kiosk;  // the kiosk program (default: next to kioskctl)
  int services = 10000;
};

struct Figure {
  std::string name;
  double value;
  std::string unit;
  std::string target;
  std::string key;  // stable id for --compare (names may carry counts); empty: derived from the name
};

// Units where more is better; for all others (ms, us, MiB) less is better.
bool higher_is_better(const std::string& unit) {
  return unit == "M/s" || unit == "/s";
}

std::string key_of(const Figure& f) {
  if (!f.key.empty()) return f.key;
  std::string k;
  for (const char c : f.name) {
    if (c == '(') break;
    k += std::isalnum(static_cast<unsigned char>(c)) ? static_cast<char>(std::tolower(c)) : '_';
  }
  while (!k.empty() && k.back() == '_') k.pop_back();
  return k;
}

// A copy of the bundle whose services are the sample's, repeated under new ids until there are n.
fs::path make_large_bundle(const fs::path& src, int n) {
  const fs::path dir = fs::temp_directory_path() / fmt::format("kiosk-bench-{}", ::getpid());
  fs::remove_all(dir);
  fs::create_directories(dir / "services");
  for (const char* f : {"bundle.yaml", "categories.yaml", "announcements.yaml", "holidays.yaml"})
    if (fs::exists(src / f)) fs::copy_file(src / f, dir / f);
  std::vector<YAML::Node> services;
  for (const auto& entry : fs::directory_iterator(src / "services"))
    if (entry.path().extension() == ".yaml")
      for (const auto& s : YAML::LoadFile(entry.path().string())["services"]) services.push_back(s);
  if (services.empty()) throw std::runtime_error("the bundle has no services to copy");
  for (int i = 0; i < n; ++i) {
    YAML::Node s = YAML::Clone(services[static_cast<std::size_t>(i) % services.size()]);
    s["id"] = fmt::format("{}-{}", s["id"].as<std::string>(), i);
    YAML::Node file;
    file["services"].push_back(s);
    std::ofstream(dir / "services" / fmt::format("bench-{:05}.yaml", i)) << YAML::Dump(file) << "\n";
  }
  return dir;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

void add(std::vector<Figure>& figures, std::string name, double value, std::string unit, std::string target,
         std::string key = "") {
  figures.push_back(Figure{std::move(name), value, std::move(unit), std::move(target), std::move(key)});
}

// Loading and validating the sample bundle, as kioskctl validate and a kiosk's start do.
void bench_validate_sample(const BenchArgs& a, const fs::path& locales, std::vector<Figure>& figures) {
  std::vector<double> ms;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = Clock::now();
    const auto c = kiosk::load_content(a.bundle, locales);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    if (!c.ok()) throw std::runtime_error("the bundle is invalid; run kioskctl validate");
  }
  add(figures, "validate sample bundle", median(ms), "ms", "");
}

// The same for a city-sized bundle (--services copies of the sample's services).
void bench_validate_large(const BenchArgs& a, const fs::path& locales, std::vector<Figure>& figures) {
  const fs::path big = make_large_bundle(a.bundle, a.services);
  std::vector<double> ms;
  std::size_t count = 0;
  for (int i = 0; i < 3; ++i) {
    const auto t0 = Clock::now();
    const auto c = kiosk::load_content(big, locales);
    ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
    count = c.bundle.services.size();
  }
  fs::remove_all(big);
  add(figures, fmt::format("validate {} services", count), median(ms), "ms", "< 1000 ms", "validate_large");
}

// Opening hours: every service's parsed value of the sample bundle, at instants over a week.
void bench_opening_hours(const BenchArgs& a, const fs::path& locales, std::vector<Figure>& figures) {
  auto content = kiosk::load_content(a.bundle, locales);
  const auto calendar = kiosk::holiday_calendar_from(content.bundle);
  const kiosk::OhContext ctx{&calendar, std::nullopt, std::nullopt, nullptr};
  std::vector<const kiosk::OpeningHours*> parsed;
  for (const auto& s : content.bundle.services)
    if (s.hours) parsed.push_back(s.hours.get());
  std::size_t evaluations = 0, open = 0;
  const auto t0 = Clock::now();
  while (std::chrono::duration<double>(Clock::now() - t0).count() < 0.5) {
    for (int step = 0; step < 7 * 24 * 4; step += 7) {  // every 105 minutes over a week
      const kiosk::LocalDateTime t{{2026, 11, 23 + step / 96}, (step % 96) * 15};
      for (const auto* oh : parsed) {
        open += kiosk::evaluate_at(*oh, ctx, t).state == kiosk::RuleState::open;
        ++evaluations;
      }
    }
  }
  const double secs = std::chrono::duration<double>(Clock::now() - t0).count();
  add(figures, "opening-hours evaluations per second", static_cast<double>(evaluations) / secs / 1e6, "M/s",
      ">= 1 M/s");
  const auto t1 = Clock::now();
  std::size_t parses = 0;
  for (int rep = 0; rep < 20; ++rep)
    for (const auto& s : content.bundle.services)
      if (!s.opening_hours.empty()) parses += kiosk::parse_opening_hours(s.opening_hours).index() == 0;
  const double parse_us = std::chrono::duration<double, std::micro>(Clock::now() - t1).count() /
                          static_cast<double>(std::max<std::size_t>(parses, 1));
  add(figures, "opening-hours parse (per value)", parse_us, "us", "");
  (void)open;
}

// About a screenful: up to 12 placeholder-free UI strings in each of five scripts, as a kiosk lays them out.
std::vector<kiosk::text::LayoutRequest> sample_screen(const kiosk::Catalogs& catalogs) {
  std::vector<kiosk::text::LayoutRequest> screen;
  for (const char* tag : {"de", "ar", "ta", "ti", "uk"}) {
    const auto* cat = catalogs.find_for(tag);
    if (!cat) continue;
    int n = 0;
    for (const auto& [key, msg] : cat->messages) {
      if (msg.pattern.find('{') != std::string::npos || n++ >= 12) continue;
      kiosk::text::LayoutRequest r;
      r.text = msg.pattern;
      r.locale = tag;
      r.size_px = 28;
      r.max_width = 600;
      screen.push_back(r);
    }
  }
  return screen;
}

// Text layout through the whole pipeline: a screen laid out afresh, and again from the cache.
void bench_text_layout(kiosk::text::TextEngine& engine, const kiosk::Catalogs& catalogs, std::vector<Figure>& figures) {
  const auto screen = sample_screen(catalogs);
  std::vector<double> cold;
  for (int rep = 0; rep < 7; ++rep) {
    engine.cache.clear();
    const auto t0 = Clock::now();
    for (const auto& r : screen) engine.layout(r);
    cold.push_back(std::chrono::duration<double, std::milli>(Clock::now() - t0).count());
  }
  add(figures, fmt::format("text: cold layout of {} paragraphs", screen.size()), median(cold), "ms", "< 5 ms",
      "text_cold_screen");
  const int lookups = 200000;
  const auto t1 = Clock::now();
  std::size_t sink = 0;
  for (int i = 0; i < lookups; ++i)
    sink += engine.layout(screen[static_cast<std::size_t>(i) % screen.size()])->lines.size();
  add(figures, "text: cached paragraph lookup",
      std::chrono::duration<double, std::nano>(Clock::now() - t1).count() / lookups / 1000.0, "us", "< 1 us");
  (void)sink;
}

// Atlas memory: every glyph of every UI string of every locale at three sizes.
void bench_glyph_atlas(const kiosk::Catalogs& catalogs, kiosk::Diagnostics& diags, std::vector<Figure>& figures) {
  kiosk::text::TextEngine atlas_engine;
  atlas_engine.fonts = kiosk::text::FontSet::load(kiosk::text::default_font_config(), diags);
  kiosk::text::GlyphAtlas atlas(1024, 64);
  for (const auto& cat : catalogs.locales)
    for (const auto& [key, msg] : cat.messages)
      for (float size : {20.f, 28.f, 40.f}) {
        kiosk::text::LayoutRequest r;
        r.text = msg.pattern;
        r.locale = cat.info.tag;
        r.size_px = size;
        const auto p = kiosk::text::layout(*atlas_engine.fonts, r);
        for (const auto& line : p.lines)
          for (const auto& run : line.runs)
            for (const auto& g : run.glyphs) atlas.glyph(*atlas_engine.fonts, run.font, g.gid, size);
      }
  add(figures, fmt::format("text: atlas for all UI strings x 3 sizes ({} glyphs)", atlas.glyph_count()),
      static_cast<double>(atlas.memory_bytes()) / (1 << 20), "MiB", "< 16 MiB", "atlas_ui_strings");
  // Then every pictogram of the kiosk and 300 emoji (Unicode's test list, from Debian's unicode-data) at
  // the sizes the screens draw them: what a day with emoji-rich announcements could put in the atlas.
  const auto names_file = kiosk::default_pictogram_config();
  if (!names_file) return;
  const auto names = kiosk::load_pictogram_names(*names_file, diags);
  for (const auto& [ours, icon] : names.kiosk_names)
    for (float size : {34.f, 56.f, 120.f}) {
      const auto pg = kiosk::text::find_pictogram(*atlas_engine.fonts, names, ours);
      if (pg.valid()) atlas.glyph(*atlas_engine.fonts, pg.font, pg.gid, size);
    }
  std::ifstream emoji_list("/usr/share/unicode/emoji/emoji-test.txt");
  int emoji = 0;
  for (std::string line; emoji < 300 && std::getline(emoji_list, line);) {
    if (line.find("; fully-qualified") == std::string::npos) continue;
    std::stringstream cps(line.substr(0, line.find(';')));
    icu::UnicodeString sequence;
    for (std::string hex; cps >> hex;) sequence.append(static_cast<UChar32>(std::stoul(hex, nullptr, 16)));
    std::string text;
    sequence.toUTF8String(text);
    ++emoji;
    for (float size : {20.f, 28.f, 40.f}) {
      kiosk::text::LayoutRequest r;
      r.text = text;
      r.size_px = size;
      const auto p = kiosk::text::layout(*atlas_engine.fonts, r);
      for (const auto& line_ : p.lines)
        for (const auto& run : line_.runs)
          for (const auto& g : run.glyphs) atlas.glyph(*atlas_engine.fonts, run.font, g.gid, size);
    }
  }
  add(figures, fmt::format("text: atlas with pictograms and {} emoji added ({} glyphs)", emoji, atlas.glyph_count()),
      static_cast<double>(atlas.memory_bytes()) / (1 << 20), "MiB", "< 16 MiB", "atlas_with_pictograms_emoji");
}

// Text: UI strings of every shipped locale; nothing measured without fonts or catalogs.
void bench_text(const fs::path& locales, std::vector<Figure>& figures) {
  kiosk::Diagnostics diags;
  auto engine = kiosk::text::make_text_engine(kiosk::text::default_font_config(), diags);
  kiosk::Diagnostics cat_diags;
  const auto catalogs = kiosk::load_catalogs(locales, cat_diags);
  if (!engine || catalogs.locales.empty()) return;
  bench_text_layout(*engine, catalogs, figures);
  bench_glyph_atlas(catalogs, diags, figures);
}

// Prefixes of real queries: a few typical words, then service names' words in their scripts.
std::vector<std::string> search_queries(const kiosk::Bundle& bundle) {
  std::vector<std::string> queries = {"arzt",  "beratung", "deutschkurs", "essen", "ausweis",
                                      "عيادة", "طبيب",     "மருத்துவ",     "ሕክምና",  "лікар"};
  for (std::size_t i = 0; i < bundle.services.size() && queries.size() < 40; i += 17)
    for (const auto& [tag, name] : bundle.services[i].name.by_locale) {
      std::size_t cut = std::min<std::size_t>(name.size(), 24);
      while (cut > 0 && cut < name.size() && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;
      if (queries.size() < 40) queries.push_back(name.substr(0, cut));
    }
  return queries;
}

// Search as people type: every prefix of real queries over all services, on an index built once (as the
// kiosk does on first use).
void bench_search(const BenchArgs& a, const fs::path& locales, std::vector<Figure>& figures) {
  const auto content = kiosk::load_content(a.bundle, locales);
  const auto t0 = Clock::now();
  const kiosk::SearchIndex index(content.bundle);
  add(figures, "search: build the index (all services)", ms_since(t0), "ms", "< 300 ms");
  std::vector<double> keystroke;
  std::size_t hits = 0;
  for (const auto& q : search_queries(content.bundle))
    for (std::size_t n = 1; n <= q.size(); ++n) {
      if (n < q.size() && (static_cast<unsigned char>(q[n]) & 0xC0) == 0x80) continue;  // mid-character
      const auto t = Clock::now();
      hits += index.search(std::string_view(q).substr(0, n), 20).size();
      keystroke.push_back(ms_since(t));
    }
  std::sort(keystroke.begin(), keystroke.end());
  add(figures,
      fmt::format("search: per keystroke p50 ({} keystrokes, {} services)", keystroke.size(),
                  content.bundle.services.size()),
      keystroke[keystroke.size() / 2], "ms", "", "search_keystroke_p50");
  add(figures, "search: per keystroke p99", keystroke[keystroke.size() * 99 / 100], "ms", "< 16 ms");
  (void)hits;
}

// Routing on the bundle's compiled map: 1,000 kiosk-to-service pairs within the walking radius (what
// residents ask), 1,000 anywhere in the city (mostly "too far" in a metropolis), both profiles, and one
// search from the kiosk to every place. Nothing measured when the bundle has no compiled map.
void bench_routing(const BenchArgs& a, const fs::path& locales, std::vector<Figure>& figures) {
  const auto content = kiosk::load_content(a.bundle, locales);
  const fs::path kmap = fs::path(a.bundle) / content.bundle.map_compiled;
  std::error_code ec;
  if (content.bundle.map_compiled.empty() || !fs::exists(kmap, ec)) return;
  const auto t0 = std::chrono::steady_clock::now();
  const auto map = kiosk::load_map(kmap);
  add(figures, "map: load and check the compiled map", ms_since(t0), "ms", "< 50 ms");
  const auto radius = static_cast<float>(content.bundle.max_walk_m);
  kiosk::Router router(map, radius);
  const auto pairs = [&](bool near, std::uint32_t seed) {
    std::mt19937 rng(seed);
    std::vector<double> times;
    std::size_t found = 0;
    for (int i = 0, tries = 0; i < 1000 && tries < 1000000; ++tries) {
      const auto& k = content.bundle.kiosks[rng() % content.bundle.kiosks.size()];
      const auto& sv = content.bundle.services[rng() % content.bundle.services.size()];
      if (near && kiosk::distance_m(k.location, sv.location) > radius) continue;
      const auto profile = i++ % 2 ? kiosk::RouteProfile::wheelchair : kiosk::RouteProfile::foot;
      const auto t = std::chrono::steady_clock::now();
      found += router.route({k.location, k.layer}, sv.location, profile).has_value();
      times.push_back(ms_since(t));
    }
    std::sort(times.begin(), times.end());
    return std::tuple{times.empty() ? 0.0 : times[times.size() / 2],
                      times.empty() ? 0.0 : times[times.size() * 99 / 100], found, times.size()};
  };
  const auto [near_p50, near_p99, near_found, near_n] = pairs(true, 1);
  add(figures,
      fmt::format("route: query p50 ({} kiosk-to-service pairs within {:.0f} km in a straight line, {} found)", near_n,
                  radius / 1000, near_found),
      near_p50, "ms", "", "route_p50");
  add(figures, "route: query p99, pairs within the walking radius", near_p99, "ms", "< 5 ms", "route_p99");
  const auto [any_p50, any_p99, any_found, any_n] = pairs(false, 2);
  add(figures, fmt::format("route: query p50 ({} pairs anywhere in the city, {} found)", any_n, any_found), any_p50,
      "ms", "", "route_any_p50");
  add(figures, "route: query p99, pairs anywhere (beyond the radius: too far)", any_p99, "ms", "", "route_any_p99");
  // What a list needs: the walk from the kiosk to every place, one search over the network in the radius.
  std::vector<kiosk::GeoPoint> places;
  for (const auto& sv : content.bundle.services) places.push_back(sv.location);
  const auto t1 = std::chrono::steady_clock::now();
  const auto walks = router.distances_from(
      {content.bundle.kiosks.front().location, content.bundle.kiosks.front().layer}, places, kiosk::RouteProfile::foot);
  const double all_ms = ms_since(t1);
  const auto reached = std::count_if(walks.begin(), walks.end(), [](float d) { return std::isfinite(d); });
  add(figures, fmt::format("route: kiosk to all {} places, one search ({} within the radius)", places.size(), reached),
      all_ms, "ms", "< 100 ms", "route_all_places");
  add(figures, "map: file (memory-mapped)", static_cast<double>(map->byte_size) / (1 << 20), "MiB", "< 100 MiB");
}

// The kiosk itself, headless at 1920x1080 (software renderer): start-up and frame times, as its
// --bench-json reports them, with the same bundle and UI catalogs. Returns what went wrong when the
// kiosk's figures are missing (no kiosk program, it failed, no figures written): the run then fails.
std::string bench_kiosk(const BenchArgs& a, const fs::path& locales, std::vector<Figure>& figures) {
  const auto kiosk = a.kiosk.empty() ? find_kiosk_binary() : std::optional<fs::path>(a.kiosk);
  if (!kiosk) return "the kiosk program was not found next to kioskctl; give --kiosk";
  std::error_code ec;
  const fs::path json = fs::temp_directory_path() / fmt::format("kiosk-bench-{}.json", ::getpid());
  fs::remove(json, ec);
  const std::string cmd = fmt::format(
      "'{}' --headless --bundle '{}' --locales '{}' --size 1920x1080 --now 2026-11-26T10:00 --bench-json '{}'",
      kiosk->string(), a.bundle, locales.string(), json.string());
  if (const int rc = std::system(cmd.c_str()); rc != 0)
    return fmt::format("the kiosk failed (exit status {}): {}", rc, cmd);
  std::ifstream in(json);
  const auto j = nlohmann::json::parse(in, nullptr, false);
  fs::remove(json, ec);
  if (j.is_discarded() || !j.contains("frame_ms_p99")) return "the kiosk wrote no figures: " + cmd;
  {
    add(figures, "kiosk: cold start to first frame", j.value("first_frame_ms", 0.0), "ms", "< 300 ms");
    add(figures, "kiosk: cold start to the map ready (loaded beside the first frames)", j.value("map_ready_ms", 0.0),
        "ms", "", "map_ready");
    add(figures, "kiosk: frame CPU p50 (8 screens x de/ar/ta/ti)", j.value("frame_ms_p50", 0.0), "ms", "< 4 ms");
    add(figures, "kiosk: frame CPU p99", j.value("frame_ms_p99", 0.0), "ms", "< 4 ms");
    add(figures, "kiosk: first frame of a new screen p50", j.value("first_frame_of_screen_ms_p50", 0.0), "ms", "");
    add(figures, "kiosk: map frame CPU p50, whole city", j.value("map_city_frame_ms_p50", 0.0), "ms", "");
    add(figures, "kiosk: map frame CPU p99, whole city", j.value("map_city_frame_ms_p99", 0.0), "ms", "< 4 ms");
    add(figures, "kiosk: map frame CPU p50, street zoom", j.value("map_street_frame_ms_p50", 0.0), "ms", "");
    add(figures, "kiosk: map frame CPU p99, street zoom", j.value("map_street_frame_ms_p99", 0.0), "ms", "< 4 ms");
    add(figures, "kiosk: glyph atlas after the tour", j.value("atlas_mib", 0.0), "MiB", "< 40 MiB");
    add(figures, "kiosk: peak memory (RSS, map included)", j.value("peak_rss_mib", 0.0), "MiB", "< 150 MiB");
  }
  return {};
}

// --compare: an earlier run's figures by key, so that a slowdown shows in review.
std::map<std::string, double> read_earlier_run(const std::string& file) {
  std::map<std::string, double> before;
  if (file.empty()) return before;
  std::ifstream in(file);
  const auto j = nlohmann::json::parse(in, nullptr, false);
  if (j.is_discarded() || !j.is_array()) throw std::runtime_error(file + ": not a kioskctl bench --json file");
  for (const auto& f : j)
    if (f.contains("key") && f.contains("value")) before[f["key"].get<std::string>()] = f["value"].get<double>();
  return before;
}

// The table, with the change against the earlier run when there is one.
void print_figures(const std::vector<Figure>& figures, const std::map<std::string, double>& before,
                   const std::string& compare) {
  fmt::print("{:<58} {:>12}  {:<10}", "figure", "value", "target");
  if (!before.empty()) fmt::print(" {:>10} {:>8}", "before", "change");
  fmt::print("\n");
  int worse = 0;
  for (const auto& f : figures) {
    fmt::print("{:<58} {:>9.2f} {:<3}  {:<10}", f.name, f.value, f.unit, f.target.empty() ? "-" : f.target);
    if (const auto it = before.find(key_of(f)); it != before.end() && it->second != 0) {
      const double change = 100.0 * (f.value - it->second) / it->second;
      const bool is_worse = higher_is_better(f.unit) ? change < -10 : change > 10;
      worse += is_worse;
      fmt::print(" {:>10.2f} {:>+7.1f}%{}", it->second, change, is_worse ? "  worse" : "");
    } else if (!before.empty()) {
      fmt::print(" {:>10} {:>8}", "-", "new");
    }
    fmt::print("\n");
  }
  if (!before.empty())
    fmt::print("{} figure(s) more than 10 % worse than {} (single runs vary by a few per cent)\n", worse, compare);
}

void write_json(const std::vector<Figure>& figures, const std::string& file) {
  nlohmann::json j = nlohmann::json::array();
  for (const auto& f : figures)
    j.push_back({{"key", key_of(f)}, {"name", f.name}, {"value", f.value}, {"unit", f.unit}, {"target", f.target}});
  std::ofstream(file) << j.dump(2) << "\n";
}

int run_bench(const BenchArgs& a) {
  const auto found = kiosk::locales_dir_for(a.locales, a.bundle);
  if (!found) {
    fmt::print(stderr, "error: cannot find the UI catalogs (locales/*.yaml) for {}; give --locales DIR\n", a.bundle);
    return exit_usage;
  }
  const fs::path locales = fs::absolute(*found);
  std::vector<Figure> figures;
  bench_validate_sample(a, locales, figures);
  bench_validate_large(a, locales, figures);
  bench_opening_hours(a, locales, figures);
  bench_text(locales, figures);
  bench_search(a, locales, figures);
  bench_routing(a, locales, figures);
  const std::string kiosk_problem = bench_kiosk(a, locales, figures);
  const auto before = read_earlier_run(a.compare);
  print_figures(figures, before, a.compare);
  if (!a.json_out.empty()) write_json(figures, a.json_out);
  if (!kiosk_problem.empty()) {
    fmt::print(stderr, "error: no figures of the kiosk itself: {}\n", kiosk_problem);
    return exit_invalid;
  }
  return exit_ok;
}

}  // namespace

void add_bench(CLI::App& app, Action& action) {
  auto args = std::make_shared<BenchArgs>();
  auto* cmd = app.add_subcommand("bench", "print speed figures (not a test)");
  cmd->add_option("--bundle", args->bundle, "bundle folder")->required()->check(CLI::ExistingDirectory);
  cmd->add_option("--locales", args->locales, "folder of UI catalogs");
  cmd->add_option("--json", args->json_out, "also write the figures as JSON to this file");
  cmd->add_option("--compare", args->compare, "an earlier run's --json file: show the change of every figure")
      ->check(CLI::ExistingFile);
  cmd->add_option("--services", args->services, "services in the large validation bundle")->capture_default_str();
  cmd->add_option("--kiosk", args->kiosk, "the kiosk program (default: the one next to kioskctl)");
  cmd->callback([&action, args] { action = [args] { return run_bench(*args); }; });
}

}  // namespace kioskctl
