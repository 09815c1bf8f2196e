// Fuzz target: a template or campaign file, on arbitrary bytes, the whole way `dacu` reads one:
// validating (every problem collected, every section checked), then loading (first problem
// thrown), planning, and the computations and renderers that walk the loaded model.
#include <filesystem>

#include "dacu/compute/roi.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/writers/modules.hpp"
#include "dacu/compute/staffing.hpp"
#include "dacu/compute/validate.hpp"
#include "fuzz_common.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static dacu::Loader loader;  // keeps the built-in templates parsed across runs, as a batch does
  // `extends:` paths resolve against a directory that does not exist: no file system walks.
  static const std::filesystem::path base = "/nonexistent/dacu-fuzz";
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] {
    for (const auto& d : dacu::validate_text(text, "fuzz.yaml", base, loader)) (void)dacu::format_diagnostic(d);
  });
  dacu::fuzz::refuse_quietly([&] {
    const auto campaign = loader.parse(text, "fuzz.yaml", base);
    const auto plan = dacu::plan_campaign(campaign);
    dacu::RenderOptions options;
    options.writers = dacu::modules::writers();  // the linked writers: this target links them
    (void)dacu::render_plan(plan, dacu::Format::csv, options);
    (void)dacu::render_plan(plan, dacu::Format::json, options);
    (void)dacu::render_plan(plan, dacu::Format::ics, options);
    dacu::fuzz::refuse_quietly([&] { (void)dacu::compute_staffing(campaign, plan); });
    dacu::fuzz::refuse_quietly([&] { (void)dacu::compute_roi(campaign, {.scenarios = true}); });
  });
  return 0;
}
