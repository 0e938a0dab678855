// Pictogram names: the kiosk's own names stand for icons of the packaged icon font, and a category's
// icon must be a known name or the bundle's own picture.

#include "core/bundle/pictograms.h"

#include <catch2/catch.hpp>

#include <fstream>

#include "core/bundle/content_loader.h"
#include "support/test_support.h"

using namespace kiosk;
namespace fs = std::filesystem;

namespace {

const PictogramNames& names() {
  static const PictogramNames n = [] {
    Diagnostics diags;
    auto loaded = load_pictogram_names(test::source_dir() / "fonts" / "pictograms.yaml", diags);
    for (const auto& d : diags.items) UNSCOPED_INFO(format_diagnostic(d));
    REQUIRE(diags.items.empty());
    return loaded;
  }();
  return n;
}

// A copy of the valid fixture bundle whose first category has `icon`.
struct BundleWithIcon {
  test::TempDir tmp;
  fs::path dir = tmp.path() / "bundle";
  explicit BundleWithIcon(const std::string& icon) {
    fs::copy(test::fixtures_dir() / "bundles" / "valid", dir, fs::copy_options::recursive);
    std::string text = test::read_text(dir / "categories.yaml");
    const auto at = text.find("icon: health");
    REQUIRE(at != std::string::npos);
    text.replace(at, std::string("icon: health").size(), "icon: " + icon);
    std::ofstream(dir / "categories.yaml") << text;
  }
};

}  // namespace

TEST_CASE("the kiosk's pictogram names stand for icons of the packaged icon font", "[pictograms]") {
  const auto& n = names();
  CHECK(n.icons.size() > 2000);  // Material Icons 6.7 (fonts-material-design-icons-iconfont)
  for (const auto& [ours, icon] : n.kiosk_names) {
    INFO(ours << " -> " << icon);
    CHECK(n.code_point(ours).has_value());
  }
  CHECK(n.code_point("health") == U'\ue548');         // local_hospital
  CHECK(n.code_point("local_pharmacy").has_value());  // any name of the font
  CHECK_FALSE(n.code_point("helth").has_value());
  // Only symbols with a direction are mirrored in right-to-left layouts.
  CHECK(n.mirrored("back"));
  CHECK(n.mirrored("walking"));
  for (const char* plain : {"search", "health", "free", "step_free", "open", "read_aloud", "language"}) {
    INFO(plain);
    CHECK_FALSE(n.mirrored(plain));
  }
}

TEST_CASE("every category, fact and control of the kiosk has a pictogram", "[pictograms]") {
  const auto& n = names();
  const Content c = load_content(test::sample_bundle(), test::locales_dir());
  for (const auto& cat : c.bundle.categories) {
    INFO(cat.id << ": " << cat.icon);
    CHECK(n.code_point(cat.icon).has_value());
  }
  for (const char* fact : {"free", "no_documents", "anonymous", "step_free", "languages", "open", "closed", "unknown"})
    CHECK(n.code_point(fact).has_value());
  for (const char* control :
       {"back", "language", "accessibility", "search", "map", "walking", "step_free", "read_aloud", "home"})
    CHECK(n.code_point(control).has_value());
}

TEST_CASE("an unknown category pictogram is refused at its place with the closest name", "[pictograms]") {
  const BundleWithIcon b("helth");
  const Content c = load_content(b.dir, test::locales_dir());
  REQUIRE_FALSE(c.ok());
  const auto& d = c.diags.items.front();
  INFO(format_diagnostic(d));
  CHECK(d.rule == "unknown-pictogram");
  CHECK(d.pos.file.find("categories.yaml") != std::string::npos);
  CHECK(d.pos.line == 3);
  CHECK(d.pos.col == 11);
  CHECK(d.hint == "did you mean 'health'?");
  // A name of the icon font, or the bundle's own picture, is accepted.
  CHECK(load_content(BundleWithIcon("local_pharmacy").dir, test::locales_dir()).ok());
  const BundleWithIcon own("our-clinic");
  CHECK_FALSE(load_content(own.dir, test::locales_dir()).ok());
  fs::create_directories(own.dir / "pictograms");
  fs::copy(test::fixtures_dir() / "golden" / "text" / "tamil.png", own.dir / "pictograms" / "our-clinic.png");
  const Content with_own = load_content(own.dir, test::locales_dir());
  for (const auto& item : with_own.diags.items) UNSCOPED_INFO(format_diagnostic(item));
  CHECK(with_own.ok());
  CHECK(with_own.diags.count(Severity::warning) == 0);  // the pictograms folder is read, not unknown
  // Not a PNG: refused, naming the file.
  std::ofstream(own.dir / "pictograms" / "our-clinic.png") << "<svg/>";
  const Content not_png = load_content(own.dir, test::locales_dir());
  CHECK_FALSE(not_png.ok());
  CHECK(not_png.diags.items.back().rule == "bad-pictogram");
}
