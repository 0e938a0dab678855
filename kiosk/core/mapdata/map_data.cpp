#include "core/mapdata/map_data.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <fmt/format.h>
#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <cstring>

#include "core/base/utf8.h"
#include "core/mapdata/coarse_layer.h"

namespace kiosk {

static_assert(std::endian::native == std::endian::little, "the .kmap format is little-endian");

namespace {

[[noreturn]] void fail(const std::string& what) {
  throw MapError(what);
}

template <class T>
std::span<const T> section(const char* base, std::size_t size, const std::vector<kmap::SectionEntry>& table,
                           kmap::SectionId id, const char* name) {
  for (const auto& s : table) {
    if (s.id != static_cast<std::uint32_t>(id)) continue;
    if (s.element_size != sizeof(T))
      fail(fmt::format("section {}: element size {} (this kiosk reads {})", name, s.element_size, sizeof(T)));
    if (s.offset % 8 != 0) fail(fmt::format("section {}: offset {} is not 8-byte aligned", name, s.offset));
    if (s.offset > size || s.count > (size - s.offset) / sizeof(T))
      fail(fmt::format("section {}: {} elements at offset {} run past the end of the file ({} bytes)", name, s.count,
                       s.offset, size));
    return {reinterpret_cast<const T*>(base + s.offset), static_cast<std::size_t>(s.count)};
  }
  fail(fmt::format("section {} is missing", name));
}

void check_range(std::uint64_t first, std::uint64_t count, std::size_t size, const char* what, std::size_t index,
                 const char* target) {
  if (first > size || count > size - first)
    fail(fmt::format("{} {}: {} {}..{} outside the {} that exist", what, index, target, first, first + count, size));
}

// Gives back the pages of a mapped file that the check has read. The check reads every byte once; without
// this, all of a metropolis's map (235 MiB at 16 times the sample city) stayed resident and counted
// against the kiosk, although a frame draws and a walk reads a small part of it. The pages stay in the
// page cache, so reading them again costs a minor fault. Does nothing for a map in a heap buffer, whose
// pages must not be discarded.
struct PageRelease {
  bool mapped = false;
  // Releases the whole pages holding the first n elements of s.
  template <class T>
  void prefix(std::span<const T> s, std::size_t n) const {
    if (!mapped || s.empty()) return;
    const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
    const auto begin = (reinterpret_cast<std::uintptr_t>(s.data()) + page - 1) / page * page;
    const auto end = reinterpret_cast<std::uintptr_t>(s.data() + std::min(n, s.size())) / page * page;
    if (end > begin) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_DONTNEED);
  }
  template <class T>
  void all(std::span<const T> s) const {
    prefix(s, s.size());
  }
  // Every 2^16 elements of a loop over a large section.
  [[nodiscard]] static bool due(std::size_t i) { return i > 0 && (i & 0xFFFF) == 0; }
};

// Whether a box (a feature's, a tree node's) meets the query rectangle.
template <class Box>
bool meets(const Box& b, float min_x, float min_y, float max_x, float max_y) {
  return !(b.max_x < min_x || b.min_x > max_x || b.max_y < min_y || b.min_y > max_y);
}

bool finite_in(const kmap::Point& p, const kmap::Header& h) {
  // A little slack: simplified and clipped geometry may touch the edge of the extent.
  return std::isfinite(p.x) && std::isfinite(p.y) && p.x >= h.min_x - 1 && p.x <= h.max_x + 1 && p.y >= h.min_y - 1 &&
         p.y <= h.max_y + 1;
}

// Reads each large section once, front to back, and gives its pages back as it goes (see PageRelease):
// the kiosk's peak memory does not include the whole file.
void validate(MapData& m, const PageRelease& release) {
  const kmap::Header& h = m.header;
  for (std::size_t i = 0; i < m.points.size(); ++i) {
    if (!finite_in(m.points[i], h)) fail(fmt::format("point {} is outside the map's extent", i));
    if (PageRelease::due(i)) release.prefix(m.points, i);
  }
  release.all(m.points);
  for (std::size_t i = 0; i < m.route_shape.size(); ++i)
    if (!finite_in(m.route_shape[i], h)) fail(fmt::format("route shape point {} is outside the map's extent", i));
  release.all(m.route_shape);

  if (m.strings.empty() || m.strings.back() != '\0') fail("the string table does not end with NUL");
  if (first_invalid_utf8(std::string_view(m.strings.data(), m.strings.size())))
    fail("the string table is not valid UTF-8");
  const std::size_t ns = m.strings.size();
  for (std::size_t i = 0; i < m.names.size(); ++i)
    if (m.names[i].lang >= ns || m.names[i].text >= ns) fail(fmt::format("name {}: string outside the table", i));
  if (m.name_sets.empty() || m.name_sets[0].count != 0) fail("name set 0 must exist and be empty");
  for (std::size_t i = 0; i < m.name_sets.size(); ++i)
    check_range(m.name_sets[i].first, m.name_sets[i].count, m.names.size(), "name set", i, "names");

  for (std::size_t i = 0; i < m.rings.size(); ++i)
    check_range(m.rings[i].first, m.rings[i].count, m.points.size(), "ring", i, "points");
  release.all(m.rings);
  for (std::size_t i = 0; i < m.geometries.size(); ++i) {
    const auto& g = m.geometries[i];
    // The compiler writes rings and triangles in the order of their geometries: what lies before this
    // geometry's has been read (were it not so, a released page would only be read again).
    if (PageRelease::due(i))
      release.prefix(m.geometries, i), release.prefix(m.rings, g.first_ring), release.prefix(m.indices, g.first_index);
    check_range(g.first_point, g.point_count, m.points.size(), "geometry", i, "points");
    check_range(g.first_ring, g.ring_count, m.rings.size(), "geometry", i, "rings");
    check_range(g.first_index, g.index_count, m.indices.size(), "geometry", i, "indices");
    if (g.index_count % 3 != 0) fail(fmt::format("geometry {}: {} triangle corners", i, g.index_count));
    for (std::uint32_t r = g.first_ring; r < g.first_ring + g.ring_count; ++r)
      if (m.rings[r].first < g.first_point || m.rings[r].first + m.rings[r].count > g.first_point + g.point_count)
        fail(fmt::format("geometry {}: ring {} lies outside its points", i, r));
    for (std::uint32_t k = g.first_index; k < g.first_index + g.index_count; ++k)
      if (m.indices[k] >= g.point_count) fail(fmt::format("geometry {}: triangle corner {} out of range", i, k));
  }
  release.all(m.geometries), release.all(m.rings), release.all(m.indices);
  for (std::size_t i = 0; i < m.features.size(); ++i) {
    const auto& f = m.features[i];
    if (f.kind >= static_cast<std::uint8_t>(kmap::FeatureKind::count))
      fail(fmt::format("feature {}: unknown kind {}", i, f.kind));
    if (f.name_set >= m.name_sets.size()) fail(fmt::format("feature {}: name set out of range", i));
    for (std::uint32_t g : f.geometry)
      if (g != kmap::none && g >= m.geometries.size()) fail(fmt::format("feature {}: geometry out of range", i));
    if (!(f.min_x <= f.max_x && f.min_y <= f.max_y)) fail(fmt::format("feature {}: empty box", i));
    if (PageRelease::due(i)) release.prefix(m.features, i);
  }
  release.all(m.features);
  // Children come before their parent: every walk of the tree ends.
  for (std::size_t i = 0; i < m.tree_nodes.size(); ++i) {
    const auto& n = m.tree_nodes[i];
    if (n.leaf) {
      check_range(n.first, n.count, m.tree_items.size(), "tree node", i, "items");
    } else if (n.first > i || n.count > i - n.first) {
      fail(fmt::format("tree node {}: children {}..{} do not come before it", i, n.first, n.first + n.count));
    }
  }
  for (std::size_t i = 0; i < m.tree_items.size(); ++i)
    if (m.tree_items[i] >= m.features.size()) fail(fmt::format("tree item {} out of range", i));
  release.all(m.tree_items);

  const std::size_t nn = m.route_nodes.size();
  if (m.route_offsets.size() != nn + 1) fail("route offsets do not match the route nodes");
  for (std::size_t i = 0; i < nn; ++i)
    if (m.route_offsets[i] > m.route_offsets[i + 1]) fail(fmt::format("route offsets decrease at node {}", i));
  if (m.route_offsets[nn] != m.route_adjacency.size()) fail("route offsets do not end at the adjacency's size");
  for (std::size_t i = 0; i < m.route_adjacency.size(); ++i)
    if (m.route_adjacency[i] >= m.route_edges.size()) fail(fmt::format("route adjacency {} out of range", i));
  for (std::size_t i = 0; i < nn; ++i) {
    const auto& n = m.route_nodes[i];
    if (n.cross_name >= m.name_sets.size()) fail(fmt::format("route node {}: name set out of range", i));
    if (!std::isfinite(n.x) || !std::isfinite(n.y)) fail(fmt::format("route node {}: not a number", i));
  }
  for (std::size_t i = 0; i < m.route_edges.size(); ++i) {
    const auto& e = m.route_edges[i];
    if (e.a >= nn || e.b >= nn) fail(fmt::format("route edge {}: node out of range", i));
    if (!(e.length_m >= 0 && e.length_m < 1e6f)) fail(fmt::format("route edge {}: bad length", i));
    if (e.name_set >= m.name_sets.size() || e.cross_name >= m.name_sets.size())
      fail(fmt::format("route edge {}: name set out of range", i));
    check_range(e.first_shape, e.shape_count, m.route_shape.size(), "route edge", i, "shape points");
    if (e.shape_count < 2) fail(fmt::format("route edge {}: fewer than two shape points", i));
    if (!std::isfinite(e.incline_pct)) fail(fmt::format("route edge {}: incline not a number", i));
  }
  // Edges listed at a node must touch it: the router walks from a node along its edges to their other end,
  // and rebuilds routes by following those edges back (found by fuzzing: an edge listed at a node it does
  // not touch made that walk go round in circles).
  for (std::size_t i = 0; i < nn; ++i)
    for (std::uint32_t k = m.route_offsets[i]; k < m.route_offsets[i + 1]; ++k) {
      const std::uint32_t ei = m.route_adjacency[k];
      if (ei < m.route_edges.size() && m.route_edges[ei].a != i && m.route_edges[ei].b != i)
        fail(fmt::format("route node {}: lists edge {}, which does not touch it", i, ei));
    }
  for (std::size_t i = 0; i < m.pois.size(); ++i) {
    const auto& p = m.pois[i];
    if (p.name_set >= m.name_sets.size() || p.category >= ns) fail(fmt::format("poi {}: reference out of range", i));
    if (!finite_in({p.x, p.y}, h)) fail(fmt::format("poi {}: outside the map's extent", i));
  }
  // The routing sections are read again at once by the router (snapping grid, connected parts); the
  // strings, names and the tree's inner nodes are small.
}

std::shared_ptr<const MapData> parse(std::shared_ptr<const void> owner, const char* base, std::size_t size,
                                     PageRelease release) {
  auto m = std::make_shared<MapData>();
  m->owner = std::move(owner);
  m->byte_size = size;
  if (size < sizeof(kmap::Header)) fail(fmt::format("{} bytes: too short to be a map", size));
  std::memcpy(&m->header, base, sizeof(kmap::Header));
  const kmap::Header& h = m->header;
  if (std::memcmp(h.magic, kmap::magic, sizeof kmap::magic) != 0) fail("not a kiosk map (wrong magic)");
  if (h.version != kmap::format_version)
    fail(fmt::format("map format version {}; this kiosk reads version {}", h.version, kmap::format_version));
  if (h.file_size != size)
    fail(fmt::format("the file has {} bytes but its header says {} (truncated or appended to)", size, h.file_size));
  if (!(std::isfinite(h.origin_lat) && std::abs(h.origin_lat) < 85 && std::isfinite(h.origin_lon) &&
        std::abs(h.origin_lon) <= 180 && h.metres_per_deg_lat > 1e4 && h.metres_per_deg_lat < 2e5 &&
        h.metres_per_deg_lon > 1e3 && h.metres_per_deg_lon < 2e5))
    fail("the header's projection is not valid");
  // A city map: at most 2,000 km across (the float coordinates lose metres beyond that anyway).
  if (!(h.min_x <= h.max_x && h.min_y <= h.max_y && std::isfinite(h.min_x) && std::isfinite(h.min_y) &&
        std::isfinite(h.max_x) && std::isfinite(h.max_y) && h.max_x - h.min_x < 2e6f && h.max_y - h.min_y < 2e6f))
    fail("the header's extent is not valid");
  if (h.section_count > 64) fail(fmt::format("{} sections (at most 64)", h.section_count));
  if (h.section_count == 0) fail("the map has no sections");  // (and memcpy of nothing to nowhere is UB: fuzz_kmap)
  const std::size_t table_end = sizeof(kmap::Header) + h.section_count * sizeof(kmap::SectionEntry);
  if (table_end > size) fail("the section table runs past the end of the file");
  std::vector<kmap::SectionEntry> table(h.section_count);
  std::memcpy(table.data(), base + sizeof(kmap::Header), h.section_count * sizeof(kmap::SectionEntry));

  using kmap::SectionId;
  m->strings = section<char>(base, size, table, SectionId::strings, "strings");
  m->names = section<kmap::NameEntry>(base, size, table, SectionId::names, "names");
  m->name_sets = section<kmap::NameSet>(base, size, table, SectionId::name_sets, "name_sets");
  m->points = section<kmap::Point>(base, size, table, SectionId::points, "points");
  m->rings = section<kmap::Ring>(base, size, table, SectionId::rings, "rings");
  m->indices = section<std::uint32_t>(base, size, table, SectionId::indices, "indices");
  m->geometries = section<kmap::Geometry>(base, size, table, SectionId::geometries, "geometries");
  m->features = section<kmap::Feature>(base, size, table, SectionId::features, "features");
  m->tree_nodes = section<kmap::TreeNode>(base, size, table, SectionId::tree_nodes, "tree_nodes");
  m->tree_items = section<std::uint32_t>(base, size, table, SectionId::tree_items, "tree_items");
  m->route_nodes = section<kmap::RouteNode>(base, size, table, SectionId::route_nodes, "route_nodes");
  m->route_edges = section<kmap::RouteEdge>(base, size, table, SectionId::route_edges, "route_edges");
  m->route_adjacency = section<std::uint32_t>(base, size, table, SectionId::route_adjacency, "route_adjacency");
  m->route_offsets = section<std::uint32_t>(base, size, table, SectionId::route_offsets, "route_offsets");
  m->route_shape = section<kmap::Point>(base, size, table, SectionId::route_shape, "route_shape");
  m->pois = section<kmap::Poi>(base, size, table, SectionId::pois, "pois");
  validate(*m, release);
  m->coarse = make_coarse_layer(*m, [&m, release](std::size_t read) { release.prefix(m->features, read); });
  return m;
}

}  // namespace

std::string_view MapData::name(std::uint32_t name_set, std::string_view lang) const {
  if (name_set >= name_sets.size()) return {};
  const auto set = names.subspan(name_sets[name_set].first, name_sets[name_set].count);
  const std::string_view base = lang.substr(0, lang.find('-'));
  std::string_view local, in_base;
  for (const auto& n : set) {
    const std::string_view l = string(n.lang);
    if (l == lang) return string(n.text);
    if (l.empty()) local = string(n.text);
    if (l == base) in_base = string(n.text);
  }
  return in_base.empty() ? local : in_base;
}

kmap::Point MapData::project(GeoPoint p) const {
  return {static_cast<float>((p.lon - header.origin_lon) * header.metres_per_deg_lon),
          static_cast<float>((p.lat - header.origin_lat) * header.metres_per_deg_lat)};
}

GeoPoint MapData::unproject(kmap::Point p) const {
  return {header.origin_lat + p.y / header.metres_per_deg_lat, header.origin_lon + p.x / header.metres_per_deg_lon};
}

void MapData::query(float min_x, float min_y, float max_x, float max_y, std::vector<std::uint32_t>& out,
                    std::vector<std::uint8_t>* marks) const {
  out.clear();
  if (tree_nodes.empty()) {  // the whole-city layer: every feature, in order
    for (std::uint32_t id = 0; id < features.size(); ++id)
      if (meets(features[id], min_x, min_y, max_x, max_y)) out.push_back(id);
    return;
  }
  std::vector<std::uint32_t> stack{static_cast<std::uint32_t>(tree_nodes.size() - 1)};
  while (!stack.empty()) {
    const auto& n = tree_nodes[stack.back()];
    stack.pop_back();
    if (!meets(n, min_x, min_y, max_x, max_y)) continue;
    if (n.leaf) {
      for (std::uint32_t i = n.first; i < n.first + n.count; ++i) {
        if (meets(features[tree_items[i]], min_x, min_y, max_x, max_y)) out.push_back(tree_items[i]);
      }
    } else {
      for (std::uint32_t c = n.first; c < n.first + n.count; ++c) stack.push_back(c);
    }
  }
  if (marks && out.size() > features.size() / 16) {
    marks->assign(features.size(), 0);
    for (const std::uint32_t id : out) (*marks)[id] = 1;
    out.clear();
    for (std::uint32_t id = 0; id < marks->size(); ++id)
      if ((*marks)[id]) out.push_back(id);
  } else {
    std::sort(out.begin(), out.end());
  }
}

std::shared_ptr<const MapData> parse_map(std::shared_ptr<const std::vector<char>> bytes) {
  const char* base = bytes->data();
  const std::size_t size = bytes->size();
  return parse(std::move(bytes), base, size, PageRelease{false});
}

std::shared_ptr<const MapData> load_map(const std::filesystem::path& file) {
  const int fd = ::open(file.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) fail(fmt::format("{}: cannot open: {}", file.string(), std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    fail(fmt::format("{}: not a regular file", file.string()));
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  if (size < sizeof(kmap::Header)) {
    ::close(fd);
    fail(fmt::format("{}: {} bytes: too short to be a map", file.string(), size));
  }
  void* addr = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (addr == MAP_FAILED) fail(fmt::format("{}: cannot map: {}", file.string(), std::strerror(errno)));
  std::shared_ptr<const void> owner(addr, [size](const void* p) { ::munmap(const_cast<void*>(p), size); });
  try {
    return parse(owner, static_cast<const char*>(addr), size, PageRelease{true});
  } catch (const MapError& e) {
    throw MapError(fmt::format("{}: {}", file.string(), e.what()));
  }
}

}  // namespace kiosk
