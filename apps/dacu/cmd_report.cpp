// dacu report: where a campaign stands as of a moment, and its checkpoints against the actuals.
#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <functional>
#include <set>
#include <tuple>

#include "batch.hpp"
#include "commands.hpp"
#include "dacu/compute/actuals_checks.hpp"
#include "dacu/compute/task_status.hpp"
#include "dacu/input/status_reader.hpp"
#include "dacu/input/actuals.hpp"
#include "dacu/input/sources.hpp"
#include "dacu/render/render_report.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/base/timefmt.hpp"
#include "exit_status.hpp"
#include "status_files.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

struct ReadActuals {
  ActualsFile file;
  std::string path;
};

struct ReportOptions {
  std::vector<std::string> files;
  std::vector<std::string> actuals;
  std::string encoding = "auto";
  std::string sheet;
  bool per_period = false;
  std::string actuals_date;
  std::string actuals_dir;
  bool actuals_dir_given = false;
  std::string as_of;
  std::string max_staleness = "15m";
  bool check_only = false;
  bool fail_on_alert = false;
  bool fail_on_missing = false;
  OutputOptions output;
  BatchOptions batch;
  std::vector<std::string> template_dirs;
  // Task status (issue 18 item 1): --status files, or --status-dir DIR/X.csv per campaign.
  std::vector<std::string> status;
  std::string status_dir;
  bool status_dir_given = false;
  std::string ahead = "3d";
  bool ahead_given = false;
  PlanFilter filter;
  bool department_given = false, owner_given = false;
};

// --ahead 3d: whole days (3d, 7天, 1w, 0d; a bare number is days, as people type it: 7, 0 for
// today alone).
int parse_ahead(const std::string& text) {
  auto d = parse_duration(text);
  bool digits = !text.empty() && text.size() <= 4 && std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (digits) d = std::chrono::days(std::stoi(text));
  if (!d || *d < std::chrono::seconds(0) || *d % std::chrono::days(1) != std::chrono::seconds(0) || *d > std::chrono::days(366)) {
    throw input_error("D464", Location{make_source("<command line>", text), 1, 1}, {{"text", text}});
  }
  return static_cast<int>(*d / std::chrono::days(1));
}

void check_status_options(const ReportOptions& o) {
  Location where{make_source("<command line>", {}), 0, 0};
  for (auto [given, value, option] : {std::tuple{o.department_given, &o.filter.department, "--dept"},
                                      std::tuple{o.owner_given, &o.filter.owner, "--owner"}}) {
    if (given && value->empty()) throw input_error("D521.empty-filter", where, {{"option", option}});
  }
  check_status_dir(o.status, o.status_dir, o.status_dir_given);
}

// --ahead lists the status section's coming tasks: without --status or --status-dir there is none,
// so say it (D487) rather than take it silently. (--dept and --owner narrow 今日到期 and 进行中 too,
// so they mean something either way.)
void warn_status_only(const ReportOptions& o, Context& ctx) {
  if (!o.ahead_given || !o.status.empty() || o.status_dir_given) return;
  Location where{make_source("<command line>", {}), 0, 0};
  auto warnings = settle({make_diagnostic(Severity::warning, "D487", where, {{"option", "--ahead"}})}, o.output);
  print_diagnostics(warnings, ctx, warnings_of(o.output));
}

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

std::chrono::seconds parse_max_staleness(const std::string& text) {
  auto d = parse_duration(text);
  if (text == "0") d = std::chrono::seconds(0);
  if (!d || *d < std::chrono::seconds(0)) {
    throw input_error("D564.max-staleness", Location{make_source("<command line>", text), 1, 1}, {{"text", text}});
  }
  return *d;
}

// --check-only: the actuals' problems against each campaign, a line per actuals file on stdout,
// nothing written. Exit 1 when there is an error (every warning is one under --strict).
int check_actuals_only(
    ReportOptions& o, Context& ctx, const std::vector<ReadActuals>& files, const std::vector<Diagnostic>& reading_warnings,
    const std::function<std::pair<Report, std::vector<ActualsInput>>(Loader&, const std::string&)>& build) {
  for (const auto& file : o.files) {
    auto [report, actuals] = build(ctx.loader, file);
    auto found = reading_warnings;
    found.insert(found.end(), report.findings.begin(), report.findings.end());
    auto warnings = settle(std::move(found), o.output);
    print_diagnostics(warnings, ctx, warnings_of(o.output));
    for (std::size_t i = 0; i < actuals.size(); ++i) {
      const auto& in = actuals[i];
      const auto& path = files[i].path;
      std::set<std::string> metrics;
      std::optional<date::local_seconds> first, last;
      for (const auto& row : in.rows) {
        metrics.insert(row.metric);
        if (!first || row.at < *first) first = row.at;
        if (!last || row.at > *last) last = row.at;
      }
      auto count = std::count_if(warnings.begin(), warnings.end(), [&](const Diagnostic& d) { return d.where.file_name() == path; });
      if (!first) {
        ctx.out << message("check-actuals.empty", {{"file", in.name}}) << "\n";
        continue;
      }
      auto first_text = format_local_iso(*first), last_text = format_local_iso(*last);
      if (count) {
        ctx.out << message("check-actuals.problems", {{"file", in.name}, {"rows", in.rows.size()}, {"metrics", metrics.size()},
                                                      {"first", first_text}, {"last", last_text}, {"warnings", count}});
      } else {
        ctx.out << message("check-actuals.ok", {{"file", in.name}, {"rows", in.rows.size()}, {"metrics", metrics.size()},
                                                {"first", first_text}, {"last", last_text}});
      }
      ctx.out << "\n";
    }
  }
  return kSuccess;
}

// The day a time-only 时间 column means: --actuals-date, else the day of the milestone the
// campaign's first checkpoint counts from (开团 for 聚划算), else of a milestone named 开团. The
// label says which day was used, so the report states it.
ActualsInput dated_actuals(const ReadActuals& file, const Campaign& campaign, const Plan& plan,
                           std::optional<date::local_days> given) {
  ActualsInput input{file.file.rows, file.path};
  if (!file.file.time_only) return input;
  if (given) {
    date_actuals(input.rows, *given);
    input.name = message("export.dated-option", {{"file", file.path}, {"day", format_date(*given)}});
    return input;
  }
  std::vector<std::string> anchors;
  if (!campaign.plan.checkpoints.empty()) anchors.push_back(campaign.plan.checkpoints.front().at.anchor);
  anchors.push_back("开团");
  for (const auto& name : anchors) {
    auto it = std::find_if(plan.milestones.begin(), plan.milestones.end(), [&](const auto& m) { return m.name == name; });
    if (it == plan.milestones.end()) continue;
    auto day = it->at.day();
    date_actuals(input.rows, day);
    input.name = message("export.dated", {{"file", file.path}, {"milestone", name}, {"day", format_date(day)}});
    return input;
  }
  throw input_error("D444", file.file.time_only_where);
}

std::optional<date::local_days> parse_actuals_date(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto day = parse_date(text);
  if (!day) throw input_error("D457", Location{make_source("<command line>", text), 1, 1}, {{"text", text}});
  return day;
}

// --actuals-dir DIR: campaign `shops/X.yaml` reads `DIR/X.csv` (the first of actuals_extensions(), input/actuals.hpp,
// that exists), or nothing.
std::optional<std::string> own_actuals(const std::string& dir, const std::string& campaign) {
  auto stem = std::filesystem::path(campaign).stem().string();
  for (const auto& extension : actuals_extensions()) {
    if (auto path = file_in_folder(dir, stem + std::string(extension))) return path->string();  // D572: no link out
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
  auto max_staleness = parse_max_staleness(o.max_staleness);
  check_status_options(o);
  auto ahead = parse_ahead(o.ahead);
  warn_status_only(o, ctx);
  auto encoding = *parse_encoding(o.encoding);
  auto status_files = read_status_files(o.status, encoding);
  // The only clock reading: when --as-of is not given, "now" in each campaign's own zone.
  auto now = date::floor<std::chrono::seconds>(std::chrono::system_clock::now());
  auto actuals_day = parse_actuals_date(o.actuals_date);
  ActualsOptions reading{*parse_encoding(o.encoding), o.sheet, o.per_period};
  std::vector<ReadActuals> actuals;
  std::vector<Diagnostic> reading_warnings;
  for (const auto& path : o.actuals) {
    actuals.push_back({read_actuals(read_text_file(path, InputKind::actuals), path, reading), path});
    const auto& w = actuals.back().file.warnings;
    reading_warnings.insert(reading_warnings.end(), w.begin(), w.end());
  }

  auto dated_inputs = [&](const std::vector<ReadActuals>& files, const Campaign& campaign, const Plan& plan) {
    std::vector<ActualsInput> inputs;
    for (const auto& file : files) inputs.push_back(dated_actuals(file, campaign, plan, actuals_day));
    return inputs;
  };
  auto build = [&](Loader& loader, const std::string& file) {
    auto campaign = loader.load_file(file, overrides);
    auto plan = plan_campaign(campaign);
    auto moment = as_of ? *as_of : date::locate_zone(plan.timezone)->to_local(now);
    ReportSettings settings{max_staleness, sales_targets(campaign)};
    auto inputs = dated_inputs(actuals, campaign, plan);
    auto report = build_report(plan, inputs, moment, settings);
    return std::pair{std::move(report), std::move(inputs)};
  };
  if (o.check_only) {
    if (o.actuals.empty()) {
      ctx.err << usage_problem(message("usage.required", {{"name", "--actuals"}}), "dacu report --check-only");
      return static_cast<int>(kUsageError);
    }
    return check_actuals_only(o, ctx, actuals, reading_warnings, build);
  }
  auto produce = [&](Loader& loader, const std::string& file) {
    auto campaign = loader.load_file(file, overrides);
    auto plan = plan_campaign(campaign);
    // --actuals-dir: this campaign's own file; a bad one fails this campaign alone.
    std::vector<ReadActuals> own;
    std::optional<std::string> own_path;
    if (o.actuals_dir_given) {
      own_path = own_actuals(o.actuals_dir, file);
      if (own_path) own.push_back({read_actuals(read_text_file(*own_path, InputKind::actuals), *own_path, reading), *own_path});
    }
    const auto& files = o.actuals_dir_given ? own : actuals;
    auto moment = as_of ? *as_of : date::locate_zone(plan.timezone)->to_local(now);
    ReportSettings settings{max_staleness, sales_targets(campaign)};
    auto report = build_report(plan, dated_inputs(files, campaign, plan), moment, settings);
    // --dept/--owner narrow the task lists (and the status sections), never the checkpoints.
    auto tasks = filter_plan(plan, o.filter);
    auto kept = [&tasks](const DatedTask& t) {
      return std::any_of(tasks.tasks.begin(), tasks.tasks.end(), [&t](const DatedTask& k) { return k.name == t.name; });
    };
    std::erase_if(report.due_today, [&](const DatedTask& t) { return !kept(t); });
    std::erase_if(report.in_progress, [&](const DatedTask& t) { return !kept(t); });
    std::vector<StatusFile> own_status_files;
    if (o.status_dir_given) {
      if (auto path = own_status(o.status_dir, file)) own_status_files.push_back(read_status(read_text_file(*path, InputKind::status), *path, encoding));
    }
    const auto& status_of = o.status_dir_given ? own_status_files : status_files;
    if (!status_of.empty()) {
      auto book = status_book(plan, status_of, moment);  // rows after --as-of are not known yet
      apply_status(report.plan, book);  // the schedule shows each task's state too
      report.status = status_section(tasks, book, moment, ahead);
    }
    bool overdue_tasks = report.status && !report.status->overdue.empty();
    auto warnings = plan_warnings(campaign, plan);
    for (const auto& read : files) warnings.insert(warnings.end(), read.file.warnings.begin(), read.file.warnings.end());
    warnings.insert(warnings.end(), report.findings.begin(), report.findings.end());
    warnings = settle(std::move(warnings), o.output);
    auto overdue = report.overdue();
    if (o.actuals_dir_given && !own_path && !overdue.empty()) {
      auto expected = (std::filesystem::path(o.actuals_dir) / (std::filesystem::path(file).stem().string() + std::string(actuals_extensions().front()))).string();
      warnings.push_back(make_diagnostic(Severity::warning, "D542", Location{make_source(file, {}), 0, 0},
                                         {{"file", expected}, {"count", overdue.size()}}));
    }
    auto options = render;  // per input: a batch runs inputs in parallel
    options.input = file;
    BatchResult result{render_report(report, format, options), report.alert() || overdue_tasks, std::move(warnings)};
    result.missing_data = report.missing_data();
    result.stale = report.stale();
    return result;
  };
  o.batch.command = "report";
  o.batch.fail_on_alert = o.fail_on_alert;
  o.batch.fail_on_missing = o.fail_on_missing;
  o.batch.shared_inputs = o.actuals;
  o.batch.shared_inputs.insert(o.batch.shared_inputs.end(), o.status.begin(), o.status.end());
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
  inputs.insert(inputs.end(), o.status.begin(), o.status.end());
  if (o.status_dir_given) {
    if (auto own = own_status(o.status_dir, o.files.front())) inputs.push_back(*own);
  }
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
            cl.options("--actuals", o->actuals,
                       "actuals as exported: CSV (UTF-8 or GBK) or .xlsx (time,metric,value or 时间 and metric columns; "
                       "see docs/format.md), repeatable; every one goes to every input");
            cl.option("--actuals-dir", o->actuals_dir,
                      "each campaign shops/X.yaml reads its own actuals DIR/X.csv (none there: no actuals for it); not with --actuals",
                      o->actuals_dir_given);
            cl.choice("--encoding", o->encoding, {"auto", "utf-8", "gbk", "gb18030"},
                      "encoding of the actuals CSV (default auto: UTF-8, else GB18030 when it reads as such)");
            cl.option("--sheet", o->sheet, "the sheet of an .xlsx actuals file to read (default: the first)");
            cl.flag("--per-period", o->per_period,
                    "the actuals are each period's own figures (分时段), not running totals: sum them");
            cl.option("--actuals-date", o->actuals_date,
                      "the date of a time-only 时间 column (default: the day of the sale, 开团)");
            cl.option("--as-of", o->as_of, "the moment to report at, local time in the campaign's zone (default: now)");
            cl.option("--max-staleness", o->max_staleness,
                      "a figure taken longer than this before a checkpoint is stale: shown, not compared (default 15m; 30m, 1h, 0)");
            cl.flag("--check-only", o->check_only,
                    "check the --actuals files against the campaign (parse errors, data checks) and write no report");
            cl.options("--status", o->status,
                       "task status CSV (任务,状态,负责人,时间,备注; UTF-8 or GBK), repeatable: the latest row of a task up to --as-of wins; "
                       "adds 逾期未完成, 今日到期 and the next --ahead days");
            cl.option("--status-dir", o->status_dir,
                      "each campaign shops/X.yaml reads its own task status DIR/X.csv (none there: no status sections); not with --status",
                      o->status_dir_given);
            cl.option("--ahead", o->ahead, "with --status: list tasks due in this many days after today (default 3d; 7, 7d, 1w, 0 for today alone); "
                      "without --status it is ignored, with a warning", o->ahead_given);
            cl.option("--dept", o->filter.department, "only tasks of this department (部门) in the task lists (今日到期, 进行中, and the status sections)", o->department_given);
            cl.option("--owner", o->filter.owner, "only tasks of this owner (负责人) in the task lists (今日到期, 进行中, and the status sections)", o->owner_given);
            cl.flag("--fail-on-alert", o->fail_on_alert,
                    "exit 3 when a checkpoint is off plan or (with --status) an open task is past due (outputs are still written; "
                    "stale and missing figures: --fail-on-missing)");
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
                "  dacu report my.yaml --actuals 实时.xlsx --as-of 2026-12-20T12:30   (an Excel export; 时间 may be 10:15)\n"
                "  dacu report my.yaml --actuals 分时.csv --per-period --encoding gbk  (hourly figures, GBK CSV)\n"
                "  dacu report my.yaml --actuals today.csv --as-of 2026-12-20T12:30 -o report.xlsx   (Excel workbook)\n"
                "  dacu report shops/*.yaml --actuals today.csv --out-dir out/ --format html -j 2 --fail-on-alert\n"
                "  dacu report my.yaml --actuals today.csv --max-staleness 30m      (older figures are stale, not compared)\n"
                "  dacu report my.yaml --actuals today.csv --check-only --strict    (check the export, write nothing)\n"
                "  dacu report examples/雪凡妮-双十二聚划算.yaml --status examples/雪凡妮-任务状态.csv --as-of 2026-12-19T20:00\n"
                "  dacu report my.yaml --status status.csv --owner 美工主管 --ahead 7   (one person's overdue and next 7 days' tasks)\n"
                "  dacu report shops/*.yaml --status-dir status/ --out-dir out/ --fail-on-alert   (status/<shop>.csv each)\n"

                "  dacu report shops/*.yaml --actuals-dir actuals/ --out-dir out/ --format json --summary summary.json \\\n"
                "      --fail-on-alert --fail-on-missing --clean-failed -j auto --quiet     (the nightly job; README)\n"
                "  dacu report --files-from shops.txt --actuals-dir actuals/ --out-dir out/   (one path per line; - for stdin)\n");
            return [o](Context& ctx) { return run_report(*o, ctx); };
          }};
}

}  // namespace dacu::cli
