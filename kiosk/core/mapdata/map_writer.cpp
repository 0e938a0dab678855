#include "core/mapdata/map_writer.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <numeric>
#include <stdexcept>
#include <string>

#include <unistd.h>

namespace kiosk {

std::uint32_t MapContents::add_string(std::string_view s) {
  if (s.empty()) return 0;  // offset 0 is the NUL that starts the table
  if (auto it = string_ids.find(s); it != string_ids.end()) return it->second;
  const auto id = static_cast<std::uint32_t>(strings.size());
  strings.insert(strings.end(), s.begin(), s.end());
  strings.push_back('\0');
  string_ids.emplace(std::string(s), id);
  return id;
}

std::uint32_t MapContents::add_name_set(std::vector<std::pair<std::string, std::string>> set) {
  if (set.empty()) return 0;
  std::sort(set.begin(), set.end());
  if (auto it = name_set_ids.find(set); it != name_set_ids.end()) return it->second;
  const auto first = static_cast<std::uint32_t>(names.size());
  for (const auto& [lang, text] : set) names.push_back({add_string(lang), add_string(text)});
  const auto id = static_cast<std::uint32_t>(name_sets.size());
  name_sets.push_back({first, static_cast<std::uint32_t>(set.size())});
  name_set_ids.emplace(std::move(set), id);
  return id;
}

void MapContents::build_adjacency() {
  std::vector<std::uint32_t> degree(route_nodes.size() + 1, 0);
  for (const auto& e : route_edges) {
    ++degree[e.a];
    if (e.b != e.a) ++degree[e.b];
  }
  route_offsets.assign(route_nodes.size() + 1, 0);
  for (std::size_t i = 0; i < route_nodes.size(); ++i) route_offsets[i + 1] = route_offsets[i] + degree[i];
  route_adjacency.assign(route_offsets.back(), 0);
  std::vector<std::uint32_t> fill(route_offsets.begin(), route_offsets.end() - 1);
  for (std::uint32_t i = 0; i < route_edges.size(); ++i) {
    const auto& e = route_edges[i];
    route_adjacency[fill[e.a]++] = i;
    if (e.b != e.a) route_adjacency[fill[e.b]++] = i;
  }
}

namespace {

// Position along a Hilbert curve of a point on a 2^16 grid.
std::uint32_t hilbert(std::uint32_t x, std::uint32_t y) {
  std::uint32_t d = 0;
  for (std::uint32_t s = 1u << 15; s > 0; s >>= 1) {
    const std::uint32_t rx = (x & s) ? 1 : 0, ry = (y & s) ? 1 : 0;
    d += s * s * ((3 * rx) ^ ry);
    if (ry == 0) {
      if (rx == 1) {
        x = s - 1 - x;
        y = s - 1 - y;
      }
      std::swap(x, y);
    }
  }
  return d;
}

}  // namespace

void MapContents::build_tree(std::uint32_t node_size) {
  tree_nodes.clear();
  tree_items.clear();
  if (features.empty()) return;
  float min_x = features[0].min_x, min_y = features[0].min_y, max_x = features[0].max_x, max_y = features[0].max_y;
  for (const auto& f : features) {
    min_x = std::min(min_x, f.min_x), min_y = std::min(min_y, f.min_y);
    max_x = std::max(max_x, f.max_x), max_y = std::max(max_y, f.max_y);
  }
  const float w = std::max(max_x - min_x, 1.0f), h = std::max(max_y - min_y, 1.0f);
  std::vector<std::pair<std::uint32_t, std::uint32_t>> keyed;
  keyed.reserve(features.size());
  for (std::uint32_t i = 0; i < features.size(); ++i) {
    const auto& f = features[i];
    const auto hx = static_cast<std::uint32_t>(65535.0f * ((f.min_x + f.max_x) / 2 - min_x) / w);
    const auto hy = static_cast<std::uint32_t>(65535.0f * ((f.min_y + f.max_y) / 2 - min_y) / h);
    keyed.emplace_back(hilbert(std::min(hx, 65535u), std::min(hy, 65535u)), i);
  }
  std::sort(keyed.begin(), keyed.end());
  for (const auto& k : keyed) tree_items.push_back(k.second);

  auto grow = [](kmap::TreeNode& n, float x0, float y0, float x1, float y1) {
    n.min_x = std::min(n.min_x, x0), n.min_y = std::min(n.min_y, y0);
    n.max_x = std::max(n.max_x, x1), n.max_y = std::max(n.max_y, y1);
  };
  const kmap::TreeNode empty{1e30f, 1e30f, -1e30f, -1e30f, 0, 0, 0, 0};
  // Leaves.
  for (std::uint32_t i = 0; i < tree_items.size(); i += node_size) {
    kmap::TreeNode n = empty;
    n.first = i;
    n.count = std::min<std::uint32_t>(node_size, static_cast<std::uint32_t>(tree_items.size()) - i);
    n.leaf = 1;
    for (std::uint32_t k = i; k < i + n.count; ++k) {
      const auto& f = features[tree_items[k]];
      grow(n, f.min_x, f.min_y, f.max_x, f.max_y);
    }
    tree_nodes.push_back(n);
  }
  // Inner levels until one root.
  std::uint32_t level_first = 0, level_count = static_cast<std::uint32_t>(tree_nodes.size());
  while (level_count > 1) {
    const auto next_first = static_cast<std::uint32_t>(tree_nodes.size());
    for (std::uint32_t i = level_first; i < level_first + level_count; i += node_size) {
      kmap::TreeNode n = empty;
      n.first = i;
      n.count = std::min(node_size, level_first + level_count - i);
      for (std::uint32_t k = i; k < i + n.count; ++k) {
        const kmap::TreeNode c = tree_nodes[k];
        grow(n, c.min_x, c.min_y, c.max_x, c.max_y);
      }
      tree_nodes.push_back(n);
    }
    level_first = next_first;
    level_count = static_cast<std::uint32_t>(tree_nodes.size()) - next_first;
  }
}

namespace {

struct Writer {
  std::vector<char> out;
  std::vector<kmap::SectionEntry> table;

  template <class T>
  void add(kmap::SectionId id, const std::vector<T>& v) {
    while (out.size() % 8) out.push_back(0);
    table.push_back({static_cast<std::uint32_t>(id), sizeof(T), out.size(), v.size()});
    const auto* p = reinterpret_cast<const char*>(v.data());
    out.insert(out.end(), p, p + v.size() * sizeof(T));
  }
};

}  // namespace

void MapContents::group_coarse_geometry() {
  const std::size_t n = geometries.size();
  std::vector<std::uint8_t> coarse(n, 0);
  std::vector<std::uint32_t> order;  // old geometry ids in their new order
  order.reserve(n);
  std::vector<std::uint32_t> coarse_order;
  for (const auto& f : features)
    if (const std::uint32_t g = f.geometry[kmap::lod_count - 1]; g != kmap::none && !coarse[g]) {
      coarse[g] = 1;
      coarse_order.push_back(g);
    }
  for (std::uint32_t g = 0; g < n; ++g)
    if (!coarse[g]) order.push_back(g);
  order.insert(order.end(), coarse_order.begin(), coarse_order.end());

  std::vector<kmap::Point> new_points;
  std::vector<kmap::Ring> new_rings;
  std::vector<std::uint32_t> new_indices;
  std::vector<kmap::Geometry> new_geometries;
  new_points.reserve(points.size()), new_rings.reserve(rings.size()), new_indices.reserve(indices.size());
  new_geometries.reserve(n);
  std::vector<std::uint32_t> new_id(n);
  for (const std::uint32_t g : order) {
    const kmap::Geometry& old = geometries[g];
    kmap::Geometry c = old;
    c.first_point = static_cast<std::uint32_t>(new_points.size());
    c.first_ring = static_cast<std::uint32_t>(new_rings.size());
    c.first_index = static_cast<std::uint32_t>(new_indices.size());
    new_points.insert(new_points.end(), points.begin() + old.first_point,
                      points.begin() + old.first_point + old.point_count);
    for (std::uint32_t r = old.first_ring; r < old.first_ring + old.ring_count; ++r)  // ring starts are absolute
      new_rings.push_back({rings[r].first - old.first_point + c.first_point, rings[r].count});
    new_indices.insert(new_indices.end(), indices.begin() + old.first_index,  // relative to the geometry
                       indices.begin() + old.first_index + old.index_count);
    new_id[g] = static_cast<std::uint32_t>(new_geometries.size());
    new_geometries.push_back(c);
  }
  for (auto& f : features)
    for (auto& g : f.geometry)
      if (g != kmap::none) g = new_id[g];
  points = std::move(new_points), rings = std::move(new_rings), indices = std::move(new_indices);
  geometries = std::move(new_geometries);
}

std::vector<char> serialize(const MapContents& m) {
  constexpr std::uint32_t sections = 16;
  Writer w;
  w.out.resize(sizeof(kmap::Header) + sections * sizeof(kmap::SectionEntry), 0);
  using kmap::SectionId;
  w.add(SectionId::strings, m.strings);
  w.add(SectionId::names, m.names);
  w.add(SectionId::name_sets, m.name_sets);
  w.add(SectionId::points, m.points);
  w.add(SectionId::rings, m.rings);
  w.add(SectionId::indices, m.indices);
  w.add(SectionId::geometries, m.geometries);
  w.add(SectionId::features, m.features);
  w.add(SectionId::tree_nodes, m.tree_nodes);
  w.add(SectionId::tree_items, m.tree_items);
  w.add(SectionId::route_nodes, m.route_nodes);
  w.add(SectionId::route_edges, m.route_edges);
  w.add(SectionId::route_adjacency, m.route_adjacency);
  w.add(SectionId::route_offsets, m.route_offsets);
  w.add(SectionId::route_shape, m.route_shape);
  w.add(SectionId::pois, m.pois);
  while (w.out.size() % 8) w.out.push_back(0);
  kmap::Header h = m.header;
  std::memcpy(h.magic, kmap::magic, sizeof h.magic);
  h.version = kmap::format_version;
  h.section_count = sections;
  h.file_size = w.out.size();
  std::memcpy(w.out.data(), &h, sizeof h);
  std::memcpy(w.out.data() + sizeof h, w.table.data(), w.table.size() * sizeof(kmap::SectionEntry));
  return std::move(w.out);
}

void write_map(const MapContents& m, const std::filesystem::path& file) {
  const std::vector<char> bytes = serialize(m);
  const std::filesystem::path tmp = file.string() + ".tmp." + std::to_string(::getpid());
  {
    std::ofstream out(tmp, std::ios::binary | std::ios::trunc);
    out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    out.flush();
    if (!out) throw std::runtime_error(file.string() + ": cannot write");
  }
  std::filesystem::rename(tmp, file);
}

}  // namespace kiosk
