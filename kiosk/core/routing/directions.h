#pragma once
// Step-by-step directions from a route: depart (relative to the way the person faces the kiosk), turns,
// crossings, steps and arrival, with street names and distances, in the resident's language.

#include <optional>
#include <string>
#include <vector>

#include "core/i18n/i18n_catalog.h"
#include "core/routing/router.h"

namespace kiosk {

enum class StepKind { depart, turn, cross, steps, arrive };
enum class Turn { straight, slight_left, left, sharp_left, slight_right, right, sharp_right, uturn };

struct RouteStep {
  StepKind kind = StepKind::turn;
  Turn turn = Turn::straight;  // for turns; for depart, relative to the kiosk's heading
  std::string street;          // in the requested language where the map has it; may be empty
  double distance_m = 0;       // walked after this instruction, until the next
  kmap::Point at{};            // where the instruction applies
  std::string instruction;     // the sentence, translated
};

const char* turn_name(Turn t);
// Angle in degrees, positive clockwise (to the right), in (-180, 180].
Turn classify_turn(double angle_deg);

struct DirectionsOptions {
  std::string lang = "en";           // for street names
  std::optional<double> facing_deg;  // the person's heading at the start (the kiosk's), from north
  std::string destination;           // the place's name for "arrive"
  bool isolate_names = false;        // wrap names in FSI…PDI (right-to-left locales)
};

std::vector<RouteStep> make_directions(const MapData& map, const Route& route, const FormatContext& fmt,
                                       const DirectionsOptions& options);

}  // namespace kiosk
