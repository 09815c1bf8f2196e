// Fuzz target: the parsers behind command-line values — `--set KEY=VALUE`, `--sensitivity`,
// service levels (`80/20`), `--alarm 30m` and `--as-of` date-times.
#include "dacu/compute/roi.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/compute/staffing.hpp"
#include "dacu/base/timefmt.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] { (void)dacu::parse_override(text); });
  dacu::fuzz::refuse_quietly([&] { (void)dacu::parse_sensitivity(text); });
  dacu::fuzz::refuse_quietly([&] { (void)dacu::parse_service_level(text); });
  return 0;
}
