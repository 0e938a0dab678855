#include "core/import/hsds_read.h"

#include <fmt/format.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <stdexcept>
#include <utility>

namespace kiosk {
namespace {

namespace fs = std::filesystem;
using json = nlohmann::json;

// HSDS 3 tables by their plural names; the singular ones (schema names, some file names) and HSDS 2's
// names point at them.
std::string table_for(const std::string& name) {
  static const std::set<std::string> tables = {
      "services",         "organizations",  "locations",  "service_at_locations",
      "schedules",        "phones",         "languages",  "required_documents",
      "cost_options",     "accessibility",  "addresses",  "contacts",
      "attributes",       "taxonomy_terms", "taxonomies", "programs",
      "funding",          "service_areas",  "metadata",   "organization_identifiers",
      "service_capacity", "units",          "urls",       "meta_table_descriptions"};
  static const std::map<std::string, std::string> aliases = {{"service", "services"},
                                                             {"organization", "organizations"},
                                                             {"location", "locations"},
                                                             {"service_at_location", "service_at_locations"},
                                                             {"schedule", "schedules"},
                                                             {"phone", "phones"},
                                                             {"language", "languages"},
                                                             {"required_document", "required_documents"},
                                                             {"cost_option", "cost_options"},
                                                             {"accessibility_for_disabilities", "accessibility"},
                                                             {"address", "addresses"},
                                                             {"contact", "contacts"},
                                                             {"attribute", "attributes"},
                                                             {"taxonomy_term", "taxonomy_terms"},
                                                             {"taxonomy", "taxonomies"},
                                                             {"program", "programs"},
                                                             {"service_area", "service_areas"},
                                                             {"organization_identifier", "organization_identifiers"},
                                                             {"unit", "units"},
                                                             {"url", "urls"},
                                                             {"meta_table_description", "meta_table_descriptions"}};
  if (tables.count(name)) return name;
  const auto it = aliases.find(name);
  return it == aliases.end() ? std::string() : it->second;
}

// Records nested in a record, and how they link: either the child names its parent (child_link) or the
// parent names the child (parent_link).
struct Nesting {
  const char* parent;
  const char* key;
  const char* child;
  const char* child_link;
  const char* parent_link;
};

constexpr Nesting nestings[] = {
    {"services", "organization", "organizations", nullptr, "organization_id"},
    {"services", "service_at_locations", "service_at_locations", "service_id", nullptr},
    {"services", "schedules", "schedules", "service_id", nullptr},
    {"services", "phones", "phones", "service_id", nullptr},
    {"services", "languages", "languages", "service_id", nullptr},
    {"services", "required_documents", "required_documents", "service_id", nullptr},
    {"services", "cost_options", "cost_options", "service_id", nullptr},
    {"services", "contacts", "contacts", "service_id", nullptr},
    {"services", "attributes", "attributes", "link_id", nullptr},
    {"service_at_locations", "location", "locations", nullptr, "location_id"},
    {"service_at_locations", "schedules", "schedules", "service_at_location_id", nullptr},
    {"service_at_locations", "phones", "phones", "service_at_location_id", nullptr},
    {"service_at_locations", "contacts", "contacts", "service_at_location_id", nullptr},
    {"service_at_locations", "attributes", "attributes", "link_id", nullptr},
    {"locations", "addresses", "addresses", "location_id", nullptr},
    {"locations", "phones", "phones", "location_id", nullptr},
    {"locations", "languages", "languages", "location_id", nullptr},
    {"locations", "accessibility", "accessibility", "location_id", nullptr},
    {"locations", "schedules", "schedules", "location_id", nullptr},
    {"locations", "contacts", "contacts", "location_id", nullptr},
    {"locations", "attributes", "attributes", "link_id", nullptr},
    {"organizations", "services", "services", "organization_id", nullptr},
    {"organizations", "locations", "locations", "organization_id", nullptr},
    {"organizations", "phones", "phones", "organization_id", nullptr},
    {"organizations", "contacts", "contacts", "organization_id", nullptr},
    {"organizations", "attributes", "attributes", "link_id", nullptr},
    {"phones", "languages", "languages", "phone_id", nullptr},
    {"contacts", "phones", "phones", "contact_id", nullptr},
    {"attributes", "taxonomy_term", "taxonomy_terms", nullptr, "taxonomy_term_id"},
};

bool empty_value(const json& v) {
  return v.is_null() || (v.is_string() && v.get<std::string>().empty());
}

class Reader {
 public:
  HsdsTables out;

  void add(const std::string& table, json record, const std::string& file, const std::string& where) {
    if (!record.is_object()) {
      out.errors.push_back(fmt::format("{}: {} is not a JSON object", file, where));
      return;
    }
    const std::string id = hsds_text(record, "id");
    if (id.empty()) {
      out.errors.push_back(fmt::format("{}: {} has no id", file, where));
      return;
    }
    record["id"] = id;
    const std::string self = fmt::format("{} '{}'", hsds_record_name(table), id);
    if (table == "services" && hsds_text(record, "name").empty())
      out.errors.push_back(fmt::format("{}: {} has no name", file, self));

    for (const auto& n : nestings) {
      if (table != n.parent || !record.contains(n.key)) continue;
      json nested = std::move(record[n.key]);
      record.erase(n.key);
      if (nested.is_null()) continue;
      if (n.parent_link) {  // one record
        if (!nested.is_object()) {
          out.errors.push_back(fmt::format("{}: {}: '{}' must be an object", file, self, n.key));
          continue;
        }
        if (empty_value(record.value(n.parent_link, json())) && !hsds_text(nested, "id").empty())
          record[n.parent_link] = hsds_text(nested, "id");
        add(n.child, std::move(nested), file, fmt::format("{}'s {}", self, n.key));
        continue;
      }
      if (!nested.is_array()) {
        out.errors.push_back(fmt::format("{}: {}: '{}' must be a list", file, self, n.key));
        continue;
      }
      for (std::size_t i = 0; i < nested.size(); ++i) {
        json child = std::move(nested[i]);
        if (child.is_object()) {
          if (empty_value(child.value(n.child_link, json()))) child[n.child_link] = id;
          if (std::string(n.child) == "attributes" && empty_value(child.value("link_entity", json())))
            child["link_entity"] = hsds_record_name(table);
        }
        add(n.child, std::move(child), file, fmt::format("{}'s {}[{}]", self, n.key, i));
      }
    }
    if (!seen_.insert({table, id}).second) return;  // the same record nested again
    out.tables[table].push_back({std::move(record), file});
  }

  void add_list(const std::string& table, const json& list, const std::string& file) {
    for (std::size_t i = 0; i < list.size(); ++i) add(table, list[i], file, fmt::format("{}[{}]", table, i));
  }

  void read_file(const fs::path& path, const std::string& table_of_file) {
    const std::string file = path.generic_string();
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + file);
    std::stringstream text;
    text << in.rdbuf();
    json doc;
    try {
      doc = json::parse(text.str());
    } catch (const json::parse_error& e) {
      std::string what = e.what();
      if (const auto end = what.find("] "); what.rfind("[json.exception", 0) == 0 && end != std::string::npos)
        what.erase(0, end + 2);
      out.errors.push_back(fmt::format("{}: not valid JSON: {}", file, what));
      return;
    }
    if (doc.is_object() && doc.contains("contents") && doc["contents"].is_array()) doc = doc["contents"];  // API page

    if (!table_of_file.empty()) {
      if (!doc.is_array()) {
        out.errors.push_back(fmt::format("{}: expected a list of {} records", file, hsds_record_name(table_of_file)));
        return;
      }
      add_list(table_of_file, doc, file);
      return;
    }
    if (doc.is_array()) {
      add_list("services", doc, file);
      return;
    }
    if (!doc.is_object()) {
      out.errors.push_back(fmt::format("{}: expected HSDS services or a dataset, not a single value", file));
      return;
    }
    bool dataset = false;
    for (const auto& [key, value] : doc.items()) dataset |= !table_for(key).empty() && value.is_array();
    for (const auto& [key, value] : doc.items()) {
      if (!dataset && !table_for(key).empty() && !value.is_array() && !doc.contains("id")) {
        out.errors.push_back(fmt::format("{}: '{}' must be a list of records", file, key));
        return;
      }
    }
    if (!dataset) {  // one compiled record
      add(doc.contains("services") ? "organizations" : "services", doc, file, "the record");
      return;
    }
    for (const auto& [key, value] : doc.items()) {
      const std::string table = table_for(key);
      if (table.empty() || !value.is_array())
        out.notes.push_back(fmt::format("{}: '{}' is not an HSDS table; ignored", file, key));
      else
        add_list(table, value, file);
    }
  }

 private:
  std::set<std::pair<std::string, std::string>> seen_;
};

}  // namespace

const std::vector<HsdsRecord>& HsdsTables::table(const std::string& name) const {
  static const std::vector<HsdsRecord> none;
  const auto it = tables.find(name);
  return it == tables.end() ? none : it->second;
}

std::string hsds_record_name(const std::string& table) {
  if (table == "accessibility" || table == "funding" || table == "metadata" || table == "service_capacity")
    return table;
  if (table == "addresses") return "address";
  if (table == "taxonomies") return "taxonomy";
  return table.substr(0, table.size() - 1);
}

std::string hsds_text(const json& record, const char* key) {
  if (!record.is_object()) return {};
  const auto it = record.find(key);
  if (it == record.end()) return {};
  if (it->is_string()) return it->get<std::string>();
  if (it->is_number_integer()) return std::to_string(it->get<long long>());
  if (it->is_number_unsigned()) return std::to_string(it->get<unsigned long long>());
  if (it->is_number_float()) return it->dump();
  return {};
}

HsdsTables read_hsds(const fs::path& path) {
  Reader reader;
  std::error_code ec;
  if (fs::is_directory(path, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(path))
      if (e.is_regular_file() && e.path().extension() == ".json") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    if (files.empty())
      reader.out.errors.push_back(fmt::format("{}: no .json files in this folder", path.generic_string()));
    for (const auto& f : files) {
      const std::string table = table_for(f.stem().string());
      if (table.empty())
        reader.out.notes.push_back(fmt::format("{}: not an HSDS table; ignored", f.generic_string()));
      else
        reader.read_file(f, table);
    }
  } else {
    reader.read_file(path, "");
  }
  return std::move(reader.out);
}

}  // namespace kiosk
