// dacu agenda: one dated list across campaigns — every campaign's tasks, milestones, platform
// deadlines and checkpoints — with the double bookings of an owner between campaigns.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <optional>
#include <thread>

#include <sched.h>

#include "batch.hpp"
#include "batch_logic.hpp"
#include "commands.hpp"
#include "dacu/base/messages.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/compute/agenda.hpp"
#include "dacu/compute/task_status.hpp"
#include "dacu/plan/planning.hpp"
#include "dacu/render/render_agenda.hpp"
#include "dacu/render/render_plan.hpp"
#include "exit_status.hpp"
#include "io.hpp"
#include "process.hpp"
#include "reads.hpp"
#include "status_files.hpp"

namespace dacu::cli {

namespace {

struct AgendaOptions {
  std::vector<std::string> files;
  BatchOptions batch;  // --files-from only
  OutputOptions output;
  bool bom = false;
  std::string from, to, owner, department, jobs;
  bool jobs_given = false;  // -j "" is refused (D533), not taken for the default
  bool owner_given = false, department_given = false;
  bool fail_on_conflict = false;
  std::vector<std::string> template_dirs;
  // Task status: --status files (a row applies to each campaign that has its task) or --status-dir.
  std::vector<std::string> status;
  std::string status_dir;
  bool status_dir_given = false;
};

unsigned processors() {
  cpu_set_t set;
  CPU_ZERO(&set);
  if (::sched_getaffinity(0, sizeof set, &set) == 0) return static_cast<unsigned>(CPU_COUNT(&set));
  return std::thread::hardware_concurrency();
}

/// Where a campaign names itself: its `name:` line, for D481; line 1 when there is none.
Location name_line(const Campaign& campaign) {
  const auto& source = campaign.source;
  if (!source) return {};
  for (std::size_t line = 0; line < source->line_starts.size(); ++line) {
    auto start = source->line_starts[line];
    if (source->text.compare(start, 5, "name:") == 0) return Location{source, int(line) + 1, 1};
  }
  return Location{source, 1, 1};
}

/// One input's outcome: its plan, or the problems that stopped it.
struct Slot {
  std::optional<AgendaInput> input;
  std::vector<Diagnostic> warnings;
  std::string errors;  ///< as printed
  int status = kSuccess;
  std::vector<std::string> read;  ///< the files it read (no output may replace one)
};

void plan_one(Loader& loader, const std::string& file, const OutputOptions& output, Slot& slot, bool color) {
  try {
    auto campaign = loader.load_file(file);
    slot.read = inputs_read({file}, loader);
    auto plan = plan_campaign(campaign);
    slot.warnings = settle(plan_warnings(campaign, plan), output);
    slot.input = AgendaInput{file, std::move(plan), name_line(campaign)};
  } catch (const ChecksFailed& e) {
    slot.errors = format_input_error(e, color);
    slot.status = kInputError;
  } catch (const InputError& e) {
    slot.errors = format_input_error(e, color);
    slot.status = exit_status_of(e.diagnostic()) == kEnvironment ? kEnvironment : kInputError;
  } catch (const std::bad_alloc&) {
    throw;  // the run cannot go on: cli::run says so
  }
}

/// A warning per double booking, at the file of its first task's campaign: its owner, how many
/// tasks and the first two.
std::vector<Diagnostic> conflict_warnings(const Agenda& agenda) {
  std::vector<Diagnostic> out;
  for (std::size_t i = 0; i < agenda.conflicts.size(); ++i) {
    const auto& c = agenda.conflicts[i];
    const auto& a = c.tasks[0];
    // The second named is the first task of another campaign: what makes it a conflict.
    const auto* b = &c.tasks[1];
    for (const auto& t : c.tasks) {
      if (t.campaign != a.campaign) {
        b = &t;
        break;
      }
    }
    Location where{make_source(agenda.campaigns[a.campaign].file, {}), 0, 0};
    const auto& first_campaign = agenda.campaigns[a.campaign].name;
    const auto& second_campaign = agenda.campaigns[b->campaign].name;
    // As the agenda's table shows a time (2026-12-19 周六 14:00), on the first task's wall clock.
    auto at = show_moment(c.from, message_language() == Language::en ? Lang::en : Lang::zh);
    if (c.tasks.size() == 2) {
      out.push_back(make_diagnostic(Severity::warning, "D485.two", where,
                                    {{"id", conflict_label(i)}, {"owner", c.owner}, {"first_campaign", first_campaign},
                                     {"first", a.name}, {"second_campaign", second_campaign}, {"second", b->name},
                                     {"at", at}}));
    } else {
      out.push_back(make_diagnostic(Severity::warning, "D485.many", where,
                                    {{"id", conflict_label(i)}, {"owner", c.owner}, {"count", c.tasks.size()},
                                     {"first_campaign", first_campaign}, {"first", a.name},
                                     {"second_campaign", second_campaign}, {"second", b->name}, {"at", at}}));
    }
  }
  return out;
}

/// Gives each campaign's tasks their state. From --status-dir, DIR/X.csv is shops/X.yaml's alone
/// (an unknown task is D460, as in report). From --status files, a row belongs to the one campaign
/// that has its task (one file for a shop's campaigns of different templates); a row no campaign
/// has is D460 with the first campaign's closest name, a row two campaigns have D460.ambiguous.
void apply_agenda_status(std::vector<AgendaInput>& inputs, const AgendaOptions& o) {
  if (o.status_dir_given) {
    for (auto& input : inputs) {
      auto own = own_status(o.status_dir, input.file);
      if (!own) continue;
      auto files = read_status_files({*own});
      apply_status(input.plan, status_book(input.plan, files));
    }
    return;
  }
  if (o.status.empty()) return;
  auto files = read_status_files(o.status);
  std::vector<std::vector<std::string>> names;
  for (const auto& input : inputs) {
    auto list = status_task_names(input.plan);
    std::sort(list.begin(), list.end());
    names.push_back(std::move(list));
  }
  auto has = [&](std::size_t i, const std::string& task) { return std::binary_search(names[i].begin(), names[i].end(), task); };
  for (const auto& file : files) {
    for (const auto& row : file.rows) {
      std::vector<std::string> having;
      for (std::size_t i = 0; i < inputs.size(); ++i) {
        if (has(i, row.task)) having.push_back(inputs[i].plan.campaign);
      }
      if (having.empty()) {
        std::vector<StatusFile> alone{StatusFile{file.name, {row}}};
        status_book(inputs.front().plan, alone);  // throws D460 at the row, with the closest name
      }
      // Two campaigns of one template share task names: the row cannot say whose it is.
      if (having.size() > 1) {
        std::string campaigns = having.front();
        for (std::size_t i = 1; i < having.size(); ++i) campaigns = message("app.list-comma", {{"list", campaigns}, {"item", having[i]}});
        throw input_error("D460.ambiguous", row.where, {{"task", row.task}, {"campaigns", campaigns}});
      }
    }
  }
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    std::vector<StatusFile> own;
    for (const auto& file : files) {
      StatusFile kept{file.name, {}};
      for (const auto& row : file.rows) {
        if (has(i, row.task)) kept.rows.push_back(row);
      }
      own.push_back(std::move(kept));
    }
    apply_status(inputs[i].plan, status_book(inputs[i].plan, own));
  }
}

int run_agenda(AgendaOptions& o, Context& ctx) {
  allow_template_dirs(ctx.loader, o.template_dirs);
  o.files = batch_inputs(std::move(o.files), o.batch);
  for (auto [given, value, option] : {std::tuple{o.owner_given, &o.owner, "--owner"}, std::tuple{o.department_given, &o.department, "--dept"}}) {
    if (given && value->empty()) throw input_error("D521.empty-filter", Location{make_source("<command line>", {}), 0, 0}, {{"option", option}});
  }
  AgendaFilter filter;
  auto days = option_days(o.from, o.to);
  filter.from = days.from;
  filter.to = days.to;
  filter.owner = o.owner;
  filter.department = o.department;
  auto format = choose_format(o.output, Format::table);
  unsigned jobs = parse_jobs(o.jobs, processors(), o.jobs_given);
  check_status_dir(o.status, o.status_dir, o.status_dir_given);
  refuse_empty_output(o.output);

  // Every input planned, in parallel with -j (a Loader per worker: each parses a template once);
  // results land in input order, so the output and the messages never depend on the workers.
  std::vector<Slot> slots(o.files.size());
  if (jobs <= 1 || o.files.size() <= 1) {
    for (std::size_t i = 0; i < o.files.size(); ++i) plan_one(ctx.loader, o.files[i], o.output, slots[i], ctx.color);
  } else {
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
      Loader loader;
      loader.set_template_dirs(ctx.loader.template_dirs());
      for (std::size_t i; (i = next.fetch_add(1)) < o.files.size();) plan_one(loader, o.files[i], o.output, slots[i], ctx.color);
    };
    std::vector<std::thread> threads;
    for (unsigned t = 1; t < std::min<std::size_t>(jobs, o.files.size()); ++t) threads.emplace_back(worker);
    worker();
    for (auto& t : threads) t.join();
  }

  // A broken campaign stops the agenda (an agenda without it would look complete), after every
  // input was read, so that one run names every broken file.
  int status = kSuccess;
  std::vector<Diagnostic> warnings;
  std::vector<std::string> read;
  for (auto& slot : slots) {
    status = worst_status(status, slot.status);
    add_once(warnings, std::move(slot.warnings));
    read.insert(read.end(), slot.read.begin(), slot.read.end());
  }
  if (status != kSuccess) {
    for (const auto& slot : slots) ctx.err << slot.errors;
    std::size_t failed = 0;
    for (const auto& slot : slots) failed += slot.status != kSuccess;
    ctx.err << paint(fmt::format("dacu: {}\n", message("agenda.failed", {{"failed", failed}, {"count", slots.size()}})), ctx.color);
    return status;
  }
  std::vector<AgendaInput> inputs;
  inputs.reserve(slots.size());
  for (auto& slot : slots) inputs.push_back(std::move(*slot.input));
  slots.clear();
  apply_agenda_status(inputs, o);
  read.insert(read.end(), o.status.begin(), o.status.end());  // -o may not replace a status file
  if (o.status_dir_given) {
    for (const auto& input : inputs) {
      if (auto own = own_status(o.status_dir, input.file)) read.push_back(*own);
    }
  }
  auto agenda = build_agenda(std::move(inputs), filter);
  add_once(warnings, conflict_warnings(agenda));

  AgendaRender r;
  r.format = format;
  r.options = render_options(o.output, o.bom);
  r.filter = filter;
  r.inputs = o.files;
  r.diagnostics = warnings;
  auto bytes = render_agenda(agenda, r);
  print_diagnostics(warnings, ctx, warnings_of(o.output));
  write_output(o.output, bytes, read, ctx);
  if (o.fail_on_conflict && !agenda.conflicts.empty()) return kAlert;
  return kSuccess;
}

}  // namespace

Command agenda_command() {
  return {"agenda", "one dated list across campaigns: tasks, milestones, 平台时限 and checkpoints, with double bookings", [](CommandLine& cl) {
            auto o = std::make_shared<AgendaOptions>();
            cl.positionals("FILE", o->files, "campaign files (any number; or --files-from)", false);
            add_format_options(cl, o->output, "agenda", {"table", "md", "csv", "json", "ics", "html"});
            add_template_dir_option(cl, o->template_dirs);
            add_warnings_option(cl, o->output);
            add_strict_option(cl, o->output);
            cl.option("--from", o->from, "only items that end on or after this date (YYYY-MM-DD, on each campaign's clock)");
            cl.option("--to", o->to, "only items that start on or before this date (YYYY-MM-DD)");
            cl.option("--owner", o->owner, "only the tasks and checkpoints of this owner (负责人: a role, or a person a campaign's owners: names)", o->owner_given);
            cl.option("--dept", o->department, "only the tasks of this department (部门)", o->department_given);
            cl.options("--status", o->status,
                       "task status CSV (任务,状态,负责人,时间,备注; UTF-8 or GBK), repeatable: each task shows its latest state; "
                       "a row belongs to the one campaign that has its task (campaigns sharing a template: --status-dir)");
            cl.option("--status-dir", o->status_dir,
                      "each campaign shops/X.yaml reads its own task status DIR/X.csv (none there: no states for it); not with --status",
                      o->status_dir_given);
            cl.flag("--fail-on-conflict", o->fail_on_conflict, "exit 3 when someone is double-booked across campaigns (the agenda is still written)");
            cl.option("-j,--jobs", o->jobs, "campaigns planned in parallel: N, or auto for the number of processors (default 1)", o->jobs_given);
            cl.option("--files-from", o->batch.files_from, "read campaign paths from FILE, one per line (- for stdin; blank lines and # comments skipped)",
                      o->batch.files_from_given);
            cl.flag("--bom", o->bom, "CSV: start with a UTF-8 BOM so Excel opens it without mojibake");
            add_csv_raw_option(cl, o->output);
            cl.examples(
                "  dacu agenda examples/*.yaml\n"
                "  dacu agenda shops/*.yaml --from 2026-12-14 --to 2026-12-20 --owner 美工主管\n"
                "  dacu agenda a.yaml b.yaml --dept 设计 -o week.md\n"
                "  dacu agenda examples/雪凡妮-双十二聚划算.yaml --status examples/雪凡妮-任务状态.csv --owner 美工主管\n"
                "  dacu agenda shops/*.yaml -o team.ics           (one calendar; UIDs as dacu plan's)\n"
                "  dacu agenda shops/*.yaml --format json --fail-on-conflict   (exit 3 on a double booking)\n"
                "  ls shops/*.yaml | dacu agenda --files-from - -j auto -o agenda.csv\n"
                "\n"
                "Who is double-booked: an owner in a template is a role (推广主管), not a person. Two campaigns\n"
                "clash when they book the same person (a campaign's `owners: {推广主管: 王芳}`) or the same\n"
                "role of the same shop (`shop: 雪凡妮`) at overlapping times; two shops' 推广主管 never clash.\n"
                "A campaign without shop: is a shop of its own: name the shop in each of its campaigns.\n");
            return [o](Context& ctx) { return run_agenda(*o, ctx); };
          }};
}

}  // namespace dacu::cli
