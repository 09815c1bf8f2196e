// dacu staff: how many people, in which post, on which day and shift — and why that many.
#include <fmt/format.h>

#include <algorithm>
#include <ostream>

#include "commands.hpp"
#include "dacu/render/render_staff.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/compute/staffing.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "reads.hpp"

namespace dacu::cli {

namespace {

struct StaffOptions {
  std::string file;
  std::string by = "role";
  OutputOptions output;
  bool bom = false;
  std::vector<std::string> template_dirs;
  // dacu staff erlang
  bool erlang = false;
  ErlangQuestion question;
  OutputOptions erlang_output;
};


int run_erlang(StaffOptions& o, Context& ctx) {
  const auto& q = o.question;
  for (auto [value, name] : {std::pair{&q.contacts, "--contacts"}, {&q.interval, "--interval"}, {&q.aht, "--aht"},
                             {&q.service_level, "--sl"}}) {
    if (value->empty()) {
      ctx.err << usage_problem(message("usage.command-required", {{"command", "staff erlang"}, {"name", name}}), "dacu staff erlang");
      return kUsageError;
    }
  }
  auto answer = answer_erlang(q);
  auto render = render_options(o.erlang_output, false);
  write_output(o.erlang_output, render_erlang(answer, choose_format(o.erlang_output, Format::table), render), {}, ctx);
  return kSuccess;
}

int run_staff(StaffOptions& o, Context& ctx) {
  if (o.erlang) return run_erlang(o, ctx);
  if (o.file.empty()) {
    ctx.err << usage_problem(message("usage.command-required", {{"command", "staff"}, {"name", "FILE"}}), "dacu staff");
    return kUsageError;
  }
  auto format = choose_format(o.output, Format::table);
  refuse_binary_on_terminal(o.output, format, ctx);
  allow_template_dirs(ctx.loader, o.template_dirs);
  auto campaign = ctx.loader.load_file(o.file, parse_overrides(o.output));
  if (!campaign.plan.staffing) {
    throw input_error("D200.no-staffing", campaign.template_where, {{"template", campaign.template_name}});
  }
  auto plan = plan_campaign(campaign);
  auto report = compute_staffing(campaign, plan);
  auto render = render_options(o.output, o.bom);
  render.input = o.file;
  render.created = workbook_created(plan);
  auto bytes = render_staff(report, *staff_view_from_name(o.by), format, render);
  // The plan and the staffing days are dated on one timeline: a year the calendar lacks is said once.
  auto warnings = plan_warnings(campaign, plan);
  add_once(warnings, report.warnings);
  print_diagnostics(settle(std::move(warnings), o.output), ctx, warnings_of(o.output));
  write_output(o.output, bytes, inputs_read({o.file}, ctx.loader), ctx);
  return kSuccess;
}

}  // namespace

Command staff_command() {
  return {"staff", "staffing: heads per post, day, shift and hour, with the formulas behind them", [](CommandLine& cl) {
            auto o = std::make_shared<StaffOptions>();
            cl.positional("FILE", o->file, "campaign file (or template file, with --set for its milestones)", false);
            cl.choice("--by", o->by, {"role", "day", "shift", "hour", "table"},
                      "role: every post with inputs and rule (default); day: heads, shifts, person-hours per day; "
                      "shift: each rota shift; hour: queues hour by hour; "
                      "table: staffing tables as the source gives them, each 小计 beside its posts");
            add_output_options(cl, o->output, "staff", {"table", "md", "csv", "json", "xlsx"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            add_strict_option(cl, o->output);
            cl.flag("--bom", o->bom, "CSV: start with a UTF-8 BOM so Excel opens it without mojibake");
            add_csv_raw_option(cl, o->output);
            cl.examples(
                "  dacu staff examples/双十一-旗舰店.yaml                     posts, calling, rota, queues\n"
                "  dacu staff examples/双十一-旗舰店.yaml --by day            heads, shifts, person-hours per day\n"
                "  dacu staff examples/双十一-旗舰店.yaml --by shift --format md\n"
                "  dacu staff examples/双十一-旗舰店.yaml --by hour --set 活动效果系数=8\n"
                "  dacu staff examples/双十一-旗舰店.yaml --by table          the seed's A组(白班) table, 小计 checked\n"
                "  dacu staff my.yaml -o staff.json                        every view, exact values\n"
                "  dacu staff my.yaml -o staff.xlsx                        every view, a sheet each\n"
                "  dacu staff erlang --contacts 100 --interval 30m --aht 180s --sl 80/20 --shrinkage 30%\n"
                "Headcounts always round up; the table shows each figure's formula and its value before rounding.\n");

            auto& quick = cl.subcommand("erlang", "Erlang C calculator for one chat or phone queue", o->erlang);
            quick.option("--contacts", o->question.contacts, "contacts arriving in the interval (咨询量), e.g. 100");
            quick.option("--interval", o->question.interval, "the interval they arrive in (统计时段), e.g. 30m, 1h");
            quick.option("--aht", o->question.aht, "average handle time (平均处理时长), e.g. 180s, 3min");
            quick.option("--sl", o->question.service_level, "service level target: share/seconds, e.g. 80/20");
            quick.option("--max-occupancy", o->question.max_occupancy, "cap on agent occupancy (最高占用率), e.g. 85%");
            quick.option("--shrinkage", o->question.shrinkage, "share of paid time off the queue (损耗率), e.g. 30%");
            quick.option("--concurrency", o->question.concurrency,
                         "effective concurrency (有效并发数), e.g. 1.8: how many times one agent's throughput "
                         "grows with several chats open, not how many are open; modelled as handle time AHT / concurrency");
            quick.option("--agents", o->question.agents,
                         "evaluate agents online at once (在线坐席数, after shrinkage), e.g. 28: service level, ASA, occupancy; "
                         "40 people on a roster at 30% shrinkage are 28 online");
            quick.option("--max-agents", o->question.max_agents,
                         "search no further than this many agents (坐席上限), e.g. 20; says which target is missed");
            add_format_options(quick, o->erlang_output, "staff erlang", {"table", "md", "csv", "json"});
            quick.examples(
                "  dacu staff erlang --contacts 100 --interval 30m --aht 180s --sl 80/20 --max-occupancy 85% --shrinkage 30%\n"
                "      → 14 agents, 20 heads after shrinkage, service level 88.8%, ASA 7.8 s\n"
                "  dacu staff erlang --contacts 250 --interval 1h --aht 330s --sl 80/30     → 28 agents\n"
                "  dacu staff erlang --contacts 600 --interval 1h --aht 180s --sl 80/30 --concurrency 1.8 --format json\n"
                "  dacu staff erlang --contacts 100 --interval 30m --aht 180s --sl 80/20 --agents 12\n"
                "      → service level 64.0%: below the 80% target with the 12 agents you have\n"
                "  dacu staff erlang --contacts 100 --interval 30m --aht 180s --sl 80/20 --max-agents 12\n"
                "      → 12 agents, the most allowed, and the target missed\n"
                "决定因素 (binding) says what set the answer: 服务水平 (the service level), 最高占用率 (the cap),\n"
                "给定坐席数 (--agents) or 坐席上限 (--max-agents, a target missed).\n"
                "Effective concurrency c: one agent is one server with handle time AHT / c, so traffic is\n"
                "contacts × AHT / c / interval. c is not the chats open at once: an agent with 3 chats open who\n"
                "closes 36 an hour at AHT 180s (20 an hour one at a time) has c = 36 / 20 = 1.8.\n"
                "Agents always round up; shrinkage: ceil(agents / (1 − shrinkage)). The occupancy cap and\n"
                "shrinkage are exact (85% of 42 agents is 35.7 Erlangs, allowed under an 85% cap).\n");
            return [o](Context& ctx) { return run_staff(*o, ctx); };
          }};
}

}  // namespace dacu::cli
