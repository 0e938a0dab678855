#pragma once
// Turns Open Referral HSDS 3 data (services of a city's service directory) into services/*.yaml of a
// bundle: one file per service and place (service_at_location), since a kiosk service has one place
// to show on the map and walk to. Only facts that are in the data are written; everything else stays
// unknown, and what HSDS has but our bundle cannot hold is reported.

#include <cstddef>
#include <filesystem>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace kiosk {

struct HsdsImportOptions {
  std::filesystem::path in;       // a JSON file, or a folder of per-table JSON files
  std::filesystem::path out_dir;  // services are written to out_dir/services/hsds-*.yaml
  // For services none of whose taxonomy terms is a category id of out_dir/categories.yaml; "": such
  // services are left out.
  std::string default_category;
  // BCP 47 tag of the data's free texts (descriptions, fee notes); "": they are left out, since our
  // texts must say which language they are in.
  std::string text_language;
};

struct HsdsImportReport {
  std::size_t services = 0;  // files written
  std::map<std::string, std::size_t> per_category;
  std::size_t skipped = 0;                            // services not written at all (places left out are warnings)
  std::vector<std::string> warnings;                  // each names the service: values left out or read loosely
  std::vector<std::string> notes;                     // files and tables not read
  std::map<std::string, std::size_t> dropped_fields;  // "service.alert" -> records that had a value
};

// The input is not HSDS the importer can trust: every problem, each naming the file and the record.
struct HsdsInputError : std::runtime_error {
  std::vector<std::string> problems;
  explicit HsdsInputError(std::vector<std::string> p);
};

// Writes nothing when the input has errors (HsdsInputError); throws std::runtime_error when files
// cannot be read or written.
HsdsImportReport import_hsds(const HsdsImportOptions& options);

}  // namespace kiosk
