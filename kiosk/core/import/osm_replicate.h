#pragma once
// A metropolis made of a real city: FACTOR translated copies of an OpenStreetMap extract laid in a square
// grid, with fresh ids, names suffixed per copy, and footways stitched across the seams so that the
// walking network is one. For measuring how the kiosk's costs grow with the city (scripts/metropolis.sh);
// not for residents.

#include <filesystem>

namespace kiosk {

struct ReplicateOptions {
  std::filesystem::path pbf;  // the extract (must have a bounding box)
  std::filesystem::path out;  // the metropolis, PBF
  int factor = 4;             // copies: a square number (4, 16, 64)
  double seam_link_m = 300;   // the longest footway laid across a seam
};

struct ReplicateReport {
  int side = 0;                // copies per row
  double west = 0, south = 0;  // the metropolis's bounding box
  double east = 0, north = 0;
  double copy_width_deg = 0, copy_height_deg = 0;  // the offset between neighbouring copies
  std::size_t nodes = 0, ways = 0, relations = 0;
  std::size_t seam_links = 0;  // footways laid across the seams
};

// Throws std::runtime_error on an unreadable extract, one without a bounding box, or a factor that is
// not a square number from 1 to 256.
ReplicateReport replicate_extract(const ReplicateOptions& options);

}  // namespace kiosk
