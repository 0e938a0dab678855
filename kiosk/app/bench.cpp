#include "app/bench.h"

#include <sys/resource.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <vector>

#include "ui/map_panel.h"

namespace kiosk::app {

namespace {

double percentile(std::vector<double> v, double p) {
  if (v.empty()) return 0.0;
  std::sort(v.begin(), v.end());
  return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

// Every screen in four scripts, twelve frames each: the first (layouts not yet cached) and the rest.
void tour_screens(Kiosk& k, std::vector<double>& cold, std::vector<double>& warm) {
  for (const char* locale : {"de", "ar", "ta", "ti"})
    for (ui::Screen screen : {ui::Screen::attract, ui::Screen::language, ui::Screen::home, ui::Screen::list,
                              ui::Screen::detail, ui::Screen::search, ui::Screen::map, ui::Screen::accessibility}) {
      k.session.locale = locale;
      k.session.screen = screen;
      k.session.category = "health";
      k.session.service = k.content->bundle.services.empty() ? "" : k.content->bundle.services.front().id;
      k.session.query = "a";
      for (int i = 0; i < 12; ++i) {
        k.frame(false, 1.f / 30);
        (i == 0 ? cold : warm).push_back(k.last_ui_ms);
      }
    }
}

// The map screen at city and street zoom, panning a little every frame so that nothing is cached. 120
// frames each after four to warm up: a p99 of fewer is the slowest frame, one hiccup of the machine.
void map_frames(Kiosk& k, std::vector<double>& city, std::vector<double>& street) {
  if (!k.env->map) return;
  k.session.locale = "de";
  k.session.screen = ui::Screen::map;
  const ImRect screen(ImVec2(0, 0), k.env->size);
  // "Whole city": the bundle's whole area on screen, as far as the map screen zooms out.
  const map::MapCamera whole = ui::camera_on_area(*k.env, screen);
  for (const float scale : {whole.scale, 3.0f}) {
    k.session.map_view = scale < 1 ? whole : ui::camera_at_kiosk(*k.env, screen, scale);
    for (int i = 0; i < 124; ++i) {
      k.session.map_view->cx += 1 / scale;
      k.frame(false, 1.f / 30);
      if (i >= 4) (scale < 1 ? city : street).push_back(k.last_ui_ms);
    }
  }
}

}  // namespace

int run_bench(Kiosk& k, const std::filesystem::path& out, std::chrono::steady_clock::time_point start) {
  // The first frame as a kiosk in use draws it: without waiting for the map; then the map as it arrives.
  k.wait_for_map = false;
  k.frame(false, 1.f / 30);
  const double first_frame_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  ui::finish_map_load(*k.env, true);
  const double map_ready_ms =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  k.wait_for_map = true;
  std::vector<double> cold, warm, city, street;
  tour_screens(k, cold, warm);
  map_frames(k, city, street);
  rusage ru{};
  getrusage(RUSAGE_SELF, &ru);
  const nlohmann::json j = {{"first_frame_ms", first_frame_ms},
                            {"map_ready_ms", map_ready_ms},
                            {"frame_ms_p50", percentile(warm, 0.5)},
                            {"frame_ms_p99", percentile(warm, 0.99)},
                            {"first_frame_of_screen_ms_p50", percentile(cold, 0.5)},
                            {"map_city_frame_ms_p50", percentile(city, 0.5)},
                            {"map_city_frame_ms_p99", percentile(city, 0.99)},
                            {"map_street_frame_ms_p50", percentile(street, 0.5)},
                            {"map_street_frame_ms_p99", percentile(street, 0.99)},
                            {"peak_rss_mib", static_cast<double>(ru.ru_maxrss) / 1024.0},
                            {"atlas_mib", static_cast<double>(k.text->atlas.memory_bytes()) / (1 << 20)}};
  std::ofstream(out) << j.dump(2) << "\n";
  return 0;
}

}  // namespace kiosk::app
