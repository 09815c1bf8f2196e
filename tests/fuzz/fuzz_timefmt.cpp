// Fuzz target: dates, date-times, clock times and durations (timefmt.hpp), formatting what parsed.
#include "dacu/base/timefmt.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] {
    if (auto d = dacu::parse_date(text)) {
      (void)dacu::format_date(*d);
      (void)dacu::weekday_name(*d, false);
    }
    if (auto t = dacu::parse_local_datetime(text)) (void)dacu::format_local_iso(t->at);
    (void)dacu::parse_clock(text);
    if (auto d = dacu::parse_duration(text)) (void)dacu::format_duration(*d);
  });
  return 0;
}
