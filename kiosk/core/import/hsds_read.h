#pragma once
// Reads Open Referral HSDS 3 JSON, however it is published, into flat tables of records linked by ids:
// - one file with the whole dataset: {"services": [...], "locations": [...], ...};
// - one file of "compiled" services, each nesting its organization, service_at_locations with their
//   location, schedules, languages, ... (a single service, a list, or an API page {"contents": [...]});
// - a folder of per-table files (services.json, locations.json, ...), each a list of records.
// Nested records are taken out of their parent and linked to it by id, as in the tabular form.

#include <nlohmann/json.hpp>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace kiosk {

struct HsdsRecord {
  nlohmann::json data;  // an object with a string "id"; nested records removed
  std::string file;     // the file it was read from, for messages
};

struct HsdsTables {
  // Table name as in HSDS (plural: services, locations, service_at_locations, ...) -> records in input
  // order. A record met twice (a location nested in two services) is kept once.
  std::map<std::string, std::vector<HsdsRecord>> tables;
  std::vector<std::string> errors;  // "file: what", naming the record
  std::vector<std::string> notes;   // files and tables that are not read

  [[nodiscard]] const std::vector<HsdsRecord>& table(const std::string& name) const;  // empty when absent
};

// Throws std::runtime_error when `path` cannot be read at all; bad content goes to `errors`.
HsdsTables read_hsds(const std::filesystem::path& path);

// "services" -> "service": what one record of a table is called, in messages.
std::string hsds_record_name(const std::string& table);

// A field as text: strings as they are, numbers written out, everything else (null, absent) "".
std::string hsds_text(const nlohmann::json& record, const char* key);

}  // namespace kiosk
