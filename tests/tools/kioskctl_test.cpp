// kioskctl as editors and scripts use it: exit codes, messages and JSON.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {
CommandResult kioskctl(std::vector<std::string> args) {
  args.insert(args.begin(), KIOSKCTL_PATH);
  return run_command(args);
}
}  // namespace

TEST_CASE("validate: the sample city is valid (exit 0)", "[kioskctl]") {
  const auto r = kioskctl({"validate", sample_bundle().string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("0 errors, 0 warnings; valid") != std::string::npos);
}

TEST_CASE("validate: a broken bundle exits 1 with file:line:col", "[kioskctl]") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "b";
  fs::copy(fixtures_dir() / "bundles" / "valid", dir, fs::copy_options::recursive);
  fs::copy_file(fixtures_dir() / "bundles" / "unknown-key" / "services" / "clinic.yaml",
                dir / "services" / "clinic.yaml", fs::copy_options::overwrite_existing);
  const auto r = kioskctl({"validate", dir.string(), "--locales", locales_dir().string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find(dir.generic_string() +
                   "/services/clinic.yaml:5:5: error: unknown key 'adress' in a service; did you mean 'address'?") !=
        std::string::npos);

  const auto j = kioskctl({"validate", dir.string(), "--locales", locales_dir().string(), "--json"});
  CHECK(j.exit_code == 1);
  const auto doc = nlohmann::json::parse(j.out);
  CHECK(doc["ok"] == false);
  CHECK(doc["errors"] == 2);
  CHECK(doc["diagnostics"][0]["line"] == 5);
  CHECK(doc["diagnostics"][0]["col"] == 5);
  CHECK(doc["diagnostics"][0]["rule"] == "unknown-key");
}

TEST_CASE("validate: usage errors exit 2", "[kioskctl]") {
  CHECK(kioskctl({"validate"}).exit_code == 2);
  CHECK(kioskctl({"validate", "a", "--no-such-flag"}).exit_code == 2);
  CHECK(kioskctl({}).exit_code == 2);
  CHECK(kioskctl({"validate", "--help"}).exit_code == 0);
}

TEST_CASE("validate --json summarises a valid bundle", "[kioskctl]") {
  const auto r = kioskctl({"validate", sample_bundle().string(), "--json"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["ok"] == true);
  CHECK(doc["summary"]["services"].get<int>() >= 200);
  CHECK(doc["summary"]["locales"].size() == 12);
}

TEST_CASE("info prints a summary of the sample bundle", "[kioskctl]") {
  const auto r = kioskctl({"info", sample_bundle().string()});
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("bundle aachen version") != std::string::npos);
  CHECK(r.out.find("OpenStreetMap contributors") != std::string::npos);
}

TEST_CASE("i18n check is clean for the shipped locales", "[kioskctl]") {
  const auto r = kioskctl({"i18n", "check", "--locales", locales_dir().string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("0 errors, 0 warnings") != std::string::npos);
  const auto bad = kioskctl({"i18n", "check", "--locales", (fixtures_dir() / "locales").string()});
  CHECK(bad.exit_code == 1);
}
