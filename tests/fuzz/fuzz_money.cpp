// Fuzz target: amounts (parse_money), both roundings, and formatting what parsed.
#include "dacu/base/money.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = dacu::fuzz::as_text(data, size);
  for (auto rounding : {dacu::Rounding::none, dacu::Rounding::half_up_to_fen}) {
    dacu::fuzz::refuse_quietly([&] {
      const auto m = dacu::parse_money(text, rounding, dacu::fuzz::location_of(text));
      (void)m.to_string();
      (void)m.format_grouped();
      (void)m.format_wan();
    });
  }
  return 0;
}
