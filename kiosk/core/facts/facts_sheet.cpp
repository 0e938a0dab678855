#include "core/facts/facts_sheet.h"

#include <fmt/format.h>

#include "core/model/vocabulary.h"

namespace kiosk {
namespace {

constexpr std::array<std::string_view, fact_column_count> column_keys = {
    "id",        "name", "category", "address",   "phone",      "opening_hours", "documents",
    "anonymous", "fees", "fee_note", "languages", "wheelchair", "last_verified", "verified_by"};

// The UI string that names each column; most are the detail screen's own labels.
constexpr std::array<std::string_view, fact_column_count> header_keys = {"sheet.id",
                                                                         "sheet.name",
                                                                         "sheet.category",
                                                                         "detail.address",
                                                                         "detail.phone",
                                                                         "detail.opening_hours",
                                                                         "detail.documents",
                                                                         "detail.anonymous",
                                                                         "detail.fees",
                                                                         "sheet.fee_note",
                                                                         "detail.languages",
                                                                         "detail.wheelchair",
                                                                         "sheet.last_verified",
                                                                         "sheet.verified_by"};

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  return fmt::format("{}", fmt::join(items, sep));
}

std::string text_in(const LocalizedText& t, const SheetWords& w) {
  if (const auto* s = t.find(w.locale)) return *s;
  if (const auto* s = t.find("und")) return *s;
  return {};
}

}  // namespace

std::string format_iso_date(const Date& d) {
  return fmt::format("{:04}-{:02}-{:02}", d.year, d.month, d.day);
}

std::string_view fact_column_key(FactColumn c) {
  return column_keys[static_cast<std::size_t>(c)];
}

bool fact_column_editable(FactColumn c) {
  return c > FactColumn::address;
}

SheetWords sheet_words(const Catalogs& catalogs, std::string_view locale) {
  const FormatContext ctx = make_format_context(catalogs, locale, Catalogs::source_locale);
  auto t = [&](std::string_view key) { return translate(ctx, key); };
  SheetWords w;
  w.locale = std::string(locale);
  for (std::size_t i = 0; i < fact_column_count; ++i) w.headers[i] = t(header_keys[i]);
  w.unknown = t("fact.unknown");
  w.fees = {t("fees.free"), t("fees.reduced"), t("fees.paid")};
  w.anonymous = {t("anonymous.yes"), t("anonymous.no")};
  w.wheelchair = {t("wheelchair.yes"), t("wheelchair.limited"), t("wheelchair.no")};
  w.no_documents = t("documents.none");
  for (auto id : vocabulary::documents) w.documents.emplace(std::string(id), t(fmt::format("document.{}", id)));
  auto choose = [&](std::vector<std::string> words) {
    words.push_back(w.unknown);
    return translate(ctx, "sheet.help.choose", {{"choices", join(words, " | ")}});
  };
  std::vector<std::string> docs;
  for (const auto& [id, word] : w.documents) docs.push_back(word);
  w.help = {{"intro", t("sheet.help.intro")},
            {"fixed", t("sheet.help.fixed")},
            {"phone", t("sheet.help.phone")},
            {"opening_hours", t("sheet.help.opening_hours")},
            {"documents",
             choose({w.no_documents}) + " — " + translate(ctx, "sheet.help.several", {{"choices", join(docs, " | ")}})},
            {"anonymous", choose({w.anonymous.begin(), w.anonymous.end()})},
            {"fees", choose({w.fees.begin(), w.fees.end()})},
            {"fee_note", t("sheet.help.text")},
            {"languages", t("sheet.help.languages")},
            {"wheelchair", choose({w.wheelchair.begin(), w.wheelchair.end()})},
            {"last_verified", t("sheet.help.date")},
            {"verified_by", t("sheet.help.verified_by")}};
  return w;
}

std::string protect_cell(std::string cell) {
  if (!cell.empty() && std::string_view("=+-@\t\r").find(cell.front()) != std::string_view::npos)
    cell.insert(cell.begin(), '\'');
  return cell;
}

std::string unprotect_cell(std::string cell) {
  if (cell.size() > 1 && cell.front() == '\'' && std::string_view("=+-@\t\r").find(cell[1]) != std::string_view::npos)
    cell.erase(cell.begin());
  return cell;
}

std::array<std::string, fact_column_count> service_cells(const Service& s, const Bundle& b, const SheetWords& w) {
  std::array<std::string, fact_column_count> c;
  auto at = [&](FactColumn col) -> std::string& { return c[static_cast<std::size_t>(col)]; };
  at(FactColumn::id) = s.id;
  at(FactColumn::name) = text_in(s.name, w);
  if (const Category* cat = b.find_category(s.category)) at(FactColumn::category) = text_in(cat->name, w);
  if (at(FactColumn::category).empty()) at(FactColumn::category) = s.category;
  std::vector<std::string> address;
  if (!s.address.street.empty()) address.push_back(s.address.street);
  if (!s.address.postcode.empty() || !s.address.city.empty())
    address.push_back(fmt::format("{}{}{}", s.address.postcode, s.address.postcode.empty() ? "" : " ", s.address.city));
  at(FactColumn::address) = join(address, ", ");
  at(FactColumn::phone) = join(s.phones, "; ");
  at(FactColumn::opening_hours) = s.opening_hours.empty() ? w.unknown : s.opening_hours;
  if (!s.documents.known) {
    at(FactColumn::documents) = w.unknown;
  } else if (s.documents.required.empty()) {
    at(FactColumn::documents) = w.no_documents;
  } else {
    std::vector<std::string> docs;
    for (const auto& d : s.documents.required) {
      const auto it = w.documents.find(d);
      docs.push_back(it != w.documents.end() ? it->second : d);
    }
    at(FactColumn::documents) = join(docs, "; ");
  }
  at(FactColumn::anonymous) =
      s.anonymous == YesNo::unknown ? w.unknown : w.anonymous[s.anonymous == YesNo::yes ? 0 : 1];
  at(FactColumn::fees) = s.fees == Fees::unknown ? w.unknown : w.fees[static_cast<std::size_t>(s.fees) - 1];
  at(FactColumn::fee_note) = text_in(s.fee_note, w);
  at(FactColumn::languages) = s.languages.empty() ? w.unknown : join(s.languages, "; ");
  at(FactColumn::wheelchair) =
      s.wheelchair == Wheelchair::unknown ? w.unknown : w.wheelchair[static_cast<std::size_t>(s.wheelchair) - 1];
  at(FactColumn::last_verified) = s.last_verified ? format_iso_date(*s.last_verified) : std::string();
  at(FactColumn::verified_by) = s.verified_by;
  return c;
}

std::vector<std::vector<std::string>> facts_sheet(const Bundle& b, const SheetWords& w, std::string_view category) {
  std::vector<std::vector<std::string>> rows;
  rows.push_back({fmt::format("# {} — {} {}", w.help.at("intro"), b.id, b.version)});
  for (std::size_t i = 0; i < fact_column_count; ++i) {
    const auto key = std::string(column_keys[i]);
    const auto it = w.help.find(key);
    const std::string& help = it != w.help.end() ? it->second : w.help.at("fixed");
    rows.push_back({fmt::format("# {} ({}): {}", w.headers[i], key, help)});
  }
  rows.emplace_back(w.headers.begin(), w.headers.end());
  for (const auto& s : b.services) {
    if (!category.empty() && s.category != category) continue;
    const auto cells = service_cells(s, b, w);
    auto& row = rows.emplace_back();
    for (const auto& cell : cells) row.push_back(protect_cell(cell));
  }
  return rows;
}

}  // namespace kiosk
