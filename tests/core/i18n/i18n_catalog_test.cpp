#include "core/i18n/i18n_catalog.h"

#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <set>

#include "support/test_support.h"

using namespace kiosk;

namespace {
Catalogs fixture_catalogs() {
  Diagnostics diags;
  Catalogs c = load_catalogs(test::fixtures_dir() / "locales", diags);
  REQUIRE_FALSE(diags.has_errors());
  return c;
}
Catalogs shipped_catalogs() {
  Diagnostics diags;
  Catalogs c = load_catalogs(test::locales_dir(), diags);
  for (const auto& d : diags.items) UNSCOPED_INFO(format_diagnostic(d));
  REQUIRE_FALSE(diags.has_errors());
  return c;
}
std::string items(const FormatContext& ctx, double n) {
  if (n == static_cast<double>(static_cast<std::int64_t>(n)))
    return translate(ctx, "items", {{"n", static_cast<std::int64_t>(n)}});
  return translate(ctx, "items", {{"n", n}});
}
}  // namespace

TEST_CASE("Arabic plurals have six CLDR forms", "[i18n][plural]") {
  const Catalogs cats = fixture_catalogs();
  const auto ctx = make_format_context(cats, "ar", "de");
  CHECK(items(ctx, 0) == "zero:0");
  CHECK(items(ctx, 1) == "one:1");
  CHECK(items(ctx, 2) == "two:2");
  CHECK(items(ctx, 3) == "few:3");
  CHECK(items(ctx, 10) == "few:10");
  CHECK(items(ctx, 11) == "many:11");
  CHECK(items(ctx, 99) == "many:99");
  CHECK(items(ctx, 100) == "other:100");
  CHECK(items(ctx, 102) == "other:102");
  CHECK(items(ctx, 103) == "few:103");
}

TEST_CASE("Russian plurals have four CLDR forms", "[i18n][plural]") {
  const Catalogs cats = fixture_catalogs();
  const auto ctx = make_format_context(cats, "ru", "de");
  CHECK(items(ctx, 1) == "one:1");
  CHECK(items(ctx, 21) == "one:21");
  CHECK(items(ctx, 2) == "few:2");
  CHECK(items(ctx, 24) == "few:24");
  CHECK(items(ctx, 5) == "many:5");
  CHECK(items(ctx, 11) == "many:11");
  CHECK(items(ctx, 1.5) == "other:1,5");
}

TEST_CASE("lookup falls back along the chain and never shows a key", "[i18n]") {
  const Catalogs cats = fixture_catalogs();
  const auto ar_iq = make_format_context(cats, "ar-IQ", "de");
  CHECK(ar_iq.chain == std::vector<std::string>{"ar-IQ", "ar", "de", "en"});
  CHECK(translate(ar_iq, "greeting", {{"name", std::string("Lina")}}) == "مرحبا Lina");
  CHECK(translate(ar_iq, "only.en") == "Only in English");  // ar -> de -> en
  CHECK(translate(ar_iq, "no.such.key").empty());
  const auto unknown = make_format_context(cats, "xx", "de");
  CHECK(translate(unknown, "items", {{"n", std::int64_t{2}}}) == "2 Sachen");
}

TEST_CASE("shipped catalogs: every locale formats every English key", "[i18n][shipped]") {
  const Catalogs cats = shipped_catalogs();
  const auto* en = cats.find("en");
  REQUIRE(en);
  REQUIRE(cats.locales.size() >= 12);
  for (const auto& cat : cats.locales) {
    INFO(cat.info.tag);
    const auto ctx = make_format_context(cats, cat.info.tag, "de");
    for (const auto& [key, msg] : en->messages) {
      INFO(key);
      CHECK(cat.messages.count(key) == 1);
      CHECK(cat.messages.at(key).format != nullptr);
      std::vector<MessageArg> args;
      for (const auto& name : message_arguments(msg.pattern)) {
        if (name == "count" || name == "minutes" || name == "seconds" || name == "metres")
          args.push_back({name, std::int64_t{3}});
        else if (name == "km")
          args.push_back({name, 1.5});
        else
          args.push_back({name, std::string("X")});
      }
      const std::string text = translate(ctx, key, args);
      CHECK_FALSE(text.empty());
      CHECK(text.find('{') == std::string::npos);
    }
  }
}

TEST_CASE("shipped catalogs: plural forms and digits follow the locale", "[i18n][shipped]") {
  const Catalogs cats = shipped_catalogs();
  auto forms = [&](const char* tag, std::initializer_list<std::int64_t> counts) {
    const auto ctx = make_format_context(cats, tag, "de");
    std::set<std::string> out;
    for (auto n : counts) out.insert(translate(ctx, "detail.walk", {{"minutes", n}}));
    return out.size();
  };
  CHECK(forms("ar", {0, 1, 2, 3, 11, 100}) == 6);
  CHECK(forms("ru", {1, 2, 5}) == 3);
  CHECK(forms("uk", {1, 2, 5}) == 3);
  CHECK(forms("de", {1, 2}) == 2);

  const auto ar = make_format_context(cats, "ar", "de");
  CHECK(translate(ar, "detail.walk", {{"minutes", std::int64_t{25}}}).find("٢٥") != std::string::npos);
  const auto fa = make_format_context(cats, "fa", "de");
  CHECK(translate(fa, "detail.walk", {{"minutes", std::int64_t{25}}}).find("۲۵") != std::string::npos);
  const auto ta = make_format_context(cats, "ta", "de");
  CHECK(translate(ta, "detail.walk", {{"minutes", std::int64_t{25}}}).find("25") != std::string::npos);
}

TEST_CASE("locale metadata: native names, direction and review status", "[i18n][shipped]") {
  const Catalogs cats = shipped_catalogs();
  for (const char* tag : {"de", "en", "ar", "fa", "ckb", "ku", "tr", "uk", "ru", "ti", "ta", "fr"}) {
    INFO(tag);
    REQUIRE(cats.find(tag));
    const bool rtl = std::string_view(tag) == "ar" || std::string_view(tag) == "fa" || std::string_view(tag) == "ckb";
    CHECK(cats.find(tag)->info.rtl == rtl);
  }
  CHECK(cats.find("ar")->info.native_name == "العربية");
  CHECK(cats.find("ti")->info.script == "Ethi");
  CHECK(cats.find("ta")->info.script == "Taml");
  for (const auto& c : cats.locales) {
    INFO(c.info.tag);
    CHECK_FALSE(c.info.native_name.empty());
    CHECK_FALSE(c.info.reviewed);  // written by developers: draft until native speakers review them
  }
}

TEST_CASE("an empty message is not translated yet: lookups fall back along the chain, never show it",
          "[i18n][untranslated]") {
  test::TempDir tmp;
  std::filesystem::copy_file(test::fixtures_dir() / "locales" / "en.yaml", tmp.path() / "en.yaml");
  std::ofstream(tmp.path() / "de.yaml")
      << "locale: {tag: de, native_name: Deutsch, english_name: German, direction: ltr, script: Latn, status: draft}\n"
         "messages:\n  items: \"{n, plural, one {# Sache} other {# Sachen}}\"\n  greeting: \"\"\n  only.en: \"\"\n";
  std::ofstream(tmp.path() / "de-AT.yaml")
      << "locale: {tag: de-AT, native_name: Österreichisches Deutsch, english_name: Austrian German, "
         "direction: ltr, script: Latn, status: draft}\n"
         "messages:\n  items: \"\"\n  greeting: Servus {name}\n  only.en: \"  \"\n";
  Diagnostics diags;
  const Catalogs cats = load_catalogs(tmp.path(), diags);
  for (const auto& d : diags.items) UNSCOPED_INFO(format_diagnostic(d));
  CHECK(diags.items.empty());
  const auto* de = cats.find("de");
  REQUIRE(de);
  CHECK(de->messages.count("greeting") == 0);
  REQUIRE(de->untranslated.count("greeting") == 1);
  CHECK(de->untranslated.at("greeting").line == 4);
  CHECK(de->untranslated.at("greeting").col == 13);

  const auto de_ctx = make_format_context(cats, "de", "de");
  CHECK(translate(de_ctx, "greeting", {{"name", std::string("Lina")}}) == "Hello Lina");  // en
  CHECK(translate(de_ctx, "only.en") == "Only in English");
  CHECK(translate(de_ctx, "items", {{"n", std::int64_t{2}}}) == "2 Sachen");
  const auto at_ctx = make_format_context(cats, "de-AT", "en");
  CHECK(translate(at_ctx, "items", {{"n", std::int64_t{2}}}) == "2 Sachen");  // its parent, de
  CHECK(translate(at_ctx, "greeting", {{"name", std::string("Lina")}}) == "Servus Lina");
  CHECK(translate(at_ctx, "only.en") == "Only in English");  // blank is empty too: de has none, so en

  // The same key twice, once empty, once not: reported.
  std::ofstream(tmp.path() / "de.yaml")
      << "locale: {tag: de, native_name: Deutsch, english_name: German, direction: ltr, script: Latn, status: draft}\n"
         "messages:\n  greeting: \"\"\n  greeting: Hallo {name}\n";
  Diagnostics twice;
  load_catalogs(tmp.path(), twice);
  CHECK(std::any_of(twice.items.begin(), twice.items.end(), [](const Diagnostic& d) {
    return d.rule == "duplicate-key" && d.message == "message 'greeting' appears twice";
  }));
}

TEST_CASE("shipped Portuguese: a draft by developers with Portuguese plural forms", "[i18n][shipped]") {
  const Catalogs cats = shipped_catalogs();
  const auto* pt = cats.find("pt");
  REQUIRE(pt);
  CHECK(pt->info.native_name == "Português");
  CHECK(pt->info.script == "Latn");
  CHECK_FALSE(pt->info.rtl);
  CHECK_FALSE(pt->info.reviewed);
  CHECK(pt->untranslated.empty());
  const auto ctx = make_format_context(cats, "pt", "de");
  CHECK(translate(ctx, "detail.walk", {{"minutes", std::int64_t{1}}}) == "1 minuto a pé");
  CHECK(translate(ctx, "detail.walk", {{"minutes", std::int64_t{25}}}) == "25 minutos a pé");
  CHECK(translate(ctx, "list.count", {{"count", std::int64_t{0}}}) == "Nenhum lugar encontrado");
  CHECK(translate(ctx, "route.depart", {{"side", std::string("left")}, {"street", std::string("Rua das Flores")}}) ==
        "Siga para a sua esquerda por Rua das Flores");
}
