#pragma once
// HSDS free texts and codes read as the closed words of our bundle: documents, wheelchair access,
// fees and spoken languages. What is not recognised stays unknown; nothing is guessed from silence.

#include <optional>
#include <string>
#include <vector>

namespace kiosk {

// The words of vocabulary::documents that a required_document text names (several for "passport and
// proof of address"); empty when none is recognised.
std::vector<std::string> documents_in_text(const std::string& text);

// "None", "no documents needed", "keine Unterlagen": nothing is required.
bool says_no_documents(const std::string& text);

// yes, limited or no for wheelchair access from an accessibility description; "" when it does not say.
std::string wheelchair_in_text(const std::string& text);

// free, reduced or paid from the amounts of a service's cost options (std::nullopt: amount unknown);
// "" when no amount is known. Free and paid options together are "reduced": someone pays less.
std::string fees_from_amounts(const std::vector<std::optional<double>>& amounts);

// An ISO 639-1/-2/-3 code ("ar", "ara", "ger") as our BCP 47 tag ("ar", "de"); "" when it is none.
std::string language_tag_for_code(const std::string& code);

}  // namespace kiosk
