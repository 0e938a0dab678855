#include "core/model/model.h"

#include <algorithm>

namespace kiosk {

const std::string* LocalizedText::find(const std::string& tag) const {
  auto it = by_locale.find(tag);
  return it == by_locale.end() ? nullptr : &it->second;
}

const Category* Bundle::find_category(const std::string& category_id) const {
  auto it = std::find_if(categories.begin(), categories.end(), [&](const Category& c) { return c.id == category_id; });
  return it == categories.end() ? nullptr : &*it;
}

const Service* Bundle::find_service(const std::string& service_id) const {
  auto it = std::find_if(services.begin(), services.end(), [&](const Service& s) { return s.id == service_id; });
  return it == services.end() ? nullptr : &*it;
}

}  // namespace kiosk
