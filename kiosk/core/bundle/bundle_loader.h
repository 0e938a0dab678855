#pragma once
// Loads a content bundle directory into the model, reporting every problem with file:line:col.

#include <filesystem>

#include "core/base/diagnostics.h"
#include "core/model/model.h"
#include "core/yaml/yaml_file.h"

namespace kiosk {

// Reads bundle.yaml, categories.yaml, services/*.yaml, announcements.yaml and holidays.yaml. Reports
// problems of form and type; cross-file rules are in validate_bundle(). The result is usable only when
// no errors were reported.
Bundle load_bundle(const std::filesystem::path& dir, Diagnostics& diags);

// Reads one holidays.yaml (public and school holidays) into b; false when the file is unusable.
bool load_holidays_file(const std::filesystem::path& file, Bundle& b, Diagnostics& diags);

// Reads the services of one services/*.yaml file, already parsed, into b.services (tools that edit a file
// read it back this way to check the edit).
void read_services_yaml(const YamlFile& file, Bundle& b, Diagnostics& diags);

}  // namespace kiosk
