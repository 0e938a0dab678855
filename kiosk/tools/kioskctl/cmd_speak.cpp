// kioskctl speak --locale TAG --wav FILE TEXT: what the kiosk would say, as a WAV file (espeak-ng).

#include <fmt/format.h>

#include <memory>

#include "commands.h"
#include "speech/speech_synth.h"

namespace kioskctl {
namespace {

struct SpeakArgs {
  std::string locale, wav, text;
  int rate = 160, volume = 100;
};

int run_speak(const SpeakArgs& a) {
  std::string why;
  auto synth = kiosk::speech::Synthesizer::create(why);
  if (!synth) {
    fmt::print(stderr, "error: {}\n", why);
    return exit_invalid;
  }
  if (!synth->voice_for(a.locale)) {
    fmt::print(stderr, "error: espeak-ng has no voice for '{}' (docs/accessibility.md lists the coverage)\n", a.locale);
    return exit_invalid;
  }
  const auto pcm = synth->synthesize(a.text, a.locale, {a.rate, a.volume});
  if (!kiosk::speech::write_wav(a.wav, pcm)) {
    fmt::print(stderr, "error: cannot write {}\n", a.wav);
    return exit_invalid;
  }
  fmt::print("{}: {:.2f} s, {} Hz, voice {}\n", a.wav, pcm.seconds(), pcm.sample_rate, *synth->voice_for(a.locale));
  return exit_ok;
}

}  // namespace

void add_speak(CLI::App& app, Action& action) {
  auto args = std::make_shared<SpeakArgs>();
  auto* cmd = app.add_subcommand("speak", "write the speech for a text to a WAV file (espeak-ng)");
  cmd->add_option("--locale", args->locale, "language (BCP 47)")->required();
  cmd->add_option("--wav", args->wav, "WAV file to write")->required();
  cmd->add_option("--rate", args->rate, "words per minute (80-450)")->check(CLI::Range(80, 450));
  cmd->add_option("--volume", args->volume, "0-200")->check(CLI::Range(0, 200));
  cmd->add_option("text", args->text, "what to say")->required();
  cmd->callback([&action, args] { action = [args] { return run_speak(*args); }; });
}

}  // namespace kioskctl
