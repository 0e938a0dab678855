#include "app/sync_schedule.h"

#include <fmt/format.h>

#include <chrono>

#include "core/sync/sync_run.h"

namespace kiosk::app {

void run_sync_and_log(const SyncConfig& config) {
  const auto r = run_sync(config);
  fmt::print(stderr, "sync {}: {}\n", outcome_name(r.outcome), r.message);
}

void SyncSchedule::start(const SyncConfig& config) {
  if (!config.enabled() || config.interval_minutes <= 0 || thread_.joinable()) return;
  config_ = config;
  thread_ = std::thread([this] {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
      lock.unlock();
      run_sync_and_log(config_);
      lock.lock();
      std::uniform_real_distribution<double> jitter(1.0, 1.1);
      wake_.wait_for(lock, std::chrono::duration<double>(config_.interval_minutes * 60 * jitter(random_)),
                     [this] { return stop_ || now_; });
      now_ = false;
    }
  });
}

bool SyncSchedule::request_now() {
  if (!thread_.joinable()) return false;
  {
    std::lock_guard<std::mutex> l(mutex_);
    now_ = true;
  }
  wake_.notify_all();
  return true;
}

void SyncSchedule::stop() {
  {
    std::lock_guard<std::mutex> l(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

}  // namespace kiosk::app
