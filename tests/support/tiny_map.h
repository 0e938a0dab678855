#pragma once
// A small hand-made map for tests that need exact answers: a few named streets, steps, an island.
//
//   D(0,150) ---Nordweg--- C(100,100)
//      |                    | steps
//   Westweg                 |
//      |                    |
//   A(0,0) --Hauptstraße-- B(100,0) --Hauptstraße-- E(200,0)
//                           | steps
//                          H(100,-100) --Inselweg-- I(100,-200)   (reachable only by the steps)

#include "core/mapdata/map_writer.h"
#include "core/model/model.h"

namespace kiosk::test {

inline constexpr double tiny_lat0 = 50.77, tiny_lon0 = 6.08;
enum TinyNode : std::uint32_t { A, B, C, D, E, H, I };

MapContents tiny_map();
// Local metres of the tiny map to degrees.
GeoPoint tiny_geo(float x, float y);

}  // namespace kiosk::test
