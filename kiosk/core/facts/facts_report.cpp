#include "core/facts/facts_report.h"

#include <algorithm>

#include "core/hours/civil_date.h"

namespace kiosk {

bool fact_known(const Service& s, std::string_view fact) {
  if (fact == "opening_hours") return !s.opening_hours.empty();
  if (fact == "documents") return s.documents.known;
  if (fact == "anonymous") return s.anonymous != YesNo::unknown;
  if (fact == "fees") return s.fees != Fees::unknown;
  if (fact == "languages") return !s.languages.empty();
  if (fact == "wheelchair") return s.wheelchair != Wheelchair::unknown;
  if (fact == "phone") return !s.phones.empty();
  if (fact == "last_verified") return s.last_verified.has_value();
  return false;
}

FactsReport facts_report(const Bundle& b, const Date& today) {
  FactsReport r;
  r.every_months = b.verify_every_months;
  // The same day of the month, every_months earlier (the last day of a shorter month).
  int months = today.year * 12 + (today.month - 1) - r.every_months;
  Date due{months / 12, months % 12 + 1, today.day};
  while (due.day > 28 && civil_from_days(days_from_civil(due)).month != due.month) --due.day;
  r.due_before = due;

  for (const auto& c : b.categories) r.categories.push_back({c.id, 0, {}});
  r.categories.push_back({"all", 0, {}});
  for (const auto& s : b.services) {
    auto it = std::find_if(r.categories.begin(), r.categories.end() - 1,
                           [&](const CategoryFacts& c) { return c.category == s.category; });
    auto count = [&](CategoryFacts& c) {
      ++c.services;
      for (auto fact : reported_facts) c.known[std::string(fact)] += fact_known(s, fact);
    };
    if (it != r.categories.end() - 1) count(*it);
    count(r.categories.back());
    if (!s.last_verified || *s.last_verified < r.due_before)
      r.due.push_back({s.id, s.pos.file, s.pos.line, s.last_verified});
  }
  std::stable_sort(r.due.begin(), r.due.end(), [](const DueService& x, const DueService& y) {
    return x.last_verified.value_or(Date{}) < y.last_verified.value_or(Date{});
  });
  return r;
}

}  // namespace kiosk
