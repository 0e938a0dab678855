#pragma once
// The facts worksheet: one row per service with the facts residents rely on (opening hours, documents,
// anonymity, costs, languages, step-free access) and when and by whom they were last checked, in the
// editor's language, for the people who check them by phone and on visits and work in spreadsheets.

#include <array>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "core/i18n/i18n_catalog.h"
#include "core/model/model.h"

namespace kiosk {

enum class FactColumn : std::uint8_t {
  id,
  name,
  category,
  address,
  phone,
  opening_hours,
  documents,
  anonymous,
  fees,
  fee_note,
  languages,
  wheelchair,
  last_verified,
  verified_by,
};
inline constexpr std::size_t fact_column_count = 14;

// The column's name in every language (also accepted as a header): "opening_hours", "fees", ...
std::string_view fact_column_key(FactColumn c);
// id, name, category and address orient the reader; the import refuses changes to them.
bool fact_column_editable(FactColumn c);

// A worksheet's words in one language: column headers and the values of each closed vocabulary.
struct SheetWords {
  std::string locale;
  std::array<std::string, fact_column_count> headers;
  std::string unknown;
  std::array<std::string, 3> fees;        // free, reduced, paid
  std::array<std::string, 2> anonymous;   // yes, no
  std::array<std::string, 3> wheelchair;  // yes, limited, no
  std::string no_documents;
  std::map<std::string, std::string, std::less<>> documents;  // vocabulary id -> word
  std::map<std::string, std::string, std::less<>> help;       // "opening_hours", ... -> help text
};
SheetWords sheet_words(const Catalogs& catalogs, std::string_view locale);

// Cells that a spreadsheet would run as a formula (=, +, -, @ first) start with an apostrophe in the
// worksheet (OWASP's advice against CSV injection); protect_cell adds it, unprotect_cell removes it.
std::string protect_cell(std::string cell);
std::string unprotect_cell(std::string cell);

// "2026-12-02", as the worksheet and the YAML files write a date.
std::string format_iso_date(const Date& d);

// A service's cells, in column order, as the worksheet shows them (before protect_cell).
std::array<std::string, fact_column_count> service_cells(const Service& s, const Bundle& b, const SheetWords& w);

// Help rows ("# ..."), the header row, then one row per service of `category` (all when empty), in the
// bundle's order.
std::vector<std::vector<std::string>> facts_sheet(const Bundle& b, const SheetWords& w, std::string_view category);

}  // namespace kiosk
