#pragma once
// How much of a bundle a resident reads in their own language, per locale the bundle offers: content
// texts and UI strings, with what is missing. Information for translators, not a check: the kiosk shows a
// missing text in a fallback language.
//
// Content: the texts content_translation_coverage() counts (title, kiosk and category names, service
// names, descriptions, address and fee notes, announcement texts), without an `und` value; translated for
// locale L when the text has L itself. UI: the keys of the source catalog (en); translated for L when
// locales/L.yaml has the key with a usable pattern (an empty one, "", is not translated yet). A message
// equal to the source counts as translated ("OK", "Wi-Fi" and place-holder-only messages are legitimately
// the same) and is listed apart.

#include <string>
#include <vector>

#include "core/bundle/bundle_validate.h"
#include "core/i18n/i18n_catalog.h"
#include "core/model/model.h"

namespace kiosk {

struct UiCoverage {
  std::size_t total = 0;  // keys of the source catalog
  std::size_t translated = 0;
  std::vector<std::string> missing;         // absent, empty ("") or not valid MessageFormat, sorted
  std::vector<std::string> same_as_source;  // counted as translated, sorted; empty for the source locale
};

struct LocaleI18nCoverage {
  std::string locale;
  LocaleCoverage content;  // missing[].pos.file relative to the bundle folder, e.g. services/x.yaml
  UiCoverage ui;
};

struct I18nCoverage {
  std::string ui_source;                    // the catalog UI strings are counted against; empty: none loaded
  std::vector<LocaleI18nCoverage> locales;  // in the order the bundle lists them
};

I18nCoverage i18n_coverage(const Bundle& b, const Catalogs& catalogs);

// translated / total; 1 when there is nothing to translate.
double coverage_share(std::size_t translated, std::size_t total);

}  // namespace kiosk
