#include "core/search/search.h"

#include <unicode/translit.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <map>

namespace kiosk {
namespace {

icu::Transliterator* make(const char* id) {
  UErrorCode status = U_ZERO_ERROR;
  icu::Transliterator* t =
      icu::Transliterator::createInstance(icu::UnicodeString(id, -1, US_INV), UTRANS_FORWARD, status);
  return U_SUCCESS(status) ? t : nullptr;
}

// "ae", "oe", "ue" -> "a", "o", "u", so that umlauts and their digraphs meet.
std::string drop_digraph_e(const std::string& s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    out += s[i];
    if ((s[i] == 'a' || s[i] == 'o' || s[i] == 'u') && i + 1 < s.size() && s[i + 1] == 'e') ++i;
  }
  return out;
}

// Runs of letters and digits, in order.
std::vector<std::string> split_words(const std::string& s) {
  std::vector<std::string> out;
  const icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
  icu::UnicodeString word;
  auto flush = [&] {
    if (word.isEmpty()) return;
    std::string w;
    word.toUTF8String(w);
    out.push_back(std::move(w));
    word.remove();
  };
  for (int32_t i = 0; i < u.length();) {
    const UChar32 c = u.char32At(i);
    if (u_isalnum(c))
      word.append(c);
    else
      flush();
    i += U16_LENGTH(c);
  }
  flush();
  return out;
}

}  // namespace

TextFolder::TextFolder()
    // NFD, drop every nonspacing mark (accents, Arabic harakat, Hebrew points), NFC, fold case.
    : strip_(make("NFD; [:Nonspacing Mark:] Remove; NFC; Lower")), latin_(make("Any-Latin; Latin-ASCII")) {}
TextFolder::~TextFolder() = default;
TextFolder::TextFolder(TextFolder&&) noexcept = default;
TextFolder& TextFolder::operator=(TextFolder&&) noexcept = default;

std::string TextFolder::fold(std::string_view text) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  // German umlauts as their digraphs first, so that both spellings meet below.
  u.findAndReplace(u"ä", u"ae").findAndReplace(u"ö", u"oe").findAndReplace(u"ü", u"ue");
  u.findAndReplace(u"Ä", u"ae").findAndReplace(u"Ö", u"oe").findAndReplace(u"Ü", u"ue").findAndReplace(u"ß", u"ss");
  // Arabic-script letter variants people type interchangeably.
  u.findAndReplace(u"أ", u"ا").findAndReplace(u"إ", u"ا").findAndReplace(u"آ", u"ا").findAndReplace(u"ٱ", u"ا");
  u.findAndReplace(u"ى", u"ي").findAndReplace(u"ی", u"ي").findAndReplace(u"ئ", u"ي");
  u.findAndReplace(u"ك", u"ک").findAndReplace(u"ة", u"ه").findAndReplace(u"ؤ", u"و").findAndReplace(u"ـ", u"");
  if (strip_) strip_->transliterate(u);
  std::string out;
  u.toUTF8String(out);
  return drop_digraph_e(out);
}

std::string TextFolder::fold_latin(std::string_view text) const {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  if (latin_) latin_->transliterate(u);
  std::string latin;
  u.toUTF8String(latin);
  return fold(latin);
}

std::vector<std::string> SearchIndex::words_of(std::string_view text) const {
  std::vector<std::string> words;
  for (const std::string& folded : {folder_.fold(text), folder_.fold_latin(text)})
    for (auto& w : split_words(folded))
      if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(std::move(w));
  return words;
}

SearchIndex::SearchIndex(const Bundle& b) {
  std::map<std::string, std::size_t> category_index;
  for (const auto& c : b.categories) {
    category_index.emplace(c.id, category_words_.size());
    auto& w = category_words_.emplace_back();
    for (const auto& [tag, text] : c.name.by_locale)
      for (auto& x : words_of(text)) w.push_back(std::move(x));
    for (const auto& [tag, list] : c.synonyms)
      for (const auto& syn : list)
        for (auto& x : words_of(syn)) w.push_back(std::move(x));
  }
  entries_.reserve(b.services.size());
  for (const auto& s : b.services) {
    Entry e;
    for (const auto& [tag, text] : s.name.by_locale)
      for (auto& x : words_of(text)) e.name_words.push_back(std::move(x));
    if (const auto c = category_index.find(s.category); c != category_index.end()) e.category = c->second;
    e.street_words = words_of(s.address.street);
    entries_.push_back(std::move(e));
  }
}

std::vector<SearchHit> SearchIndex::search(std::string_view query, std::size_t limit) const {
  std::vector<SearchHit> hits;
  // Query words: the folded and the transliterated spelling are alternatives for the same word.
  const std::string folded = folder_.fold(query), latin = folder_.fold_latin(query);
  const auto a = split_words(folded), b = split_words(latin);
  if (a.empty()) return hits;
  auto prefix_of = [](const std::string& word, const std::vector<std::string>& list) {
    return std::any_of(list.begin(), list.end(), [&](const std::string& w) { return w.rfind(word, 0) == 0; });
  };
  const auto alternative = [&](std::size_t k) -> const std::string& { return k < b.size() ? b[k] : a[k]; };
  // Which categories each query word names: once per query, not once per service.
  std::vector<std::vector<char>> in_category(a.size(), std::vector<char>(category_words_.size(), 0));
  for (std::size_t k = 0; k < a.size(); ++k)
    for (std::size_t c = 0; c < category_words_.size(); ++c)
      in_category[k][c] = prefix_of(a[k], category_words_[c]) || prefix_of(alternative(k), category_words_[c]);
  for (std::size_t i = 0; i < entries_.size(); ++i) {
    const Entry& e = entries_[i];
    int score = 0;
    bool all = true;
    for (std::size_t k = 0; k < a.size() && all; ++k) {
      const std::string& alt = alternative(k);
      if (prefix_of(a[k], e.name_words) || prefix_of(alt, e.name_words))
        score += 3;
      else if ((e.category != no_category && in_category[k][e.category]) || prefix_of(a[k], e.street_words) ||
               prefix_of(alt, e.street_words))
        score += 1;
      else
        all = false;
    }
    if (all) hits.push_back({i, score});
  }
  std::stable_sort(hits.begin(), hits.end(), [](const SearchHit& x, const SearchHit& y) { return x.score > y.score; });
  if (hits.size() > limit) hits.resize(limit);
  return hits;
}

}  // namespace kiosk
