#pragma once
// BCP 47 language tags, checked with ICU.

#include <string>
#include <string_view>
#include <vector>

namespace kiosk {

// Well-formed BCP 47 whose language subtag ICU knows (or `und`). Accepts `ckb`, `ti-ER`, `sr-Latn`.
bool is_valid_language_tag(std::string_view tag);

// The one spelling of a tag that lookups match: case (`AR` -> `ar`, `de-de` -> `de-DE`) and ICU's aliases
// (`deu` -> `de`, `iw` -> `he`). Empty when ICU cannot read it.
std::string canonical_language_tag(std::string_view tag);

// Lookup order for a tag: the tag, then its ICU parents (`ckb-IQ` -> `ckb`), then `fallback`
// (the bundle's default locale) and its parents. No duplicates.
std::vector<std::string> locale_fallback_chain(std::string_view tag, std::string_view fallback);

}  // namespace kiosk
