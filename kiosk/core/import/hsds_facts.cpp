#include "core/import/hsds_facts.h"

#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <string_view>
#include <utility>
#include <vector>

#include "core/base/language_tag.h"

namespace kiosk {
namespace {

// Case-folded, so that "Barrierefrei" and "BARRIEREFREI" read alike (also ß, Ü).
std::string folded(const std::string& text) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(text);
  u.foldCase();
  std::string out;
  u.toUTF8String(out);
  return out;
}

bool has_any(const std::string& folded_text, const std::vector<std::string_view>& words) {
  return std::any_of(words.begin(), words.end(),
                     [&](std::string_view w) { return folded_text.find(w) != std::string::npos; });
}

}  // namespace

std::vector<std::string> documents_in_text(const std::string& text) {
  // English, as HSDS publishers mostly write, and German, for the sample city. Lower case (folded).
  // (A vector, not an initializer_list: a static list must own its words.)
  static const std::array<std::pair<const char*, std::vector<std::string_view>>, 7> words = {{
      {"id_document",
       {"passport", "identity card", "id card", "identity document", "identification", "photo id", "personalausweis",
        "reisepass", "ausweisdokument", "passersatz"}},
      {"residence_permit",
       {"residence permit", "residence card", "visa", "aufenthaltstitel", "aufenthaltserlaubnis",
        "aufenthaltsgestattung", "niederlassungserlaubnis", "duldung", "visum"}},
      {"health_insurance_card",
       {"health insurance", "insurance card", "krankenversicherung", "versichertenkarte", "gesundheitskarte",
        "krankenkasse"}},
      {"proof_of_address",
       {"proof of address", "evidence of address", "utility bill", "meldebescheinigung", "meldebestätigung",
        "anmeldebestätigung"}},
      {"proof_of_income",
       {"proof of income", "income", "pay slip", "payslip", "einkommen", "lohnabrechnung", "leistungsbescheid",
        "bürgergeld", "sozialhilfe"}},
      {"referral", {"referral", "überweisung", "zuweisung"}},
      {"city_id", {"city id", "city-id", "city card", "municipal id", "stadtausweis"}},
  }};
  const std::string t = folded(text);
  std::vector<std::string> out;
  for (const auto& [word, keys] : words)
    if (has_any(t, keys)) out.emplace_back(word);
  return out;
}

bool says_no_documents(const std::string& text) {
  const std::string t = folded(text);
  return t == "none" || t == "keine" ||
         has_any(t, {"no documents", "no document", "not required", "nothing required", "keine unterlagen",
                     "keine dokumente", "nicht erforderlich", "ohne papiere", "ohne dokumente"});
}

std::string wheelchair_in_text(const std::string& text) {
  const std::string t = folded(text);
  // Negations first: "not wheelchair accessible" also contains "wheelchair accessible".
  if (has_any(t, {"not wheelchair", "no wheelchair", "not accessible", "inaccessible", "no step-free", "no step free",
                  "no lift", "no elevator", "stairs only", "steps only", "nicht barrierefrei", "nicht rollstuhl",
                  "kein aufzug", "nur über treppen", "nicht stufenlos"}))
    return "no";
  if (has_any(t, {"partial", "limited", "eingeschränkt", "teilweise", "bedingt"})) return "limited";
  if (has_any(t,
              {"wheelchair accessible", "wheelchair-accessible", "step-free", "step free", "level access",
               "barrierefrei", "rollstuhlgerecht", "rollstuhlzugänglich", "rollstuhlfahrer", "stufenlos", "ebenerdig"}))
    return "yes";
  return {};
}

std::string fees_from_amounts(const std::vector<std::optional<double>>& amounts) {
  bool free = false, paid = false;
  for (const auto& a : amounts) {
    if (!a) continue;
    (*a > 0 ? paid : free) = true;
  }
  if (free && paid) return "reduced";
  if (paid) return "paid";
  if (free) return "free";
  return {};
}

std::string language_tag_for_code(const std::string& code) {
  if (code.empty()) return {};
  UErrorCode status = U_ZERO_ERROR;
  icu::Locale locale = icu::Locale::forLanguageTag(code, status);
  if (U_FAILURE(status) || locale.isBogus()) return {};
  locale.canonicalize(status);  // ISO 639-2/-3 codes to the two-letter ones BCP 47 prefers
  if (U_FAILURE(status)) return {};
  const std::string tag = locale.toLanguageTag<std::string>(status);
  if (U_FAILURE(status) || !is_valid_language_tag(tag) || tag == "und") return {};
  return tag;
}

}  // namespace kiosk
