#include "core/bundle/i18n_coverage.h"

namespace kiosk {
namespace {

// The loader names files as root/rel; editors look for rel in their bundle folder.
std::string relative_to(const std::string& file, std::string root) {
  while (root.size() > 1 && root.back() == '/') root.pop_back();
  if (file.size() > root.size() && file.compare(0, root.size(), root) == 0 && file[root.size()] == '/')
    return file.substr(root.size() + 1);
  return file;
}

// The source catalog has every key first; a set of catalogs without it is counted against the bundle's
// default locale, so that a report is still possible.
const LocaleCatalog* ui_source(const Bundle& b, const Catalogs& catalogs) {
  if (const auto* en = catalogs.find(Catalogs::source_locale)) return en;
  return catalogs.find(b.default_locale);
}

UiCoverage ui_coverage(const LocaleCatalog& source, const LocaleCatalog* cat) {
  UiCoverage ui;
  ui.total = source.messages.size();
  for (const auto& [key, src] : source.messages) {
    const Message* msg = nullptr;
    if (cat)
      if (auto it = cat->messages.find(key); it != cat->messages.end() && it->second.format) msg = &it->second;
    if (!msg) {  // the kiosk falls back for this one (an empty text is in cat->untranslated, not here)
      ui.missing.push_back(key);
      continue;
    }
    ++ui.translated;
    if (cat != &source && msg->pattern == src.pattern) ui.same_as_source.push_back(key);
  }
  return ui;
}

}  // namespace

I18nCoverage i18n_coverage(const Bundle& b, const Catalogs& catalogs) {
  I18nCoverage out;
  const LocaleCatalog* source = ui_source(b, catalogs);
  if (source) out.ui_source = source->info.tag;
  for (auto& content : content_translation_coverage(b)) {
    // Built in place: moving a finished one in makes GCC 12 at -O3 warn about an uninitialized vector.
    auto& loc = out.locales.emplace_back();
    loc.locale = content.locale;
    for (auto& m : content.missing) m.pos.file = relative_to(m.pos.file, b.root);
    loc.content = std::move(content);
    if (source) loc.ui = ui_coverage(*source, catalogs.find(loc.locale));
  }
  return out;
}

double coverage_share(std::size_t translated, std::size_t total) {
  return total == 0 ? 1.0 : static_cast<double>(translated) / static_cast<double>(total);
}

}  // namespace kiosk
