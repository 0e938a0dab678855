#include "app/startup.h"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

#include "app/bundle_switch.h"
#include "core/yaml/yaml_read.h"

namespace kiosk::app {

namespace fs = std::filesystem;

namespace {

// The kiosk's local config: its place, the technician PIN's hash, idle times, where bundles come from.
// Returns what is wrong with it ("" when nothing): a kiosk with a broken config says so on screen
// instead of restarting forever.
std::string load_config(Kiosk& k) {
  const fs::path file = !k.opt.config.empty() ? fs::path(k.opt.config) : fs::path("/etc/kiosk/kiosk.yaml");
  std::error_code ec;
  if (!fs::exists(file, ec)) return {};
  Diagnostics cd;
  k.config = load_kiosk_config(file, cd);
  std::string first_error;
  for (const auto& d : cd.items) {
    fmt::print(stderr, "{}\n", format_diagnostic(d));
    if (d.severity == Severity::error && first_error.empty()) first_error = format_diagnostic(d);
  }
  return first_error.empty() ? std::string()
                             : "the kiosk config " + file.generic_string() + " has errors: " + first_error;
}

// What a preview asks for must exist: a typo is not the home screen.
std::optional<int> apply_preview_options(Kiosk& k) {
  const AppOptions& o = k.opt;
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
  s.pictograms_only = o.pictograms_only;
  s.speech = o.pictograms_only;  // as the accessibility screen's button does
  if (!o.screen.empty() && !ui::screen_from_name(o.screen, s.screen)) {
    fmt::print(stderr,
               "error: --screen '{}' is not a screen (attract, language, home, list, detail, search, map, "
               "accessibility)\n",
               o.screen);
    return 2;
  }
  if (!k.out_of_service.empty()) return std::nullopt;
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
  return std::nullopt;
}

}  // namespace

std::optional<int> set_up(Kiosk& k) {
  const AppOptions& o = k.opt;
  k.config_problem = load_config(k);
  start_first_bundle_load(k);
  Diagnostics font_diags;
  k.text = text::make_text_engine(o.fonts.empty() ? text::default_font_config() : fs::path(o.fonts), font_diags);
  if (!k.text) {
    fmt::print(stderr, "error: no fonts could be opened (install fonts-noto-core)\n");
    return 1;
  }
  if (!o.no_speech) {
    std::string why;
    k.synth = speech::Synthesizer::create(why);
    if (!k.synth) fmt::print(stderr, "warning: no speech: {}\n", why);
  }
  k.settings.low_reach = o.layout == "low-reach";
  k.settings.high_contrast = o.theme == "high-contrast";
  k.settings.text_percent = o.text_size;
  k.settings.idle_seconds = k.config.idle_seconds;
  k.settings.warning_seconds = k.config.warning_seconds;
  k.scripted = o.headless || !o.script.empty();
  return std::nullopt;
}

std::optional<int> show_first(Kiosk& k) {
  if (auto code = show_first_bundle(k)) return code;
  return apply_preview_options(k);
}

}  // namespace kiosk::app
