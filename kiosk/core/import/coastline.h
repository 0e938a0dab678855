#pragma once
// The sea inside an extract's box, from OSM's coastline ways (natural=coastline: land on the left, sea on
// the right). A city extract holds only a piece of the world's coastline, cut open at the box, so it is
// closed along the box here: the coastlines and the box's edge split the box into faces, and each face
// is land or sea by the side of the coastline it borders. (osmcoastline, Debian's tool for this, builds
// the closed rings of the whole planet: it cannot close a coastline that an extract cut open.)

#include <cstddef>
#include <cstdint>
#include <utility>
#include <vector>

namespace kiosk {

// In the map's local metres (x east, y north).
using CoastXY = std::pair<double, double>;

struct CoastWay {
  std::vector<std::int64_t> nodes;  // OSM node ids, to join ways end to start
  std::vector<CoastXY> points;      // the same length as nodes
};

struct CoastBox {
  double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
};

// A polygon: the outer ring first, then holes; each ring closed (first point == last point).
struct SeaPolygon {
  std::vector<std::vector<CoastXY>> rings;
};

struct SeaReport {
  std::size_t ways = 0;   // coastline ways read
  std::size_t faces = 0;  // pieces the coastlines cut the box into
  std::size_t sea = 0;    // of which sea
  // Coastline ends inside the box too far from its edge to close it there (a gap in the data): the
  // faces around them may be wrong, so the map compiler reports them.
  std::size_t open_ends = 0;
};

// How far a coastline end that stops short of the box (an extract cut without its outside nodes) may be
// from the box's edge and still be continued straight to it.
inline constexpr double coast_end_reach_m = 500;

// The sea polygons in the box. No coastline in the box: no sea (the box is taken to be land).
std::vector<SeaPolygon> sea_polygons(const std::vector<CoastWay>& ways, const CoastBox& box, SeaReport& report);

}  // namespace kiosk
