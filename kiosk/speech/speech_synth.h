#pragma once
// Text to speech with espeak-ng (Debian libespeak-ng): PCM samples for a text in a language, nothing
// played here (the app plays through SDL audio, kioskctl writes WAV files).

#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace kiosk::speech {

struct Pcm {
  int sample_rate = 22050;
  std::vector<std::int16_t> samples;  // mono
  [[nodiscard]] double seconds() const {
    return sample_rate > 0 ? static_cast<double>(samples.size()) / sample_rate : 0;
  }
};

struct SpeechSettings {
  int rate_wpm = 160;  // espeak-ng: 80 … 450 words per minute
  int volume = 100;    // 0 … 200, espeak-ng's amplitude scale
};

// espeak-ng keeps its state in the library, so the process has one synthesizer: the kiosk owns it and
// passes it to what speaks. Not thread-safe.
class Synthesizer {
 public:
  // nullptr and a reason when espeak-ng or its data cannot be initialised.
  static std::unique_ptr<Synthesizer> create(std::string& error);
  ~Synthesizer();
  Synthesizer(const Synthesizer&) = delete;
  Synthesizer& operator=(const Synthesizer&) = delete;

  // The espeak-ng voice for a BCP 47 tag (or its language), nullopt where espeak-ng has none. Sorani
  // (ckb) is not Kurmanji (ku): a voice of another language is never passed off as this one.
  [[nodiscard]] std::optional<std::string> voice_for(std::string_view locale) const;
  // Of everything synthesize() returns (espeak-ng's output rate, fixed once it is initialised).
  [[nodiscard]] int sample_rate() const;
  // Silence (no samples) when there is no voice.
  Pcm synthesize(std::string_view text, std::string_view locale, const SpeechSettings& settings = {});

 private:
  Synthesizer() = default;
  std::vector<std::string> languages_;  // what the installed voices speak
  bool output_ready_ = false;           // espeak-ng's output is set up at the first synthesis
};

// Directional isolates and marks are not read; everything else is left to espeak-ng.
std::string speakable(std::string_view text);

// 16-bit mono PCM WAV.
bool write_wav(const std::filesystem::path& file, const Pcm& pcm);

}  // namespace kiosk::speech
