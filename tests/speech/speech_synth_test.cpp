// Speech with espeak-ng: which shipped languages have a voice, real samples for them, nothing for the
// others, and a valid WAV file.

#include <catch2/catch.hpp>

#include <fstream>

#include "speech/speech_synth.h"
#include "support/test_support.h"

using namespace kiosk;
using namespace kiosk::speech;

TEST_CASE("espeak-ng voices for the shipped languages, and honest gaps", "[speech]") {
  std::string why;
  auto synth = Synthesizer::create(why);
  REQUIRE(synth);
  for (const char* tag : {"de", "en", "ar", "fa", "ku", "tr", "uk", "ru", "ta", "fr"}) {
    INFO(tag);
    CHECK(synth->voice_for(tag));
  }
  CHECK(synth->voice_for("de-AT") == "de");
  // Sorani is not Kurmanji, and Tigrinya is not Amharic: no voice rather than a wrong one.
  CHECK_FALSE(synth->voice_for("ckb"));
  CHECK_FALSE(synth->voice_for("ti"));
}

TEST_CASE("speech is samples of a plausible length, a language without voice is silence", "[speech]") {
  std::string why;
  auto synth = Synthesizer::create(why);
  REQUIRE(synth);
  const auto de = synth->synthesize("Die Stadtbibliothek ist heute bis 18 Uhr geöffnet.", "de");
  CHECK(de.seconds() > 1.5);
  CHECK(de.seconds() < 8);
  CHECK(de.sample_rate == synth->sample_rate());  // what the audio device is opened with
  CHECK(synth->sample_rate() == 22050);
  const auto ar = synth->synthesize("المكتبة مفتوحة اليوم حتى الساعة السادسة.", "ar");
  CHECK(ar.seconds() > 1.0);
  const auto ta = synth->synthesize("நூலகம் இன்று மாலை ஆறு மணி வரை திறந்திருக்கும்.", "ta");
  CHECK(ta.seconds() > 1.0);
  CHECK(synth->synthesize("ቤት መጻሕፍቲ", "ti").samples.empty());
  const auto slow = synth->synthesize("Die Stadtbibliothek ist heute bis 18 Uhr geöffnet.", "de", {100, 100});
  CHECK(slow.seconds() > de.seconds() * 1.3);
}

TEST_CASE("bidi controls are not read, WAV files have a valid header", "[speech]") {
  CHECK(speakable("\u2068Bahnhofstraße\u2069 \u200F10") == "Bahnhofstraße 10");
  Pcm pcm;
  pcm.samples = {0, 100, -100, 0};
  test::TempDir tmp;
  REQUIRE(write_wav(tmp.path() / "a.wav", pcm));
  const std::string bytes = test::read_text(tmp.path() / "a.wav");
  REQUIRE(bytes.size() == 44 + 8);
  CHECK(bytes.substr(0, 4) == "RIFF");
  CHECK(bytes.substr(8, 8) == "WAVEfmt ");
  CHECK(bytes.substr(36, 4) == "data");
}
