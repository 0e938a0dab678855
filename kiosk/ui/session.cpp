#include "ui/session.h"

namespace kiosk::ui {

void wipe(Session& s) {
  // Assigning a fresh value also releases what the strings held.
  s = Session{};
}

const char* screen_name(Screen s) {
  switch (s) {
    case Screen::attract:
      return "attract";
    case Screen::language:
      return "language";
    case Screen::home:
      return "home";
    case Screen::list:
      return "list";
    case Screen::detail:
      return "detail";
    case Screen::search:
      return "search";
    case Screen::map:
      return "map";
    case Screen::accessibility:
      return "accessibility";
  }
  return "attract";
}

bool screen_from_name(const std::string& name, Screen& out) {
  for (Screen s : {Screen::attract, Screen::language, Screen::home, Screen::list, Screen::detail, Screen::search,
                   Screen::map, Screen::accessibility})
    if (name == screen_name(s)) {
      out = s;
      return true;
    }
  return false;
}

RouteProfile route_profile_of(const Session& s) {
  if (s.route_profile) return *s.route_profile;
  return s.filters.step_free ? RouteProfile::wheelchair : RouteProfile::foot;
}

}  // namespace kiosk::ui
