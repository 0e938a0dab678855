// kiosk --self-test: the technician's check after installing or repairing a kiosk.

#include <catch2/catch.hpp>

#include <fstream>

#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

TEST_CASE("self-test passes on the sample city, headless", "[app][self-test]") {
  const auto r = run_command({KIOSK_PATH, "--self-test", "--headless", "--bundle", sample_bundle().string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  // The emergency announcement's emoji count among the texts checked.
  for (const char* line : {"ok   fonts ar", "ok   fonts ta", "ok   fonts ti", "ok   fonts ckb", "(1 with emoji)",
                           "ok   pictograms", "ok   map", "skip touch", "ok   disk", "self-test passed"})
    CHECK_THAT(r.out, Catch::Contains(line));
  // Where each kiosk place joins the walking network, named for the technician on site.
  CHECK_THAT(r.out, Catch::Contains("ok   kiosk places") && Catch::Contains("hauptbahnhof: ") &&
                        Catch::Contains("elisenbrunnen: ") && Catch::Contains(" N, 6.0"));
}

TEST_CASE("self-test fails on missing fonts and a kiosk place the bundle does not have", "[app][self-test]") {
  TempDir tmp;
  // Only Latin and Arabic fonts and emoji: Tamil and Tigrinya (Ethiopic) texts would show boxes, and
  // without the icon font no pictogram can be drawn.
  std::ofstream(tmp.path() / "fonts.yaml") << "search_paths: [/usr/share/fonts/truetype/noto]\n"
                                              "default: [NotoSans-Regular.ttf]\nbold_default: [NotoSans-Bold.ttf]\n"
                                              "emoji: [NotoColorEmoji.ttf]\n"
                                              "scripts:\n  Arab: [NotoSansArabic-Regular.ttf]\n";
  std::ofstream(tmp.path() / "kiosk.yaml") << "kiosk_id: rathaus-keller\nheading: 90\n";
  const auto r = run_command({KIOSK_PATH, "--self-test", "--headless", "--bundle", sample_bundle().string(), "--fonts",
                              (tmp.path() / "fonts.yaml").string(), "--config", (tmp.path() / "kiosk.yaml").string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("ok   fonts ar"));
  CHECK_THAT(r.out, Catch::Contains("FAIL fonts ta"));
  CHECK_THAT(r.out, Catch::Contains("FAIL fonts ti"));
  CHECK_THAT(r.out,
             Catch::Contains("FAIL kiosk place  kiosk_id 'rathaus-keller' is not one of the bundle's kiosk places"));
  CHECK_THAT(r.out, Catch::Contains("FAIL pictograms   the icon font or its names are missing"));
  CHECK_THAT(r.out, Catch::Contains("self-test FAILED: 4 problems"));
}

TEST_CASE("the kiosk config places the kiosk, a place outside the city is refused by the self-test",
          "[app][self-test]") {
  TempDir tmp;
  std::ofstream(tmp.path() / "kiosk.yaml") << "location: {lat: 50.7753, lon: 6.0839}\nheading: 90\n";
  auto r = run_command({KIOSK_PATH, "--self-test", "--headless", "--bundle", sample_bundle().string(), "--config",
                        (tmp.path() / "kiosk.yaml").string()});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("at 50.77530 N, 6.08390 E, facing 90°"));
  std::ofstream(tmp.path() / "kiosk.yaml") << "location: {lat: 52.52, lon: 13.40}\n";
  r = run_command({KIOSK_PATH, "--self-test", "--headless", "--bundle", sample_bundle().string(), "--config",
                   (tmp.path() / "kiosk.yaml").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.out, Catch::Contains("lies outside the bundle's area"));
  std::ofstream(tmp.path() / "kiosk.yaml") << "location: {lat: 95, lon: 6.08}\n";
  r = run_command({KIOSK_PATH, "--self-test", "--headless", "--bundle", sample_bundle().string(), "--config",
                   (tmp.path() / "kiosk.yaml").string()});
  CHECK(r.exit_code == 1);
  CHECK_THAT(r.err, Catch::Contains("kiosk.yaml:1:17"));
}
