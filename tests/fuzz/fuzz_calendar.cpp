// Fuzz target: calendar documents (parse_calendar), the other YAML dacu reads, then the day
// arithmetic a plan does with what parsed (rolling to a working day, counting working days).
#include "dacu/input/calendar_file.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] {
    const auto calendar = dacu::parse_calendar(text, "fuzz.yaml");
    for (int year : calendar.covered_years()) {
      const date::local_days new_year{date::year{year} / 1 / 1};
      (void)calendar.next_working_day(new_year);
      (void)calendar.previous_working_day(new_year);
      (void)calendar.add_working_days(new_year, 30);
      (void)calendar.add_working_days(new_year, -30);
    }
  });
  return 0;
}
