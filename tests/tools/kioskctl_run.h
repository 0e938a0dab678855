#pragma once
// Runs the kioskctl under test with arguments.

#include <string>
#include <vector>

#include "support/test_support.h"

namespace kiosk::test {

inline CommandResult kioskctl(std::vector<std::string> args, const std::filesystem::path& cwd = {}) {
  args.insert(args.begin(), KIOSKCTL_PATH);
  return run_command(args, {}, cwd);
}

}  // namespace kiosk::test
