#pragma once
// Finding services by what a person types, in any script: case, diacritics, Arabic/Persian letter
// variants and vowel marks are folded away; other scripts are also matched through their Latin
// transliteration ("Аахен" finds "Aachen"); German digraphs match umlauts ("muenster" finds "Münster");
// category names and synonyms in every language count.

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "core/model/model.h"

#include <unicode/translit.h>

namespace kiosk {

class TextFolder {
 public:
  TextFolder();
  ~TextFolder();
  TextFolder(TextFolder&&) noexcept;
  TextFolder& operator=(TextFolder&&) noexcept;
  // Lower case, no diacritics or vowel marks, unified letter variants, digraphs for umlauts.
  [[nodiscard]] std::string fold(std::string_view text) const;
  // fold() of the Latin transliteration.
  [[nodiscard]] std::string fold_latin(std::string_view text) const;

 private:
  std::unique_ptr<icu::Transliterator> strip_, latin_;
};

struct SearchHit {
  std::size_t service = 0;  // index into Bundle::services
  int score = 0;            // higher first
};

class SearchIndex {
 public:
  explicit SearchIndex(const Bundle& bundle);
  // Every word of the query must begin a word of the service (or its category's names and synonyms).
  [[nodiscard]] std::vector<SearchHit> search(std::string_view query, std::size_t limit = 50) const;

 private:
  static constexpr std::size_t no_category = static_cast<std::size_t>(-1);
  struct Entry {
    std::vector<std::string> name_words;    // folded, also transliterated
    std::vector<std::string> street_words;  // the same
    std::size_t category = no_category;     // into category_words_
  };
  TextFolder folder_;
  // Names and synonyms of each category in every language, kept once per category: a metropolis has
  // thousands of services in each, and a copy per service made the index 20 times larger.
  std::vector<std::vector<std::string>> category_words_;
  std::vector<Entry> entries_;
  std::vector<std::string> words_of(std::string_view text) const;
};

}  // namespace kiosk
