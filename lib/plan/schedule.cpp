#include "dacu/plan/schedule.hpp"

#include "dacu/base/error.hpp"
#include "dacu/base/messages.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/plan/repeat.hpp"
#include "dacu/plan/timeline.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <optional>
#include <set>

namespace dacu {

using namespace std::chrono_literals;

std::string ZonedTime::iso() const { return format_iso_with_offset(local, utc_offset); }

namespace {

// A template declares its milestones in the order they happen (报名 → 竞拍 → 排期 → 开团 → 结束): a
// campaign whose dates go backwards has a typo, and its plan would be dated around it (a 排期
// after the sale). The error names both milestones and points at the date the campaign gave.
void check_milestone_order(const Template& t, const std::vector<DatedMilestone>& dated) {
  // The dates people gave first, so that the error names the two they typed; then the derived
  // ones, whose rule says where they come from.
  for (bool given_only : {true, false}) {
    const DatedMilestone* latest = nullptr;
    for (const auto& m : dated) {
      if (given_only && !m.rule.empty()) continue;
      if (!m.wave.empty()) continue;  // a wave's milestones: plan/waves.cpp checks them per wave
      if (latest && m.at.utc() < latest->at.utc()) {
        const auto* earlier = t.find_milestone(latest->name);
        const auto* later = t.find_milestone(m.name);
        // Point at a date the campaign (or --set) gave; the template's own are consistent.
        auto given_here = [&](const Milestone* x) { return x && x->given && x->given_where.file != t.source; };
        Location at = given_here(earlier) ? earlier->given_where : given_here(later) ? later->given_where : later->where;
        // As the plan's table shows dates (2027-01-15 周五, 2026-12-20 周日 10:00); where the clocks
        // changed between the two, the offsets tell which 01:40 is meant.
        bool offsets = latest->at.utc_offset != m.at.utc_offset;
        bool english = message_language() == Language::en;
        auto show = [offsets, english](const DatedMilestone& x) {
          auto when = x.date_only ? format_day_shown(x.at.day(), english) : format_moment_shown(x.at.local, english);
          if (offsets) when += fmt::format(" ({})", x.at.iso().substr(19));
          return x.rule.empty() ? when : fmt::format("{}, {}", when, x.rule);
        };
        // A derived milestone may be the wrong one (its real date already fixed, or no such step
        // in this shop's campaign): the hint also says how to give its date.
        const DatedMilestone* derived = !m.rule.empty() ? &m : !latest->rule.empty() ? latest : nullptr;
        if (derived) {
          throw input_error("D036.derived", at, {{"first", latest->name}, {"first_at", show(*latest)}, {"second", m.name},
                                                 {"second_at", show(m)}, {"derived", derived->name}, {"rule", derived->rule}});
        }
        throw input_error("D036", at, {{"first", latest->name}, {"first_at", show(*latest)}, {"second", m.name},
                                       {"second_at", show(m)}});
      }
      if (!latest || m.at.utc() > latest->at.utc()) latest = &m;
    }
  }
}

// A milestone given as a date alone is 00:00 of that day. Tasks and checkpoints at a time of day
// after it (开团后5分钟, 开团前2小时) are then dated from midnight, which is rarely what was meant.
void warn_date_only(const Template& t, const std::vector<DatedMilestone>& dated, std::vector<Diagnostic>& warnings) {
  std::set<std::string> timed;
  auto note = [&](const Offset& o) {
    if (!o.day_level()) timed.insert(o.anchor);
  };
  for (const auto& task : t.tasks) {
    note(task.start);
    if (task.end) note(*task.end);
  }
  for (const auto& c : t.checkpoints) note(c.at);
  for (const auto& m : dated) {
    if (!m.date_only || !timed.count(m.name)) continue;
    const auto* given = t.find_milestone(m.name);
    warnings.push_back(make_diagnostic(Severity::warning, "D061", given ? given->given_where : Location{},
                                       {{"name", m.name}, {"date", format_date(m.at.day())}}));
  }
}

// Milestones used by something must resolve; the others are shown when they have a date.
std::vector<DatedMilestone> dated_milestones(const Template& t, Timeline& timeline) {
  std::vector<DatedMilestone> out;
  for (const auto& m : t.milestones) {
    bool has_date = m.given || m.derived;
    if (!has_date) continue;
    const auto& at = timeline.milestone(m.name);
    out.push_back(DatedMilestone{m.name, timeline.zoned(at.at), at.date_only, m.given ? "" : m.derived->text,
                                 m.given && m.time_from_template, m.wave});
  }
  return out;
}

}  // namespace

void check_milestone_order(const Campaign& campaign) {
  Timeline timeline(campaign);
  check_milestone_order(campaign.plan, dated_milestones(campaign.plan, timeline));
}

Plan expand(const Campaign& campaign) {
  const Template& t = campaign.plan;
  Timeline timeline(campaign);

  Plan plan;
  plan.campaign = campaign.name;
  plan.template_name = campaign.template_name;
  plan.shop = campaign.shop;
  plan.owners = campaign.owners;
  plan.timezone = t.timezone.value;
  plan.calendar = t.calendar.base.value;
  for (const auto& p : t.phases) plan.phases.push_back(p.value);

  plan.milestones = dated_milestones(t, timeline);
  check_milestone_order(t, plan.milestones);
  warn_date_only(t, plan.milestones, plan.warnings);


  std::size_t order = 0;
  // One task, or one occurrence of a repeated task (its own start, name and offset).
  auto date_task = [&](const Task& task, const Point& start, const std::string& name, const std::string& start_offset) {
    DatedTask d;
    d.name = name;
    d.department = task.department.value;
    d.owner = task.owner.value;
    d.phase = task.phase.value;
    d.start_offset = start_offset;
    d.end_offset = task.end ? task.end->text : "";
    d.duration = task.duration ? format_duration(*task.duration) : "";
    d.note = task.note;
    d.template_order = order;
    d.wave = task.wave;

    std::optional<Point> end;
    if (task.end) end = timeline.point(*task.end, Edge::end);
    bool duration_in_days = task.duration && *task.duration % 24h == 0s;
    d.all_day = start.day_level && (!end || end->day_level) && (!task.duration || duration_in_days);

    // The roll rule moves each date that lands on a day off; it keeps the time of day.
    auto rolled = [&](const Moment& at) {
      auto day = at.day();
      auto moved = timeline.roll(day, task.roll);
      if (moved == day) return at;
      d.rolled = true;
      return timeline.at_wall(date::local_seconds{moved} + (at.local - date::local_seconds{day}));
    };
    const Location& end_where = task.end ? task.end->where : task.duration_where;

    if (d.all_day) {
      auto first = rolled(start.at).day();
      auto last = first;
      if (end) {
        last = rolled(end->at).day();
      } else if (task.duration) {
        last = first + date::days{std::max<long long>(1, *task.duration / 24h) - 1};
      }
      if (last < first) {
        throw input_error("D034.task-days", end_where,
                          {{"task", task.name}, {"end", format_date(last)}, {"start", format_date(first)}});
      }
      d.first_day = first;
      d.last_day = last;
      d.start = timeline.zoned(date::local_seconds{first});
      d.end = timeline.zoned(date::local_seconds{last + date::days{1}});
    } else {
      auto s = rolled(start.day_level ? timeline.at_wall(date::local_seconds{start.at.day()}) : start.at);
      auto e = s;
      if (end) {
        // A day-level end of a timed task means the end of that day.
        e = end->day_level ? timeline.at_wall(date::local_seconds{rolled(end->at).day() + date::days{1}}) : rolled(end->at);
      } else if (task.duration) {
        // A duration is elapsed time: 2h from 01:00 on the night the clocks go back ends at 02:00
        // wall time, after both 01:00s.
        e = timeline.elapse(s, *task.duration);
      }
      if (e.utc < s.utc) {
        throw input_error("D034.task-times", end_where,
                          {{"task", task.name}, {"end", timeline.zoned(e).iso()}, {"start", timeline.zoned(s).iso()}});
      }
      d.start = timeline.zoned(s);
      d.end = timeline.zoned(e);
      d.first_day = s.day();
      // An end at midnight closes the day before (a day-level end means the end of that day).
      d.last_day = e.utc > s.utc ? date::floor<date::days>(e.local - std::chrono::seconds{1}) : e.day();
    }
    plan.tasks.push_back(std::move(d));
  };
  for (const auto& task : t.tasks) {
    if (task.repeat) {
      for (const auto& o : occurrences(timeline, task.name, task.start, *task.repeat)) {
        date_task(task, o.at, o.name, o.offset);
        plan.tasks.back().series = task.name;
      }
    } else {
      date_task(task, timeline.point(task.start, Edge::start), task.name, task.start.text);
    }
    ++order;
  }
  {
    // Sort positions, then move each task once: a DatedTask holds eight strings, and sorting
    // the tasks themselves moved them about n log n times. Same order as a stable sort.
    std::vector<std::size_t> by_time(plan.tasks.size());
    std::iota(by_time.begin(), by_time.end(), std::size_t{0});
    std::stable_sort(by_time.begin(), by_time.end(), [&](std::size_t i, std::size_t j) {
      const auto& a = plan.tasks[i];
      const auto& b = plan.tasks[j];
      if (a.start.utc() != b.start.utc()) return a.start.utc() < b.start.utc();
      if (a.end.utc() != b.end.utc()) return a.end.utc() < b.end.utc();
      return a.template_order < b.template_order;
    });
    std::vector<DatedTask> sorted;
    sorted.reserve(by_time.size());
    for (auto i : by_time) sorted.push_back(std::move(plan.tasks[i]));
    plan.tasks = std::move(sorted);
  }

  // A checkpoint's plan may be a share of the campaign's own figures (件数 × 15%): evaluated with
  // the campaign's values, so a shop selling 3000 件 is compared with a plan for 3000 件.
  const auto values = t.parameter_numbers();
  auto date_checkpoint = [&](const Checkpoint& c, const Point& p, const std::string& name, const std::string& offset,
                             const std::map<std::string, Rational, std::less<>>& values) {
    DatedCheckpoint d{name, offset, timeline.zoned(p.at), c.metric, {}, {}, c.tolerance, c.owner.value, c.action, c.wave};
    if (c.plan) {
      // A formula's plan at its metric's precision: 件数 × 7.5% of 2999 件 is 225 笔, not 224.925.
      d.plan = at_metric_precision(evaluate(c.plan->expr, values), c.metric);
      if (d.plan->is_negative()) {
        throw input_error("D051.plan-negative", c.plan->where,
                          {{"name", c.name}, {"formula", c.plan->text}, {"value", d.plan->to_string()}});
      }
      if (c.plan->expr.kind != Expr::Kind::number) d.plan_formula = c.plan->text;
    }
    plan.checkpoints.push_back(std::move(d));
  };
  for (const auto& c : t.checkpoints) {
    // A checkpoint of a wave sees that wave's values (件数占比 of 第一波).
    const auto* wave = c.wave.empty() ? nullptr : t.waves.find(c.wave);
    const auto& own = wave ? numbers_in_wave(values, *wave) : values;
    if (!c.repeat) {
      date_checkpoint(c, timeline.point(c.at), c.name, c.at.text, own);
      continue;
    }
    // Each occurrence's plan with 分钟, the minutes since the milestone `at:` names.
    auto with_minutes = own;
    for (const auto& o : occurrences(timeline, c.name, c.at, *c.repeat)) {
      with_minutes.insert_or_assign(std::string(kRepeatMinutes), Rational(o.since_anchor.count()));
      date_checkpoint(c, o.at, o.name, o.offset, with_minutes);
    }
  }
  std::stable_sort(plan.checkpoints.begin(), plan.checkpoints.end(),
                   [](const DatedCheckpoint& a, const DatedCheckpoint& b) { return a.at.utc() < b.at.utc(); });

  for (auto& w : timeline.warnings()) plan.warnings.push_back(std::move(w));
  return plan;
}

namespace {

// A filter value that names nothing in the plan (`--dept 运营部` for 运营) would print an empty
// plan with exit 0, which reads as "nothing to do": D521 with the closest name instead. The
// advice for it (the closest name, else `none`), or nothing when the value is empty or found.
std::optional<std::string> unknown_filter_value(const std::string& value, const std::vector<std::string>& names,
                                                const std::string& none) {
  if (value.empty() || std::find(names.begin(), names.end(), value) != names.end()) return std::nullopt;
  auto hint = suggestion(value, names);
  return hint.empty() ? none : hint;
}

Location command_line(const std::string& value) { return Location{make_source("<command line>", value), 1, 1}; }

void add_name(std::vector<std::string>& names, const std::string& name) {
  if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
}

}  // namespace

Plan filter_plan(Plan plan, const PlanFilter& given) {
  // Names in the plan are in NFC (yaml.cpp); so are the filter's, however they were typed.
  PlanFilter f = given;
  for (auto* name : {&f.department, &f.owner, &f.phase}) *name = utf8::nfc(*name);
  std::vector<std::string> departments, owners, phases = plan.phases;
  for (const auto& t : plan.tasks) {
    add_name(departments, t.department);
    add_name(owners, t.owner);
    add_name(phases, t.phase);
  }
  for (const auto& c : plan.checkpoints) add_name(owners, c.owner);
  if (auto advice = unknown_filter_value(f.department, departments, message("plan.no-department"))) {
    throw input_error("D521.department", command_line(f.department), {{"value", f.department}, {"advice", *advice}});
  }
  if (auto advice = unknown_filter_value(f.owner, owners, message("plan.no-owner"))) {
    throw input_error("D521.owner", command_line(f.owner), {{"value", f.owner}, {"advice", *advice}});
  }
  if (auto advice = unknown_filter_value(f.phase, phases, message("plan.no-phase"))) {
    throw input_error("D521.phase", command_line(f.phase), {{"value", f.phase}, {"advice", *advice}});
  }
  std::erase_if(plan.tasks, [&](const DatedTask& t) {
    if (!f.department.empty() && t.department != f.department) return true;
    if (!f.owner.empty() && t.owner != f.owner) return true;
    if (!f.phase.empty() && t.phase != f.phase) return true;
    if (f.from && t.last_day < *f.from) return true;
    if (f.to && t.first_day > *f.to) return true;
    return false;
  });
  std::erase_if(plan.checkpoints, [&](const DatedCheckpoint& c) {
    if (!f.owner.empty() && c.owner != f.owner) return true;
    if (f.from && c.at.day() < *f.from) return true;
    if (f.to && c.at.day() > *f.to) return true;
    return false;
  });
  return plan;
}

}  // namespace dacu
