// Fuzz target: the opening_hours parser, and the evaluator on every value the parser accepts.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "core/hours/opening_hours.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view value(reinterpret_cast<const char*>(data), size);
  const auto parsed = kiosk::parse_opening_hours(value);
  if (const auto* oh = std::get_if<kiosk::OpeningHours>(&parsed)) {
    const kiosk::OhContext ctx{nullptr, 50.77, 6.08, nullptr};
    for (const int minute : {0, 9 * 60 + 30, 23 * 60 + 59}) {
      const kiosk::LocalDateTime t{{2026, 2, 28}, minute};
      (void)kiosk::evaluate_at(*oh, ctx, t);
    }
    (void)kiosk::evaluate_day(*oh, ctx, {2026, 12, 24});
    (void)kiosk::next_change(*oh, ctx, {{2026, 11, 27}, 12 * 60}, 40);
  }
  return 0;
}
