#include "core/i18n/i18n_check.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>

#include "support/test_support.h"

using namespace kiosk;

TEST_CASE("i18n check finds missing and extra keys and changed placeholders", "[i18n][check]") {
  Diagnostics diags;
  const Catalogs cats = load_catalogs(test::fixtures_dir() / "locales", diags);
  REQUIRE_FALSE(diags.has_errors());
  check_catalogs(cats, diags);
  auto has = [&](const std::string& rule, const std::string& text) {
    return std::any_of(diags.items.begin(), diags.items.end(), [&](const Diagnostic& d) {
      return d.rule == rule && format_diagnostic(d).find(text) != std::string::npos;
    });
  };
  CHECK(has("missing-message", "locale 'de' has no message 'only.en'"));
  CHECK(has("missing-message", "locale 'ru' has no message 'only.en'"));
  CHECK(has("extra-message", "de.yaml:5:10: warning: message 'extra' is not in the English source catalog"));
  CHECK(has("placeholder-mismatch", "message 'greeting' uses placeholders {nome} but English uses {name}"));
  CHECK_FALSE(has("plural-forms", ""));
}

TEST_CASE("i18n check wants every CLDR plural form of the locale", "[i18n][check]") {
  test::TempDir tmp;
  std::filesystem::copy_file(test::fixtures_dir() / "locales" / "en.yaml", tmp.path() / "en.yaml");
  std::ofstream(tmp.path() / "ar.yaml")
      << "locale: {tag: ar, native_name: العربية, english_name: Arabic, direction: rtl, script: Arab, status: draft}\n"
         "messages:\n  items: \"{n, plural, one {#} other {#}}\"\n  only.en: x\n  greeting: \"{name}\"\n";
  Diagnostics diags;
  const Catalogs cats = load_catalogs(tmp.path(), diags);
  check_catalogs(cats, diags);
  REQUIRE(diags.items.size() == 1);
  CHECK(format_diagnostic(diags.items[0]) ==
        tmp.path().generic_string() +
            "/ar.yaml:3:10: error: message 'items' lacks the plural forms few, many, two, zero that Arabic needs; "
            "Arabic uses: few, many, one, other, two, zero");
}

TEST_CASE("bad MessageFormat and bad metadata are reported with positions", "[i18n][check]") {
  test::TempDir tmp;
  std::ofstream(tmp.path() / "en.yaml") << "locale: {tag: en, native_name: English, english_name: English, "
                                           "direction: rtl, script: Latn, status: reviewed}\n"
                                           "messages:\n  a: \"{n, plural, one {x}\"\n";
  Diagnostics diags;
  load_catalogs(tmp.path(), diags);
  std::vector<std::string> rules;
  for (const auto& d : diags.items) rules.push_back(d.rule);
  CHECK(std::count(rules.begin(), rules.end(), "message-syntax") == 1);
  CHECK(std::count(rules.begin(), rules.end(), "bad-value") == 1);      // Latn is not right-to-left
  CHECK(std::count(rules.begin(), rules.end(), "missing-field") == 1);  // reviewed without reviewers
}

TEST_CASE("the shipped catalogs pass i18n check cleanly", "[i18n][check][shipped]") {
  Diagnostics diags;
  const Catalogs cats = load_catalogs(test::locales_dir(), diags);
  check_catalogs(cats, diags);
  for (const auto& d : diags.items) UNSCOPED_INFO(format_diagnostic(d));
  CHECK(diags.items.empty());
}
