#include "dacu/load.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <array>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <regex>
#include <set>
#include <system_error>
#include <unordered_map>

#include "dacu/embedded.hpp"
#include "dacu/yaml.hpp"

namespace dacu {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------
// Model lookups

const Milestone* Template::find_milestone(std::string_view n) const {
  for (const auto& m : milestones) {
    if (m.name == n) return &m;
  }
  return nullptr;
}
Milestone* Template::find_milestone(std::string_view n) {
  return const_cast<Milestone*>(std::as_const(*this).find_milestone(n));
}
const Parameter* Template::find_parameter(std::string_view n) const {
  for (const auto& p : parameters) {
    if (p.name == n) return &p;
  }
  return nullptr;
}
Parameter* Template::find_parameter(std::string_view n) {
  return const_cast<Parameter*>(std::as_const(*this).find_parameter(n));
}
std::vector<std::string> Template::milestone_names() const {
  std::vector<std::string> out;
  for (const auto& m : milestones) out.push_back(m.name);
  return out;
}
std::vector<std::string> Template::parameter_names() const {
  std::vector<std::string> out;
  for (const auto& p : parameters) out.push_back(p.name);
  return out;
}
std::vector<std::string> Template::role_names() const {
  std::vector<std::string> out;
  auto add = [&](const std::string& r) {
    if (!r.empty() && std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
  };
  for (const auto& d : departments) {
    add(d.lead);
    for (const auto& r : d.roles) add(r);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Small readers

Override parse_override(std::string_view text) {
  auto eq = text.find('=');
  if (eq == std::string_view::npos || eq == 0) {
    throw InputError("D050", Location{make_source("<command line>", std::string(text)), 1, 1},
                     fmt::format("--set '{}' is not KEY=VALUE", text), "write it like --set 开团=2026-12-20T10:00");
  }
  return Override{std::string(text.substr(0, eq)), std::string(text.substr(eq + 1))};
}

std::string read_text_file(const fs::path& path, std::size_t max_bytes) {
  auto label = make_source(path.string(), {});
  auto fail = [&](std::string code, std::string message, std::string hint) {
    throw InputError(std::move(code), Location{label, 0, 0}, std::move(message), std::move(hint));
  };
  auto too_large = [&](std::string message) {
    fail("D011", std::move(message), "split the file, or check that this is the file you meant");
  };
  std::error_code ec;
  auto status = fs::status(path, ec);
  if (ec || !fs::exists(status)) fail("D010", "no such file", "check the path; run `dacu templates` for built-in ones");
  if (fs::is_directory(status)) {
    fail("D010", "is a directory, not a file", "name one campaign or template .yaml file, not a folder");
  }
  if (fs::is_regular_file(status)) {
    auto size = fs::file_size(path, ec);
    if (!ec && size > max_bytes) {
      too_large(fmt::format("the file is {} bytes, more than the limit of {} bytes", size, max_bytes));
    }
  }
  std::unique_ptr<std::FILE, int (*)(std::FILE*)> file(std::fopen(path.c_str(), "rb"), &std::fclose);
  if (!file) fail("D010", "cannot be read (permission denied?)", "check the file's permissions");
  // Read by chunks up to one byte past the limit: pipes and /proc files report no size, and a
  // read error must not pass for an empty or short file.
  std::string text;
  std::array<char, 1 << 16> chunk;
  while (true) {
    std::size_t got = std::fread(chunk.data(), 1, chunk.size(), file.get());
    text.append(chunk.data(), got);
    if (text.size() > max_bytes) {
      too_large(fmt::format("the file is more than the limit of {} bytes", max_bytes));
    }
    if (got < chunk.size()) break;
  }
  if (std::ferror(file.get())) {
    fail("D010", fmt::format("cannot be read: {}", std::strerror(errno)), "check that it is a regular, readable file");
  }
  return text;
}

namespace {

using Keys = std::span<const std::string_view>;

// Loading stops at the first problem; validating collects every problem it can and goes on
// with the next element, so one run reports them all.
class Problems {
 public:
  explicit Problems(std::vector<Diagnostic>* sink) : sink_(sink) {}

  void report(Diagnostic d) {
    if (!sink_) throw InputError(std::move(d));
    sink_->push_back(std::move(d));
  }
  /// Runs `f`; when collecting, records its InputError instead of letting it escape.
  template <class F>
  bool attempt(F&& f) {
    if (!sink_) {
      f();
      return true;
    }
    try {
      f();
      return true;
    } catch (const InputError& e) {
      sink_->push_back(e.diagnostic());
      return false;
    }
  }
  bool collecting() const { return sink_ != nullptr; }
  bool has_errors() const {
    return sink_ && std::any_of(sink_->begin(), sink_->end(), [](const Diagnostic& d) { return d.severity == Severity::error; });
  }

 private:
  std::vector<Diagnostic>* sink_;
};

// Task names seen so far, for duplicate detection without a quadratic scan.
using TaskIndex = std::unordered_map<std::string, Location>;

constexpr std::array<std::string_view, 22> kTemplateKeys{
    "dacu", "kind", "name", "title", "description", "notes", "timezone", "calendar", "phases",
    "departments", "parameters", "milestones", "tasks", "checkpoints", "rules", "staffing",
    "budget", "revenue", "scenarios", "shares", "limits", "eligibility"};
constexpr std::array<std::string_view, 15> kCampaignKeys{
    "dacu", "kind", "name", "title", "description", "notes", "extends", "timezone", "calendar",
    "milestones", "parameters", "tasks", "scenarios", "rules", "eligibility"};
constexpr std::array<std::string_view, 9> kTaskKeys{"name", "department", "owner", "phase", "start",
                                                    "end", "duration", "roll", "note"};
constexpr std::array<std::string_view, 7> kCheckpointKeys{"name", "at", "metric", "plan", "tolerance", "owner", "action"};
constexpr std::array<std::string_view, 4> kMilestoneKeys{"at", "description", "default", "aliases"};
constexpr std::array<std::string_view, 6> kParameterKeys{"type", "default", "unit", "description", "min", "max"};
constexpr std::array<std::string_view, 3> kDepartmentKeys{"lead", "roles", "description"};
constexpr std::array<std::string_view, 9> kRuleKeys{"showcase", "sale", "payment_window", "ship_within",
                                                    "ship_within_custom", "deposit_due", "deposit_hold",
                                                    "deposit_hold_high_risk", "showcase_roll"};
constexpr std::array<std::string_view, 3> kCalendarKeys{"base", "days_off", "workdays"};
constexpr std::array<std::string_view, 3> kChangeKeys{"add", "drop", "change"};
constexpr std::array<std::string_view, 2> kWindowKeys{"from", "to"};

Located located(const yaml::Node& node, std::string_view what) {
  return Located{yaml::scalar(node, what), node.where};
}

std::string optional_text(const yaml::Fields& fields, std::string_view key) {
  const auto* node = fields.find(key);
  return node ? yaml::scalar(*node, key) : std::string();
}

void check_header(const yaml::Fields& top, std::string_view expected_kind) {
  const auto* version = top.find("dacu");
  if (!version) {
    throw InputError("D006", top.node().where, "the file does not say which dacu format it uses",
                     "add `dacu: 1` as the first line");
  }
  if (yaml::scalar(*version, "dacu") != "1") {
    throw InputError("D006", version->where, fmt::format("unsupported dacu format version '{}'", version->value),
                     "this dacu reads `dacu: 1`");
  }
  const auto& kind = top.require("kind");
  const auto& k = yaml::scalar(kind, "kind");
  if (!expected_kind.empty() && k != expected_kind) {
    throw InputError("D006", kind.where, fmt::format("expected `kind: {}`, found '{}'", expected_kind, k),
                     expected_kind == "template" ? "`extends:` names a template file, not a campaign file"
                                                 : fmt::format("write `kind: {}`", expected_kind));
  }
}

std::string_view parameter_type_name(ParameterType t) {
  switch (t) {
    case ParameterType::number: return "number";
    case ParameterType::integer: return "integer";
    case ParameterType::percent: return "percent";
    case ParameterType::money: return "money";
    case ParameterType::string: return "string";
    case ParameterType::date: return "date";
    case ParameterType::boolean: return "bool";
  }
  return "?";
}

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
  throw InputError("D004", node.where, fmt::format("unknown parameter type '{}'", text), suggestion(text, names));
}

// Checks a parameter value against its type; `where` locates the value.
void check_parameter_value(const Parameter& p, std::string_view value, const Location& where) {
  static const std::regex number(R"(-?[0-9]+(\.[0-9]+)?)");
  static const std::regex integer(R"(-?[0-9]+)");
  static const std::regex percent(R"(-?[0-9]+(\.[0-9]+)?%)");
  static const std::regex money(R"((¥)?-?([0-9]{1,3}(,[0-9]{3})+|[0-9]+)(\.[0-9]{1,2})?|(¥)?-?[0-9]+(\.[0-9]+)?万)");
  std::string v(value);
  bool ok = true;
  std::string expected;
  switch (p.type) {
    case ParameterType::number: ok = std::regex_match(v, number); expected = "a number such as 1.5"; break;
    case ParameterType::integer: ok = std::regex_match(v, integer); expected = "a whole number such as 2000"; break;
    case ParameterType::percent: ok = std::regex_match(v, percent); expected = "a percentage such as 20%"; break;
    case ParameterType::money: ok = std::regex_match(v, money); expected = "an amount in 元 such as 99.90 or 1.8万"; break;
    case ParameterType::date: ok = parse_date(v).has_value(); expected = "a date such as 2026-12-20"; break;
    case ParameterType::boolean: ok = v == "true" || v == "false"; expected = "true or false"; break;
    case ParameterType::string: break;
  }
  if (!ok) {
    throw InputError("D051", where,
                     fmt::format("parameter {} is {} but '{}' is not", p.name, parameter_type_name(p.type), value),
                     fmt::format("write {}", expected));
  }
}

Roll read_roll(const yaml::Node& node) {
  const auto& text = yaml::scalar(node, "roll");
  if (text == "顺延" || text == "next") return Roll::next;
  if (text == "提前" || text == "previous") return Roll::previous;
  if (text == "none" || text == "不顺延") return Roll::none;
  throw InputError("D004", node.where, fmt::format("unknown roll rule '{}'", text),
                   "write 顺延 (next working day), 提前 (previous working day) or none");
}

std::chrono::seconds read_duration(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  auto d = parse_duration(text);
  if (!d) {
    throw InputError("D023", node.where, fmt::format("'{}' is not a duration", text),
                     "write a number and a unit: 30min, 2h, 3d, 1w");
  }
  if (d->count() < 0) throw InputError("D023", node.where, "a duration cannot be negative", "write a length such as 2d");
  return *d;
}

LocalDateTime read_datetime(std::string_view text, const Location& where, std::string_view what) {
  auto value = parse_local_datetime(text);
  if (!value) {
    std::string hint = "write it as YYYY-MM-DDTHH:MM in the campaign's time zone, e.g. 2026-12-20T10:00";
    if (text.find('+') != std::string_view::npos || text.find('Z') != std::string_view::npos) {
      hint = "leave out the UTC offset: times are wall-clock times in the campaign's time zone";
    } else if (text.size() >= 10 && !parse_date(text.substr(0, 10)) && text[4] == '-') {
      hint = "that day does not exist; check the month (01–12) and the month's length";
    }
    throw InputError("D020", where, fmt::format("{}: '{}' is not a date-time", what, text), hint);
  }
  return *value;
}

Offset read_offset(const yaml::Node& node, std::string_view what, std::span<const std::string> milestones) {
  const auto& text = yaml::scalar(node, what);
  // The scalar's column points at its first character; quoted scalars start one later.
  Location at = node.where;
  if (node.quoted && at.known()) at.column += 1;
  return parse_offset(text, at, milestones);
}

ClockWindow read_window(const yaml::Node& node, std::string_view what) {
  yaml::Fields f(node, what, kWindowKeys);
  auto clock = [&](std::string_view key) {
    const auto& n = f.require(key);
    auto c = parse_clock(yaml::scalar(n, key));
    if (!c) throw InputError("D020", n.where, fmt::format("'{}' is not a clock time", n.value), "write it as \"08:00\" (quoted)");
    return *c;
  };
  ClockWindow w{clock("from"), clock("to")};
  if (w.to < w.from) throw InputError("D034", f.require("to").where, fmt::format("{} ends before it starts", what),
                                        "from and to are clock times of one day; `to` must not be earlier");
  return w;
}

CalendarSpec read_calendar_spec(const yaml::Node& node, CalendarSpec spec) {
  if (node.is_scalar()) {
    spec.base = located(node, "calendar");
    return spec;
  }
  yaml::Fields f(node, "calendar", kCalendarKeys);
  if (const auto* base = f.find("base")) spec.base = located(*base, "calendar base");
  auto days = [](const yaml::Node& list, std::string_view what) {
    std::vector<std::pair<date::local_days, Location>> out;
    for (const auto& item : yaml::sequence(list, what).children) {
      auto d = parse_date(yaml::scalar(item, what));
      if (!d) throw InputError("D020", item.where, fmt::format("'{}' is not a date", item.value), "write dates as YYYY-MM-DD");
      out.emplace_back(*d, item.where);
    }
    return out;
  };
  if (const auto* off = f.find("days_off")) {
    auto more = days(*off, "days_off");
    spec.days_off.insert(spec.days_off.end(), more.begin(), more.end());
  }
  if (const auto* work = f.find("workdays")) {
    auto more = days(*work, "workdays");
    spec.workdays.insert(spec.workdays.end(), more.begin(), more.end());
  }
  return spec;
}

// Reads the fields of a task present in `f` into `task`. With `complete`, the required fields
// (name, department, owner, phase, start) must all be there.
void read_task_fields(const yaml::Fields& f, Task& task, std::span<const std::string> milestones, bool complete) {
  if (complete) {
    task.name = yaml::scalar(f.require("name"), "task name");
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
      throw InputError("D035", n->where, fmt::format("task {} gives both end and duration", task.name),
                       "keep one: end names a moment, duration a length");
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
}

Task read_task(const yaml::Node& node, std::span<const std::string> milestones) {
  yaml::Fields f(node, "a task", kTaskKeys);
  Task task;
  read_task_fields(f, task, milestones, true);
  return task;
}

Checkpoint read_checkpoint(const yaml::Node& node, std::span<const std::string> milestones) {
  yaml::Fields f(node, "a checkpoint", kCheckpointKeys);
  Checkpoint c;
  c.name = yaml::scalar(f.require("name"), "checkpoint name");
  c.where = f.require("name").where;
  c.at = read_offset(f.require("at"), "at", milestones);
  c.metric = optional_text(f, "metric");
  if (const auto* plan = f.find("plan")) {
    static const std::regex number(R"([0-9]+(\.[0-9]+)?)");
    c.plan = yaml::scalar(*plan, "plan");
    if (!std::regex_match(c.plan, number)) {
      throw InputError("D051", plan->where, fmt::format("plan '{}' is not a number", c.plan), "write the planned figure, e.g. 300");
    }
  }
  if (const auto* tol = f.find("tolerance")) {
    static const std::regex percent(R"([0-9]+(\.[0-9]+)?%)");
    c.tolerance = yaml::scalar(*tol, "tolerance");
    if (!std::regex_match(c.tolerance, percent)) {
      throw InputError("D051", tol->where, fmt::format("tolerance '{}' is not a percentage", c.tolerance), "write it like 20%");
    }
  }
  if (const auto* owner = f.find("owner")) c.owner = located(*owner, "owner");
  c.action = optional_text(f, "action");
  return c;
}

void check_timezone(const Located& zone) {
  try {
    (void)date::locate_zone(zone.value);
  } catch (const std::exception&) {
    throw InputError("D021", zone.where, fmt::format("unknown time zone '{}'", zone.value),
                     "use an IANA name such as Asia/Shanghai");
  }
}

void check_calendar(const CalendarSpec& spec) {
  if (!builtin_calendar(spec.base.value)) {
    throw InputError("D022", spec.base.where, fmt::format("unknown calendar '{}'", spec.base.value),
                     suggestion(spec.base.value, builtin_calendar_names()));
  }
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
      problems.report(Diagnostic{Severity::error, "D043", task.department.where,
                       fmt::format("task {}: department '{}' is not declared", task.name, task.department.value),
                       suggestion(task.department.value, departments)});
    }
    if (!roles.empty() && !contains(roles, task.owner.value)) {
      problems.report(Diagnostic{Severity::error, "D044", task.owner.where, fmt::format("task {}: owner '{}' is not a declared role", task.name, task.owner.value),
                       suggestion(task.owner.value, roles)});
    }
    if (!contains(phases, task.phase.value)) {
      problems.report(Diagnostic{Severity::error, "D045", task.phase.where, fmt::format("task {}: phase '{}' is not declared", task.name, task.phase.value),
                       suggestion(task.phase.value, phases)});
    }
  }
  for (const auto& c : t.checkpoints) {
    if (!c.owner.value.empty() && !roles.empty() && !contains(roles, c.owner.value)) {
      problems.report(Diagnostic{Severity::error, "D044", c.owner.where, fmt::format("checkpoint {}: owner '{}' is not a declared role", c.name, c.owner.value),
                       suggestion(c.owner.value, roles)});
    }
  }
}

void check_unique_task(TaskIndex& index, const Task& task) {
  auto [it, inserted] = index.emplace(task.name, task.where);
  if (!inserted) {
    // The other task may sit in the template the campaign extends: name that file too.
    const Location& other = it->second;
    auto first = other.file_name() == task.where.file_name() ? fmt::format("line {}", other.line)
                                                             : fmt::format("{}:{}", other.file_name(), other.line);
    throw InputError("D042", task.where, fmt::format("a task named {} already exists ({})", task.name, first),
                     "give each task its own name; use `change:` to modify an existing one");
  }
}

TaskIndex index_tasks(const std::vector<Task>& tasks) {
  TaskIndex index;
  for (const auto& t : tasks) index.emplace(t.name, t.where);
  return index;
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
}

Template read_template(const yaml::Document& doc, Problems& problems) {
  yaml::Fields top(doc.root, "the template", kTemplateKeys);
  check_header(top, "template");
  Template t;
  t.source = doc.source;
  t.name = yaml::scalar(top.require("name"), "name");
  t.title = optional_text(top, "title");
  t.description = optional_text(top, "description");
  if (const auto* notes = top.find("notes")) {
    for (const auto* n : yaml::scalar_or_list(*notes, "a note")) t.notes.push_back(n->value);
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
        yaml::Fields f(p, "a phase", phase_keys);
        t.phases.push_back(located(f.require("name"), "a phase name"));
        phase_from.push_back(f.find("from"));
      } else {
        t.phases.push_back(located(p, "a phase"));
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
        yaml::Fields f(body, fmt::format("department {}", d.name), kDepartmentKeys);
        d.lead = optional_text(f, "lead");
        d.description = optional_text(f, "description");
        if (const auto* roles = f.find("roles")) {
          for (const auto* r : yaml::scalar_or_list(*roles, "a role")) d.roles.push_back(r->value);
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
      yaml::Fields f(params->val(i), fmt::format("parameter {}", p.name), kParameterKeys);
      p.type = f.find("type") ? read_parameter_type(*f.find("type")) : ParameterType::number;
      p.unit = optional_text(f, "unit");
      p.description = optional_text(f, "description");
      if (const auto* def = f.find("default")) {
        p.value = yaml::scalar(*def, "default");
        p.value_where = def->where;
        check_parameter_value(p, p.value, p.value_where);
      }
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
      t.milestones.push_back(std::move(m));
    }
    auto names = t.milestone_names();
    for (std::size_t i = 0; i < ms->map_size(); ++i) problems.attempt([&] {
      auto& m = t.milestones[i];
      const auto& body = ms->val(i);
      if (body.is_null()) return;
      if (body.is_scalar()) {  // shorthand: 竞拍: 报名后5天
        m.derived = read_offset(body, "at", names);
        return;
      }
      yaml::Fields f(body, fmt::format("milestone {}", m.name), kMilestoneKeys);
      m.description = optional_text(f, "description");
      if (const auto* at = f.find("at")) m.derived = read_offset(*at, "at", names);
      if (const auto* def = f.find("default")) {
        m.given = read_datetime(yaml::scalar(*def, "default"), def->where, m.name);
        m.given_where = def->where;
      }
    });
  }
  auto names = t.milestone_names();
  t.phase_starts.resize(t.phases.size());
  for (std::size_t i = 0; i < phase_from.size(); ++i) {
    if (phase_from[i]) problems.attempt([&] { t.phase_starts[i] = read_offset(*phase_from[i], "from", names); });
  }

  if (const auto* tasks = top.find("tasks")) {
    TaskIndex index;
    t.tasks.reserve(tasks->children.size());
    for (const auto& item : yaml::sequence(*tasks, "tasks").children) {
      problems.attempt([&] {
        auto task = read_task(item, names);
        check_unique_task(index, task);
        t.tasks.push_back(std::move(task));
      });
    }
  }
  if (const auto* cps = top.find("checkpoints")) {
    for (const auto& item : yaml::sequence(*cps, "checkpoints").children) {
      problems.attempt([&] { t.checkpoints.push_back(read_checkpoint(item, names)); });
    }
  }
  if (const auto* rules = top.find("rules")) problems.attempt([&] { read_rules(*rules, t.rules); });
  if (const auto* e = top.find("eligibility")) problems.attempt([&] { t.eligibility = read_eligibility(*e); });
  if (const auto* staffing = top.find("staffing")) problems.attempt([&] { t.staffing = parse_staffing(*staffing, t); });
  problems.attempt([&] { read_money_sections(doc.root, t); });
  problems.attempt([&] { check_timezone(t.timezone); });
  problems.attempt([&] { check_calendar(t.calendar); });
  check_references(t, problems);
  return t;
}

void apply_campaign_tasks(const yaml::Node& node, Template& t, Problems& problems) {
  yaml::Fields f(node, "tasks", kChangeKeys);
  auto names = t.milestone_names();
  auto task_names = [&] {
    std::vector<std::string> out;
    for (const auto& task : t.tasks) out.push_back(task.name);
    return out;
  };
  auto find_task = [&](const yaml::Node& name_node, std::string_view verb) -> std::vector<Task>::iterator {
    const auto& name = yaml::scalar(name_node, "a task name");
    auto it = std::find_if(t.tasks.begin(), t.tasks.end(), [&](const Task& task) { return task.name == name; });
    if (it == t.tasks.end()) {
      throw InputError("D041", name_node.where, fmt::format("cannot {} task {}: the template has no such task", verb, name),
                       suggestion(name, task_names()));
    }
    return it;
  };
  if (const auto* drop = f.find("drop")) {
    for (const auto* item : yaml::scalar_or_list(*drop, "a task name")) {
      problems.attempt([&] { t.tasks.erase(find_task(*item, "drop")); });
    }
  }
  if (const auto* change = f.find("change")) {
    yaml::mapping(*change, "tasks.change");
    for (std::size_t i = 0; i < change->map_size(); ++i) problems.attempt([&] {
      auto it = find_task(change->key(i), "change");
      yaml::Fields tf(change->val(i), fmt::format("the change to {}", it->name), kTaskKeys);
      if (tf.find("name")) {
        throw InputError("D002", tf.find("name")->where, "a change cannot rename a task",
                         "drop the task and add a new one instead");
      }
      read_task_fields(tf, *it, names, false);
    });
  }
  if (const auto* add = f.find("add")) {
    auto index = index_tasks(t.tasks);
    for (const auto& item : yaml::sequence(*add, "tasks.add").children) {
      problems.attempt([&] {
        auto task = read_task(item, names);
        check_unique_task(index, task);
        t.tasks.push_back(std::move(task));
      });
    }
  }
}

void set_milestone(Template& t, const std::string& name, std::string_view value, const Location& key_where,
                   const Location& value_where) {
  auto* m = t.find_milestone(name);
  if (!m) {
    throw InputError("D031", key_where, fmt::format("the template has no milestone {}", name), suggestion(name, t.milestone_names()));
  }
  m->given = read_datetime(value, value_where, name);
  m->given_where = value_where;
}

void set_parameter(Template& t, const std::string& name, std::string_view value, const Location& key_where,
                   const Location& value_where) {
  auto* p = t.find_parameter(name);
  if (!p) {
    throw InputError("D050", key_where, fmt::format("the template has no parameter {}", name), suggestion(name, t.parameter_names()));
  }
  check_parameter_value(*p, value, value_where);
  p->value = std::string(value);
  p->value_where = value_where;
}

}  // namespace

Template parse_template(std::string_view yaml_text, std::string_view source_name) {
  auto doc = yaml::parse(std::string(yaml_text), source_name);
  Problems problems(nullptr);
  return read_template(doc, problems);
}

std::vector<std::string> builtin_template_names() {
  std::vector<std::string> names;
  for (const auto& file : builtin_files()) {
    if (file.text.find("\nkind: template") == std::string_view::npos) continue;
    auto name = file.name;
    if (name.size() > 5 && name.substr(name.size() - 5) == ".yaml") name.remove_suffix(5);
    names.emplace_back(name);
  }
  return names;
}

std::string_view builtin_template_text(std::string_view name) {
  for (const auto& file : builtin_files()) {
    if (file.name.size() == name.size() + 5 && file.name.substr(0, name.size()) == name &&
        file.text.find("\nkind: template") != std::string_view::npos) {
      return file.text;
    }
  }
  return {};
}

std::shared_ptr<const Template> Loader::builtin(std::string_view name) {
  auto key = fmt::format("builtin:{}", name);
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  auto text = builtin_template_text(name);
  if (text.empty()) return nullptr;
  auto t = std::make_shared<const Template>(parse_template(text, fmt::format("<builtin>/{}.yaml", name)));
  cache_.emplace(key, t);
  return t;
}

std::shared_ptr<const Template> Loader::template_file(const fs::path& path, const Location& where) {
  std::error_code ec;
  auto canonical = fs::weakly_canonical(path, ec);
  auto key = fmt::format("file:{}", (ec ? path : canonical).string());
  if (auto it = cache_.find(key); it != cache_.end()) return it->second;
  std::string text;
  try {
    text = read_text_file(path);
  } catch (const InputError& e) {
    throw InputError("D040", where, fmt::format("template file {}: {}", path.string(), e.diagnostic().message),
                     "the path is relative to the campaign file");
  }
  auto t = std::make_shared<const Template>(parse_template(text, path.string()));
  cache_.emplace(key, t);
  return t;
}

Campaign Loader::parse(std::string_view yaml_text, std::string_view source_name, const fs::path& base_dir,
                       std::span<const Override> overrides, std::vector<Diagnostic>* collect) {
  Problems problems(collect);
  auto doc = yaml::parse(std::string(yaml_text), source_name);
  Campaign campaign;
  campaign.source = doc.source;
  campaign.milestones_where = Location{doc.source, 1, 1};
  campaign.template_where = Location{doc.source, 1, 1};
  const auto* kind = doc.root.is_mapping() ? doc.root.find("kind") : nullptr;
  if (kind && kind->is_scalar() && kind->value == "template") {
    if (const auto* name = doc.root.find("name")) campaign.template_where = name->where;
    campaign.plan = read_template(doc, problems);
    campaign.name = campaign.plan.title.empty() ? campaign.plan.name : campaign.plan.title;
    campaign.template_name = campaign.plan.name;
    apply_overrides(campaign, overrides);
    return campaign;
  }
  yaml::Fields top(doc.root, "the campaign", kCampaignKeys);
  check_header(top, "");
  if (yaml::scalar(*kind, "kind") != "campaign") {
    throw InputError("D006", kind->where, fmt::format("unknown kind '{}'", kind->value), "write `kind: campaign` or `kind: template`");
  }
  const auto& extends = top.require("extends");
  const auto& base = yaml::scalar(extends, "extends");
  std::shared_ptr<const Template> parent;
  bool is_path = base.find('/') != std::string::npos || base.ends_with(".yaml") || base.ends_with(".yml");
  if (is_path) {
    parent = template_file((base_dir / base).lexically_normal(), extends.where);
  } else {
    parent = builtin(base);
    if (!parent) {
      throw InputError("D040", extends.where, fmt::format("no built-in template named '{}'", base),
                       suggestion(base, builtin_template_names()) + " (a template file is named by a path, e.g. ./my.yaml)");
    }
  }
  campaign.plan = *parent;
  campaign.template_name = parent->name;
  campaign.template_where = extends.where;
  campaign.name = yaml::scalar(top.require("name"), "name");
  auto& t = campaign.plan;
  if (const auto* zone = top.find("timezone")) {
    t.timezone = located(*zone, "timezone");
    check_timezone(t.timezone);
  }
  if (const auto* cal = top.find("calendar")) {
    CalendarSpec spec = t.calendar;
    if (cal->is_scalar()) spec.days_off.clear(), spec.workdays.clear();
    t.calendar = read_calendar_spec(*cal, spec);
    check_calendar(t.calendar);
  }
  if (const auto* ms = top.find("milestones")) {
    yaml::mapping(*ms, "milestones");
    campaign.milestones_where = ms->where;
    for (std::size_t i = 0; i < ms->map_size(); ++i) problems.attempt([&] {
      const auto& value = ms->val(i);
      set_milestone(t, ms->key(i).value, yaml::scalar(value, ms->key(i).value), ms->key(i).where, value.where);
    });
  }
  if (const auto* ps = top.find("parameters")) {
    yaml::mapping(*ps, "parameters");
    for (std::size_t i = 0; i < ps->map_size(); ++i) problems.attempt([&] {
      const auto& value = ps->val(i);
      set_parameter(t, ps->key(i).value, yaml::scalar(value, ps->key(i).value), ps->key(i).where, value.where);
    });
  }
  if (const auto* tasks = top.find("tasks")) apply_campaign_tasks(*tasks, t, problems);
  problems.attempt([&] { read_campaign_scenarios(doc.root, t); });
  if (const auto* rules = top.find("rules")) problems.attempt([&] { read_rules(*rules, t.rules); });
  if (const auto* e = top.find("eligibility")) problems.attempt([&] { t.eligibility = read_eligibility(*e, t.eligibility); });
  check_references(t, problems);
  apply_overrides(campaign, overrides);
  return campaign;
}

Campaign Loader::load_file(const fs::path& path, std::span<const Override> overrides) {
  auto text = read_text_file(path);
  return parse(text, path.string(), path.parent_path(), overrides);
}

void apply_overrides(Campaign& campaign, std::span<const Override> overrides) {
  for (const auto& o : overrides) {
    // Locate problems inside the `KEY=VALUE` text, as if it were a one-line file.
    auto source = make_source("<command line>", fmt::format("{}={}", o.key, o.value));
    Location key_where{source, 1, 1};
    Location value_where = key_where.advanced(source->text, o.key.size() + 1);
    auto& t = campaign.plan;
    if (t.find_milestone(o.key)) {
      set_milestone(t, o.key, o.value, key_where, value_where);
    } else if (t.find_parameter(o.key)) {
      set_parameter(t, o.key, o.value, key_where, value_where);
    } else {
      auto names = t.milestone_names();
      auto params = t.parameter_names();
      names.insert(names.end(), params.begin(), params.end());
      throw InputError("D050", key_where, fmt::format("--set {}: no milestone or parameter named {}", o.key, o.key),
                       suggestion(o.key, names));
    }
  }
}

}  // namespace dacu
