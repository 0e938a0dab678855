#pragma once
// The city map as the resident screens show it: map, labels in the visit's language, service markers,
// "you are here", and a route; plus the QR code that takes a destination along.

#include <string>
#include <vector>

#include "ui/ui_env.h"

namespace kiosk::ui {

map::MapStyle map_style_for(const UiEnv& env);

// A camera around the kiosk, turned so that up is the way the person faces.
map::MapCamera camera_at_kiosk(const UiEnv& env, const ImRect& r, float scale);

// A camera that shows the bundle's whole area (the map's extent when the bundle gives none) in r, turned
// as camera_at_kiosk; its scale is how far the map screen lets a resident zoom out.
map::MapCamera camera_on_area(const UiEnv& env, const ImRect& r);

// Draws the map into r. `route` (may be null) is drawn over it; `highlight` marks one service; with
// `all_markers` false only that one is shown (the way to one place). Appends the tappable markers to hits.
// No label is placed over `keep_free` (the screen's buttons on the map).
void draw_map_panel(UiEnv& env, const map::MapCamera& cam, const ImRect& r, const Route* route,
                    const std::string& highlight, bool all_markers, std::vector<map::MarkerHit>& hits,
                    const std::vector<ImRect>& keep_free = {});

// A QR code with its quiet zone (four modules of white), `size` pixels square.
void draw_qr(ImDrawList* dl, const QrCode& qr, ImVec2 pos, float size);

}  // namespace kiosk::ui
