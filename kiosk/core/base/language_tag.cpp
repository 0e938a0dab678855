#include "core/base/language_tag.h"

#include <unicode/locid.h>
#include <unicode/uloc.h>

#include <algorithm>
#include <cstring>

namespace kiosk {

bool is_valid_language_tag(std::string_view tag) {
  if (tag.empty() || tag.size() > 64) return false;
  if (tag == "und") return true;
  // ICU accepts "_" and lenient forms; BCP 47 uses "-" only.
  if (tag.find('_') != std::string_view::npos) return false;
  const std::string s(tag);
  char locale_id[ULOC_FULLNAME_CAPACITY];
  int32_t parsed = 0;
  UErrorCode status = U_ZERO_ERROR;
  uloc_forLanguageTag(s.c_str(), locale_id, sizeof locale_id, &parsed, &status);
  if (U_FAILURE(status) || parsed != static_cast<int32_t>(s.size())) return false;
  // Well-formed is not enough: "xx" is well-formed but no language. ICU knows a language when it has a
  // display name for it that is not the code itself.
  const icu::Locale loc(locale_id);
  const char* lang = loc.getLanguage();
  if (std::strlen(lang) == 0) return false;
  icu::UnicodeString name;
  loc.getDisplayLanguage(icu::Locale::getEnglish(), name);
  return name != icu::UnicodeString(lang, -1, US_INV);
}

std::string canonical_language_tag(std::string_view tag) {
  if (tag == "und") return "und";
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale loc = icu::Locale::forLanguageTag(std::string(tag), status);
  if (U_FAILURE(status)) return {};
  loc.canonicalize(status);
  std::string out = loc.toLanguageTag<std::string>(status);
  return U_SUCCESS(status) ? out : std::string();
}

std::vector<std::string> locale_fallback_chain(std::string_view tag, std::string_view fallback) {
  std::vector<std::string> chain;
  auto add_with_parents = [&](std::string_view t) {
    std::string cur(t);
    while (!cur.empty()) {
      if (std::find(chain.begin(), chain.end(), cur) == chain.end()) chain.push_back(cur);
      const auto dash = cur.rfind('-');
      if (dash == std::string::npos) break;
      cur.resize(dash);
    }
  };
  add_with_parents(tag);
  add_with_parents(fallback);
  return chain;
}

}  // namespace kiosk
