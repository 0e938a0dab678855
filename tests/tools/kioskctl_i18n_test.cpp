// kioskctl i18n coverage as translators and scripts use it: the table, the JSON and exit codes.

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "kioskctl_run.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

// Removes the one line that starts with `start`.
void drop_line(const fs::path& file, const std::string& start) {
  std::string text = read_text(file);
  const auto at = text.find("\n" + start);
  REQUIRE(at != std::string::npos);
  text.erase(at + 1, text.find('\n', at + 1) - at);
  std::ofstream(file, std::ios::binary) << text;
}

// The sample city's texts (not its map) with the Arabic text of two announcements taken out.
fs::path sample_without_two_arabic_texts(const fs::path& to) {
  fs::create_directories(to);
  for (const char* f : {"bundle.yaml", "categories.yaml", "holidays.yaml"}) fs::copy_file(sample_bundle() / f, to / f);
  fs::copy(sample_bundle() / "services", to / "services");
  fs::copy_file(sample_bundle() / "announcements.yaml", to / "announcements.yaml");
  drop_line(to / "announcements.yaml", "      ar: هذا الجهاز لا يسألك من أنت.");  // privacy
  drop_line(to / "announcements.yaml",
            "      ar: \"🚑☎️ في حالة الطوارئ اتصل بالرقم 112");  // emergency-number
  return to;
}

}  // namespace

TEST_CASE("i18n coverage: the sample city, one row per offered locale in the bundle's order", "[kioskctl][i18n]") {
  const auto r = kioskctl({"i18n", "coverage", "--bundle", sample_bundle().string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  const auto lines = non_empty_lines(r.out);
  REQUIRE(lines.size() == 14);
  CHECK(lines[0].rfind("locale  content texts      UI strings", 0) == 0);
  CHECK(lines[0].find("UI same as en") != std::string::npos);
  const std::vector<std::string> order = {"de", "en", "ar", "fa", "ckb", "ku", "tr", "uk", "ru", "ti", "ta", "fr"};
  for (std::size_t i = 0; i < order.size(); ++i) {
    INFO(lines[i + 1]);
    std::istringstream row(lines[i + 1]);
    std::string tag, content_share, content_count, ui_share, ui_count;
    std::size_t same = 0;
    row >> tag >> content_share >> content_count >> ui_share >> ui_count >> same;
    CHECK(tag == order[i]);
    CHECK(content_share == "100.0%");
    CHECK(content_count == "17/17");
    CHECK(ui_share == "100.0%");
    CHECK(ui_count.substr(0, ui_count.find('/')) == ui_count.substr(ui_count.find('/') + 1));
    if (tag == "en") CHECK(same == 0);  // the source itself
  }
  CHECK(lines[13] == "nothing missing: every offered locale has every content text and UI string");
}

TEST_CASE("i18n coverage: missing texts with file:line:col and field, limited by --missing", "[kioskctl][i18n]") {
  TempDir tmp;
  const fs::path dir = sample_without_two_arabic_texts(tmp.path() / "aachen");
  const auto r = kioskctl({"i18n", "coverage", "--bundle", dir.string(), "--locales", locales_dir().string()});
  INFO(r.err);
  CHECK(r.exit_code == 0);  // coverage is information, not an error
  CHECK(r.out.find("\nar        88.2%     15/17   100.0%") != std::string::npos);
  CHECK(r.out.find("\nde       100.0%     17/17   100.0%") != std::string::npos);
  CHECK(r.out.find("missing in ar:\n  2 content texts (paths in " + dir.string() + "):\n" +
                   "    announcements.yaml:7:7: text (the text of announcement 'privacy')\n" +
                   "    announcements.yaml:21:7: text (the text of announcement 'emergency-number')\n") !=
        std::string::npos);
  CHECK(r.out.find("missing in de") == std::string::npos);

  const auto one =
      kioskctl({"i18n", "coverage", "--bundle", dir.string(), "--locales", locales_dir().string(), "--missing", "1"});
  CHECK(one.exit_code == 0);
  CHECK(one.out.find("    announcements.yaml:7:7: text (the text of announcement 'privacy')\n    … and 1 more\n") !=
        std::string::npos);
}

TEST_CASE("i18n coverage --json: content and UI per locale, every missing text", "[kioskctl][i18n]") {
  TempDir tmp;
  const fs::path dir = sample_without_two_arabic_texts(tmp.path() / "aachen");
  const fs::path locales = tmp.path() / "locales";  // Arabic UI strings without "Back"
  fs::copy(locales_dir(), locales);
  drop_line(locales / "ar.yaml", "  nav.back: ");
  const auto r = kioskctl({"i18n", "coverage", "--bundle", dir.string(), "--locales", locales.string(), "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  CHECK(doc["ui_source"] == "en");
  REQUIRE(doc["locales"].size() == 12);
  CHECK(doc["locales"][0]["locale"] == "de");
  const auto& ar = doc["locales"][2];
  CHECK(ar["locale"] == "ar");
  CHECK(ar["content"]["translated"] == 15);
  CHECK(ar["content"]["total"] == 17);
  CHECK(ar["content"]["share"] == 0.8823);  // rounded down: 1 only when complete
  REQUIRE(ar["content"]["missing"].size() == 2);
  CHECK(ar["content"]["missing"][0] == nlohmann::json{{"file", "announcements.yaml"},
                                                      {"line", 7},
                                                      {"column", 7},
                                                      {"field", "text"},
                                                      {"what", "the text of announcement 'privacy'"}});
  CHECK(ar["content"]["missing"][1]["line"] == 21);  // 22 in the sample, one line above was taken out
  CHECK(ar["ui"]["translated"] == ar["ui"]["total"].get<int>() - 1);
  CHECK(ar["ui"]["share"] < 1.0);
  CHECK(ar["ui"]["missing"] == nlohmann::json::array({"nav.back"}));
  CHECK(doc["locales"][0]["ui"]["missing"].empty());
  CHECK(doc["locales"][0]["ui"]["share"] == 1.0);
  CHECK(doc["locales"][0]["content"]["share"] == 1.0);

  const auto one = kioskctl(
      {"i18n", "coverage", "--bundle", dir.string(), "--locales", locales_dir().string(), "--json", "--missing", "1"});
  CHECK(nlohmann::json::parse(one.out)["locales"][2]["content"]["missing"].size() == 1);
}

TEST_CASE("i18n coverage: an invalid bundle exits 1, bad arguments exit 2", "[kioskctl][i18n]") {
  const auto bad = kioskctl({"i18n", "coverage", "--bundle", (fixtures_dir() / "bundles" / "unknown-key").string(),
                             "--locales", locales_dir().string()});
  CHECK(bad.exit_code == 1);
  CHECK(bad.err.find("unknown key 'adress'") != std::string::npos);
  CHECK(bad.out.empty());

  CHECK(kioskctl({"i18n", "coverage"}).exit_code == 2);  // --bundle is required
  CHECK(kioskctl({"i18n", "coverage", "--bundle", sample_bundle().string(), "--missing", "many"}).exit_code == 2);
  // A bundle folder with no UI catalogs near it uses the data folder's (here the source tree's), as
  // validate does: an editor's city repository needs no --locales.
  TempDir tmp;
  const fs::path dir = sample_without_two_arabic_texts(tmp.path() / "aachen");
  const auto found = kioskctl({"i18n", "coverage", "--bundle", dir.string()});
  CHECK(found.exit_code == 0);
  CHECK(found.err.find("give --locales DIR") == std::string::npos);
}
