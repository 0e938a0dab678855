#pragma once
// Service markers (clustered where they crowd), the kiosk's "you are here" with the way the person
// faces, and the hit boxes a screen needs to open what was tapped.

#include <imgui.h>
#include <imgui_internal.h>

#include <string>
#include <vector>

#include "map/map_camera.h"
#include "map/map_style.h"
#include "text/pictogram.h"
#include "text/text_engine.h"

namespace kiosk::map {

struct MapMarker {
  std::string id;  // the service
  kmap::Point at;
  ImU32 colour;
  text::Pictogram pictogram;  // its category's, drawn in white on the colour (none: a white dot)
};

struct MarkerHit {
  ImRect box;
  std::string id;      // the service; empty for a cluster
  kmap::Point centre;  // of the cluster's markers (a tap zooms in there)
  int count = 1;
};

// Draws the markers inside rect; markers closer than `cluster_px` on screen merge into one numbered
// cluster. Appends what can be tapped to `hits`, topmost last.
void draw_markers(ImDrawList* dl, text::TextEngine& engine, const MapCamera& cam, const ImVec4& rect,
                  const std::vector<MapMarker>& markers, const MapStyle& style, float unit, const std::string& locale,
                  std::vector<MarkerHit>& hits, const std::string& highlight = {});

// A dot with a wedge pointing the way the person in front of the kiosk faces.
ImRect draw_you_are_here(ImDrawList* dl, const MapCamera& cam, kmap::Point at, float facing_deg, const MapStyle& style,
                         float unit);

}  // namespace kiosk::map
