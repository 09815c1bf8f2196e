// Fuzz target: the formula language (parse_expr, then evaluate with every name bound).
#include <optional>

#include "dacu/base/expr.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] {
    const auto expr = dacu::parse_expr(text, dacu::fuzz::location_of(text));
    (void)expr.to_string();
    (void)expr.names();
    // Every name is 3/7 (awkward fractions), except names starting with 零 which are 0.
    (void)dacu::evaluate(expr, [](std::string_view name) -> std::optional<dacu::Rational> {
      if (name.starts_with("零")) return dacu::Rational(0);
      return dacu::Rational(3, 7);
    });
  });
  return 0;
}
