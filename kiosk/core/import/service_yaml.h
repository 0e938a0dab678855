#pragma once
// What every importer writes: one service in the words of our bundle format, as a services/*.yaml file
// of its own (so that a re-import can replace exactly the files it made), and the ids they are named by.

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <unicode/uversion.h>

U_NAMESPACE_BEGIN
class Transliterator;
U_NAMESPACE_END

namespace kiosk {

// Facts an importer found. Empty strings and lists are unknown and left out of the file.
struct ImportedService {
  std::string id;
  std::string category;
  std::map<std::string, std::string> name;  // BCP 47 tag or `und` -> text
  std::map<std::string, std::string> description;
  std::string street, postcode, city;
  double lat = 0, lon = 0;
  std::string opening_hours;
  std::vector<std::string> phones;
  std::string website;
  std::string email;
  std::vector<std::string> languages;
  std::string fees;  // free, reduced, paid
  std::map<std::string, std::string> fee_note;
  std::optional<std::vector<std::string>> documents;  // none: unknown; empty: no documents needed
  std::string wheelchair;                             // yes, limited, no
  std::vector<std::string> target_groups;
  std::string source;
  std::string last_verified;  // YYYY-MM-DD
};

// The YAML of a services file that holds just `s`.
std::string service_yaml(const ImportedService& s);

// Writes `header` (comment lines) and the service to dir/<prefix><id>.yaml. Throws std::runtime_error.
void write_service_file(const std::filesystem::path& dir, std::string_view prefix, std::string_view header,
                        const ImportedService& s);

// Removes dir/<prefix>*: a re-import replaces the files of the previous one, and only those.
void remove_imported_files(const std::filesystem::path& dir, std::string_view prefix);

// Lower-case ASCII words joined by '-', at most 48 characters, for ids made from names in any script.
class Slugger {
 public:
  Slugger();
  ~Slugger();
  Slugger(const Slugger&) = delete;
  Slugger& operator=(const Slugger&) = delete;
  [[nodiscard]] std::string slug(const std::string& text) const;

 private:
  std::unique_ptr<icu::Transliterator> tr_;
};

}  // namespace kiosk
