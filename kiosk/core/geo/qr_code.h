#pragma once
// QR codes (libqrencode) for taking a destination along on a phone, and the geo: URI they carry.

#include <optional>
#include <string>
#include <vector>

#include "core/model/model.h"

namespace kiosk {

struct QrCode {
  int size = 0;                     // modules per side, without the quiet zone
  std::vector<unsigned char> dark;  // size * size, row by row: 1 = dark module
  [[nodiscard]] bool at(int x, int y) const { return dark[static_cast<std::size_t>(y * size + x)] != 0; }
};

// nullopt when the text does not fit into a QR code (about 2.9 kB at level M).
std::optional<QrCode> make_qr_code(const std::string& text);

// RFC 5870 geo URI with the label phones show: "geo:50.774400,6.087130?q=50.774400,6.087130(Name)".
// Only the destination: nothing about the kiosk or the visit. The name is percent-encoded UTF-8.
std::string geo_uri(GeoPoint p, const std::string& name);

}  // namespace kiosk
