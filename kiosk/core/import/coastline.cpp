#include "core/import/coastline.h"

#include <algorithm>
#include <cmath>
#include <memory>
#include <unordered_map>

#include "core/import/geos_handle.h"

namespace kiosk {

namespace {

using Line = std::vector<CoastXY>;

// Ways joined end to start into the longest lines they make (a coastline is many ways).
std::vector<Line> join_ways(const std::vector<CoastWay>& ways) {
  std::unordered_multimap<std::int64_t, std::size_t> by_first;
  std::unordered_map<std::int64_t, int> ends_here;
  for (std::size_t i = 0; i < ways.size(); ++i) {
    if (ways[i].nodes.size() < 2) continue;
    by_first.emplace(ways[i].nodes.front(), i);
    ++ends_here[ways[i].nodes.back()];
  }
  std::vector<bool> used(ways.size(), false);
  std::vector<Line> lines;
  auto follow = [&](std::size_t i) {
    Line line;
    std::int64_t start = ways[i].nodes.front();
    while (true) {
      used[i] = true;
      const auto& w = ways[i];
      line.insert(line.end(), w.points.begin() + (line.empty() ? 0 : 1), w.points.end());
      if (w.nodes.back() == start) break;  // a closed ring
      std::size_t next = ways.size();
      for (auto [it, end] = by_first.equal_range(w.nodes.back()); it != end; ++it)
        if (!used[it->second]) next = it->second;
      if (next == ways.size()) break;
      i = next;
    }
    lines.push_back(std::move(line));
  };
  // Open lines from their first way, then what is left: rings.
  for (std::size_t i = 0; i < ways.size(); ++i)
    if (!used[i] && ways[i].nodes.size() >= 2 && !ends_here.contains(ways[i].nodes.front())) follow(i);
  for (std::size_t i = 0; i < ways.size(); ++i)
    if (!used[i] && ways[i].nodes.size() >= 2) follow(i);
  return lines;
}

bool inside(const CoastBox& b, CoastXY p) {
  return p.first > b.min_x && p.first < b.max_x && p.second > b.min_y && p.second < b.max_y;
}

// The nearest point on the box's edge to a point inside it, and how far it is.
std::pair<CoastXY, double> to_edge(const CoastBox& b, CoastXY p) {
  const double d[4] = {p.first - b.min_x, b.max_x - p.first, p.second - b.min_y, b.max_y - p.second};
  const int k = static_cast<int>(std::min_element(d, d + 4) - d);
  const CoastXY q = k == 0   ? CoastXY{b.min_x, p.second}
                    : k == 1 ? CoastXY{b.max_x, p.second}
                    : k == 2 ? CoastXY{p.first, b.min_y}
                             : CoastXY{p.first, b.max_y};
  return {q, d[k]};
}

// Directed coastline segments by grid cell, to find the one a face's edge lies on.
struct SegmentGrid {
  double cell = 100, x0 = 0, y0 = 0;
  int cols = 1, rows = 1;
  std::vector<std::pair<CoastXY, CoastXY>> segments;
  std::vector<std::vector<std::uint32_t>> cells;

  SegmentGrid(const CoastBox& b, const std::vector<Line>& lines) : x0(b.min_x), y0(b.min_y) {
    cell = std::max(50.0, std::max(b.max_x - b.min_x, b.max_y - b.min_y) / 512);
    cols = std::max(1, static_cast<int>(std::ceil((b.max_x - b.min_x) / cell)));
    rows = std::max(1, static_cast<int>(std::ceil((b.max_y - b.min_y) / cell)));
    cells.resize(static_cast<std::size_t>(cols) * static_cast<std::size_t>(rows));
    for (const Line& l : lines)
      for (std::size_t i = 1; i < l.size(); ++i) {
        const auto& a = l[i - 1];
        const auto& c = l[i];
        const int cx0 = col(std::min(a.first, c.first)), cx1 = col(std::max(a.first, c.first));
        const int cy0 = row(std::min(a.second, c.second)), cy1 = row(std::max(a.second, c.second));
        if (std::max(a.first, c.first) < b.min_x || std::min(a.first, c.first) > b.max_x ||
            std::max(a.second, c.second) < b.min_y || std::min(a.second, c.second) > b.max_y)
          continue;
        const auto id = static_cast<std::uint32_t>(segments.size());
        segments.emplace_back(a, c);
        for (int y = cy0; y <= cy1; ++y)
          for (int x = cx0; x <= cx1; ++x) cells[cell_of(x, y)].push_back(id);
      }
  }
  [[nodiscard]] std::size_t cell_of(int x, int y) const {
    return static_cast<std::size_t>(y) * static_cast<std::size_t>(cols) + static_cast<std::size_t>(x);
  }
  [[nodiscard]] int col(double x) const { return std::clamp(static_cast<int>((x - x0) / cell), 0, cols - 1); }
  [[nodiscard]] int row(double y) const { return std::clamp(static_cast<int>((y - y0) / cell), 0, rows - 1); }

  // The segment the point lies on (within a few centimetres), or nullptr.
  [[nodiscard]] const std::pair<CoastXY, CoastXY>* on(CoastXY p) const {
    for (std::uint32_t id : cells[cell_of(col(p.first), row(p.second))]) {
      const auto& [a, b] = segments[id];
      const double dx = b.first - a.first, dy = b.second - a.second;
      const double len2 = dx * dx + dy * dy;
      if (len2 <= 0) continue;
      const double t = ((p.first - a.first) * dx + (p.second - a.second) * dy) / len2;
      if (t < -1e-9 || t > 1 + 1e-9) continue;
      if (std::hypot(a.first + t * dx - p.first, a.second + t * dy - p.second) < 0.05) return &segments[id];
    }
    return nullptr;
  }
};

GEOSGeometry* make_line(GEOSContextHandle_t h, const Line& l) {
  GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, static_cast<unsigned>(l.size()), 2);
  for (unsigned i = 0; i < l.size(); ++i) GEOSCoordSeq_setXY_r(h, seq, i, l[i].first, l[i].second);
  return GEOSGeom_createLineString_r(h, seq);
}

Line ring_points(GEOSContextHandle_t h, const GEOSGeometry* ring) {
  const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
  unsigned n = 0;
  GEOSCoordSeq_getSize_r(h, seq, &n);
  Line out(n);
  for (unsigned i = 0; i < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &out[i].first, &out[i].second);
  return out;
}

}  // namespace

std::vector<SeaPolygon> sea_polygons(const std::vector<CoastWay>& ways, const CoastBox& box, SeaReport& report) {
  report = {};
  report.ways = ways.size();
  std::vector<Line> lines = join_ways(ways);
  // An end inside the box: the extract kept only the inside nodes of a way it cut, or the data has a gap.
  for (Line& l : lines) {
    if (l.size() < 2 || l.front() == l.back()) continue;
    if (inside(box, l.front())) {
      const auto [q, d] = to_edge(box, l.front());
      if (d <= coast_end_reach_m)
        l.insert(l.begin(), q);
      else
        ++report.open_ends;
    }
    if (inside(box, l.back())) {
      const auto [q, d] = to_edge(box, l.back());
      if (d <= coast_end_reach_m)
        l.push_back(q);
      else
        ++report.open_ends;
    }
  }
  std::erase_if(lines, [](const Line& l) { return l.size() < 2; });
  if (lines.empty()) return {};

  GeosContext geos;
  const GEOSContextHandle_t h = geos.h;
  std::vector<GEOSGeometry*> parts;
  for (const Line& l : lines)
    if (GEOSGeometry* g = make_line(h, l)) parts.push_back(g);
  GeomPtr coast(GEOSGeom_createCollection_r(h, GEOS_MULTILINESTRING, parts.data(), static_cast<unsigned>(parts.size())),
                {h});
  const Line corners = {{box.min_x, box.min_y},
                        {box.max_x, box.min_y},
                        {box.max_x, box.max_y},
                        {box.min_x, box.max_y},
                        {box.min_x, box.min_y}};
  GeomPtr edge(make_line(h, corners), {h});
  GEOSCoordSequence* ring_seq = GEOSCoordSeq_create_r(h, 5, 2);
  for (unsigned i = 0; i < 5; ++i) GEOSCoordSeq_setXY_r(h, ring_seq, i, corners[i].first, corners[i].second);
  GeomPtr area(GEOSGeom_createPolygon_r(h, GEOSGeom_createLinearRing_r(h, ring_seq), nullptr, 0), {h});
  if (!coast || !edge || !area) return {};
  GeomPtr clipped(GEOSIntersection_r(h, coast.get(), area.get()), {h});
  if (!clipped || GEOSisEmpty_r(h, clipped.get())) return {};
  // Noded together with the box's edge, the lines bound the faces.
  GeomPtr noded(GEOSUnion_r(h, clipped.get(), edge.get()), {h});
  if (!noded) return {};
  const GEOSGeometry* input = noded.get();
  GeomPtr faces(GEOSPolygonize_r(h, &input, 1), {h});
  if (!faces) return {};

  const SegmentGrid grid(box, lines);
  std::vector<SeaPolygon> sea;
  const int n = GEOSGetNumGeometries_r(h, faces.get());
  report.faces = static_cast<std::size_t>(n);
  for (int i = 0; i < n; ++i) {
    const GEOSGeometry* face = GEOSGetGeometryN_r(h, faces.get(), i);
    const int holes = GEOSGetNumInteriorRings_r(h, face);
    // Each edge of the face that lies on a coastline votes, by its length, for the side the face is on:
    // the face's inside is left of an outer ring walked counter-clockwise (right of a hole's).
    double land = 0, water = 0;
    SeaPolygon poly;
    for (int r = -1; r < holes; ++r) {
      const GEOSGeometry* ring = r < 0 ? GEOSGetExteriorRing_r(h, face) : GEOSGetInteriorRingN_r(h, face, r);
      char ccw = 0;
      GEOSCoordSeq_isCCW_r(h, GEOSGeom_getCoordSeq_r(h, ring), &ccw);
      const bool inside_left = (r < 0) == (ccw != 0);
      Line pts = ring_points(h, ring);
      for (std::size_t k = 1; k < pts.size(); ++k) {
        const auto& a = pts[k - 1];
        const auto& b = pts[k];
        const auto* s = grid.on({(a.first + b.first) / 2, (a.second + b.second) / 2});
        if (!s) continue;
        const bool same_way = (b.first - a.first) * (s->second.first - s->first.first) +
                                  (b.second - a.second) * (s->second.second - s->first.second) >
                              0;
        const double len = std::hypot(b.first - a.first, b.second - a.second);
        (inside_left == same_way ? land : water) += len;
      }
      poly.rings.push_back(std::move(pts));
    }
    if (water > land) {
      sea.push_back(std::move(poly));
      ++report.sea;
    }
  }
  return sea;
}

}  // namespace kiosk
