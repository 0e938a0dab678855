#include "ui/technician.h"

#include "core/config/pin_hash.h"

#include <imgui.h>

#include <chrono>

namespace kiosk::ui {

namespace {

constexpr double hold_seconds = 3.0;
constexpr int max_failures = 5;
constexpr double lockout_seconds = 300;

void pin_pad(UiEnv& env, TechnicianState& t, const std::string& pin_hash) {
  const float u = env.unit;
  ImGui::SetNextWindowPos(ImVec2(env.size.x / 2, env.size.y / 2), ImGuiCond_Always, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowBgAlpha(1.0f);
  ImGui::Begin("PIN", nullptr,
               ImGuiWindowFlags_AlwaysAutoResize | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoMove);
  ImGui::SetWindowFontScale(2.0f * u);
  const bool checking = t.pin_check.valid();
  if (checking) {
    ImGui::Text("Checking the PIN ...");
  } else if (env.clock < t.locked_until) {
    ImGui::Text("Locked after %d wrong PINs: %.0f s", max_failures, t.locked_until - env.clock);
  } else {
    ImGui::Text("Technician PIN: %s", std::string(t.pin.size(), '*').c_str());
  }
  const ImVec2 key(120 * u, 100 * u);
  const char* keys[] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "C", "0", "OK"};
  for (int i = 0; i < 12; ++i) {
    if (i % 3) ImGui::SameLine();
    if (ImGui::Button(keys[i], key) && env.clock >= t.locked_until && !checking) {
      const std::string k = keys[i];
      if (k == "C") {
        t.pin.clear();
      } else if (k == "OK") {
        t.pin_check = std::async(std::launch::async, [pin = t.pin, pin_hash] { return check_pin(pin, pin_hash); });
        t.pin.clear();
      } else if (t.pin.size() < 12) {
        t.pin += k;
      }
    }
  }
  if (ImGui::Button("Cancel", ImVec2(3 * key.x + 2 * ImGui::GetStyle().ItemSpacing.x, key.y))) {
    t.asking_pin = false;
    t.pin.clear();
  }
  ImGui::End();
}

void screen(UiEnv& env, TechnicianState& t, const DeviceFacts& f) {
  const auto& b = env.content->bundle;
  ImGui::SetNextWindowPos(ImVec2(0, 0));
  ImGui::SetNextWindowSize(env.size);
  ImGui::Begin("Technician", nullptr, ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove);
  ImGui::SetWindowFontScale(1.6f * env.unit);
  ImGui::Text("Stadt fuer alle kiosk %s", f.version.c_str());
  ImGui::Separator();
  if (!f.out_of_service.empty())
    ImGui::TextColored(ImVec4(1, 0.4f, 0.3f, 1), "OUT OF SERVICE: %s", f.out_of_service.c_str());
  ImGui::Text("Bundle: %s, version %lld", b.id.c_str(), static_cast<long long>(b.version));
  ImGui::Text("Check: %s (%zu warnings)", env.content->ok() ? "valid" : "INVALID",
              env.content->diags.count(Severity::warning));
  ImGui::TextWrapped("From: %s", f.bundle_dir.c_str());
  ImGui::TextWrapped("Signature: %s", f.signature.c_str());
  if (f.can_sync) {
    ImGui::TextWrapped("Last sync: %s", f.sync.c_str());
    const ImVec2 button(420 * env.unit, 80 * env.unit);
    if (ImGui::Button("Sync now", button)) t.sync_requested = true;
    ImGui::SameLine();
    if (ImGui::Button("Previous bundle", button)) t.rollback_requested = true;
  }
  ImGui::Text("Services: %zu   Categories: %zu   Locales: %zu", b.services.size(), b.categories.size(),
              b.locales.size());
  ImGui::Text("Kiosk place: %s", env.kiosk ? env.kiosk->id.c_str() : "(area centre)");
  if (env.map)
    ImGui::Text("Map: %.1f MiB, %zu features, routing graph %zu nodes",
                static_cast<double>(env.map->byte_size) / 1048576.0, env.map->features.size(),
                env.map->route_nodes.size());
  else
    ImGui::TextWrapped("Map: NONE (%s)",
                       env.map_error.empty() ? "the bundle names no compiled map" : env.map_error.c_str());
  ImGui::Text("Local time: %04d-%02d-%02d %02d:%02d (%s)", env.now.date.year, env.now.date.month, env.now.date.day,
              env.now.minute_of_day / 60, env.now.minute_of_day % 60, b.timezone.c_str());
  ImGui::Separator();
  ImGui::Text("Display: %d x %d, renderer %s, video driver %s", f.width, f.height, f.renderer.c_str(),
              f.video_driver.c_str());
  ImGui::Text("Touch devices: %d", f.touch_devices);
  ImGui::Text("Frames per second: %.1f", static_cast<double>(ImGui::GetIO().Framerate));
  ImGui::Text("Memory (RSS): %.1f MiB   Glyph atlas: %.1f MiB", f.rss_mib,
              static_cast<double>(env.text->atlas.memory_bytes()) / (1 << 20));
  ImGui::Separator();
  ImGui::Text("Touch test: touch and drag anywhere below.");
  const ImVec2 p0 = ImGui::GetCursorScreenPos();
  const ImVec2 area(env.size.x - 2 * p0.x, env.size.y - p0.y - 140 * env.unit);
  ImGui::InvisibleButton("##touch", area);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  dl->AddRect(p0, ImVec2(p0.x + area.x, p0.y + area.y), IM_COL32(200, 200, 200, 255));
  if (ImGui::IsItemActive()) {
    const ImVec2 m = ImGui::GetIO().MousePos;
    dl->AddCircleFilled(m, 40 * env.unit, IM_COL32(255, 160, 0, 200));
    dl->AddLine(ImVec2(p0.x, m.y), ImVec2(p0.x + area.x, m.y), IM_COL32(255, 160, 0, 120));
    dl->AddLine(ImVec2(m.x, p0.y), ImVec2(m.x, p0.y + area.y), IM_COL32(255, 160, 0, 120));
  }
  if (ImGui::Button("Back to the resident screens", ImVec2(600 * env.unit, 100 * env.unit))) t.open = false;
  ImGui::End();
}

}  // namespace

void take_pin_result(TechnicianState& t, double clock) {
  if (!t.pin_check.valid() || t.pin_check.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return;
  const bool right = t.pin_check.get();
  if (!t.asking_pin) return;
  if (right) {
    t.open = true;
    t.failures = 0;
    t.asking_pin = false;
  } else if (++t.failures >= max_failures) {
    t.locked_until = clock + lockout_seconds;
    t.failures = 0;
  }
}

bool technician_frame(UiEnv& env, TechnicianState& t, const std::string& pin_hash, const DeviceFacts& facts) {
  if (env.input.touched) t.last_input = env.clock;
  if ((t.open || t.asking_pin) &&
      env.clock - t.last_input > env.settings->idle_seconds + env.settings->warning_seconds) {
    t.open = false;  // left open and walked away from: the next resident must not find it
    t.asking_pin = false;
    t.pin.clear();
  }
  take_pin_result(t, env.clock);
  if (t.open) {
    screen(env, t, facts);
    return true;
  }
  // The gesture: hold the top-left corner (the same physical corner in every language) for 3 s.
  const ImGuiIO& io = ImGui::GetIO();
  const float corner = 90 * env.unit;
  const bool in_corner =
      io.MouseDown[0] && io.MousePos.x >= 0 && io.MousePos.x < corner && io.MousePos.y >= 0 && io.MousePos.y < corner;
  if (!in_corner) {
    t.corner_down_since = -1;
  } else if (t.corner_down_since < 0) {
    t.corner_down_since = env.clock;
  } else if (env.clock - t.corner_down_since >= hold_seconds && !pin_hash.empty() && !t.asking_pin) {
    t.asking_pin = true;
    t.last_input = env.clock;
  }
  if (t.asking_pin) pin_pad(env, t, pin_hash);
  return false;
}

}  // namespace kiosk::ui
