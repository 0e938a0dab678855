#pragma once
// Plays what the UI asks to be read aloud through SDL audio. Synthesis runs on its own thread (a long
// screen takes espeak-ng a moment), so the UI never waits; a newer utterance can interrupt.

#include <SDL.h>

#include <condition_variable>
#include <deque>
#include <mutex>
#include <thread>

#include "speech/speech_synth.h"

namespace kiosk::app {

class SpeechPlayer {
 public:
  // Opens the default audio output; without one (or without a synthesizer) say() does nothing.
  explicit SpeechPlayer(speech::Synthesizer* synth);
  ~SpeechPlayer();
  SpeechPlayer(const SpeechPlayer&) = delete;
  SpeechPlayer& operator=(const SpeechPlayer&) = delete;

  [[nodiscard]] bool has_output() const { return device_ != 0; }
  void say(std::string text, std::string locale, speech::SpeechSettings settings, bool interrupt);
  void stop();

 private:
  void run();
  struct Job {
    std::string text, locale;
    speech::SpeechSettings settings;
    unsigned generation = 0;
  };
  speech::Synthesizer* synth_;
  SDL_AudioDeviceID device_ = 0;
  int sample_rate_ = 22050;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::deque<Job> jobs_;
  unsigned generation_ = 0;  // bumped by an interruption: older jobs are dropped
  bool quit_ = false;
  std::thread worker_;
};

}  // namespace kiosk::app
