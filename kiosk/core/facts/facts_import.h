#pragma once
// Reading a facts worksheet back: every cell is checked, and the changes become minimal textual edits of
// the services' YAML files (comments, key order and untouched lines stay), each read back and compared
// before anything is written. One bad cell and nothing is written.

#include <map>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"
#include "core/facts/csv_table.h"
#include "core/i18n/i18n_catalog.h"
#include "core/model/model.h"

namespace kiosk {

struct FactChange {
  std::string key;  // the YAML key, e.g. "fees"
  std::string before, after;
};

struct ServiceUpdate {
  std::string id;
  std::string file;
  int row = 0;  // in the worksheet
  std::vector<FactChange> changes;
};

struct FactsImport {
  Diagnostics diags;   // errors: `sheet:row:column: error: ...`; nothing may be written
  std::string locale;  // of the worksheet's headers and words
  std::vector<ServiceUpdate> updates;
  std::map<std::string, std::string> files;  // file -> its new text

  [[nodiscard]] bool ok() const { return !diags.has_errors(); }
};

// `today` is set as last_verified on every row where a fact changed (unless the row's own
// last_verified cell was changed), and no date may lie after it.
FactsImport plan_facts_import(const CsvTable& sheet, const std::string& sheet_name, const Bundle& b,
                              const Catalogs& catalogs, const Date& today);

// Writes the planned files, each durably (a reader sees the old or the new file). Throws on I/O errors.
void write_facts_import(const FactsImport& plan);

}  // namespace kiosk
