#include "dacu/compute/staffing.hpp"
#include "dacu/compute/staffing_waves.hpp"

#include "dacu/compute/staffing_gaps.hpp"
#include "dacu/compute/formula_values.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "dacu/base/calendar.hpp"
#include "dacu/model/template.hpp"
#include "dacu/base/money.hpp"
#include "dacu/base/numbers.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/plan/timeline.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/options.hpp"
#include "dacu/input/staffing_reader.hpp"

namespace dacu {

using namespace std::chrono_literals;
using reader::find_name;

// ---------------------------------------------------------------------------------------------
// Evaluating

namespace {

/// What dates the staffing models: the campaign's timeline (plan/timeline.hpp), as the plan dates
/// with, and the plan itself for models that take a task's days; absent when checking a template
/// alone. Warnings about the days (a calling campaign on a sale day) gather here.
class Days {
 public:
  Days(const Campaign& campaign, const Plan& plan) : timeline_(campaign), plan_(plan), template_(campaign.plan) {}
  date::local_days day(const Offset& o) { return timeline_.day(o); }
  ZonedTime zoned(date::local_seconds local) const { return timeline_.zoned(local); }
  const DatedTask* task(std::string_view name) const {
    for (const auto& t : plan_.tasks) {
      if (t.name == name) return &t;
    }
    return nullptr;
  }
  /// Where a task's last day is written (its end, else its start): what to move.
  Location task_end_where(std::string_view name) const {
    for (const auto& t : template_.tasks) {
      if (t.name == name) return t.end ? t.end->where : t.start.where;
    }
    return {};
  }
  /// The sale's days: from the milestone the 活动中 phase starts at (or 开团 / 开售) to 结束.
  std::optional<std::pair<date::local_days, date::local_days>> sale_days() const {
    std::string opening;
    for (std::size_t i = 0; i < template_.phases.size(); ++i) {
      if (template_.phases[i].value == "活动中" && i < template_.phase_starts.size() && template_.phase_starts[i]) {
        opening = template_.phase_starts[i]->anchor;
      }
    }
    const DatedMilestone* open = nullptr;
    const DatedMilestone* close = nullptr;
    for (const auto& m : plan_.milestones) {
      if (m.name == opening || (opening.empty() && (m.name == "开团" || m.name == "开售"))) open = open ? open : &m;
      if (m.name == "结束") close = &m;
    }
    if (!open) return std::nullopt;
    return std::pair{open->at.day(), close && close->at.day() >= open->at.day() ? close->at.day() : open->at.day()};
  }
  void warn(Diagnostic d) { warnings_.push_back(std::move(d)); }
  std::vector<Diagnostic> warnings() const {
    auto out = timeline_.warnings();
    out.insert(out.end(), warnings_.begin(), warnings_.end());
    return out;
  }

 private:
  Timeline timeline_;
  const Plan& plan_;
  const Template& template_;
  std::vector<Diagnostic> warnings_;
};

std::int64_t ceil_int(const Rational& r) { return r.ceil().numerator(); }

Term term(std::string label, const Formula& f, const Rational& value) { return Term{std::move(label), f.text, value}; }

std::string origin_hint(const Values& values, const Formula& f, const std::string& fallback) {
  auto origins = values.origins(f);
  return origins.empty() ? fallback : message("compute.values-from", {{"advice", fallback}, {"origins", origins}});
}

// `what`: the catalogue's phrase for the figure (staffing.orders, staffing.rota-heads, …).
void require_nonnegative(const Rational& v, const Formula& f, const std::string& what, const Values& values) {
  if (v.is_negative()) {
    auto d = make_diagnostic(Severity::error, "D202", f.where,
                             {{"what", what}, {"formula", f.text}, {"value", v.to_string()},
                              {"advice", origin_hint(values, f, message("compute.check-formula"))}});
    locate_at_cause(d, values.cause(f));  // the shop's value, the template's formula as the note
    throw InputError(std::move(d));
  }
}

void require_positive(const Rational& v, const Formula& f, const std::string& what, const Values& values) {
  if (v <= Rational(0)) {
    auto fallback = v.is_zero() ? message("staffing.zero-capacity") : message("compute.check-formula");
    auto d = make_diagnostic(Severity::error, "D201", f.where,
                             {{"what", what}, {"formula", f.text}, {"value", v.to_string()},
                              {"advice", origin_hint(values, f, fallback)}});
    locate_at_cause(d, values.cause(f));  // the shop's value, the template's formula as the note
    throw InputError(std::move(d));
  }
}

std::vector<date::local_days> day_range(date::local_days first, date::local_days last) {
  std::vector<date::local_days> out;
  for (auto d = first; d <= last; d += date::days{1}) out.push_back(d);
  return out;
}

StaffLine compute_post(const RatioPost& p, const Values& values, Days* days) {
  auto orders = values(p.orders);
  require_nonnegative(orders, p.orders, message("staffing.orders"), values);
  auto share = values(p.share);
  if (share.is_negative() || share > Rational(1)) {
    throw input_error("D219", p.share.where, {{"post", p.name}, {"formula", p.share.text}, {"value", share.to_string()}});
  }
  auto capacity = values(p.capacity);
  require_positive(capacity, p.capacity, message("staffing.post-capacity", {{"post", p.name}}), values);
  StaffLine line;
  line.model = StaffLine::Model::post;
  line.group = p.name;
  line.name = p.name;
  line.department = p.department;
  line.inputs = {term("订单量", p.orders, orders), term("占比", p.share, share), term("人效", p.capacity, capacity)};
  line.rule = "ceil(订单量 × 占比 / 人效)";
  line.exact = orders * share / capacity;
  line.heads = ceil_int(line.exact);
  if (days) {
    auto first = days->day(p.start);
    auto last = p.end ? days->day(*p.end) : first;
    if (last < first) throw input_error("D034.post", p.end->where, {{"post", p.name}});
    line.days = day_range(first, last);
  }
  return line;
}

StaffLine compute_calling(const CallingCampaign& c, const Values& values, Days* days) {
  auto customers = values(c.customers);
  require_nonnegative(customers, c.customers, message("staffing.customers"), values);
  // The days: the task's planned days, or `days` counted from `start`.
  std::vector<date::local_days> dates;
  Term days_term;
  if (!c.task.empty()) {
    if (!days) return {};  // a template alone has no dates to take the days from
    const auto* task = days->task(c.task);
    if (!task) {
      throw input_error("D222.dropped-task", c.task_where, {{"name", c.name}, {"task", c.task}});
    }
    dates = day_range(task->first_day, task->last_day);
    days_term = Term{"天数", fmt::format("任务 {} 的天数", c.task), Rational(static_cast<std::int64_t>(dates.size()))};
  } else {
    auto n_days = values(*c.days);
    // A campaign's calling runs for days, not years: past 366 the figure is a mistake (and each day
    // becomes a row of the day view).
    if (!n_days.is_integer() || n_days <= Rational(0) || n_days > Rational(366)) {
      throw input_error("D214.calling-days", c.days->where, {{"name", c.name}, {"days", n_days.to_string()}});
    }
    days_term = term("天数", *c.days, n_days);
    if (days) {
      auto first = days->day(*c.start);
      dates = day_range(first, first + date::days{n_days.numerator() - 1});
    }
  }
  const auto& n_days = days_term.value;
  StaffLine line;
  line.model = StaffLine::Model::calling;
  line.group = c.name;
  line.name = c.role.empty() ? c.name : c.role;
  line.department = c.department;
  line.inputs = {term("客户数", c.customers, customers), days_term};
  if (c.calls_per_person) {
    auto calls = values(*c.calls_per_person);
    require_positive(calls, *c.calls_per_person, message("staffing.calls-per-person", {{"name", c.name}}), values);
    line.inputs.push_back(term("每人每天外呼", *c.calls_per_person, calls));
    line.rule = "ceil(客户数 / (天数 × 每人每天外呼))";
    line.exact = customers / (n_days * calls);
    line.heads = ceil_int(line.exact);
  } else {
    auto people = values(*c.people);
    require_positive(people, *c.people, message("staffing.calling-people", {{"name", c.name}}), values);
    line.inputs.push_back(term("人数", *c.people, people));
    line.rule = "每人每天外呼 = 客户数 / (人数 × 天数)";
    line.exact = customers / (people * n_days);
    line.per_person = line.exact.ceil();
    line.heads = ceil_int(people);
  }
  line.days = dates;
  // The people who call are the ones who answer on the sale day: calling then is a plan to change.
  if (days && !dates.empty()) {
    if (auto sale = days->sale_days(); sale && dates.back() >= sale->first && dates.front() <= sale->second) {
      auto day = std::max(dates.front(), sale->first);
      auto advice = c.task.empty() ? message("staffing.end-calls-move-start")
                                   : message("staffing.end-task-before-sale", {{"task", c.task}});
      days->warn(make_diagnostic(Severity::warning, "D223", c.task.empty() ? c.start->where : days->task_end_where(c.task),
                                 {{"name", c.name}, {"day", format_date(day)}, {"first", format_date(sale->first)},
                                  {"last", format_date(sale->second)}, {"advice", advice}}));
    }
  }
  return line;
}

struct RotaResult {
  std::vector<StaffLine> lines;
  std::vector<RotaDay> days;
  std::vector<RotaShift> shifts;
};

RotaResult compute_rota(const Rota& r, const Values& values, Days* days) {
  RotaResult out;
  Rational shift_hours(r.shift.count(), 3600);
  std::set<date::local_days> seen;
  for (const auto& p : r.periods) {
    auto hours = values(p.hours);
    if (hours <= Rational(0) || hours > Rational(24)) {
      throw input_error("D212", p.hours.where, {{"rota", r.name}, {"period", p.name}, {"hours", hours.to_string()}});
    }
    std::vector<std::pair<std::string, std::int64_t>> heads;
    std::int64_t on_duty = 0;
    for (const auto& [role, formula] : p.heads) {
      auto v = values(formula);
      require_nonnegative(v, formula, message("staffing.rota-heads", {{"rota", r.name}, {"period", p.name}, {"role", role}}), values);
      StaffLine line;
      line.model = StaffLine::Model::rota;
      line.group = fmt::format("{} · {}", r.name, p.name);
      line.name = role;
      line.department = r.department;
      line.inputs = {term("在岗人数", formula, v), Term{"覆盖小时", p.hours.text, hours},
                     Term{"班长(小时)", format_duration(r.shift), shift_hours}};
      line.rule = "ceil(在岗人数)，每天 ceil(覆盖小时 / 班长) 班";
      line.exact = v;
      line.heads = ceil_int(v);
      heads.emplace_back(role, line.heads);
      on_duty += line.heads;
      out.lines.push_back(std::move(line));
    }
    if (!days) continue;
    auto first = days->day(p.from);
    auto last = days->day(p.to);
    if (last < first) throw input_error("D034.rota-period", p.to.where, {{"rota", r.name}, {"period", p.name}});
    auto shifts_exact = hours / shift_hours;
    auto shifts = ceil_int(shifts_exact);
    for (auto day : day_range(first, last)) {
      if (!seen.insert(day).second) {
        throw input_error("D220", p.where, {{"rota", r.name}, {"day", format_date(day)}});
      }
      for (auto& l : out.lines) {
        if (l.group == fmt::format("{} · {}", r.name, p.name)) l.days.push_back(day);
      }
      RotaDay rd{r.name, r.department, p.name, day, hours, p.opens, shift_hours, shifts_exact, shifts, heads, on_duty,
                 on_duty * shifts, hours * on_duty};
      out.days.push_back(rd);
      // Shifts follow each other from opening time; the last one ends when coverage ends.
      auto cover_end = p.opens + std::chrono::minutes(ceil_int(hours * 60));
      auto shift_min = std::chrono::duration_cast<std::chrono::minutes>(r.shift);
      for (std::int64_t k = 0; k < shifts; ++k) {
        auto from = p.opens + shift_min * k;
        auto to = std::min(from + shift_min, cover_end);
        RotaShift shift{r.name, day, static_cast<int>(k + 1), from, to, {}, {}, heads};
        shift.start = days->zoned(date::local_seconds{day} + from);
        shift.end = days->zoned(date::local_seconds{day} + to);
        out.shifts.push_back(std::move(shift));
      }
    }
  }
  return out;
}

QueueInput queue_input(const Queue& q, const Values& values, std::vector<Term>& inputs) {
  QueueInput in;
  in.interval = q.interval;
  auto aht = values(q.aht);
  if (aht <= Rational(0)) {
    throw input_error("D203.handle-time", q.aht.where, {{"queue", q.name}, {"value", aht.to_string()}});
  }
  in.aht = std::chrono::seconds(aht.round().numerator());
  if (in.aht.count() == 0) in.aht = 1s;
  inputs.push_back(term("平均处理时长(秒)", q.aht, aht));
  auto target = values(q.service_level.target);
  if (target >= Rational(1)) {
    throw input_error("D204.unreachable", q.service_level_where,
                      {{"queue", q.name}, {"target", q.service_level.target.text}, {"seconds", q.service_level.within.count()}});
  }
  if (target <= Rational(0)) {
    throw input_error("D204.target-zero", q.service_level_where, {{"queue", q.name}});
  }
  in.service_level_target = target;
  in.answer_within = q.service_level.within;
  inputs.push_back(term("服务水平目标", q.service_level.target, target));
  inputs.push_back(Term{"接通时限(秒)", std::to_string(q.service_level.within.count()), Rational(q.service_level.within.count())});
  if (q.max_occupancy) {
    auto v = values(*q.max_occupancy);
    if (v <= Rational(0) || v > Rational(1)) {
      throw input_error("D206", q.max_occupancy->where, {{"queue", q.name}, {"value", q.max_occupancy->text}});
    }
    in.max_occupancy = v;
    inputs.push_back(term("最高占用率", *q.max_occupancy, v));
  }
  if (q.shrinkage) {
    auto v = values(*q.shrinkage);
    if (v.is_negative() || v >= Rational(1)) {
      throw input_error("D207", q.shrinkage->where, {{"queue", q.name}, {"value", q.shrinkage->text}});
    }
    in.shrinkage = v;
    inputs.push_back(term("损耗率", *q.shrinkage, v));
  }
  if (q.concurrency) {
    auto v = values(*q.concurrency);
    if (v < Rational(1)) {
      throw input_error("D208", q.concurrency->where, {{"queue", q.name}, {"value", q.concurrency->text}});
    }
    in.concurrency = v;
    inputs.push_back(term("有效并发数", *q.concurrency, v));
  }
  return in;
}

// Staffs one interval; a refusal points at the input it is about (--sl for an unreachable target).
QueueResult run_queue(const QueueInput& in, const Queue& q) {
  try {
    return staff_queue(in);
  } catch (const QueueError& e) {
    using Field = QueueError::Field;
    std::string hint = message("staffing.lower-target");
    Location where = q.where;
    if (e.field() == Field::service_level) where = q.service_level_where;
    if (e.field() == Field::max_occupancy) {
      hint = message("staffing.raise-occupancy");
      if (q.max_occupancy) where = q.max_occupancy->where;
    } else if (e.field() == Field::shrinkage) {
      hint = message("staffing.lower-shrinkage");
      if (q.shrinkage) where = q.shrinkage->where;
    } else if (e.kind() == QueueError::Kind::too_large) {
      hint = message("staffing.split-queue");
    }
    bool too_large = e.kind() == QueueError::Kind::too_large;
    throw input_error(too_large ? "D217" : "D204.erlang", where, {{"queue", q.name}, {"problem", e.what()}, {"advice", hint}});
  }
}

// `roster`: quick mode's --agents and --max-agents; a template's queues search freely.
struct Roster {
  std::optional<int> agents, max_agents;
};

QueueSummary compute_queue(const Queue& q, const Staffing& s, const Values& values, Days* days, const Roster& roster = {}) {
  QueueSummary out;
  out.name = q.name;
  out.department = q.department;
  out.role = q.role;
  out.curve = q.curve;
  out.interval = q.interval;
  auto in = queue_input(q, values, out.inputs);
  in.agents = roster.agents;
  in.max_agents = roster.max_agents;
  if (q.contacts) {
    auto contacts = values(*q.contacts);
    require_nonnegative(contacts, *q.contacts, message("staffing.queue-contacts", {{"queue", q.name}}), values);
    out.inputs.insert(out.inputs.begin(), term("咨询量/时段", *q.contacts, contacts));
    in.contacts = contacts;
    out.intervals.push_back(QueueInterval{q.name, std::nullopt, contacts, run_queue(in, q), std::nullopt});
  } else {
    auto daily = values(*q.daily_contacts);
    require_nonnegative(daily, *q.daily_contacts, message("staffing.queue-daily-contacts", {{"queue", q.name}}), values);
    out.inputs.insert(out.inputs.begin(), term("日咨询量", *q.daily_contacts, daily));
    const auto& curve = *std::find_if(s.curves.begin(), s.curves.end(), [&](const TrafficCurve& c) { return c.name == q.curve; });
    Rational total;
    for (const auto& [hour, share_formula] : curve.shares) {
      auto share = values(share_formula);
      if (share.is_negative()) throw input_error("D209.negative-share", share_formula.where, {{"curve", curve.name}, {"hour", hour}});
      total += share;
    }
    if (total != Rational(1)) {
      throw input_error("D209.sum", curve.where, {{"curve", curve.name}, {"total", (total * 100).to_string()}});
    }
    for (const auto& [hour, share_formula] : curve.shares) {
      auto contacts = daily * values(share_formula);
      in.contacts = contacts;
      out.intervals.push_back(QueueInterval{q.name, hour, contacts, run_queue(in, q), std::nullopt});
    }
  }
  for (const auto& i : out.intervals) {
    out.peak_agents = std::max<std::int64_t>(out.peak_agents, i.result.agents);
    out.peak_heads = std::max<std::int64_t>(out.peak_heads, i.result.agents_after_shrinkage);
  }
  if (days) out.day = days->day(q.day);
  return out;
}

StaffLine queue_line(const QueueSummary& q) {
  StaffLine line;
  line.model = StaffLine::Model::queue;
  line.group = q.name;
  line.name = q.role.empty() ? q.name : q.role;
  line.department = q.department;
  line.inputs = q.inputs;
  line.rule = q.curve.empty() ? "Erlang C：坐席 ÷ (1 − 损耗率)" : "Erlang C 逐小时，取高峰：坐席 ÷ (1 − 损耗率)";
  line.exact = Rational(q.peak_agents);
  line.heads = q.peak_heads;
  line.days = {q.day};
  return line;
}

}  // namespace

StaffReport compute_staffing(const Campaign& campaign, const Plan& plan) {
  StaffReport report;
  report.campaign = plan.campaign;
  report.template_name = plan.template_name;
  const auto& t = campaign.plan;
  if (!t.staffing) return report;
  const auto& s = *t.staffing;
  report.notes = t.notes;
  Values values(t);
  Days days(campaign, plan);
  // Days rows in model order; sorted by day (stable) at the end.
  for (const auto& [p, wave_values] : posts_by_wave(s, t, plan, values)) {  // `wave: each`: once per wave
    auto line = compute_post(p, wave_values, &days);
    for (auto d : line.days) report.days.push_back(StaffDay{d, p.name, p.name, p.department, line.heads, 0, line.heads, std::nullopt});
    report.lines.push_back(std::move(line));
  }
  for (const auto& c : s.calling) {
    auto line = compute_calling(c, values, &days);
    for (auto d : line.days) report.days.push_back(StaffDay{d, c.name, line.name, c.department, line.heads, 0, line.heads, std::nullopt});
    report.lines.push_back(std::move(line));
  }
  for (const auto& r : s.rotas) {
    auto result = compute_rota(r, values, &days);
    for (const auto& rd : result.days) {
      report.days.push_back(StaffDay{rd.day, r.name, rd.period, r.department, rd.heads_on_duty, rd.shifts, rd.people, rd.person_hours});
    }
    report.lines.insert(report.lines.end(), result.lines.begin(), result.lines.end());
    report.rota_days.insert(report.rota_days.end(), result.days.begin(), result.days.end());
    report.shifts.insert(report.shifts.end(), result.shifts.begin(), result.shifts.end());
  }
  for (const auto& [q, wave_values] : queues_by_wave(s, t, plan, values)) {
    auto summary = compute_queue(q, s, wave_values, &days);
    Rational person_hours;
    for (const auto& i : summary.intervals) person_hours += Rational(i.result.agents_after_shrinkage) * Rational(summary.interval.count(), 3600);
    report.days.push_back(StaffDay{summary.day, q.name, summary.role.empty() ? q.name : summary.role, q.department, summary.peak_heads, 0, 0, person_hours});
    report.lines.push_back(queue_line(summary));
    report.queues.push_back(std::move(summary));
  }
  std::stable_sort(report.days.begin(), report.days.end(), [](const StaffDay& a, const StaffDay& b) { return a.day < b.day; });
  std::stable_sort(report.shifts.begin(), report.shifts.end(), [](const RotaShift& a, const RotaShift& b) { return a.day < b.day; });
  report.warnings = days.warnings();
  for (auto& w : compare_rotas_with_queues(report, s)) report.warnings.push_back(std::move(w));
  report.tables = compute_staffing_tables(s.tables);
  for (auto& w : staffing_table_warnings(s.tables)) report.warnings.push_back(std::move(w));
  return report;
}

namespace {

// Every model computed, its first problem collected; with `days`, also what needs dates.
// A `wave: each` post or queue is checked once per wave with the plan (its days are the wave's),
// as compute_staffing computes it.
std::vector<Diagnostic> check_models(const Template& t, Days* days, const Plan* plan) {
  std::vector<Diagnostic> out;
  if (!t.staffing) return out;
  const auto& s = *t.staffing;
  Values values(t);
  auto collect = [&](auto&& f) {
    try {
      f();
    } catch (const InputError& e) {
      out.push_back(e.diagnostic());
    }
  };
  if (plan) {
    for (const auto& post : posts_by_wave(s, t, *plan, values)) collect([&] { compute_post(post.first, post.second, days); });
  } else {
    for (const auto& p : s.posts) collect([&] { compute_post(p, values, days); });
  }
  for (const auto& c : s.calling) collect([&] { compute_calling(c, values, days); });
  for (const auto& r : s.rotas) collect([&] { compute_rota(r, values, days); });
  if (plan) {
    for (const auto& queue : queues_by_wave(s, t, *plan, values)) collect([&] { compute_queue(queue.first, s, queue.second, days); });
  } else {
    for (const auto& q : s.queues) collect([&] { compute_queue(q, s, values, days); });
  }
  if (!days) {
    for (auto& w : staffing_table_warnings(s.tables)) out.push_back(std::move(w));
  }
  sort_diagnostics(out);
  return out;
}

}  // namespace

std::vector<Diagnostic> check_staffing(const Template& t) { return check_models(t, nullptr, nullptr); }

std::vector<Diagnostic> check_staffing(const Campaign& campaign, const Plan& plan) {
  if (!campaign.plan.staffing) return {};
  Days days(campaign, plan);
  auto out = check_models(campaign.plan, &days, &plan);
  if (!out.empty()) return out;
  // Every model computes: what compute_staffing warns about (calls on a sale day, a rota below a
  // queue's need) validate reports too.
  out = compute_staffing(campaign, plan).warnings;
  sort_diagnostics(out);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Quick mode

QueueSummary answer_erlang(const ErlangQuestion& question) {
  // Each value is located in a one-line source `--option=value`, so errors point at it.
  auto source_of = [](std::string_view option, const std::string& value) {
    auto text = fmt::format("{}={}", option, value);
    auto src = make_source("<command line>", text);
    return Location{src, 1, 1}.advanced(src->text, option.size() + 1);
  };
  Template none;
  auto formula = [&](std::string_view option, const std::string& value) {
    auto at = source_of(option, value);
    return Formula{value, parse_expr(value, at), at};
  };
  auto duration = [&](std::string_view option, const std::string& value) {
    auto at = source_of(option, value);
    if (!value.empty() && value[0] == '-' && parse_duration(std::string_view(value).substr(1))) {
      throw input_error(option == "--interval" ? "D215.negative" : "D203.negative", at, {{"option", option}, {"value", value}});
    }
    auto d = parse_duration(value);
    if (!d) throw input_error("D023.erlang-duration", at, {{"option", option}, {"value", value}});
    return *d;
  };
  Queue q;
  q.name = "erlang";
  q.where = source_of("--contacts", question.contacts);  // what a queue-wide problem (D217) points at
  q.contacts = formula("--contacts", question.contacts);
  q.interval = duration("--interval", question.interval);
  if (q.interval.count() == 0) throw input_error("D215.zero", source_of("--interval", question.interval));
  {
    auto at = source_of("--aht", question.aht);
    auto secs = duration("--aht", question.aht);
    q.aht = Formula{question.aht, parse_expr(std::to_string(secs.count()), at), at};
  }
  q.service_level_where = source_of("--sl", question.service_level);
  auto sl = parse_service_level(question.service_level);
  if (!sl) {
    throw input_error("D205.erlang", q.service_level_where, {{"value", question.service_level}});
  }
  // Folded, as parse_service_level reads it: 80％/20 is 80%, not 80％%.
  auto target_text = fold_fullwidth(question.service_level).text;
  target_text = target_text.substr(0, target_text.find_first_of("/ "));
  if (!target_text.ends_with("%")) target_text += "%";
  q.service_level = {Formula{target_text, parse_expr(target_text, q.service_level_where), q.service_level_where}, sl->second};
  if (!question.max_occupancy.empty()) q.max_occupancy = formula("--max-occupancy", question.max_occupancy);
  if (!question.shrinkage.empty()) q.shrinkage = formula("--shrinkage", question.shrinkage);
  if (!question.concurrency.empty()) q.concurrency = formula("--concurrency", question.concurrency);
  // A count of agents: a whole number, located at its option when it is not one.
  auto count = [&](std::string_view option, const std::string& value) -> std::optional<int> {
    if (value.empty()) return std::nullopt;
    auto at = source_of(option, value);
    auto n = try_parse_rational(value);
    if (!n || !n->is_integer() || n->is_negative() || *n > Rational(10'000'000)) {
      throw input_error("D225.agents", at, {{"option", option}, {"value", value}});
    }
    return static_cast<int>(n->numerator());
  };
  Roster roster{count("--agents", question.agents), count("--max-agents", question.max_agents)};
  if (roster.max_agents && *roster.max_agents == 0) {
    throw input_error("D225.max-zero", source_of("--max-agents", question.max_agents));
  }
  if (roster.agents && roster.max_agents) {
    throw input_error("D225.both", source_of("--max-agents", question.max_agents));
  }
  Staffing s;
  Values values(none);
  return compute_queue(q, s, values, nullptr, roster);
}

}  // namespace dacu
