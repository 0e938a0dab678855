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

TEST_CASE("i18n check: an empty or missing message is a warning that names it, an empty English one an error",
          "[i18n][check][untranslated]") {
  test::TempDir tmp;
  std::filesystem::copy_file(test::fixtures_dir() / "locales" / "en.yaml", tmp.path() / "en.yaml");
  std::ofstream(tmp.path() / "de.yaml")
      << "locale: {tag: de, native_name: Deutsch, english_name: German, direction: ltr, script: Latn, status: draft}\n"
         "messages:\n  items: \"{n, plural, one {# Sache} other {# Sachen}}\"\n  greeting: \"\"\n  gone: \"\"\n";
  Diagnostics diags;
  check_catalogs(load_catalogs(tmp.path(), diags), diags);
  std::vector<std::string> lines;
  for (const auto& d : diags.items) lines.push_back(format_diagnostic(d));
  for (const auto& l : lines) UNSCOPED_INFO(l);
  CHECK_FALSE(diags.has_errors());
  const std::string de = tmp.path().generic_string() + "/de.yaml";
  auto has = [&](const std::string& line) { return std::find(lines.begin(), lines.end(), line) != lines.end(); };
  CHECK(has(de + ":4:13: warning: message 'greeting' of locale 'de' is not translated yet; the kiosk shows it in "
                 "the fallback language; translate: \"Hello {name}\""));
  CHECK(has(de + ":1:1: warning: locale 'de' has no message 'only.en'; the kiosk shows it in the fallback "
                 "language; translate: \"Only in English\""));
  CHECK(has(de + ":5:9: warning: message 'gone' is not in the English source catalog; remove it, or add it to "
                 "locales/en.yaml first"));
  CHECK(lines.size() == 3);

  std::ofstream(tmp.path() / "en.yaml")
      << "locale: {tag: en, native_name: English, english_name: English, direction: ltr, script: Latn, status: draft}\n"
         "messages:\n  items: \"{n, plural, one {# item} other {# items}}\"\n  only.en: \"\"\n  greeting: Hello "
         "{name}\n";
  Diagnostics empty_source;
  check_catalogs(load_catalogs(tmp.path(), empty_source), empty_source);
  CHECK(empty_source.count(Severity::error) == 1);
  CHECK(std::any_of(empty_source.items.begin(), empty_source.items.end(), [](const Diagnostic& d) {
    return d.severity == Severity::error && d.rule == "untranslated-message" &&
           d.message == "message 'only.en' of the English source is empty";
  }));
}
