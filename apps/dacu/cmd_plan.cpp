// dacu plan: the dated task schedule of a campaign.
#include <fmt/format.h>

#include <algorithm>
#include <tuple>
#include <utility>

#include "batch.hpp"
#include "commands.hpp"
#include "dacu/compute/task_status.hpp"
#include "dacu/input/sources.hpp"
#include "dacu/input/status_reader.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/render/ics.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"
#include "status_files.hpp"

namespace dacu::cli {

namespace {

struct PlanOptions {
  std::vector<std::string> files;
  BatchOptions batch;
  OutputOptions output;
  bool bom = false;
  PlanFilter filter;
  std::string from, to;
  std::string alarm;
  std::string ics_events;
  bool ics_events_given = false;
  std::vector<std::string> template_dirs;
  bool department_given = false, owner_given = false, phase_given = false;
  std::vector<std::string> status;  ///< --status: task status CSVs (issue 18 item 1)
};

// `--dept ""` (an unset variable) printed the whole plan, as if no filter had been asked for.
void refuse_empty_filters(const PlanOptions& o) {
  for (auto [given, value, option] : {std::tuple{o.department_given, &o.filter.department, "--dept"},
                                      std::tuple{o.owner_given, &o.filter.owner, "--owner"},
                                      std::tuple{o.phase_given, &o.filter.phase, "--phase"}}) {
    if (given && value->empty()) {
      throw input_error("D521.empty-filter", Location{make_source("<command line>", {}), 0, 0}, {{"option", option}});
    }
  }
}

std::optional<std::chrono::seconds> parse_alarm(const std::string& text) {
  if (text.empty()) return std::nullopt;
  auto d = parse_duration(text);
  if (!d || *d <= std::chrono::seconds(0)) {
    throw input_error("D520.alarm", Location{make_source("<command line>", text), 1, 1}, {{"text", text}});
  }
  return d;
}

// --ics-events tasks,milestones: which kinds of event the calendar holds. Chinese names too, and a
// full-width comma, as a 运营主管 types them; an unknown name is located at its column.
IcsEvents parse_ics_events(const std::string& text, bool given) {
  IcsEvents events;
  if (!given) return events;
  events = {false, false, false, false};
  const std::vector<std::pair<std::vector<std::string>, bool IcsEvents::*>> kinds = {
      {{"tasks", "task", "任务"}, &IcsEvents::tasks},
      {{"milestones", "milestone", "里程碑"}, &IcsEvents::milestones},
      {{"deadlines", "deadline", "平台时限"}, &IcsEvents::deadlines},
      {{"checkpoints", "checkpoint", "检查点"}, &IcsEvents::checkpoints}};
  std::vector<std::string> names;
  for (const auto& [aliases, member] : kinds) names.insert(names.end(), aliases.begin(), aliases.end());
  bool any = false;
  int column = 1;
  std::size_t i = 0;
  while (i <= text.size()) {
    auto comma = text.find(',', i), wide = text.find("，", i);
    auto end = std::min(comma, wide);
    std::string item(text.substr(i, end == std::string::npos ? std::string::npos : end - i));
    int item_column = column;
    for (std::size_t k = 0; k < item.size() && item[k] == ' '; ++k) ++item_column;
    while (!item.empty() && item.front() == ' ') item.erase(item.begin());
    while (!item.empty() && item.back() == ' ') item.pop_back();
    if (!item.empty()) {
      bool known = false;
      for (const auto& [aliases, member] : kinds) {
        if (std::find(aliases.begin(), aliases.end(), item) != aliases.end()) {
          events.*member = true;
          known = true;
        }
      }
      if (!known) {
        auto close = closest_match(item, names);
        throw input_error("D580", Location{make_source("<command line>", text), 1, item_column},
                          {{"text", item}, {"advice", close.empty() ? std::string() : message("calendar.did-you-mean", {{"name", close}})}});
      }
      any = true;
    }
    if (end == std::string::npos) break;
    // Columns count characters: the item's, then the comma (one, full-width or not).
    column += int(utf8::count_chars(std::string_view(text).substr(i, end - i))) + 1;
    i = end + (end == comma ? 1 : std::string_view("，").size());
  }
  if (!any) throw input_error("D580.empty", Location{make_source("<command line>", text), 1, 1}, {});
  return events;
}

int run_plan(PlanOptions& o, Context& ctx) {
  allow_template_dirs(ctx.loader, o.template_dirs);
  o.files = batch_inputs(std::move(o.files), o.batch);
  refuse_empty_filters(o);
  auto days = option_days(o.from, o.to);
  o.filter.from = days.from;
  o.filter.to = days.to;
  auto render = render_options(o.output, o.bom);
  render.alarm = parse_alarm(o.alarm);
  render.ics_events = parse_ics_events(o.ics_events, o.ics_events_given);
  auto overrides = parse_overrides(o.output);
  auto format = choose_format(o.output, Format::table);
  auto status_files = read_status_files(o.status);
  auto produce = [&](Loader& loader, const std::string& file) {
    auto campaign = loader.load_file(file, overrides);
    auto full = plan_campaign(campaign);
    if (!o.status.empty()) apply_status(full, status_book(full, status_files));  // names checked on the whole plan
    auto warnings = settle(plan_warnings(campaign, full), o.output);  // on the whole plan, before --dept & co
    auto plan = filter_plan(std::move(full), o.filter);
    auto options = render;  // per input: a batch runs inputs in parallel
    options.input = file;
    return BatchResult{render_plan(plan, format, options), false, std::move(warnings)};
  };
  o.batch.command = "plan";
  o.batch.shared_inputs.insert(o.batch.shared_inputs.end(), o.status.begin(), o.status.end());
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
  inputs.insert(inputs.end(), o.status.begin(), o.status.end());
  write_output(o.output, result.bytes, inputs, ctx);
  return kSuccess;
}

}  // namespace

Command plan_command() {
  return {"plan", "the dated task schedule of a campaign or template", [](CommandLine& cl) {
            auto o = std::make_shared<PlanOptions>();
            cl.positionals("FILE", o->files, "campaign file (or template file, with --set for its milestones); several with --out-dir (or --files-from)", false);
            add_output_options(cl, o->output, "plan", {"table", "md", "csv", "json", "ics", "html", "xlsx"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            add_strict_option(cl, o->output);
            cl.option("--alarm", o->alarm, "ICS: a reminder this long before each event starts (30m, 1h, 1d)");
            cl.option("--ics-events", o->ics_events,
                      "ICS: only these kinds of event, comma-separated: tasks, milestones, deadlines (平台时限), checkpoints "
                      "(default: all four)",
                      o->ics_events_given);
            cl.flag("--bom", o->bom, "CSV: start with a UTF-8 BOM so Excel opens it without mojibake");
            add_csv_raw_option(cl, o->output);
            cl.option("--dept", o->filter.department, "only tasks of this department (部门)", o->department_given);
            cl.option("--owner", o->filter.owner, "only tasks of this owner (负责人)", o->owner_given);
            cl.option("--phase", o->filter.phase, "only tasks of this phase (活动前 / 活动中 / 活动后)", o->phase_given);
            cl.options("--status", o->status,
                       "task status CSV (任务,状态,负责人,时间,备注), repeatable: each task shows its latest state, who and when");
            cl.option("--from", o->from, "only tasks that end on or after this date (YYYY-MM-DD)");
            cl.option("--to", o->to, "only tasks that start on or before this date (YYYY-MM-DD)");
            add_batch_options(cl, o->batch);
            cl.examples(
                "  dacu plan examples/雪凡妮-双十二聚划算.yaml\n"
                "  dacu plan my.yaml --set 开团=2026-12-21T10:00 --dept 推广\n"
                "  dacu plan my.yaml --format csv --bom -o plan.csv\n"
                "  dacu plan my.yaml --status 状态.csv --owner 美工主管   (each task with its state from the status file)\n"
                "  dacu plan my.yaml --format csv --csv-raw -o plan.csv   (for a program: a task named =… is not written '=…)\n"
                "  dacu plan my.yaml -o plan.json              (format from the extension)\n"
                "  dacu plan my.yaml -o team.ics --alarm 30m   (calendar to import, with reminders)\n"
                "  dacu plan my.yaml -o tasks.ics --ics-events tasks   (tasks only: no milestones, 平台时限 or checkpoints)\n"
                "  dacu plan my.yaml -o dates.ics --ics-events milestones,deadlines   (the key dates only)\n"
                "  dacu plan my.yaml -o plan.xlsx              (Excel: a sheet per list, real dates; never to a terminal)\n"
                "  dacu plan templates/聚划算.yaml --set 开团=2026-12-20T10:00 --phase 活动中\n"
                "  dacu plan shops/a.yaml --template-dir shared/   (a.yaml says extends: ../shared/聚划算.yaml)\n"
                "  dacu plan shops/*.yaml --out-dir out/ --format ics -j 2   (batch: out/<name>.ics each)\n"
                "  ls shops/*.yaml | dacu plan --files-from - --out-dir out/ --format json -j auto --summary summary.json\n");
            return [o](Context& ctx) { return run_plan(*o, ctx); };
          }};
}

}  // namespace dacu::cli
