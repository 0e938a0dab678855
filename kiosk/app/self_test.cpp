#include "app/self_test.h"

#include <sys/statvfs.h>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "core/geo/geo.h"
#include "core/routing/router.h"
#include "core/routing/snap_explain.h"
#include "core/sync/bundle_install.h"
#include "text/layout.h"
#include "ui/pictograms.h"

namespace kiosk::app {

namespace fs = std::filesystem;
using Result = SelfTestLine::Result;

namespace {

// Every text the bundle has in this language (title, kiosk places, categories, services' names) laid out
// with the kiosk's fonts: a character no font has would show as a box.
SelfTestLine fonts_for(const ui::UiEnv& env, const std::string& locale) {
  const auto& b = env.content->bundle;
  int texts = 0, missing = 0, with_emoji = 0;
  std::string example;
  const text::FontId emoji_font = env.text->fonts->emoji_font();
  auto check_text = [&](const std::string& s) {
    if (s.empty()) return;
    text::LayoutRequest r;
    r.text = s;
    r.locale = locale;
    r.size_px = 32;
    const auto p = text::layout(*env.text->fonts, r);
    ++texts;
    bool emoji = false;
    for (const auto& line : p.lines)
      for (const auto& run : line.runs) emoji = emoji || run.font == emoji_font;
    with_emoji += emoji;
    if (p.missing_glyphs > 0) {
      missing += p.missing_glyphs;
      if (example.empty()) example = s;
    }
  };
  auto check = [&](const LocalizedText& t) {
    const auto it = t.by_locale.find(locale);
    if (it != t.by_locale.end()) check_text(it->second);
  };
  check(b.title);
  for (const auto& k : b.kiosks) check(k.name);
  for (const auto& c : b.categories) check(c.name);
  for (const auto& a : b.announcements) check(a.text);
  for (const auto& s : b.services) {  // what the list and the detail screen show of it
    check(s.name);
    check(s.description);
    check(s.fee_note);
    check(s.address.note);
  }
  if (const auto* cat = env.content->catalogs.find_for(locale)) {  // the UI's own words, as patterns
    check_text(cat->info.native_name);
    for (const auto& [key, m] : cat->messages) check_text(m.pattern);
  }
  if (missing > 0)
    return {"fonts " + locale, Result::failed,
            fmt::format("{} characters in {} texts have no font (e.g. \"{}\"): install fonts-noto-core and "
                        "fonts-noto-color-emoji",
                        missing, texts, example)};
  if (texts == 0) return {"fonts " + locale, Result::failed, "no text in this language to check"};
  return {"fonts " + locale, Result::ok,
          fmt::format("{} texts ({} with emoji), every character has a glyph", texts, with_emoji)};
}

// Every pictogram the screens use (the kiosk's names) and every category's can be drawn.
SelfTestLine pictograms_line(const ui::UiEnv& env) {
  const auto& names = env.content->pictograms;
  if (names.empty() || env.text->fonts->pictogram_font() < 0)
    return {"pictograms", Result::failed,
            "the icon font or its names are missing: install fonts-material-design-icons-iconfont"};
  std::vector<std::string> missing;
  int drawn = 0;
  auto check = [&](const std::string& name) {
    if (ui::find_pictogram(env, name).valid())
      ++drawn;
    else
      missing.push_back(name);
  };
  for (const auto& [ours, icon] : names.kiosk_names) check(ours);
  for (const auto& c : env.content->bundle.categories) check(c.icon);
  if (!missing.empty())
    return {"pictograms", Result::failed,
            fmt::format("{} of {} cannot be drawn: {}", missing.size(), drawn + static_cast<int>(missing.size()),
                        fmt::join(missing, ", "))};
  return {"pictograms", Result::ok, fmt::format("{} pictograms (facts, controls, categories), all drawn", drawn)};
}

// Where each kiosk place joins the walking network: a place snapped onto the wrong street (a road under
// a bridge, a courtyard) gives every route a detour, and is easiest to see on site.
SelfTestLine snaps_line(const ui::UiEnv& env) {
  const auto& b = env.content->bundle;
  if (!env.map) return {"kiosk places", Result::skipped, "no map"};
  Router router(env.map, static_cast<float>(b.max_walk_m));
  std::vector<std::string> parts;
  bool ok = true;
  for (const KioskPlace& k : b.kiosks) {
    const Spot place(k.location, k.layer);
    const auto snap = router.snap(place, RouteProfile::foot);
    if (!snap) {
      ok = false;
      parts.push_back(fmt::format("{}: no way within 1 km", k.id));
      continue;
    }
    parts.push_back(fmt::format("{}: {}", k.id, snap_summary(explain_snap(*env.map, place, *snap, b.default_locale))));
  }
  if (parts.empty()) return {"kiosk places", Result::skipped, "the bundle names no kiosk places"};
  return {"kiosk places", ok ? Result::ok : Result::failed, fmt::format("{}", fmt::join(parts, "; "))};
}

}  // namespace

std::vector<SelfTestLine> run_self_test(const SelfTestFacts& f) {
  std::vector<SelfTestLine> out;
  const auto& env = *f.env;
  const auto& b = env.content->bundle;
  if (!f.out_of_service.empty()) {
    out.push_back({"bundle", Result::failed, "OUT OF SERVICE: " + f.out_of_service});
    return out;  // nothing else to check without a bundle
  }
  out.push_back({"bundle", Result::ok,
                 fmt::format("{} version {}: {} services, {} warnings, from {}", b.id, b.version, b.services.size(),
                             env.content->diags.count(Severity::warning), f.bundle_dir.generic_string())});
  const bool signed_ok = f.signature.rfind("valid", 0) == 0;
  if (f.managed || f.config->sync.enabled())
    out.push_back({"signature", signed_ok && f.managed ? Result::ok : Result::failed,
                   f.managed ? f.signature : "no synced bundle yet: run kioskctl sync --config"});
  else
    out.push_back({"signature", signed_ok ? Result::ok : Result::skipped, f.signature});
  for (const auto& locale : b.locales) out.push_back(fonts_for(env, locale));
  out.push_back(pictograms_line(env));
  if (b.map_compiled.empty())
    out.push_back({"map", Result::skipped, "the bundle names no compiled map"});
  else if (env.map)
    out.push_back({"map", Result::ok,
                   fmt::format("{:.1f} MiB, routing graph of {} nodes",
                               static_cast<double>(env.map->byte_size) / 1048576.0, env.map->route_nodes.size())});
  else
    out.push_back({"map", Result::failed, env.map_error});
  out.push_back(snaps_line(env));
  if (!f.place_problem.empty())
    out.push_back({"kiosk place", Result::failed, f.place_problem});
  else
    out.push_back({"kiosk place", Result::ok,
                   env.kiosk
                       ? fmt::format("{} at {}, facing {:.0f}°", env.kiosk->id.empty() ? "configured" : env.kiosk->id,
                                     format_lat_lon(env.here), env.kiosk->heading_deg)
                       : "the area's centre (no kiosk_id)"});
  out.push_back({"speech", f.synth ? Result::ok : Result::failed,
                 f.synth ? fmt::format("espeak-ng, voices for {} of {} languages", env.voices.size(), b.locales.size())
                         : "espeak-ng could not start"});
  if (f.headless) {
    out.push_back({"audio", Result::skipped, "headless"});
    out.push_back({"display", Result::skipped, "headless"});
    out.push_back({"touch", Result::skipped, "headless"});
  } else {
    const bool audio = SDL_InitSubSystem(SDL_INIT_AUDIO) == 0 && SDL_GetNumAudioDevices(0) > 0;
    out.push_back({"audio", audio ? Result::ok : Result::failed,
                   audio
                       ? fmt::format("{} output devices ({})", SDL_GetNumAudioDevices(0), SDL_GetAudioDeviceName(0, 0))
                       : "no audio output: headphone jack or speaker missing, or no sound server"});
    int w = 0, h = 0;
    SDL_GetRendererOutputSize(f.renderer, &w, &h);
    SDL_RendererInfo info{};
    SDL_GetRendererInfo(f.renderer, &info);
    out.push_back({"display", w >= 800 && h >= 600 ? Result::ok : Result::failed,
                   fmt::format("{} x {}, {} renderer, {} video driver", w, h, info.name ? info.name : "?",
                               SDL_GetCurrentVideoDriver() ? SDL_GetCurrentVideoDriver() : "?")});
    const int touch = SDL_GetNumTouchDevices();
    out.push_back({"touch", touch > 0 ? Result::ok : Result::failed,
                   touch > 0 ? fmt::format("{} touch devices", touch) : "no touch screen found"});
  }
  // Room for the next bundle next to this one, and what the sync config keeps free.
  const fs::path disk = f.config->sync.enabled() ? f.config->sync.state_dir : f.bundle_dir;
  struct statvfs v {};
  std::uint64_t bundle_bytes = 0;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(f.bundle_dir, ec); it != fs::recursive_directory_iterator(); ++it)
    if (it->is_regular_file(ec)) bundle_bytes += it->file_size(ec);
  if (::statvfs(disk.c_str(), &v) == 0) {
    const std::uint64_t free = static_cast<std::uint64_t>(v.f_bavail) * v.f_frsize;
    const std::uint64_t need = bundle_bytes + f.config->sync.reserve_bytes;
    out.push_back(
        {"disk", free >= need ? Result::ok : Result::failed,
         fmt::format("{:.0f} MiB free on {}, a new bundle needs {:.0f} MiB", static_cast<double>(free) / 1048576.0,
                     disk.generic_string(), static_cast<double>(need) / 1048576.0)});
  } else {
    out.push_back({"disk", Result::failed, "cannot read the free space of " + disk.generic_string()});
  }
  return out;
}

int print_self_test(const std::vector<SelfTestLine>& lines) {
  int failed = 0;
  for (const auto& l : lines) {
    const char* tag = l.result == Result::ok ? "ok  " : l.result == Result::failed ? "FAIL" : "skip";
    fmt::print("{} {:<12} {}\n", tag, l.check, l.detail);
    failed += l.result == Result::failed;
  }
  fmt::print("{}\n", failed == 0 ? "self-test passed" : fmt::format("self-test FAILED: {} problems", failed));
  return failed == 0 ? 0 : 1;
}

}  // namespace kiosk::app
