// kioskctl as editors and scripts use it: exit codes, messages and JSON.

#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>

#include <fstream>
#include <sstream>

#include "kioskctl_run.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

TEST_CASE("validate: the sample city is valid (exit 0)", "[kioskctl]") {
  const auto r = kioskctl({"validate", sample_bundle().string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("0 errors, 0 warnings; valid") != std::string::npos);
}

TEST_CASE("validate .: a city's bundle in a folder of its own finds the UI catalogs", "[kioskctl]") {
  // As an editor keeps a city in its own repository: a copy outside the project, validated from inside.
  TempDir tmp;
  const fs::path dir = tmp.path() / "my-city";
  fs::create_directories(dir);
  for (const auto& e : fs::directory_iterator(sample_bundle()))
    if (e.path().filename() != "map") fs::copy(e.path(), dir / e.path().filename(), fs::copy_options::recursive);
  auto r = kioskctl({"validate", "."}, dir);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.err.find("0 errors") != std::string::npos);
  CHECK(r.err.find("cannot find the UI catalogs") == std::string::npos);
  // The same for the other subcommands that need the catalogs.
  r = kioskctl({"i18n", "coverage", "--bundle", "."}, dir);
  INFO(r.err);
  CHECK(r.exit_code == 0);
  r = kioskctl({"i18n", "check"}, dir);
  CHECK(r.exit_code == 0);
  // A city repository with its own catalogs uses those (here: one without Tigrinya, which the bundle offers).
  fs::create_directories(tmp.path() / "locales");
  for (const auto& e : fs::directory_iterator(locales_dir()))
    if (e.path().filename() != "ti.yaml") fs::copy_file(e.path(), tmp.path() / "locales" / e.path().filename());
  r = kioskctl({"validate", "."}, dir);
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("there are no UI strings for it in ../locales") != std::string::npos);
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

TEST_CASE("hours: state and next change at a local time, errors exit 1", "[kioskctl][hours]") {
  const auto r = kioskctl({"hours", "--tz", "Europe/Berlin", "--at", "2026-11-26T10:00", "Mo-Fr 08:00-18:00; PH off"});
  CHECK(r.exit_code == 0);
  CHECK(r.out == "open\nnext: 2026-11-26T18:00\n");
  const auto ph =
      kioskctl({"hours", "--tz", "Europe/Berlin", "--holidays", (sample_bundle() / "holidays.yaml").string(), "--at",
                "2026-12-25T10:00", "Mo-Fr 08:00-18:00; PH off"});
  CHECK(ph.out == "closed\nnext: 2026-12-28T08:00\n");
  const auto bad = kioskctl({"hours", "--tz", "Europe/Berlin", "--at", "2026-11-26T10:00", "Mo-Fr 08:00-18:0O"});
  CHECK(bad.exit_code == 1);
  CHECK(bad.out == "error: column 17: expected a digit\n");
  CHECK(kioskctl({"hours", "--tz", "Mars/Olympus", "--at", "2026-11-26T10:00", "24/7"}).exit_code == 2);
}

TEST_CASE("hours --batch: one line out per line in", "[kioskctl][hours]") {
  const auto r = run_command({KIOSKCTL_PATH, "hours", "--tz", "Europe/Berlin", "--batch"},
                             "Mo-Fr 08:00-18:00\t2026-11-26T10:00\nMo-Fr 08:00-18:00\t2026-11-28T10:00\n"
                             "Mo-Fr 17:00+\t2026-11-26T18:00\nnonsense\t2026-11-26T10:00\n");
  CHECK(r.exit_code == 0);
  CHECK(r.out.rfind("open\nclosed\nunknown\nerror: ", 0) == 0);
}

TEST_CASE("layout: JSON in visual order with UTF-8 clusters", "[kioskctl][text]") {
  const std::string text = "لا سلام";
  const auto r = kioskctl({"layout", "--locale", "ar", "--size", "32", "--width", "400", text});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["direction"] == "rtl");
  const auto& glyphs = doc["lines"][0]["runs"][0]["glyphs"];
  CHECK(doc["lines"][0]["runs"][0]["script"] == "Arab");
  CHECK(doc["lines"][0]["runs"][0]["font"].get<std::string>().find("NotoSansArabic") != std::string::npos);
  CHECK(glyphs.front()["cluster"].get<std::size_t>() > glyphs.back()["cluster"].get<std::size_t>());
  CHECK(glyphs.back()["cluster"] == 0);
  CHECK(glyphs.front()["x"].get<double>() < glyphs.back()["x"].get<double>());
  // Start-aligned right-to-left text sits at the right edge of the width.
  const double right = glyphs.back()["x"].get<double>() + glyphs.back()["advance"].get<double>();
  CHECK(right == Approx(400).margin(0.05));
}

TEST_CASE("layout: emoji runs come from the colour font and say so", "[kioskctl][text][emoji]") {
  const auto r = kioskctl({"layout", "--locale", "de", "Termin \U0001F4DE 1\uFE0F\u20E3 \U0001F1FA\U0001F1E6"});
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["missing_glyphs"] == 0);
  int colour = 0, text = 0;
  for (const auto& run : doc["lines"][0]["runs"]) {
    const bool emoji = run["font"].get<std::string>().find("NotoColorEmoji") != std::string::npos;
    CHECK(run["color"] == emoji);
    (emoji ? colour : text) += 1;
    if (emoji) CHECK(run["glyphs"].size() == 1);  // a receiver, a keycap, a flag: one glyph each
  }
  CHECK(colour == 3);
  CHECK(text >= 1);
}

TEST_CASE("render-text writes a PNG", "[kioskctl][text]") {
  TempDir tmp;
  const auto png = tmp.path() / "t.png";
  const auto r =
      kioskctl({"render-text", "--locale", "ta", "--size", "24", "--width", "300", "--png", png.string(), "தமிழ் க்ஷ"});
  CHECK(r.exit_code == 0);
  CHECK(read_text(png).substr(1, 3) == "PNG");
}

TEST_CASE(
    "bench: a bundle outside the project gets its UI catalogs passed to the kiosk, and missing kiosk "
    "figures fail the run",
    "[kioskctl][bench]") {
  TempDir tmp;
  const fs::path dir = tmp.path() / "city";
  fs::copy(fixtures_dir() / "bundles" / "valid", dir, fs::copy_options::recursive);
  // A stand-in kiosk that records how it was called and measures nothing.
  const fs::path fake = tmp.path() / "fake-kiosk.sh";
  std::ofstream(fake) << "#!/bin/sh\necho \"$@\" > '" << (tmp.path() / "args.txt").string() << "'\n";
  fs::permissions(fake, fs::perms::owner_all);
  const auto r =
      kioskctl({"bench", "--bundle", dir.string(), "--services", "50", "--kiosk", fake.string()}, tmp.path());
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("no figures of the kiosk itself"));
  CHECK_THAT(r.out, Catch::Contains("validate sample bundle"));  // the other figures are still printed
  std::istringstream args(read_text(tmp.path() / "args.txt"));
  std::string word, locales;
  while (args >> word)
    if (word == "--locales") args >> locales;
  REQUIRE_FALSE(locales.empty());
  CHECK(fs::exists(fs::path(locales) / "en.yaml"));
}
