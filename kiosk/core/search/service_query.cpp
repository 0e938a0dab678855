#include "core/search/service_query.h"

#include <algorithm>
#include <cmath>

#include "core/geo/geo.h"

namespace kiosk {
namespace {

std::string primary_subtag(const std::string& tag) {
  return tag.substr(0, tag.find('-'));
}

int rank(RuleState s) {
  switch (s) {
    case RuleState::open:
      return 0;
    case RuleState::unknown:
      return 1;  // maybe open: before the surely closed
    case RuleState::closed:
      break;
  }
  return 2;
}

}  // namespace

OhState hours_state(const Service& s, const OhContext& hours, const LocalDateTime& now) {
  return s.hours ? evaluate_at(*s.hours, hours, now) : OhState{RuleState::unknown, {}};
}

std::vector<ListedService> list_services(const Bundle& b, const OhContext& hours, const ServiceQuery& q) {
  std::vector<ListedService> out;
  const std::string lang = primary_subtag(q.language);
  for (std::size_t i = 0; i < b.services.size(); ++i) {
    const Service& s = b.services[i];
    if (!q.category.empty() && s.category != q.category) continue;
    const ServiceFilters& f = q.filters;
    // A filter keeps only services where the fact is known to be so: unknown never counts as yes.
    if (f.free_of_charge && s.fees != Fees::free) continue;
    if (f.no_documents && !(s.documents.known && s.documents.required.empty())) continue;
    if (f.step_free && s.wheelchair != Wheelchair::yes) continue;
    if (f.speaks_my_language && std::none_of(s.languages.begin(), s.languages.end(),
                                             [&](const std::string& l) { return primary_subtag(l) == lang; }))
      continue;
    ListedService ls;
    ls.index = i;
    ls.hours = hours_state(s, hours, q.now);
    if (f.open_now && ls.hours.state != RuleState::open) continue;
    ls.distance_m = distance_m(q.from, s.location);
    if (q.walk_m && i < q.walk_m->size()) {
      const float walk = (*q.walk_m)[i];
      if (std::isinf(walk))
        ls.too_far = true;
      else if (!std::isnan(walk))
        ls.distance_m = walk;
    }
    out.push_back(ls);
  }
  // Open first, then what can be walked to, nearest first; places too far to walk last, nearest first.
  std::stable_sort(out.begin(), out.end(), [](const ListedService& a, const ListedService& c) {
    if (rank(a.hours.state) != rank(c.hours.state)) return rank(a.hours.state) < rank(c.hours.state);
    if (a.too_far != c.too_far) return c.too_far;
    return a.distance_m < c.distance_m;
  });
  return out;
}

}  // namespace kiosk
