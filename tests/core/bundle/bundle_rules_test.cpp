// Every validation rule has a broken fixture (tests/fixtures/bundles/<rule>/) and the exact diagnostics
// it must produce (expected.txt).

#include <catch2/catch.hpp>

#include <algorithm>
#include <set>
#include <sstream>

#include "core/bundle/content_loader.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

void replace_all(std::string& s, const std::string& from, const std::string& to) {
  for (std::size_t p = s.find(from); p != std::string::npos; p = s.find(from, p + to.size()))
    s.replace(p, from.size(), to);
}

}  // namespace

TEST_CASE("the valid fixture bundle has no errors and no warnings", "[bundle][rules]") {
  const Content c = load_content(test::fixtures_dir() / "bundles" / "valid", test::locales_dir());
  for (const auto& d : c.diags.items) UNSCOPED_INFO(format_diagnostic(d));
  CHECK(c.diags.items.empty());
  CHECK(c.bundle.services.size() == 2);
}

TEST_CASE("each broken fixture gives exactly the expected file:line:col diagnostics", "[bundle][rules]") {
  const fs::path root = test::fixtures_dir() / "bundles";
  std::vector<std::string> names;
  for (const auto& e : fs::directory_iterator(root))
    if (e.is_directory() && e.path().filename() != "valid") names.push_back(e.path().filename().string());
  std::sort(names.begin(), names.end());
  REQUIRE(names.size() >= 15);

  for (const auto& name : names) {
    SECTION(name) {
      test::TempDir tmp;
      const fs::path dir = tmp.path() / name;
      fs::copy(root / "valid", dir, fs::copy_options::recursive);
      for (const auto& e : fs::recursive_directory_iterator(root / name)) {
        const fs::path rel = fs::relative(e.path(), root / name);
        if (e.is_directory()) {
          fs::create_directories(dir / rel);
        } else if (rel != "expected.txt") {
          fs::copy_file(e.path(), dir / rel, fs::copy_options::overwrite_existing);
        }
      }
      const Content c = load_content(dir, test::locales_dir());
      std::set<std::string> errors, warnings;
      for (const auto& d : c.diags.items) {
        std::string line = format_diagnostic(d);
        replace_all(line, tmp.path().generic_string() + "/", "");
        replace_all(line, test::locales_dir().generic_string(), "locales");
        if (line.rfind(name + "/", 0) == 0) line = line.substr(name.size() + 1);
        (d.severity == Severity::error ? errors : warnings).insert(line);
      }
      std::set<std::string> expected_errors;
      for (const auto& line : test::non_empty_lines(test::read_text(root / name / "expected.txt"))) {
        if (line.find(": error: ") != std::string::npos) {
          expected_errors.insert(line);
        } else {
          INFO("warnings: " << warnings.size());
          CHECK(warnings.count(line) == 1);
        }
      }
      CHECK(errors == expected_errors);
      CHECK(c.ok() == expected_errors.empty());
    }
  }
}
