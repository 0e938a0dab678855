#pragma once
// Turns the service POIs of an OpenStreetMap extract into services/*.yaml of a bundle. Only facts that
// are in the data are written; everything else stays unknown.

#include <cstddef>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace kiosk {

struct OsmImportOptions {
  std::filesystem::path pbf;
  std::filesystem::path out_dir;    // services are written to out_dir/services/
  std::string data_date;            // date of the extract, written into each file's header comment
  std::optional<BoundingBox> area;  // places outside it are left out (one line each in the report)
};

struct OsmImportReport {
  std::size_t services = 0;
  std::map<std::string, std::size_t> per_category;
  std::size_t skipped_unnamed = 0;    // POIs without a name where a name is what makes them findable
  std::size_t skipped_private = 0;    // access=private/no/customers
  std::size_t skipped_relations = 0;  // relations with a category's tags but no shape (sites, ...)
  std::size_t skipped_outside = 0;    // outside the bundle's area
  std::vector<std::string> left_out;  // one line per place left out for where or what it is
  std::vector<std::string> notes;     // dropped values (malformed phone numbers, ...), one line each
};

// Throws std::runtime_error when the file cannot be read or written.
OsmImportReport import_osm(const OsmImportOptions& options);

// Which of our categories an OSM object belongs to, from its tags; "" when none.
struct OsmTagView {
  virtual ~OsmTagView() = default;
  [[nodiscard]] virtual const char* get(const char* key) const = 0;
};
std::string category_for_osm_tags(const OsmTagView& tags);

}  // namespace kiosk
