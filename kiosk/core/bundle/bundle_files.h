#pragma once
// What a bundle folder holds, found in one walk: the service files to read, links and special files
// refused, and the files the kiosk would not read named for the editor.

#include <filesystem>
#include <string>
#include <vector>

#include "core/base/diagnostics.h"

namespace kiosk {

struct BundleEntry {
  std::filesystem::path path;
  bool directory = false;
};

struct BundleFiles {
  bool refused = false;                              // a link, special file or bad name: nothing is read
  std::vector<std::filesystem::path> service_files;  // "services/x.yaml", relative to the bundle, sorted
  std::vector<BundleEntry> top;                      // what lies directly in the bundle folder
  std::vector<BundleEntry> in_services;              // what lies in services/ besides service files
};

// Walks the bundle folder once, using the types the directory listing gives: a metropolis bundle has
// thousands of service files, and a stat call for each costs as much as parsing it. Hidden entries
// (.git, .editorconfig) belong to the editor's tools and are skipped.
BundleFiles scan_bundle_files(const std::filesystem::path& dir, Diagnostics& diags);

// Every file in the bundle is read by a rule or named: an editor who puts a service into notes.txt, a
// subfolder or a file named .YAML must learn that the kiosk will not show it. Warns of (or, for a
// service file named .YAML, refuses) every such entry. `known`: the top-level names the bundle's rules
// read (bundle.yaml, services, the map's folder, ...).
void name_unread_files(const BundleFiles& files, const std::vector<std::string>& known, Diagnostics& diags);

}  // namespace kiosk
