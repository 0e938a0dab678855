#include "ui/ui_env.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <utility>

#include "core/base/language_tag.h"
#include "core/geo/geo.h"
#include "ui/pictograms.h"

namespace kiosk::ui {

const TimeFormat& UiEnv::time_format() {
  if (const LocaleCatalog* cat = content->catalogs.find_for(locale)) return time_formats->get(cat->info);
  LocaleInfo info;
  info.tag = locale;
  return time_formats->get(info);
}

const SearchIndex& UiEnv::search() {
  if (!search_index) search_index = std::make_unique<SearchIndex>(content->bundle);
  return *search_index;
}

std::unique_ptr<UiEnv> make_env(const Content& content, text::TextEngine& text, TimeFormats& time_formats,
                                const UiSettings& settings, const std::string& kiosk_id) {
  auto env = std::make_unique<UiEnv>();
  env->settings = &settings;
  env->content = &content;
  env->text = &text;
  env->time_formats = &time_formats;
  env->zone = ZoneClock::create(content.bundle.timezone);
  if (!env->zone) env->zone = ZoneClock::create("UTC");
  env->calendar = holiday_calendar_from(content.bundle);
  const auto& b = content.bundle;
  for (const auto& k : b.kiosks)
    if (k.id == kiosk_id || (kiosk_id.empty() && !env->kiosk)) env->kiosk = &k;
  env->here =
      env->kiosk ? env->kiosk->location : GeoPoint{(b.area.south + b.area.north) / 2, (b.area.west + b.area.east) / 2};
  env->hours = OhContext{&env->calendar, env->here.lat, env->here.lon, &*env->zone};
  for (const auto& c : b.categories) {  // validated: a name the kiosk knows, or the bundle's own file
    if (c.icon.empty() || content.pictograms.icon(c.icon)) continue;
    if (auto img = text::read_png(bundle_pictogram_file(content.dir, c.icon))) env->pictures.emplace(c.icon, *img);
  }
  return env;
}

void place_kiosk(UiEnv& env, const std::optional<GeoPoint>& location, const std::optional<double>& heading_deg) {
  if (!location && !heading_deg) return;
  KioskPlace p = env.kiosk ? *env.kiosk : KioskPlace{};
  if (!env.kiosk) p.location = env.here;
  if (location) p.location = *location;
  if (heading_deg) p.heading_deg = *heading_deg;
  env.configured_place = std::move(p);
  env.kiosk = &*env.configured_place;
  env.here = env.kiosk->location;
  env.hours.lat = env.here.lat;
  env.hours.lon = env.here.lon;
  for (auto& w : env.walk_m) w.clear();  // from another place
  env.list_cache.valid = false;
}

void start_map_load(UiEnv& env, const std::filesystem::path& kmap) {
  env.map.reset();
  env.router.reset();
  for (auto& w : env.walk_m) w.clear();
  env.list_cache.valid = false;
  env.markers.clear();
  env.map_error.clear();
  env.map_loading = std::async(std::launch::async, [kmap] { return load_map(kmap); });
}

bool finish_map_load(UiEnv& env, bool wait) {
  if (!env.map_loading.valid()) return false;
  if (!wait && env.map_loading.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  try {
    env.map = env.map_loading.get();
  } catch (const std::exception& e) {  // MapError, or no memory for a map too large
    env.map_error = e.what();
    return true;
  }
  for (const auto& sv : env.content->bundle.services) {
    const Category* cat = env.content->bundle.find_category(sv.category);
    unsigned r = 80, g = 80, b = 90;
    if (cat && cat->colour.size() == 7) {
      unsigned rr = 0, gg = 0, bb = 0;
      if (std::sscanf(cat->colour.c_str() + 1, "%02x%02x%02x", &rr, &gg, &bb) == 3) r = rr, g = gg, b = bb;
    }
    env.markers.push_back({sv.id, env.map->project(sv.location), IM_COL32(r, g, b, 255),
                           cat ? find_pictogram(env, cat->icon) : text::Pictogram{}});
  }
  env.list_cache.valid = false;  // lists made while the map loaded were by straight line
  env.directions = {};           // and directions said "no map"
  return true;
}

void attach_map(UiEnv& env, const std::filesystem::path& kmap) {
  start_map_load(env, kmap);
  finish_map_load(env, true);
}

Spot here_spot(const UiEnv& env) {
  return {env.here, env.kiosk ? env.kiosk->layer : std::nullopt};
}

Router& router(UiEnv& env) {
  if (!env.router) env.router = std::make_unique<Router>(env.map, static_cast<float>(env.content->bundle.max_walk_m));
  return *env.router;
}

const UiEnv::Directions& directions_to(UiEnv& env, const Service& sv, RouteProfile profile) {
  auto& d = env.directions;
  if (d.service == sv.id && d.locale == env.locale && d.profile == profile) return d;
  d = UiEnv::Directions{};
  d.service = sv.id;
  d.locale = env.locale;
  d.profile = profile;
  const std::string name = service_name(env, sv);
  d.qr_text = geo_uri(sv.location, name);
  d.qr = make_qr_code(d.qr_text);
  if (!env.map) return d;
  d.route = router(env).route(here_spot(env), sv.location, profile);
  d.why_none = env.router->last_failure;
  // No step-free way: suggest walking only where a walk exists (not to an island, not across a gap).
  if (!d.route && profile == RouteProfile::wheelchair)
    d.walk_exists = router(env).route(here_spot(env), sv.location, RouteProfile::foot).has_value();
  if (d.route) {
    DirectionsOptions o;
    o.lang = env.locale;
    o.facing_deg = env.kiosk ? std::optional<double>(env.kiosk->heading_deg) : std::nullopt;
    o.destination = name;
    o.isolate_names = env.rtl;
    d.steps = make_directions(*env.map, *d.route, env.fmt, o);
  }
  return d;
}

std::string speech_locale(const UiEnv& env, const Session& s) {
  const auto has = [&](const std::string& l) { return std::binary_search(env.voices.begin(), env.voices.end(), l); };
  if (has(env.locale)) return env.locale;
  return has(s.speech_locale) ? s.speech_locale : std::string();
}

void say(UiEnv& env, const Session& s, std::string text, bool interrupt) {
  if (!s.speech || text.empty()) return;
  env.last_spoken = text;
  env.output.speech.push_back({std::move(text), speech_locale(env, s), interrupt});
}

std::string control_reading(const UiEnv& env, const A11yFrame& frame, const A11yItem& item) {
  if (item.role != A11yRole::button) return item.text;
  std::vector<std::string> parts;
  if (!item.text.empty()) parts.push_back(item.text);
  // What the control shows inside it (a row's hours and distance, a tile's count) belongs to it.
  for (const std::size_t k : reading_order(frame.items, env.rtl)) {
    const A11yItem& t = frame.items[k];
    if (t.role != A11yRole::button && item.rect.Contains(t.rect.GetCenter()) && t.text != item.text)
      parts.push_back(t.text);
  }
  parts.push_back(tr(env, "a11y.button"));
  if (item.selected) parts.push_back(tr(env, "a11y.selected"));
  return fmt::format("{}", fmt::join(parts, ", "));
}

std::string screen_reading(const UiEnv& env, const A11yFrame& frame) {
  std::vector<std::string> pieces;
  const auto inside_control = [&](const A11yItem& t) {
    if (t.role == A11yRole::button) return false;
    for (const auto& c : frame.items)
      if (c.role == A11yRole::button && c.rect.Contains(t.rect.GetCenter())) return true;
    return false;
  };
  for (const std::size_t i : reading_order(frame.items, env.rtl)) {
    if (inside_control(frame.items[i])) continue;  // read with its control
    const std::string piece = control_reading(env, frame, frame.items[i]);
    if (piece.empty()) continue;
    pieces.push_back(piece);
  }
  return fmt::format("{}", fmt::join(pieces, ".\n"));
}

const std::vector<float>& walking_distances(UiEnv& env) {
  auto& walk = env.walk_m[env.profile == RouteProfile::wheelchair ? 1 : 0];
  if (walk.empty() && env.map) {
    std::vector<GeoPoint> places;
    places.reserve(env.content->bundle.services.size());
    for (const auto& sv : env.content->bundle.services) places.push_back(sv.location);
    walk = router(env).distances_from(here_spot(env), places, env.profile);
  }
  return walk;
}

const std::vector<ListedService>& listed_services(UiEnv& env, const ServiceQuery& q) {
  auto& c = env.list_cache;
  const bool same = c.valid && c.category == q.category && c.language == q.language && c.filters == q.filters &&
                    c.now == q.now && c.profile == env.profile;
  if (!same) {
    c.items = list_services(env.content->bundle, env.hours, q);
    c.category = q.category;
    c.language = q.language;
    c.filters = q.filters;
    c.now = q.now;
    c.profile = env.profile;
    c.valid = true;
  }
  return c.items;
}

int walk_minutes_to(UiEnv& env, const ListedService& ls) {
  const double speed = env.speeds.of(env.profile);
  const auto& walk = walking_distances(env);
  if (ls.index < walk.size() && std::isfinite(walk[ls.index]))
    return std::max(1, static_cast<int>(std::ceil(walk[ls.index] / speed / 60.0)));
  return walking_minutes(ls.distance_m, speed);
}

void begin_frame(UiEnv& env, const Session& s, const FrameInput& input) {
  env.input = input;
  env.size = input.size;
  env.unit = input.unit > 0 ? input.unit : std::min(input.size.x, input.size.y) / 1080.f;
  env.now = input.now;
  env.clock = input.clock;
  env.locale = s.locale.empty() ? env.content->bundle.default_locale : s.locale;
  const LocaleCatalog* cat = env.content->catalogs.find_for(env.locale);
  env.rtl = cat && cat->info.rtl;
  env.profile = route_profile_of(s);
  env.fmt = make_format_context(env.content->catalogs, env.locale, env.content->bundle.default_locale);
  const bool hc = s.high_contrast < 0 ? env.settings->high_contrast : s.high_contrast == 1;
  env.theme = hc ? theme_high_contrast() : theme_normal();
  env.theme.text_scale = static_cast<float>(s.text_percent > 0 ? s.text_percent : env.settings->text_percent) / 100.f;
  env.pictograms_only = s.pictograms_only;
  env.last_a11y = std::move(env.a11y);
  env.a11y.items.clear();
  env.focus = s.focus;
  env.focus_moved = false;
  env.scroll_view = ImRect();
}

FrameOutput end_frame(UiEnv& env) {
  return std::exchange(env.output, {});
}

std::string service_name(const UiEnv& env, const Service& sv) {
  if (!sv.name.empty()) return pick(env, sv.name);
  const Category* cat = env.content->bundle.find_category(sv.category);
  return cat ? pick(env, cat->name) : std::string();
}

std::string tr(const UiEnv& env, std::string_view key, const std::vector<MessageArg>& args) {
  return translate(env.fmt, key, args);
}

std::string ltr(const UiEnv& env, const std::string& s) {
  return env.rtl ? isolate_ltr(s) : s;
}

std::string pick(const UiEnv& env, const LocalizedText& t) {
  for (const auto& tag : env.fmt.chain)
    if (const std::string* s = t.find(tag)) return *s;
  if (const std::string* s = t.find("und")) return *s;
  return t.by_locale.empty() ? std::string() : t.by_locale.begin()->second;
}

}  // namespace kiosk::ui
