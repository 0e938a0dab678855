#pragma once
// Rules that span files: unique ids, known categories, places inside the bundle's area, dates in order,
// and translation coverage.

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/model/model.h"

namespace kiosk {

// Also parses every service's opening_hours into Service::hours (equal values share one parse).
// today: the editor's date, to refuse facts checked "in the future". Editors' tools give it; the kiosk does
// not, because a kiosk whose clock was reset must not refuse good content.
void validate_bundle(Bundle& b, Diagnostics& diags, std::optional<Date> today = std::nullopt);

// Content texts that need a translation: every LocalizedText without an `und` (language-neutral) value.
struct MissingTranslation {
  SourcePos pos;      // of the text's mapping
  std::string field;  // its key in the item: "name", "description", "address.note", "fee_note", "text", "title"
  std::string what;   // "the name of category 'health'"
};
struct LocaleCoverage {
  std::string locale;
  std::size_t total = 0;
  std::size_t translated = 0;
  std::vector<MissingTranslation> missing;
};
std::vector<LocaleCoverage> content_translation_coverage(const Bundle& b);

}  // namespace kiosk
