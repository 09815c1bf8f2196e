// Fuzz target: a template or campaign file, on arbitrary bytes, the whole way `dacu` reads one:
// validating (every problem collected, every section checked), then loading (first problem
// thrown), planning, and the computations and renderers that walk the loaded model.
#include <filesystem>

#include "dacu/budget.hpp"
#include "dacu/load.hpp"
#include "dacu/planning.hpp"
#include "dacu/render.hpp"
#include "dacu/staffing.hpp"
#include "dacu/validate.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static dacu::Loader loader;  // keeps the built-in templates parsed across runs, as a batch does
  // `extends:` paths resolve against a directory that does not exist: no file system walks.
  static const std::filesystem::path base = "/nonexistent/dacu-fuzz";
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] { (void)dacu::validate_text(text, "fuzz.yaml", base, loader); });
  dacu::fuzz::refuse_quietly([&] {
    const auto campaign = loader.parse(text, "fuzz.yaml", base);
    const auto plan = dacu::plan_campaign(campaign);
    (void)dacu::render_plan(plan, dacu::Format::csv);
    (void)dacu::render_plan(plan, dacu::Format::json);
    (void)dacu::render_plan(plan, dacu::Format::ics);
    dacu::fuzz::refuse_quietly([&] { (void)dacu::compute_staffing(campaign, plan); });
    dacu::fuzz::refuse_quietly([&] { (void)dacu::compute_roi(campaign, {.scenarios = true}); });
  });
  return 0;
}
