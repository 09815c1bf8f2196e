#include "dacu/input/template_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <iterator>
#include <tuple>
#include <unordered_map>

#include "dacu/base/numbers.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/input/budget_reader.hpp"
#include "dacu/input/eligibility_reader.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/slips.hpp"
#include "dacu/input/staffing_reader.hpp"
#include "dacu/input/waves_reader.hpp"

namespace dacu::reader {

namespace {

// Task names seen so far, for duplicate detection without a quadratic scan.
using TaskIndex = std::unordered_map<std::string, Location>;

constexpr std::array<std::string_view, 24> kTemplateKeys{
    "waves", "dacu", "kind", "name", "title", "description", "notes", "timezone", "calendar", "phases",
    "departments", "parameters", "milestones", "tasks", "checkpoints", "rules", "staffing",
    "budget", "revenue", "scenarios", "shares", "limits", "eligibility", "seeds"};
constexpr std::array<std::string_view, 21> kCampaignKeys{
    "waves", "dacu", "kind", "name", "title", "description", "notes", "extends", "timezone", "calendar",
    "milestones", "parameters", "tasks", "checkpoints", "budget", "revenue", "scenarios", "rules", "eligibility",
    "shop", "owners"};
constexpr std::array<std::string_view, 13> kTaskKeys{"name", "department", "owner", "phase", "start", "end", "duration",
                                                     "roll", "note", "repeat", "until", "source", "wave"};
constexpr std::array<std::string_view, 11> kCheckpointKeys{"name", "at", "metric", "plan", "tolerance", "owner",
                                                           "action", "repeat", "until", "source", "wave"};
constexpr std::array<std::string_view, 6> kMilestoneKeys{"at", "description", "default", "time", "aliases", "source"};
constexpr std::array<std::string_view, 7> kParameterKeys{"type", "default", "unit", "description", "min", "max", "source"};
constexpr std::array<std::string_view, 3> kDepartmentKeys{"lead", "roles", "description"};
constexpr std::array<std::string_view, 10> kRuleKeys{"showcase", "sale", "payment_window", "ship_within",
                                                     "ship_within_custom", "deposit_due", "deposit_hold",
                                                     "deposit_hold_high_risk", "showcase_roll", "sources"};
constexpr std::array<std::string_view, 3> kCalendarKeys{"base", "days_off", "workdays"};
constexpr std::array<std::string_view, 3> kChangeKeys{"add", "drop", "change"};
constexpr std::array<std::string_view, 2> kWindowKeys{"from", "to"};

// What a campaign may not do to the template's tasks and checkpoints (apply_list_changes).
constexpr ListChangeKeys kTaskChanges{"D041.drop", "D041.change", "D002.rename-task"};
constexpr ListChangeKeys kCheckpointChanges{"D047.drop", "D047.change", "D002.rename-checkpoint"};

ParameterType read_parameter_type(const yaml::Node& node) {
  static constexpr std::array<std::pair<std::string_view, ParameterType>, 7> types{{
      {"number", ParameterType::number}, {"integer", ParameterType::integer}, {"percent", ParameterType::percent},
      {"money", ParameterType::money}, {"string", ParameterType::string}, {"date", ParameterType::date},
      {"bool", ParameterType::boolean},
  }};
  const auto& text = yaml::scalar(node, "type");
  for (auto [name, type] : types) {
    if (name == text) return type;
  }
  std::vector<std::string> names;
  for (auto [name, type] : types) names.emplace_back(name);
  throw input_error("D004.parameter-type", node.where, {{"type", text}, {"advice", suggestion(text, names)}});
}

// `min:` and `max:` of a numeric parameter, each in the parameter's own grammar (D051); min not
// above max (D096). Read before the default, which must then lie between them.
void read_parameter_range(const yaml::Fields& f, Parameter& p) {
  for (auto [key, bound, at] : {std::tuple{"min", &p.min, &p.min_where}, std::tuple{"max", &p.max, &p.max_where}}) {
    const auto* n = f.find(key);
    if (!n) continue;
    if (!is_numeric(p.type)) {
      throw input_error("D096.bound-type", n->where, {{"name", p.name}, {"type", parameter_type_name(p.type)}, {"key", key}});
    }
    const auto& text = yaml::scalar(*n, key);
    *bound = try_parameter_number(p, text);
    if (!*bound) {
      throw input_error("D051.bound", n->where, {{"name", p.name}, {"type", parameter_type_name(p.type)}, {"key", key}, {"value", text}});
    }
    *at = n->where;
  }
  if (p.min && p.max && *p.max < *p.min) {
    throw input_error("D096.swapped", p.max_where, {{"name", p.name}, {"max", f.find("max")->value}, {"min", f.find("min")->value}});
  }
}

ClockWindow read_window(const yaml::Node& node, std::string_view what) {
  yaml::Fields f(node, what, kWindowKeys);
  auto clock = [&](std::string_view key) {
    const auto& n = f.require(key);
    auto c = parse_clock(yaml::scalar(n, key));
    if (!c) throw input_error("D020.clock-time", n.where, {{"value", n.value}});
    return *c;
  };
  ClockWindow w{clock("from"), clock("to")};
  if (w.to < w.from) throw input_error("D034.window", f.require("to").where, {{"what", what}});
  return w;
}

// Reads the fields of a task present in `f` into `task`. With `complete`, the required fields
// (name, department, owner, phase, start) must all be there.
void read_task_fields(const yaml::Fields& f, Task& task, std::span<const std::string> milestones, bool complete) {
  if (complete) {
    task.name = yaml::scalar(f.require("name"), message("reader.task-name"));
    task.where = f.require("name").where;
    task.department = located(f.require("department"), "department");
    task.owner = located(f.require("owner"), "owner");
    task.phase = located(f.require("phase"), "phase");
    task.start = read_offset(f.require("start"), "start", milestones);
  } else {
    if (const auto* n = f.find("department")) task.department = located(*n, "department");
    if (const auto* n = f.find("owner")) task.owner = located(*n, "owner");
    if (const auto* n = f.find("phase")) task.phase = located(*n, "phase");
    if (const auto* n = f.find("start")) task.start = read_offset(*n, "start", milestones);
  }
  if (const auto* n = f.find("end")) {
    task.end = read_offset(*n, "end", milestones);
    task.duration.reset();
  }
  if (const auto* n = f.find("duration")) {
    if (f.find("end")) {
      throw input_error("D035", n->where, {{"name", task.name}});
    }
    task.duration = read_duration(*n, "duration");
    task.duration_where = n->where;
    task.end.reset();
  }
  if (const auto* n = f.find("roll")) {
    task.roll = read_roll(*n);
    task.roll_given = true;
  }
  if (const auto* n = f.find("note")) task.note = yaml::scalar(*n, "note");
  if (auto r = read_repeat(f, task.name, milestones)) task.repeat = std::move(r);
  if (task.repeat && task.end) throw input_error("D112.end", f.find("end") ? f.find("end")->where : task.where, {{"name", task.name}});
  if (f.find("source")) task.source = read_source(f);
}

// `names` for an ordinary task, `wave_names` (the per-wave milestones unqualified too) for one
// written with `wave: each`.
Task read_task(const yaml::Node& node, std::span<const std::string> names, std::span<const std::string> wave_names) {
  yaml::Fields f(node, message("reader.a-task"), kTaskKeys);
  Task task;
  task.each_wave = read_wave_marker(f);
  read_task_fields(f, task, task.each_wave ? wave_names : names, true);
  return task;
}

// A planned figure (300) or a tolerance (20%): a number that is not negative, with a % exactly when
// `percent`. The sign and the % are looked for in the folded text, so ２０％ is a tolerance and
// －300 is negative.
std::optional<Rational> read_figure(std::string_view written, bool percent) {
  const auto folded = fold_fullwidth(written);
  const std::string_view text = folded.text;
  if (text.empty() || text.front() == '-' || text.front() == '+' || text.ends_with("%") != percent) return std::nullopt;
  return try_parse_rational(written);
}

// A checkpoint's plan: a figure (300) or a formula over the numeric parameters (件数 × 15%).
Formula read_checkpoint_plan(const yaml::Node& node, const Template& t) {
  const auto& text = yaml::scalar(node, "plan");
  auto at = node.text_where();
  // A figure is a number (1.5) or, as everywhere a count is written, a count: 3,000, 3，000, 1.2万.
  FormProblem count_problem;
  auto figure = read_figure(text, false);
  if (!figure) {
    auto count = parse_count(text, {}, count_problem);
    if (count && *count >= 0 && !fold_fullwidth(text).text.starts_with('+')) figure = Rational(*count);
  }
  if (figure) {
    Expr number;
    number.text = text;
    number.value = *figure;
    number.at = at;
    return Formula{text, number, at};
  }
  // Text that starts as a count but is not one (3,00) says what is wrong with it, if no formula
  // reads it either.
  bool count_like = !count_problem.message.empty() && !count_problem.foreign_character;
  auto not_a_plan = [&] {
    if (count_like) {
      return input_error("D051.plan-form", node.where,
                         {{"value", text}, {"problem", count_problem.message}, {"advice", count_problem.hint}});
    }
    return input_error("D051.plan", node.where, {{"value", text}});
  };
  Expr e;
  try {
    e = parse_expr(text, at);
  } catch (const InputError&) {
    throw not_a_plan();
  }
  // A lone word (三百) is not a formula anyone meant; a formula naming a parameter that does not
  // exist gets "did you mean".
  if (e.kind == Expr::Kind::name && !t.find_parameter(e.text)) throw not_a_plan();
  check_formula_names(e, t, false);
  return Formula{text, std::move(e), at};
}

// Reads the fields of a checkpoint present in `f`; with `complete`, name and at must be there.
void read_checkpoint_fields(const yaml::Fields& f, Checkpoint& c, const Template& t, std::span<const std::string> milestones,
                            bool complete) {
  if (complete) {
    c.name = yaml::scalar(f.require("name"), message("reader.checkpoint-name"));
    c.where = f.require("name").where;
    c.at = read_offset(f.require("at"), "at", milestones);
  } else if (const auto* at = f.find("at")) {
    c.at = read_offset(*at, "at", milestones);
  }
  if (const auto* metric = f.find("metric")) c.metric = yaml::scalar(*metric, "metric");
  if (auto r = read_repeat(f, c.name, milestones)) c.repeat = std::move(r);
  if (f.find("source")) c.source = read_source(f);
  if (const auto* plan = f.find("plan")) {
    // A repeated checkpoint's plan may use 分钟: the minutes from the milestone `at:` names to
    // each occurrence (plan/schedule.cpp), so that one formula gives each its own figure.
    if (c.repeat) {
      Template with_minutes;
      with_minutes.parameters = t.parameters;
      with_minutes.parameters.push_back(Parameter{.name = std::string(kRepeatMinutes), .type = ParameterType::integer});
      c.plan = read_checkpoint_plan(*plan, with_minutes);
    } else {
      c.plan = read_checkpoint_plan(*plan, t);
    }
  }
  if (const auto* tol = f.find("tolerance")) {
    const auto& text = yaml::scalar(*tol, "tolerance");
    c.tolerance = read_figure(text, true);
    if (!c.tolerance) {
      throw input_error("D051.tolerance", tol->where, {{"value", text}});
    }
  }
  if (const auto* owner = f.find("owner")) c.owner = located(*owner, "owner");
  if (const auto* action = f.find("action")) c.action = yaml::scalar(*action, "action");
}

Checkpoint read_checkpoint(const yaml::Node& node, const Template& t, std::span<const std::string> names,
                           std::span<const std::string> wave_names) {
  yaml::Fields f(node, message("reader.a-checkpoint"), kCheckpointKeys);
  Checkpoint c;
  c.each_wave = read_wave_marker(f);
  read_checkpoint_fields(f, c, t, c.each_wave ? wave_names : names, true);
  return c;
}

void check_unique_checkpoint(const std::vector<Checkpoint>& existing, const Checkpoint& c) {
  for (const auto& other : existing) {
    if (other.name == c.name) {
      throw input_error("D048", c.where, {{"name", c.name}, {"first", first_place(other.where, c.where)}});
    }
  }
}

void check_unique_task(TaskIndex& index, const Task& task) {
  auto [it, inserted] = index.emplace(task.name, task.where);
  if (!inserted) {
    // The other task may sit in the template the campaign extends: name that file too.
    throw input_error("D042", task.where, {{"name", task.name}, {"first", first_place(it->second, task.where)}});
  }
}

TaskIndex index_tasks(const std::vector<Task>& tasks) {
  TaskIndex index;
  for (const auto& t : tasks) index.emplace(t.name, t.where);
  return index;
}

}  // namespace

std::span<const std::string_view> campaign_keys() { return kCampaignKeys; }

void read_parameter_fields(const yaml::Fields& f, Parameter& p) {
  p.type = f.find("type") ? read_parameter_type(*f.find("type")) : ParameterType::number;
  p.unit = optional_text(f, "unit");
  p.description = optional_text(f, "description");
  p.source = read_source(f);
  read_parameter_range(f, p);
  if (const auto* def = f.find("default")) {
    p.value = yaml::scalar(*def, "default");
    p.value_where = def->where;
    p.number = read_parameter_value(p, p.value, p.value_where);
  }
}

void read_milestone_body(const yaml::Node& body, Milestone& m, std::span<const std::string> names,
                         std::span<const std::string_view> keys) {
  if (body.is_null()) return;
  if (body.is_scalar()) {  // shorthand: 竞拍: 报名后5天
    m.derived = read_offset(body, "at", names);
    return;
  }
  yaml::Fields f(body, message("reader.milestone", {{"name", m.name}}), keys);
  m.description = optional_text(f, "description");
  m.source = read_source(f);
  if (const auto* at = f.find("at")) m.derived = read_offset(*at, "at", names);
  if (const auto* time = f.find("time")) m.time_of_day = read_clock(*time);
  if (const auto* def = f.find("default")) give_milestone(m, yaml::scalar(*def, "default"), def->where);
}

CalendarSpec read_calendar_spec(const yaml::Node& node, CalendarSpec spec) {
  if (node.is_scalar()) {
    spec.base = located(node, "calendar");
    return spec;
  }
  yaml::Fields f(node, "calendar", kCalendarKeys);
  if (const auto* base = f.find("base")) spec.base = located(*base, message("reader.calendar-base"));
  auto days = [](const yaml::Node& list, std::string_view what) {
    std::vector<std::pair<date::local_days, Location>> out;
    out.reserve(yaml::sequence(list, what).children.size());
    for (const auto& item : list.children) {
      auto d = parse_date(yaml::scalar(item, what));
      if (!d) {
        slips::check_value(item.value, item.text_where(), what);
        auto advice = date_advice(item.value, message("reader.write-dates"));
        throw input_error("D020.date-list", item.where, {{"value", item.value}, {"problem", advice.problem}, {"advice", advice.hint}});
      }
      out.emplace_back(*d, item.where);
    }
    return out;
  };
  if (const auto* off = f.find("days_off")) {
    auto more = days(*off, "days_off");
    spec.days_off.insert(spec.days_off.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  if (const auto* work = f.find("workdays")) {
    auto more = days(*work, "workdays");
    spec.workdays.insert(spec.workdays.end(), std::make_move_iterator(more.begin()), std::make_move_iterator(more.end()));
  }
  return spec;
}

// References between parts of a template: departments, roles and phases must be declared.
void check_references(const Template& t, Problems& problems) {
  std::vector<std::string> departments, phases;
  for (const auto& d : t.departments) departments.push_back(d.name);
  for (const auto& p : t.phases) phases.push_back(p.value);
  auto roles = t.role_names();
  auto contains = [](const std::vector<std::string>& v, const std::string& s) {
    return std::find(v.begin(), v.end(), s) != v.end();
  };
  for (const auto& task : t.tasks) {
    if (!departments.empty() && !contains(departments, task.department.value)) {
      problems.report(make_diagnostic(Severity::error, "D043", task.department.where,
                                      {{"task", task.name}, {"department", task.department.value},
                                       {"advice", suggestion(task.department.value, departments)}}));
    }
    if (!roles.empty() && !contains(roles, task.owner.value)) {
      problems.report(make_diagnostic(Severity::error, "D044.task", task.owner.where,
                                      {{"task", task.name}, {"owner", task.owner.value}, {"advice", suggestion(task.owner.value, roles)}}));
    }
    if (!contains(phases, task.phase.value)) {
      problems.report(make_diagnostic(Severity::error, "D045", task.phase.where,
                                      {{"task", task.name}, {"phase", task.phase.value}, {"advice", suggestion(task.phase.value, phases)}}));
    }
  }
  for (const auto& c : t.checkpoints) {
    if (!c.owner.value.empty() && !roles.empty() && !contains(roles, c.owner.value)) {
      problems.report(make_diagnostic(Severity::error, "D044.checkpoint", c.owner.where,
                                      {{"checkpoint", c.name}, {"owner", c.owner.value}, {"advice", suggestion(c.owner.value, roles)}}));
    }
  }
}

// Reads `rules:`; keys present replace those in `rules` (a campaign overriding its template).
void read_rules(const yaml::Node& node, PlatformRules& rules) {
  yaml::Fields f(node, "rules", kRuleKeys);
  rules.where = node.where;
  if (const auto* n = f.find("showcase")) rules.showcase = read_window(*n, "showcase");
  if (const auto* n = f.find("sale")) rules.sale = read_window(*n, "sale");
  if (const auto* n = f.find("payment_window")) rules.payment_window = read_duration(*n, "payment_window");
  if (const auto* n = f.find("ship_within")) rules.ship_within = read_duration(*n, "ship_within");
  if (const auto* n = f.find("ship_within_custom")) rules.ship_within_custom = read_duration(*n, "ship_within_custom");
  if (const auto* n = f.find("deposit_due")) rules.deposit_due = read_duration(*n, "deposit_due");
  if (const auto* n = f.find("deposit_hold")) rules.deposit_hold = read_duration(*n, "deposit_hold");
  if (const auto* n = f.find("deposit_hold_high_risk")) rules.deposit_hold_high_risk = read_duration(*n, "deposit_hold_high_risk");
  if (const auto* n = f.find("showcase_roll")) rules.showcase_roll = read_roll(*n);
  // `sources:` gives each rule key its `source:` (a rule is a scalar, with no room for one).
  std::vector<std::pair<std::string, SourceRef>> sources;
  if (const auto* n = f.find("sources")) {
    yaml::mapping(*n, "sources");
    for (std::size_t i = 0; i < n->map_size(); ++i) {
      const auto& key = n->key(i);
      if (key.value == "sources" || std::find(kRuleKeys.begin(), kRuleKeys.end(), key.value) == kRuleKeys.end()) {
        std::vector<std::string> keys(kRuleKeys.begin(), kRuleKeys.end() - 1);
        throw input_error("D113.rule", key.where, {{"key", key.value}, {"advice", suggestion(key.value, keys)}});
      }
      sources.emplace_back(key.value, SourceRef{yaml::scalar(n->val(i), "source"), n->val(i).text_where()});
    }
  }
  for (std::size_t i = 0; i < node.map_size(); ++i) {
    const auto& key = node.key(i);
    if (key.value == "sources") continue;
    SourceRef src;
    for (const auto& [k, v] : sources) {
      if (k == key.value) src = v;
    }
    std::erase_if(rules.written, [&](const auto& w) { return w.first.value == key.value; });
    rules.written.emplace_back(Located{key.value, key.where}, src);
  }
}

Template read_template(const yaml::Document& doc, Problems& problems) {
  yaml::Fields top(doc.root, message("reader.the-template"), kTemplateKeys);
  check_header(top, "template");
  Template t;
  t.source = doc.source;
  t.name = yaml::scalar(top.require("name"), "name");
  t.title = optional_text(top, "title");
  t.description = optional_text(top, "description");
  if (const auto* notes = top.find("notes")) {
    for (const auto* n : yaml::scalar_or_list(*notes, message("reader.a-note"))) t.notes.push_back(n->value);
  }
  if (const auto* seeds = top.find("seeds")) {
    yaml::mapping(*seeds, "seeds");
    for (std::size_t i = 0; i < seeds->map_size(); ++i) {
      t.seeds.emplace_back(Located{seeds->key(i).value, seeds->key(i).where}, located(seeds->val(i), "seeds"));
    }
  }
  if (const auto* zone = top.find("timezone")) t.timezone = located(*zone, "timezone");
  t.calendar.base.where = top.node().where;
  if (const auto* cal = top.find("calendar")) t.calendar = read_calendar_spec(*cal, t.calendar);

  // A phase is a name, or {name, from}; `from` is read once the milestones are known.
  std::vector<const yaml::Node*> phase_from;
  if (const auto* phases = top.find("phases")) {
    for (const auto& p : yaml::sequence(*phases, "phases").children) {
      if (p.is_mapping()) {
        static constexpr std::array<std::string_view, 2> phase_keys{"name", "from"};
        yaml::Fields f(p, message("reader.a-phase"), phase_keys);
        t.phases.push_back(located(f.require("name"), message("reader.a-phase-name")));
        phase_from.push_back(f.find("from"));
      } else {
        t.phases.push_back(located(p, message("reader.a-phase")));
        phase_from.push_back(nullptr);
      }
    }
  } else {
    for (const char* p : {"活动前", "活动中", "活动后"}) t.phases.push_back(Located{p, top.node().where});
  }

  if (const auto* departments = top.find("departments")) {
    yaml::mapping(*departments, "departments");
    for (std::size_t i = 0; i < departments->map_size(); ++i) problems.attempt([&] {
      Department d;
      d.name = departments->key(i).value;
      d.where = departments->key(i).where;
      const auto& body = departments->val(i);
      if (!body.is_null()) {
        yaml::Fields f(body, message("reader.department", {{"name", d.name}}), kDepartmentKeys);
        d.lead = optional_text(f, "lead");
        d.description = optional_text(f, "description");
        if (const auto* roles = f.find("roles")) {
          for (const auto* r : yaml::scalar_or_list(*roles, message("reader.a-role"))) d.roles.push_back(r->value);
        }
      }
      t.departments.push_back(std::move(d));
    });
  }

  if (const auto* params = top.find("parameters")) {
    yaml::mapping(*params, "parameters");
    for (std::size_t i = 0; i < params->map_size(); ++i) problems.attempt([&] {
      Parameter p;
      p.name = params->key(i).value;
      p.where = params->key(i).where;
      read_parameter_fields(yaml::Fields(params->val(i), message("reader.parameter", {{"name", p.name}}), kParameterKeys), p);
      t.parameters.push_back(std::move(p));
    });
  }

  // Milestones first: offsets everywhere else refer to them by name.
  if (const auto* ms = top.find("milestones")) {
    yaml::mapping(*ms, "milestones");
    for (std::size_t i = 0; i < ms->map_size(); ++i) {
      Milestone m;
      m.name = ms->key(i).value;
      m.where = ms->key(i).where;
      problems.attempt([&] { check_milestone_name(m.name, m.where); });
      t.milestones.push_back(std::move(m));
    }
  }
  // The waves' milestones next: a milestone (预热) may be derived from one (第一波 · 定金开始).
  if (const auto* waves = top.find("waves")) read_template_waves(*waves, t, problems);
  auto names = offset_names(t, false);
  if (const auto* ms = top.find("milestones")) {
    for (std::size_t i = 0; i < ms->map_size(); ++i) problems.attempt([&] {
      read_milestone_body(ms->val(i), t.milestones[i], names, kMilestoneKeys);
    });
  }
  auto wave_names = offset_names(t, true);
  t.phase_starts.resize(t.phases.size());
  for (std::size_t i = 0; i < phase_from.size(); ++i) {
    if (phase_from[i]) problems.attempt([&] { t.phase_starts[i] = read_offset(*phase_from[i], "from", names); });
  }

  if (const auto* tasks = top.find("tasks")) {
    TaskIndex index;
    t.tasks.reserve(tasks->children.size());
    for (const auto& item : yaml::sequence(*tasks, "tasks").children) {
      problems.attempt([&] {
        auto task = read_task(item, names, wave_names);
        check_unique_task(index, task);
        t.tasks.push_back(std::move(task));
      });
    }
  }
  if (const auto* cps = top.find("checkpoints")) {
    for (const auto& item : yaml::sequence(*cps, "checkpoints").children) {
      problems.attempt([&] {
        auto c = read_checkpoint(item, t, names, wave_names);
        check_unique_checkpoint(t.checkpoints, c);
        t.checkpoints.push_back(std::move(c));
      });
    }
  }
  if (const auto* rules = top.find("rules")) problems.attempt([&] { read_rules(*rules, t.rules); });
  if (const auto* e = top.find("eligibility")) problems.attempt([&] { t.eligibility = read_eligibility(*e); });
  if (const auto* staffing = top.find("staffing")) problems.attempt([&] { t.staffing = parse_staffing(*staffing, t); });
  problems.attempt([&] { read_money_sections(doc.root, t); });
  problems.attempt([&] { check_timezone(t.timezone); });
  problems.attempt([&] { t.resolved_calendar = resolve_calendar(t.calendar); });
  check_references(t, problems);
  return t;
}

void apply_campaign_tasks(const yaml::Node& node, Template& t, Problems& problems) {
  yaml::Fields f(node, "tasks", kChangeKeys);
  auto names = offset_names(t, false);
  auto wave_names = offset_names(t, true);
  std::optional<TaskIndex> index;  // built once, at the first task added
  apply_list_changes(
      f, t.tasks, "tasks", kTaskChanges, kTaskKeys, problems, [&](const yaml::Node& item) { return read_task(item, names, wave_names); },
      [&](const yaml::Fields& tf, Task& task) { read_task_fields(tf, task, task.each_wave ? wave_names : names, false); },
      [&](const std::vector<Task>& tasks, const Task& task) {
        if (!index) index = index_tasks(tasks);
        check_unique_task(*index, task);
      });
}

void apply_campaign_checkpoints(const yaml::Node& node, Template& t, Problems& problems) {
  yaml::Fields f(node, "checkpoints", kChangeKeys);
  auto names = offset_names(t, false);
  auto wave_names = offset_names(t, true);
  // Formulas in the changes are checked against the campaign's parameters, which are the template's.
  const Template& parameters = t;
  apply_list_changes(
      f, t.checkpoints, "checkpoints", kCheckpointChanges, kCheckpointKeys, problems,
      [&](const yaml::Node& item) { return read_checkpoint(item, parameters, names, wave_names); },
      [&](const yaml::Fields& cf, Checkpoint& c) {
        read_checkpoint_fields(cf, c, parameters, c.each_wave ? wave_names : names, false);
      },
      [](const std::vector<Checkpoint>& existing, const Checkpoint& c) { check_unique_checkpoint(existing, c); });
}

void give_milestone(Milestone& m, std::string_view value, const Location& where) {
  m.given = read_datetime(value, where, m.name);
  m.given_where = where;
  m.time_from_template = m.given->date_only && m.time_of_day;
  if (m.time_from_template) m.given = LocalDateTime{m.given->at + *m.time_of_day, false, std::nullopt};
}

void set_milestone(Template& t, const std::string& name, std::string_view value, const Location& key_where,
                   const Location& value_where) {
  auto* m = t.find_milestone(name);
  if (!m) {
    throw input_error("D031.set-milestone", key_where, {{"name", name}, {"advice", suggestion(name, t.milestone_names())}});
  }
  give_milestone(*m, value, value_where);
}

void set_parameter(Template& t, const std::string& name, std::string_view value, const Location& key_where,
                   const Location& value_where) {
  auto* p = t.find_parameter(name);
  if (!p) {
    throw input_error("D050.set-parameter", key_where, {{"name", name}, {"advice", suggestion(name, t.parameter_names())}});
  }
  p->number = read_parameter_value(*p, value, value_where);
  p->value = std::string(value);
  p->value_where = value_where;
}

}  // namespace dacu::reader
