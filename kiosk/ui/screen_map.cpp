// The full map screen: the city map is built in the map issue; this screen carries the attribution.

#include "ui/screens.h"

namespace kiosk::ui {

void draw_map(UiEnv& env, Session& s, const ImRect&) {
  // The city map is built in the map issue; this screen already carries the attribution.
  const ImRect area = draw_top_bar(env, s, tr(env, "nav.map"));
  const float pad = 40 * env.unit;
  text_at(env, tr(env, "map.attribution"), ImVec2(pad, area.Max.y - 80 * env.unit), area.GetWidth() - 2 * pad,
          {24, false, text::Align::end}, env.theme.text_muted);
}

}  // namespace kiosk::ui
