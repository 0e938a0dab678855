#pragma once
// Small helpers for tests: the source tree, scratch folders that clean up, running a program.

#include <filesystem>
#include <string>
#include <vector>

namespace kiosk::test {

std::filesystem::path source_dir();
std::filesystem::path sample_bundle();  // content/aachen
std::filesystem::path locales_dir();    // locales/
std::filesystem::path fixtures_dir();   // tests/fixtures

// A fresh folder under the system's temp dir, removed when the object goes away.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  [[nodiscard]] const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

struct CommandResult {
  int exit_code = -1;
  std::string out;  // stdout
  std::string err;  // stderr
};
// Runs argv (no shell) with optional stdin text, in `cwd` when given; waits for it.
CommandResult run_command(const std::vector<std::string>& argv, const std::string& stdin_text = {},
                          const std::filesystem::path& cwd = {});

std::string read_text(const std::filesystem::path& p);
// The lines of a text, without empty ones.
std::vector<std::string> non_empty_lines(const std::string& text);

}  // namespace kiosk::test
