// Search over the sample city in several scripts.

#include "core/search/search.h"

#include <catch2/catch.hpp>

#include "core/bundle/content_loader.h"
#include "support/test_support.h"

using namespace kiosk;

namespace {
const Content& sample() {
  static const Content c = load_content(test::sample_bundle(), test::locales_dir());
  return c;
}
bool finds(const SearchIndex& index, const std::string& query, const std::string& service_id) {
  for (const auto& h : index.search(query, 1000))
    if (sample().bundle.services[h.service].id == service_id) return true;
  return false;
}
std::size_t count_in_category(const SearchIndex& index, const std::string& query, const std::string& category) {
  std::size_t n = 0;
  for (const auto& h : index.search(query, 1000)) n += sample().bundle.services[h.service].category == category;
  return n;
}
}  // namespace

TEST_CASE("folding: case, diacritics, umlaut digraphs, Arabic variants and marks", "[search]") {
  const TextFolder f;
  CHECK(f.fold("Münster") == f.fold("muenster"));
  CHECK(f.fold("MÜNSTER") == f.fold("Munster"));
  CHECK(f.fold("Straße") == f.fold("strasse"));
  CHECK(f.fold("Café") == f.fold("cafe"));
  CHECK(f.fold("مَكْتَبَة") == f.fold("مكتبه"));  // vowel marks and teh marbuta
  CHECK(f.fold("أحمد") == f.fold("احمد"));
  CHECK(f.fold("كتاب") == f.fold("کتاب"));  // Arabic and Persian kaf
  CHECK(f.fold("علي") == f.fold("علی"));    // Arabic and Persian yeh
  CHECK(f.fold_latin("Берлин") == f.fold("Berlin"));
}

TEST_CASE("search finds services by name, in any spelling and script", "[search]") {
  const SearchIndex index(sample().bundle);
  CHECK(finds(index, "stadtbibliothek", "stadtbibliothek-aachen-w79424442"));
  CHECK(finds(index, "STADTBIB", "stadtbibliothek-aachen-w79424442"));  // prefixes while typing
  CHECK(finds(index, "bibliothek aachen", "stadtbibliothek-aachen-w79424442"));
  CHECK(finds(index, "Штадтбиб", "stadtbibliothek-aachen-w79424442"));  // Cyrillic, transliterated
  CHECK(index.search("xyzzy").empty());
  CHECK(index.search("").empty());
}

TEST_CASE("category names and synonyms count, in every language", "[search]") {
  const SearchIndex index(sample().bundle);
  CHECK(count_in_category(index, "Apotheke", "health") > 10);
  CHECK(count_in_category(index, "pharmacy", "health") > 10);
  CHECK(count_in_category(index, "صيدلية", "health") > 10);       // Arabic synonym
  CHECK(count_in_category(index, "صَيْدَلِيَّة", "health") > 10);       // with vowel marks
  CHECK(count_in_category(index, "buecherei", "libraries") > 5);  // "Bücherei" typed without umlaut
  CHECK(count_in_category(index, "аптека", "health") > 10);       // Russian/Ukrainian synonym
  CHECK(count_in_category(index, "داروخانه", "health") > 10);     // Persian
  CHECK(count_in_category(index, "ሓኪ", "health") > 10);           // Tigrinya, while typing
  CHECK(count_in_category(index, "மருந்", "health") > 10);         // Tamil, while typing
  CHECK(count_in_category(index, "eczane", "health") > 10);       // Turkish
}
