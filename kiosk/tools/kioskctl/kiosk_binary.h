#pragma once
// Where kioskctl finds the kiosk program, which bench and preview run headless.

#include <filesystem>
#include <optional>

namespace kioskctl {

// The kiosk program next to kioskctl (installed), or in the build tree (kiosk/app/ beside kiosk/tools/);
// nullopt when there is none.
std::optional<std::filesystem::path> find_kiosk_binary();

}  // namespace kioskctl
