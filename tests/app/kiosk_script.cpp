#include "kiosk_script.h"

#include <algorithm>
#include <fstream>

namespace kiosk::test {

ScriptRun run_script(const std::vector<std::string>& lines, const std::vector<std::string>& args) {
  TempDir tmp;
  std::ofstream script(tmp.path() / "s.txt");
  int n = 0;
  for (const auto& l : lines) {
    if (l == "state")
      script << "state " << (tmp.path() / ("state" + std::to_string(n++) + ".json")).string() << "\n";
    else
      script << l << "\n";
  }
  script.close();
  std::vector<std::string> argv = {KIOSK_PATH,         "--headless", "--now",
                                   "2026-11-26T10:00", "--script",   (tmp.path() / "s.txt").string()};
  // The sample city, unless the test names a bundle or a config (whose sync state names one).
  if (std::find(args.begin(), args.end(), "--bundle") == args.end() &&
      std::find(args.begin(), args.end(), "--config") == args.end())
    argv.insert(argv.end(), {"--bundle", sample_bundle().string()});
  argv.insert(argv.end(), args.begin(), args.end());
  ScriptRun r;
  r.result = run_command(argv);
  for (int i = 0; i < n; ++i)
    r.states.push_back(nlohmann::json::parse(read_text(tmp.path() / ("state" + std::to_string(i) + ".json"))));
  return r;
}

}  // namespace kiosk::test
