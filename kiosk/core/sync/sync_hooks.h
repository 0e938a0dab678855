#pragma once
// What tests inject into a sync: a callback at every step (to kill the process or cut the power there)
// and a disk that fills up after a number of bytes.

#include <cstdint>
#include <functional>
#include <string_view>

namespace kiosk {

struct SyncHooks {
  std::function<void(std::string_view step)> at_step;
  std::int64_t write_budget = -1;  // bytes of file data a sync may write before writes fail with ENOSPC; -1: no limit

  void step(std::string_view name) const {
    if (at_step) at_step(name);
  }
};

}  // namespace kiosk
