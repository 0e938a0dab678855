#pragma once
// Which announcements the attract screen shows now: within from/until, on their days and hours; an
// emergency announcement hides all others.

#include <vector>

#include "core/model/model.h"

namespace kiosk {

std::vector<const Announcement*> current_announcements(const Bundle& b, const LocalDateTime& now);

}  // namespace kiosk
