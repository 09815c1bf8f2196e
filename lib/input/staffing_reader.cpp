#include "dacu/input/staffing_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <set>

#include "dacu/base/timefmt.hpp"
#include "dacu/input/options.hpp"
#include "dacu/input/reader_support.hpp"
#include "dacu/input/staffing_tables_reader.hpp"
#include "dacu/input/waves_reader.hpp"

namespace dacu::reader {

using namespace std::chrono_literals;

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
      throw input_error("D311.in-formula", node ? node->at : at, {{"name", name}, {"formula", text}, {"advice", suggestion(name, params)}});
    }
  }
  return f;
}

namespace {

using namespace std::chrono_literals;

constexpr std::array<std::string_view, 10> kStaffingKeys{"orders", "start", "end", "posts",
                                                        "calling", "rotas", "queues", "curves", "source", "tables"};
constexpr std::array<std::string_view, 9> kPostKeys{"name", "department", "orders", "share", "capacity", "start", "end", "source", "wave"};
constexpr std::array<std::string_view, 10> kCallingKeys{"name", "department", "role", "customers", "days",
                                                        "calls_per_person", "people", "start", "task", "source"};
constexpr std::array<std::string_view, 5> kRotaKeys{"name", "department", "shift", "periods", "source"};
constexpr std::array<std::string_view, 6> kPeriodKeys{"name", "from", "to", "hours", "opens", "heads"};
constexpr std::array<std::string_view, 15> kQueueKeys{
    "name", "department", "role", "contacts", "daily_contacts", "curve", "interval",
    "aht", "service_level", "max_occupancy", "shrinkage", "concurrency", "day", "source", "wave"};

// ---------------------------------------------------------------------------------------------
// Reading



Formula read_formula(const yaml::Node& node, std::string_view what, const Template& t) {
  return make_formula(yaml::scalar(node, what), node.text_where(), t);
}

// A handle time: a duration (180s, 3min) or a formula in seconds.
Formula read_seconds(const yaml::Node& node, std::string_view what, const Template& t) {
  const auto& text = yaml::scalar(node, what);
  auto at = node.text_where();
  if (!text.empty() && text[0] == '-' && parse_duration(std::string_view(text).substr(1))) {
    throw input_error("D203.negative-handle-time", at, {{"what", what}, {"value", text}});
  }
  if (auto d = parse_duration(text)) {
    Formula f{text, parse_expr(std::to_string(d->count()), at), at};
    return f;
  }
  return make_formula(text, at, t);
}

// A shift (D213) or a queue's interval (D215): a duration above 0.
std::chrono::seconds read_positive_duration(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  auto d = parse_duration(text);
  if (!d) {
    throw input_error("D023.named-duration", node.text_where(), {{"what", what}, {"value", text}});
  }
  if (d->count() <= 0) {
    throw input_error(what == "shift" ? "D213.not-positive" : "D215.not-positive", node.text_where(), {{"what", what}});
  }
  return *d;
}

// `each`: a post or queue written with `wave: each` names its wave's milestones unqualified
// (尾款开始后1天), as a task does.
Offset read_day_offset(const yaml::Node& node, std::string_view what, const Template& t, bool each = false) {
  auto names = offset_names(t, each);
  return parse_offset(yaml::scalar(node, what), node.text_where(), names);
}

std::string read_department(const yaml::Fields& f, const Template& t) {
  const auto* node = f.find("department");
  if (!node) return {};
  const auto& name = yaml::scalar(*node, "department");
  if (!t.departments.empty()) {
    std::vector<std::string> names;
    for (const auto& d : t.departments) names.push_back(d.name);
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      throw input_error("D218", node->where, {{"name", name}, {"advice", suggestion(name, names)}});
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
      throw input_error("D211", where, {{"what", what}, {"name", name}, {"line", other.where.line}});
    }
  }
}

std::string required_name(const yaml::Fields& f) { return yaml::scalar(f.require("name"), "name"); }

RatioPost read_post(const yaml::Node& node, const Template& t, const std::optional<Formula>& orders,
                    const std::optional<Offset>& start, const std::optional<Offset>& end) {
  yaml::Fields f(node, message("reader.a-post"), kPostKeys);
  RatioPost p;
  p.name = required_name(f);
  p.where = node.where;
  p.source = read_source(f);
  p.department = read_department(f, t);
  if (const auto* n = f.find("orders")) {
    p.orders = read_formula(*n, "orders", t);
  } else if (orders) {
    p.orders = *orders;
  } else {
    throw input_error("D005.post-orders", node.where, {{"name", p.name}});
  }
  if (const auto* n = f.find("share")) {
    p.share = read_formula(*n, "share", t);
  } else {
    p.share = Formula{"100%", parse_expr("100%", node.where), node.where};
  }
  p.capacity = read_formula(f.require("capacity"), "capacity", t);
  p.each_wave = read_wave_marker(f);  // D123 for a value other than each
  if (const auto* n = f.find("start")) {
    p.start = read_day_offset(*n, "start", t, p.each_wave);
  } else if (start) {
    p.start = *start;
  } else {
    throw input_error("D005.post-start", node.where, {{"name", p.name}});
  }
  if (const auto* n = f.find("end")) {
    p.end = read_day_offset(*n, "end", t, p.each_wave);
  } else if (!f.find("start")) {
    p.end = end;
  }
  return p;
}

CallingCampaign read_calling(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, message("reader.a-calling-campaign"), kCallingKeys);
  CallingCampaign c;
  c.name = required_name(f);
  c.where = node.where;
  c.source = read_source(f);
  c.department = read_department(f, t);
  if (const auto* n = f.find("role")) c.role = yaml::scalar(*n, "role");
  c.customers = read_formula(f.require("customers"), "customers", t);
  if (const auto* n = f.find("calls_per_person")) c.calls_per_person = read_formula(*n, "calls_per_person", t);
  if (const auto* n = f.find("people")) c.people = read_formula(*n, "people", t);
  if (c.calls_per_person.has_value() == c.people.has_value()) {
    throw input_error("D214.calls-or-people", node.where, {{"name", c.name}});
  }
  if (const auto* n = f.find("task")) {
    c.task = yaml::scalar(*n, "task");
    c.task_where = n->where;
    if (const auto* extra = f.find("days") ? f.find("days") : f.find("start")) {
      throw input_error("D214.task-days", extra->where, {{"name", c.name}, {"task", c.task}});
    }
    bool known = std::any_of(t.tasks.begin(), t.tasks.end(), [&](const Task& task) { return task.name == c.task; });
    if (!known) {
      std::vector<std::string> names;
      for (const auto& task : t.tasks) names.push_back(task.name);
      throw input_error("D222.calling-task", n->where, {{"name", c.name}, {"task", c.task}, {"advice", suggestion(c.task, names)}});
    }
    return c;
  }
  c.days = read_formula(f.require("days"), "days", t);
  c.start = read_day_offset(f.require("start"), "start", t);
  return c;
}

RotaPeriod read_period(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, message("reader.a-rota-period"), kPeriodKeys);
  RotaPeriod p;
  p.name = required_name(f);
  p.where = node.where;
  p.from = read_day_offset(f.require("from"), "from", t);
  p.to = read_day_offset(f.require("to"), "to", t);
  p.hours = read_formula(f.require("hours"), "hours", t);
  if (const auto* n = f.find("opens")) {
    auto clock = parse_clock(yaml::scalar(*n, "opens"));
    if (!clock) throw input_error("D020.clock-time", n->where, {{"value", n->value}});
    p.opens = *clock;
  }
  const auto& heads = yaml::mapping(f.require("heads"), "heads");
  for (std::size_t i = 0; i < heads.map_size(); ++i) {
    p.heads.emplace_back(heads.key(i).value, read_formula(heads.val(i), heads.key(i).value, t));
  }
  return p;
}

Rota read_rota(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, message("reader.a-rota"), kRotaKeys);
  Rota r;
  r.name = required_name(f);
  r.where = node.where;
  r.source = read_source(f);
  r.department = read_department(f, t);
  if (const auto* n = f.find("shift")) {
    r.shift = read_positive_duration(*n, "shift");
    r.shift_where = n->where;
    if (r.shift > 24h) {
      throw input_error("D213.long-shift", n->text_where(), {{"value", n->value}});
    }
  }
  for (const auto& item : yaml::sequence(f.require("periods"), "periods").children) {
    auto p = read_period(item, t);
    check_unique(r.periods, p.name, item, message("reader.period"));
    r.periods.push_back(std::move(p));
  }
  return r;
}

TrafficCurve read_curve(const std::string& name, const yaml::Node& node, const Template& t) {
  TrafficCurve c;
  c.name = name;
  c.where = node.where;
  const auto& m = yaml::mapping(node, message("reader.a-traffic-curve"));
  std::set<int> seen;
  for (std::size_t i = 0; i < m.map_size(); ++i) {
    const auto& key = m.key(i);
    if (key.value == "source") {  // where the shares come from (model/source.hpp)
      c.source = SourceRef{yaml::scalar(m.val(i), "source"), m.val(i).text_where()};
      continue;
    }
    std::string text = key.value;
    if (text.size() == 5 && text[2] == ':' && text.substr(3) == "00") text = text.substr(0, 2);
    int hour = -1;
    if (!text.empty() && text.size() <= 2 && std::all_of(text.begin(), text.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) {
      hour = std::stoi(text);
    }
    if (hour < 0 || hour > 23) {
      throw input_error("D209.curve-hour", key.where, {{"curve", name}, {"value", key.value}});
    }
    if (!seen.insert(hour).second) {
      throw input_error("D209.hour-twice", key.where, {{"curve", name}, {"hour", hour}});
    }
    c.shares.emplace_back(hour, read_formula(m.val(i), message("reader.a-share"), t));
  }
  std::sort(c.shares.begin(), c.shares.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  return c;
}

Queue read_queue(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, message("reader.a-queue"), kQueueKeys);
  Queue q;
  q.name = required_name(f);
  q.where = node.where;
  q.source = read_source(f);
  q.department = read_department(f, t);
  if (const auto* n = f.find("role")) q.role = yaml::scalar(*n, "role");
  if (const auto* n = f.find("contacts")) q.contacts = read_formula(*n, "contacts", t);
  if (const auto* n = f.find("daily_contacts")) q.daily_contacts = read_formula(*n, "daily_contacts", t);
  if (q.contacts.has_value() == q.daily_contacts.has_value()) {
    throw input_error("D216.contacts", node.where, {{"name", q.name}});
  }
  if (const auto* n = f.find("curve")) {
    q.curve = yaml::scalar(*n, "curve");
    q.curve_where = n->where;
  }
  if (q.daily_contacts && q.curve.empty()) {
    throw input_error("D216.needs-curve", node.where, {{"name", q.name}});
  }
  if (q.contacts && !q.curve.empty()) {
    throw input_error("D216.curve-contacts", q.curve_where, {{"name", q.name}});
  }
  if (const auto* n = f.find("interval")) q.interval = read_positive_duration(*n, "interval");
  if (!q.curve.empty() && q.interval != 1h) {
    throw input_error("D216.curve-interval", f.find("interval")->where, {{"name", q.name}});
  }
  q.aht = read_seconds(f.require("aht"), "aht", t);
  const auto& sl = f.require("service_level");
  q.service_level_where = sl.text_where();
  auto parsed = parse_service_level(yaml::scalar(sl, "service_level"));
  if (!parsed) {
    throw input_error("D205.service-level", q.service_level_where, {{"value", sl.value}});
  }
  auto target_text = sl.value.substr(0, sl.value.find_first_of("/ "));
  if (!target_text.ends_with("%")) target_text += "%";
  q.service_level = {Formula{target_text, parse_expr(target_text, q.service_level_where), q.service_level_where}, parsed->second};
  if (const auto* n = f.find("max_occupancy")) q.max_occupancy = read_formula(*n, "max_occupancy", t);
  if (const auto* n = f.find("shrinkage")) q.shrinkage = read_formula(*n, "shrinkage", t);
  if (const auto* n = f.find("concurrency")) q.concurrency = read_formula(*n, "concurrency", t);
  q.each_wave = read_wave_marker(f);
  q.day = read_day_offset(f.require("day"), "day", t, q.each_wave);
  return q;
}

}  // namespace




Staffing parse_staffing(const yaml::Node& node, const Template& t) {
  yaml::Fields f(node, "staffing", kStaffingKeys);
  Staffing s;
  s.where = node.where;
  std::optional<Formula> orders;
  std::optional<Offset> start, end;
  if (const auto* n = f.find("orders")) orders = read_formula(*n, "orders", t);
  s.orders_source = read_source(f);
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
      check_unique(s.posts, p.name, item, message("reader.post"));
      s.posts.push_back(std::move(p));
    }
  }
  if (const auto* n = f.find("calling")) {
    for (const auto& item : yaml::sequence(*n, "calling").children) {
      auto c = read_calling(item, t);
      check_unique(s.calling, c.name, item, message("reader.calling-campaign"));
      s.calling.push_back(std::move(c));
    }
  }
  if (const auto* n = f.find("rotas")) {
    for (const auto& item : yaml::sequence(*n, "rotas").children) {
      auto r = read_rota(item, t);
      check_unique(s.rotas, r.name, item, message("reader.rota"));
      s.rotas.push_back(std::move(r));
    }
  }
  if (const auto* n = f.find("queues")) {
    std::vector<std::string> curve_names;
    for (const auto& c : s.curves) curve_names.push_back(c.name);
    for (const auto& item : yaml::sequence(*n, "queues").children) {
      auto q = read_queue(item, t);
      check_unique(s.queues, q.name, item, message("reader.queue"));
      if (!q.curve.empty() && std::find(curve_names.begin(), curve_names.end(), q.curve) == curve_names.end()) {
        throw input_error("D210", q.curve_where, {{"name", q.name}, {"curve", q.curve}, {"advice", suggestion(q.curve, curve_names)}});
      }
      s.queues.push_back(std::move(q));
    }
  }
  if (const auto* n = f.find("tables")) s.tables = parse_staffing_tables(*n, t);
  return s;
}

}  // namespace dacu::reader
