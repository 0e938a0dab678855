// The soak run and the script commands it is made of (locale, search, reload).

#include <catch2/catch.hpp>

#include <regex>

#include "app/soak.h"
#include "kiosk_script.h"

using namespace kiosk::test;

// Memory growth is judged by the 5-minute soak in CI (scripts/test.sh): half a minute does not get past the
// warm-up, and under ASan the allocator is not glibc's.
TEST_CASE("soak: a short run uses the screens, wipes idle visits, reports memory and passes") {
  const auto r = run_command({KIOSK_PATH, "--headless", "--bundle", sample_bundle().string(), "--soak", "0.5", "--seed",
                              "7", "--soak-max-growth", "1000"});
  INFO(r.out << r.err);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("seed 7") != std::string::npos);
  std::smatch m;
  REQUIRE(std::regex_search(r.out, m, std::regex(R"(steps (\d+), frames (\d+))")));
  CHECK(std::stoi(m[1]) >= 5);
  CHECK(std::stoi(m[2]) > std::stoi(m[1]));
  CHECK(std::regex_search(
      r.out,
      std::regex(
          R"(growth after warm-up: RSS [-+][0-9.]+ %, heap without the atlas [-+][0-9.]+ % \(limit \+1000 %\))")));
  CHECK(r.out.find("errors: 0") != std::string::npos);
  CHECK(r.out.find("PASS") != std::string::npos);
}

TEST_CASE("soak: growth compares the medians of the first and last third of the settled samples") {
  kiosk::app::SoakReport r;
  auto add = [&](double minute, long heap_mib) {
    kiosk::app::MemoryUse m;
    m.atlas_kib = 5 * 1024;
    m.anon_kib = (heap_mib + 5) * 1024;
    r.samples.push_back({minute * 60, m});
  };
  // Flat with page-level noise (as glibc's heap moves between 30.4 and 31.8 MiB): a single high sample
  // at the end is no growth.
  for (const long mib : {30, 31, 30, 31, 32, 30, 31, 30, 31, 30, 30, 34})
    add(static_cast<double>(r.samples.size()), mib);
  CHECK(r.first_heap_kib() == 31 * 1024);  // 30, 30, 31, 31: the upper middle
  CHECK(r.last_heap_kib() == 31 * 1024);   // 30, 30, 31, 34
  CHECK(r.anon_growth_percent() == Approx(0.0));
  CHECK(r.passed() == false);  // no step was taken
  r.steps = 1;
  CHECK(r.passed());
  // A leak: a megabyte every sample.
  r.samples.clear();
  for (long i = 0; i < 12; ++i) add(static_cast<double>(i), 30 + i);
  CHECK(r.first_heap_kib() == 32 * 1024);  // 30, 31, 32, 33
  CHECK(r.last_heap_kib() == 40 * 1024);   // 38, 39, 40, 41
  CHECK(r.anon_growth_percent() == Approx(25.0));
  CHECK_FALSE(r.passed());
  // Fewer than six samples: the last against the first.
  r.samples.resize(3);
  CHECK(r.anon_growth_percent() == Approx(100.0 * 2 / 30));
}

TEST_CASE("soak: needs --headless") {
  const auto r = run_command({KIOSK_PATH, "--bundle", sample_bundle().string(), "--soak", "1"});
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("needs --headless") != std::string::npos);
}

TEST_CASE("script: locale, search and reload") {
  const auto run = run_script({"locale ar", "state", "search ع", "state", "reload", "state"}, {});
  INFO(run.result.err);
  REQUIRE(run.result.exit_code == 0);
  REQUIRE(run.states.size() == 3);
  CHECK(run.states[0]["locale"] == "ar");
  CHECK(run.states[0]["screen"] == "home");
  CHECK(run.states[0]["rtl"] == true);
  CHECK(run.states[1]["screen"] == "search");
  CHECK(run.states[1]["query"] == "ع");
  // A reload is a bundle switch: a new visit on the attract screen, the same bundle.
  CHECK(run.states[2]["screen"] == "attract");
  CHECK(run.states[2]["locale"] == "");
  CHECK(run.states[2]["bundle"]["id"] == run.states[0]["bundle"]["id"]);
}

TEST_CASE("script: a language the bundle does not offer is an error naming the line") {
  const auto run = run_script({"locale xx"}, {});
  CHECK(run.result.exit_code == 2);
  CHECK(run.result.err.find("s.txt:1: error: the bundle does not offer the language 'xx'") != std::string::npos);
}
