// kioskctl i18n coverage as translators and scripts use it: the table, the JSON and exit codes; i18n template
// for a new language.

#include <fmt/format.h>
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/i18n/i18n_catalog.h"
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

namespace {

// The shipped UI catalogs without Portuguese, for making a Portuguese template next to them.
fs::path locales_without_pt(const fs::path& to) {
  fs::create_directories(to);
  for (const auto& e : fs::directory_iterator(locales_dir()))
    if (e.path().filename() != "pt.yaml") fs::copy_file(e.path(), to / e.path().filename());
  return to;
}

// Message keys in the order a catalog file writes them.
std::vector<std::string> keys_in_order(const fs::path& file) {
  std::vector<std::string> keys;
  bool in_messages = false;
  for (const auto& line : non_empty_lines(read_text(file))) {
    if (line == "messages:") in_messages = true;
    if (!in_messages || line.rfind("  ", 0) != 0 || line[2] == '#' || line[2] == ' ') continue;
    keys.push_back(line.substr(2, line.find(':') - 2));
  }
  return keys;
}

}  // namespace

TEST_CASE("i18n template: Maltese and Portuguese catalogs with every English key, ready to translate",
          "[kioskctl][i18n][template]") {
  TempDir tmp;
  const fs::path locales = tmp.path() / "locales";
  fs::create_directories(locales);
  fs::copy_file(locales_dir() / "en.yaml", locales / "en.yaml");
  const auto mt = kioskctl({"i18n", "template", "--locale", "mt", "--locales", locales.string()});
  INFO(mt.out << mt.err);
  REQUIRE(mt.exit_code == 0);
  CHECK(mt.out.find("wrote " + (locales / "mt.yaml").string() + " for Maltese, Malti") != std::string::npos);
  // --out: anywhere, the English source still from --locales
  const auto pt = kioskctl({"i18n", "template", "--locale", "pt", "--out", (locales / "pt.yaml").string(), "--locales",
                            locales_dir().string()});
  INFO(pt.out << pt.err);
  REQUIRE(pt.exit_code == 0);

  kiosk::Diagnostics diags;
  const kiosk::Catalogs cats = kiosk::load_catalogs(locales, diags);
  for (const auto& d : diags.items) UNSCOPED_INFO(kiosk::format_diagnostic(d));
  CHECK(diags.items.empty());
  const auto* en = cats.find("en");
  REQUIRE(en);
  const auto* m = cats.find("mt");
  REQUIRE(m);
  CHECK(m->info.native_name == "Malti");
  CHECK(m->info.english_name == "Maltese");
  CHECK_FALSE(m->info.rtl);
  CHECK(m->info.script == "Latn");
  CHECK(m->info.numbering == "latn");
  CHECK_FALSE(m->info.reviewed);
  CHECK(m->info.reviewers.empty());
  const auto* p = cats.find("pt");
  REQUIRE(p);
  CHECK(p->info.native_name == "Português");
  CHECK(p->info.english_name == "Portuguese");
  CHECK(p->info.script == "Latn");
  for (const auto* cat : {m, p}) {
    INFO(cat->info.tag);
    CHECK(cat->messages.empty());  // every message "": not translated yet
    CHECK(cat->untranslated.size() == en->messages.size());
    for (const auto& [key, msg] : en->messages) CHECK(cat->untranslated.count(key) == 1);
  }
  // The English order, each message under its English text; plurals name the language's CLDR forms.
  const std::string text = read_text(locales / "mt.yaml");
  CHECK(keys_in_order(locales / "mt.yaml") == keys_in_order(locales_dir() / "en.yaml"));
  CHECK(text.find("  # en: Touch the screen to start\n  attract.touch_to_start: \"\"\n") != std::string::npos);
  CHECK(text.find("  # en: {count, plural, =0 {No places found} one {# place} other {# places}}\n"
                  "  # plural forms of Maltese: one, two, few, many, other") != std::string::npos);
  CHECK(text.find("  # select: keep the keys ahead, left, right, behind, other as they are") != std::string::npos);
  CHECK(read_text(locales / "pt.yaml").find("# plural forms of Portuguese: one, ") != std::string::npos);

  // i18n check: every empty message is a warning, not an error
  const auto check = kioskctl({"i18n", "check", "--locales", locales.string()});
  CHECK(check.exit_code == 1);
  CHECK(check.err.find("warning: message 'nav.back' of locale 'mt' is not translated yet") != std::string::npos);
  CHECK(check.err.find(fmt::format("3 locales: 0 errors, {} warnings", 2 * en->messages.size())) != std::string::npos);
}

TEST_CASE("i18n template: an unknown language or an existing file is refused", "[kioskctl][i18n][template]") {
  TempDir tmp;
  const fs::path locales = tmp.path() / "locales";
  fs::create_directories(locales);
  fs::copy_file(locales_dir() / "en.yaml", locales / "en.yaml");
  for (const char* bad : {"xx", "en_GB", "tlh", "pt-XX", "und"}) {
    INFO(bad);
    const auto r = kioskctl({"i18n", "template", "--locale", bad, "--locales", locales.string()});
    CHECK(r.exit_code == 2);
    CHECK(non_empty_lines(r.err).size() == 1);
    CHECK(r.err.rfind(std::string("error: --locale '") + bad + "'", 0) == 0);
  }
  CHECK(kioskctl({"i18n", "template", "--locales", locales.string()}).exit_code == 2);  // --locale is required
  CHECK(std::distance(fs::directory_iterator(locales), fs::directory_iterator()) == 1);

  std::ofstream(locales / "mt.yaml") << "# half translated\n";
  const auto again = kioskctl({"i18n", "template", "--locale", "mt", "--locales", locales.string()});
  CHECK(again.exit_code == 1);
  CHECK(again.err == "error: " + (locales / "mt.yaml").string() +
                         " exists; give --force to replace it (its translations would be lost)\n");
  CHECK(read_text(locales / "mt.yaml") == "# half translated\n");
  const auto forced = kioskctl({"i18n", "template", "--locale", "mt", "--locales", locales.string(), "--force"});
  CHECK(forced.exit_code == 0);
  CHECK(read_text(locales / "mt.yaml").find("native_name: \"Malti\"") != std::string::npos);
}

TEST_CASE("i18n template: a bundle offering an untranslated language is valid, coverage counts it as missing",
          "[kioskctl][i18n][template]") {
  TempDir tmp;
  const fs::path locales = locales_without_pt(tmp.path() / "locales");
  REQUIRE(kioskctl({"i18n", "template", "--locale", "pt", "--locales", locales.string()}).exit_code == 0);
  const fs::path dir = sample_without_two_arabic_texts(tmp.path() / "aachen");
  std::string bundle = read_text(dir / "bundle.yaml");
  const std::string offered = "locales: [de, en, ar, fa, ckb, ku, tr, uk, ru, ti, ta, fr]";
  REQUIRE(bundle.find(offered) != std::string::npos);
  bundle.replace(bundle.find(offered), offered.size(),
                 "locales: [de, en, ar, fa, ckb, ku, tr, uk, ru, ti, ta, fr, pt]");
  std::ofstream(dir / "bundle.yaml", std::ios::binary) << bundle;

  const auto v = kioskctl({"validate", dir.string(), "--locales", locales.string()});
  INFO(v.err);
  CHECK(v.exit_code == 0);
  CHECK(v.err.find(" 0 errors") != std::string::npos);
  CHECK(v.err.find("is not translated yet") != std::string::npos);

  const auto r = kioskctl({"i18n", "coverage", "--bundle", dir.string(), "--locales", locales.string(), "--json"});
  INFO(r.err);
  REQUIRE(r.exit_code == 0);
  const auto doc = nlohmann::json::parse(r.out);
  REQUIRE(doc["locales"].size() == 13);
  const auto& pt = doc["locales"][12];
  CHECK(pt["locale"] == "pt");
  CHECK(pt["ui"]["translated"] == 0);
  CHECK(pt["ui"]["share"] == 0.0);
  CHECK(pt["ui"]["missing"].size() == pt["ui"]["total"].get<std::size_t>());
  CHECK(pt["ui"]["missing"][0] == "a11y.button");  // sorted
  CHECK(doc["locales"][0]["ui"]["missing"].empty());
}
