#pragma once
// Which services a list shows and in what order: the category and the resident's filters, then open
// now first, then by distance from the kiosk.

#include <string>
#include <vector>

#include "core/hours/opening_hours.h"
#include "core/model/model.h"

namespace kiosk {

struct ServiceFilters {
  bool open_now = false;
  bool free_of_charge = false;
  bool no_documents = false;
  bool step_free = false;
  bool speaks_my_language = false;
  bool operator==(const ServiceFilters&) const = default;
};

struct ListedService {
  std::size_t index = 0;                  // into Bundle::services
  OhState hours{RuleState::unknown, {}};  // open, closed or unknown at the query's time (and the comment)
  double distance_m = 0;                  // along the ways where the query had them, else in a straight line
  bool too_far = false;                   // beyond the walking radius (distance_m is the straight line)
};

struct ServiceQuery {
  std::string category;  // empty: every category
  ServiceFilters filters;
  std::string language;  // the resident's, for "speaks my language" (primary subtag compared)
  GeoPoint from;         // the kiosk
  LocalDateTime now;
  // Metres along the ways from the kiosk, by service index (NaN: no route; infinity: too far to walk):
  // nearer means a shorter walk, not a shorter straight line. Null or missing entries: the straight line.
  const std::vector<float>* walk_m = nullptr;
};

// A service's opening state at `now`; unknown when it has no opening hours.
OhState hours_state(const Service& s, const OhContext& hours, const LocalDateTime& now);

std::vector<ListedService> list_services(const Bundle& b, const OhContext& hours, const ServiceQuery& q);

}  // namespace kiosk
