#include "core/bundle/announcements.h"

#include <algorithm>

#include "core/hours/civil_date.h"

namespace kiosk {

std::vector<const Announcement*> current_announcements(const Bundle& b, const LocalDateTime& now) {
  std::vector<const Announcement*> out;
  const int weekday = weekday_of(days_from_civil(now.date));
  for (const auto& a : b.announcements) {
    if (a.from && now < *a.from) continue;
    if (a.until && *a.until < now) continue;
    if (!a.weekdays.empty() && std::find(a.weekdays.begin(), a.weekdays.end(), weekday) == a.weekdays.end()) continue;
    if (now.minute_of_day < a.start_minute || now.minute_of_day >= a.end_minute) continue;
    out.push_back(&a);
  }
  if (std::any_of(out.begin(), out.end(), [](const Announcement* a) { return a->emergency; }))
    std::erase_if(out, [](const Announcement* a) { return !a->emergency; });
  std::stable_sort(out.begin(), out.end(),
                   [](const Announcement* x, const Announcement* y) { return x->priority > y->priority; });
  return out;
}

}  // namespace kiosk
