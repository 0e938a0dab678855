// The sample city, from real OpenStreetMap data, must always be valid and complete.

#include "core/bundle/content_loader.h"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <set>

#include "core/bundle/bundle_validate.h"
#include "support/test_support.h"

using namespace kiosk;

TEST_CASE("the Aachen sample bundle is valid, with every text translated", "[content][sample]") {
  const Content c = load_content(test::sample_bundle(), test::locales_dir());
  for (const auto& d : c.diags.items) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE(c.ok());
  CHECK(c.diags.count(Severity::warning) == 0);

  const Bundle& b = c.bundle;
  CHECK(b.services.size() >= 200);
  CHECK(b.timezone == "Europe/Berlin");
  CHECK(b.attribution.find("OpenStreetMap contributors") != std::string::npos);
  const std::set<std::string> shipped = {"de", "en", "ar", "fa", "ckb", "ku", "tr", "uk", "ru", "ti", "ta", "fr"};
  CHECK(std::set<std::string>(b.locales.begin(), b.locales.end()) == shipped);
  for (const auto& cov : content_translation_coverage(b)) CHECK(cov.translated == cov.total);

  std::set<std::string> used;
  for (const auto& s : b.services) {
    used.insert(s.category);
    CHECK(s.source.rfind("osm:", 0) == 0);
  }
  for (const char* cat : {"health", "advice", "food", "libraries", "city", "community", "toilets-water"})
    CHECK(used.count(cat) == 1);
  for (const auto& cat : b.categories) CHECK(cat.synonyms.size() == shipped.size());
}

TEST_CASE("the UI catalogs are found next to the sample bundle", "[content]") {
  const auto dir = find_locales_dir(test::sample_bundle());
  REQUIRE(dir);
  CHECK(std::filesystem::equivalent(*dir, test::locales_dir()));
}

TEST_CASE("a regional locale uses its language's UI strings (en-GB shows en), an unknown language is refused",
          "[content]") {
  test::TempDir tmp;
  const auto dir = tmp.path() / "b";
  std::filesystem::copy(test::fixtures_dir() / "bundles" / "valid", dir, std::filesystem::copy_options::recursive);
  std::string yaml = test::read_text(dir / "bundle.yaml");
  yaml.replace(yaml.find("locales: [de, en, ar]"), 21, "locales: [de, en, ar, en-GB, pt-BR, mt-MT]");
  std::ofstream(dir / "bundle.yaml") << yaml;
  const Content c = load_content(dir, test::locales_dir());
  std::vector<std::string> unknown;
  for (const auto& d : c.diags.items)
    if (d.rule == "unknown-locale") unknown.push_back(d.message);
  REQUIRE(unknown.size() == 1);  // mt-MT: no mt catalog
  CHECK(unknown[0].find("'mt-MT'") != std::string::npos);
  REQUIRE(c.catalogs.find_for("en-GB"));
  CHECK(c.catalogs.find_for("en-GB")->info.tag == "en");
  CHECK_FALSE(c.catalogs.find("en-GB"));
  REQUIRE(c.catalogs.find_for("pt-BR"));
  CHECK(c.catalogs.find_for("pt-BR")->info.tag == "pt");
  CHECK_FALSE(c.catalogs.find_for("mt-MT"));
  const FormatContext fc = make_format_context(c.catalogs, "en-GB", "de");
  CHECK(translate(fc, "a11y.button") == translate(make_format_context(c.catalogs, "en", "de"), "a11y.button"));
}
