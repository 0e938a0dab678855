#include "app/automation.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "app/bundle_switch.h"
#include "app/imgui_memory.h"
#include "app/nav_keys.h"
#include "ui/idle_wipe.h"
#include "ui/pictograms.h"

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

constexpr double frame_s = 1.0 / 30;

void tap(Kiosk& k, std::istream& words) {
  float x = 0, y = 0;
  words >> x >> y;
  k.pointer = {x, y};
  k.pointer_down = false;
  k.advance(frame_s, true);
  k.pointer_down = true;
  k.advance(frame_s, true);
  k.pointer_down = false;
  k.advance(frame_s, true);
  k.advance(0.2, false);
}

void drag(Kiosk& k, std::istream& words) {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  words >> x1 >> y1 >> x2 >> y2;
  k.pointer = {x1, y1};
  k.pointer_down = true;
  k.advance(frame_s, true);
  for (int i = 1; i <= 10; ++i) {
    k.pointer = {x1 + (x2 - x1) * static_cast<float>(i) / 10, y1 + (y2 - y1) * static_cast<float>(i) / 10};
    k.advance(frame_s, true);
  }
  k.pointer_down = false;
  k.advance(frame_s, true);
}

void hold(Kiosk& k, std::istream& words) {  // hold X Y SECONDS: a long press
  float x = 0, y = 0;
  double seconds = 0;
  words >> x >> y >> seconds;
  k.pointer = {x, y};
  k.pointer_down = true;
  k.advance(seconds, true);
  k.pointer_down = false;
  k.advance(frame_s, true);
}

int key(Kiosk& k, std::istream& words, const std::string& where) {  // key NAME (SDL names: Escape, Left, F4)
  std::string name;
  words >> name;
  const SDL_Scancode sc = SDL_GetScancodeFromName(name.c_str());
  if (sc == SDL_SCANCODE_UNKNOWN) {
    fmt::print(stderr, "{}: error: unknown key '{}'\n", where, name);
    return 2;
  }
  k.pressed_key = sc;
  nav_key(sc, k.next_input.nav);
  k.advance(frame_s, true);
  k.pressed_key = SDL_SCANCODE_UNKNOWN;
  k.advance(frame_s, true);
  return 0;
}

void pinch(Kiosk& k, std::istream& words) {  // pinch X Y FACTOR: fingers spreading (>1) or closing (<1) at X Y
  float x = 0, y = 0, factor = 1;
  words >> x >> y >> factor;
  k.next_input.pinch_center = {x, y};
  k.next_input.pinch_factor = std::clamp(factor, 0.05f, 20.0f);
  k.advance(frame_s, true);
  k.advance(frame_s, true);
}

int choose_locale(Kiosk& k, std::istream& words, const std::string& where) {  // what the language screen does
  std::string tag;
  words >> tag;
  const auto& offered = k.content->bundle.locales;
  if (std::find(offered.begin(), offered.end(), tag) == offered.end()) {
    fmt::print(stderr, "{}: error: the bundle does not offer the language '{}'\n", where, tag);
    return 2;
  }
  k.session.locale = tag;
  if (k.session.screen == ui::Screen::attract || k.session.screen == ui::Screen::language)
    k.session.screen = ui::Screen::home;
  k.advance(0.2, false);
  return 0;
}

void search(Kiosk& k, std::istream& words) {  // the search screen, TEXT typed one character at a time
  std::string typed;
  std::getline(words >> std::ws, typed);
  auto& s = k.session;
  if (s.locale.empty() && !k.content->bundle.locales.empty()) s.locale = k.content->bundle.locales[0];
  s.screen = ui::Screen::search;
  s.query.clear();
  for (std::size_t i = 0; i < typed.size();) {
    std::size_t n = 1;  // one UTF-8 sequence
    while (i + n < typed.size() && (static_cast<unsigned char>(typed[i + n]) & 0xC0) == 0x80) ++n;
    s.query += typed.substr(i, n);
    i += n;
    k.advance(frame_s, false);
  }
  k.advance(0.2, false);
}

int reload(Kiosk& k, const std::string& where) {  // from the bundle's folder, as a bundle switch does
  std::string why;
  if (!load_bundle(k, k.bundle_dir, why)) {
    fmt::print(stderr, "{}: error: reloading {} failed: {}\n", where, k.bundle_dir.generic_string(), why);
    return 1;
  }
  ui::end_visit(*k.env, k.session);
  k.advance(0.1, false);
  return 0;
}

// The last drawn frame's controls in focus order, and its texts, with their boxes on the screen (tests
// check reach, overlap and the low-reach layout).
nlohmann::json box(const Kiosk& k, const ImRect& r) {
  return {r.Min.x, r.Min.y + k.last_offset, r.Max.x, r.Max.y + k.last_offset};
}

// The pictogram drawn with an item: its name, or null when it has none or none could be drawn (an
// unknown name, the icon font not installed).
nlohmann::json icon_json(const Kiosk& k, const ui::A11yItem& item) {
  if (item.icon.empty() || !ui::find_pictogram(*k.env, item.icon).valid()) return nullptr;
  return item.icon;
}

nlohmann::json controls_json(const Kiosk& k) {
  nlohmann::json out = nlohmann::json::array();
  for (const ImGuiID id : ui::focus_order(k.env->a11y, k.env->rtl)) {
    const ui::A11yItem* item = ui::find_control(k.env->a11y, id);
    out.push_back({{"label", item->text},
                   {"clipped", item->clipped},
                   {"box", box(k, item->rect)},
                   {"icon", icon_json(k, *item)}});
  }
  return out;
}

nlohmann::json texts_json(const Kiosk& k) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& item : k.env->a11y.items)
    if (item.role != ui::A11yRole::button)
      out.push_back({{"text", item.text}, {"box", box(k, item.rect)}, {"icon", icon_json(k, item)}});
  return out;
}

nlohmann::json map_json(const Kiosk& k) {
  const auto& s = k.session;
  nlohmann::json view;
  if (s.map_view && k.env->map) {
    const GeoPoint c = k.env->map->unproject({s.map_view->cx, s.map_view->cy});
    view = {{"lat", c.lat}, {"lon", c.lon}, {"scale", s.map_view->scale}, {"heading", s.map_view->heading_deg}};
  }
  return {{"loaded", k.env->map != nullptr}, {"error", k.env->map_error}, {"view", view}};
}

std::string focus_label(const Kiosk& k) {
  const ui::A11yItem* item = ui::find_control(k.env->a11y, k.session.focus);
  return item ? item->text : std::string();
}

}  // namespace

int run_command(Kiosk& k, const std::string& line, const std::string& where) {
  std::istringstream words(line);
  std::string cmd;
  if (!(words >> cmd) || cmd[0] == '#') return 0;
  if (cmd == "tap") {
    tap(k, words);
  } else if (cmd == "drag") {
    drag(k, words);
  } else if (cmd == "hold") {
    hold(k, words);
  } else if (cmd == "key") {
    return key(k, words, where);
  } else if (cmd == "pinch") {
    pinch(k, words);
  } else if (cmd == "wait") {
    double seconds = 0;
    words >> seconds;
    k.pointer = {-1, -1};
    k.advance(seconds, false);
  } else if (cmd == "sync") {  // sync now (what the kiosk's schedule does), and wait for it
    if (k.config.sync.enabled()) run_sync_and_log(k.config.sync);
  } else if (cmd == "screenshot") {
    std::string f;
    words >> f;
    if (!k.capture(f)) return 1;
  } else if (cmd == "state") {
    std::string f;
    words >> f;
    write_state(k, f);
  } else if (cmd == "locale") {
    return choose_locale(k, words, where);
  } else if (cmd == "search") {
    search(k, words);
  } else if (cmd == "reload") {
    return reload(k, where);
  } else {
    fmt::print(stderr,
               "{}: error: unknown command '{}'; use tap, drag, hold, key, pinch, wait, locale, search, reload, "
               "sync, screenshot or state\n",
               where, cmd);
    return 2;
  }
  return 0;
}

int run_script(Kiosk& k, const fs::path& file) {
  std::ifstream in(file);
  int line_no = 0;
  k.advance(0.1, false);
  for (std::string line; std::getline(in, line);) {
    ++line_no;
    if (const int code = run_command(k, line, fmt::format("{}:{}", file.generic_string(), line_no)); code != 0)
      return code;
  }
  return 0;
}

void write_state(const Kiosk& k, const fs::path& file) {
  const auto& s = k.session;
  const nlohmann::json j = {
      {"screen", ui::screen_name(s.screen)},
      {"out_of_service", !k.out_of_service.empty()},
      {"locale", s.locale},
      {"category", s.category},
      {"service", s.service},
      {"query", s.query},
      {"scroll", s.scroll},
      {"idle_warning", s.idle_warning},
      {"filters",
       {{"open_now", s.filters.open_now},
        {"free", s.filters.free_of_charge},
        {"no_documents", s.filters.no_documents},
        {"step_free", s.filters.step_free},
        {"my_language", s.filters.speaks_my_language}}},
      {"rtl", k.env->rtl},
      {"speech", s.speech},
      {"volume", s.volume},
      {"speech_rate", s.speech_rate},
      {"last_spoken", k.env->last_spoken},
      {"memory", {{"layout_cache_paragraphs", k.text->cache.size()}, {"imgui_bytes", imgui_bytes()}}},
      {"low_reach", k.low_reach_offset(1000) > 0},
      {"focus", focus_label(k)},
      {"controls", controls_json(k)},
      {"texts", texts_json(k)},
      {"route_profile", s.route_profile ? route_profile_name(*s.route_profile) : ""},
      {"map", map_json(k)},
      {"bundle",
       {{"id", k.content->bundle.id},
        {"version", k.content->bundle.version},
        {"dir", k.bundle_dir.generic_string()},
        {"managed", k.managed},
        {"signature", k.signature}}},
      {"technician_pin", k.technician.asking_pin},
      {"technician", k.technician.open}};
  std::ofstream(file) << j.dump(2) << "\n";
}

int write_speech(Kiosk& k, const fs::path& file) {
  const std::string reading = ui::screen_reading(*k.env, k.env->a11y);
  const std::string locale = ui::speech_locale(*k.env, k.session);
  if (!k.synth) {
    fmt::print(stderr, "error: no speech: espeak-ng is not available\n");
    return 1;
  }
  if (locale.empty()) {
    fmt::print(stderr, "error: espeak-ng has no voice for {} and the visit chose no other language\n", k.env->locale);
    return 1;
  }
  const auto pcm = k.synth->synthesize(reading, locale, {k.session.speech_rate, k.session.volume});
  if (!speech::write_wav(file, pcm)) return 1;
  fmt::print("{}: {:.1f} s of speech in {}\n", file.generic_string(), pcm.seconds(), locale);
  return 0;
}

}  // namespace kiosk::app
