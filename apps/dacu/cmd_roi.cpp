// dacu roi: budget, revenue, ROI ratios, scenarios, sensitivity and share tables of a campaign.
#include <fmt/format.h>

#include "commands.hpp"
#include "dacu/compute/roi.hpp"
#include "dacu/render/render_roi.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/plan/schedule.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

struct RoiCliOptions {
  std::string file;
  OutputOptions output;
  bool bom = false;
  bool scenarios = false;
  std::string sensitivity;
  std::vector<std::string> template_dirs;
};

int run_roi(const RoiCliOptions& o, Context& ctx) {
  auto format = choose_format(o.output, Format::table);
  refuse_binary_on_terminal(o.output, format, ctx);
  allow_template_dirs(ctx.loader, o.template_dirs);
  auto campaign = load_unplanned(ctx.loader, o.file, parse_overrides(o.output));
  RoiOptions options;
  options.scenarios = o.scenarios;
  if (!o.sensitivity.empty()) options.sensitivity = parse_sensitivity(o.sensitivity);
  auto report = compute_roi(campaign, options);
  auto render = render_options(o.output, o.bom);
  render.input = o.file;
  render.created = workbook_created(campaign);
  auto bytes = render_roi(report, format, render);
  print_diagnostics(settle(report.warnings, o.output), ctx, warnings_of(o.output));
  write_output(o.output, bytes, inputs_read({o.file}, ctx.loader), ctx);
  return kSuccess;
}

}  // namespace

Command roi_command() {
  return {"roi", "budget, revenue and ROI (投产比, 费用占比), scenarios and share tables", [](CommandLine& cl) {
            auto o = std::make_shared<RoiCliOptions>();
            cl.positional("FILE", o->file, "campaign file (or template file)", true);
            add_output_options(cl, o->output, "roi", {"table", "md", "csv", "json", "xlsx"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            add_strict_option(cl, o->output);
            cl.flag("--scenarios", o->scenarios, "compare the named scenarios (保守 / 基准 / 乐观)");
            cl.option("--sensitivity", o->sensitivity,
                      "vary one parameter by percentages: 件数=-20%..+20%:10% (step defaults to 10%)");
            cl.flag("--bom", o->bom, "CSV: start with a UTF-8 BOM so Excel opens it without mojibake");
            add_csv_raw_option(cl, o->output);
            cl.examples(
                "  dacu roi examples/聚划算-ROI样例.yaml\n"
                "  dacu roi examples/聚划算-ROI样例.yaml --scenarios\n"
                "  dacu roi examples/聚划算-ROI样例.yaml --sensitivity 件数=-20%..+20%:10%\n"
                "  dacu roi my.yaml --set 团购价=89 --format json -o roi.json\n"
                "  dacu roi examples/聚划算-ROI样例.yaml --scenarios -o roi.xlsx   (Excel: money as numbers to the fen)\n"
                "  dacu roi examples/双十一-货品规划.yaml           (share tables)\n"
                "投产比 = 成交额 ÷ 活动费用; 财务ROI = (成交额 − 活动费用) ÷ 活动费用; 费用占比 = 活动费用 ÷ 成交额.\n"
                "Money is exact to the fen; JSON gives amounts as decimal strings.\n");
            return [o](Context& ctx) { return run_roi(*o, ctx); };
          }};
}

}  // namespace dacu::cli
