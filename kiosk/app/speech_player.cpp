#include "app/speech_player.h"

namespace kiosk::app {

SpeechPlayer::SpeechPlayer(speech::Synthesizer* synth) : synth_(synth) {
  if (!synth_ || SDL_InitSubSystem(SDL_INIT_AUDIO) != 0) return;
  sample_rate_ = synth_->sample_rate();
  SDL_AudioSpec want{};
  want.freq = sample_rate_;
  want.format = AUDIO_S16SYS;
  want.channels = 1;
  want.samples = 1024;
  device_ = SDL_OpenAudioDevice(nullptr, 0, &want, nullptr, 0);
  if (device_ == 0) return;
  SDL_PauseAudioDevice(device_, 0);
  worker_ = std::thread([this] { run(); });
}

SpeechPlayer::~SpeechPlayer() {
  {
    std::lock_guard lock(mutex_);
    quit_ = true;
  }
  wake_.notify_all();
  if (worker_.joinable()) worker_.join();
  if (device_) SDL_CloseAudioDevice(device_);
}

void SpeechPlayer::say(std::string text, std::string locale, speech::SpeechSettings settings, bool interrupt) {
  if (!device_) return;
  {
    std::lock_guard lock(mutex_);
    if (interrupt) {
      ++generation_;
      jobs_.clear();
      SDL_ClearQueuedAudio(device_);
    }
    if (!text.empty() && !locale.empty()) jobs_.push_back({std::move(text), std::move(locale), settings, generation_});
  }
  wake_.notify_one();
}

void SpeechPlayer::stop() {
  say({}, {}, {}, true);
}

void SpeechPlayer::run() {
  for (;;) {
    Job job;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [this] { return quit_ || !jobs_.empty(); });
      if (quit_) return;
      job = std::move(jobs_.front());
      jobs_.pop_front();
    }
    const speech::Pcm pcm = synth_->synthesize(job.text, job.locale, job.settings);
    std::lock_guard lock(mutex_);
    if (job.generation == generation_ && !pcm.samples.empty())  // not interrupted meanwhile
      SDL_QueueAudio(device_, pcm.samples.data(), static_cast<Uint32>(pcm.samples.size() * sizeof(std::int16_t)));
  }
}

}  // namespace kiosk::app
