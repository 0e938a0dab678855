// kiosk: the full-screen touchscreen app (SDL2 + Dear ImGui), or headless screenshots and scripts.

#include <SDL.h>
#include <backends/imgui_impl_sdl.h>
#include <backends/imgui_impl_sdlrenderer.h>
#include <fmt/format.h>
#include <imgui_internal.h>

#include <malloc.h>
#include <sys/resource.h>
#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <random>
#include <sstream>
#include <thread>

#include "app/app_options.h"
#include "app/sdl_texture_sink.h"
#include "app/self_test.h"
#include "app/service_notify.h"
#include "app/soak.h"
#include "app/speech_player.h"
#include "app/stop_signals.h"
#include "core/content_loader.h"
#include "core/hours/civil_date.h"
#include "core/kiosk_config.h"
#include "core/sync/bundle_install.h"
#include "core/sync/sync_run.h"
#include "core/yaml_read.h"
#include "speech/speech_synth.h"
#include "ui/kiosk_ui.h"
#include "ui/screen_out_of_service.h"
#include "ui/technician.h"

namespace {

namespace fs = std::filesystem;
using namespace kiosk;

fs::path default_bundle() {
  std::error_code ec;
  if (fs::exists("content/aachen/bundle.yaml", ec)) return "content/aachen";
  if (auto found = find_data("content/aachen/bundle.yaml")) return found->parent_path();
  return "content/aachen";
}

// Dear ImGui's allocations, counted (the soak reports them): a size header before each block.
std::size_t imgui_bytes = 0;
void* imgui_alloc(std::size_t size, void*) {
  auto* p = static_cast<std::size_t*>(std::malloc(size + sizeof(std::max_align_t)));
  if (!p) return nullptr;
  *p = size;
  imgui_bytes += size;
  return reinterpret_cast<char*>(p) + sizeof(std::max_align_t);
}
void imgui_free(void* ptr, void*) {
  if (!ptr) return;
  auto* p = reinterpret_cast<std::size_t*>(static_cast<char*>(ptr) - sizeof(std::max_align_t));
  imgui_bytes -= *p;
  std::free(p);
}

struct Pointer {  // scripted touches, fed to ImGui directly so that replays do not depend on SDL's focus
  ImVec2 pos{-1, -1};
  bool down = false;
};

// Keys of a keyboard or a tactile keypad (EZ-Access style: arrows, Enter, Help) to the UI's navigation.
void nav_key(SDL_Scancode key, ui::NavKeys& nav) {
  switch (key) {
    case SDL_SCANCODE_DOWN:
      nav.next = true;
      break;
    case SDL_SCANCODE_UP:
      nav.previous = true;
      break;
    case SDL_SCANCODE_LEFT:
      nav.left = true;
      break;
    case SDL_SCANCODE_RIGHT:
      nav.right = true;
      break;
    case SDL_SCANCODE_RETURN:
    case SDL_SCANCODE_KP_ENTER:
    case SDL_SCANCODE_SELECT:
      nav.activate = true;
      break;
    case SDL_SCANCODE_HELP:
    case SDL_SCANCODE_F1:
      nav.help = true;
      break;
    case SDL_SCANCODE_F2:
    case SDL_SCANCODE_AGAIN:
      nav.repeat = true;
      break;
    case SDL_SCANCODE_STOP:
    case SDL_SCANCODE_PAUSE:
      nav.stop = true;
      break;
    default:
      break;
  }
}

struct Kiosk {
  app::AppOptions opt;
  std::unique_ptr<Content> content;
  fs::path bundle_dir;        // the folder shown
  bool managed = false;       // it is the sync state's `current` bundle
  BundleLock bundle_lock;     // so that a sync does not collect it while shown
  std::string signature;      // the shown bundle's signature state, for the technician
  std::string place_problem;  // the kiosk's configured place does not fit the bundle
  bool smooth_textures = false;
  bool load_failed_check = false;  // the last failed load was the file check (damaged on disk), not the content
  std::string out_of_service;      // why no bundle is shown; empty while one is
  fs::path failed_target;          // a synced bundle that did not load: not tried again until sync changes it
  double next_switch_check = 0;
  // The kiosk's own sync schedule, on a thread of its own (downloads never hold up a frame).
  std::thread sync_thread;
  std::mutex sync_mutex;
  std::condition_variable sync_wake;
  bool sync_stop = false, sync_now = false;
  std::minstd_rand random{std::random_device{}()};
  std::unique_ptr<text::TextEngine> text;
  TimeFormats time_formats;  // outlives the envs of reloaded bundles
  std::unique_ptr<ui::UiEnv> env;
  ui::Session session;
  SDL_Window* window = nullptr;
  SDL_Renderer* renderer = nullptr;
  std::unique_ptr<app::SdlTextureSink> sink;
  std::optional<LocalDateTime> fixed_now;
  double clock = 0;  // seconds; virtual in scripts
  bool scripted = false;
  Pointer pointer;
  KioskConfig config;
  SDL_Scancode pressed_key = SDL_SCANCODE_UNKNOWN;  // a scripted key press
  ui::TechnicianState technician;
  std::unique_ptr<speech::Synthesizer> synth;
  std::unique_ptr<app::SpeechPlayer> player;  // null when headless
  bool low_reach_default = false;
  float last_offset = 0;  // of the last frame's UI (low reach), in pixels

  // Low reach: the UI is laid out in the lower part of the screen as if that were the whole screen.
  [[nodiscard]] float low_reach_offset(float height) const {
    const bool on = session.low_reach < 0 ? low_reach_default : session.low_reach == 1;
    return on ? std::round(height * 0.38f) : 0.0f;
  }

  LocalDateTime now() const {
    if (fixed_now) return *fixed_now;
    const auto ms =
        std::chrono::duration<double, std::milli>(std::chrono::system_clock::now().time_since_epoch()).count();
    return env->zone->to_local(ms);
  }

  double last_ui_ms = 0;

  ui::DeviceFacts device_facts() const {
    ui::DeviceFacts f;
    f.version = KIOSK_VERSION;
    SDL_RendererInfo info{};
    if (SDL_GetRendererInfo(renderer, &info) == 0 && info.name) f.renderer = info.name;
    if (const char* d = SDL_GetCurrentVideoDriver()) f.video_driver = d;
    SDL_GetRendererOutputSize(renderer, &f.width, &f.height);
    f.touch_devices = SDL_GetNumTouchDevices();
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    f.rss_mib = static_cast<double>(ru.ru_maxrss) / 1024.0;
    f.bundle_dir = bundle_dir.generic_string();
    f.signature = signature;
    f.out_of_service = out_of_service;
    f.can_sync = config.sync.enabled();
    if (f.can_sync && technician.open) {  // a file read: only while a technician looks
      const auto st = read_sync_status(config.sync.state_dir);
      f.sync = st.time.empty() ? "never" : st.time + " " + st.outcome + ": " + st.message;
    }
    return f;
  }  // CPU time of building the last frame (layout, draw lists), without rasterizing

  // Loads the bundle in dir; when it is good, it replaces the shown one (content, map, everything the screens
  // use). Otherwise says why and changes nothing.
  bool load_bundle(const fs::path& dir, std::string& why) {
    load_failed_check = false;
    const auto locales = opt.locales.empty() ? find_locales_dir(dir) : std::optional<fs::path>(opt.locales);
    if (!locales) {
      why = "no UI catalogs found for " + dir.generic_string() + "; give --locales";
      return false;
    }
    std::string sig = "not checked: a source folder, not a built and signed bundle";
    if (managed || (fs::exists(dir / manifest_name) && !config.sync.trusted_keys.empty())) {
      Manifest m;
      const auto problems = verify_bundle(dir, config.sync.trusted_keys, &m);
      if (!problems.empty() && managed) {
        why = problems.front();
        load_failed_check = true;
        return false;
      }
      sig =
          problems.empty() ? fmt::format("valid, all {} files intact", m.files.size()) : "INVALID: " + problems.front();
    }
    auto c = std::make_unique<Content>(load_content(dir, *locales));
    if (!c->ok()) {
      for (const auto& d : c->diags.items)
        if (d.severity == Severity::error) {
          fmt::print(stderr, "{}\n", format_diagnostic(d));
          if (why.empty()) why = format_diagnostic(d);
        }
      return false;
    }
    const std::string kiosk_id = opt.kiosk_id.empty() ? config.kiosk_id : opt.kiosk_id;
    auto e = ui::make_env(*c, *text, time_formats, kiosk_id);
    std::string place;
    if (!kiosk_id.empty() && !e->kiosk) {
      std::string ids;
      for (const auto& k : c->bundle.kiosks) ids += (ids.empty() ? "" : ", ") + k.id;
      place = fmt::format("kiosk_id '{}' is not one of the bundle's kiosk places ({})", kiosk_id, ids);
    }
    ui::place_kiosk(*e, config.location, config.heading_deg);
    const auto& area = c->bundle.area;
    if (place.empty() && config.location &&
        (config.location->lat < area.south || config.location->lat > area.north || config.location->lon < area.west ||
         config.location->lon > area.east))
      place = fmt::format("the configured location {:.5f},{:.5f} lies outside the bundle's area", config.location->lat,
                          config.location->lon);
    if (!place.empty()) fmt::print(stderr, "warning: {}\n", place);
    // The map: a missing or broken one is reported, and the kiosk runs on without it.
    const fs::path kmap = !opt.map.empty()                  ? fs::path(opt.map)
                          : !c->bundle.map_compiled.empty() ? dir / c->bundle.map_compiled
                                                            : fs::path();
    if (!kmap.empty()) {
      ui::attach_map(*e, kmap);
      if (!e->map) fmt::print(stderr, "warning: no map: {}\n", e->map_error);
    }
    // Speech: the bundle's languages espeak-ng has a voice for.
    for (const auto& tag : c->bundle.locales)
      if (synth && synth->voice_for(tag)) e->voices.push_back(tag);
    std::sort(e->voices.begin(), e->voices.end());
    e->default_low_reach = low_reach_default ? 1 : 0;
    e->idle_seconds = config.idle_seconds;
    e->warning_seconds = config.warning_seconds;
    e->default_high_contrast = opt.theme == "high-contrast";
    e->default_text_percent = opt.text_size;
    e->smooth_textures = smooth_textures;
    env = std::move(e);  // the old env goes first: it refers to the old content
    content = std::move(c);
    bundle_dir = dir;
    bundle_lock = BundleLock(dir);
    signature = sig;
    place_problem = place;
    out_of_service.clear();
    return true;
  }

  // No bundle can be shown: a plain screen says so in every language, the journal and the self-test say
  // why, and sync goes on (a good bundle is shown as soon as one arrives). Never a blank screen or a loop.
  void show_out_of_service(const std::string& why) {
    fmt::print(stderr, "error: out of service: {}\n", why);
    const auto locales =
        opt.locales.empty() ? find_locales_dir(default_bundle()) : std::optional<fs::path>(opt.locales);
    auto c = std::make_unique<Content>(catalogs_only(locales.value_or(fs::path("locales"))));
    auto e = ui::make_env(*c, *text, time_formats, "");
    e->idle_seconds = config.idle_seconds;
    e->warning_seconds = config.warning_seconds;
    env = std::move(e);
    content = std::move(c);
    bundle_dir.clear();
    bundle_lock = BundleLock();
    signature = "none";
    out_of_service = why;
  }

  // At an idle moment (nobody using the screens, or a technician watching), shows what sync made current.
  // A bundle that does not load is rejected: back to the previous one, and the status says why.
  void maybe_switch_bundle() {
    if (!managed || clock < next_switch_check) return;
    next_switch_check = clock + 2;
    if (session.screen != ui::Screen::attract && !technician.open) return;
    const fs::path target = link_target(StatePaths{config.sync.state_dir}.current());
    if (target.empty() || target == bundle_dir || target == failed_target) return;
    std::string why;
    if (load_bundle(target, why)) {
      failed_target.clear();
      fmt::print(stderr, "bundle: now showing version {} from {}\n", content->bundle.version, target.generic_string());
      ui::end_visit(*env, session);
      return;
    }
    fmt::print(stderr, "error: the new bundle {} does not load: {}; going back to the previous one\n",
               target.generic_string(), why);
    failed_target = target;
    reject_current_bundle(config.sync.state_dir, why, !load_failed_check);
  }

  void run_sync_now() {
    const auto r = kiosk::run_sync(config.sync);
    fmt::print(stderr, "sync {}: {}\n", outcome_name(r.outcome), r.message);
  }

  void start_sync_schedule() {
    if (!config.sync.enabled() || config.sync.interval_minutes <= 0) return;
    sync_thread = std::thread([this] {
      std::unique_lock<std::mutex> lock(sync_mutex);
      while (!sync_stop) {
        lock.unlock();
        run_sync_now();
        lock.lock();
        // Up to a tenth later: kiosks switched on together do not keep asking the server together.
        std::uniform_real_distribution<double> jitter(1.0, 1.1);
        sync_wake.wait_for(lock, std::chrono::duration<double>(config.sync.interval_minutes * 60 * jitter(random)),
                           [this] { return sync_stop || sync_now; });
        sync_now = false;
      }
    });
  }
  void stop_sync_schedule() {
    {
      std::lock_guard<std::mutex> l(sync_mutex);
      sync_stop = true;
    }
    sync_wake.notify_all();
    if (sync_thread.joinable()) sync_thread.join();
  }

  long frames = 0;

  // After the frame that ended a visit is shown. Dear ImGui's draw lists keep the capacity of the largest
  // frame ever drawn (a whole-city map: megabytes) and the last frame's vertices; freed here they grow back
  // to what the next frames need. Then the memory freed during the visit goes back to the system, so that
  // months of visits do not leave the heap fragmented at its high-water mark.
  void release_visit_memory() {
    env->visit_ended = false;
    for (ImGuiWindow* w : ImGui::GetCurrentContext()->Windows) w->DrawList->_ClearFreeMemory();
    malloc_trim(0);
  }

  void frame(bool input, float dt) {
    ++frames;
    maybe_switch_bundle();
    if (technician.sync_requested) {
      technician.sync_requested = false;
      if (sync_thread.joinable()) {
        std::lock_guard<std::mutex> l(sync_mutex);
        sync_now = true;
        sync_wake.notify_all();
      } else if (config.sync.enabled()) {
        run_sync_now();
      }
    }
    if (technician.rollback_requested) {
      technician.rollback_requested = false;
      if (config.sync.enabled() && roll_back_by_hand(config.sync.state_dir)) next_switch_check = 0;
      maybe_switch_bundle();
    }
    text->atlas.begin_frame();
    ImGui_ImplSDLRenderer_NewFrame();
    ImGui_ImplSDL2_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    if (scripted) {
      io.MousePos = pointer.pos;
      io.MouseDown[0] = pointer.down;
      io.DeltaTime = dt;
      for (bool& down : io.KeysDown) down = false;
      if (pressed_key != SDL_SCANCODE_UNKNOWN) io.KeysDown[pressed_key] = true;
    }
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer, &w, &h);
    const float offset = technician.open ? 0.0f : low_reach_offset(static_cast<float>(h));
    last_offset = offset;
    io.DisplaySize = ImVec2(static_cast<float>(w), static_cast<float>(h) - offset);
    io.DisplayFramebufferScale = ImVec2(1, 1);
    if (io.MousePos.x > -1e5f) io.MousePos.y -= offset;
    const auto t0 = std::chrono::steady_clock::now();
    ImGui::NewFrame();
    ui::begin_frame(*env, session, io.DisplaySize, now(), clock);
    // Low reach keeps the sizes of the full screen: smaller targets would defeat its purpose.
    env->unit = std::min(static_cast<float>(w), static_cast<float>(h)) / 1080.f;
    if (!technician.open && out_of_service.empty()) ui::draw_frame(*env, session, input);
    if (!technician.open && !out_of_service.empty()) ui::draw_out_of_service(*env);
    ui::technician_frame(*env, technician, config.technician_pin_hash, device_facts(), input);
    ImGui::Render();
    if (offset > 0) {  // move the whole UI down into the lower part of the screen
      ImDrawData* dd = ImGui::GetDrawData();
      dd->DisplaySize.y += offset;  // the backend clips to this
      for (int l = 0; l < dd->CmdListsCount; ++l) {
        ImDrawList* list = dd->CmdLists[l];
        for (ImDrawVert& v : list->VtxBuffer) v.pos.y += offset;
        for (ImDrawCmd& c : list->CmdBuffer) c.ClipRect.y += offset, c.ClipRect.w += offset;
      }
    }
    speak_queued();
    env->nav = {};
    last_ui_ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    text->atlas.upload();
    const ImU32 bg = env->theme.background;
    SDL_SetRenderDrawColor(renderer, bg & 0xFF, (bg >> 8) & 0xFF, (bg >> 16) & 0xFF, 255);
    SDL_RenderClear(renderer);
    ImGui_ImplSDLRenderer_RenderDrawData(ImGui::GetDrawData());
    SDL_RenderPresent(renderer);
    if (env->visit_ended) release_visit_memory();
  }

  void speak_queued() {
    for (auto& u : env->speech_out) {
      if (player) player->say(u.text, u.locale, {session.speech_rate, session.volume}, u.interrupt);
    }
    env->speech_out.clear();
  }

  // Headless: what the current screen reads aloud, as a WAV file.
  int write_speech(const fs::path& file) {
    const std::string reading = ui::screen_reading(*env, env->a11y);
    const std::string locale = ui::speech_locale(*env, session);
    if (!synth) {
      fmt::print(stderr, "error: no speech: espeak-ng is not available\n");
      return 1;
    }
    if (locale.empty()) {
      fmt::print(stderr, "error: espeak-ng has no voice for {} and the visit chose no other language\n", env->locale);
      return 1;
    }
    const auto pcm = synth->synthesize(reading, locale, {session.speech_rate, session.volume});
    if (!speech::write_wav(file, pcm)) return 1;
    fmt::print("{}: {:.1f} s of speech in {}\n", file.generic_string(), pcm.seconds(), locale);
    return 0;
  }

  bool screenshot(const fs::path& file) {
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(renderer, &w, &h);
    text::Image img(w, h, {0, 0, 0, 255});
    if (SDL_RenderReadPixels(renderer, nullptr, SDL_PIXELFORMAT_ABGR8888, img.rgba.data(), w * 4) != 0) return false;
    for (std::size_t i = 3; i < img.rgba.size(); i += 4) img.rgba[i] = 255;
    return text::write_png(file, img);
  }

  // Re-renders the last frame's draw data into the back buffer (a present may have discarded it).
  bool capture(const fs::path& file) {
    frame(false, 1.f / 30);
    return screenshot(file);
  }

  [[nodiscard]] std::string focus_label() const {
    const ui::A11yItem* item = ui::find_control(env->a11y, session.focus);
    return item ? item->text : std::string();
  }
  // The last drawn frame's controls in focus order, and its texts, with their boxes on the screen (tests check
  // reach, overlap and the low-reach layout).
  [[nodiscard]] nlohmann::json controls_json() const {
    nlohmann::json out = nlohmann::json::array();
    for (const ImGuiID id : ui::focus_order(env->a11y, env->rtl)) {
      const ui::A11yItem* item = ui::find_control(env->a11y, id);
      out.push_back(
          {{"label", item->text},
           {"clipped", item->clipped},
           {"box",
            {item->rect.Min.x, item->rect.Min.y + last_offset, item->rect.Max.x, item->rect.Max.y + last_offset}}});
    }
    return out;
  }
  [[nodiscard]] nlohmann::json texts_json() const {
    nlohmann::json out = nlohmann::json::array();
    for (const auto& item : env->a11y.items)
      if (item.role != ui::A11yRole::button)
        out.push_back(
            {{"text", item.text},
             {"box",
              {item.rect.Min.x, item.rect.Min.y + last_offset, item.rect.Max.x, item.rect.Max.y + last_offset}}});
    return out;
  }

  void write_state(const fs::path& file) const {
    const auto& s = session;
    nlohmann::json j = {
        {"screen", ui::screen_name(s.screen)},
        {"out_of_service", !out_of_service.empty()},
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
        {"rtl", env->rtl},
        {"speech", s.speech},
        {"volume", s.volume},
        {"speech_rate", s.speech_rate},
        {"last_spoken", env->last_spoken},
        {"memory", {{"layout_cache_paragraphs", text->cache.size()}, {"imgui_bytes", imgui_bytes}}},
        {"low_reach", low_reach_offset(1000) > 0},
        {"focus", focus_label()},
        {"controls", controls_json()},
        {"texts", texts_json()},
        {"route_profile", s.route_profile ? route_profile_name(*s.route_profile) : ""},
        {"map",
         {{"loaded", env->map != nullptr},
          {"error", env->map_error},
          {"view", s.map_view && env->map
                       ? nlohmann::json{{"lat", env->map->unproject({s.map_view->cx, s.map_view->cy}).lat},
                                        {"lon", env->map->unproject({s.map_view->cx, s.map_view->cy}).lon},
                                        {"scale", s.map_view->scale},
                                        {"heading", s.map_view->heading_deg}}
                       : nlohmann::json()}}},
        {"bundle",
         {{"id", content->bundle.id},
          {"version", content->bundle.version},
          {"dir", bundle_dir.generic_string()},
          {"managed", managed},
          {"signature", signature}}},
        {"technician_pin", technician.asking_pin},
        {"technician", technician.open}};
    std::ofstream(file) << j.dump(2) << "\n";
  }

  void advance(double seconds, bool input_first) {
    // Enough frames for animations to settle; long waits only move the clock (idle tests wait minutes).
    const int n = std::clamp(static_cast<int>(seconds * 30), 1, 12);
    for (int i = 0; i < n; ++i) {
      clock += seconds / n;
      frame(input_first && i == 0, static_cast<float>(seconds / n));
    }
  }

  // Start-up to first frame, then frame times over a tour of every screen in four scripts.
  int bench(const fs::path& out, std::chrono::steady_clock::time_point start) {
    frame(false, 1.f / 30);
    const double first_frame_ms =
        std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    std::vector<double> cold, warm;
    for (const char* locale : {"de", "ar", "ta", "ti"})
      for (ui::Screen screen : {ui::Screen::attract, ui::Screen::language, ui::Screen::home, ui::Screen::list,
                                ui::Screen::detail, ui::Screen::search, ui::Screen::map, ui::Screen::accessibility}) {
        session.locale = locale;
        session.screen = screen;
        session.category = "health";
        session.service = content->bundle.services.empty() ? "" : content->bundle.services.front().id;
        session.query = "a";
        for (int i = 0; i < 12; ++i) {
          frame(false, 1.f / 30);
          (i == 0 ? cold : warm).push_back(last_ui_ms);
        }
      }
    auto pct = [](std::vector<double> v, double p) {
      if (v.empty()) return 0.0;
      std::sort(v.begin(), v.end());
      return v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
    };
    // The map screen at city and street zoom, panning a little every frame so that nothing is cached.
    std::vector<double> city, street;
    if (env->map) {
      session.locale = "de";
      session.screen = ui::Screen::map;
      const auto& h = env->map->header;
      for (const float scale : {0.22f, 3.0f}) {
        const auto here = env->map->project(env->here);
        session.map_view = map::MapCamera{scale < 1 ? (h.min_x + h.max_x) / 2 : here.x,
                                          scale < 1 ? (h.min_y + h.max_y) / 2 : here.y,
                                          scale,
                                          static_cast<float>(env->kiosk ? env->kiosk->heading_deg : 0.0),
                                          {}};
        for (int i = 0; i < 40; ++i) {
          session.map_view->cx += 3 / scale;
          frame(false, 1.f / 30);
          if (i >= 4) (scale < 1 ? city : street).push_back(last_ui_ms);
        }
      }
    }
    rusage ru{};
    getrusage(RUSAGE_SELF, &ru);
    const nlohmann::json j = {{"first_frame_ms", first_frame_ms},
                              {"frame_ms_p50", pct(warm, 0.5)},
                              {"frame_ms_p99", pct(warm, 0.99)},
                              {"first_frame_of_screen_ms_p50", pct(cold, 0.5)},
                              {"map_city_frame_ms_p50", pct(city, 0.5)},
                              {"map_city_frame_ms_p99", pct(city, 0.99)},
                              {"map_street_frame_ms_p50", pct(street, 0.5)},
                              {"map_street_frame_ms_p99", pct(street, 0.99)},
                              {"peak_rss_mib", static_cast<double>(ru.ru_maxrss) / 1024.0},
                              {"atlas_mib", static_cast<double>(text->atlas.memory_bytes()) / (1 << 20)}};
    std::ofstream(out) << j.dump(2) << "\n";
    return 0;
  }

  // Random use for `minutes` of wall time (the kiosk's own clock runs faster: idle periods cost nothing).
  // Fails on an error, a blank screen, a visit not wiped after idling, or heap growth after warm-up.
  int soak(double minutes, std::uint32_t seed, double max_growth_percent) {
    app::SoakReport r;
    r.max_growth_percent = max_growth_percent;
    r.minutes = minutes;
    r.seed = seed;
    std::mt19937 rng(seed);
    const auto t0 = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(); };
    const double clock0 = clock;
    const int atlas0 = text->atlas.generation();
    advance(0.2, false);
    auto memory = [&] {
      auto m = app::memory_use();
      std::size_t atlas = text->atlas.memory_bytes();
      for (const auto& p : text->atlas.pages())  // the textures: ABGR, in this process with a software renderer
        atlas += p.texture ? static_cast<std::size_t>(p.size) * static_cast<std::size_t>(p.size) * 4 : 0;
      m.atlas_kib = static_cast<long>(atlas / 1024);
      m.layout_kib = static_cast<long>(text->cache.approx_bytes() / 1024);
      m.imgui_kib = static_cast<long>(imgui_bytes / 1024);
      return m;
    };
    auto fail = [&](const std::string& step, const std::string& what) {
      r.errors.push_back(fmt::format("step {} ({}): {}", r.steps, step, what));
    };
    r.start = memory();
    // Warm-up tour: every screen in every language (a frame each), at two text sizes, the whole city map,
    // each language's search index and the words searches show, with a bundle reload before each language
    // but the first (the heap reaches its working size only after several: a new bundle is loaded while
    // the old one still lives; with a reload every third language some runs still grew by 1.5 MiB later).
    auto tour = [&](double time_limit) {
      int shown = 0;
      const std::vector<std::string> locales = content->bundle.locales;  // a reload replaces the content
      for (const auto& locale : locales) {
        if (elapsed() > time_limit) break;
        if (++shown > 1) run_command("reload", "soak warm-up");
        session.locale = locale;
        session.category = content->bundle.categories.empty() ? "" : content->bundle.categories.front().id;
        session.service = content->bundle.services.empty() ? "" : content->bundle.services.front().id;
        for (const int percent : {100, 200})
          for (const char* name : {"home", "list", "detail", "map", "accessibility"}) {
            session.text_percent = percent;
            ui::screen_from_name(name, session.screen);
            advance(1.0 / 30, false);
          }
        if (env->map) {  // the whole city: the largest frames
          const auto& h = env->map->header;
          session.screen = ui::Screen::map;
          session.map_view = map::MapCamera{(h.min_x + h.max_x) / 2, (h.min_y + h.max_y) / 2, 0.2f, 0, {}};
          advance(1.0 / 30, false);
          session.map_view.reset();
        }
        run_command("search a", "soak warm-up");
        // What searches will show in this language: shaping caches plans per font, script and language.
        for (const auto word : app::soak_search_words()) {
          text::LayoutRequest req;
          req.text = std::string(word);
          req.locale = locale;
          req.size_px = 28;
          (void)text->layout(req);
        }
      }
      ui::end_visit(*env, session);
    };
    // Before each measurement: build what a bundle reload drops and rebuilds on first use (search index,
    // router, walks for both profiles, directions), then rest, so that measurements compare what stays,
    // not which of these the last reload happened to drop or which screen was drawn last.
    auto settle = [&] {
      session.locale = content->bundle.default_locale;
      session.category = content->bundle.categories.empty() ? "" : content->bundle.categories.front().id;
      session.service = content->bundle.services.empty() ? "" : content->bundle.services.front().id;
      for (const RouteProfile profile : {RouteProfile::wheelchair, RouteProfile::foot}) {
        session.route_profile = profile;
        for (const ui::Screen screen : {ui::Screen::list, ui::Screen::detail, ui::Screen::map}) {
          session.screen = screen;
          advance(1.0 / 30, false);
        }
      }
      run_command("search a", "soak measurement");
      ui::end_visit(*env, session);
      // A minute on the attract screen, as a kiosk between visits (Dear ImGui frees the buffers of windows
      // unused for that long, such as the technician's).
      advance(ImGui::GetIO().ConfigMemoryCompactTimer + 1.0, false);
    };
    // Warm-up: the tour, then random steps until the glyph atlas has reached its page limit once (the
    // layout cache is emptied at each visit's end). At the latest after 40 % of the run, the caches are
    // taken as warm: from then on the heap must stay flat. It is measured after a settling visit at the
    // end of the warm-up, every few seconds after (about forty times a run; a random visit is cut short
    // then, as by an idle wipe), and at the end.
    const double warmup_limit = minutes * 60 * 0.4;
    tour(warmup_limit);
    bool warm = false;
    const double sample_every = std::clamp(minutes * 60 / 40, 10.0, 120.0);
    double next_sample = 0;
    auto sample = [&] {
      settle();
      r.samples.push_back({elapsed(), memory()});
      next_sample = elapsed() + sample_every;
      return r.samples.back().memory;
    };
    for (;;) {
      if (elapsed() >= minutes * 60 || r.errors.size() >= 10) break;
      const bool at_bounds = text->atlas.generation() > atlas0;
      if (!warm && (at_bounds || elapsed() >= warmup_limit)) {
        warm = true;
        r.warm = r.peak = sample();
        r.warmup_seconds = elapsed();
        r.cache_warm = text->cache.size();
      } else if (warm && elapsed() >= next_sample) {
        sample();
      }
      app::SoakView view;
      int w = 0, h = 0;
      SDL_GetRendererOutputSize(renderer, &w, &h);
      view.width = w;
      view.height = h;
      view.locales = content->bundle.locales;
      view.idle_seconds = config.idle_seconds + config.warning_seconds;
      for (const ImGuiID id : ui::focus_order(env->a11y, env->rtl)) {
        const ui::A11yItem* item = ui::find_control(env->a11y, id);
        view.controls.push_back({item->text, item->rect.Min.x, item->rect.Min.y + last_offset, item->rect.Max.x,
                                 item->rect.Max.y + last_offset});
      }
      const std::string step = app::next_soak_step(rng, view);
      ++r.steps;
      try {
        if (run_command(step, fmt::format("soak step {}", r.steps)) != 0) fail(step, "the step failed");
      } catch (const std::exception& e) {
        fail(step, std::string("exception: ") + e.what());
      }
      r.reloads += step == "reload";
      // What a resident would see: never a blank screen; after idling, a wiped visit on the attract screen.
      const ImDrawData* dd = ImGui::GetDrawData();
      if (!dd || dd->TotalVtxCount == 0) fail(step, "the frame drew nothing");
      if (!technician.open && env->a11y.items.empty()) fail(step, "the screen has no text and no controls");
      if (step.starts_with("wait ") && std::stod(step.substr(5)) > view.idle_seconds && !technician.open) {
        ++r.wipes;
        if (session.screen != ui::Screen::attract || !session.query.empty() || !session.locale.empty())
          fail(step, fmt::format("the visit was not wiped after idling (screen {}, query '{}')",
                                 ui::screen_name(session.screen), session.query));
      }
      if (warm) {
        const auto m = memory();
        r.peak.rss_kib = std::max(r.peak.rss_kib, m.rss_kib);
        r.peak.anon_kib = std::max(r.peak.anon_kib, m.anon_kib);
        r.peak.atlas_kib = std::max(r.peak.atlas_kib, m.atlas_kib);
      }
    }
    if (warm) {
      r.end = sample();
    } else {
      settle();
      r.warm = r.peak = r.end = memory();
    }
    r.cache_end = text->cache.size();
    r.cache_capacity = text->cache.capacity();
    r.atlas_clears = text->atlas.generation() - atlas0;
    r.frames = frames;
    r.virtual_hours = (clock - clock0) / 3600;
    fmt::print("{}", app::format_soak_report(r));
    return r.passed() ? 0 : 1;
  }

  // Script lines: tap X Y | drag X1 Y1 X2 Y2 | hold X Y S | key NAME | pinch X Y F | wait SECONDS | locale TAG |
  // search TEXT | reload | sync | screenshot FILE | state FILE. Coordinates are screen pixels. Returns an exit
  // code; `where` names the line in messages.
  int run_script(const fs::path& file) {
    std::ifstream in(file);
    int line_no = 0;
    advance(0.1, false);
    for (std::string line; std::getline(in, line);) {
      ++line_no;
      if (const int code = run_command(line, fmt::format("{}:{}", file.generic_string(), line_no)); code != 0)
        return code;
    }
    return 0;
  }

  int run_command(const std::string& line, const std::string& where) {
    {
      std::istringstream words(line);
      std::string cmd;
      if (!(words >> cmd) || cmd[0] == '#') return 0;
      if (cmd == "tap") {
        float x = 0, y = 0;
        words >> x >> y;
        pointer = {{x, y}, false};
        advance(1.0 / 30, true);
        pointer.down = true;
        advance(1.0 / 30, true);
        pointer.down = false;
        advance(1.0 / 30, true);
        advance(0.2, false);
      } else if (cmd == "drag") {
        float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
        words >> x1 >> y1 >> x2 >> y2;
        pointer = {{x1, y1}, true};
        advance(1.0 / 30, true);
        for (int i = 1; i <= 10; ++i) {
          pointer.pos = {x1 + (x2 - x1) * static_cast<float>(i) / 10, y1 + (y2 - y1) * static_cast<float>(i) / 10};
          advance(1.0 / 30, true);
        }
        pointer.down = false;
        advance(1.0 / 30, true);
      } else if (cmd == "hold") {  // hold X Y SECONDS: a long press
        float x = 0, y = 0;
        double seconds = 0;
        words >> x >> y >> seconds;
        pointer = {{x, y}, true};
        advance(seconds, true);
        pointer.down = false;
        advance(1.0 / 30, true);
      } else if (cmd == "key") {  // key NAME (SDL key names: Escape, Return, Left, F4, ...)
        std::string name;
        words >> name;
        const SDL_Scancode sc = SDL_GetScancodeFromName(name.c_str());
        if (sc == SDL_SCANCODE_UNKNOWN) {
          fmt::print(stderr, "{}: error: unknown key '{}'\n", where, name);
          return 2;
        }
        pressed_key = sc;
        nav_key(sc, env->nav);
        advance(1.0 / 30, true);
        pressed_key = SDL_SCANCODE_UNKNOWN;
        advance(1.0 / 30, true);
      } else if (cmd == "pinch") {  // pinch X Y FACTOR: two fingers spreading (>1) or closing (<1) at X Y
        float x = 0, y = 0, factor = 1;
        words >> x >> y >> factor;
        env->pinch_center = {x, y};
        env->pinch_factor = std::clamp(factor, 0.05f, 20.0f);
        advance(1.0 / 30, true);
        env->pinch_factor = 1;
        advance(1.0 / 30, true);
      } else if (cmd == "wait") {
        double seconds = 0;
        words >> seconds;
        pointer.pos = {-1, -1};
        advance(seconds, false);
      } else if (cmd == "sync") {  // sync now (what the kiosk's schedule does), and wait for it
        if (config.sync.enabled()) run_sync_now();
      } else if (cmd == "screenshot") {
        std::string f;
        words >> f;
        if (!capture(f)) return 1;
      } else if (cmd == "state") {
        std::string f;
        words >> f;
        write_state(f);
      } else if (cmd == "locale") {  // locale TAG: what the language screen does
        std::string tag;
        words >> tag;
        if (std::find(content->bundle.locales.begin(), content->bundle.locales.end(), tag) ==
            content->bundle.locales.end()) {
          fmt::print(stderr, "{}: error: the bundle does not offer the language '{}'\n", where, tag);
          return 2;
        }
        session.locale = tag;
        if (session.screen == ui::Screen::attract || session.screen == ui::Screen::language)
          session.screen = ui::Screen::home;
        advance(0.2, false);
      } else if (cmd == "search") {  // search TEXT: the search screen, TEXT typed one character at a time
        std::string typed;
        std::getline(words >> std::ws, typed);
        if (session.locale.empty() && !content->bundle.locales.empty()) session.locale = content->bundle.locales[0];
        session.screen = ui::Screen::search;
        session.query.clear();
        for (std::size_t i = 0; i < typed.size();) {
          std::size_t n = 1;  // one UTF-8 sequence
          while (i + n < typed.size() && (static_cast<unsigned char>(typed[i + n]) & 0xC0) == 0x80) ++n;
          session.query += typed.substr(i, n);
          i += n;
          advance(1.0 / 30, false);
        }
        advance(0.2, false);
      } else if (cmd == "reload") {  // reload the bundle from its folder, as a bundle switch does
        std::string why;
        if (!load_bundle(bundle_dir, why)) {
          fmt::print(stderr, "{}: error: reloading {} failed: {}\n", where, bundle_dir.generic_string(), why);
          return 1;
        }
        ui::end_visit(*env, session);
        advance(0.1, false);
      } else {
        fmt::print(stderr,
                   "{}: error: unknown command '{}'; use tap, drag, hold, key, pinch, wait, locale, search, reload, "
                   "sync, screenshot or state\n",
                   where, cmd);
        return 2;
      }
    }
    return 0;
  }
};

}  // namespace

int main(int argc, char** argv) {
  const auto start = std::chrono::steady_clock::now();
  // Months without a restart: large blocks (glyph atlas pages and their textures, ~1-4 MiB, dropped and
  // made again when the atlas refills) always come from mmap and go back to the system when freed. glibc
  // otherwise raises this threshold after the first such free and keeps the memory in the heap for good.
  mallopt(M_MMAP_THRESHOLD, 256 * 1024);
  Kiosk k;
  if (auto code = app::parse_options(argc, argv, k.opt)) return *code;
  const auto& o = k.opt;
  Diagnostics font_diags;
  k.text = text::make_text_engine(o.fonts.empty() ? text::default_font_config() : fs::path(o.fonts), font_diags);
  if (!k.text) {
    fmt::print(stderr, "error: no fonts could be opened (install fonts-noto-core)\n");
    return 1;
  }
  // The kiosk's local config: its place, the technician PIN's hash, idle times, where bundles come from.
  const fs::path config = !o.config.empty() ? fs::path(o.config) : fs::path("/etc/kiosk/kiosk.yaml");
  std::string config_error;  // a kiosk with a broken config says so on screen instead of restarting forever
  std::error_code ec;
  if (fs::exists(config, ec)) {
    Diagnostics cd;
    k.config = load_kiosk_config(config, cd);
    for (const auto& d : cd.items) {
      fmt::print(stderr, "{}\n", format_diagnostic(d));
      if (d.severity == Severity::error && config_error.empty()) config_error = format_diagnostic(d);
    }
  }
  if (!o.no_speech) {
    std::string why;
    k.synth = speech::Synthesizer::create(why);
    if (!k.synth) fmt::print(stderr, "warning: no speech: {}\n", why);
  }
  k.low_reach_default = o.layout == "low-reach";
  // The bundle: the one named, else the synced `current` one, else the packaged sample.
  fs::path bundle = o.bundle;
  if (bundle.empty() && k.config.sync.enabled()) {
    const StatePaths state{k.config.sync.state_dir};
    bundle = link_target(state.current());
    k.managed = !bundle.empty();
    if (!k.managed)
      fmt::print(stderr, "warning: no bundle synced into {} yet; showing the packaged one until the first sync\n",
                 state.root.generic_string());
  }
  if (bundle.empty()) bundle = default_bundle();
  if (!config_error.empty()) {
    k.show_out_of_service("the kiosk config " + config.generic_string() + " has errors: " + config_error);
  } else {
    for (std::string why; !k.load_bundle(bundle, why); why.clear()) {
      // A synced bundle that does not load (damaged, or it fails on this kiosk): back to the previous one,
      // once (the rejected one is forgotten, so two bad bundles cannot swap forever).
      if (k.managed && reject_current_bundle(k.config.sync.state_dir, why, !k.load_failed_check)) {
        fmt::print(stderr, "error: the bundle {} does not load: {}; going back to the previous one\n",
                   bundle.generic_string(), why);
        bundle = link_target(StatePaths{k.config.sync.state_dir}.current());
        if (!bundle.empty()) continue;
      }
      if (k.managed) {  // a deployed kiosk: say so on screen and wait for sync or a technician
        k.failed_target = link_target(StatePaths{k.config.sync.state_dir}.current());
        k.show_out_of_service("no bundle can be shown: " + why);
        break;
      }
      fmt::print(stderr, "error: the bundle {} is invalid ({}); the kiosk does not show it\n", bundle.generic_string(),
                 why);
      return 1;
    }
  }
  if (!o.now.empty()) {
    k.fixed_now = parse_date_time(o.now);
    if (!k.fixed_now) {
      fmt::print(stderr, "error: --now '{}' is not YYYY-MM-DDTHH:MM\n", o.now);
      return 2;
    }
  }
  auto& s = k.session;
  s.locale = o.locale;
  s.category = o.category;
  s.service = o.service;
  s.query = o.query;
  if (!o.screen.empty() && !ui::screen_from_name(o.screen, s.screen)) {
    fmt::print(stderr,
               "error: --screen '{}' is not a screen (attract, language, home, list, detail, search, map, "
               "accessibility)\n",
               o.screen);
    return 2;
  }
  if (k.out_of_service.empty()) {  // what a preview asks for must exist: a typo is not the home screen
    const auto& b = k.content->bundle;
    if (!o.service.empty() && !b.find_service(o.service)) {
      fmt::print(stderr, "error: --service '{}' is not a service of the bundle {}\n", o.service, b.id);
      return 2;
    }
    if (!o.category.empty() && !b.find_category(o.category)) {
      fmt::print(stderr, "error: --category '{}' is not a category of the bundle {}\n", o.category, b.id);
      return 2;
    }
    if (!o.locale.empty() && std::find(b.locales.begin(), b.locales.end(), o.locale) == b.locales.end()) {
      fmt::print(stderr, "error: --locale '{}' is not one of the bundle's locales\n", o.locale);
      return 2;
    }
  }
  k.scripted = o.headless || !o.script.empty();

  if (o.headless) {
    setenv("SDL_VIDEODRIVER", "offscreen", 1);
    // Pure software: otherwise SDL backs the window's framebuffer with OpenGL and loads Mesa's LLVM JIT,
    // which costs a third of a second and tens of megabytes for nothing.
    SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    SDL_SetHint(SDL_HINT_RENDER_DRIVER, "software");
  }
  SDL_SetHint(SDL_HINT_IME_SHOW_UI, "0");
  SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
  app::install_stop_signals();
  if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
    fmt::print(stderr, "error: SDL: {}\n", SDL_GetError());
    return 1;
  }
  Uint32 flags = SDL_WINDOW_ALLOW_HIGHDPI;
  if (o.headless)
    flags |= SDL_WINDOW_HIDDEN;
  else if (o.windowed)
    flags |= SDL_WINDOW_RESIZABLE;
  else
    flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
  k.window =
      SDL_CreateWindow("Stadt für alle", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, o.width, o.height, flags);
  if (!k.window) {
    fmt::print(stderr, "error: SDL window: {}\n", SDL_GetError());
    return 1;
  }
  // The GPU where there is one; the software renderer otherwise (and always when headless).
  if (!o.headless) k.renderer = SDL_CreateRenderer(k.window, -1, SDL_RENDERER_ACCELERATED | SDL_RENDERER_PRESENTVSYNC);
  if (!k.renderer) k.renderer = SDL_CreateRenderer(k.window, -1, SDL_RENDERER_SOFTWARE);
  if (!k.renderer) {
    fmt::print(stderr, "error: SDL renderer: {}\n", SDL_GetError());
    return 1;
  }
  if (!o.windowed) SDL_ShowCursor(SDL_DISABLE);  // touch screens show no cursor

  IMGUI_CHECKVERSION();
  ImGui::SetAllocatorFunctions(imgui_alloc, imgui_free);
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // nothing about a session is written anywhere
  io.LogFilename = nullptr;
  ImGui_ImplSDL2_InitForSDLRenderer(k.window);
  ImGui_ImplSDLRenderer_Init(k.renderer);
  SDL_RendererInfo renderer_info{};
  if (SDL_GetRendererInfo(k.renderer, &renderer_info) == 0 && renderer_info.name)
    k.smooth_textures = k.env->smooth_textures = std::string_view(renderer_info.name) != "software";
  k.sink = std::make_unique<app::SdlTextureSink>(k.renderer);
  // Headless runs open no audio device (and espeak-ng's output only at the first words: see speech_synth).
  if (!o.headless && k.synth) k.player = std::make_unique<app::SpeechPlayer>(k.synth.get());
  k.text->atlas.set_texture_sink(k.sink.get());

  int code = 0;
  if (o.self_test) {
    k.advance(0.1, false);  // one frame: the display really draws
    code = app::print_self_test(
        app::run_self_test({k.env.get(), &k.config, k.bundle_dir, k.managed, k.signature, k.out_of_service,
                            k.place_problem, k.renderer, k.synth.get(), o.headless}));
  } else if (!o.bench_json.empty()) {
    code = k.bench(o.bench_json, start);
  } else if (o.soak_minutes > 0) {
    code = k.soak(o.soak_minutes, o.seed, o.soak_max_growth);
  } else if (!o.script.empty()) {
    code = k.run_script(o.script);
  } else if (!o.speech_wav.empty()) {
    k.advance(0.2, false);
    code = k.write_speech(o.speech_wav);
  } else if (o.headless || !o.screenshot.empty()) {
    k.advance(0.2, false);  // a few frames: windows appear, layouts are cached
    if (!o.screenshot.empty() && !k.capture(o.screenshot)) {
      fmt::print(stderr, "error: cannot write {}\n", o.screenshot);
      code = 1;
    }
  } else {
    k.start_sync_schedule();
    app::ServiceNotify notify;
    bool ready = false;
    bool running = true;
    auto last = std::chrono::steady_clock::now();
    while (running && !app::stop_requested()) {
      bool input = false;
      SDL_Event e;
      while (SDL_PollEvent(&e)) {
        // Lock-down: keys that leave an app do nothing; only a windowed development kiosk closes.
        if (e.type == SDL_QUIT) {
          running = !o.windowed ? true : false;
          continue;
        }
        if (e.type == SDL_KEYDOWN) nav_key(e.key.keysym.scancode, k.env->nav);
        // Headphones plugged in (where the platform reports it): start reading aloud.
        if (e.type == SDL_AUDIODEVICEADDED && !e.adevice.iscapture && k.clock > 2) k.session.speech = true;
        if (e.type == SDL_KEYDOWN && !o.windowed) {
          const auto key = e.key.keysym.sym;
          if (key == SDLK_ESCAPE || key == SDLK_F4 || key == SDLK_TAB || key == SDLK_q) continue;
        }
        if (e.type == SDL_MULTIGESTURE && e.mgesture.numFingers == 2) {
          // Pinch: SDL reports the change of the fingers' distance, normalised to the touch surface.
          int w = 0, h = 0;
          SDL_GetRendererOutputSize(k.renderer, &w, &h);
          k.env->pinch_factor *= std::clamp(1.0f + e.mgesture.dDist * 4.0f, 0.5f, 2.0f);
          k.env->pinch_center = {e.mgesture.x * static_cast<float>(w), e.mgesture.y * static_cast<float>(h)};
        }
        ImGui_ImplSDL2_ProcessEvent(&e);
        input |= e.type == SDL_MOUSEBUTTONDOWN || e.type == SDL_FINGERDOWN || e.type == SDL_KEYDOWN ||
                 e.type == SDL_MOUSEMOTION || e.type == SDL_MOUSEWHEEL || e.type == SDL_MULTIGESTURE;
      }
      const auto t = std::chrono::steady_clock::now();
      const double dt = std::chrono::duration<double>(t - last).count();
      last = t;
      k.clock += dt;
      k.frame(input, static_cast<float>(dt));
      k.env->pinch_factor = 1;
      if (!ready) {
        notify.ready();
        ready = true;
      }
      notify.alive();  // from the main loop itself: a frozen UI stops it
    }
  }
  k.stop_sync_schedule();
  k.player.reset();
  k.text->atlas.release_textures();
  ImGui_ImplSDLRenderer_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
  SDL_DestroyRenderer(k.renderer);
  SDL_DestroyWindow(k.window);
  SDL_Quit();
  return code;
}
