// The compiled map file: the sample city's map loads and answers; every kind of damage is refused
// with a message, and no damage makes the loader read outside the file.

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cstdint>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iterator>
#include <random>
#include <string>

#include "core/mapdata/map_data.h"
#include "core/mapdata/map_writer.h"
#include "core/routing/router.h"
#include "support/test_support.h"
#include "support/tiny_map.h"

using namespace kiosk;
using namespace kiosk::test;

namespace {

std::shared_ptr<const std::vector<char>> bytes_of(const MapContents& m) {
  return std::make_shared<const std::vector<char>>(serialize(m));
}

std::string parse_error(std::vector<char> bytes) {
  try {
    parse_map(std::make_shared<const std::vector<char>>(std::move(bytes)));
  } catch (const MapError& e) {
    return e.what();
  }
  return {};
}

kmap::SectionEntry& section(std::vector<char>& bytes, kmap::SectionId id) {
  auto* table = reinterpret_cast<kmap::SectionEntry*>(bytes.data() + sizeof(kmap::Header));
  for (std::uint32_t i = 0; i < 16; ++i)
    if (table[i].id == static_cast<std::uint32_t>(id)) return table[i];
  FAIL("no such section");
  return table[0];
}

template <class T>
T* elements(std::vector<char>& bytes, kmap::SectionId id) {
  return reinterpret_cast<T*>(bytes.data() + section(bytes, id).offset);
}

}  // namespace

TEST_CASE("the sample city's compiled map loads fast and holds the city", "[map]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  CHECK(map->header.version == kmap::format_version);
  CHECK(map->features.size() > 10000);
  CHECK(map->route_edges.size() > 10000);
  CHECK(map->pois.size() > 300);
  // Aachen's centre, Elisenbrunnen, is inside the extent and projects back to itself.
  const GeoPoint elisenbrunnen{50.77440, 6.08713};
  const auto p = map->project(elisenbrunnen);
  CHECK(p.x > map->header.min_x);
  CHECK(p.x < map->header.max_x);
  const auto back = map->unproject(p);
  CHECK(back.lat == Approx(elisenbrunnen.lat).margin(1e-6));
  CHECK(back.lon == Approx(elisenbrunnen.lon).margin(1e-6));
}

namespace {

// Resident kilobytes of the mapping that holds `inside`, from /proc/self/smaps.
std::size_t resident_kib_of_mapping(const void* inside) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<std::uintptr_t>(inside);
  bool in = false;
  for (std::string line; std::getline(smaps, line);) {
    unsigned long long lo = 0, hi = 0;
    if (std::sscanf(line.c_str(), "%llx-%llx ", &lo, &hi) == 2 && line.find(':') > line.find(' ')) {
      in = lo <= at && at < hi;
    } else if (in && line.rfind("Rss:", 0) == 0) {
      return std::stoul(line.substr(4));
    }
  }
  return 0;
}

}  // namespace

// The check reads every byte of the file; a metropolis's map is hundreds of MiB, of which a frame draws
// and a walk reads a small part. What the check read must not stay counted against the kiosk.
TEST_CASE("a loaded map keeps little of its file resident: what the check read is given back", "[map]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  const std::size_t file_kib = map->byte_size / 1024;
  const std::size_t after_load = resident_kib_of_mapping(map->strings.data());
  INFO("file " << file_kib << " KiB, resident after loading " << after_load << " KiB");
  CHECK(after_load < file_kib / 3);  // the routing sections, names and the tree's nodes: checked, kept
  // What is used comes back when read: a route reads the routing sections, the drawing data stays out.
  Router router(map);
  const std::size_t after_router = resident_kib_of_mapping(map->strings.data());
  INFO("resident with a router " << after_router << " KiB");
  CHECK(after_router > after_load);
  CHECK(after_router < file_kib / 2);
  // A map in memory (tests, fuzzing) is checked the same way and its buffer is left alone.
  std::ifstream in(KIOSK_SAMPLE_KMAP, std::ios::binary);
  auto bytes =
      std::make_shared<std::vector<char>>(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  const auto copy = std::make_shared<const std::vector<char>>(*bytes);
  const auto parsed = parse_map(bytes);
  CHECK(*bytes == *copy);
  CHECK(parsed->route_edges.size() == map->route_edges.size());
}

TEST_CASE("the spatial index finds exactly the features whose box meets the query", "[map]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  const auto c = map->project({50.7753, 6.0839});
  std::vector<std::uint32_t> found;
  map->query(c.x - 300, c.y - 200, c.x + 300, c.y + 200, found);
  REQUIRE_FALSE(found.empty());
  CHECK(std::is_sorted(found.begin(), found.end()));  // drawing order
  std::vector<std::uint32_t> brute;
  for (std::uint32_t i = 0; i < map->features.size(); ++i) {
    const auto& f = map->features[i];
    if (f.max_x >= c.x - 300 && f.min_x <= c.x + 300 && f.max_y >= c.y - 200 && f.min_y <= c.y + 200)
      brute.push_back(i);
  }
  CHECK(found == brute);
}

namespace {

bool same_feature(const kmap::Feature& a, const kmap::Feature& b) {
  return std::memcmp(&a, &b, sizeof a) == 0;
}

// The points, rings (from the geometry's first point) and triangles of a geometry, by value.
std::vector<float> geometry_values(const MapData& m, std::uint32_t gi) {
  const auto& g = m.geometries[gi];
  std::vector<float> v;
  for (const auto& p : m.points.subspan(g.first_point, g.point_count)) v.insert(v.end(), {p.x, p.y});
  for (const auto& r : m.rings.subspan(g.first_ring, g.ring_count))
    v.insert(v.end(), {static_cast<float>(r.first - g.first_point), static_cast<float>(r.count)});
  for (const auto i : m.indices.subspan(g.first_index, g.index_count)) v.push_back(static_cast<float>(i));
  return v;
}

}  // namespace

TEST_CASE("the whole-city layer holds exactly what is drawn at the coarsest level, in drawing order", "[map]") {
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  REQUIRE(map->coarse);
  const MapData& layer = map->for_lod(kmap::lod_count - 1);
  CHECK(&layer == map->coarse.get());
  CHECK(&map->for_lod(0) == map.get());
  const auto& h = map->header;
  const float w = h.max_x - h.min_x;
  std::vector<std::uint32_t> coarse, all;
  layer.query(h.min_x + w / 4, h.min_y, h.max_x, h.max_y, coarse);
  map->query(h.min_x + w / 4, h.min_y, h.max_x, h.max_y, all);
  std::erase_if(all, [&](std::uint32_t id) { return map->features[id].geometry[kmap::lod_count - 1] == kmap::none; });
  REQUIRE_FALSE(coarse.empty());
  REQUIRE(coarse.size() == all.size());
  for (std::size_t i = 0; i < coarse.size(); ++i)  // the same features in the same (drawing) order
    CHECK(same_feature(layer.features[coarse[i]], map->features[all[i]]));
  CHECK(layer.features.size() * 5 < map->features.size());
}

TEST_CASE("the compiler puts the geometry drawn at the coarsest level at the end, in drawing order", "[map]") {
  // The sample map as the build compiles it: a whole-city frame reads one stretch of the file.
  const auto map = load_map(KIOSK_SAMPLE_KMAP);
  const MapData& layer = *map->coarse;
  std::uint32_t expected = 0, first = kmap::none;
  for (const auto& f : layer.features) {
    const std::uint32_t g = f.geometry[kmap::lod_count - 1];
    if (first == kmap::none) first = expected = g;
    if (g < expected) continue;  // shared with an earlier feature
    CHECK(g == expected);
    expected = g + 1;
  }
  CHECK(expected == map->geometries.size());
  std::size_t coarse_points = 0;  // and their points end the points section
  for (std::uint32_t g = first; g < map->geometries.size(); ++g) coarse_points += map->geometries[g].point_count;
  CHECK(map->geometries[first].first_point + coarse_points == map->points.size());

  // On a hand-made map (drawn: the park, then the road): every feature keeps its geometries by value at
  // every level of detail, and only the park's closest one stays in front.
  MapContents before = tiny_map();
  REQUIRE(before.geometries.size() == 2);
  kmap::Geometry detail{};
  detail.first_point = static_cast<std::uint32_t>(before.points.size());
  detail.point_count = 5;
  for (const kmap::Point p : {kmap::Point{10, 10}, {50, 5}, {90, 10}, {90, 90}, {10, 90}}) before.points.push_back(p);
  detail.first_ring = static_cast<std::uint32_t>(before.rings.size()), detail.ring_count = 1;
  before.rings.push_back({detail.first_point, 5});
  detail.first_index = static_cast<std::uint32_t>(before.indices.size()), detail.index_count = 9;
  for (std::uint32_t i : {0u, 1u, 2u, 0u, 2u, 3u, 0u, 3u, 4u}) before.indices.push_back(i);
  before.geometries.push_back(detail);
  before.features.front().geometry[0] = 2;
  MapContents after = before;
  after.group_coarse_geometry();
  REQUIRE(after.geometries.size() == before.geometries.size());
  const auto a = parse_map(bytes_of(before)), b = parse_map(bytes_of(after));
  for (std::size_t i = 0; i < a->features.size(); ++i)
    for (int lod = 0; lod < kmap::lod_count; ++lod) {
      const auto ga = a->features[i].geometry[lod], gb = b->features[i].geometry[lod];
      REQUIRE((ga == kmap::none) == (gb == kmap::none));
      if (ga != kmap::none) CHECK(geometry_values(*a, ga) == geometry_values(*b, gb));
    }
  CHECK(b->features.front().geometry[0] == 0);                    // the park up close
  CHECK(b->features.front().geometry[kmap::lod_count - 1] == 1);  // the park from afar
  CHECK(b->features.back().geometry[kmap::lod_count - 1] == 2);   // the road
  CHECK(b->rings[b->geometries[1].first_ring].first == b->geometries[1].first_point);
}

TEST_CASE("names come in the resident's language where the map has one", "[map]") {
  const auto map = parse_map(bytes_of(tiny_map()));
  const auto& e = map->route_edges[0];
  CHECK(map->name(e.name_set, "ar") == "الشارع الرئيسي");
  CHECK(map->name(e.name_set, "ar-EG") == "الشارع الرئيسي");
  CHECK(map->name(e.name_set, "ta") == "Hauptstraße");
  CHECK(map->name(0, "de").empty());
  CHECK(map->name(9999, "de").empty());
}

TEST_CASE("damaged maps are refused with a message that says what is wrong", "[map][corrupt]") {
  const std::vector<char> good = serialize(tiny_map());
  REQUIRE(parse_error(good).empty());

  SECTION("too short") {
    CHECK_THAT(parse_error({good.begin(), good.begin() + 20}), Catch::Contains("too short"));
  }
  SECTION("truncated") {
    CHECK_THAT(parse_error({good.begin(), good.end() - 8}), Catch::Contains("truncated"));
  }
  SECTION("appended to") {
    auto b = good;
    b.push_back(0);
    CHECK_THAT(parse_error(b), Catch::Contains("truncated or appended"));
  }
  SECTION("not a map") {
    auto b = good;
    b[0] = 'X';
    CHECK_THAT(parse_error(b), Catch::Contains("wrong magic"));
  }
  SECTION("another format version") {
    auto b = good;
    reinterpret_cast<kmap::Header*>(b.data())->version = 99;
    CHECK_THAT(parse_error(b), Catch::Contains("version 99"));
  }
  SECTION("a section past the end") {
    auto b = good;
    section(b, kmap::SectionId::points).count = 1u << 30;
    CHECK_THAT(parse_error(b), Catch::Contains("section points") && Catch::Contains("past the end"));
  }
  SECTION("a section with another element size") {
    auto b = good;
    section(b, kmap::SectionId::route_edges).element_size = 12;
    CHECK_THAT(parse_error(b), Catch::Contains("route_edges: element size 12"));
  }
  SECTION("no sections at all (found by fuzz_kmap)") {
    auto b = good;
    reinterpret_cast<kmap::Header*>(b.data())->section_count = 0;
    CHECK_THAT(parse_error(b), Catch::Contains("no sections"));
  }
  SECTION("a missing section") {
    auto b = good;
    section(b, kmap::SectionId::pois).id = 999;
    CHECK_THAT(parse_error(b), Catch::Contains("section pois is missing"));
  }
  SECTION("a misaligned section") {
    auto b = good;
    section(b, kmap::SectionId::names).offset += 1;
    CHECK_THAT(parse_error(b), Catch::Contains("not 8-byte aligned"));
  }
  SECTION("a triangle corner out of range") {
    auto b = good;
    elements<std::uint32_t>(b, kmap::SectionId::indices)[2] = 77;
    CHECK_THAT(parse_error(b), Catch::Contains("triangle corner"));
  }
  SECTION("a geometry beyond the points") {
    auto b = good;
    elements<kmap::Geometry>(b, kmap::SectionId::geometries)[1].point_count = 1000;
    CHECK_THAT(parse_error(b), Catch::Contains("geometry 1"));
  }
  SECTION("a node listing an edge that does not touch it (found by fuzz_kmap)") {
    auto b = good;
    const auto* edges = elements<kmap::RouteEdge>(b, kmap::SectionId::route_edges);
    auto* adjacency = elements<std::uint32_t>(b, kmap::SectionId::route_adjacency);
    const auto* offsets = elements<std::uint32_t>(b, kmap::SectionId::route_offsets);
    // At node 0, list an edge between two other nodes.
    std::uint32_t other = 0;
    while (edges[other].a == 0 || edges[other].b == 0) ++other;
    adjacency[offsets[0]] = other;
    CHECK_THAT(parse_error(b),
               Catch::Contains(fmt::format("route node 0: lists edge {}, which does not touch it", other)));
  }
  SECTION("a cycle in the spatial index") {
    auto b = good;
    auto& root = elements<kmap::TreeNode>(b, kmap::SectionId::tree_nodes)[0];
    root.leaf = 0;
    root.first = 0;
    root.count = 1;
    CHECK_THAT(parse_error(b), Catch::Contains("do not come before it"));
  }
  SECTION("a route edge to a node that does not exist") {
    auto b = good;
    elements<kmap::RouteEdge>(b, kmap::SectionId::route_edges)[3].b = 4000;
    CHECK_THAT(parse_error(b), Catch::Contains("route edge 3: node out of range"));
  }
  SECTION("adjacency that does not add up") {
    auto b = good;
    elements<std::uint32_t>(b, kmap::SectionId::route_offsets)[2] = 0;
    CHECK_THAT(parse_error(b), Catch::Contains("route offsets decrease"));
  }
  SECTION("a coordinate that is not a number") {
    auto b = good;
    elements<kmap::Point>(b, kmap::SectionId::points)[0].x = std::numeric_limits<float>::quiet_NaN();
    CHECK_THAT(parse_error(b), Catch::Contains("point 0 is outside"));
  }
  SECTION("strings that are not UTF-8") {
    auto b = good;
    elements<char>(b, kmap::SectionId::strings)[1] = '\xff';
    CHECK_THAT(parse_error(b), Catch::Contains("not valid UTF-8"));
  }
  SECTION("a string table without its final NUL") {
    auto b = good;
    auto& s = section(b, kmap::SectionId::strings);
    elements<char>(b, kmap::SectionId::strings)[s.count - 1] = 'x';
    CHECK_THAT(parse_error(b), Catch::Contains("does not end with NUL"));
  }
  SECTION("a missing file") {
    CHECK_THROWS_WITH(load_map("/nonexistent/city.kmap"), Catch::Contains("cannot open"));
  }
}

TEST_CASE("no damage to any byte makes the loader or a route read outside the file", "[map][corrupt]") {
  // Every byte of the header and the section table, and random bytes after: each damaged map either
  // loads (and then answers a query and a route) or is refused. ASan checks the "outside".
  const std::vector<char> good = serialize(tiny_map());
  std::mt19937 rng(7);
  int refused = 0, loaded = 0;
  std::vector<std::size_t> positions;
  for (std::size_t i = 0; i < sizeof(kmap::Header) + 16 * sizeof(kmap::SectionEntry); ++i) positions.push_back(i);
  for (int i = 0; i < 2000; ++i) positions.push_back(rng() % good.size());
  for (const std::size_t pos : positions) {
    auto b = std::make_shared<std::vector<char>>(good);
    (*b)[pos] = static_cast<char>((*b)[pos] ^ static_cast<char>(1 + rng() % 255));
    try {
      auto map = parse_map(b);
      std::vector<std::uint32_t> found;
      map->query(-1e6f, -1e6f, 1e6f, 1e6f, found);
      Router router(map);
      router.route(tiny_geo(0, 0), tiny_geo(200, 0), RouteProfile::foot);
      ++loaded;
    } catch (const MapError&) {
      ++refused;
    }
  }
  CHECK(refused > 100);
  CHECK(loaded > 100);
}
