// dacu funnel: 激活率 and 首单率 from a customer list, overall and per salesperson.
#include <fmt/format.h>

#include "commands.hpp"
#include "dacu/input/csv.hpp"
#include "dacu/compute/funnel.hpp"
#include "dacu/render/render_roi.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

struct FunnelOptions {
  std::string file;
  std::string customers;
  OutputOptions output;
  bool bom = false;
  std::vector<std::string> template_dirs;
};

int run_funnel(const FunnelOptions& o, Context& ctx) {
  auto format = choose_format(o.output, Format::table);  // before any input is read
  allow_template_dirs(ctx.loader, o.template_dirs);
  auto campaign = load_unplanned(ctx.loader, o.file, parse_overrides(o.output));
  auto table = parse_csv(read_text_file(o.customers, InputKind::customers), o.customers);
  auto report = compute_funnel(campaign, table);
  auto render = render_options(o.output, o.bom);
  render.input = o.file;
  auto bytes = render_funnel(report, format, render);
  print_diagnostics(report.warnings, ctx, warnings_of(o.output));
  write_output(o.output, bytes, inputs_read({o.file, o.customers}, ctx.loader), ctx);
  return kSuccess;
}

}  // namespace

Command funnel_command() {
  return {"funnel", "customer funnel: 激活率 and 首单率 per salesperson from a customer CSV", [](CommandLine& cl) {
            auto o = std::make_shared<FunnelOptions>();
            cl.positional("FILE", o->file, "campaign file (its 目标激活率 / 目标首单率 parameters are the targets)", true);
            cl.option("--customers", o->customers, "customer CSV: 客户,业务员,注册,激活,下单 (是/否)");
            add_output_options(cl, o->output, "funnel", {"table", "md", "csv", "json"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            cl.flag("--bom", o->bom, "CSV: start with a UTF-8 BOM so Excel opens it without mojibake");
            add_csv_raw_option(cl, o->output);
            cl.examples(
                "  dacu funnel examples/订货宝-上线.yaml --customers examples/订货宝-客户.csv\n"
                "  dacu funnel my.yaml --customers export.csv --format json -o funnel.json\n"
                "激活率 = 激活用户数 ÷ 注册用户数; 首单率 = 下单用户数 ÷ 激活用户数.\n"
                "The CSV's header names the columns 客户,业务员,注册,激活,下单 (or customer,salesperson,\n"
                "registered,activated,ordered); a UTF-8 BOM is fine; a bad row is reported as file:line:col.\n");
            return [o](Context& ctx) {
              if (o->customers.empty()) {
                throw input_error("D343.customers-option", Location{make_source("<command line>", "--customers"), 1, 1});
              }
              return run_funnel(*o, ctx);
            };
          }};
}

}  // namespace dacu::cli
