#include "core/import/osm_replicate.h"

#include <osmium/builder/osm_object_builder.hpp>
#include <osmium/io/any_input.hpp>
#include <osmium/io/any_output.hpp>
#include <osmium/memory/buffer.hpp>
#include <osmium/osm.hpp>

#include <algorithm>
#include <cmath>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

namespace kiosk {

namespace {

// Where walking ways end near an edge of the extract: the extract cut them there.
struct SeamEnds {
  std::vector<osmium::object_id_type> west, east, south, north;  // original node ids
};

struct Source {
  osmium::memory::Buffer nodes{1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  osmium::memory::Buffer ways{1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  osmium::memory::Buffer relations{1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  osmium::Box box;
  // Fresh ids: each object's place in its kind's order (1-based), so a copy's ids are a dense block.
  std::unordered_map<osmium::object_id_type, osmium::object_id_type> node_index, way_index, relation_index;
  std::unordered_map<osmium::object_id_type, osmium::Location> locations;
  SeamEnds ends;
};

Source read_source(const std::filesystem::path& pbf) {
  Source s;
  osmium::io::Reader reader(pbf.string());
  s.box = reader.header().box();
  if (!s.box.valid()) throw std::runtime_error(pbf.string() + ": the extract has no bounding box");
  while (osmium::memory::Buffer buffer = reader.read()) {
    for (const auto& item : buffer) {
      if (item.type() == osmium::item_type::node) {
        const auto& n = static_cast<const osmium::Node&>(item);
        s.node_index.emplace(n.id(), static_cast<osmium::object_id_type>(s.node_index.size() + 1));
        s.locations.emplace(n.id(), n.location());
        s.nodes.add_item(n);
        s.nodes.commit();
      } else if (item.type() == osmium::item_type::way) {
        const auto& w = static_cast<const osmium::Way&>(item);
        s.way_index.emplace(w.id(), static_cast<osmium::object_id_type>(s.way_index.size() + 1));
        s.ways.add_item(w);
        s.ways.commit();
      } else if (item.type() == osmium::item_type::relation) {
        const auto& r = static_cast<const osmium::Relation&>(item);
        s.relation_index.emplace(r.id(), static_cast<osmium::object_id_type>(s.relation_index.size() + 1));
        s.relations.add_item(r);
        s.relations.commit();
      }
    }
  }
  reader.close();
  return s;
}

double metres_between(osmium::Location a, osmium::Location b) {
  const double lat = (a.lat() + b.lat()) / 2 * M_PI / 180;
  const double dx = (a.lon() - b.lon()) * 111320.0 * std::cos(lat), dy = (a.lat() - b.lat()) * 110540.0;
  return std::hypot(dx, dy);
}

// The ends of walkable ways (highway=*) within 150 m of an edge of the box, per edge.
void find_seam_ends(Source& s) {
  constexpr double near_m = 150;
  for (const auto& w : s.ways.select<osmium::Way>()) {
    if (!w.tags().has_key("highway") || w.nodes().size() < 2) continue;
    for (const auto& ref : {w.nodes().front(), w.nodes().back()}) {
      const auto at = s.locations.find(ref.ref());
      if (at == s.locations.end() || !at->second.valid()) continue;
      const osmium::Location l = at->second;
      const auto bl = s.box.bottom_left(), tr = s.box.top_right();
      if (metres_between(l, {bl.lon(), l.lat()}) < near_m) s.ends.west.push_back(ref.ref());
      if (metres_between(l, {tr.lon(), l.lat()}) < near_m) s.ends.east.push_back(ref.ref());
      if (metres_between(l, {l.lon(), bl.lat()}) < near_m) s.ends.south.push_back(ref.ref());
      if (metres_between(l, {l.lon(), tr.lat()}) < near_m) s.ends.north.push_back(ref.ref());
    }
  }
  for (auto* v : {&s.ends.west, &s.ends.east, &s.ends.south, &s.ends.north}) {
    std::sort(v->begin(), v->end());
    v->erase(std::unique(v->begin(), v->end()), v->end());
  }
}

struct Grid {
  int side = 1;
  double dlon = 0, dlat = 0;
  osmium::object_id_type nodes = 0, ways = 0, relations = 0;  // ids per copy
};

osmium::object_id_type fresh(osmium::object_id_type index, int copy, osmium::object_id_type per_copy) {
  return static_cast<osmium::object_id_type>(copy) * per_copy + index;
}

osmium::Location shifted(osmium::Location l, const Grid& g, int copy) {
  if (!l.valid()) return l;
  return {l.lon() + g.dlon * (copy % g.side), l.lat() + g.dlat * (copy / g.side)};
}

// Tags, with the names of copies after the first suffixed: "Markt 3", so that each copy's places differ.
void copy_tags(osmium::builder::Builder& parent, const osmium::TagList& tags, int copy) {
  osmium::builder::TagListBuilder tb(parent);
  for (const auto& t : tags) {
    const std::string_view key = t.key();
    if (copy > 0 && (key == "name" || key.starts_with("name:")))
      tb.add_tag(t.key(), std::string(t.value()) + " " + std::to_string(copy + 1));
    else
      tb.add_tag(t);
  }
}

void write_nodes(osmium::io::Writer& writer, const Source& s, const Grid& g, int copy) {
  osmium::memory::Buffer out{1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  for (const auto& n : s.nodes.select<osmium::Node>()) {
    {
      osmium::builder::NodeBuilder b(out);
      b.set_id(fresh(s.node_index.at(n.id()), copy, g.nodes)).set_version(1);
      b.set_location(shifted(n.location(), g, copy));
      copy_tags(b, n.tags(), copy);
    }
    out.commit();
    if (out.committed() > 8 * 1024 * 1024)
      writer(std::exchange(out, osmium::memory::Buffer{1024 * 1024, osmium::memory::Buffer::auto_grow::yes}));
  }
  writer(std::move(out));
}

void write_ways(osmium::io::Writer& writer, const Source& s, const Grid& g, int copy) {
  osmium::memory::Buffer out{1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  for (const auto& w : s.ways.select<osmium::Way>()) {
    {
      osmium::builder::WayBuilder b(out);
      b.set_id(fresh(s.way_index.at(w.id()), copy, g.ways)).set_version(1);
      copy_tags(b, w.tags(), copy);
      osmium::builder::WayNodeListBuilder nb(b);
      for (const auto& ref : w.nodes()) {
        const auto it = s.node_index.find(ref.ref());
        if (it != s.node_index.end()) nb.add_node_ref(fresh(it->second, copy, g.nodes));
      }
    }
    out.commit();
  }
  writer(std::move(out));
}

void write_relations(osmium::io::Writer& writer, const Source& s, const Grid& g, int copy) {
  osmium::memory::Buffer out{1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  for (const auto& r : s.relations.select<osmium::Relation>()) {
    {
      osmium::builder::RelationBuilder b(out);
      b.set_id(fresh(s.relation_index.at(r.id()), copy, g.relations)).set_version(1);
      copy_tags(b, r.tags(), copy);
      osmium::builder::RelationMemberListBuilder mb(b);
      for (const auto& m : r.members()) {
        const auto& index = m.type() == osmium::item_type::node  ? s.node_index
                            : m.type() == osmium::item_type::way ? s.way_index
                                                                 : s.relation_index;
        const auto per_copy = m.type() == osmium::item_type::node  ? g.nodes
                              : m.type() == osmium::item_type::way ? g.ways
                                                                   : g.relations;
        const auto it = index.find(m.ref());
        if (it != index.end()) mb.add_member(m.type(), fresh(it->second, copy, per_copy), m.role());
      }
    }
    out.commit();
  }
  writer(std::move(out));
}

// Footways across one seam: each way end on the first side to the nearest unused one on the other side,
// when that is at most max_m away. Greedy, nearest pairs first: deterministic.
std::size_t stitch(osmium::memory::Buffer& out, osmium::object_id_type& next_way, const Source& s, const Grid& g,
                   int copy_a, const std::vector<osmium::object_id_type>& side_a, int copy_b,
                   const std::vector<osmium::object_id_type>& side_b, double max_m) {
  struct Pair {
    double m;
    std::size_t a, b;
  };
  std::vector<Pair> pairs;
  for (std::size_t i = 0; i < side_a.size(); ++i)
    for (std::size_t j = 0; j < side_b.size(); ++j) {
      const double m =
          metres_between(shifted(s.locations.at(side_a[i]), g, copy_a), shifted(s.locations.at(side_b[j]), g, copy_b));
      if (m <= max_m) pairs.push_back({m, i, j});
    }
  std::sort(pairs.begin(), pairs.end(), [](const Pair& x, const Pair& y) {
    return x.m != y.m ? x.m < y.m : x.a != y.a ? x.a < y.a : x.b < y.b;
  });
  std::vector<bool> used_a(side_a.size()), used_b(side_b.size());
  std::size_t links = 0;
  for (const Pair& p : pairs) {
    if (used_a[p.a] || used_b[p.b]) continue;
    used_a[p.a] = used_b[p.b] = true;
    {
      osmium::builder::WayBuilder b(out);
      b.set_id(++next_way).set_version(1);
      {
        osmium::builder::TagListBuilder tb(b);
        tb.add_tag("highway", "footway");
        tb.add_tag("note", "metropolis seam");
      }
      osmium::builder::WayNodeListBuilder nb(b);
      nb.add_node_ref(fresh(s.node_index.at(side_a[p.a]), copy_a, g.nodes));
      nb.add_node_ref(fresh(s.node_index.at(side_b[p.b]), copy_b, g.nodes));
    }
    out.commit();
    ++links;
  }
  return links;
}

}  // namespace

ReplicateReport replicate_extract(const ReplicateOptions& o) {
  const int side = static_cast<int>(std::lround(std::sqrt(o.factor)));
  if (o.factor < 1 || o.factor > 256 || side * side != o.factor)
    throw std::runtime_error("the factor must be a square number from 1 to 256 (4, 16, 64)");
  Source s = read_source(o.pbf);
  find_seam_ends(s);
  Grid g;
  g.side = side;
  g.dlon = s.box.top_right().lon() - s.box.bottom_left().lon();
  g.dlat = s.box.top_right().lat() - s.box.bottom_left().lat();
  g.nodes = static_cast<osmium::object_id_type>(s.node_index.size());
  g.ways = static_cast<osmium::object_id_type>(s.way_index.size());
  g.relations = static_cast<osmium::object_id_type>(s.relation_index.size());

  ReplicateReport r;
  r.side = side;
  r.west = s.box.bottom_left().lon();
  r.south = s.box.bottom_left().lat();
  r.east = r.west + g.dlon * side;
  r.north = r.south + g.dlat * side;
  r.copy_width_deg = g.dlon;
  r.copy_height_deg = g.dlat;

  osmium::io::Header header;
  header.set("generator", "kioskctl map replicate");
  header.add_box(osmium::Box(r.west, r.south, r.east, r.north));
  osmium::io::Writer writer(o.out.string(), header, osmium::io::overwrite::allow);
  // Nodes first, then ways, then relations, as readers expect.
  for (int copy = 0; copy < o.factor; ++copy) write_nodes(writer, s, g, copy);
  for (int copy = 0; copy < o.factor; ++copy) write_ways(writer, s, g, copy);
  osmium::memory::Buffer links{1024 * 1024, osmium::memory::Buffer::auto_grow::yes};
  osmium::object_id_type next_way = g.ways * o.factor;
  for (int copy = 0; copy < o.factor; ++copy) {
    const int col = copy % side, row = copy / side;
    if (col + 1 < side)
      r.seam_links += stitch(links, next_way, s, g, copy, s.ends.east, copy + 1, s.ends.west, o.seam_link_m);
    if (row + 1 < side)
      r.seam_links += stitch(links, next_way, s, g, copy, s.ends.north, copy + side, s.ends.south, o.seam_link_m);
  }
  writer(std::move(links));
  for (int copy = 0; copy < o.factor; ++copy) write_relations(writer, s, g, copy);
  writer.close();
  r.nodes = s.node_index.size() * static_cast<std::size_t>(o.factor);
  r.ways = s.way_index.size() * static_cast<std::size_t>(o.factor) + r.seam_links;
  r.relations = s.relation_index.size() * static_cast<std::size_t>(o.factor);
  return r;
}

}  // namespace kiosk
