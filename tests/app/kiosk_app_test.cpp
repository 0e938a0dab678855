// The kiosk program driven headless by scripts: taps, waits, screenshots and its session state.

#include <catch2/catch.hpp>

#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>

#include "kiosk_script.h"
#include "support/test_support.h"
#include "text/image.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

TEST_CASE("tapping a category lists that category, back returns home", "[app]") {
  const auto r = run_script({"tap 200 400", "state", "tap 130 60", "state"}, {"--screen", "home", "--locale", "de"});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  REQUIRE(r.states.size() == 2);
  CHECK(r.states[0]["screen"] == "list");
  CHECK(r.states[0]["category"] == "health");
  CHECK(r.states[1]["screen"] == "home");
}

TEST_CASE("in Arabic the layout is mirrored: first tile and back button on the right", "[app][rtl]") {
  const auto r = run_script({"tap 1720 400", "state", "tap 130 60", "state", "tap 1790 60", "state"},
                            {"--screen", "home", "--locale", "ar"});
  REQUIRE(r.result.exit_code == 0);
  REQUIRE(r.states.size() == 3);
  CHECK(r.states[0]["rtl"] == true);
  CHECK(r.states[0]["category"] == "health");  // the first tile sits at the right
  CHECK(r.states[1]["screen"] == "language");  // on the left is the language button
  CHECK(r.states[2]["screen"] == "list");      // back (on the right) returns to where language was chosen
}

TEST_CASE("the idle warning appears, a touch keeps the session", "[app][idle]") {
  const auto r =
      run_script({"tap 200 400", "wait 95", "state", "tap 960 540", "state"}, {"--screen", "home", "--locale", "de"});
  REQUIRE(r.states.size() == 2);
  CHECK(r.states[0]["idle_warning"] == true);
  CHECK(r.states[0]["screen"] == "list");
  CHECK(r.states[1]["idle_warning"] == false);
  CHECK(r.states[1]["category"] == "health");
}

TEST_CASE("after the idle warning everything is wiped", "[app][idle]") {
  const auto r = run_script({"tap 150 190", "tap 560 190", "tap 200 420", "state", "wait 130", "state"},
                            {"--screen", "home", "--locale", "ar"});
  REQUIRE(r.states.size() == 2);
  CHECK(r.states[0]["screen"] == "list");
  CHECK((r.states[0]["filters"]["open_now"] == true || r.states[0]["filters"]["my_language"] == true));
  const auto& after = r.states[1];
  CHECK(after["screen"] == "attract");
  CHECK(after["locale"] == "");
  CHECK(after["category"] == "");
  CHECK(after["query"] == "");
  CHECK(after["scroll"] == 0);
  for (const auto& [k, v] : after["filters"].items()) CHECK(v == false);
}

TEST_CASE("a visit's end keeps nothing of it: speech, shaped texts, drawing buffers", "[app][idle][privacy]") {
  // The whole city on the map (the largest frames), reading aloud on, a search typed; then idle.
  const auto r = run_script({"pinch 960 540 0.05", "key Down", "search Zahnarzt", "state", "wait 130", "state"},
                            {"--screen", "map", "--locale", "de"});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  REQUIRE(r.states.size() == 2);
  const auto& during = r.states[0];
  const auto& after = r.states[1];
  INFO(during["memory"].dump() << " then " << after["memory"].dump());
  CHECK(during["query"] == "Zahnarzt");
  CHECK_FALSE(during["last_spoken"].get<std::string>().empty());
  CHECK(after["screen"] == "attract");
  CHECK(after["last_spoken"] == "");
  // The layout cache holds only the attract screen's paragraphs (title, announcements, attribution, and
  // "touch to start" in the languages shown since): none with the search or the screens of the visit.
  const auto paragraphs = [](const nlohmann::json& s) { return s["memory"]["layout_cache_paragraphs"].get<int>(); };
  CHECK(paragraphs(during) > 40);
  CHECK(paragraphs(after) < 25);
  // Dear ImGui's draw lists no longer keep the capacity of the city map's frame.
  CHECK(after["memory"]["imgui_bytes"].get<double>() < 0.5 * during["memory"]["imgui_bytes"].get<double>());
}

TEST_CASE("headless screenshots of every screen", "[app][screens]") {
  TempDir tmp;
  for (const char* screen : {"attract", "language", "home", "list", "detail", "search", "map"}) {
    const auto png = tmp.path() / (std::string(screen) + ".png");
    const auto r = run_command({KIOSK_PATH,     "--headless",
                                "--bundle",     sample_bundle().string(),
                                "--locale",     "ta",
                                "--screen",     screen,
                                "--category",   "health",
                                "--service",    "stadtbibliothek-aachen-w79424442",
                                "--query",      "apo",
                                "--size",       "1080x1920",
                                "--now",        "2026-11-26T10:00",
                                "--screenshot", png.string()});
    INFO(screen << ": " << r.err);
    CHECK(r.exit_code == 0);
    CHECK(read_text(png).substr(1, 3) == "PNG");
  }
}

TEST_CASE("a broken bundle is refused with its errors", "[app]") {
  TempDir tmp;
  fs::copy(fixtures_dir() / "bundles" / "valid", tmp.path() / "b", fs::copy_options::recursive);
  fs::copy_file(fixtures_dir() / "bundles" / "unknown-key" / "services" / "clinic.yaml",
                tmp.path() / "b" / "services" / "clinic.yaml", fs::copy_options::overwrite_existing);
  const auto r = run_command({KIOSK_PATH, "--headless", "--bundle", (tmp.path() / "b").string(), "--locales",
                              locales_dir().string(), "--screenshot", (tmp.path() / "x.png").string()});
  CHECK(r.exit_code == 1);
  CHECK(r.err.find("clinic.yaml:5:5: error: unknown key 'adress'") != std::string::npos);
}

TEST_CASE("golden screenshots: home, list and detail in de, ar and ta", "[app][golden]") {
  // Rendered with the software renderer, so the same on every machine; compared with a tolerance.
  // KIOSK_UPDATE_GOLDEN=1 rewrites them: look at every changed image before committing.
  const bool update = std::getenv("KIOSK_UPDATE_GOLDEN") != nullptr;
  const fs::path dir = fixtures_dir() / "golden" / "app";
  TempDir tmp;
  for (const char* locale : {"de", "ar", "ta"})
    for (const char* screen : {"home", "list", "detail"}) {
      const std::string name = std::string(screen) + "-" + locale + ".png";
      const fs::path png = update ? dir / name : tmp.path() / name;
      if (update) fs::create_directories(dir);
      const auto r =
          run_command({KIOSK_PATH, "--headless", "--bundle", sample_bundle().string(), "--locale", locale, "--screen",
                       screen, "--category", "libraries", "--service", "stadtbibliothek-aachen-w79424442", "--size",
                       "1280x720", "--now", "2026-11-26T10:00", "--screenshot", png.string()});
      INFO(name << ": " << r.err);
      REQUIRE(r.exit_code == 0);
      if (update) continue;
      const auto got = kiosk::text::read_png(png);
      const auto want = kiosk::text::read_png(dir / name);
      REQUIRE(got);
      REQUIRE(want);
      const auto diff = kiosk::text::compare(*got, *want);
      CHECK(diff.same_size);
      CHECK(diff.mean < 2.0);
      CHECK(diff.share_different < 0.01);
    }
}

TEST_CASE("the technician screen: a long press in the corner asks for the PIN from the local config",
          "[app][technician]") {
  TempDir tmp;
  const auto hash = run_command({KIOSKCTL_PATH, "pin-hash"}, "4711\n");
  REQUIRE(hash.exit_code == 0);
  std::ofstream(tmp.path() / "kiosk.yaml") << "kiosk_id: bushof\n" << hash.out;
  const auto r = run_script({"hold 30 30 1", "state", "hold 30 30 3.5", "state"},
                            {"--screen", "home", "--config", (tmp.path() / "kiosk.yaml").string()});
  INFO(r.result.err);
  REQUIRE(r.states.size() == 2);
  CHECK(r.states[0]["technician_pin"] == false);  // a short press is nothing
  CHECK(r.states[1]["technician_pin"] == true);
  CHECK(r.states[1]["technician"] == false);  // not open without the PIN
  const auto bad = run_command({KIOSKCTL_PATH, "pin-hash"}, "12\n");
  CHECK(bad.exit_code == 1);
}

TEST_CASE("key presses count as input, keys that leave an app do nothing", "[app][keys]") {
  const auto r = run_script({"tap 200 400", "wait 95", "state", "key Escape", "state", "key F4", "state"},
                            {"--screen", "home", "--locale", "de"});
  INFO(r.result.err);
  REQUIRE(r.result.exit_code == 0);
  REQUIRE(r.states.size() == 3);
  CHECK(r.states[0]["idle_warning"] == true);
  CHECK(r.states[1]["idle_warning"] == false);  // a key extends the visit
  CHECK(r.states[2]["screen"] == "list");       // and nothing left the app
}
