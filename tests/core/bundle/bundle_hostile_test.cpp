// Bundles written by a hostile or careless editor: each is refused with the file (and line:col where
// there is one), by the same loader that validate, build and the kiosk use.

#include <sys/stat.h>
#include <catch2/catch.hpp>

#include <fstream>

#include "core/bundle/content_loader.h"
#include "support/test_support.h"

namespace fs = std::filesystem;
using namespace kiosk;

namespace {

// A copy of the valid fixture bundle to spoil.
struct Spoiled {
  test::TempDir tmp;
  fs::path dir = tmp.path() / "b";
  Spoiled() { fs::copy(test::fixtures_dir() / "bundles" / "valid", dir, fs::copy_options::recursive); }
  void write(const fs::path& rel, const std::string& text) const { std::ofstream(dir / rel, std::ios::binary) << text; }
  void append(const fs::path& rel, const std::string& text) const {
    std::ofstream(dir / rel, std::ios::binary | std::ios::app) << text;
  }
  [[nodiscard]] Content load(const PublishChecks& checks = {}) const {
    return load_content(dir, test::locales_dir(), checks);
  }
};

// The errors as compiler-style lines, for matching.
std::string errors_of(const Content& c) {
  std::string out;
  for (const auto& d : c.diags.items)
    if (d.severity == Severity::error) out += format_diagnostic(d) + "\n";
  return out;
}

const char* const service_head = "services:\n  - id: x\n    category: health\n    lat: 50.776\n    lon: 6.0838\n";

}  // namespace

TEST_CASE("hostile bundle: a symbolic link or a pipe inside is refused", "[bundle][hostile]") {
  Spoiled b;
  fs::create_symlink("/etc/passwd", b.dir / "LICENSE.md");
  fs::create_directories(b.dir / "map");
  fs::create_symlink("/etc/hostname", b.dir / "map" / "city.kmap");
  REQUIRE(::mkfifo((b.dir / "services" / "pipe.yaml").c_str(), 0600) == 0);
  const auto c = b.load();
  const std::string e = errors_of(c);
  CHECK_THAT(e, Catch::Contains("LICENSE.md: error: LICENSE.md is a symbolic link"));
  CHECK_THAT(e, Catch::Contains("map/city.kmap is a symbolic link"));
  CHECK_THAT(e, Catch::Contains("services/pipe.yaml is not a regular file"));
  CHECK(c.bundle.services.empty());  // nothing of it is read (the pipe would block a reader)

  Spoiled named;  // a file name with a line break would break every message that names it
  named.write("services/a\nb.yaml", "services: []\n");
  CHECK_THAT(errors_of(named.load()), Catch::Contains("holds a line break"));
}

TEST_CASE("hostile bundle: every path it names stays inside it", "[bundle][hostile]") {
  for (const char* path : {"../../..", "/etc/shadow", "map/../../x.kmap", "..", ".", "map/", "C:\\\\x"}) {
    Spoiled b;
    b.append("bundle.yaml", std::string("map:\n  source: map/city.osm.pbf\n  compiled: \"") + path + "\"\n");
    const auto c = b.load();
    INFO(path);
    CHECK_THAT(errors_of(c), Catch::Contains("bundle.yaml:") && Catch::Contains("is not a file inside the bundle"));
    CHECK(c.bundle.map_compiled.empty());
  }
  Spoiled ok;
  ok.append("bundle.yaml", "map:\n  source: map/./city.osm.pbf\n  compiled: map/city.kmap\n");
  const auto c = ok.load();
  CHECK(errors_of(c).empty());
  CHECK(c.bundle.map_source == "map/city.osm.pbf");
}

TEST_CASE("hostile bundle: control, bidi and NUL characters, also as YAML escapes", "[bundle][hostile]") {
  struct Case {
    const char* value;
    const char* says;
  };
  for (const Case& k :
       {Case{"\"Praxis \\u202Eetkcirf\"", "U+202E RIGHT-TO-LEFT OVERRIDE"},
        Case{"\"Praxis \\u2066x\"", "U+2066 LEFT-TO-RIGHT ISOLATE"}, Case{"\"Praxis\\0 am Markt\"", "U+0000"},
        Case{"\"Praxis\\x07\"", "U+0007"}, Case{"\"Praxis \\x85 Markt\"", "U+0085"}}) {
    Spoiled b;
    b.write("services/x.yaml", std::string(service_head) + "    name: " + k.value + "\n");
    const auto c = b.load();
    INFO(k.value);
    CHECK_THAT(errors_of(c),
               Catch::Contains("services/x.yaml:6:11: error: the name contains") && Catch::Contains(k.says));
  }
  Spoiled raw;  // a raw NUL: refused where it stands, not cut short
  raw.write("services/x.yaml", std::string(service_head) + "    name: Praxis" + std::string(1, '\0') + "Markt\n");
  CHECK_THAT(errors_of(raw.load()), Catch::Contains("services/x.yaml:6:17: error: control character U+0000"));
  Spoiled c1;  // a raw C1 control (NEL) in the text: the raw check does not see it, the value check must
  c1.write("services/x.yaml", std::string(service_head) + "    name: Praxis \xC2\x85 Markt\n");
  CHECK_THAT(errors_of(c1.load()), Catch::Contains("services/x.yaml:6:11: error: the name contains U+0085"));
  Spoiled fine;  // tabs and line breaks in a text are fine, and so are LRM and RLM
  fine.write(
      "services/x.yaml",
      std::string(service_head) + "    name: \"Praxis\\tam\\nMarkt \\u200F\"\n    description: |\n      a\n      b\n");
  CHECK(errors_of(fine.load()).empty());
}

TEST_CASE("hostile bundle: a quote that is never closed", "[bundle][hostile]") {
  for (const char* q : {"\"", "'"}) {
    Spoiled b;
    b.write("services/x.yaml",
            std::string(service_head) + "    source: " + q + "osm:node/1\n    wheelchair: yes\n" + "    fees: free\n");
    const auto c = b.load();
    INFO(q);
    CHECK_THAT(errors_of(c), Catch::Contains("services/x.yaml:6:13: error: the quote that starts the source"));
  }
  Spoiled ok;  // quotes closed on a later line, escaped quotes and '' inside single quotes are fine
  ok.write("services/x.yaml",
           std::string(service_head) + "    source: \"osm:node/1 \\\"a\\\"\n      b\"\n    name: 'it''s'\n");
  CHECK(errors_of(ok.load()).empty());
}

TEST_CASE("hostile bundle: text languages that would never be shown", "[bundle][hostile]") {
  struct Case {
    const char* key;
    const char* says;
  };
  for (const Case& k :
       {Case{"AR", "'AR' is written 'ar'"}, Case{"deu", "'deu' is written 'de'"},
        Case{"de-de", "'de-de' is written 'de-DE'"}, Case{"de-DE", "has a 'de-DE' text, but the bundle offers 'de'"}}) {
    Spoiled b;
    b.write("services/x.yaml",
            std::string(service_head) + "    name:\n      en: Clinic\n      " + k.key + ": Praxis\n");
    const auto c = b.load();
    INFO(k.key);
    CHECK_THAT(errors_of(c), Catch::Contains("services/x.yaml:") && Catch::Contains(k.says));
  }
  Spoiled later;  // a language not (yet) offered is kept quietly, for when it is
  later.write("services/x.yaml", std::string(service_head) + "    name:\n      en: Clinic\n      pt: Clínica\n");
  CHECK(errors_of(later.load()).empty());
}

TEST_CASE("hostile bundle: facts checked in the future, for editors' tools only", "[bundle][hostile]") {
  Spoiled b;
  b.write("services/x.yaml", std::string(service_head) + "    last_verified: 2999-01-01\n");
  CHECK(errors_of(b.load()).empty());  // the kiosk: its clock may be wrong, good content is not refused
  const auto c = b.load({Date{2026, 12, 2}, false});
  CHECK_THAT(errors_of(c), Catch::Contains("services/x.yaml:6:20: error: last_verified of service 'x' is 2999-01-01"));
}

TEST_CASE("hostile bundle: more service data than a kiosk can hold is refused before parsing", "[bundle][hostile]") {
  Spoiled b;
  // Sparse files: 33 of 4 MiB (each under the per-file limit) are over the bundle's 128 MiB.
  for (int i = 0; i < 33; ++i) {
    const fs::path f = b.dir / "services" / ("big-" + std::to_string(i) + ".yaml");
    std::ofstream(f) << "services: []\n";
    fs::resize_file(f, (4u << 20) - 16);
  }
  const auto c = b.load();
  CHECK_THAT(errors_of(c), Catch::Contains("the service files hold 132 MiB, more than the limit of 128 MiB"));
  CHECK(c.bundle.services.empty());
}

TEST_CASE("hostile bundle: more services than the limit", "[bundle][hostile]") {
  Spoiled b;
  // 25,001 short services in seven files (each under 4 MiB).
  for (int f = 0; f < 7; ++f) {
    std::ofstream out(b.dir / "services" / ("many-" + std::to_string(f) + ".yaml"));
    out << "services:\n";
    for (int i = f * 3572; i < std::min(25001, (f + 1) * 3572); ++i)
      out << "  - {id: s" << i << ", category: health, name: {und: S" << i << "}, lat: 50.776, lon: 6.0838}\n";
  }
  const auto c = b.load();
  CHECK_THAT(errors_of(c), Catch::Contains("more than the limit of 25000"));
}

TEST_CASE("validate and build check the UI catalogs' placeholders", "[bundle][hostile]") {
  Spoiled b;
  const fs::path locales = b.tmp.path() / "locales";
  fs::copy(test::locales_dir(), locales);
  std::string de = test::read_text(locales / "de.yaml");
  const std::string from = "{time}";
  const auto at = de.find(from);
  REQUIRE(at != std::string::npos);
  de.replace(at, from.size(), "{zeit}");
  std::ofstream(locales / "de.yaml") << de;
  CHECK(errors_of(load_content(b.dir, locales, {})).empty());  // the kiosk's own load does not run them
  CHECK_THAT(errors_of(load_content(b.dir, locales, {std::nullopt, true})), Catch::Contains("zeit"));
}
