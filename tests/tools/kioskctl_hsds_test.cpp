// kioskctl import hsds as an editor runs it: the Aachen sample into a bundle that validates, warnings that
// name the service, and broken input that stops with the file and the record.

#include <catch2/catch.hpp>

#include "kioskctl_run.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

fs::path bundle_without_services(const fs::path& dir) {
  fs::create_directories(dir);
  for (const char* f : {"bundle.yaml", "categories.yaml", "holidays.yaml"}) fs::copy_file(sample_bundle() / f, dir / f);
  return dir;
}

// The value of `key: "..."` in a YAML file the importer wrote.
std::string quoted_value(const fs::path& file, const std::string& key) {
  const std::string text = read_text(file);
  const auto at = text.find(key + ": \"");
  REQUIRE(at != std::string::npos);
  const auto start = at + key.size() + 3;
  return text.substr(start, text.find('"', start) - start);
}

}  // namespace

TEST_CASE("import hsds: the Aachen sample becomes services that validate", "[kioskctl][hsds]") {
  TempDir tmp;
  const fs::path out = bundle_without_services(tmp.path() / "b");
  const auto r = kioskctl({"import", "hsds", "--in", (fixtures_dir() / "hsds" / "aachen-services.json").string(),
                           "--out", out.string(), "--category", "community", "--text-language", "de"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("imported 6 services into " + out.string() + "/services") != std::string::npos);
  CHECK(r.out.find("skipped: 1 services (the warnings say why)") != std::string::npos);
  CHECK(r.out.find("service.interpretation_services") != std::string::npos);
  CHECK(r.err.find("warning: service 'a3c1f0e2-6b1d-4f0a-9c3e-2d4b5a6c7e05' (Kleiderkammer Ost): schedule "
                   "'5c4b3a29-1807-4f6e-9d5c-4b3a29180708': repeats every 2 weeks, which opening_hours cannot say; "
                   "left out") != std::string::npos);

  const auto v = kioskctl({"validate", out.string(), "--locales", locales_dir().string()});
  INFO(v.err);
  CHECK(v.exit_code == 0);
  CHECK(v.err.find(": 0 errors,") != std::string::npos);

  // The hours say what the schedules said, read by the kiosk's own evaluator.
  const std::string food =
      quoted_value(out / "services" / "hsds-lebensmittelausgabe-am-samstag-5a6c7e02.yaml", "opening_hours");
  CHECK(food == "Sa 10:00-13:00");
  CHECK(kioskctl({"hours", "--tz", "Europe/Berlin", "--at", "2026-11-28T11:00", food}).out ==
        "open\nnext: 2026-11-28T13:00\n");
  const std::string advice =
      quoted_value(out / "services" / "hsds-migrationsberatung-fur-erwachsene-5a6c7e01.yaml", "opening_hours");
  CHECK(kioskctl({"hours", "--tz", "Europe/Berlin", "--at", "2026-11-26T15:00", advice}).out ==
        "open\nnext: 2026-11-26T17:00\n");

  // The same data as per-table files gives the same files; a re-import replaces them.
  const auto t = kioskctl({"import", "hsds", "--in", (fixtures_dir() / "hsds" / "aachen-tabular").string(), "--out",
                           out.string(), "--category", "community", "--text-language", "de"});
  CHECK(t.exit_code == 0);
  CHECK(t.out.find("imported 6 services") != std::string::npos);
  std::size_t files = 0;
  for (const auto& e : fs::directory_iterator(out / "services"))
    files += e.path().filename().string().rfind("hsds-", 0) == 0;
  CHECK(files == 6);
}

TEST_CASE("import hsds: broken input exits 1 naming the file and the record, and writes nothing", "[kioskctl][hsds]") {
  TempDir tmp;
  const fs::path out = bundle_without_services(tmp.path() / "b");
  const fs::path broken = fixtures_dir() / "hsds" / "broken";

  const auto json = kioskctl({"import", "hsds", "--in", (broken / "not-json.json").string(), "--out", out.string()});
  CHECK(json.exit_code == 1);
  CHECK(json.err.rfind("error: " + (broken / "not-json.json").generic_string() +
                           ": not valid JSON: parse error at line 6, column 3: ",
                       0) == 0);
  CHECK(json.err.find("1 error in the HSDS data; nothing was written") != std::string::npos);

  const auto records = kioskctl({"import", "hsds", "--in", (broken / "bad-records.json").string(), "--out",
                                 out.string(), "--category", "advice"});
  CHECK(records.exit_code == 1);
  CHECK(records.err.find("bad-records.json: services[0] has no id\n") != std::string::npos);
  CHECK(records.err.find("bad-records.json: service 'b0000000-0000-4000-8000-000000000002' has no name\n") !=
        std::string::npos);
  CHECK(records.err.find("schedule 'b0000000-0000-4000-8000-000000000006': closes_at '25:00' is not a time") !=
        std::string::npos);
  CHECK(records.err.find("3 errors in the HSDS data; nothing was written") != std::string::npos);
  CHECK_FALSE(fs::exists(out / "services"));

  CHECK(kioskctl({"import", "hsds", "--in", (tmp.path() / "missing.json").string(), "--out", out.string()}).exit_code ==
        2);
}
