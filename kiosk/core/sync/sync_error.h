#pragma once
// A sync that cannot go on, with a reason a technician can act on.

#include <stdexcept>
#include <string>

namespace kiosk {

struct SyncError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

}  // namespace kiosk
