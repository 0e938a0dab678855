#include "core/bundle/i18n_coverage.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "core/bundle/content_loader.h"
#include "support/test_support.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

// The sample city's texts without its map (a missing compiled map is only a warning), to change freely.
fs::path copy_sample(const fs::path& to) {
  fs::create_directories(to);
  for (const char* f : {"bundle.yaml", "categories.yaml", "announcements.yaml", "holidays.yaml"})
    fs::copy_file(test::sample_bundle() / f, to / f);
  fs::copy(test::sample_bundle() / "services", to / "services");
  return to;
}

// Replaces the one occurrence of `from` in the file.
void edit(const fs::path& file, const std::string& from, const std::string& to) {
  std::string text = test::read_text(file);
  const auto at = text.find(from);
  REQUIRE(at != std::string::npos);
  REQUIRE(text.find(from, at + 1) == std::string::npos);
  text.replace(at, from.size(), to);
  std::ofstream(file, std::ios::binary) << text;
}

I18nCoverage coverage_of(const fs::path& bundle, const fs::path& locales) {
  const Content c = load_content(bundle, locales);
  for (const auto& d : c.diags.items) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(c.ok());
  return i18n_coverage(c.bundle, c.catalogs);
}

const LocaleI18nCoverage& locale(const I18nCoverage& cov, const std::string& tag) {
  auto it = std::find_if(cov.locales.begin(), cov.locales.end(), [&](const auto& l) { return l.locale == tag; });
  REQUIRE(it != cov.locales.end());
  return *it;
}

}  // namespace

TEST_CASE("i18n coverage of the sample city: every offered locale complete", "[i18n][coverage][sample]") {
  const I18nCoverage cov = coverage_of(test::sample_bundle(), test::locales_dir());
  const std::vector<std::string> order = {"de", "en", "ar", "fa", "ckb", "ku", "tr", "uk", "ru", "ti", "ta", "fr"};
  REQUIRE(cov.locales.size() == order.size());
  CHECK(cov.ui_source == "en");
  Diagnostics diags;
  const std::size_t ui_keys = load_catalogs(test::locales_dir(), diags).find("en")->messages.size();
  for (std::size_t i = 0; i < order.size(); ++i) {
    const auto& l = cov.locales[i];
    INFO(l.locale);
    CHECK(l.locale == order[i]);  // as bundle.yaml lists them
    // The title, 3 kiosk names, 10 category names and 3 announcements; every service name in the sample
    // is a proper name (one value, `und`) and no service has a description or note yet.
    CHECK(l.content.total == 17);
    CHECK(l.content.translated == 17);
    CHECK(l.content.missing.empty());
    CHECK(l.ui.total == ui_keys);
    CHECK(l.ui.translated == ui_keys);
    CHECK(l.ui.missing.empty());
  }
  CHECK(locale(cov, "en").ui.same_as_source.empty());
  CHECK(coverage_share(0, 0) == 1.0);
  CHECK(coverage_share(1, 4) == 0.25);
}

TEST_CASE("i18n coverage: one translation removed is one fewer, named by file, line and field", "[i18n][coverage]") {
  test::TempDir tmp;
  const fs::path dir = copy_sample(tmp.path() / "aachen");
  const I18nCoverage before = coverage_of(dir, test::locales_dir());

  edit(dir / "announcements.yaml", "      ar: هذا الجهاز لا يسألك من أنت. ولا يسجّل ما تشاهده أو ما تلمسه.\n", "");
  const I18nCoverage after = coverage_of(dir, test::locales_dir());
  REQUIRE(after.locales.size() == before.locales.size());
  for (std::size_t i = 0; i < after.locales.size(); ++i) {
    const auto &b = before.locales[i].content, &a = after.locales[i].content;
    INFO(after.locales[i].locale);
    CHECK(a.total == b.total);
    CHECK(a.translated == b.translated - (after.locales[i].locale == "ar" ? 1 : 0));
  }
  const auto& missing = locale(after, "ar").content.missing;
  REQUIRE(missing.size() == 1);
  CHECK(missing[0].pos.file == "announcements.yaml");  // relative to the bundle folder
  CHECK(missing[0].pos.line == 7);                     // the text's mapping, at its first language
  CHECK(missing[0].pos.col == 7);
  CHECK(missing[0].field == "text");
  CHECK(missing[0].what == "the text of announcement 'privacy'");
}

TEST_CASE("i18n coverage: a service description in two languages is missing in the others", "[i18n][coverage]") {
  test::TempDir tmp;
  const fs::path dir = copy_sample(tmp.path() / "aachen");
  edit(dir / "services" / "osm-aachener-tafel-w87087793.yaml", "    name: Aachener Tafel\n",
       "    name: Aachener Tafel\n    description:\n      de: Lebensmittel für wenig Geld\n"
       "      en: Food for little money\n");
  const I18nCoverage cov = coverage_of(dir, test::locales_dir());
  for (const auto& l : cov.locales) {
    INFO(l.locale);
    CHECK(l.content.total == 18);
    const bool has = l.locale == "de" || l.locale == "en";
    CHECK(l.content.translated == (has ? 18 : 17));
    REQUIRE(l.content.missing.size() == (has ? 0 : 1));
    if (has) continue;
    const auto& m = l.content.missing[0];
    CHECK(m.pos.file == "services/osm-aachener-tafel-w87087793.yaml");
    CHECK(m.pos.line == 8);
    CHECK(m.pos.col == 7);
    CHECK(m.field == "description");
    CHECK(m.what == "the description of service 'aachener-tafel-w87087793'");
  }
}

TEST_CASE("i18n coverage of UI strings: absent keys are missing, keys equal to English are listed apart",
          "[i18n][coverage]") {
  test::TempDir tmp;
  const fs::path locales = tmp.path() / "locales";
  fs::copy(test::locales_dir(), locales);
  edit(locales / "ar.yaml", "  nav.back: \"رجوع\"\n", "");
  edit(locales / "ar.yaml", "  nav.map: \"الخريطة\"\n", "  nav.map: Map\n");
  Diagnostics diags;
  const Catalogs catalogs = load_catalogs(locales, diags);
  REQUIRE_FALSE(diags.has_errors());
  Bundle b;
  b.default_locale = "de";
  b.locales = {"ar", "de"};
  const I18nCoverage cov = i18n_coverage(b, catalogs);
  REQUIRE(cov.locales.size() == 2);
  const auto& ar = cov.locales[0].ui;
  const std::size_t keys = catalogs.find("en")->messages.size();
  CHECK(ar.total == keys);
  CHECK(ar.translated == keys - 1);
  CHECK(ar.missing == std::vector<std::string>{"nav.back"});
  CHECK(std::count(ar.same_as_source.begin(), ar.same_as_source.end(), "nav.map") == 1);
  CHECK(cov.locales[1].ui.translated == keys);
  CHECK(cov.locales[1].ui.missing.empty());
}

TEST_CASE("i18n coverage of UI strings: an empty message is missing, and the kiosk falls back for it",
          "[i18n][coverage][untranslated]") {
  test::TempDir tmp;
  const fs::path locales = tmp.path() / "locales";
  fs::copy(test::locales_dir(), locales);
  edit(locales / "ar.yaml", "  nav.back: \"رجوع\"\n", "  nav.back: \"\"\n");
  Diagnostics diags;
  const Catalogs catalogs = load_catalogs(locales, diags);
  REQUIRE_FALSE(diags.has_errors());
  Bundle b;
  b.default_locale = "de";
  b.locales = {"ar"};
  const I18nCoverage cov = i18n_coverage(b, catalogs);
  REQUIRE(cov.locales.size() == 1);
  const std::size_t keys = catalogs.find("en")->messages.size();
  CHECK(cov.locales[0].ui.translated == keys - 1);
  CHECK(cov.locales[0].ui.missing == std::vector<std::string>{"nav.back"});
  CHECK(translate(make_format_context(catalogs, "ar", "de"), "nav.back") == "Zurück");
}
