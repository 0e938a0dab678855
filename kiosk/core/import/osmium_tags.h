#pragma once
// Small helpers over libosmium's tag lists, shared by the service importer and the map compiler.

#include <osmium/osm/tag.hpp>

#include <algorithm>
#include <cstring>
#include <initializer_list>

#include "core/import/osm_import.h"

namespace kiosk {

struct OsmiumTags final : OsmTagView {
  const osmium::TagList& tags;
  explicit OsmiumTags(const osmium::TagList& t) : tags(t) {}
  [[nodiscard]] const char* get(const char* key) const override { return tags.get_value_by_key(key); }
};

// Whether v is one of options (false for a missing value).
inline bool tag_in(const char* v, std::initializer_list<const char*> options) {
  return v && std::any_of(options.begin(), options.end(), [&](const char* o) { return std::strcmp(v, o) == 0; });
}

}  // namespace kiosk
