#include "app/bundle_switch.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>

#include "core/base/data_paths.h"
#include "core/bundle/manifest.h"
#include "core/geo/geo.h"
#include "core/sync/sync_run.h"
#include "ui/idle_wipe.h"

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

// The signature of a built bundle, as the technician screen shows it; nullopt (and why) when a synced
// bundle's files do not match its signed manifest.
std::optional<std::string> check_signature(Kiosk& k, const fs::path& dir, std::string& why) {
  if (!k.managed && (!fs::exists(dir / manifest_name) || k.config.sync.trusted_keys.empty()))
    return "not checked: a source folder, not a built and signed bundle";
  Manifest m;
  const auto problems = verify_bundle(dir, k.config.sync.trusted_keys, &m);
  if (!problems.empty() && k.managed) {
    why = problems.front();
    k.load_failed_check = true;
    return std::nullopt;
  }
  return problems.empty() ? fmt::format("valid, all {} files intact", m.files.size()) : "INVALID: " + problems.front();
}

// What is wrong with the kiosk's place for this bundle ("" when nothing).
std::string place_problem(const Kiosk& k, const Content& c, const ui::UiEnv& e, const std::string& kiosk_id) {
  if (!kiosk_id.empty() && !e.kiosk) {
    std::vector<std::string> ids;
    for (const auto& place : c.bundle.kiosks) ids.push_back(place.id);
    return fmt::format("kiosk_id '{}' is not one of the bundle's kiosk places ({})", kiosk_id, fmt::join(ids, ", "));
  }
  const auto& area = c.bundle.area;
  const auto& at = k.config.location;
  if (at && (at->lat < area.south || at->lat > area.north || at->lon < area.west || at->lon > area.east))
    return fmt::format("the configured location {} lies outside the bundle's area", format_lat_lon(*at));
  return {};
}

// The content loaded early for dir, if it was (and what was loaded early for another folder is dropped).
std::unique_ptr<Content> take_early_content(Kiosk& k, const fs::path& dir) {
  std::unique_ptr<Content> c;
  if (k.early && k.early->dir == dir) c = std::make_unique<Content>(k.early->content.get());
  k.early.reset();
  return c;
}

// The folder the kiosk starts with; for the synced one, k.managed is set.
fs::path first_bundle_dir(Kiosk& k) {
  fs::path bundle = k.opt.bundle;
  if (bundle.empty() && k.config.sync.enabled()) {
    const StatePaths state{k.config.sync.state_dir};
    bundle = link_target(state.current());
    k.managed = !bundle.empty();
    if (!k.managed)
      fmt::print(stderr, "warning: no bundle synced into {} yet; showing the packaged one until the first sync\n",
                 state.root.generic_string());
  }
  return bundle.empty() ? default_bundle_dir() : bundle;
}

}  // namespace

bool load_bundle(Kiosk& k, const fs::path& dir, std::string& why) {
  k.load_failed_check = false;
  auto early = take_early_content(k, dir);
  const auto locales = locales_dir_for(k.opt.locales, dir);
  if (!locales) {
    why = "no UI catalogs found for " + dir.generic_string() + "; give --locales";
    return false;
  }
  const auto sig = check_signature(k, dir, why);
  if (!sig) return false;
  auto c = early ? std::move(early) : std::make_unique<Content>(load_content(dir, *locales));
  if (!c->ok()) {
    for (const auto& d : c->diags.items)
      if (d.severity == Severity::error) {
        fmt::print(stderr, "{}\n", format_diagnostic(d));
        if (why.empty()) why = format_diagnostic(d);
      }
    return false;
  }
  const std::string kiosk_id = k.opt.kiosk_id.empty() ? k.config.kiosk_id : k.opt.kiosk_id;
  auto e = ui::make_env(*c, *k.text, k.time_formats, k.settings, kiosk_id);
  const std::string place = place_problem(k, *c, *e, kiosk_id);  // before the config's place replaces it
  ui::place_kiosk(*e, k.config.location, k.config.heading_deg);
  if (!place.empty()) fmt::print(stderr, "warning: {}\n", place);
  // The map: a missing or broken one is reported, and the kiosk runs on without it.
  const fs::path kmap = !k.opt.map.empty()                ? fs::path(k.opt.map)
                        : !c->bundle.map_compiled.empty() ? dir / c->bundle.map_compiled
                                                          : fs::path();
  if (!kmap.empty()) ui::start_map_load(*e, kmap);  // taken by a frame (Kiosk::frame)
  // Speech: the bundle's languages espeak-ng has a voice for.
  for (const auto& tag : c->bundle.locales)
    if (k.synth && k.synth->voice_for(tag)) e->voices.push_back(tag);
  std::sort(e->voices.begin(), e->voices.end());
  k.env = std::move(e);  // the old env goes first: it refers to the old content
  k.content = std::move(c);
  k.bundle_dir = dir;
  k.bundle_lock = BundleLock(dir);
  k.signature = *sig;
  k.place_problem = place;
  k.out_of_service.clear();
  return true;
}

void show_out_of_service(Kiosk& k, const std::string& why) {
  fmt::print(stderr, "error: out of service: {}\n", why);
  const auto locales = locales_dir_for(k.opt.locales, default_bundle_dir());
  auto c = std::make_unique<Content>(catalogs_only(locales.value_or(fs::path("locales"))));
  k.env = ui::make_env(*c, *k.text, k.time_formats, k.settings, "");
  k.content = std::move(c);
  k.bundle_dir.clear();
  k.bundle_lock = BundleLock();
  k.signature = "none";
  k.out_of_service = why;
}

void maybe_switch_bundle(Kiosk& k) {
  if (!k.managed || k.clock < k.next_switch_check) return;
  k.next_switch_check = k.clock + 2;
  if (k.session.screen != ui::Screen::attract && !k.technician.open) return;
  const fs::path target = link_target(StatePaths{k.config.sync.state_dir}.current());
  if (target.empty() || target == k.bundle_dir || target == k.failed_target) return;
  std::string why;
  if (load_bundle(k, target, why)) {
    k.failed_target.clear();
    fmt::print(stderr, "bundle: now showing version {} from {}\n", k.content->bundle.version, target.generic_string());
    ui::end_visit(*k.env, k.session);
    return;
  }
  fmt::print(stderr, "error: the new bundle {} does not load: {}; going back to the previous one\n",
             target.generic_string(), why);
  k.failed_target = target;
  reject_current_bundle(k.config.sync.state_dir, why, !k.load_failed_check);
}

void start_first_bundle_load(Kiosk& k) {
  if (!k.config_problem.empty()) return;  // out of service: no bundle is shown
  fs::path dir = first_bundle_dir(k);
  const auto locales = locales_dir_for(k.opt.locales, dir);
  if (!locales) return;  // load_bundle says why
  k.early = Kiosk::EarlyContent{
      dir, std::async(std::launch::async, [dir, locales = *locales] { return load_content(dir, locales); })};
}

std::optional<int> show_first_bundle(Kiosk& k) {
  if (!k.config_problem.empty()) {
    show_out_of_service(k, k.config_problem);
    return std::nullopt;
  }
  fs::path bundle = k.early ? k.early->dir : first_bundle_dir(k);
  for (std::string why; !load_bundle(k, bundle, why); why.clear()) {
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
      show_out_of_service(k, "no bundle can be shown: " + why);
      return std::nullopt;
    }
    fmt::print(stderr, "error: the bundle {} is invalid ({}); the kiosk does not show it\n", bundle.generic_string(),
               why);
    return 1;
  }
  return std::nullopt;
}

}  // namespace kiosk::app
