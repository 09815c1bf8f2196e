#include "dacu/compute/validate.hpp"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <map>
#include <optional>
#include <set>

#include "dacu/compute/roi.hpp"
#include "dacu/base/calendar.hpp"
#include "dacu/compute/eligibility.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/compute/staffing.hpp"
#include "dacu/compute/trace.hpp"
#include "dacu/input/calendar_file.hpp"
#include "dacu/input/yaml.hpp"
#include "dacu/plan/limits.hpp"
#include "dacu/plan/timeline.hpp"
#include "dacu/plan/waves.hpp"

namespace dacu {

namespace {

// A template on its own has no dates: give each milestone that nothing derives a fixed Monday so
// that relative checks (phase against time, double bookings) can run.
void give_template_dates(Campaign& campaign) {
  for (auto& m : campaign.plan.milestones) {
    if (!m.given && !m.derived) {
      m.given = LocalDateTime{date::local_seconds{date::local_days{date::year{2026} / 6 / 15}} + std::chrono::hours(10), false, std::nullopt};
    }
  }
}

void add_trace(std::vector<Diagnostic> found, std::vector<Diagnostic>& out) {
  out.insert(out.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
}

bool is_template_file(const Campaign& c) { return c.source && c.plan.source == c.source; }

void check_unused_milestones(const Template& t, std::vector<Diagnostic>& out) {
  std::set<std::string> used;
  auto use = [&](const Offset& o) { used.insert(o.anchor); };
  for (const auto& m : t.milestones) {
    if (m.derived) use(*m.derived);
  }
  for (const auto& task : t.tasks) {
    use(task.start);
    if (task.end) use(*task.end);
    if (task.repeat) use(task.repeat->until);
  }
  for (const auto& c : t.checkpoints) {
    use(c.at);
    if (c.repeat) use(c.repeat->until);
  }
  for (const auto& p : t.phase_starts) {
    if (p) use(*p);
  }
  // A per-wave milestone is used when some wave's is (a task of 第一波 only); it is reported once,
  // by the name its template declares, at its declaration.
  std::set<std::string> wave_used, wave_reported;
  auto definition = [](const Milestone& m) { return m.name.substr(m.wave.size() + kWaveJoin.size()); };
  for (const auto& m : t.milestones) {
    if (!m.wave.empty() && used.count(m.name)) wave_used.insert(definition(m));
  }
  for (const auto& m : t.milestones) {
    if (!m.wave.empty()) {
      auto name = definition(m);
      if (!wave_used.count(name) && wave_reported.insert(name).second) {
        out.push_back(make_diagnostic(Severity::warning, "D101", m.where, {{"name", name}}));
      }
    } else if (!used.count(m.name)) {
      out.push_back(make_diagnostic(Severity::warning, "D101", m.where, {{"name", m.name}}));
    }
  }
}

// A parameter is used when its name appears in the file's text anywhere but its own declaration:
// formulas in later sections (staffing, budget) refer to parameters by name.
void check_unused_parameters(const Template& t, std::vector<Diagnostic>& out) {
  if (!t.source) return;
  std::string_view text = t.source->text;
  for (const auto& p : t.parameters) {
    std::size_t count = 0;
    for (auto pos = text.find(p.name); pos != std::string_view::npos; pos = text.find(p.name, pos + p.name.size())) ++count;
    if (count <= 1) {
      out.push_back(make_diagnostic(Severity::warning, "D102", p.where, {{"name", p.name}}));
    }
  }
}

const Task* find_task(const Template& t, std::string_view name) {
  for (const auto& task : t.tasks) {
    if (task.name == name) return &task;
  }
  return nullptr;
}

// Whether the campaign file or --set wrote what is at `where` (not the template it extends).
bool written_by_campaign(const Campaign& campaign, const Location& where) {
  return where.file && (where.file == campaign.source || where.file_name() == "<command line>");
}

// Where the campaign (or --set) wrote the date an offset finally rests on, following derived
// milestones (竞拍 = 报名后5天) to the one given; unknown when the template dated it.
Location campaign_date(const Campaign& campaign, const Offset* offset) {
  if (!offset || offset->anchor.empty()) return {};
  std::string_view name = offset->anchor;
  for (int hops = 0; hops < 64; ++hops) {  // a cycle was refused by the loader; bound it anyway
    const Milestone* m = campaign.plan.find_milestone(name);
    if (!m) return {};
    if (m->given) return written_by_campaign(campaign, m->given_where) ? m->given_where : Location{};
    if (!m->derived) return {};
    name = m->derived->anchor;
  }
  return {};
}

// A phase problem of a template's task that the campaign's dates caused is the campaign's: located
// at the date it wrote, the task's line kept as the related location. The phase's milestone first
// (`结束: 2026-12-25` moves 活动后 past the tasks the template dates from 开团), else the task's own.
void blame_dates(Diagnostic& d, const Campaign& campaign, const Offset* task_offset, const std::optional<Offset>& phase_start) {
  auto cause = campaign_date(campaign, phase_start ? &*phase_start : nullptr);
  if (!cause.known()) cause = campaign_date(campaign, task_offset);
  locate_at_cause(d, cause);
}

// A task must not start after the next phase has begun (to the minute for timed tasks), nor end
// on a day before its own phase began.
void check_phases(const Template& t, const Plan& plan, const Campaign& campaign, std::vector<Diagnostic>& out) {
  std::map<std::string, std::size_t> index;
  for (std::size_t i = 0; i < t.phases.size(); ++i) index[t.phases[i].value] = i;
  std::vector<std::optional<ZonedTime>> starts(t.phases.size());
  Timeline timeline(campaign);
  for (std::size_t i = 0; i < t.phase_starts.size(); ++i) {
    if (!t.phase_starts[i]) continue;
    try {
      starts[i] = timeline.zoned(timeline.point(*t.phase_starts[i]).at);
    } catch (const InputError&) {
      // an undated milestone was reported by expansion already
    }
  }
  for (const auto& d : plan.tasks) {
    auto it = index.find(d.phase);
    if (it == index.end()) continue;
    std::size_t i = it->second;
    const Task* task = find_task(t, d.name);
    if (!task) continue;
    if (i + 1 < starts.size() && starts[i + 1]) {
      const auto& next = *starts[i + 1];
      bool late = d.all_day ? d.first_day > next.day() : d.start.local > next.local;
      if (late) {
        auto found = make_diagnostic(Severity::error, "D103.late", task->phase.where,
                                    {{"task", d.name}, {"phase", d.phase},
                                     {"start", d.all_day ? format_date(d.first_day) : d.start.iso()},
                                     {"next", t.phases[i + 1].value}, {"next_start", next.iso()}});
        blame_dates(found, campaign, &task->start, t.phase_starts[i + 1]);
        out.push_back(std::move(found));
        continue;
      }
    }
    if (starts[i]) {
      const auto& begin = *starts[i];
      // Day by day: the 8:00 shift on the 开团 day belongs to 活动中 although 开团 is at 10:00.
      bool early = d.last_day < begin.day();
      if (early) {
        auto end = format_date(d.last_day), begins = format_date(begin.day());
        auto found = i > 0 ? make_diagnostic(Severity::error, "D103.early", task->phase.where,
                                             {{"task", d.name}, {"phase", d.phase}, {"end", end}, {"begin", begins},
                                              {"previous", t.phases[i - 1].value}})
                           : make_diagnostic(Severity::error, "D103.early-first", task->phase.where,
                                             {{"task", d.name}, {"phase", d.phase}, {"end", end}, {"begin", begins}});
        blame_dates(found, campaign, task->end ? &*task->end : &task->start, t.phase_starts[i]);
        out.push_back(std::move(found));
      }
    }
  }
}

// A task the campaign took over from its template is changed in the campaign file, under
// `tasks: change:`; the template (perhaps built in) is not the user's to edit.
bool from_template(const Campaign& campaign, const Location& where) { return where.file != campaign.source; }

// Whether the campaign file added a task or changed any of its fields: a task the campaign left as
// its template wrote it is the template's, and its problems are reported when the template is
// validated, not again for every campaign that extends it.
bool touched_by_campaign(const Campaign& campaign, const Task& task) {
  if (!campaign.source || campaign.plan.source == campaign.source) return true;  // a template file itself
  for (const Location* where : {&task.where, &task.start.where, &task.owner.where, &task.department.where,
                                &task.phase.where, &task.duration_where}) {
    if (where->file == campaign.source) return true;
  }
  return task.end && task.end->where.file == campaign.source;
}

// Whether a milestone of the plan falls on `day`: a task on 开团 day happens with the sale, and
// moving it off a day off would move it off the sale.
bool milestone_day(const Plan& plan, date::local_days day) {
  return std::any_of(plan.milestones.begin(), plan.milestones.end(),
                     [&](const DatedMilestone& m) { return date::floor<date::days>(m.at.local) == day; });
}

// D104 is for the tasks the campaign wrote: one it added, or one of the template's it changed.
// The template's own tasks keep the days its author counted (开团前3天 is a Saturday as often as
// not, and a shop's team works it before a sale); a campaign that dates a milestone on a public
// holiday hears about it once, at the milestone (D106), not once per task around it.
void check_days_off(const Campaign& campaign, const Plan& plan, std::vector<Diagnostic>& out) {
  const Template& t = campaign.plan;
  const Calendar& calendar = t.resolved_calendar;
  for (const auto& d : plan.tasks) {
    const Task* task = find_task(t, d.name);
    if (!task || task->roll_given || !d.all_day) continue;  // a written roll (even none) is a decision
    if (calendar.is_working_day(d.first_day)) continue;
    if (!touched_by_campaign(campaign, *task) || milestone_day(plan, d.first_day)) continue;
    auto holiday = calendar.holiday_name(d.first_day);
    auto file = campaign.source ? campaign.source->name : message("validate.the-campaign-file");
    auto advice = from_template(campaign, task->start.where)
                      ? message("validate.roll-in-campaign", {{"file", file}, {"task", d.name}})
                      : message("validate.roll");
    auto day = format_date(d.first_day);
    auto weekday = weekday_name(d.first_day, false);
    if (holiday.empty()) {
      out.push_back(make_diagnostic(Severity::warning, "D104", task->start.where,
                                    {{"task", d.name}, {"date", day}, {"weekday", weekday}, {"advice", advice}}));
    } else {
      out.push_back(make_diagnostic(Severity::warning, "D104.holiday", task->start.where,
                                    {{"task", d.name}, {"date", day}, {"weekday", weekday}, {"holiday", holiday},
                                     {"advice", advice}}));
    }
  }
}

// D106: a milestone the campaign (or --set) dates on a public holiday. Weekends are not reported:
// sales run on them, and the template's tasks around a sale are counted for them.
void check_milestone_holidays(const Campaign& campaign, const Plan& plan, std::vector<Diagnostic>& out) {
  const Calendar& calendar = campaign.plan.resolved_calendar;
  for (const auto& m : campaign.plan.milestones) {
    if (!m.given || !m.given_where.file) continue;
    bool campaigns = m.given_where.file == campaign.source || m.given_where.file->name == "<command line>";
    if (!campaigns) continue;
    auto dated = std::find_if(plan.milestones.begin(), plan.milestones.end(),
                              [&](const DatedMilestone& d) { return d.name == m.name; });
    if (dated == plan.milestones.end()) continue;
    auto day = date::floor<date::days>(dated->at.local);
    auto holiday = calendar.holiday_name(day);
    if (holiday.empty() || calendar.is_working_day(day)) continue;
    out.push_back(make_diagnostic(Severity::warning, "D106", m.given_where,
                                  {{"milestone", m.name}, {"date", format_date(day)},
                                   {"weekday", weekday_name(day, false)}, {"holiday", holiday}}));
  }
}

// One warning per owner and moment at which a task of theirs starts while another one runs or
// starts too, naming the first few: listing every pair made 2,000 tasks at one moment 1,999,000
// warnings (835 MB of stderr, 2.6 GB of memory). A sweep in start order keeps the tasks still
// running, so the check costs n log n whatever the overlaps.
void check_double_booking(const Campaign& campaign, const Plan& plan, std::vector<Diagnostic>& out) {
  const Template& t = campaign.plan;
  std::map<std::string_view, const Task*> by_name;
  for (const auto& task : t.tasks) by_name.emplace(task.name, &task);
  struct Booked {
    const DatedTask* dated;
    const Task* task;
    bool touched;
  };
  std::map<std::string_view, std::vector<Booked>> by_owner;
  for (const auto& d : plan.tasks) {
    auto it = by_name.find(d.name);
    if (d.all_day || it == by_name.end()) continue;
    by_owner[d.owner].push_back({&d, it->second, touched_by_campaign(campaign, *it->second)});
  }
  constexpr std::size_t kNamed = 3;
  for (auto& [owner, tasks] : by_owner) {
    // Tasks are sorted by start. A task [start, end) overlaps what starts while it runs; a moment
    // (start == end) overlaps what starts at it.
    std::set<std::size_t> running;                                   // by position, so by start
    std::multimap<date::local_seconds, std::size_t> running_until;  // the same, by end
    std::size_t running_touched = 0;
    for (std::size_t first = 0, last = 0; first < tasks.size(); first = last) {
      auto moment = tasks[first].dated->start.local;
      while (last < tasks.size() && tasks[last].dated->start.local == moment) ++last;
      while (!running_until.empty() && running_until.begin()->first <= moment) {
        auto i = running_until.begin()->second;
        running.erase(i);
        running_touched -= tasks[i].touched;
        running_until.erase(running_until.begin());
      }
      std::size_t count = running.size() + (last - first);
      std::size_t touched = running_touched;
      for (auto i = first; i < last; ++i) touched += tasks[i].touched;
      // Tasks the template booked together are the template's to resolve (dacu validate of the
      // template says so); a campaign hears about what it added or changed.
      if (count >= 2 && touched > 0) {
        std::vector<std::string_view> names;
        for (auto i : running) {
          if (names.size() == kNamed) break;
          names.push_back(tasks[i].dated->name);
        }
        for (auto i = first; i < last && names.size() < kNamed; ++i) names.push_back(tasks[i].dated->name);
        // At the owner of the last task that starts at this moment, as when pairs were reported.
        const Location& where = tasks[last - 1].task->owner.where;
        auto advice = from_template(campaign, where) ? message("validate.never-moves-change") : message("validate.never-moves");
        auto at = tasks[first].dated->start.iso();
        if (count == 2) {
          out.push_back(make_diagnostic(Severity::warning, "D105.two", where,
                                        {{"owner", owner}, {"first", names[0]}, {"second", names[1]}, {"at", at},
                                         {"advice", advice}}));
        } else {
          auto listed = fmt::format("{}", fmt::join(names, ", "));
          if (count > names.size()) listed += " " + message("compute.and-more", {{"count", count - names.size()}});
          out.push_back(make_diagnostic(Severity::warning, "D105.many", where,
                                        {{"owner", owner}, {"count", count}, {"at", at}, {"names", listed},
                                         {"advice", advice}}));
        }
      }
      for (auto i = first; i < last; ++i) {
        const auto* d = tasks[i].dated;
        if (d->end.local <= d->start.local) continue;  // a moment is over once it starts
        running.insert(i);
        running_until.emplace(d->end.local, i);
        running_touched += tasks[i].touched;
      }
    }
  }
}

}  // namespace

namespace {

/// Whether some line holds both `kind` and `calendar`: every calendar file has one, and campaign
/// files with a `calendar:` key do not, so they are not parsed a second time just to be told apart.
bool mentions_calendar_kind(std::string_view text) {
  for (std::size_t from = 0; from < text.size();) {
    auto end = text.find('\n', from);
    auto line = text.substr(from, end == std::string_view::npos ? std::string_view::npos : end - from);
    if (line.find("kind") != std::string_view::npos && line.find("calendar") != std::string_view::npos) return true;
    if (end == std::string_view::npos) break;
    from = end + 1;
  }
  return false;
}

/// Whether the document says `kind: calendar` (the holiday tables under templates/calendars/).
bool is_calendar_document(std::string_view yaml_text, std::string_view source_name) {
  if (!mentions_calendar_kind(yaml_text)) return false;
  try {
    auto doc = yaml::parse(std::string(yaml_text), source_name);
    const auto* kind = doc.root.is_mapping() ? doc.root.find("kind") : nullptr;
    return kind && kind->is_scalar() && kind->value == "calendar";
  } catch (const InputError&) {
    return false;  // the loader reports the same problem
  }
}

}  // namespace

// A warning the template gives on its own, validated alone with its own dates and values, is the
// template's: `dacu validate` of the template reports it, and a campaign that extends the template
// does not hear it again (a fresh `dacu init` file would otherwise warn about what its user cannot
// edit). A warning whose text changes with the campaign's values (another 件数, another date) is
// the campaign's and stays.
static void drop_template_warnings(const Campaign& campaign, const std::filesystem::path& base_dir, Loader& loader,
                                   std::vector<Diagnostic>& out) {
  const auto& source = campaign.plan.source;
  if (!source || source == campaign.source) return;
  auto in_template = [&](const Diagnostic& d) { return d.severity == Severity::warning && d.where.file == source; };
  if (std::none_of(out.begin(), out.end(), in_template)) return;
  auto own = validate_text(source->text, source->name, base_dir, loader);
  auto same = [](const Diagnostic& a, const Diagnostic& b) {
    return a.code == b.code && a.where.line == b.where.line && a.where.column == b.where.column && a.message == b.message &&
           a.where.file_name() == b.where.file_name();
  };
  std::erase_if(out, [&](const Diagnostic& d) {
    return in_template(d) && std::any_of(own.begin(), own.end(), [&](const Diagnostic& o) { return same(d, o); });
  });
}

std::vector<Diagnostic> validate_text(std::string_view yaml_text, std::string_view source_name,
                                      const std::filesystem::path& base_dir, Loader& loader) {
  std::vector<Diagnostic> out;
  if (is_calendar_document(yaml_text, source_name)) {
    try {
      (void)parse_calendar(yaml_text, source_name);
    } catch (const InputError& e) {
      out.push_back(e.diagnostic());
    }
    return out;
  }
  Campaign campaign;
  try {
    campaign = loader.parse(yaml_text, source_name, base_dir, {}, &out);
  } catch (const InputError& e) {
    out.push_back(e.diagnostic());
    sort_diagnostics(out);
    return out;
  }
  if (count_diagnostics(out).errors == 0) {
    bool standalone = is_template_file(campaign);
    const Template& t = campaign.plan;
    if (standalone) {
      add_trace(check_trace(t), out);  // a library template's sources (compute/trace.hpp)
      check_unused_milestones(t, out);
      check_unused_parameters(t, out);
      give_template_dates(campaign);
    }
    // The sections later commands compute from (staffing, budget, eligibility) check themselves;
    // staffing with the plan's days when there is a plan, as `dacu staff` computes it.
    auto add = [&](std::vector<Diagnostic> found) { out.insert(out.end(), found.begin(), found.end()); };
    std::optional<Plan> plan;
    try {
      plan = expand(campaign);
    } catch (const InputError& e) {
      out.push_back(e.diagnostic());
    }
    add(plan ? check_staffing(campaign, *plan) : check_staffing(t));
    add(check_budget(t));
    add(check_eligibility_rules(t));
    if (plan) {
      try {
        for (auto& w : plan->warnings) out.push_back(std::move(w));
        add(check_waves(campaign, *plan));
        add(check_limits(t, *plan));  // the commands' plan_campaign() has them in plan.warnings
        add(check_plan(campaign, *plan, PlanChecks::all));
      } catch (const InputError& e) {
        out.push_back(e.diagnostic());
      }
    }
  }
  drop_template_warnings(campaign, base_dir, loader, out);
  // Problems located in another file (the template a campaign extends) stay with it.
  sort_diagnostics(out);
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

std::vector<Diagnostic> check_plan(const Campaign& campaign, const Plan& plan, PlanChecks checks) {
  std::vector<Diagnostic> out;
  check_phases(campaign.plan, plan, campaign, out);
  bool template_file = is_template_file(campaign);
  if (!template_file) {
    check_days_off(campaign, plan, out);
    check_milestone_holidays(campaign, plan, out);
  }
  // A template planned straight (`dacu plan templates/聚划算.yaml --set 开团=…`) is used, not
  // edited: its own double bookings are for `dacu validate` of the template.
  if (!template_file || checks == PlanChecks::all) check_double_booking(campaign, plan, out);
  sort_diagnostics(out);
  return out;
}

std::vector<Diagnostic> validate_file(const std::filesystem::path& path, Loader& loader) {
  std::vector<Diagnostic> out;
  try {
    auto text = loader.sources().read(path);
    out = validate_text(text, path.string(), path.parent_path(), loader);
  } catch (const InputError& e) {
    out = {e.diagnostic()};
  } catch (const RangeError&) {
    // A figure past the exact range that no check located (each should: D314 at its value) is
    // still this file's one finding, and the run goes on to the other files.
    out = {make_diagnostic(Severity::error, "D314.file", Location{make_source(path.string(), {}), 0, 0}, {})};
  }
  // In a run over 300 shops, a problem located in their shared template still names its shop.
  for (auto& d : out) d.input = path.string();
  return out;
}

DiagnosticCounts count_diagnostics(const std::vector<Diagnostic>& diagnostics) {
  DiagnosticCounts c;
  for (const auto& d : diagnostics) (d.severity == Severity::error ? c.errors : c.warnings)++;
  return c;
}

}  // namespace dacu
