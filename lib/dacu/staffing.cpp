#include "dacu/staffing.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <set>

#include "dacu/calendar.hpp"
#include "dacu/model.hpp"
#include "dacu/money.hpp"
#include "dacu/schedule.hpp"
#include "dacu/timefmt.hpp"
#include "dacu/yaml.hpp"

namespace dacu {

namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 8> kStaffingKeys{"orders", "start", "end", "posts",
                                                        "calling", "rotas", "queues", "curves"};
constexpr std::array<std::string_view, 7> kPostKeys{"name", "department", "orders", "share", "capacity", "start", "end"};
constexpr std::array<std::string_view, 8> kCallingKeys{"name", "department", "role", "customers",
                                                       "days", "calls_per_person", "people", "start"};
constexpr std::array<std::string_view, 4> kRotaKeys{"name", "department", "shift", "periods"};
constexpr std::array<std::string_view, 6> kPeriodKeys{"name", "from", "to", "hours", "opens", "heads"};
constexpr std::array<std::string_view, 13> kQueueKeys{
    "name", "department", "role", "contacts", "daily_contacts", "curve", "interval",
    "aht", "service_level", "max_occupancy", "shrinkage", "concurrency", "day"};

// ---------------------------------------------------------------------------------------------
// Reading

Location scalar_start(const yaml::Node& node) {
  Location at = node.where;
  if (node.quoted && at.known()) at.column += 1;
  return at;
}

const Expr* find_name(const Expr& e, std::string_view name) {
  if (e.kind == Expr::Kind::name && e.text == name) return &e;
  for (const auto& o : e.operands) {
    if (const auto* found = find_name(o, name)) return found;
  }
  return nullptr;
}

Formula make_formula(std::string text, const Location& at, const Template& t) {
  Formula f{text, parse_expr(text, at), at};
  auto params = t.parameter_names();
  for (const auto& name : f.expr.names()) {
    if (!t.find_parameter(name)) {
      const auto* node = find_name(f.expr, name);
      throw InputError("D311", node ? node->at : at, fmt::format("unknown name '{}' in formula '{}'", name, text),
                       suggestion(name, params));
    }
  }
  return f;
}

Formula read_formula(const yaml::Node& node, std::string_view what, const Template& t) {
  return make_formula(yaml::scalar(node, what), scalar_start(node), t);
}

// A handle time: a duration (180s, 3min) or a formula in seconds.
Formula read_seconds(const yaml::Node& node, std::string_view what, const Template& t) {
  const auto& text = yaml::scalar(node, what);
  auto at = scalar_start(node);
  if (!text.empty() && text[0] == '-' && parse_duration(std::string_view(text).substr(1))) {
    throw InputError("D203", at, fmt::format("{} '{}' is negative", what, text), "a handle time must be more than 0 s");
  }
  if (auto d = parse_duration(text)) {
    Formula f{text, parse_expr(std::to_string(d->count()), at), at};
    return f;
  }
  return make_formula(text, at, t);
}

std::chrono::seconds read_positive_duration(const yaml::Node& node, std::string_view what, std::string_view code) {
  const auto& text = yaml::scalar(node, what);
  auto d = parse_duration(text);
  if (!d) {
    throw InputError("D023", scalar_start(node), fmt::format("{} '{}' is not a duration", what, text),
                     "write a number and a unit: 30min, 1h, 8h");
  }
  if (d->count() <= 0) {
    throw InputError(std::string(code), scalar_start(node), fmt::format("{} must be longer than 0", what),
                     "write a positive duration: 30min, 1h, 8h");
  }
  return *d;
}

Offset read_day_offset(const yaml::Node& node, std::string_view what, const Template& t) {
  auto names = t.milestone_names();
  return parse_offset(yaml::scalar(node, what), scalar_start(node), names);
}

std::string read_department(const yaml::Fields& f, const Template& t) {
  const auto* node = f.find("department");
  if (!node) return {};
  const auto& name = yaml::scalar(*node, "department");
  if (!t.departments.empty()) {
    std::vector<std::string> names;
    for (const auto& d : t.departments) names.push_back(d.name);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw InputError("D218", node->where, fmt::format("department '{}' is not declared", name), suggestion(name, names));
    }
  }
  return name;
}

// D211 points at the second one's name, the value to change.
template <typename Item>
void check_unique(const std::vector<Item>& items, const std::string& name, const yaml::Node& item, std::string_view what) {
  const auto* name_node = item.find("name");
  const Location& where = name_node ? name_node->where : item.where;
  for (const auto& other : items) {
    if (other.name == name) {
      throw InputError("D211", where, fmt::format("{} {} is defined twice (first on line {})", what, name, other.where.line),
                       "give each one its own name");
    }
  }
}

std::string required_name(const yaml::Fields& f) { return yaml::scalar(f.require("name"), "name"); }

RatioPost read_post(const yaml::Node& node, const Template& t, const std::optional<Formula>& orders,
                    const std::optional<Offset>& start, const std::optional<Offset>& end) {
  yaml::Fields f(node, "a post", kPostKeys);
  RatioPost p;
  p.name = required_name(f);
  p.where = node.where;
  p.department = read_department(f, t);
  if (const auto* n = f.find("orders")) {
    p.orders = read_formula(*n, "orders", t);
  } else if (orders) {
    p.orders = *orders;
  } else {
    throw InputError("D005", node.where, fmt::format("post {} has no orders", p.name),
                     "give `orders:` on the post or on the staffing section, e.g. 日均订单量 × 活动效果系数");
  }
  if (const auto* n = f.find("share")) {
    p.share = read_formula(*n, "share", t);
  } else {
    p.share = Formula{"100%", parse_expr("100%", node.where), node.where};
  }
  p.capacity = read_formula(f.require("capacity"), "capacity", t);
  if (const auto* n = f.find("start")) {
    p.start = read_day_offset(*n, "start", t);
  } else if (start) {
    p.start = *start;
  } else {
    throw InputError("D005", node.where, fmt::format("post {} has no start day", p.name),
                     "give `start:` on the post or on the staffing section, e.g. 开团当天");
  }
  if (const auto* n = f.find("end")) {
    p.end = read_day_offset(*n, "end", t);
  } else if (!f.find("start")) {
    p.end = end;
  }
  return p;
}

CallingCampaign read_calling(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "a calling campaign", kCallingKeys);
  CallingCampaign c;
  c.name = required_name(f);
  c.where = node.where;
  c.department = read_department(f, t);
  if (const auto* n = f.find("role")) c.role = yaml::scalar(*n, "role");
  c.customers = read_formula(f.require("customers"), "customers", t);
  c.days = read_formula(f.require("days"), "days", t);
  if (const auto* n = f.find("calls_per_person")) c.calls_per_person = read_formula(*n, "calls_per_person", t);
  if (const auto* n = f.find("people")) c.people = read_formula(*n, "people", t);
  if (c.calls_per_person.has_value() == c.people.has_value()) {
    throw InputError("D214", node.where,
                     fmt::format("calling campaign {} needs exactly one of calls_per_person and people", c.name),
                     "calls_per_person gives the heads needed; people gives the calls each person makes a day");
  }
  c.start = read_day_offset(f.require("start"), "start", t);
  return c;
}

RotaPeriod read_period(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "a rota period", kPeriodKeys);
  RotaPeriod p;
  p.name = required_name(f);
  p.where = node.where;
  p.from = read_day_offset(f.require("from"), "from", t);
  p.to = read_day_offset(f.require("to"), "to", t);
  p.hours = read_formula(f.require("hours"), "hours", t);
  if (const auto* n = f.find("opens")) {
    auto clock = parse_clock(yaml::scalar(*n, "opens"));
    if (!clock) throw InputError("D020", n->where, fmt::format("'{}' is not a clock time", n->value), "write it as \"08:00\" (quoted)");
    p.opens = *clock;
  }
  const auto& heads = yaml::mapping(f.require("heads"), "heads");
  for (std::size_t i = 0; i < heads.map_size(); ++i) {
    p.heads.emplace_back(heads.key(i).value, read_formula(heads.val(i), heads.key(i).value, t));
  }
  return p;
}

Rota read_rota(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "a rota", kRotaKeys);
  Rota r;
  r.name = required_name(f);
  r.where = node.where;
  r.department = read_department(f, t);
  if (const auto* n = f.find("shift")) {
    r.shift = read_positive_duration(*n, "shift", "D213");
    r.shift_where = n->where;
    if (r.shift > 24h) {
      throw InputError("D213", scalar_start(*n), fmt::format("a shift cannot be longer than 24 hours, got {}", n->value),
                       "a shift is one person's time on duty, e.g. 8h; longer cover takes more shifts");
    }
  }
  for (const auto& item : yaml::sequence(f.require("periods"), "periods").children) {
    auto p = read_period(item, t);
    check_unique(r.periods, p.name, item, "period");
    r.periods.push_back(std::move(p));
  }
  return r;
}

TrafficCurve read_curve(const std::string& name, const yaml::Node& node, const Template& t) {
  TrafficCurve c;
  c.name = name;
  c.where = node.where;
  const auto& m = yaml::mapping(node, "a traffic curve");
  std::set<int> seen;
  for (std::size_t i = 0; i < m.map_size(); ++i) {
    const auto& key = m.key(i);
    std::string text = key.value;
    if (text.size() == 5 && text[2] == ':' && text.substr(3) == "00") text = text.substr(0, 2);
    int hour = -1;
    if (!text.empty() && text.size() <= 2 && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      hour = std::stoi(text);
    }
    if (hour < 0 || hour > 23) {
      throw InputError("D209", key.where, fmt::format("curve {}: '{}' is not an hour of the day", name, key.value),
                       "write hours as 0 to 23, or \"00:00\" to \"23:00\"");
    }
    if (!seen.insert(hour).second) {
      throw InputError("D209", key.where, fmt::format("curve {}: hour {} is given twice", name, hour));
    }
    c.shares.emplace_back(hour, read_formula(m.val(i), "a share", t));
  }
  std::sort(c.shares.begin(), c.shares.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return c;
}

Queue read_queue(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "a queue", kQueueKeys);
  Queue q;
  q.name = required_name(f);
  q.where = node.where;
  q.department = read_department(f, t);
  if (const auto* n = f.find("role")) q.role = yaml::scalar(*n, "role");
  if (const auto* n = f.find("contacts")) q.contacts = read_formula(*n, "contacts", t);
  if (const auto* n = f.find("daily_contacts")) q.daily_contacts = read_formula(*n, "daily_contacts", t);
  if (q.contacts.has_value() == q.daily_contacts.has_value()) {
    throw InputError("D216", node.where, fmt::format("queue {} needs exactly one of contacts and daily_contacts", q.name),
                     "contacts: per interval; daily_contacts: per day, spread over hours by `curve`");
  }
  if (const auto* n = f.find("curve")) {
    q.curve = yaml::scalar(*n, "curve");
    q.curve_where = n->where;
  }
  if (q.daily_contacts && q.curve.empty()) {
    throw InputError("D216", node.where, fmt::format("queue {}: daily_contacts needs a curve", q.name),
                     "name a curve from `staffing.curves` that spreads the day's contacts over its hours");
  }
  if (q.contacts && !q.curve.empty()) {
    throw InputError("D216", q.curve_where, fmt::format("queue {}: a curve spreads daily_contacts, not contacts", q.name),
                     "write daily_contacts instead of contacts");
  }
  if (const auto* n = f.find("interval")) q.interval = read_positive_duration(*n, "interval", "D215");
  if (!q.curve.empty() && q.interval != 1h) {
    throw InputError("D216", f.find("interval")->where, fmt::format("queue {}: a curve gives hourly contacts, so the interval is 1h", q.name));
  }
  q.aht = read_seconds(f.require("aht"), "aht", t);
  const auto& sl = f.require("service_level");
  q.service_level_where = scalar_start(sl);
  auto parsed = parse_service_level(yaml::scalar(sl, "service_level"));
  if (!parsed) {
    throw InputError("D205", q.service_level_where, fmt::format("'{}' is not a service level", sl.value),
                     "write the share and the seconds, e.g. 80/20 (80% answered within 20 s)");
  }
  auto target_text = sl.value.substr(0, sl.value.find_first_of("/ "));
  if (!target_text.ends_with("%")) target_text += "%";
  q.service_level = {Formula{target_text, parse_expr(target_text, q.service_level_where), q.service_level_where}, parsed->second};
  if (const auto* n = f.find("max_occupancy")) q.max_occupancy = read_formula(*n, "max_occupancy", t);
  if (const auto* n = f.find("shrinkage")) q.shrinkage = read_formula(*n, "shrinkage", t);
  if (const auto* n = f.find("concurrency")) q.concurrency = read_formula(*n, "concurrency", t);
  q.day = read_day_offset(f.require("day"), "day", t);
  return q;
}

}  // namespace

std::optional<std::pair<Rational, std::chrono::seconds>> parse_service_level(std::string_view text) {
  auto trim = [](std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    return s;
  };
  std::string_view left, right;
  if (auto slash = text.find('/'); slash != std::string_view::npos) {
    left = trim(text.substr(0, slash));
    right = trim(text.substr(slash + 1));
  } else if (auto in = text.find(" in "); in != std::string_view::npos) {
    left = trim(text.substr(0, in));
    right = trim(text.substr(in + 4));
  } else {
    return std::nullopt;
  }
  if (left.ends_with("%")) left.remove_suffix(1);
  Rational target;
  try {
    target = parse_rational(left) / 100;
  } catch (const Error&) {
    return std::nullopt;
  }
  std::optional<std::chrono::seconds> within;
  if (!right.empty() && std::all_of(right.begin(), right.end(), [](char c) { return c >= '0' && c <= '9'; })) {
    if (right.size() > 9) return std::nullopt;
    within = std::chrono::seconds(std::stoll(std::string(right)));
  } else {
    within = parse_duration(right);
  }
  if (!within) return std::nullopt;
  return std::make_pair(target, *within);
}

Staffing parse_staffing(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "staffing", kStaffingKeys);
  Staffing s;
  s.where = node.where;
  std::optional<Formula> orders;
  std::optional<Offset> start, end;
  if (const auto* n = f.find("orders")) orders = read_formula(*n, "orders", t);
  if (const auto* n = f.find("start")) start = read_day_offset(*n, "start", t);
  if (const auto* n = f.find("end")) end = read_day_offset(*n, "end", t);
  // Curves first: queues name them.
  if (const auto* n = f.find("curves")) {
    const auto& m = yaml::mapping(*n, "curves");
    for (std::size_t i = 0; i < m.map_size(); ++i) s.curves.push_back(read_curve(m.key(i).value, m.val(i), t));
  }
  if (const auto* n = f.find("posts")) {
    for (const auto& item : yaml::sequence(*n, "posts").children) {
      auto p = read_post(item, t, orders, start, end);
      check_unique(s.posts, p.name, item, "post");
      s.posts.push_back(std::move(p));
    }
  }
  if (const auto* n = f.find("calling")) {
    for (const auto& item : yaml::sequence(*n, "calling").children) {
      auto c = read_calling(item, t);
      check_unique(s.calling, c.name, item, "calling campaign");
      s.calling.push_back(std::move(c));
    }
  }
  if (const auto* n = f.find("rotas")) {
    for (const auto& item : yaml::sequence(*n, "rotas").children) {
      auto r = read_rota(item, t);
      check_unique(s.rotas, r.name, item, "rota");
      s.rotas.push_back(std::move(r));
    }
  }
  if (const auto* n = f.find("queues")) {
    std::vector<std::string> curve_names;
    for (const auto& c : s.curves) curve_names.push_back(c.name);
    for (const auto& item : yaml::sequence(*n, "queues").children) {
      auto q = read_queue(item, t);
      check_unique(s.queues, q.name, item, "queue");
      if (!q.curve.empty() && std::find(curve_names.begin(), curve_names.end(), q.curve) == curve_names.end()) {
        throw InputError("D210", q.curve_where, fmt::format("queue {}: no curve named {}", q.name, q.curve),
                         suggestion(q.curve, curve_names));
      }
      s.queues.push_back(std::move(q));
    }
  }
  return s;
}

// ---------------------------------------------------------------------------------------------
// Evaluating

namespace {

/// Parameter values as exact numbers, and formula evaluation against them.
class Values {
 public:
  explicit Values(const Template& t) : t_(t) {
    for (const auto& p : t.parameters) {
      names_.push_back(p.name);
      if (p.value.empty()) continue;
      try {
        switch (p.type) {
          case ParameterType::number:
          case ParameterType::integer:
          case ParameterType::percent:
            values_.emplace(p.name, parse_rational(p.value));
            break;
          case ParameterType::money:
            values_.emplace(p.name, parse_money(p.value, Rounding::none).yuan());
            break;
          default:
            break;
        }
      } catch (const Error&) {
        // checked by the loader; a value that is not a number simply has no numeric value
      }
    }
  }

  /// Where the parameters of a formula got their values, for hints: "配货人效 = 0 (<command line>:1:6)".
  std::string origins(const Formula& f) const {
    std::string out;
    for (const auto& name : f.expr.names()) {
      const auto* p = t_.find_parameter(name);
      if (!p || !p->value_where.known()) continue;
      out += fmt::format("{}{} = {} ({}:{}:{})", out.empty() ? "" : "; ", name, p->value, p->value_where.file_name(),
                         p->value_where.line, p->value_where.column);
    }
    return out;
  }

  Rational operator()(const Formula& f) const {
    for (const auto& name : f.expr.names()) {
      if (values_.count(name)) continue;
      const auto* p = t_.find_parameter(name);
      const auto* node = find_name(f.expr, name);
      Location at = node ? node->at : f.where;
      if (p && p->value.empty()) {
        throw InputError("D221", at, fmt::format("parameter {} has no value", name),
                         fmt::format("give it in the campaign file or with --set {}=…", name));
      }
      if (p) {
        throw InputError("D221", at, fmt::format("parameter {} is not a number and cannot be used in a formula", name));
      }
    }
    return evaluate(f.expr, [this](std::string_view name) -> std::optional<Rational> {
      auto it = values_.find(name);
      if (it == values_.end()) return std::nullopt;
      return it->second;
    }, names_);
  }

 private:
  const Template& t_;
  std::map<std::string, Rational, std::less<>> values_;
  std::vector<std::string> names_;
};

/// Dates offsets against the plan's milestones; absent when checking a template alone.
class Days {
 public:
  Days(const Campaign& c, const Plan& plan) : calendar_(make_calendar(c.plan.calendar)), timezone_(c.plan.timezone.value) {
    for (const auto& m : plan.milestones) moments_.push_back({m.name, LocalDateTime{m.at.local, m.date_only}});
  }
  date::local_days operator()(const Offset& o) const { return evaluate_offset(o, moments_, calendar_, timezone_).at.day(); }

 private:
  Calendar calendar_;
  std::string timezone_;
  std::vector<MilestoneMoment> moments_;
};

std::int64_t ceil_int(const Rational& r) { return r.ceil().numerator(); }

Term term(std::string label, const Formula& f, const Rational& value) { return Term{std::move(label), f.text, value}; }

std::string origin_hint(const Values& values, const Formula& f, std::string_view fallback) {
  auto origins = values.origins(f);
  return origins.empty() ? std::string(fallback) : fmt::format("{}; the values come from {}", fallback, origins);
}

void require_nonnegative(const Rational& v, const Formula& f, std::string_view what, const Values& values) {
  if (v.is_negative()) {
    throw InputError("D202", f.where, fmt::format("{} is negative: {} = {}", what, f.text, v.to_string()),
                     origin_hint(values, f, "check the formula and the parameters it uses"));
  }
}

void require_positive(const Rational& v, const Formula& f, std::string_view what, std::string_view code,
                      const Values& values) {
  if (v <= Rational(0)) {
    throw InputError(std::string(code), f.where,
                     fmt::format("{} must be more than 0: {} = {}", what, f.text, v.to_string()),
                     origin_hint(values, f, v.is_zero() ? "a capacity of zero would need infinitely many people"
                                                        : "check the formula and the parameters it uses"));
  }
}

std::vector<date::local_days> day_range(date::local_days first, date::local_days last) {
  std::vector<date::local_days> out;
  for (auto d = first; d <= last; d += date::days{1}) out.push_back(d);
  return out;
}

StaffLine compute_post(const RatioPost& p, const Values& values, const Days* days) {
  auto orders = values(p.orders);
  require_nonnegative(orders, p.orders, "orders", values);
  auto share = values(p.share);
  if (share.is_negative() || share > Rational(1)) {
    throw InputError("D219", p.share.where,
                     fmt::format("post {}: share must lie between 0% and 100%: {} = {}", p.name, p.share.text,
                                 share.to_string()),
                     "the share is the part of the orders this post handles, e.g. 30%");
  }
  auto capacity = values(p.capacity);
  require_positive(capacity, p.capacity, fmt::format("post {}: capacity (orders one person handles a day)", p.name), "D201", values);
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
    auto first = (*days)(p.start);
    auto last = p.end ? (*days)(*p.end) : first;
    if (last < first) throw InputError("D034", p.end->where, fmt::format("post {} ends before it starts", p.name));
    line.days = day_range(first, last);
  }
  return line;
}

StaffLine compute_calling(const CallingCampaign& c, const Values& values, const Days* days) {
  auto customers = values(c.customers);
  require_nonnegative(customers, c.customers, "customers", values);
  auto n_days = values(c.days);
  // A campaign's calling runs for days, not years: past 366 the figure is a mistake (and each day
  // becomes a row of the day view).
  if (!n_days.is_integer() || n_days <= Rational(0) || n_days > Rational(366)) {
    throw InputError("D214", c.days.where,
                     fmt::format("calling campaign {}: days must be a whole number from 1 to 366, got {}", c.name, n_days.to_string()));
  }
  StaffLine line;
  line.model = StaffLine::Model::calling;
  line.group = c.name;
  line.name = c.role.empty() ? c.name : c.role;
  line.department = c.department;
  line.inputs = {term("客户数", c.customers, customers), term("天数", c.days, n_days)};
  if (c.calls_per_person) {
    auto calls = values(*c.calls_per_person);
    require_positive(calls, *c.calls_per_person, fmt::format("calling campaign {}: calls per person per day", c.name), "D201", values);
    line.inputs.push_back(term("每人每天外呼", *c.calls_per_person, calls));
    line.rule = "ceil(客户数 / (天数 × 每人每天外呼))";
    line.exact = customers / (n_days * calls);
    line.heads = ceil_int(line.exact);
  } else {
    auto people = values(*c.people);
    require_positive(people, *c.people, fmt::format("calling campaign {}: people", c.name), "D201", values);
    line.inputs.push_back(term("人数", *c.people, people));
    line.rule = "每人每天外呼 = 客户数 / (人数 × 天数)";
    line.exact = customers / (people * n_days);
    line.per_person = line.exact.ceil();
    line.heads = ceil_int(people);
  }
  if (days) {
    auto first = (*days)(c.start);
    line.days = day_range(first, first + date::days{n_days.numerator() - 1});
  }
  return line;
}

struct RotaResult {
  std::vector<StaffLine> lines;
  std::vector<RotaDay> days;
  std::vector<RotaShift> shifts;
};

RotaResult compute_rota(const Rota& r, const Values& values, const Days* days) {
  RotaResult out;
  Rational shift_hours(r.shift.count(), 3600);
  std::set<date::local_days> seen;
  for (const auto& p : r.periods) {
    auto hours = values(p.hours);
    if (hours <= Rational(0) || hours > Rational(24)) {
      throw InputError("D212", p.hours.where, fmt::format("rota {} {}: coverage hours must be above 0 and at most 24, got {}", r.name, p.name, hours.to_string()));
    }
    std::vector<std::pair<std::string, std::int64_t>> heads;
    std::int64_t on_duty = 0;
    for (const auto& [role, formula] : p.heads) {
      auto v = values(formula);
      require_nonnegative(v, formula, fmt::format("rota {} {}: heads of {}", r.name, p.name, role), values);
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
    auto first = (*days)(p.from);
    auto last = (*days)(p.to);
    if (last < first) throw InputError("D034", p.to.where, fmt::format("rota {} period {} ends before it starts", r.name, p.name));
    auto shifts_exact = hours / shift_hours;
    auto shifts = ceil_int(shifts_exact);
    for (auto day : day_range(first, last)) {
      if (!seen.insert(day).second) {
        throw InputError("D220", p.where, fmt::format("rota {}: {} is covered by two periods", r.name, format_date(day)),
                         "make the periods' from/to days not overlap");
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
        out.shifts.push_back(RotaShift{r.name, day, static_cast<int>(k + 1), from, to, heads});
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
    throw InputError("D203", q.aht.where, fmt::format("queue {}: handle time must be more than 0 s, got {} s", q.name, aht.to_string()),
                     "write the average handle time, e.g. 180s");
  }
  in.aht = std::chrono::seconds(aht.round().numerator());
  if (in.aht.count() == 0) in.aht = 1s;
  inputs.push_back(term("平均处理时长(秒)", q.aht, aht));
  auto target = values(q.service_level.target);
  if (target >= Rational(1)) {
    throw InputError("D204", q.service_level_where,
                     fmt::format("queue {}: a service level of {} within {} s is unreachable", q.name, q.service_level.target.text, q.service_level.within.count()),
                     "with random arrivals some contacts always wait; aim below 100%, e.g. 80/20");
  }
  if (target <= Rational(0)) {
    throw InputError("D204", q.service_level_where, fmt::format("queue {}: the service level target must be above 0%", q.name));
  }
  in.service_level_target = target.to_double();
  in.answer_within = q.service_level.within;
  inputs.push_back(term("服务水平目标", q.service_level.target, target));
  inputs.push_back(Term{"接通时限(秒)", std::to_string(q.service_level.within.count()), Rational(q.service_level.within.count())});
  if (q.max_occupancy) {
    auto v = values(*q.max_occupancy);
    if (v <= Rational(0) || v > Rational(1)) {
      throw InputError("D206", q.max_occupancy->where, fmt::format("queue {}: maximum occupancy must be above 0% and at most 100%, got {}", q.name, q.max_occupancy->text));
    }
    in.max_occupancy = v.to_double();
    inputs.push_back(term("最高占用率", *q.max_occupancy, v));
  }
  if (q.shrinkage) {
    auto v = values(*q.shrinkage);
    if (v.is_negative() || v >= Rational(1)) {
      throw InputError("D207", q.shrinkage->where, fmt::format("queue {}: shrinkage must be at least 0% and below 100%, got {}", q.name, q.shrinkage->text));
    }
    in.shrinkage = v.to_double();
    inputs.push_back(term("损耗率", *q.shrinkage, v));
  }
  if (q.concurrency) {
    auto v = values(*q.concurrency);
    if (v < Rational(1)) {
      throw InputError("D208", q.concurrency->where, fmt::format("queue {}: concurrency must be at least 1, got {}", q.name, q.concurrency->text),
                       "an agent works at least one chat at a time; 2.5 means two or three chats at once");
    }
    in.concurrency = v.to_double();
    inputs.push_back(term("并发数", *q.concurrency, v));
  }
  return in;
}

QueueResult run_queue(const QueueInput& in, const std::string& name, const Location& where) {
  try {
    return staff_queue(in);
  } catch (const InputError&) {
    throw;
  } catch (const Error& e) {
    std::string what = e.what();
    bool too_big = what.find("too much traffic") != std::string::npos || what.find("more than") != std::string::npos;
    std::string hint = "lower the target or lengthen the answer time";
    if (what.find("最高占用率") != std::string::npos) {
      hint = "raise the maximum occupancy (max_occupancy, e.g. 85%)";
    } else if (what.find("损耗率") != std::string::npos) {
      hint = "lower the shrinkage (shrinkage, e.g. 30%)";
    } else if (too_big) {
      hint = "split the contacts into several queues (by channel, shop or hour)";
    }
    throw InputError(too_big ? "D217" : "D204", where, fmt::format("queue {}: {}", name, what), hint);
  }
}

QueueSummary compute_queue(const Queue& q, const Staffing& s, const Values& values, const Days* days) {
  QueueSummary out;
  out.name = q.name;
  out.department = q.department;
  out.role = q.role;
  out.curve = q.curve;
  out.interval = q.interval;
  auto in = queue_input(q, values, out.inputs);
  if (q.contacts) {
    auto contacts = values(*q.contacts);
    require_nonnegative(contacts, *q.contacts, fmt::format("queue {}: contacts", q.name), values);
    out.inputs.insert(out.inputs.begin(), term("咨询量/时段", *q.contacts, contacts));
    in.contacts = contacts.to_double();
    out.intervals.push_back(QueueInterval{q.name, std::nullopt, contacts, run_queue(in, q.name, q.where)});
  } else {
    auto daily = values(*q.daily_contacts);
    require_nonnegative(daily, *q.daily_contacts, fmt::format("queue {}: daily contacts", q.name), values);
    out.inputs.insert(out.inputs.begin(), term("日咨询量", *q.daily_contacts, daily));
    const auto& curve = *std::find_if(s.curves.begin(), s.curves.end(), [&](const TrafficCurve& c) { return c.name == q.curve; });
    Rational total;
    for (const auto& [hour, share_formula] : curve.shares) {
      auto share = values(share_formula);
      if (share.is_negative()) throw InputError("D209", share_formula.where, fmt::format("curve {}: hour {} has a negative share", curve.name, hour));
      total += share;
    }
    if (total != Rational(1)) {
      throw InputError("D209", curve.where, fmt::format("curve {}: the hourly shares add up to {}%, not 100%", curve.name, (total * 100).to_string()),
                       "the shares say what part of the day's contacts arrives in each hour");
    }
    for (const auto& [hour, share_formula] : curve.shares) {
      auto contacts = daily * values(share_formula);
      in.contacts = contacts.to_double();
      out.intervals.push_back(QueueInterval{q.name, hour, contacts, run_queue(in, q.name, q.where)});
    }
  }
  for (const auto& i : out.intervals) {
    out.peak_agents = std::max<std::int64_t>(out.peak_agents, i.result.agents);
    out.peak_heads = std::max<std::int64_t>(out.peak_heads, i.result.agents_after_shrinkage);
  }
  if (days) out.day = (*days)(q.day);
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
  for (const auto& p : s.posts) {
    auto line = compute_post(p, values, &days);
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
  for (const auto& q : s.queues) {
    auto summary = compute_queue(q, s, values, &days);
    Rational person_hours;
    for (const auto& i : summary.intervals) person_hours += Rational(i.result.agents_after_shrinkage) * Rational(summary.interval.count(), 3600);
    report.days.push_back(StaffDay{summary.day, q.name, summary.role.empty() ? q.name : summary.role, q.department, summary.peak_heads, 0, 0, person_hours});
    report.lines.push_back(queue_line(summary));
    report.queues.push_back(std::move(summary));
  }
  std::stable_sort(report.days.begin(), report.days.end(), [](const StaffDay& a, const StaffDay& b) { return a.day < b.day; });
  std::stable_sort(report.shifts.begin(), report.shifts.end(), [](const RotaShift& a, const RotaShift& b) { return a.day < b.day; });
  return report;
}

namespace {

// Every model computed, its first problem collected; with `days`, also what needs dates.
std::vector<Diagnostic> check_models(const Template& t, const Days* days) {
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
  for (const auto& p : s.posts) collect([&] { compute_post(p, values, days); });
  for (const auto& c : s.calling) collect([&] { compute_calling(c, values, days); });
  for (const auto& r : s.rotas) collect([&] { compute_rota(r, values, days); });
  for (const auto& q : s.queues) collect([&] { compute_queue(q, s, values, days); });
  sort_diagnostics(out);
  return out;
}

}  // namespace

std::vector<Diagnostic> check_staffing(const Template& t) { return check_models(t, nullptr); }

std::vector<Diagnostic> check_staffing(const Campaign& campaign, const Plan& plan) {
  if (!campaign.plan.staffing) return {};
  Days days(campaign, plan);
  return check_models(campaign.plan, &days);
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
  auto duration = [&](std::string_view option, const std::string& value, std::string_view code) {
    auto at = source_of(option, value);
    if (!value.empty() && value[0] == '-' && parse_duration(std::string_view(value).substr(1))) {
      throw InputError(std::string(code), at, fmt::format("{} {} is negative", option, value), "give a time above 0, e.g. 180s");
    }
    auto d = parse_duration(value);
    if (!d) throw InputError("D023", at, fmt::format("{} '{}' is not a duration", option, value), "write a number and a unit: 20s, 3min, 30m, 1h");
    return *d;
  };
  Queue q;
  q.name = "erlang";
  q.where = source_of("--contacts", question.contacts);  // what a queue-wide problem (D217) points at
  q.contacts = formula("--contacts", question.contacts);
  q.interval = duration("--interval", question.interval, "D215");
  if (q.interval.count() == 0) throw InputError("D215", source_of("--interval", question.interval), "--interval must be longer than 0");
  {
    auto at = source_of("--aht", question.aht);
    auto secs = duration("--aht", question.aht, "D203");
    q.aht = Formula{question.aht, parse_expr(std::to_string(secs.count()), at), at};
  }
  q.service_level_where = source_of("--sl", question.service_level);
  auto sl = parse_service_level(question.service_level);
  if (!sl) {
    throw InputError("D205", q.service_level_where, fmt::format("'{}' is not a service level", question.service_level),
                     "write the share and the seconds, e.g. --sl 80/20 (80% answered within 20 s)");
  }
  auto target_text = question.service_level.substr(0, question.service_level.find_first_of("/ "));
  if (!target_text.ends_with("%")) target_text += "%";
  q.service_level = {Formula{target_text, parse_expr(target_text, q.service_level_where), q.service_level_where}, sl->second};
  if (!question.max_occupancy.empty()) q.max_occupancy = formula("--max-occupancy", question.max_occupancy);
  if (!question.shrinkage.empty()) q.shrinkage = formula("--shrinkage", question.shrinkage);
  if (!question.concurrency.empty()) q.concurrency = formula("--concurrency", question.concurrency);
  Staffing s;
  Values values(none);
  return compute_queue(q, s, values, nullptr);
}

}  // namespace dacu
