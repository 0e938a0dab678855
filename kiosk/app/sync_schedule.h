#pragma once
// The kiosk's own sync schedule, on a thread of its own: downloads never hold up a frame.

#include <condition_variable>
#include <mutex>
#include <random>
#include <thread>

#include "core/sync/sync_config.h"

namespace kiosk::app {

// Runs one sync now and says in the journal how it went.
void run_sync_and_log(const SyncConfig& config);

class SyncSchedule {
 public:
  SyncSchedule() = default;
  SyncSchedule(const SyncSchedule&) = delete;
  SyncSchedule& operator=(const SyncSchedule&) = delete;
  ~SyncSchedule() { stop(); }

  // A sync now, then one every interval (up to a tenth later: kiosks switched on together do not keep
  // asking the server together). Nothing when the config has no source or no interval.
  void start(const SyncConfig& config);
  // Wakes the schedule for a sync now; false when no schedule runs.
  bool request_now();
  void stop();

 private:
  SyncConfig config_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stop_ = false, now_ = false;
  std::minstd_rand random_{std::random_device{}()};
};

}  // namespace kiosk::app
