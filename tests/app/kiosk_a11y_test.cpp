// Accessibility, driven headless: keys alone reach every control, the focus order mirrors in Arabic,
// Enter chooses, the idle warning is spoken, screens read aloud into WAV files, text at 200 % never
// overlaps, and the low-reach layout keeps every control in the lower part of the screen.

#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <set>

#include "core/bundle/content_loader.h"
#include "kiosk_script.h"
#include "support/test_support.h"

using namespace kiosk::test;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> screen_args(const std::string& screen, const std::string& locale) {
  return {"--screen",   screen,      "--locale",  locale,
          "--category", "libraries", "--service", "stadtbibliothek-aachen-w79424442",
          "--query",    "bib"};
}

}  // namespace

TEST_CASE("keys alone reach every control of home, list, detail and search", "[app][a11y]") {
  for (const std::string screen : {"home", "list", "detail", "search"}) {
    INFO(screen);
    const auto first = run_script({"state"}, screen_args(screen, "de"));
    REQUIRE(first.result.exit_code == 0);
    std::set<std::string> all;
    for (const auto& c : first.states[0]["controls"]) all.insert(c["label"].get<std::string>());
    REQUIRE(all.size() >= 3);
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < first.states[0]["controls"].size(); ++i) {
      lines.push_back("key Down");
      lines.push_back("state");
    }
    const auto walk = run_script(lines, screen_args(screen, "de"));
    REQUIRE(walk.result.exit_code == 0);
    std::set<std::string> reached;
    bool scrolled = false;
    for (const auto& s : walk.states) {
      CHECK(s["screen"] == screen);  // moving the focus never changes the screen
      reached.insert(s["focus"].get<std::string>());
      scrolled |= s["scroll"].get<double>() > 0;
      // The focused control is on the screen: a list scrolls to show it.
      bool visible = false;
      for (const auto& c : s["controls"])
        if (c["label"] == s["focus"] && c["box"][1].get<double>() >= -1 && c["box"][3].get<double>() <= 1081)
          visible = true;
      INFO("focus " << s["focus"]);
      CHECK(visible);
    }
    CHECK(reached == all);
    if (screen == "list") CHECK(scrolled);        // 19 libraries do not fit on one screen
    CHECK(walk.states.back()["speech"] == true);  // a key turns reading aloud on
    CHECK_FALSE(walk.states.back()["last_spoken"].get<std::string>().empty());
  }
}

TEST_CASE("the focus order in Arabic is the mirror image of German", "[app][a11y][rtl]") {
  for (const std::string screen : {"home", "detail"}) {
    const auto de = run_script({"state"}, screen_args(screen, "de"));
    const auto ar = run_script({"state"}, screen_args(screen, "ar"));
    const auto& c_de = de.states.at(0)["controls"];
    const auto& c_ar = ar.states.at(0)["controls"];
    REQUIRE(c_de.size() == c_ar.size());
    for (std::size_t i = 0; i < c_de.size(); ++i) {
      INFO(screen << " control " << i << ": " << c_de[i]["label"] << " / " << c_ar[i]["label"]);
      // Same place, mirrored about the vertical axis of the 1920-pixel screen (heights may differ: Arabic
      // lines are taller).
      CHECK(c_ar[i]["box"][0].get<double>() == Approx(1920 - c_de[i]["box"][2].get<double>()).margin(1));
    }
  }
}

TEST_CASE("Enter chooses the focused control, Help explains the keys", "[app][a11y]") {
  // On home, the first control in reading order that is a category tile: walk until "Bibliotheken…".
  const auto first = run_script({"state"}, screen_args("home", "de"));
  const auto& controls = first.states.at(0)["controls"];
  std::size_t index = 0;
  while (index < controls.size() && controls[index]["label"].get<std::string>().find("Bibliothek") == std::string::npos)
    ++index;
  REQUIRE(index < controls.size());
  std::vector<std::string> lines(index + 1, "key Down");
  lines.push_back("key Return");
  lines.push_back("state");
  lines.push_back("key F1");
  lines.push_back("state");
  const auto r = run_script(lines, screen_args("home", "de"));
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states.at(0)["screen"] == "list");
  CHECK(r.states.at(0)["category"] == "libraries");
  CHECK_THAT(r.states.at(1)["last_spoken"].get<std::string>(), Catch::Contains("Enter"));
}

TEST_CASE("the idle warning is spoken and lasts at least 20 s, a key extends the visit", "[app][a11y][idle]") {
  const auto r = run_script({"key Down", "wait 95", "state", "key Down", "state", "wait 95", "wait 40", "state"},
                            screen_args("home", "de"));
  REQUIRE(r.result.exit_code == 0);
  CHECK(r.states.at(0)["idle_warning"] == true);
  CHECK_THAT(r.states.at(0)["last_spoken"].get<std::string>(), Catch::Contains("Sind Sie noch da?"));
  CHECK(r.states.at(1)["idle_warning"] == false);
  CHECK(r.states.at(1)["screen"] == "home");
  CHECK(r.states.at(2)["screen"] == "attract");  // wiped
  CHECK(r.states.at(2)["speech"] == false);
  CHECK(r.states.at(2)["volume"] == 100);
}

TEST_CASE("a screen reads aloud into a WAV file in each language with a voice", "[app][a11y][speech]") {
  TempDir tmp;
  for (const std::string locale : {"de", "ar", "ta"}) {
    const fs::path wav = tmp.path() / (locale + ".wav");
    auto args = screen_args("detail", locale);
    std::vector<std::string> argv = {KIOSK_PATH, "--headless",       "--bundle",     sample_bundle().string(),
                                     "--now",    "2026-11-26T10:00", "--speech-wav", wav.string()};
    argv.insert(argv.end(), args.begin(), args.end());
    const auto r = run_command(argv);
    INFO(locale << r.err);
    REQUIRE(r.exit_code == 0);
    // The detail screen: name, hours, facts, the way there: well over ten seconds of speech.
    CHECK(fs::file_size(wav) > 22050 * 2 * 10);
  }
  // Tigrinya has no espeak-ng voice: said plainly, no silent file.
  std::vector<std::string> argv = {
      KIOSK_PATH, "--headless", "--bundle", sample_bundle().string(), "--screen",
      "home",     "--locale",   "ti",       "--speech-wav",           (tmp.path() / "ti.wav").string()};
  const auto ti = run_command(argv);
  CHECK(ti.exit_code == 1);
  CHECK_THAT(ti.err, Catch::Contains("no voice for ti"));
}

TEST_CASE("kioskctl speak writes speech for a text", "[app][a11y][speech]") {
  TempDir tmp;
  const auto r = run_command(
      {KIOSKCTL_PATH, "speak", "--locale", "ar", "--wav", (tmp.path() / "a.wav").string(), "المكتبة مفتوحة"});
  INFO(r.err);
  CHECK(r.exit_code == 0);
  CHECK(fs::file_size(tmp.path() / "a.wav") > 22050);
  const auto ti =
      run_command({KIOSKCTL_PATH, "speak", "--locale", "ti", "--wav", (tmp.path() / "t.wav").string(), "ሰላም"});
  CHECK(ti.exit_code == 1);
}

TEST_CASE("at 200 % text, no two texts overlap and none leaves the screen (ar, ta)", "[app][a11y][reflow]") {
  for (const std::string locale : {"ar", "ta"})
    for (const std::string screen : {"attract", "language", "home", "list", "detail", "search", "accessibility"}) {
      auto args = screen_args(screen, locale);
      args.insert(args.end(), {"--text-size", "200"});
      const auto r = run_script({"state"}, args);
      REQUIRE(r.result.exit_code == 0);
      for (const auto& c : r.states.at(0)["controls"]) {
        INFO(locale << " " << screen << " control: " << c["label"]);
        CHECK(c["clipped"] == false);
      }
      const auto& texts = r.states.at(0)["texts"];
      std::vector<std::array<double, 4>> boxes;
      for (const auto& t : texts) {
        const std::array<double, 4> b = {t["box"][0], t["box"][1], t["box"][2], t["box"][3]};
        INFO(locale << " " << screen << ": " << t["text"]);
        CHECK(b[0] >= -0.5);
        CHECK(b[2] <= 1920.5);
        boxes.push_back(b);
      }
      for (std::size_t i = 0; i < boxes.size(); ++i)
        for (std::size_t j = i + 1; j < boxes.size(); ++j) {
          const auto& a = boxes[i];
          const auto& b = boxes[j];
          const bool overlap = a[0] < b[2] - 1 && b[0] < a[2] - 1 && a[1] < b[3] - 1 && b[1] < a[3] - 1;
          INFO(locale << " " << screen << ": " << texts[i]["text"] << " / " << texts[j]["text"]);
          CHECK_FALSE(overlap);
        }
    }
}

TEST_CASE("low reach: every control sits in the lower part of the screen", "[app][a11y][reach]") {
  for (const std::string screen : {"home", "list", "detail", "accessibility"}) {
    auto args = screen_args(screen, "de");
    args.insert(args.end(), {"--layout", "low-reach"});
    const auto r = run_script({"state"}, args);
    REQUIRE(r.result.exit_code == 0);
    CHECK(r.states.at(0)["low_reach"] == true);
    for (const auto& c : r.states.at(0)["controls"]) {
      INFO(screen << ": " << c["label"]);
      CHECK(c["box"][1].get<double>() >= 1080 * 0.38 - 1);
    }
  }
}

TEST_CASE("every category, fact and control shows its pictogram, and keys and speech name it",
          "[app][a11y][pictograms]") {
  std::set<std::string> control_icons, fact_icons;
  auto look = [&](const std::vector<std::string>& args) {
    const auto r = run_script({"state"}, args);
    REQUIRE(r.result.exit_code == 0);
    for (const auto& c : r.states.at(0)["controls"]) {
      if (c["icon"].is_null()) continue;
      INFO(c["icon"]);
      CHECK_FALSE(c["label"].get<std::string>().empty());  // what keys and speech say for it
      control_icons.insert(c["icon"].get<std::string>());
    }
    for (const auto& t : r.states.at(0)["texts"]) {
      if (t["icon"].is_null()) continue;
      CHECK_FALSE(t["text"].get<std::string>().empty());
      fact_icons.insert(t["icon"].get<std::string>());
    }
    return r.states.at(0);
  };
  // Home: a tile per category, with the category's pictogram and name.
  const kiosk::Content c = kiosk::load_content(sample_bundle(), locales_dir());
  const auto home = look({"--screen", "home", "--locale", "de"});
  for (const auto& cat : c.bundle.categories) {
    INFO(cat.id);
    bool found = false;
    for (const auto& ctl : home["controls"])
      found = found || (ctl["label"] == cat.name.by_locale.at("de") && ctl["icon"] == cat.icon);
    CHECK(found);
  }
  for (const std::string screen : {"list", "detail", "accessibility", "search", "map"})
    for (const std::string locale : {"de", "ar"}) look(screen_args(screen, locale));
  for (const std::string category : {"health", "advice", "food", "community"})
    look({"--screen", "list", "--locale", "de", "--category", category, "--size", "1080x4000"});
  // A clinic that is free, anonymous and asks for no documents (no service of the sample says all that).
  const std::string valid = (fixtures_dir() / "bundles" / "valid").string();
  const std::string locales = locales_dir().string();
  look({"--bundle", valid, "--locales", locales, "--screen", "detail", "--locale", "de", "--service", "clinic"});
  look({"--bundle", valid, "--locales", locales, "--screen", "list", "--locale", "ar", "--category", "health"});
  for (const char* control : {"back",         "language",   "accessibility", "search",   "map",     "walking",
                              "step_free",    "read_aloud", "text_size",     "contrast", "zoom_in", "zoom_out",
                              "recentre",     "space",      "delete",        "clear",    "open",    "free",
                              "no_documents", "languages"}) {  // the last four: the filters
    INFO(control);
    CHECK(control_icons.count(control) == 1);
  }
  for (const char* fact : {"free", "no_documents", "anonymous", "step_free", "languages", "open", "closed", "unknown",
                           "walking", "place", "phone"}) {
    INFO(fact);
    CHECK(fact_icons.count(fact) == 1);
  }
}

TEST_CASE("pictograms only: fewer words on home, and every screen read aloud on entering", "[app][a11y][pictograms]") {
  const auto plain = run_script({"state"}, {"--screen", "home", "--locale", "de"});
  const auto pictures = run_script({"state", "key Down", "key Return", "wait 0.5", "state"},
                                   {"--screen", "home", "--locale", "de", "--pictograms-only"});
  REQUIRE(plain.result.exit_code == 0);
  REQUIRE(pictures.result.exit_code == 0);
  CHECK(plain.states.at(0)["speech"] == false);
  CHECK(pictures.states.at(0)["speech"] == true);
  CHECK_THAT(pictures.states.at(0)["last_spoken"].get<std::string>(), Catch::Contains("Gesundheit"));
  // The tiles' counts ("166 Orte") are words too: gone; the names stay, for speech and on one line.
  auto count_texts = [](const nlohmann::json& state) {
    int n = 0;
    for (const auto& t : state["texts"]) n += t["text"].get<std::string>().find(" Orte") != std::string::npos;
    return n;
  };
  CHECK(count_texts(plain.states.at(0)) >= 5);
  CHECK(count_texts(pictures.states.at(0)) == 0);
  // The next screen is read aloud as it comes.
  CHECK(pictures.states.at(1)["screen"] != "home");
  CHECK(pictures.states.at(1)["last_spoken"] != pictures.states.at(0)["last_spoken"]);
}
