#include "core/routing/directions.h"

#include <cmath>
#include <numbers>

namespace kiosk {

namespace {

// Compass bearing of a → b in degrees from north, clockwise.
double bearing(kmap::Point a, kmap::Point b) {
  const double deg = std::atan2(b.x - a.x, b.y - a.y) * 180.0 / std::numbers::pi;
  return deg < 0 ? deg + 360 : deg;
}

double angle_between(double from_deg, double to_deg) {
  double d = std::fmod(to_deg - from_deg + 540.0, 360.0) - 180.0;
  return d <= -180 ? d + 360 : d;
}

// Bearing over the first (or last) few metres of a piece of line: a kink at the very end of a way
// must not decide the instruction.
double start_bearing(const std::vector<kmap::Point>& pts) {
  float walked = 0;
  for (std::size_t i = 1; i < pts.size(); ++i) {
    walked += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    if (walked >= 12 || i + 1 == pts.size()) return bearing(pts.front(), pts[i]);
  }
  return 0;
}
double end_bearing(const std::vector<kmap::Point>& pts) {
  float walked = 0;
  for (std::size_t i = pts.size() - 1; i > 0; --i) {
    walked += std::hypot(pts[i].x - pts[i - 1].x, pts[i].y - pts[i - 1].y);
    if (walked >= 12 || i == 1) return bearing(pts[i - 1], pts.back());
  }
  return 0;
}

// Consecutive legs that read as one instruction.
struct Stretch {
  StepKind kind = StepKind::turn;
  std::uint32_t name_set = 0;
  double length = 0;
  std::vector<kmap::Point> points;
};

}  // namespace

const char* turn_name(Turn t) {
  switch (t) {
    case Turn::straight:
      return "straight";
    case Turn::slight_left:
      return "slight_left";
    case Turn::left:
      return "left";
    case Turn::sharp_left:
      return "sharp_left";
    case Turn::slight_right:
      return "slight_right";
    case Turn::right:
      return "right";
    case Turn::sharp_right:
      return "sharp_right";
    case Turn::uturn:
      return "uturn";
  }
  return "straight";
}

Turn classify_turn(double a) {
  const double m = std::abs(a);
  if (m < 25) return Turn::straight;
  if (m > 170) return Turn::uturn;
  if (m < 60) return a < 0 ? Turn::slight_left : Turn::slight_right;
  if (m < 130) return a < 0 ? Turn::left : Turn::right;
  return a < 0 ? Turn::sharp_left : Turn::sharp_right;
}

std::vector<RouteStep> make_directions(const MapData& map, const Route& route, const FormatContext& fmt,
                                       const DirectionsOptions& o) {
  std::vector<Stretch> stretches;
  for (const RouteLeg& leg : route.legs) {
    const auto& e = map.route_edges[leg.edge];
    Stretch s;
    s.kind = (e.flags & kmap::edge_steps)      ? StepKind::steps
             : (e.flags & kmap::edge_crossing) ? StepKind::cross
                                               : StepKind::turn;
    s.name_set = s.kind == StepKind::cross ? e.cross_name : e.name_set;
    s.length = leg.length();
    append_shape(map, e, leg.from, leg.to, s.points);
    if (s.points.size() < 2) continue;
    if (!stretches.empty()) {
      Stretch& prev = stretches.back();
      const double turn = angle_between(end_bearing(prev.points), start_bearing(s.points));
      // On the same street or square the person just keeps going; only a sharp turn back is worth saying.
      const bool same_way = prev.kind == s.kind && prev.name_set == s.name_set &&
                            (s.name_set != 0 ? std::abs(turn) < 100 : std::abs(turn) < 35);
      if (same_way) {
        prev.length += s.length;
        prev.points.insert(prev.points.end(), s.points.begin() + 1, s.points.end());
        continue;
      }
    }
    stretches.push_back(std::move(s));
  }
  // A few metres of connector (sidewalk to crossing, a kink in a square) is not worth an instruction.
  for (std::size_t i = 0; i < stretches.size();) {
    Stretch& s = stretches[i];
    if (stretches.size() > 1 && s.kind == StepKind::turn && s.length < (s.name_set ? 15 : 30)) {
      // Into the walk before it; not into steps or a crossing, whose length would then be wrong.
      const bool back = i > 0 && (stretches[i - 1].kind == StepKind::turn || i + 1 == stretches.size());
      Stretch& into = back ? stretches[i - 1] : stretches[i + 1];
      into.length += s.length;
      if (back)
        into.points.insert(into.points.end(), s.points.begin() + 1, s.points.end());
      else
        into.points.insert(into.points.begin(), s.points.begin(), s.points.end() - 1);
      stretches.erase(stretches.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    ++i;
  }
  // And merge what became neighbours on the same way.
  for (std::size_t i = 1; i < stretches.size();) {
    Stretch& a = stretches[i - 1];
    Stretch& b = stretches[i];
    if (a.kind == b.kind && a.name_set == b.name_set && a.name_set != 0 &&
        std::abs(angle_between(end_bearing(a.points), start_bearing(b.points))) < 100) {
      a.length += b.length;
      a.points.insert(a.points.end(), b.points.begin() + 1, b.points.end());
      stretches.erase(stretches.begin() + static_cast<std::ptrdiff_t>(i));
      continue;
    }
    ++i;
  }

  auto street_name = [&](std::uint32_t set) {
    std::string n(map.name(set, o.lang));
    if (!n.empty() && o.isolate_names) n = "\u2068" + n + "\u2069";
    return n;
  };
  std::vector<RouteStep> steps;
  for (std::size_t i = 0; i < stretches.size(); ++i) {
    const Stretch& s = stretches[i];
    RouteStep step;
    step.street = street_name(s.name_set);
    step.distance_m = s.length;
    step.at = s.points.front();
    std::vector<MessageArg> args;
    if (!step.street.empty()) args.push_back({"street", step.street});
    if (i == 0) {
      step.kind = StepKind::depart;
      const double rel = o.facing_deg ? angle_between(*o.facing_deg, start_bearing(s.points)) : 0.0;
      const double m = std::abs(rel);
      const char* side = !o.facing_deg ? "none" : m <= 45 ? "ahead" : m >= 135 ? "behind" : rel < 0 ? "left" : "right";
      args.push_back({"side", std::string(side)});
      const char* key = s.kind == StepKind::steps   ? "route.depart_steps"
                        : s.kind == StepKind::cross ? (step.street.empty() ? "route.cross_unnamed" : "route.cross")
                        : step.street.empty()       ? "route.depart_unnamed"
                                                    : "route.depart";
      step.instruction = translate(fmt, key, args);
    } else {
      const double turn = angle_between(end_bearing(stretches[i - 1].points), start_bearing(s.points));
      step.turn = classify_turn(turn);
      args.push_back({"turn", std::string(turn_name(step.turn))});
      step.kind = s.kind;
      const char* key = s.kind == StepKind::steps   ? "route.steps"
                        : s.kind == StepKind::cross ? (step.street.empty() ? "route.cross_unnamed" : "route.cross")
                        : step.street.empty()       ? "route.turn_unnamed"
                                                    : "route.turn";
      step.instruction = translate(fmt, key, args);
    }
    steps.push_back(std::move(step));
  }
  RouteStep arrive;
  arrive.kind = StepKind::arrive;
  arrive.at = route.path.empty() ? route.to.point : route.path.back();
  std::string dest = o.destination;
  if (!dest.empty() && o.isolate_names) dest = "\u2068" + dest + "\u2069";
  arrive.instruction =
      dest.empty() ? translate(fmt, "route.arrive_unnamed") : translate(fmt, "route.arrive", {{"name", dest}});
  // The approach from the kiosk to the way belongs to the first instruction, the last bit to the end.
  if (!steps.empty()) steps.front().distance_m += route.from.distance_m;
  if (!steps.empty()) steps.back().distance_m += route.to.distance_m;
  steps.push_back(std::move(arrive));
  return steps;
}

}  // namespace kiosk
