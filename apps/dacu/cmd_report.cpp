// dacu report: where a campaign stands as of a moment, and its checkpoints against the actuals.
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>

#include "batch.hpp"
#include "commands.hpp"
#include "dacu/input/actuals.hpp"
#include "dacu/render/render_report.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/base/timefmt.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

struct ReportOptions {
  std::vector<std::string> files;
  std::vector<std::string> actuals;
  std::string as_of;
  bool fail_on_alert = false;
  OutputOptions output;
  BatchOptions batch;
  std::vector<std::string> template_dirs;
};

std::optional<date::local_seconds> parse_as_of(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto t = parse_local_datetime(text);
  if (!t) {
    auto advice = date_advice(text, message("app.write-as-of"));
    throw input_error("D507.as-of", Location{make_source("<command line>", text), 1, 1},
                      {{"text", text}, {"problem", advice.problem}, {"advice", advice.hint}});
  }
  return t->at;
}

int run_report(ReportOptions& o, Context& ctx) {
  allow_template_dirs(ctx.loader, o.template_dirs);
  auto overrides = parse_overrides(o.output);
  auto format = choose_format(o.output, Format::md);
  auto render = render_options(o.output);
  auto as_of = parse_as_of(o.as_of);
  // The only clock reading: when --as-of is not given, "now" in each campaign's own zone.
  auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::vector<ActualsInput> actuals;
  for (const auto& path : o.actuals) actuals.push_back({parse_actuals(read_text_file(path), path), path});

  auto produce = [&](Loader& loader, const std::string& file) {
    auto campaign = loader.load_file(file, overrides);
    auto plan = plan_campaign(campaign);
    auto moment = as_of ? *as_of : date::locate_zone(plan.timezone)->to_local(now);
    auto report = build_report(plan, actuals, moment);
    auto warnings = plan_warnings(campaign, plan);
    warnings.insert(warnings.end(), report.findings.begin(), report.findings.end());
    warnings = settle(std::move(warnings), o.output);
    auto options = render;  // per input: a batch runs inputs in parallel
    options.input = file;
    return BatchResult{render_report(report, format, options), report.alert(), std::move(warnings)};
  };
  o.batch.fail_on_alert = o.fail_on_alert;
  o.batch.shared_inputs = o.actuals;
  check_batch_usage(o.files, o.batch, o.output.output);
  if (!o.batch.out_dir.empty()) {
    o.batch.extension = format_extension(format);
    o.batch.warnings = warnings_of(o.output);
    return run_batch(o.files, o.batch, produce, ctx);
  }
  refuse_binary_on_terminal(o.output, format, ctx);
  auto result = produce(ctx.loader, o.files.front());
  print_diagnostics(result.warnings, ctx, warnings_of(o.output));
  auto inputs = inputs_read(o.files, ctx.loader);
  inputs.insert(inputs.end(), o.actuals.begin(), o.actuals.end());
  write_output(o.output, result.bytes, inputs, ctx);
  return result.alert && o.fail_on_alert ? kAlert : kSuccess;
}

}  // namespace

Command report_command() {
  return {"report", "a campaign's status as of a moment: countdown, due tasks, checkpoints against actuals", [](CommandLine& cl) {
            auto o = std::make_shared<ReportOptions>();
            cl.positionals("FILE", o->files, "campaign file; several with --out-dir", true);
            cl.options("--actuals", o->actuals, "actuals CSV (time,metric,value; see docs/format.md), repeatable");
            cl.option("--as-of", o->as_of, "the moment to report at, local time in the campaign's zone (default: now)");
            cl.flag("--fail-on-alert", o->fail_on_alert, "exit 3 when a checkpoint is off plan (outputs are still written)");
            add_output_options(cl, o->output, "report", {"md", "json", "html", "xlsx"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            add_strict_option(cl, o->output);
            add_batch_options(cl, o->batch);
            cl.examples(
                "  dacu report examples/雪凡妮-双十二聚划算.yaml --actuals examples/雪凡妮-实时数据.csv --as-of 2026-12-20T12:30\n"
                "  dacu report my.yaml --actuals today.csv -o report.html          (format from the extension)\n"
                "  dacu report my.yaml --actuals today.csv --as-of 2026-12-20T12:30 -o report.xlsx   (Excel workbook)\n"
                "  dacu report shops/*.yaml --actuals today.csv --out-dir out/ --format html -j 2 --fail-on-alert\n");
            return [o](Context& ctx) { return run_report(*o, ctx); };
          }};
}

}  // namespace dacu::cli
