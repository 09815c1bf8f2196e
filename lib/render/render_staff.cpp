#include "dacu/render/render_staff.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>

#include "dacu/base/error.hpp"
#include "dacu/base/table.hpp"
#include "dacu/base/visible.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/json.hpp"
#include "dacu/render/render_staff_tables.hpp"
#include "dacu/render/xlsx.hpp"

namespace dacu {

namespace {

struct Labels {
  std::string_view template_, model, item, name, department, inputs, rule, exact, heads, days, day, source, on_duty,
      shifts, people, person_hours, shift, time, roles, queue, hour, contacts, traffic, agents, service_level, asa,
      occupancy, scheduled, post, calling, rota, queue_model, calls_per_person, notes, input, value, result,
      probability_wait, none, by_role, by_day, by_shift, by_hour, interval, rota_on_duty, short_by, binding, targets,
      met, unbounded, by_service_level, by_max_occupancy, by_agents, by_max_agents, sl_missed, occupancy_missed;
};
constexpr Labels kZh{"模板", "模型", "项目", "岗位/角色", "部门", "输入", "规则", "未取整", "人数", "日期", "日期", "来源",
                     "在岗", "班次", "人数", "人时", "班次", "时间", "在岗人数", "队列", "时段", "咨询量", "话务量(Erl)",
                     "坐席", "服务水平", "平均应答(秒)", "占用率", "排班人数", "岗位", "外呼", "排班", "排队",
                     "通/人/天", "说明", "输入", "值", "结果", "等待概率", "无", "按岗位", "按日", "按班次", "按小时",
                     "统计时段", "排班在岗", "缺口", "决定因素", "目标", "达标", "无限（坐席不多于话务量，排队越来越长）",
                     "服务水平", "最高占用率", "给定坐席数", "坐席上限", "服务水平 {} 低于目标 {}", "占用率 {} 高于上限 {}"};
constexpr Labels kEn{"template", "model", "item", "post/role", "department", "inputs", "rule", "before rounding",
                     "heads", "days", "day", "source", "on duty", "shifts", "people", "person-hours", "shift", "time",
                     "heads on duty", "queue", "interval", "contacts", "traffic (Erl)", "agents", "service level",
                     "ASA (s)", "occupancy", "heads scheduled", "post", "calling", "rota", "queue", "calls/person/day",
                     "Notes", "input", "value", "result", "probability of waiting", "none", "by role", "by day",
                     "by shift", "by hour", "interval", "on duty (rota)", "short by", "binding", "targets", "met",
                     "unbounded (no more agents than Erlangs: the queue keeps growing)", "service level",
                     "max occupancy", "agents given", "max agents", "service level {} below the {} target",
                     "occupancy {} above the {} cap"};
const Labels& labels(Lang lang) { return lang == Lang::en ? kEn : kZh; }

std::string s(std::string_view v) { return std::string(v); }

std::string_view model_name(StaffLine::Model m, const Labels& l) {
  switch (m) {
    case StaffLine::Model::post: return l.post;
    case StaffLine::Model::calling: return l.calling;
    case StaffLine::Model::rota: return l.rota;
    case StaffLine::Model::queue: return l.queue_model;
  }
  return "?";
}

// The inputs' labels are Chinese in the report; --lang en shows them in English.
std::string term_label(std::string_view label, Lang lang) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 16> kEnglish{{
      {"订单量", "orders"}, {"占比", "share"}, {"人效", "capacity"}, {"客户数", "customers"}, {"天数", "days"},
      {"每人每天外呼", "calls per person per day"}, {"人数", "people"}, {"在岗人数", "heads on duty"},
      {"覆盖小时", "coverage hours"}, {"班长(小时)", "shift (hours)"}, {"咨询量/时段", "contacts per interval"},
      {"日咨询量", "contacts per day"}, {"平均处理时长(秒)", "AHT (s)"}, {"服务水平目标", "service level target"},
      {"接通时限(秒)", "answer within (s)"}, {"最高占用率", "max occupancy"},
  }};
  if (lang == Lang::en) {
    for (auto [zh, en] : kEnglish) {
      if (zh == label) return std::string(en);
    }
    if (label == "损耗率") return "shrinkage";
    if (label == "有效并发数") return "effective concurrency";
  }
  return std::string(label);
}

// A parameter named like its label needs no repeat; a literal such as 100% needs no "= value".
std::string show_term(const Term& t, Lang lang) {
  auto value = show_number(t.value);
  auto label = term_label(t.label, lang);
  if (t.formula.empty() || t.formula == t.label) return fmt::format("{} = {}", label, value);
  if (t.formula == value || t.literal) return fmt::format("{} = {}", label, t.formula);
  return fmt::format("{} = {} = {}", label, t.formula, value);
}

std::string show_terms(const std::vector<Term>& terms, Lang lang) {
  std::string out;
  for (const auto& t : terms) {
    if (!out.empty()) out += "; ";
    out += show_term(t, lang);
  }
  return out;
}

std::string show_days(const std::vector<date::local_days>& days) {
  if (days.empty()) return {};
  if (days.size() == 1) return format_date(days.front());
  return fmt::format("{} – {}", format_date(days.front()), format_date(days.back()));
}

// A time after the day's midnight as a rota counts it: shifts end at 24:00 and night shifts run
// past it (28:00). format_clock would write 次日00:00 there, a change to what dacu staff prints
// that is not this function's to make; times within the day go through it.
// A shift's start or end in its day: 08:00, an end at 24:00, and what runs past midnight on the
// next day (次日00:00, 次日04:00).
std::string day_clock(std::chrono::minutes m, const Labels& l, bool end) {
  bool en = &l == &kEn;
  if (!end && m == std::chrono::hours(24)) return en ? "next day 00:00" : "次日00:00";
  return format_clock(m, en);
}

std::string show_heads(const std::vector<std::pair<std::string, std::int64_t>>& heads) {
  std::string out;
  for (const auto& [role, n] : heads) {
    if (!out.empty()) out += " · ";
    out += fmt::format("{} {}", role, n);
  }
  return out;
}

std::string percent(double share) { return fmt::format("{:.1f}%", share * 100); }

std::string_view binding_label(Binding b, const Labels& l) {
  switch (b) {
    case Binding::service_level: return l.by_service_level;
    case Binding::max_occupancy: return l.by_max_occupancy;
    case Binding::agents: return l.by_agents;
    case Binding::max_agents: return l.by_max_agents;
    case Binding::none: return "";
  }
  return "";
}

// ASA in seconds; with no more agents than Erlangs there is none to show.
std::string show_asa(double seconds, const Labels& l) {
  return std::isfinite(seconds) ? fmt::format("{:.1f}", seconds) : std::string(l.unbounded);
}

Table role_table(const StaffReport& r, const Labels& l, Lang lang) {
  Table t{{s(l.model), s(l.item), s(l.name), s(l.department), s(l.inputs), s(l.rule), s(l.exact), s(l.heads), s(l.days)}, {}, {}};
  t.align = {Align::left, Align::left, Align::left, Align::left, Align::left, Align::left, Align::right, Align::right};
  for (const auto& line : r.lines) {
    auto exact = show_number(line.exact);
    if (line.per_person) exact += fmt::format(" {}", l.calls_per_person);
    t.rows.push_back({s(model_name(line.model, l)), line.group, line.name, line.department, show_terms(line.inputs, lang), line.rule,
                      number_cell(exact), number_cell(std::to_string(line.heads)), show_days(line.days)});
  }
  return t;
}

Table day_table(const StaffReport& r, const Labels& l) {
  Table t{{s(l.day), s(l.source), s(l.name), s(l.department), s(l.on_duty), s(l.shifts), s(l.people), s(l.person_hours)}, {}, {}};
  t.align = {Align::left, Align::left, Align::left, Align::left, Align::right, Align::right, Align::right, Align::right};
  for (const auto& d : r.days) {
    t.rows.push_back({format_date(d.day), d.source, d.name, d.department, number_cell(std::to_string(d.heads)),
                      number_cell(d.shifts ? std::to_string(d.shifts) : ""), number_cell(d.people ? std::to_string(d.people) : ""),
                      number_cell(d.person_hours ? show_number(*d.person_hours) : "")});
  }
  return t;
}

Table shift_table(const StaffReport& r, const Labels& l) {
  Table t{{s(l.day), s(l.rota), s(l.shift), s(l.time), s(l.roles)}, {}, {}};
  t.align = {Align::left, Align::left, Align::right};
  for (const auto& sh : r.shifts) {
    t.rows.push_back({format_date(sh.day), sh.rota, number_cell(std::to_string(sh.number)),
                      fmt::format("{}–{}", day_clock(sh.from, l, false), day_clock(sh.to, l, true)), show_heads(sh.heads)});
  }
  return t;
}

std::string show_interval(const QueueSummary& q, const QueueInterval& i) {
  if (i.hour) return fmt::format("{}–{}", format_clock(std::chrono::hours(*i.hour)), format_clock(std::chrono::hours(*i.hour + 1)));
  return format_duration(q.interval);
}

Table hour_table(const std::vector<QueueSummary>& queues, const Labels& l) {
  // A rota that staffs a queue's role adds its heads on duty and the shortfall, hour by hour.
  bool rota = std::any_of(queues.begin(), queues.end(), [](const QueueSummary& q) {
    return std::any_of(q.intervals.begin(), q.intervals.end(), [](const QueueInterval& i) { return i.on_duty.has_value(); });
  });
  Table t{{s(l.queue), s(l.hour), s(l.contacts), s(l.traffic), s(l.agents), s(l.service_level), s(l.asa), s(l.occupancy),
           s(l.scheduled), s(l.binding)}, {}, {}};
  t.align = {Align::left, Align::left, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right, Align::right,
             Align::left};
  if (rota) {
    t.header.push_back(s(l.rota_on_duty));
    t.header.push_back(s(l.short_by));
    t.align.push_back(Align::right);
    t.align.push_back(Align::right);
  }
  for (const auto& q : queues) {
    for (const auto& i : q.intervals) {
      t.rows.push_back({q.name, show_interval(q, i), number_cell(show_number(i.contacts)),
                        number_cell(fmt::format("{:.2f}", i.result.traffic_erlangs)), number_cell(std::to_string(i.result.agents)),
                        number_cell(percent(i.result.service_level)), number_cell(show_asa(i.result.asa_seconds, l)),
                        number_cell(percent(i.result.occupancy)), number_cell(std::to_string(i.result.agents_after_shrinkage)),
                        s(binding_label(i.result.binding, l))});
      if (rota) {
        t.rows.back().push_back(number_cell(i.on_duty ? std::to_string(*i.on_duty) : std::string()));
        t.rows.back().push_back(number_cell(i.short_by > 0 ? std::to_string(i.short_by) : std::string()));
      }
    }
  }
  return t;
}

Table view_table(const StaffReport& r, StaffView view, const Labels& l, Lang lang) {
  switch (view) {
    case StaffView::role: return role_table(r, l, lang);
    case StaffView::day: return day_table(r, l);
    case StaffView::shift: return shift_table(r, l);
    case StaffView::hour: return hour_table(r.queues, l);
    case StaffView::table: return staff_tables_table(r.tables, lang);
  }
  return {};
}

std::string_view view_title(StaffView view, const Labels& l) {
  switch (view) {
    case StaffView::role: return l.by_role;
    case StaffView::day: return l.by_day;
    case StaffView::shift: return l.by_shift;
    case StaffView::hour: return l.by_hour;
    case StaffView::table: return {};
  }
  return "";
}

std::string queue_heading(const QueueSummary& q, Lang lang) {
  std::string out = q.name;
  if (!q.role.empty() || !q.department.empty()) out += fmt::format(" ({})", q.role.empty() ? q.department : q.department + " " + q.role);
  return fmt::format("{}: {}", out, show_terms(q.inputs, lang));
}

json::Value terms_json(const std::vector<Term>& terms) {
  auto out = json::Value::array();
  for (const auto& t : terms) {
    out.push_back(json::Value::object({{"label", t.label}, {"formula", t.formula}, {"value", t.value.to_string()}}));
  }
  return out;
}

json::Value days_json(const std::vector<date::local_days>& days) {
  auto out = json::Value::array();
  for (auto d : days) out.push_back(format_date(d));
  return out;
}

json::Value result_json(const QueueResult& r) {
  return json::Value::object({{"agents", r.agents}, {"agents_after_shrinkage", r.agents_after_shrinkage},
                              {"traffic_erlangs", r.traffic_erlangs}, {"service_level", r.service_level},
                              {"asa_seconds", std::isfinite(r.asa_seconds) ? json::Value(r.asa_seconds) : json::Value(nullptr)},
                              {"occupancy", r.occupancy},
                              {"probability_wait", r.probability_wait}, {"binding", std::string(binding_name(r.binding))},
                              {"service_level_met", r.service_level_met}, {"occupancy_met", r.occupancy_met}});
}

// Heads by role, in the order the report lists the roles.
json::Value heads_json(const std::vector<std::pair<std::string, std::int64_t>>& heads) {
  auto out = json::Value::object();
  for (const auto& [role, n] : heads) out[role] = n;
  return out;
}

json::Value queue_json(const QueueSummary& q, bool dated) {
  auto j = json::Value::object({{"name", q.name}, {"department", json::maybe(q.department)}, {"role", json::maybe(q.role)}});
  if (dated) j["day"] = format_date(q.day);
  j["curve"] = json::maybe(q.curve);
  j["interval_seconds"] = q.interval.count();
  j["inputs"] = terms_json(q.inputs);
  j["peak_agents"] = q.peak_agents;
  j["peak_heads"] = q.peak_heads;
  auto intervals = json::Value::array();
  for (const auto& i : q.intervals) {
    auto x = json::Value::object({{"hour", i.hour}, {"contacts", i.contacts.to_string()}});
    x.update(result_json(i.result));
    x["on_duty"] = i.on_duty;
    x["short_by"] = i.on_duty ? json::Value(i.short_by) : json::Value(nullptr);
    intervals.push_back(std::move(x));
  }
  j["intervals"] = std::move(intervals);
  return j;
}

std::string model_key(StaffLine::Model m) { return s(model_name(m, kEn)); }

std::string report_json(const StaffReport& r, const RenderOptions& options) {
  auto doc = json_header(options, r.campaign);
  doc["template"] = r.template_name;
  auto lines = json::Value::array();
  for (const auto& line : r.lines) {
    lines.push_back(json::Value::object({{"model", model_key(line.model)},
                                         {"group", line.group},
                                         {"name", line.name},
                                         {"department", line.department},
                                         {"inputs", terms_json(line.inputs)},
                                         {"rule", line.rule},
                                         {"exact", line.exact.to_string()},
                                         {"heads", line.heads},
                                         {"calls_per_person_per_day",
                                          json::maybe(line.per_person, [](const Rational& v) { return v.to_string(); })},
                                         {"days", days_json(line.days)}}));
  }
  doc["lines"] = std::move(lines);
  auto days = json::Value::array();
  for (const auto& d : r.days) {
    days.push_back(json::Value::object({{"day", format_date(d.day)}, {"source", d.source}, {"name", d.name},
                                        {"department", d.department}, {"heads", d.heads}, {"shifts", d.shifts},
                                        {"people", d.people},
                                        {"person_hours", json::maybe(d.person_hours, [](const Rational& v) { return v.to_string(); })}}));
  }
  doc["days"] = std::move(days);
  auto rota_days = json::Value::array();
  for (const auto& d : r.rota_days) {
    rota_days.push_back(json::Value::object({{"rota", d.rota}, {"period", d.period}, {"day", format_date(d.day)},
                                             {"hours", d.hours.to_string()}, {"opens", format_clock(d.opens)},
                                             {"shift_hours", d.shift_hours.to_string()},
                                             {"shifts_exact", d.shifts_exact.to_string()}, {"shifts", d.shifts},
                                             {"heads", heads_json(d.heads)}, {"heads_on_duty", d.heads_on_duty},
                                             {"people", d.people}, {"person_hours", d.person_hours.to_string()}}));
  }
  doc["rota_days"] = std::move(rota_days);
  auto shifts = json::Value::array();
  for (const auto& sh : r.shifts) {
    shifts.push_back(json::Value::object({{"rota", sh.rota}, {"day", format_date(sh.day)}, {"number", sh.number},
                                          {"from", format_clock(sh.from % std::chrono::hours(24))},
                                          {"to", format_clock(sh.to == std::chrono::hours(24) ? sh.to : sh.to % std::chrono::hours(24))},
                                          {"start", sh.start ? json::Value(sh.start->iso()) : json::Value(nullptr)},
                                          {"end", sh.end ? json::Value(sh.end->iso()) : json::Value(nullptr)},
                                          {"heads", heads_json(sh.heads)}}));
  }
  doc["shifts"] = std::move(shifts);
  auto queues = json::Value::array();
  for (const auto& q : r.queues) queues.push_back(queue_json(q, true));
  doc["queues"] = std::move(queues);
  doc["tables"] = staff_tables_json(r.tables);
  doc["notes"] = r.notes;
  return json::dump(doc, 2) + "\n";
}

}  // namespace

std::string show_number(const Rational& value) {
  auto text = value.to_string();
  if (text.find('/') == std::string::npos) return text;
  return fmt::format("≈{:.3f}", value.to_double());
}

std::optional<StaffView> staff_view_from_name(std::string_view name) {
  if (name == "role") return StaffView::role;
  if (name == "day") return StaffView::day;
  if (name == "shift") return StaffView::shift;
  if (name == "hour") return StaffView::hour;
  if (name == "table") return StaffView::table;
  return std::nullopt;
}

namespace {

// ---------------------------------------------------------------------------------------------
// The workbook: one sheet per list of the JSON output, columns in the JSON's key order; a map of
// heads per role becomes one column per role.

using XCell = xlsx::Cell;

XCell day_cell(const std::vector<date::local_days>& days, bool last) {
  if (days.empty()) return {};
  return XCell::date_of(last ? days.back() : days.front());
}

// Every role any row names, in the order they first appear.
template <class Row>
std::vector<std::string> roles_of(const std::vector<Row>& rows) {
  std::vector<std::string> roles;
  for (const auto& row : rows) {
    for (const auto& [role, n] : row.heads) {
      if (std::find(roles.begin(), roles.end(), role) == roles.end()) roles.push_back(role);
    }
  }
  return roles;
}

void add_role_cells(std::vector<XCell>& cells, const std::vector<std::string>& roles,
                    const std::vector<std::pair<std::string, std::int64_t>>& heads) {
  for (const auto& role : roles) {
    auto it = std::find_if(heads.begin(), heads.end(), [&](const auto& h) { return h.first == role; });
    cells.push_back(it == heads.end() ? XCell{} : XCell::integer_of(it->second));
  }
}

void add_lines_sheet(xlsx::Workbook& book, const StaffReport& r, const Labels& l, Lang lang) {
  bool en = lang == Lang::en;
  auto& sheet = book.add_sheet(s(l.by_role), {s(l.model), s(l.item), s(l.name), s(l.department), s(l.inputs), s(l.rule), s(l.exact),
                                              s(l.heads), s(l.calls_per_person), en ? "first day" : "首日", en ? "last day" : "末日"});
  for (const auto& line : r.lines) {
    sheet.rows.push_back({XCell::text_of(s(model_name(line.model, l))), XCell::text_of(line.group), XCell::text_of(line.name),
                          XCell::text_of(line.department), XCell::text_of(show_terms(line.inputs, lang)), XCell::text_of(line.rule),
                          XCell::number_of(line.exact), XCell::integer_of(line.heads),
                          XCell::maybe(line.per_person, [](const Rational& v) { return XCell::number_of(v); }),
                          day_cell(line.days, false), day_cell(line.days, true)});
  }
}

void add_days_sheet(xlsx::Workbook& book, const StaffReport& r, const Labels& l) {
  auto& sheet = book.add_sheet(s(l.by_day), {s(l.day), s(l.source), s(l.name), s(l.department), s(l.on_duty), s(l.shifts), s(l.people),
                                             s(l.person_hours)});
  for (const auto& d : r.days) {
    sheet.rows.push_back({XCell::date_of(d.day), XCell::text_of(d.source), XCell::text_of(d.name), XCell::text_of(d.department),
                          XCell::integer_of(d.heads), XCell::integer_of(d.shifts), XCell::integer_of(d.people),
                          XCell::maybe(d.person_hours, [](const Rational& v) { return XCell::number_of(v); })});
  }
}

void add_rota_days_sheet(xlsx::Workbook& book, const StaffReport& r, const Labels& l, Lang lang) {
  bool en = lang == Lang::en;
  auto roles = roles_of(r.rota_days);
  std::vector<std::string> header{s(l.rota), en ? "period" : "时期", s(l.day), en ? "coverage hours" : "覆盖小时",
                                  en ? "opens" : "开始", en ? "shift (hours)" : "班长(小时)", en ? "shifts before rounding" : "班次(未取整)",
                                  s(l.shifts), s(l.roles), s(l.people), s(l.person_hours)};
  header.insert(header.end(), roles.begin(), roles.end());
  auto& sheet = book.add_sheet(en ? "by rota day" : "排班日", std::move(header));
  for (const auto& d : r.rota_days) {
    std::vector<XCell> cells{XCell::text_of(d.rota), XCell::text_of(d.period), XCell::date_of(d.day), XCell::number_of(d.hours),
                             XCell::datetime_of(date::local_seconds(d.day) + d.opens), XCell::number_of(d.shift_hours),
                             XCell::number_of(d.shifts_exact), XCell::integer_of(d.shifts), XCell::integer_of(d.heads_on_duty),
                             XCell::integer_of(d.people), XCell::number_of(d.person_hours)};
    add_role_cells(cells, roles, d.heads);
    sheet.rows.push_back(std::move(cells));
  }
}

void add_shifts_sheet(xlsx::Workbook& book, const StaffReport& r, const Labels& l, Lang lang) {
  bool en = lang == Lang::en;
  auto roles = roles_of(r.shifts);
  std::vector<std::string> header{s(l.rota), s(l.day), s(l.shift), en ? "from" : "开始", en ? "to" : "结束"};
  header.insert(header.end(), roles.begin(), roles.end());
  auto& sheet = book.add_sheet(s(l.by_shift), std::move(header));
  for (const auto& sh : r.shifts) {
    auto midnight = date::local_seconds(sh.day);
    std::vector<XCell> cells{XCell::text_of(sh.rota), XCell::date_of(sh.day), XCell::integer_of(sh.number),
                             XCell::datetime_of(midnight + sh.from), XCell::datetime_of(midnight + sh.to)};
    add_role_cells(cells, roles, sh.heads);
    sheet.rows.push_back(std::move(cells));
  }
}

void add_intervals_sheet(xlsx::Workbook& book, const StaffReport& r, const Labels& l, Lang lang) {
  auto& sheet = book.add_sheet(s(l.by_hour), {s(l.queue), s(l.day), lang == Lang::en ? "hour" : "小时", s(l.contacts), s(l.agents),
                                              s(l.scheduled), s(l.traffic), s(l.service_level), s(l.asa), s(l.occupancy),
                                              s(l.probability_wait), s(l.binding)});
  for (const auto& q : r.queues) {
    for (const auto& i : q.intervals) {
      const auto& res = i.result;
      sheet.rows.push_back({XCell::text_of(q.name), XCell::date_of(q.day),
                            XCell::maybe(i.hour, [](int h) { return XCell::integer_of(h); }), XCell::number_of(i.contacts),
                            XCell::integer_of(res.agents), XCell::integer_of(res.agents_after_shrinkage),
                            XCell::number_of(res.traffic_erlangs), XCell::percent_of(res.service_level),
                            std::isfinite(res.asa_seconds) ? XCell::number_of(res.asa_seconds) : XCell::text_of(s(l.unbounded)),
                            XCell::percent_of(res.occupancy), XCell::percent_of(res.probability_wait),
                            XCell::text_of(s(binding_label(res.binding, l)))});
    }
  }
}

xlsx::Workbook staff_xlsx(const StaffReport& r, const RenderOptions& options) {
  const auto& l = labels(options.lang);
  xlsx::Workbook book(options.created.value_or(xlsx::no_date()), r.campaign);
  add_lines_sheet(book, r, l, options.lang);
  add_days_sheet(book, r, l);
  add_rota_days_sheet(book, r, l, options.lang);
  add_shifts_sheet(book, r, l, options.lang);
  add_intervals_sheet(book, r, l, options.lang);
  if (!r.tables.empty()) add_staff_tables_sheet(book, r.tables, options.lang);
  auto& notes = book.add_sheet(s(l.notes), {s(l.notes)});
  for (const auto& n : r.notes) notes.rows.push_back({XCell::text_of(n)});
  return book;
}

}  // namespace

std::string render_staff(const StaffReport& r, StaffView view, Format format, const RenderOptions& options) {
  const auto& l = labels(options.lang);
  if (format == Format::json) return report_json(r, options);
  if (format == Format::xlsx) return workbook_bytes(staff_xlsx(r, options), options.writers);
  auto table = view_table(r, view, l, options.lang);
  if (format == Format::csv) return with_excel_bom(render_csv_table(table, options.csv_guard), options.bom);
  bool md = format == Format::md;
  auto shown = md ? md_text : visible_text;
  auto title = view == StaffView::table ? staff_tables_title(options.lang) : std::string(view_title(view, l));
  std::string out = md ? fmt::format("# {}\n\n{}: {} · {}\n\n", shown(r.campaign), l.template_, shown(r.template_name), title)
                       : fmt::format("{}  ({} {} · {})\n\n", shown(r.campaign), l.template_, shown(r.template_name), title);
  if (view == StaffView::hour) {
    for (const auto& q : r.queues) out += (md ? "- " : "  ") + shown(queue_heading(q, options.lang)) + "\n";
    if (!r.queues.empty()) out += "\n";
  }
  if (table.rows.empty()) {
    out += md ? fmt::format("{}\n", l.none) : fmt::format("  ({})\n", l.none);
  } else {
    out += md ? render_md_table(table) : render_text_table(table);
  }
  if (view == StaffView::role && !r.tables.empty()) {
    auto tables = staff_tables_table(r.tables, options.lang);
    auto heading = staff_tables_title(options.lang);
    out += md ? fmt::format("\n## {}\n\n{}", heading, render_md_table(tables)) : fmt::format("\n{}\n\n{}", heading, render_text_table(tables));
  }
  return out;
}

std::string render_erlang(const QueueSummary& q, Format format, const RenderOptions& options) {
  const auto& l = labels(options.lang);
  if (format == Format::json) {
    auto doc = json_header(options, {});  // a question, not a campaign: input and campaign null
    doc.update(queue_json(q, false));
    return json::dump(doc, 2) + "\n";
  }
  if (format == Format::xlsx) throw Error(message("render.erlang-xlsx"));
  const auto& i = q.intervals.front();
  const auto& res = i.result;
  Table t{{s(l.item), s(l.value)}, {}, {Align::left, Align::right}};
  for (const auto& term : q.inputs) {
    bool plain = term.formula == show_number(term.value) || term.literal;
    t.rows.push_back({term_label(term.label, options.lang), plain ? term.formula : fmt::format("{} = {}", term.formula, show_number(term.value))});
  }
  t.rows.push_back({s(l.interval), format_duration(q.interval)});
  t.rows.push_back({s(l.traffic), fmt::format("{:.4g}", res.traffic_erlangs)});
  t.rows.push_back({s(l.agents), std::to_string(res.agents)});
  t.rows.push_back({s(l.scheduled), std::to_string(res.agents_after_shrinkage)});
  t.rows.push_back({s(l.service_level), percent(res.service_level)});
  t.rows.push_back({s(l.asa), show_asa(res.asa_seconds, l)});
  t.rows.push_back({s(l.occupancy), percent(res.occupancy)});
  t.rows.push_back({s(l.probability_wait), percent(res.probability_wait)});
  if (res.binding != Binding::none) t.rows.push_back({s(l.binding), s(binding_label(res.binding, l))});
  // What the roster misses, against the targets as given.
  std::string missed;
  auto input = [&](std::string_view label) {
    auto it = std::find_if(q.inputs.begin(), q.inputs.end(), [&](const Term& x) { return x.label == label; });
    return it != q.inputs.end() ? percent_text(it->value) : std::string();
  };
  if (!res.service_level_met) missed = fmt::format(fmt::runtime(l.sl_missed), percent(res.service_level), input("服务水平目标"));
  if (!res.occupancy_met) {
    if (!missed.empty()) missed += options.lang == Lang::en ? "; " : "；";
    missed += fmt::format(fmt::runtime(l.occupancy_missed), percent(res.occupancy), input("最高占用率"));
  }
  if (res.binding != Binding::none) t.rows.push_back({s(l.met), missed.empty() ? std::string(options.lang == Lang::en ? "yes" : "是") : missed});
  switch (format) {
    case Format::csv: return with_excel_bom(render_csv_table(t, options.csv_guard), options.bom);
    case Format::md: return render_md_table(t);
    default: return render_text_table(t);
  }
}

}  // namespace dacu
