#include "core/mapdata/coarse_layer.h"

#include <vector>

namespace kiosk {

std::shared_ptr<const MapData> make_coarse_layer(const MapData& m,
                                                 const std::function<void(std::size_t read)>& release_pages) {
  struct Store {
    std::shared_ptr<const void> parent;  // the map's mapping: all but the features stay there
    std::vector<kmap::Feature> features;
  };
  auto s = std::make_shared<Store>();
  s->parent = m.owner;
  for (std::size_t i = 0; i < m.features.size(); ++i) {
    if (m.features[i].geometry[kmap::lod_count - 1] != kmap::none) s->features.push_back(m.features[i]);
    if (release_pages && i > 0 && i % 65536 == 0) release_pages(i);
  }
  if (release_pages) release_pages(m.features.size());
  auto layer = std::make_shared<MapData>(m);
  layer->coarse.reset();
  layer->features = s->features;
  layer->tree_nodes = {};
  layer->tree_items = {};
  layer->byte_size = s->features.size() * sizeof(kmap::Feature);
  layer->owner = std::move(s);
  return layer;
}

}  // namespace kiosk
