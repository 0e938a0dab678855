#pragma once
// Runs the kiosk headless on the sample city with a script; "state" lines are numbered automatically
// and the session states they write are read back.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

#include "support/test_support.h"

namespace kiosk::test {

struct ScriptRun {
  CommandResult result;
  std::vector<nlohmann::json> states;
};

ScriptRun run_script(const std::vector<std::string>& lines, const std::vector<std::string>& args);

}  // namespace kiosk::test
