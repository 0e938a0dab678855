#pragma once
// GEOS's reentrant C API with ownership: a context per user (GEOS contexts are not shared between
// threads) and geometries that are destroyed with the context that made them.

#include <geos_c.h>

#include <memory>

namespace kiosk {

struct GeosContext {
  GEOSContextHandle_t h = GEOS_init_r();
  GeosContext() = default;
  GeosContext(const GeosContext&) = delete;
  GeosContext& operator=(const GeosContext&) = delete;
  ~GeosContext() { GEOS_finish_r(h); }
};

struct GeomDeleter {
  GEOSContextHandle_t h;
  void operator()(GEOSGeometry* g) const {
    if (g) GEOSGeom_destroy_r(h, g);
  }
};
using GeomPtr = std::unique_ptr<GEOSGeometry, GeomDeleter>;

}  // namespace kiosk
