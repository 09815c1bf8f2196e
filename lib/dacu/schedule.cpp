#include "dacu/schedule.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <numeric>
#include <set>

namespace dacu {

using namespace std::chrono_literals;

std::string ZonedTime::iso() const { return format_iso_with_offset(local, utc_offset); }

Calendar make_calendar(const CalendarSpec& spec) {
  const Calendar* base = builtin_calendar(spec.base.value);
  if (!base) {
    throw InputError("D022", spec.base.where, fmt::format("unknown calendar '{}'", spec.base.value),
                     suggestion(spec.base.value, builtin_calendar_names()));
  }
  Calendar calendar = *base;
  for (const auto& [day, where] : spec.days_off) calendar.add_holiday(day, "休息日");
  for (const auto& [day, where] : spec.workdays) calendar.add_workday(day);
  return calendar;
}

namespace {

// A resolved offset before it becomes part of a task: the wall-clock moment and whether only
// its date matters.
struct Point {
  date::local_seconds at;
  bool day_level = false;
};

enum class Role { start, end };

// Everything that turns offsets into moments for one campaign.
class Timeline {
 public:
  Timeline(const Calendar& calendar, const date::time_zone* zone, int reference_year)
      : calendar_(calendar), zone_(zone), reference_year_(reference_year) {}

  ZonedTime zoned(date::local_seconds local) const {
    auto sys = zone_->to_sys(local, date::choose::earliest);
    return ZonedTime{local, zone_->get_info(sys).offset};
  }

  Point apply(const Offset& o, const LocalDateTime& anchor, Role role) {
    auto day = date::floor<date::days>(anchor.at);
    auto time_of_day = anchor.at - date::local_seconds{day};
    switch (o.kind) {
      case Offset::Kind::day:
        return {anchor.at + date::days{o.amount}, true};
      case Offset::Kind::working_day: {
        note_year(day);
        auto moved = calendar_.add_working_days(day, o.amount);
        note_year(moved);
        return {date::local_seconds{moved} + time_of_day, true};
      }
      case Offset::Kind::moment: {
        // Hours and minutes are elapsed time: add them on the UTC line, then read the wall clock.
        auto sys = zone_->to_sys(anchor.at, date::choose::earliest) + o.shift;
        return {zone_->to_local(sys), false};
      }
      case Offset::Kind::clock:
        return {date::local_seconds{day + date::days{o.amount}} + o.clock, false};
      case Offset::Kind::year_start: {
        date::year y{reference_year_};
        auto d = role == Role::start ? date::local_days{y / date::January / 1} : date::local_days{y / date::January / 31};
        return {date::local_seconds{d}, true};
      }
      case Offset::Kind::year_end: {
        date::year y{reference_year_ - 1};
        auto d = role == Role::start ? date::local_days{y / date::December / 1} : date::local_days{y / date::December / 31};
        return {date::local_seconds{d}, true};
      }
    }
    return {anchor.at, false};
  }

  date::local_days roll(date::local_days day, Roll rule) {
    if (rule == Roll::none) return day;
    note_year(day);
    return rule == Roll::next ? calendar_.next_working_day(day) : calendar_.previous_working_day(day);
  }

  /// Years the calendar was asked about without having the official arrangement for them.
  const std::set<int>& uncovered_years() const { return uncovered_; }

 private:
  void note_year(date::local_days day) {
    int y = static_cast<int>(date::year_month_day{day}.year());
    if (!calendar_.covers(y)) uncovered_.insert(y);
  }

  const Calendar& calendar_;
  const date::time_zone* zone_;
  int reference_year_;
  std::set<int> uncovered_;
};

const date::time_zone* find_zone(const Located& zone) {
  try {
    return date::locate_zone(zone.value);
  } catch (const std::exception&) {
    throw InputError("D021", zone.where, fmt::format("unknown time zone '{}'", zone.value),
                     "use an IANA name such as Asia/Shanghai");
  }
}

// Resolves every milestone that has a date or a derivation, in dependency order.
class MilestoneResolver {
 public:
  MilestoneResolver(const Campaign& campaign, Timeline& timeline) : campaign_(campaign), timeline_(timeline) {}

  /// The moment of milestone `name`; `user` locates the reference for a "no date" error.
  const LocalDateTime& get(const std::string& name, const Offset* user) {
    if (auto it = done_.find(name); it != done_.end()) return it->second;
    const Milestone* m = campaign_.plan.find_milestone(name);
    if (!m) {  // offsets were checked against the template's milestones when loaded
      throw InputError("D031", user ? user->where : Location{}, fmt::format("unknown milestone {}", name));
    }
    if (m->given) return done_.emplace(name, *m->given).first->second;
    if (!m->derived) {
      auto hint = fmt::format("give it in the campaign file (milestones: {{{}: 2026-12-20T10:00}}) or with --set {}=…",
                              name, name);
      throw InputError("D033", campaign_.milestones_where,
                       user ? fmt::format("milestone {} has no date, but '{}' needs it", name, user->text)
                            : fmt::format("milestone {} has no date", name),
                       hint);
    }
    if (std::find(stack_.begin(), stack_.end(), name) != stack_.end()) {
      std::string cycle;
      for (auto it = std::find(stack_.begin(), stack_.end(), name); it != stack_.end(); ++it) cycle += *it + " → ";
      cycle += name;
      throw InputError("D032", m->derived->where, fmt::format("milestones depend on each other in a cycle: {}", cycle),
                       "give one of them a date, or derive it from a milestone outside the cycle");
    }
    stack_.push_back(name);
    const auto& anchor = get(m->derived->anchor, &*m->derived);
    auto point = timeline_.apply(*m->derived, anchor, Role::start);
    stack_.pop_back();
    bool date_only = anchor.date_only && point.day_level;
    return done_.emplace(name, LocalDateTime{point.at, date_only}).first->second;
  }

 private:
  const Campaign& campaign_;
  Timeline& timeline_;
  std::map<std::string, LocalDateTime> done_;
  std::vector<std::string> stack_;
};

int reference_year(const Campaign& campaign) {
  // 年末 / 年初 count from the year of the first milestone that has a date of its own.
  for (const auto& m : campaign.plan.milestones) {
    if (m.given) return static_cast<int>(date::year_month_day{date::floor<date::days>(m.given->at)}.year());
  }
  return 2026;
}

}  // namespace

Plan expand(const Campaign& campaign) {
  const Template& t = campaign.plan;
  const auto* zone = find_zone(t.timezone);
  Calendar calendar = make_calendar(t.calendar);

  // 年末 / 年初 need a year before milestones resolve; a derived-only template has none given.
  Timeline timeline(calendar, zone, reference_year(campaign));
  MilestoneResolver milestones(campaign, timeline);

  Plan plan;
  plan.campaign = campaign.name;
  plan.template_name = campaign.template_name;
  plan.timezone = t.timezone.value;
  plan.calendar = t.calendar.base.value;
  for (const auto& p : t.phases) plan.phases.push_back(p.value);

  // Milestones used by something must resolve; the others are shown when they have a date.
  for (const auto& m : t.milestones) {
    bool has_date = m.given || m.derived;
    if (!has_date) continue;
    const auto& at = milestones.get(m.name, nullptr);
    plan.milestones.push_back(DatedMilestone{m.name, timeline.zoned(at.at), at.date_only, m.given ? "" : m.derived->text});
  }

  auto point_of = [&](const Offset& o, Role role) {
    LocalDateTime anchor{};
    if (!o.anchor.empty()) anchor = milestones.get(o.anchor, &o);
    return timeline.apply(o, anchor, role);
  };

  std::size_t order = 0;
  for (const auto& task : t.tasks) {
    DatedTask d;
    d.name = task.name;
    d.department = task.department.value;
    d.owner = task.owner.value;
    d.phase = task.phase.value;
    d.start_offset = task.start.text;
    d.end_offset = task.end ? task.end->text : "";
    d.duration = task.duration ? format_duration(*task.duration) : "";
    d.note = task.note;
    d.template_order = order++;

    auto start = point_of(task.start, Role::start);
    std::optional<Point> end;
    if (task.end) end = point_of(*task.end, Role::end);
    bool duration_in_days = task.duration && *task.duration % 24h == 0s;
    d.all_day = start.day_level && (!end || end->day_level) && (!task.duration || duration_in_days);

    // The roll rule moves each date that lands on a day off; it keeps the time of day.
    auto rolled = [&](date::local_seconds at) {
      auto day = date::floor<date::days>(at);
      auto moved = timeline.roll(day, task.roll);
      if (moved != day) d.rolled = true;
      return date::local_seconds{moved} + (at - date::local_seconds{day});
    };

    if (d.all_day) {
      auto first = date::floor<date::days>(rolled(start.at));
      auto last = first;
      if (end) {
        last = date::floor<date::days>(rolled(end->at));
      } else if (task.duration) {
        last = first + date::days{std::max<long long>(1, *task.duration / 24h) - 1};
      }
      if (last < first) {
        throw InputError("D034", task.end->where,
                         fmt::format("task {} ends ({}) before it starts ({})", task.name, format_date(last), format_date(first)),
                         "check the two offsets; an end offset names the last day of the task");
      }
      d.first_day = first;
      d.last_day = last;
      d.start = timeline.zoned(date::local_seconds{first});
      d.end = timeline.zoned(date::local_seconds{last + date::days{1}});
    } else {
      auto s = rolled(start.day_level ? date::local_seconds{date::floor<date::days>(start.at)} : start.at);
      auto e = s;
      if (end) {
        // A day-level end of a timed task means the end of that day.
        e = end->day_level ? date::local_seconds{date::floor<date::days>(rolled(end->at)) + date::days{1}} : rolled(end->at);
      } else if (task.duration) {
        auto sys = zone->to_sys(s, date::choose::earliest) + *task.duration;
        e = zone->to_local(sys);
      }
      if (e < s) {
        throw InputError("D034", task.end->where,
                         fmt::format("task {} ends ({}) before it starts ({})", task.name, format_local_iso(e), format_local_iso(s)),
                         "check the two offsets: the end must not come before the start");
      }
      d.start = timeline.zoned(s);
      d.end = timeline.zoned(e);
      d.first_day = date::floor<date::days>(s);
      // An end at midnight closes the day before (a day-level end means the end of that day).
      d.last_day = date::floor<date::days>(e > s ? e - std::chrono::seconds{1} : e);
    }
    plan.tasks.push_back(std::move(d));
  }
  {
    // Sort positions, then move each task once: a DatedTask holds eight strings, and sorting
    // the tasks themselves moved them about n log n times. Same order as a stable sort.
    std::vector<std::size_t> by_time(plan.tasks.size());
    std::iota(by_time.begin(), by_time.end(), std::size_t{0});
    std::stable_sort(by_time.begin(), by_time.end(), [&](std::size_t i, std::size_t j) {
      const auto& a = plan.tasks[i];
      const auto& b = plan.tasks[j];
      if (a.start.local != b.start.local) return a.start.local < b.start.local;
      if (a.end.local != b.end.local) return a.end.local < b.end.local;
      return a.template_order < b.template_order;
    });
    std::vector<DatedTask> sorted;
    sorted.reserve(by_time.size());
    for (auto i : by_time) sorted.push_back(std::move(plan.tasks[i]));
    plan.tasks = std::move(sorted);
  }

  for (const auto& c : t.checkpoints) {
    auto p = point_of(c.at, Role::start);
    plan.checkpoints.push_back(DatedCheckpoint{c.name, c.at.text, timeline.zoned(p.at), c.metric, c.plan, c.tolerance,
                                               c.owner.value, c.action});
  }
  std::stable_sort(plan.checkpoints.begin(), plan.checkpoints.end(),
                   [](const DatedCheckpoint& a, const DatedCheckpoint& b) { return a.at.local < b.at.local; });

  for (int year : timeline.uncovered_years()) {
    plan.warnings.push_back(Diagnostic{
        Severity::warning, "D060", t.calendar.base.where,
        fmt::format("calendar {} has no official holiday arrangement for {}: only weekends count as days off", plan.calendar, year),
        fmt::format("add {} to templates/calendars/{}.yaml once the State Council publishes it, or list the days under "
                    "calendar: days_off / workdays",
                    year, plan.calendar)});
  }
  return plan;
}

WhenResult evaluate_offset(const Offset& offset, std::span<const MilestoneMoment> milestones, const Calendar& calendar,
                           std::string_view timezone) {
  const auto* zone = find_zone(Located{std::string(timezone), offset.where});
  int year = milestones.empty() ? 2026
                                : static_cast<int>(date::year_month_day{date::floor<date::days>(milestones.front().at.at)}.year());
  Timeline timeline(calendar, zone, year);
  LocalDateTime anchor{};
  if (!offset.anchor.empty()) {
    auto it = std::find_if(milestones.begin(), milestones.end(), [&](const MilestoneMoment& m) { return m.name == offset.anchor; });
    if (it == milestones.end()) {
      throw InputError("D033", offset.where, fmt::format("milestone {} has no date", offset.anchor),
                       fmt::format("give it with --at {}=2026-12-20T10:00", offset.anchor));
    }
    anchor = it->at;
  }
  auto p = timeline.apply(offset, anchor, Role::start);
  return WhenResult{timeline.zoned(p.at), p.day_level};
}

Plan filter_plan(Plan plan, const PlanFilter& f) {
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
