#include "core/import/hsds_import.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <yaml-cpp/yaml.h>

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <optional>
#include <set>
#include <utility>
#include <variant>

#include "core/base/language_tag.h"
#include "core/base/limits.h"
#include "core/hours/opening_hours.h"
#include "core/i18n/contact_format.h"
#include "core/import/hsds_facts.h"
#include "core/import/hsds_read.h"
#include "core/import/hsds_schedule.h"
#include "core/import/service_yaml.h"

namespace kiosk {

HsdsInputError::HsdsInputError(std::vector<std::string> p)
    : std::runtime_error(p.empty() ? std::string("invalid HSDS data") : p.front()), problems(std::move(p)) {}

namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// The fields the importer reads, per table; any other field with a value is reported as dropped.
const std::map<std::string, std::set<std::string>>& read_fields() {
  static const std::map<std::string, std::set<std::string>> fields = {
      {"services",
       {"id", "organization_id", "name", "description", "url", "email", "status", "fees_description", "fees",
        "assured_date"}},
      {"organizations", {"id", "website", "email"}},
      {"locations", {"id", "organization_id", "location_type", "name", "latitude", "longitude"}},
      {"service_at_locations", {"id", "service_id", "location_id"}},
      {"schedules",
       {"id", "service_id", "location_id", "service_at_location_id", "freq", "byday", "bymonthday", "byweekno",
        "byyearday", "interval", "count", "wkst", "opens_at", "closes_at", "valid_from", "valid_to", "dtstart",
        "until"}},
      {"phones",
       {"id", "service_id", "location_id", "organization_id", "service_at_location_id", "contact_id", "number",
        "type"}},
      {"languages", {"id", "service_id", "location_id", "phone_id", "name", "code"}},
      {"required_documents", {"id", "service_id", "document"}},
      {"cost_options", {"id", "service_id", "option", "amount", "currency", "amount_description"}},
      {"accessibility", {"id", "location_id", "description", "details"}},
      {"addresses", {"id", "location_id", "address_1", "address_2", "city", "postal_code", "address_type"}},
      {"attributes", {"id", "link_id", "link_type", "link_entity", "taxonomy_term_id"}},
      {"taxonomy_terms", {"id", "code", "name"}},
  };
  return fields;
}

// Free texts: read only when their language is known.
bool is_free_text(const std::string& table, const std::string& field) {
  return (table == "services" && (field == "description" || field == "fees_description" || field == "fees")) ||
         (table == "cost_options" && (field == "option" || field == "amount_description"));
}

std::string lower(std::string s) {
  for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return s;
}

std::string trim(const std::string& s) {
  const auto b = s.find_first_not_of(" \t\r\n");
  if (b == std::string::npos) return {};
  return s.substr(b, s.find_last_not_of(" \t\r\n") - b + 1);
}

std::size_t code_points(const std::string& s) {
  return static_cast<std::size_t>(
      std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

// A number written as a JSON number or, as tabular data converted from CSV has it, as text.
std::optional<double> number_field(const json& record, const char* key, bool& bad) {
  bad = false;
  const auto it = record.find(key);
  if (it == record.end() || it->is_null()) return std::nullopt;
  if (it->is_number()) return it->get<double>();
  const std::string text = trim(hsds_text(record, key));
  if (text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(text.c_str(), &end);
  if (end != text.c_str() + text.size()) {
    bad = true;
    return std::nullopt;
  }
  return v;
}

// "2025-03-01", also at the start of a date-time ("2025-03-01T10:00:00Z").
bool starts_with_date(const std::string& s) {
  if (s.size() < 10) return false;
  for (std::size_t i : {0u, 1u, 2u, 3u, 5u, 6u, 8u, 9u})
    if (!std::isdigit(static_cast<unsigned char>(s[i]))) return false;
  const int m = std::atoi(s.substr(5, 2).c_str()), day = std::atoi(s.substr(8, 2).c_str());
  return s[4] == '-' && s[7] == '-' && m >= 1 && m <= 12 && day >= 1 && day <= 31 &&
         (s.size() == 10 || s[10] == 'T' || s[10] == ' ');
}

std::set<std::string> bundle_categories(const fs::path& out_dir) {
  std::set<std::string> ids;
  try {
    const YAML::Node root = YAML::LoadFile((out_dir / "categories.yaml").string());
    for (const auto& c : root["categories"])
      if (c["id"] && c["id"].IsScalar()) ids.insert(c["id"].Scalar());
  } catch (const YAML::Exception&) {
    // No categories.yaml yet (or a broken one, which validation reports): only --category applies.
  }
  return ids;
}

// Records by id and by the ids they link to, so that joining stays linear in the data.
class Index {
 public:
  explicit Index(const HsdsTables& data) {
    for (const auto& [table, records] : data.tables) {
      for (const auto& r : records) {
        by_id_[table].emplace(r.data["id"].get<std::string>(), &r);
        for (const auto& [key, value] : r.data.items())
          if (key.size() > 3 && key.compare(key.size() - 3, 3, "_id") == 0 && value.is_string())
            by_link_[table + "." + key].emplace(value.get<std::string>(), &r);
      }
    }
  }

  [[nodiscard]] const HsdsRecord* find(const std::string& table, const std::string& id) const {
    const auto t = by_id_.find(table);
    if (t == by_id_.end()) return nullptr;
    const auto it = t->second.find(id);
    return it == t->second.end() ? nullptr : it->second;
  }

  // In input order.
  [[nodiscard]] std::vector<const HsdsRecord*> linked(const std::string& table, const std::string& field,
                                                      const std::string& id) const {
    std::vector<const HsdsRecord*> out;
    const auto t = by_link_.find(table + "." + field);
    if (t == by_link_.end() || id.empty()) return out;
    const auto [b, e] = t->second.equal_range(id);
    for (auto it = b; it != e; ++it) out.push_back(it->second);
    return out;
  }

 private:
  std::map<std::string, std::map<std::string, const HsdsRecord*>> by_id_;
  std::map<std::string, std::multimap<std::string, const HsdsRecord*>> by_link_;
};

struct Place {
  const HsdsRecord* at = nullptr;  // service_at_location
  const HsdsRecord* location = nullptr;
  double lat = 0, lon = 0;
};

class Mapper {
 public:
  Mapper(const HsdsImportOptions& o, const Index& idx, HsdsImportReport& report)
      : o_(o), idx_(idx), report_(report), categories_(bundle_categories(o.out_dir)) {}

  std::vector<std::string> errors;
  std::vector<std::pair<ImportedService, std::string>> services;  // with their file header

  void map(const HsdsRecord& s) {
    const json& d = s.data;
    sid_ = hsds_text(d, "id");
    label_ = fmt::format("service '{}' ({})", sid_, hsds_text(d, "name"));
    const std::string name = trim(hsds_text(d, "name"));
    if (name.empty()) return;  // reported by the reader

    if (const std::string status = lower(trim(hsds_text(d, "status"))); !status.empty() && status != "active")
      return skip(fmt::format("status '{}': not imported", status));
    const std::string category = category_of();
    if (category.empty())
      return skip("none of its taxonomy terms is a category of the bundle and no --category was given: not imported");
    if (code_points(name) > limits::max_name)
      return skip(fmt::format("name longer than {} characters: not imported", limits::max_name));

    const auto places = places_of();
    if (places.empty()) return;

    ImportedService common;
    common.category = category;
    if (!o_.text_language.empty()) {
      if (const std::string text = clean(hsds_text(d, "description")); !text.empty()) {
        if (code_points(text) <= limits::max_description)
          common.description.emplace(o_.text_language, text);
        else
          warn(fmt::format("description longer than {} characters; left out", limits::max_description));
      }
    }
    contacts(s, common);
    costs(s, common);
    documents(common);
    if (const std::string assured = trim(hsds_text(d, "assured_date")); !assured.empty()) {
      if (starts_with_date(assured))
        common.last_verified = assured.substr(0, 10);
      else
        warn(fmt::format("assured_date '{}' is not a date (YYYY-MM-DD); left out", assured));
    }

    for (const auto& p : places) {
      ImportedService out = common;
      const std::string lid = hsds_text(p.location->data, "id");
      const std::string loc_name = trim(hsds_text(p.location->data, "name"));
      out.name.emplace("und", places.size() > 1 && !loc_name.empty() && loc_name != name
                                  ? fmt::format("{} – {}", name, loc_name)
                                  : name);
      out.lat = p.lat;
      out.lon = p.lon;
      address(*p.location, out);
      out.opening_hours = hours(p);
      place_phones(s, p, out);
      place_languages(*p.location, out);
      out.wheelchair = wheelchair(*p.location);
      out.source = fmt::format("hsds:service/{}/location/{}", sid_, lid);
      out.id = unique_id(name, places.size() > 1 ? hsds_text(p.at->data, "id") : sid_);
      const std::string header = fmt::format(
          "# Imported from Open Referral HSDS data (service {}, location {}).\n"
          "# Facts not in the data are left out (unknown); a re-import replaces this file.\n",
          sid_, lid);
      services.emplace_back(std::move(out), header);
    }
  }

 private:
  void warn(const std::string& what) {
    const std::string w = fmt::format("{}: {}", label_, what);
    if (std::find(report_.warnings.begin(), report_.warnings.end(), w) == report_.warnings.end())
      report_.warnings.push_back(w);
  }
  void skip(const std::string& what) {
    warn(what);
    ++report_.skipped;
  }
  void error(const HsdsRecord& r, const std::string& what) {
    const std::string e = fmt::format("{}: {}", r.file, what);
    if (std::find(errors.begin(), errors.end(), e) == errors.end()) errors.push_back(e);
  }

  // Texts with bidi controls could show differently from what they say; the validator refuses them.
  std::string clean(const std::string& text) {
    std::string out;
    bool dropped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const auto b = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
      if (i + 2 < text.size() && b(i) == 0xE2 &&
          ((b(i + 1) == 0x80 && b(i + 2) >= 0xAA && b(i + 2) <= 0xAE) ||
           (b(i + 1) == 0x81 && b(i + 2) >= 0xA6 && b(i + 2) <= 0xA9))) {
        dropped = true;
        i += 2;
        continue;
      }
      out += text[i];
    }
    if (dropped) warn("bidi control characters removed from a text");
    return trim(out);
  }

  std::string category_of() {
    for (const auto* a : idx_.linked("attributes", "link_id", sid_)) {
      const std::string entity = hsds_text(a->data, "link_entity");
      if (!entity.empty() && entity != "service") continue;
      const auto* term = idx_.find("taxonomy_terms", hsds_text(a->data, "taxonomy_term_id"));
      if (!term) continue;
      for (const char* key : {"code", "name"})
        if (const std::string v = lower(trim(hsds_text(term->data, key))); categories_.count(v)) return v;
    }
    return o_.default_category;
  }

  std::vector<Place> places_of() {
    std::vector<Place> out;
    const auto ats = idx_.linked("service_at_locations", "service_id", sid_);
    for (const auto* at : ats) {
      const std::string lid = hsds_text(at->data, "location_id");
      const auto* loc = idx_.find("locations", lid);
      if (!loc) {
        error(*at, fmt::format("service_at_location '{}' names location '{}', which is not in the data",
                               hsds_text(at->data, "id"), lid));
        continue;
      }
      if (const std::string type = lower(hsds_text(loc->data, "location_type"));
          type == "virtual" || type == "postal") {
        warn(fmt::format("location '{}' is {}, not a place to go to; left out", lid, type));
        continue;
      }
      bool bad_lat = false, bad_lon = false;
      const auto lat = number_field(loc->data, "latitude", bad_lat);
      const auto lon = number_field(loc->data, "longitude", bad_lon);
      if (bad_lat || bad_lon || (lat && (*lat < -90 || *lat > 90)) || (lon && (*lon < -180 || *lon > 180))) {
        error(*loc,
              fmt::format("location '{}': latitude/longitude '{}', '{}' are not WGS84 degrees", lid,
                          loc->data.value("latitude", json()).dump(), loc->data.value("longitude", json()).dump()));
        continue;
      }
      if (!lat || !lon) {
        warn(fmt::format("location '{}' has no latitude/longitude (the kiosk shows each service on the map); left out",
                         lid));
        continue;
      }
      out.push_back({at, loc, *lat, *lon});
    }
    if (out.empty()) {
      skip(ats.empty() ? "no service_at_location, so no place to show: not imported"
                       : "none of its locations is a place with coordinates: not imported");
    }
    return out;
  }

  void contacts(const HsdsRecord& s, ImportedService& out) {
    const HsdsRecord* org = idx_.find("organizations", hsds_text(s.data, "organization_id"));
    // The service's own address first; the organization's when the service has none.
    for (const auto& [rec, key] : {std::pair{&s, "url"}, std::pair{org, "website"}}) {
      if (!rec) continue;
      const std::string url = trim(hsds_text(rec->data, key));
      if (url.empty()) continue;
      if (is_valid_web_url(url)) {
        out.website = url;
        break;
      }
      warn(fmt::format("website '{}' is not a web address; left out", url));
    }
    for (const HsdsRecord* rec : {&s, org}) {
      if (!rec) continue;
      const std::string email = trim(hsds_text(rec->data, "email"));
      if (email.empty()) continue;
      if (is_valid_email(email)) {
        out.email = email;
        break;
      }
      warn(fmt::format("e-mail '{}' is not an e-mail address; left out", email));
    }
  }

  void costs(const HsdsRecord& s, ImportedService& out) {
    std::vector<std::optional<double>> amounts;
    std::vector<std::string> notes;  // one per cost option that says something
    for (const auto* c : idx_.linked("cost_options", "service_id", sid_)) {
      bool bad = false;
      const auto amount = number_field(c->data, "amount", bad);
      if (bad) error(*c, fmt::format("cost_option '{}': amount is not a number", hsds_text(c->data, "id")));
      amounts.push_back(amount);
      std::string part = trim(hsds_text(c->data, "option"));
      if (amount) {
        const std::string currency = trim(hsds_text(c->data, "currency"));
        std::string upper_currency;
        for (char ch : currency) upper_currency += static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        part += fmt::format("{}{:.2f}{}{}", part.empty() ? "" : ": ", *amount, upper_currency.empty() ? "" : " ",
                            upper_currency);
      }
      if (const std::string per = trim(hsds_text(c->data, "amount_description")); !per.empty())
        part += (part.empty() ? "" : " ") + per;
      if (!part.empty()) notes.push_back(part);
    }
    out.fees = fees_from_amounts(amounts);
    if (o_.text_language.empty()) return;
    // The publisher's own words when there are any; else what the cost options say.
    std::string text = clean(hsds_text(s.data, "fees_description"));
    if (text.empty()) text = clean(hsds_text(s.data, "fees"));
    if (text.empty()) text = clean(fmt::format("{}", fmt::join(notes, "; ")));
    if (text.empty()) return;
    if (code_points(text) > limits::max_short_text)
      warn(fmt::format("fee text longer than {} characters; left out", limits::max_short_text));
    else
      out.fee_note.emplace(o_.text_language, text);
  }

  void documents(ImportedService& out) {
    const auto docs = idx_.linked("required_documents", "service_id", sid_);
    if (docs.empty()) return;  // HSDS has no way to say "none needed" but to say it in a record
    std::vector<std::string> words;
    for (const auto* r : docs) {
      const std::string text = trim(hsds_text(r->data, "document"));
      const auto found = documents_in_text(text);
      if (found.empty() && says_no_documents(text)) continue;
      if (found.empty()) {
        // A partial list would tell a resident that less is needed than is: all or nothing.
        warn(
            fmt::format("required document '{}' is none of the bundle's document words; documents left unknown", text));
        return;
      }
      for (const auto& w : found)
        if (std::find(words.begin(), words.end(), w) == words.end()) words.push_back(w);
    }
    out.documents = words;
  }

  void address(const HsdsRecord& loc, ImportedService& out) {
    for (const auto* a : idx_.linked("addresses", "location_id", hsds_text(loc.data, "id"))) {
      const std::string type = lower(hsds_text(a->data, "address_type"));
      if (!type.empty() && type != "physical") continue;
      out.street = trim(hsds_text(a->data, "address_1"));
      if (const std::string more = trim(hsds_text(a->data, "address_2")); !more.empty())
        out.street += (out.street.empty() ? "" : ", ") + more;
      out.postcode = trim(hsds_text(a->data, "postal_code"));
      out.city = trim(hsds_text(a->data, "city"));
      return;
    }
  }

  // The most specific schedules: of this service at this place, else of the service, else of the place.
  std::string hours(const Place& p) {
    auto records = idx_.linked("schedules", "service_at_location_id", hsds_text(p.at->data, "id"));
    if (records.empty()) {
      for (const auto* r : idx_.linked("schedules", "service_id", sid_))
        if (hsds_text(r->data, "service_at_location_id").empty()) records.push_back(r);
    }
    if (records.empty()) {
      for (const auto* r : idx_.linked("schedules", "location_id", hsds_text(p.location->data, "id")))
        if (hsds_text(r->data, "service_id").empty() && hsds_text(r->data, "service_at_location_id").empty())
          records.push_back(r);
    }
    std::vector<HsdsSchedule> schedules;
    for (const auto* r : records) {
      const json& d = r->data;
      HsdsSchedule h;
      h.id = hsds_text(d, "id");
      h.freq = hsds_text(d, "freq");
      h.byday = hsds_text(d, "byday");
      h.bymonthday = hsds_text(d, "bymonthday");
      h.byweekno = hsds_text(d, "byweekno");
      h.byyearday = hsds_text(d, "byyearday");
      h.interval = hsds_text(d, "interval");
      h.count = hsds_text(d, "count");
      h.opens_at = hsds_text(d, "opens_at");
      h.closes_at = hsds_text(d, "closes_at");
      h.valid_from = hsds_text(d, "valid_from");
      h.valid_to = hsds_text(d, "valid_to");
      h.dtstart = hsds_text(d, "dtstart");
      h.until = hsds_text(d, "until");
      h.description = hsds_text(d, "description");
      // Each schedule's errors name the file it came from.
      for (const auto& e : schedules_to_opening_hours({h}).errors) error(*r, fmt::format("{}: {}", label_, e));
      schedules.push_back(std::move(h));
    }
    if (schedules.empty()) return {};
    auto conversion = schedules_to_opening_hours(schedules);
    for (const auto& w : conversion.warnings) warn(w);
    if (!conversion.errors.empty() || conversion.opening_hours.empty()) return {};
    const auto parsed = parse_opening_hours(conversion.opening_hours);
    if (const auto* bad = std::get_if<OhParseError>(&parsed)) {
      warn(fmt::format("opening_hours '{}' does not read back ({}); left out", conversion.opening_hours, bad->message));
      return {};
    }
    return conversion.opening_hours;
  }

  void add_phone(const HsdsRecord& r, ImportedService& out) {
    const std::string type = lower(hsds_text(r.data, "type"));
    if (type == "fax" || type == "pager") return;  // not for calling
    const std::string number = trim(hsds_text(r.data, "number"));
    if (number.empty()) return;
    if (!is_valid_phone(number)) {
      warn(fmt::format("phone '{}' is not a phone number; left out", number));
      return;
    }
    if (std::find(out.phones.begin(), out.phones.end(), number) == out.phones.end()) out.phones.push_back(number);
  }

  void place_phones(const HsdsRecord& s, const Place& p, ImportedService& out) {
    for (const auto* r : idx_.linked("phones", "service_at_location_id", hsds_text(p.at->data, "id")))
      add_phone(*r, out);
    for (const auto* r : idx_.linked("phones", "service_id", sid_))
      if (hsds_text(r->data, "service_at_location_id").empty()) add_phone(*r, out);
    for (const auto* r : idx_.linked("phones", "location_id", hsds_text(p.location->data, "id")))
      if (hsds_text(r->data, "service_id").empty() && hsds_text(r->data, "service_at_location_id").empty())
        add_phone(*r, out);
    if (out.phones.empty())  // the organization's switchboard, when nothing nearer is known
      for (const auto* r : idx_.linked("phones", "organization_id", hsds_text(s.data, "organization_id")))
        if (hsds_text(r->data, "service_id").empty() && hsds_text(r->data, "location_id").empty()) add_phone(*r, out);
  }

  void place_languages(const HsdsRecord& loc, ImportedService& out) {
    auto records = idx_.linked("languages", "service_id", sid_);
    for (const auto* r : idx_.linked("languages", "location_id", hsds_text(loc.data, "id")))
      if (hsds_text(r->data, "service_id").empty()) records.push_back(r);
    for (const auto* r : records) {
      // A language of a phone line is spoken on the phone, not necessarily at the counter.
      if (!hsds_text(r->data, "phone_id").empty()) continue;
      const std::string code = trim(hsds_text(r->data, "code"));
      const std::string tag = language_tag_for_code(code);
      if (tag.empty()) {
        warn(code.empty() ? fmt::format("language '{}' has no code; left out", hsds_text(r->data, "name"))
                          : fmt::format("language code '{}' is not a language; left out", code));
        continue;
      }
      if (std::find(out.languages.begin(), out.languages.end(), tag) == out.languages.end())
        out.languages.push_back(tag);
    }
  }

  std::string wheelchair(const HsdsRecord& loc) {
    std::set<std::string> said;
    bool any = false;
    for (const auto* r : idx_.linked("accessibility", "location_id", hsds_text(loc.data, "id"))) {
      any = true;
      const std::string w = wheelchair_in_text(hsds_text(r->data, "description") + " " + hsds_text(r->data, "details"));
      if (!w.empty()) said.insert(w);
    }
    if (said.size() == 1) return *said.begin();
    if (said.size() > 1) return "limited";  // parts are, parts are not
    if (any)
      warn(fmt::format("the accessibility of location '{}' does not say whether a wheelchair gets in; left unknown",
                       hsds_text(loc.data, "id")));
    return {};
  }

  std::string unique_id(const std::string& name, const std::string& hsds_id) {
    std::string base = slugger_.slug(name);
    if (base.empty()) base = "service";
    // Short ids as they are; of long ones (UUIDs) the last eight characters, which tell the records of a
    // city apart also where a publisher numbers them ("...-000123").
    std::string suffix;
    for (char c : slugger_.slug(hsds_id))
      if (c != '-') suffix += c;
    if (suffix.size() > 12) suffix.erase(0, suffix.size() - 8);
    std::string id = suffix.empty() ? base : base + "-" + suffix;
    for (int n = 2; !ids_.insert(id).second; ++n) id = fmt::format("{}-{}-{}", base, suffix, n);
    return id;
  }

  const HsdsImportOptions& o_;
  const Index& idx_;
  HsdsImportReport& report_;
  std::set<std::string> categories_;
  Slugger slugger_;
  std::set<std::string> ids_;
  std::string sid_, label_;
};

void count_dropped(const HsdsTables& data, bool texts, HsdsImportReport& report) {
  for (const auto& [table, records] : data.tables) {
    const auto fields = read_fields().find(table);
    const std::string name = hsds_record_name(table);
    if (fields == read_fields().end()) {
      report.dropped_fields[fmt::format("{} (every field)", name)] += records.size();
      continue;
    }
    for (const auto& r : records) {
      for (const auto& [key, value] : r.data.items()) {
        if (value.is_null() || (value.is_string() && value.get<std::string>().empty()) ||
            ((value.is_array() || value.is_object()) && value.empty()))
          continue;
        if (fields->second.count(key) && (texts || !is_free_text(table, key))) continue;
        ++report.dropped_fields[fmt::format("{}.{}", name, key)];
      }
    }
  }
}

}  // namespace

HsdsImportReport import_hsds(const HsdsImportOptions& options) {
  if (!options.text_language.empty() && !is_valid_language_tag(options.text_language))
    throw std::runtime_error(fmt::format("text language '{}' is not a BCP 47 language tag", options.text_language));
  HsdsImportReport report;
  const HsdsTables data = read_hsds(options.in);
  report.notes = data.notes;
  const Index index(data);
  Mapper mapper(options, index, report);
  for (const auto& s : data.table("services")) mapper.map(s);

  std::vector<std::string> problems = data.errors;
  problems.insert(problems.end(), mapper.errors.begin(), mapper.errors.end());
  if (!problems.empty()) throw HsdsInputError(std::move(problems));
  count_dropped(data, !options.text_language.empty(), report);

  auto& services = mapper.services;
  std::sort(services.begin(), services.end(), [](const auto& a, const auto& b) { return a.first.id < b.first.id; });
  const fs::path dir = options.out_dir / "services";
  fs::create_directories(dir);
  remove_imported_files(dir, "hsds-");
  for (const auto& [service, header] : services) {
    write_service_file(dir, "hsds-", header, service);
    ++report.services;
    ++report.per_category[service.category];
  }
  return report;
}

}  // namespace kiosk
