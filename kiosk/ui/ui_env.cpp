#include "ui/ui_env.h"

#include "core/language_tag.h"

namespace kiosk::ui {

const TimeFormat& UiEnv::time_format() {
  auto it = time_formats.find(locale);
  if (it == time_formats.end()) {
    const LocaleCatalog* cat = content->catalogs.find(locale);
    LocaleInfo info;
    if (cat)
      info = cat->info;
    else
      info.tag = locale;
    it = time_formats.emplace(locale, TimeFormat(info)).first;
  }
  return it->second;
}

const SearchIndex& UiEnv::search() {
  if (!search_index) search_index = std::make_unique<SearchIndex>(content->bundle);
  return *search_index;
}

std::unique_ptr<UiEnv> make_env(const Content& content, text::TextEngine& text, const std::string& kiosk_id) {
  auto env = std::make_unique<UiEnv>();
  env->content = &content;
  env->text = &text;
  env->zone = ZoneClock::create(content.bundle.timezone);
  if (!env->zone) env->zone = ZoneClock::create("UTC");
  env->calendar = holiday_calendar_from(content.bundle);
  const auto& b = content.bundle;
  for (const auto& k : b.kiosks)
    if (k.id == kiosk_id || (kiosk_id.empty() && !env->kiosk)) env->kiosk = &k;
  env->here =
      env->kiosk ? env->kiosk->location : GeoPoint{(b.area.south + b.area.north) / 2, (b.area.west + b.area.east) / 2};
  env->hours = OhContext{&env->calendar, env->here.lat, env->here.lon, &*env->zone};
  return env;
}

void begin_frame(UiEnv& env, const Session& s, ImVec2 size, LocalDateTime now, double clock) {
  env.size = size;
  env.unit = std::min(size.x, size.y) / 1080.f;
  env.now = now;
  env.clock = clock;
  env.locale = s.locale.empty() ? env.content->bundle.default_locale : s.locale;
  const LocaleCatalog* cat = env.content->catalogs.find(env.locale);
  env.rtl = cat && cat->info.rtl;
  env.fmt = make_format_context(env.content->catalogs, env.locale, env.content->bundle.default_locale);
  const bool hc = s.high_contrast < 0 ? env.default_high_contrast : s.high_contrast == 1;
  env.theme = hc ? theme_high_contrast() : theme_normal();
  env.theme.text_scale = static_cast<float>(s.text_percent > 0 ? s.text_percent : env.default_text_percent) / 100.f;
}

std::string tr(const UiEnv& env, std::string_view key, const std::vector<MessageArg>& args) {
  return translate(env.fmt, key, args);
}

std::string pick(const UiEnv& env, const LocalizedText& t) {
  for (const auto& tag : env.fmt.chain)
    if (const std::string* s = t.find(tag)) return *s;
  if (const std::string* s = t.find("und")) return *s;
  return t.by_locale.empty() ? std::string() : t.by_locale.begin()->second;
}

}  // namespace kiosk::ui
