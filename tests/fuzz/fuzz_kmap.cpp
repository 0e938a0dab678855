// Fuzz target: the compiled-map loader's checks; a map they accept must then be safe to draw from,
// snap onto and route on.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "core/mapdata/map_data.h"
#include "core/routing/router.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  auto bytes = std::make_shared<std::vector<char>>(reinterpret_cast<const char*>(data),
                                                   reinterpret_cast<const char*>(data) + size);
  std::shared_ptr<const kiosk::MapData> map;
  try {
    map = kiosk::parse_map(bytes);
  } catch (const kiosk::MapError&) {
    return 0;  // refused with a reason: what must happen to a broken file
  }
  const auto& h = map->header;
  std::vector<std::uint32_t> ids;
  map->query(h.min_x, h.min_y, h.max_x, h.max_y, ids);
  kiosk::Router router(map);
  const kiosk::GeoPoint a = map->unproject({h.min_x, h.min_y}), b = map->unproject({h.max_x, h.max_y});
  for (const auto profile : {kiosk::RouteProfile::foot, kiosk::RouteProfile::wheelchair})
    (void)router.route(a, b, profile, 1e6f);
  return 0;
}
