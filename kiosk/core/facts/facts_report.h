#pragma once
// How much of what residents rely on is known, per category and fact, and which services are due a
// check (their last_verified is older than the bundle's `verification: every_months`, or missing).

#include <map>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace kiosk {

// The facts counted, in report order.
inline constexpr std::string_view reported_facts[] = {"opening_hours", "documents",  "anonymous", "fees",
                                                      "languages",     "wheelchair", "phone",     "last_verified"};

struct CategoryFacts {
  std::string category;
  int services = 0;
  std::map<std::string, int, std::less<>> known;  // fact -> services where it is known
};

struct DueService {
  std::string id;
  std::string file;
  int line = 0;
  std::optional<Date> last_verified;  // nullopt: never verified
};

struct FactsReport {
  std::vector<CategoryFacts> categories;  // in the bundle's order, then "all"
  std::vector<DueService> due;            // never verified first, then oldest first
  int every_months = 12;
  Date due_before;  // a check on or after this day is recent enough
};

bool fact_known(const Service& s, std::string_view fact);
FactsReport facts_report(const Bundle& b, const Date& today);

}  // namespace kiosk
