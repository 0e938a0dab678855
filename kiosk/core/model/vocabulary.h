#pragma once
// Closed vocabularies for facts that residents read in their own language: each word has a UI string
// (`document.<id>`, `group.<id>`) in every locale, so editors pick words instead of writing free text.

#include <array>
#include <string_view>

namespace kiosk::vocabulary {

inline constexpr std::array<std::string_view, 7> documents = {
    "id_document", "residence_permit", "health_insurance_card", "proof_of_address", "proof_of_income",
    "referral",    "city_id"};

inline constexpr std::array<std::string_view, 12> target_groups = {"everyone", "women",    "men",      "children",
                                                                   "youth",    "families", "seniors",  "refugees",
                                                                   "homeless", "lgbtiq",   "disabled", "undocumented"};

}  // namespace kiosk::vocabulary
