// dacu report: where a campaign stands as of a moment, and its checkpoints against the actuals.
#include <date/tz.h>
#include <fmt/format.h>

#include <chrono>
#include <filesystem>

#include "batch.hpp"
#include "commands.hpp"
#include "dacu/input/actuals.hpp"
#include "dacu/input/sources.hpp"
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
  std::string actuals_dir;
  bool actuals_dir_given = false;
  std::string as_of;
  bool fail_on_alert = false;
  bool fail_on_missing = false;
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

// The extensions of an actuals file that --actuals-dir looks for, in this order: the one list of them.
std::vector<std::string> actuals_extensions() { return {"csv"}; }

// --actuals-dir DIR: campaign `shops/X.yaml` reads `DIR/X.csv` (the first of actuals_extensions()
// that exists), or nothing.
std::optional<std::string> own_actuals(const std::string& dir, const std::string& campaign) {
  auto stem = std::filesystem::path(campaign).stem().string();
  for (const auto& extension : actuals_extensions()) {
    auto path = std::filesystem::path(dir) / (stem + "." + extension);
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path.string();
  }
  return std::nullopt;
}

// --actuals-dir is a folder, and does not meet --actuals (D540: one source of actuals per run).
void check_actuals_dir(const ReportOptions& o) {
  if (!o.actuals_dir_given) return;
  Location where{make_source("<command line>", {}), 0, 0};
  if (!o.actuals.empty()) throw input_error("D540", where, {{"count", o.actuals.size()}});
  std::error_code ec;
  if (o.actuals_dir.empty() || !std::filesystem::exists(o.actuals_dir, ec)) {
    throw input_error("D541.missing", where, {{"dir", o.actuals_dir}});
  }
  if (!std::filesystem::is_directory(o.actuals_dir, ec)) throw input_error("D541.not-folder", where, {{"dir", o.actuals_dir}});
}

int run_report(ReportOptions& o, Context& ctx) {
  allow_template_dirs(ctx.loader, o.template_dirs);
  auto overrides = parse_overrides(o.output);
  auto format = choose_format(o.output, Format::md);
  auto render = render_options(o.output);
  auto as_of = parse_as_of(o.as_of);
  o.files = batch_inputs(std::move(o.files), o.batch);
  check_actuals_dir(o);
  // The only clock reading: when --as-of is not given, "now" in each campaign's own zone.
  auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  std::vector<ActualsInput> actuals;
  for (const auto& path : o.actuals) actuals.push_back({parse_actuals(read_text_file(path), path), path});

  auto produce = [&](Loader& loader, const std::string& file) {
    auto campaign = loader.load_file(file, overrides);
    auto plan = plan_campaign(campaign);
    // --actuals-dir: this campaign's own file; a bad one fails this campaign alone.
    std::vector<ActualsInput> own;
    std::optional<std::string> own_path;
    if (o.actuals_dir_given) {
      own_path = own_actuals(o.actuals_dir, file);
      if (own_path) own.push_back({parse_actuals(read_text_file(*own_path), *own_path), *own_path});
    }
    auto moment = as_of ? *as_of : date::locate_zone(plan.timezone)->to_local(now);
    auto report = build_report(plan, o.actuals_dir_given ? own : actuals, moment);
    auto warnings = plan_warnings(campaign, plan);
    warnings.insert(warnings.end(), report.findings.begin(), report.findings.end());
    warnings = settle(std::move(warnings), o.output);
    auto overdue = report.overdue();
    if (o.actuals_dir_given && !own_path && !overdue.empty()) {
      auto expected = (std::filesystem::path(o.actuals_dir) / (std::filesystem::path(file).stem().string() + "." + actuals_extensions().front())).string();
      warnings.push_back(make_diagnostic(Severity::warning, "D542", Location{make_source(file, {}), 0, 0},
                                         {{"file", expected}, {"count", overdue.size()}}));
    }
    BatchResult result{render_report(report, format, render), report.alert(), std::move(warnings)};
    result.missing_data = !overdue.empty();
    // result.stale: set by the report-data helper's staleness check (issue 21) when it lands.
    return result;
  };
  o.batch.command = "report";
  o.batch.fail_on_alert = o.fail_on_alert;
  o.batch.fail_on_missing = o.fail_on_missing;
  o.batch.shared_inputs = o.actuals;
  if (o.actuals_dir_given) {
    o.batch.actuals_of = [&o](const std::string& file) { return own_actuals(o.actuals_dir, file); };
  }
  check_batch_usage(o.files, o.batch, o.output.output);
  if (!o.batch.out_dir.empty()) {
    o.batch.extension = format_extension(format);
    o.batch.warnings = warnings_of(o.output);
    return run_batch(o.files, o.batch, produce, ctx);
  }
  refuse_binary_on_terminal(o.output, format, ctx);
  auto result = produce(ctx.loader, o.files.front());
  if (!o.batch.quiet) print_diagnostics(result.warnings, ctx, warnings_of(o.output));
  auto inputs = inputs_read(o.files, ctx.loader);
  inputs.insert(inputs.end(), o.actuals.begin(), o.actuals.end());
  if (o.actuals_dir_given) {
    if (auto own = own_actuals(o.actuals_dir, o.files.front())) inputs.push_back(*own);
  }
  write_output(o.output, result.bytes, inputs, ctx);
  if (result.alert && o.fail_on_alert) return kAlert;
  if ((result.missing_data || result.stale) && o.fail_on_missing) return kAlert;
  return kSuccess;
}

}  // namespace

Command report_command() {
  return {"report", "a campaign's status as of a moment: countdown, due tasks, checkpoints against actuals", [](CommandLine& cl) {
            auto o = std::make_shared<ReportOptions>();
            cl.positionals("FILE", o->files, "campaign file; several with --out-dir (or --files-from)", false);
            cl.options("--actuals", o->actuals, "actuals CSV (time,metric,value; see docs/format.md), repeatable; every one goes to every input");
            cl.option("--actuals-dir", o->actuals_dir,
                      "each campaign shops/X.yaml reads its own actuals DIR/X.csv (none there: no actuals for it); not with --actuals",
                      o->actuals_dir_given);
            cl.option("--as-of", o->as_of, "the moment to report at, local time in the campaign's zone (default: now)");
            cl.flag("--fail-on-alert", o->fail_on_alert, "exit 3 when a checkpoint is off plan (outputs are still written)");
            cl.flag("--fail-on-missing", o->fail_on_missing,
                    "exit 3 when a checkpoint is overdue without an actual figure, or its figure is stale (outputs are still written)");
            add_output_options(cl, o->output, "report", {"md", "json", "html", "xlsx"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            add_strict_option(cl, o->output);
            add_batch_options(cl, o->batch);
            cl.examples(
                "  dacu report examples/雪凡妮-双十二聚划算.yaml --actuals examples/雪凡妮-实时数据.csv --as-of 2026-12-20T12:30\n"
                "  dacu report my.yaml --actuals today.csv -o report.html          (format from the extension)\n"
                "  dacu report my.yaml --actuals today.csv --as-of 2026-12-20T12:30 -o report.xlsx   (Excel workbook)\n"
                "  dacu report shops/*.yaml --actuals today.csv --out-dir out/ --format html -j 2 --fail-on-alert\n"
                "  dacu report shops/*.yaml --actuals-dir actuals/ --out-dir out/ --format json --summary summary.json \\\n"
                "      --fail-on-alert --fail-on-missing --clean-failed -j auto --quiet     (the nightly job; README)\n"
                "  dacu report --files-from shops.txt --actuals-dir actuals/ --out-dir out/   (one path per line; - for stdin)\n");
            return [o](Context& ctx) { return run_report(*o, ctx); };
          }};
}

}  // namespace dacu::cli
