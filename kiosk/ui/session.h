#pragma once
// What one resident's visit has chosen. Lives only in memory and is wiped when the kiosk is idle:
// nothing about a session is ever written anywhere.

#include <optional>
#include <string>

#include "core/routing/route_profile.h"
#include "core/search/service_query.h"
#include "map/map_camera.h"

namespace kiosk::ui {

enum class Screen { attract, language, home, list, detail, search, map, accessibility };

struct Session {
  Screen screen = Screen::attract;
  std::string locale;    // empty: the bundle's default
  std::string category;  // for the list
  std::string service;   // for the detail screen
  std::string query;     // search text
  ServiceFilters filters;
  int text_percent = 0;             // 100, 150, 200; 0: the kiosk's default
  int high_contrast = -1;           // 0 or 1; -1: the kiosk's default
  Screen return_to = Screen::home;  // where the language and accessibility screens go back to
  float scroll = 0;                 // of the current list, in pixels
  float scroll_velocity = 0;
  // The map screen's view, while the visit moves it; unset: around the kiosk.
  std::optional<map::MapCamera> map_view;
  ImVec2 map_velocity{0, 0};  // pixels per second, for the pan's inertia
  double last_map_tap = -1;   // for double-tap zoom
  ImVec2 last_map_tap_pos{0, 0};
  std::optional<RouteProfile> route_profile;  // unset: step-free when the visit asked for step-free places
  // Accessibility of this visit; wiped with it, so volume and speed return to the kiosk's defaults.
  ImGuiID focus = 0;          // the control the keys are on; 0: none yet
  bool speech = false;        // reading aloud
  int volume = 100;           // espeak-ng amplitude, 0 … 200
  int speech_rate = 160;      // words per minute
  std::string speech_locale;  // the language to listen in when the UI language has no voice
  int low_reach = -1;         // 0 or 1; -1: the kiosk's default
  // Pictograms with very short words on home and lists, and every screen read aloud on entering it: for
  // residents who read little or none of the kiosk's scripts.
  bool pictograms_only = false;
  std::string spoken_for;  // the screen last read aloud (screen name and service), to read a new one
  double last_input = 0;   // seconds, monotonic
  bool idle_warning = false;
};

// Back to a new visitor: every choice, text and scroll position gone.
void wipe(Session& s);
// How the visit goes to places: its choice on the detail screen, else step-free when it filters for it.
RouteProfile route_profile_of(const Session& s);

const char* screen_name(Screen s);
bool screen_from_name(const std::string& name, Screen& out);

}  // namespace kiosk::ui
