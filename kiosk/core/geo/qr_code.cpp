#include "core/geo/qr_code.h"

#include <qrencode.h>

#include <fmt/format.h>

#include <cctype>
#include <memory>

namespace kiosk {

std::optional<QrCode> make_qr_code(const std::string& text) {
  std::unique_ptr<QRcode, decltype(&QRcode_free)> qr(
      QRcode_encodeData(static_cast<int>(text.size()), reinterpret_cast<const unsigned char*>(text.data()), 0,
                        QR_ECLEVEL_M),
      &QRcode_free);
  if (!qr) return std::nullopt;
  QrCode out;
  out.size = qr->width;
  out.dark.resize(static_cast<std::size_t>(qr->width * qr->width));
  for (std::size_t i = 0; i < out.dark.size(); ++i) out.dark[i] = qr->data[i] & 1;  // bit 0: dark
  return out;
}

std::string geo_uri(GeoPoint p, const std::string& name) {
  std::string label;
  for (const char ch : name) {
    const auto c = static_cast<unsigned char>(ch);
    // Unreserved characters stay; everything else, including the brackets the label sits in, is escaped.
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~')
      label += static_cast<char>(c);
    else
      label += fmt::format("%{:02X}", c);
  }
  const std::string at = fmt::format("{:.6f},{:.6f}", p.lat, p.lon);
  return label.empty() ? "geo:" + at : fmt::format("geo:{}?q={}({})", at, at, label);
}

}  // namespace kiosk
