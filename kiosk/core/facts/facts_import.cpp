#include "core/facts/facts_import.h"

#include <fmt/format.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <optional>
#include <set>

#include "core/base/file_io.h"
#include "core/base/language_tag.h"
#include "core/base/limits.h"
#include "core/base/suggest.h"
#include "core/base/utf8.h"
#include "core/bundle/bundle_loader.h"
#include "core/facts/facts_sheet.h"
#include "core/facts/yaml_edit.h"
#include "core/hours/opening_hours.h"
#include "core/i18n/contact_format.h"
#include "core/model/vocabulary.h"
#include "core/yaml/yaml_file.h"

namespace kiosk {
namespace {

// The keys of a service in the order the loader lists them: where a new key is written.
constexpr std::array<std::string_view, 21> service_key_order = {
    "id",         "category",      "name",   "description",   "address",    "lat",      "lon",       "opening_hours",
    "phone",      "website",       "email",  "languages",     "fees",       "fee_note", "documents", "anonymous",
    "wheelchair", "target_groups", "source", "last_verified", "verified_by"};

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t");
  if (b == std::string_view::npos) return {};
  return std::string(s.substr(b, s.find_last_not_of(" \t") - b + 1));
}

std::string fold(std::string_view s) {
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())));
  std::string out;
  u.foldCase().toUTF8String(out);
  return trim(out);
}

std::vector<std::string> split_list(std::string_view cell, std::string_view seps) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= cell.size(); ++i)
    if (i == cell.size() || seps.find(cell[i]) != std::string_view::npos) {
      if (auto item = trim(cell.substr(start, i - start)); !item.empty()) out.push_back(std::move(item));
      start = i + 1;
    }
  return out;
}

// YYYY-MM-DD, or DD.MM.YYYY as spreadsheets in many locales rewrite a date.
std::optional<Date> parse_sheet_date(std::string_view s) {
  int y = 0, m = 0, d = 0;
  char tail = 0;
  const std::string str(s);
  if (std::sscanf(str.c_str(), "%4d-%2d-%2d%c", &y, &m, &d, &tail) != 3 &&
      std::sscanf(str.c_str(), "%2d.%2d.%4d%c", &d, &m, &y, &tail) != 3)
    return std::nullopt;
  static constexpr int days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  if (y < 1900 || m < 1 || m > 12 || d < 1 || d > days[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
  return Date{y, m, d};
}

// The language of the fee note that the worksheet's column edits: the sheet's own, or the language-neutral
// text when that is all there is (as service_cells shows it).
std::string fee_note_tag(const Service& s, const std::string& locale) {
  const auto& t = s.fee_note.by_locale;
  return t.count(locale) || !t.count("und") ? locale : "und";
}

struct Cell {
  int row = 0, col = 0;  // 1-based, as the spreadsheet shows them
  std::string text;
};

class Planner {
 public:
  Planner(const std::string& sheet_name, const Bundle& b, const Catalogs& catalogs, const Date& today)
      : sheet_(sheet_name), b_(b), catalogs_(catalogs), today_(today) {}

  FactsImport run(const CsvTable& table);

 private:
  void error(const Cell& c, const std::string& message, const std::string& hint = {}) {
    out_.diags.error({sheet_, c.row, c.col}, "bad-cell", message, hint);
  }
  bool read_header(const CsvTable& table, std::size_t& header_row);
  struct Wanted;
  void read_row(const std::vector<std::string>& raw, int row);
  // The service a row is for; null after reporting a missing, unknown or repeated id.
  const Service* row_service(const Cell& id, int row);
  // One cell that differs from the service's current value: checked, and its fact set in w.want.
  void read_cell(Wanted& w, FactColumn col, const Cell& cell, const std::string& now_value, bool& verified_changed);
  void read_documents(const Cell& c, const std::string& header, Documents& want);
  // What changed, by YAML key; a changed fact without a new verification date is verified today.
  void note_changes(Wanted& w, bool verified_cell_changed);
  // nullopt after reporting; -1 for "unknown".
  std::optional<int> choose(const Cell& c, FactColumn col, const std::vector<std::string>& words,
                            const std::vector<std::string_view>& canonical);
  bool check_text(const Cell& c, std::string_view what, std::size_t max_len);
  void edit_files();

  std::string sheet_;
  const Bundle& b_;
  const Catalogs& catalogs_;
  Date today_;
  SheetWords words_;
  std::array<int, fact_column_count> column_of_{};  // 1-based column per fact; 0 when absent
  std::map<std::string, int, std::less<>> row_of_id_;
  struct Wanted {
    const Service* old;
    Service want;
    int row;
    std::vector<FactChange> changes;
  };
  std::vector<Wanted> wanted_;
  FactsImport out_;
};

bool Planner::read_header(const CsvTable& table, std::size_t& header_row) {
  header_row = 0;
  while (header_row < table.rows.size() &&
         (table.rows[header_row].empty() || trim(table.rows[header_row][0]).starts_with("#")))
    ++header_row;
  if (header_row == table.rows.size()) {
    out_.diags.error({sheet_, 1, 1}, "bad-sheet", "the worksheet has no header row",
                     "export a worksheet with kioskctl facts export and edit that");
    return false;
  }
  const auto& header = table.rows[header_row];
  // The worksheet's language: the catalog whose column names match the most header cells.
  // English wins a tie, so that a worksheet with the columns' key names reads as English.
  auto hits_of = [&](const SheetWords& w) {
    std::size_t hits = 0;
    for (const auto& h : header)
      for (const auto& name : w.headers) hits += fold(h) == fold(name);
    return hits;
  };
  words_ = sheet_words(catalogs_, Catalogs::source_locale);
  std::size_t best = hits_of(words_);
  for (const auto& cat : catalogs_.locales) {
    SheetWords w = sheet_words(catalogs_, cat.info.tag);
    if (const std::size_t hits = hits_of(w); hits > best) {
      best = hits;
      words_ = std::move(w);
    }
  }
  out_.locale = words_.locale;
  const int row = static_cast<int>(header_row) + 1;
  for (std::size_t i = 0; i < header.size(); ++i) {
    const Cell c{row, static_cast<int>(i) + 1, trim(header[i])};
    if (c.text.empty() || c.text.starts_with("#")) continue;  // the editor's own notes
    std::optional<std::size_t> found;
    for (std::size_t k = 0; k < fact_column_count; ++k)
      if (fold(c.text) == fold(words_.headers[k]) || c.text == fact_column_key(static_cast<FactColumn>(k))) found = k;
    if (!found) {
      std::vector<std::string> names(words_.headers.begin(), words_.headers.end());
      const std::string near = closest_match(c.text, names);
      error(c,
            fmt::format("unknown column '{}'{}", c.text, near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
            "rename it, or start its name with # to keep your own notes in it");
    } else if (column_of_[*found]) {
      error(c, fmt::format("the column '{}' appears twice (also column {})", c.text, column_of_[*found]),
            "delete one of them");
    } else {
      column_of_[*found] = c.col;
    }
  }
  if (!column_of_[static_cast<std::size_t>(FactColumn::id)]) {
    out_.diags.error({sheet_, row, 1}, "bad-sheet", fmt::format("the header row has no column '{}'", words_.headers[0]),
                     "the id column tells which service a row is about: keep it as exported");
    return false;
  }
  return !out_.diags.has_errors();
}

std::optional<int> Planner::choose(const Cell& c, FactColumn col, const std::vector<std::string>& words,
                                   const std::vector<std::string_view>& canonical) {
  const std::string f = fold(c.text);
  if (f.empty() || f == fold(words_.unknown) || f == "unknown") return -1;
  for (std::size_t i = 0; i < words.size(); ++i)
    if (f == fold(words[i]) || f == canonical[i]) return static_cast<int>(i);
  std::vector<std::string> allowed = words;
  allowed.push_back(words_.unknown);
  error(c,
        fmt::format("{}: '{}' is not one of: {}", words_.headers[static_cast<std::size_t>(col)], c.text,
                    fmt::join(allowed, " | ")),
        "copy one of these words into the cell, or leave it empty for unknown");
  return std::nullopt;
}

bool Planner::check_text(const Cell& c, std::string_view what, std::size_t max_len) {
  for (const char ch8 : c.text)
    if (const auto ch = static_cast<unsigned char>(ch8); ch < 0x20 || ch == 0x7f) {
      error(c, fmt::format("{} holds a line break or control character", what), "write it on one line");
      return false;
    }
  if (const auto bidi = find_bidi_controls(c.text); !bidi.empty()) {
    error(c, fmt::format("{} holds {}, which can reorder what residents read", what, code_point_name(bidi[0].cp)),
          "delete the invisible character");
    return false;
  }
  if (count_code_points(c.text) > max_len) {
    error(c, fmt::format("{} is longer than {} characters", what, max_len), "shorten it");
    return false;
  }
  return true;
}

void Planner::read_row(const std::vector<std::string>& raw, int row) {
  auto cell = [&](FactColumn col) -> std::optional<Cell> {
    const int at = column_of_[static_cast<std::size_t>(col)];
    if (!at) return std::nullopt;
    const auto i = static_cast<std::size_t>(at - 1);
    return Cell{row, at, i < raw.size() ? trim(unprotect_cell(raw[i])) : std::string()};
  };
  const Service* s = row_service(*cell(FactColumn::id), row);
  if (!s) return;
  const auto now = service_cells(*s, b_, words_);
  Wanted w{s, *s, row, {}};
  bool verified_cell_changed = false;
  for (std::size_t k = 0; k < fact_column_count; ++k) {
    const auto c = cell(static_cast<FactColumn>(k));
    if (c && c->text != trim(now[k])) read_cell(w, static_cast<FactColumn>(k), *c, now[k], verified_cell_changed);
  }
  note_changes(w, verified_cell_changed);
  if (!w.changes.empty()) wanted_.push_back(std::move(w));
}

const Service* Planner::row_service(const Cell& id, int row) {
  if (id.text.empty()) {
    error(id, "the row has no id", "copy the row's id back from the exported worksheet, or delete the row");
    return nullptr;
  }
  const Service* s = b_.find_service(id.text);
  if (!s) {
    std::vector<std::string> ids;
    for (const auto& sv : b_.services) ids.push_back(sv.id);
    const std::string near = closest_match(id.text, ids);
    error(id,
          fmt::format("no service has the id '{}'{}", id.text,
                      near.empty() ? "" : fmt::format("; did you mean '{}'?", near)),
          "new services are added as YAML files (docs/editing.md); the worksheet changes existing ones");
    return nullptr;
  }
  if (const auto [it, fresh] = row_of_id_.emplace(id.text, row); !fresh) {
    error(id, fmt::format("the service '{}' has a second row here (the first is row {})", id.text, it->second),
          "keep one row per service: delete or merge the other");
    return nullptr;
  }
  return s;
}

void Planner::read_cell(Wanted& w, FactColumn col, const Cell& cell, const std::string& now_value,
                        bool& verified_changed) {
  const std::string& header = words_.headers[static_cast<std::size_t>(col)];
  switch (col) {
    case FactColumn::id:
      break;
    case FactColumn::name:
    case FactColumn::category:
    case FactColumn::address:
      error(cell, fmt::format("{} is not changed by the worksheet (it was '{}')", header, now_value),
            fmt::format("change it in {}:{}, or put back the exported value", w.old->pos.file, w.old->pos.line));
      break;
    case FactColumn::phone: {
      w.want.phones = split_list(cell.text, ";,");
      for (const auto& p : w.want.phones)
        if (!is_valid_phone(p))
          error(cell, fmt::format("{}: '{}' is not a phone number", header, p),
                "write digits with spaces and an optional leading +, e.g. +49 241 432-0; separate numbers with ;");
      break;
    }
    case FactColumn::opening_hours: {
      const std::string f = fold(cell.text);
      if (f.empty() || f == fold(words_.unknown) || f == "unknown") {
        w.want.opening_hours.clear();
        break;
      }
      if (!check_text(cell, header, limits::max_short_text)) break;
      const auto parsed = parse_opening_hours(cell.text);
      if (const auto* e = std::get_if<OhParseError>(&parsed))
        error(cell, fmt::format("{}: '{}': at character {}: {}", header, cell.text, e->column, e->message),
              "write OpenStreetMap opening_hours, e.g. Mo-Fr 09:00-17:00; Sa 10:00-13:00");
      else
        w.want.opening_hours = cell.text;
      break;
    }
    case FactColumn::documents:
      read_documents(cell, header, w.want.documents);
      break;
    case FactColumn::anonymous:
      if (auto i = choose(cell, col, {words_.anonymous.begin(), words_.anonymous.end()}, {"yes", "no"}))
        w.want.anonymous = *i < 0 ? YesNo::unknown : *i == 0 ? YesNo::yes : YesNo::no;
      break;
    case FactColumn::fees:
      if (auto i = choose(cell, col, {words_.fees.begin(), words_.fees.end()}, {"free", "reduced", "paid"}))
        w.want.fees = static_cast<Fees>(*i + 1);
      break;
    case FactColumn::wheelchair:
      if (auto i = choose(cell, col, {words_.wheelchair.begin(), words_.wheelchair.end()}, {"yes", "limited", "no"}))
        w.want.wheelchair = static_cast<Wheelchair>(*i + 1);
      break;
    case FactColumn::fee_note: {
      if (!check_text(cell, header, limits::max_short_text)) break;
      auto& t = w.want.fee_note.by_locale;
      const std::string tag = fee_note_tag(*w.old, words_.locale);
      if (cell.text.empty())
        t.erase(tag);
      else
        t[tag] = cell.text;
      break;
    }
    case FactColumn::languages: {
      const std::string f = fold(cell.text);
      w.want.languages.clear();
      if (f.empty() || f == fold(words_.unknown) || f == "unknown") break;
      for (const auto& tag : split_list(cell.text, ";,"))
        if (is_valid_language_tag(tag))
          w.want.languages.push_back(tag);
        else
          error(cell, fmt::format("{}: '{}' is not a language code (BCP 47)", header, tag),
                "write codes like de, ar, fa, ckb, ti, ta, uk separated by ;");
      break;
    }
    case FactColumn::last_verified: {
      const auto d = parse_sheet_date(cell.text);
      if (!d) {
        error(cell, fmt::format("{}: '{}' is not a date", header, cell.text), "write YYYY-MM-DD, e.g. 2026-11-30");
      } else if (*d > today_) {
        error(cell,
              fmt::format("{}: {} lies in the future (today is {})", header, format_iso_date(*d),
                          format_iso_date(today_)),
              "write the day the facts were checked");
      } else {
        w.want.last_verified = d;
        verified_changed = true;
      }
      break;
    }
    case FactColumn::verified_by:
      if (check_text(cell, header, limits::max_name)) w.want.verified_by = cell.text;
      break;
  }
}

void Planner::read_documents(const Cell& c, const std::string& header, Documents& want) {
  const std::string f = fold(c.text);
  if (f.empty() || f == fold(words_.unknown) || f == "unknown") {
    want.known = false;
    want.required.clear();
  } else if (f == fold(words_.no_documents) || f == "none") {
    want.known = true;
    want.required.clear();
  } else {
    want.known = true;
    want.required.clear();
    for (const auto& item : split_list(c.text, ";")) {
      std::string id_found;
      for (const auto& [doc_id, word] : words_.documents)
        if (fold(item) == fold(word) || item == doc_id) id_found = doc_id;
      if (id_found.empty()) {
        std::vector<std::string> allowed;
        for (const auto& [doc_id, word] : words_.documents) allowed.push_back(word);
        error(c, fmt::format("{}: '{}' is not one of: {}", header, item, fmt::join(allowed, " | ")),
              fmt::format("write '{}', '{}', or documents from the list separated by ;", words_.no_documents,
                          words_.unknown));
      } else {
        want.required.push_back(id_found);
      }
    }
  }
}

void Planner::note_changes(Wanted& w, bool verified_cell_changed) {
  // What changed, by YAML key, as a person reads it.
  const auto before = service_cells(*w.old, b_, words_);
  const auto after = service_cells(w.want, b_, words_);
  bool facts_changed = false;
  for (std::size_t k = static_cast<std::size_t>(FactColumn::phone); k < fact_column_count; ++k) {
    if (before[k] == after[k]) continue;
    const auto col = static_cast<FactColumn>(k);
    w.changes.push_back({std::string(fact_column_key(col)), before[k], after[k]});
    facts_changed |= col != FactColumn::last_verified;
  }
  if (facts_changed && !verified_cell_changed && w.want.last_verified != today_) {
    w.want.last_verified = today_;
    w.changes.push_back(
        {"last_verified", before[static_cast<std::size_t>(FactColumn::last_verified)], format_iso_date(today_)});
  }
}

// The YAML value of a fact key of `s`; nullopt removes the key.
std::optional<YamlValue> yaml_value_of(const Service& s, std::string_view key) {
  if (key == "opening_hours")
    return s.opening_hours.empty() ? std::nullopt : std::optional<YamlValue>({yaml_scalar(s.opening_hours, true), {}});
  if (key == "phone") {
    if (s.phones.empty()) return std::nullopt;
    return YamlValue{s.phones.size() == 1 ? yaml_scalar(s.phones[0], true) : yaml_flow_list(s.phones, true), {}};
  }
  if (key == "documents") {
    if (!s.documents.known) return YamlValue{"unknown", {}};
    if (s.documents.required.empty()) return YamlValue{"none", {}};
    return YamlValue{yaml_flow_list(s.documents.required), {}};
  }
  if (key == "anonymous")
    return YamlValue{std::string(s.anonymous == YesNo::yes ? "yes" : s.anonymous == YesNo::no ? "no" : "unknown"), {}};
  if (key == "fees") {
    static constexpr std::string_view names[] = {"unknown", "free", "reduced", "paid"};
    return YamlValue{std::string(names[static_cast<int>(s.fees)]), {}};
  }
  if (key == "wheelchair") {
    static constexpr std::string_view names[] = {"unknown", "yes", "limited", "no"};
    return YamlValue{std::string(names[static_cast<int>(s.wheelchair)]), {}};
  }
  if (key == "languages")
    return s.languages.empty() ? std::nullopt : std::optional<YamlValue>({yaml_flow_list(s.languages), {}});
  if (key == "last_verified")
    return s.last_verified ? std::optional<YamlValue>({format_iso_date(*s.last_verified), {}}) : std::nullopt;
  if (key == "verified_by")
    return s.verified_by.empty() ? std::nullopt : std::optional<YamlValue>({yaml_scalar(s.verified_by), {}});
  return std::nullopt;
}

YAML::Node find_service_node(const YAML::Node& root, const std::string& id) {
  const YAML::Node list = root["services"];
  for (const auto& item : list)
    if (item.IsMap() && item["id"] && item["id"].Scalar() == id) return item;
  throw std::runtime_error(fmt::format("service '{}' not found in its file", id));
}

std::string edit_fee_note(const std::string& text, const YAML::Node& svc, const Service& old, const Service& want,
                          const std::string& locale) {
  const YAML::Node note = svc["fee_note"];
  const auto& t = want.fee_note.by_locale;
  if (t.empty()) return set_yaml_key(text, svc, "fee_note", std::nullopt, service_key_order);
  if (!note || note.IsScalar()) {
    if (t.size() == 1 && t.count("und"))
      return set_yaml_key(text, svc, "fee_note", YamlValue{yaml_scalar(t.at("und")), {}}, service_key_order);
    std::vector<std::string> nested;
    for (const auto& [tag, s] : t) nested.push_back(fmt::format("{}: {}", tag, yaml_scalar(s)));
    return set_yaml_key(text, svc, "fee_note", YamlValue{{}, nested}, service_key_order);
  }
  const std::string tag = fee_note_tag(old, locale);
  std::vector<std::string_view> order;
  for (const auto& kv : note) order.push_back(kv.first.Scalar());  // keep the editor's order of languages
  const auto it = t.find(tag);
  return set_yaml_key(text, note, tag,
                      it == t.end() ? std::nullopt : std::optional<YamlValue>({yaml_scalar(it->second), {}}), order);
}

bool same_facts(const Service& a, const Service& b) {
  return a.id == b.id && a.opening_hours == b.opening_hours && a.phones == b.phones &&
         a.documents.known == b.documents.known && a.documents.required == b.documents.required &&
         a.anonymous == b.anonymous && a.fees == b.fees && a.fee_note.by_locale == b.fee_note.by_locale &&
         a.languages == b.languages && a.wheelchair == b.wheelchair && a.last_verified == b.last_verified &&
         a.verified_by == b.verified_by && a.name.by_locale == b.name.by_locale && a.category == b.category;
}

void Planner::edit_files() {
  std::map<std::string, std::vector<const Wanted*>> by_file;
  for (const auto& w : wanted_) by_file[w.old->pos.file].push_back(&w);
  for (const auto& [file, list] : by_file) {
    std::string text;
    try {
      text = read_file(file, std::size_t(16) << 20);
      for (const Wanted* w : list) {
        for (const auto& change : w->changes) {
          const YAML::Node svc = find_service_node(YAML::Load(text), w->old->id);
          if (change.key == "fee_note")
            text = edit_fee_note(text, svc, *w->old, w->want, out_.locale);
          else
            text = set_yaml_key(text, svc, change.key, yaml_value_of(w->want, change.key), service_key_order);
        }
      }
      // Read the new text back as the kiosk will, and compare: the edit must say exactly what was meant.
      Diagnostics diags;
      const auto parsed = parse_yaml_text(text, file, diags);
      Bundle back;
      if (parsed) read_services_yaml(*parsed, back, diags);
      Bundle before;
      for (const auto& s : b_.services)
        if (s.pos.file == file) before.services.push_back(s);
      for (const Wanted* w : list)
        for (auto& s : before.services)
          if (s.id == w->old->id) s = w->want;
      bool same = !diags.has_errors() && back.services.size() == before.services.size();
      for (std::size_t i = 0; same && i < back.services.size(); ++i)
        same = same_facts(back.services[i], before.services[i]);
      if (!same) {
        std::string why = diags.items.empty() ? "" : format_diagnostic(diags.items.front());
        out_.diags.error({file, list.front()->old->pos.line, 0}, "edit-failed",
                         fmt::format("the worksheet's changes to this file did not read back as intended{}{}",
                                     why.empty() ? "" : ": ", why),
                         "nothing was written; please report this with the file");
        continue;
      }
      out_.files[file] = text;
    } catch (const std::exception& e) {
      out_.diags.error({file, list.front()->old->pos.line, 0}, "edit-failed",
                       fmt::format("cannot change this file: {}", e.what()), "nothing was written");
    }
  }
}

FactsImport Planner::run(const CsvTable& table) {
  std::size_t header_row = 0;
  if (!read_header(table, header_row)) return std::move(out_);
  for (std::size_t r = header_row + 1; r < table.rows.size(); ++r) {
    const auto& raw = table.rows[r];
    if (raw.empty() || trim(raw[0]).starts_with("#")) continue;
    if (std::all_of(raw.begin(), raw.end(), [](const std::string& c) { return trim(c).empty(); })) continue;
    read_row(raw, static_cast<int>(r) + 1);
  }
  if (out_.diags.has_errors()) return std::move(out_);
  edit_files();
  if (out_.diags.has_errors()) {
    out_.files.clear();
    return std::move(out_);
  }
  for (const auto& w : wanted_) out_.updates.push_back({w.old->id, w.old->pos.file, w.row, w.changes});
  return std::move(out_);
}

}  // namespace

FactsImport plan_facts_import(const CsvTable& sheet, const std::string& sheet_name, const Bundle& b,
                              const Catalogs& catalogs, const Date& today) {
  return Planner(sheet_name, b, catalogs, today).run(sheet);
}

void write_facts_import(const FactsImport& plan) {
  if (!plan.ok()) throw std::logic_error("a worksheet with errors is never written");
  for (const auto& [file, text] : plan.files) write_file_durably(file, text);
}

}  // namespace kiosk
