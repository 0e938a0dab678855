#include "speech/speech_synth.h"

#include <espeak-ng/espeak_ng.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <fstream>

namespace kiosk::speech {

namespace {

int collect(short* wav, int count, espeak_EVENT* events) {
  if (wav && count > 0 && events && events->user_data) {
    auto* out = static_cast<std::vector<std::int16_t>*>(events->user_data);
    out->insert(out->end(), wav, wav + count);
  }
  return 0;  // 0: go on
}

}  // namespace

std::unique_ptr<Synthesizer> Synthesizer::create(std::string& error) {
  espeak_ng_InitializePath(nullptr);
  espeak_ng_ERROR_CONTEXT context = nullptr;
  if (espeak_ng_Initialize(&context) != ENS_OK) {
    error = "espeak-ng could not be initialised (is espeak-ng-data installed?)";
    espeak_ng_ClearErrorContext(&context);
    return nullptr;
  }
  espeak_SetSynthCallback(collect);
  std::unique_ptr<Synthesizer> s(new Synthesizer());
  for (const espeak_VOICE** v = espeak_ListVoices(nullptr); v && *v; ++v) {
    // `languages` is a list of (priority byte, NUL-terminated name), ended by a 0 byte.
    for (const char* p = (*v)->languages; p && *p; p += std::strlen(p + 1) + 2) s->languages_.emplace_back(p + 1);
  }
  std::sort(s->languages_.begin(), s->languages_.end());
  return s;
}

Synthesizer::~Synthesizer() {
  espeak_ng_Terminate();
}

std::optional<std::string> Synthesizer::voice_for(std::string_view locale) const {
  std::string tag(locale);
  std::transform(tag.begin(), tag.end(), tag.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  const std::string base = tag.substr(0, tag.find('-'));
  for (const std::string& candidate : {tag, base})
    if (std::binary_search(languages_.begin(), languages_.end(), candidate)) return candidate;
  return std::nullopt;
}

int Synthesizer::sample_rate() const {
  return espeak_ng_GetSampleRate();
}

Pcm Synthesizer::synthesize(std::string_view text, std::string_view locale, const SpeechSettings& settings) {
  Pcm pcm;
  // espeak-ng's output set-up opens the sound server (libpcaudio connects to PulseAudio, which may start
  // a daemon and write to ~/.config/pulse and /run/user/*/pulse) even for synchronous output that never
  // plays: so only when the first words are spoken. A headless run, or a kiosk nobody asks to read
  // aloud, opens no audio at all.
  if (!output_ready_) {
    if (espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, nullptr) != ENS_OK) return pcm;
    output_ready_ = true;
  }
  pcm.sample_rate = sample_rate();
  const auto voice = voice_for(locale);
  if (!voice || espeak_ng_SetVoiceByName(voice->c_str()) != ENS_OK) return pcm;
  espeak_ng_SetParameter(espeakRATE, std::clamp(settings.rate_wpm, 80, 450), 0);
  espeak_ng_SetParameter(espeakVOLUME, std::clamp(settings.volume, 0, 200), 0);
  const std::string s = speakable(text);
  espeak_ng_Synthesize(s.c_str(), s.size() + 1, 0, POS_CHARACTER, 0, espeakCHARS_UTF8, nullptr, &pcm.samples);
  espeak_ng_Synchronize();
  return pcm;
}

std::string speakable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) {
    const auto c = static_cast<unsigned char>(text[i]);
    // U+200E/F marks and U+2066…2069 isolates (E2 80 8E/8F, E2 81 A6…A9), U+202A…202E embeddings.
    if (c == 0xE2 && i + 2 < text.size()) {
      const auto b = static_cast<unsigned char>(text[i + 1]), d = static_cast<unsigned char>(text[i + 2]);
      if ((b == 0x80 && (d == 0x8E || d == 0x8F || (d >= 0xAA && d <= 0xAE))) ||
          (b == 0x81 && d >= 0xA6 && d <= 0xA9)) {
        i += 3;
        continue;
      }
    }
    out += static_cast<char>(c);
    ++i;
  }
  return out;
}

bool write_wav(const std::filesystem::path& file, const Pcm& pcm) {
  std::ofstream out(file, std::ios::binary);
  auto u32 = [&](std::uint32_t v) { out.write(reinterpret_cast<const char*>(&v), 4); };
  auto u16 = [&](std::uint16_t v) { out.write(reinterpret_cast<const char*>(&v), 2); };
  const auto data_bytes = static_cast<std::uint32_t>(pcm.samples.size() * 2);
  out.write("RIFF", 4);
  u32(36 + data_bytes);
  out.write("WAVEfmt ", 8);
  u32(16);
  u16(1);  // PCM
  u16(1);  // mono
  u32(static_cast<std::uint32_t>(pcm.sample_rate));
  u32(static_cast<std::uint32_t>(pcm.sample_rate) * 2);
  u16(2);
  u16(16);
  out.write("data", 4);
  u32(data_bytes);
  out.write(reinterpret_cast<const char*>(pcm.samples.data()), static_cast<std::streamsize>(data_bytes));
  return static_cast<bool>(out);
}

}  // namespace kiosk::speech
