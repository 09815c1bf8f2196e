// Fuzz target: a template or campaign file, on arbitrary bytes, the whole way `dacu` reads one:
// validating (every problem collected, every section checked), then loading (first problem
// thrown), planning, and the computations and renderers that walk the loaded model.
#include <filesystem>
#include <string>
#include <string_view>

#include "dacu/compute/roi.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/writers/modules.hpp"
#include "dacu/compute/staffing.hpp"
#include "dacu/compute/validate.hpp"
#include "fuzz_common.hpp"

namespace {

constexpr std::string_view kTemplate =
    "dacu: 1\nkind: template\nname: 小团\ndepartments: {运营: {lead: 运营主管}}\nmilestones:\n  开团:\n  活动:\n"
    "tasks:\n  - {name: 备货, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前2天}\n";

// What `extends:` may reach, held in memory (never the disk): templates in the campaign's folder
// (under the names the seeds from tests/bad and examples use) and in an allowed --template-dir,
// a campaign (D083), files that are not templates (D082) and a named pipe (D081). Paths out of
// both folders are D080.
dacu::MemorySources& files() {
  static dacu::MemorySources sources = [] {
    dacu::MemorySources s;
    for (auto name : {"t.yaml", "templates/双十一-货品.yaml", "templates/no-default.yaml"}) {
      s.add(std::filesystem::path("/fuzz/shop") / name, std::string(kTemplate));
    }
    s.add("/fuzz/shared/t.yaml", std::string(kTemplate));
    s.add("/fuzz/shop/templates/a-campaign.yaml", "dacu: 1\nkind: campaign\nname: 另一个\nextends: ./t.yaml\n");
    s.add("/fuzz/shop/templates/not-a-template.yaml", "password: do-not-print\n");
    s.add("/fuzz/shop/templates/binary.yaml", std::string("kind: template\n\0\n", 17));
    s.add("/fuzz/shop/templates/latin1.yaml", "kind: template\n\xe9\n");
    s.add_special("/fuzz/shop/templates/pipe.yaml", "a named pipe (FIFO)");
    return s;
  }();
  return sources;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  // Keeps the built-in templates parsed across runs, as a batch does.
  static dacu::Loader loader = [] {
    dacu::Loader l(files());
    l.set_template_dirs({"/fuzz/shared"});
    return l;
  }();
  static const std::filesystem::path base = "/fuzz/shop";
  const auto text = dacu::fuzz::as_text(data, size);
  dacu::fuzz::refuse_quietly([&] {
    for (const auto& d : dacu::validate_text(text, "fuzz.yaml", base, loader)) (void)dacu::format_diagnostic(d);
  });
  dacu::fuzz::refuse_quietly([&] {
    const auto campaign = loader.parse(text, "fuzz.yaml", base);
    const auto plan = dacu::plan_campaign(campaign);
    dacu::RenderOptions options;
    options.writers = dacu::modules::writers();  // the linked writers: this target links them
    (void)dacu::render_plan(plan, dacu::Format::table, options);  // escapes control characters (utf8::visible)
    (void)dacu::render_plan(plan, dacu::Format::md, options);     // escapes HTML and Markdown
    (void)dacu::render_plan(plan, dacu::Format::csv, options);    // guards formula cells
    (void)dacu::render_plan(plan, dacu::Format::json, options);
    (void)dacu::render_plan(plan, dacu::Format::ics, options);
    dacu::fuzz::refuse_quietly([&] { (void)dacu::compute_staffing(campaign, plan); });
    dacu::fuzz::refuse_quietly([&] { (void)dacu::compute_roi(campaign, {.scenarios = true}); });
  });
  return 0;
}
