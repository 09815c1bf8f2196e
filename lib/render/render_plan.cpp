#include "dacu/render/render_plan.hpp"
#include "dacu/render/render_status.hpp"

#include <fmt/format.h>

#include <array>

#include <date/tz.h>

#include "dacu/render/html.hpp"
#include "dacu/render/ics.hpp"
#include "dacu/render/contract.hpp"
#include "dacu/render/json.hpp"
#include "dacu/base/table.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/base/visible.hpp"
#include "dacu/render/xlsx.hpp"

namespace dacu {

namespace {

// Output labels, Chinese by default (the users are Chinese operators), English with --lang en.
struct Labels {
  std::string_view template_, timezone, calendar, milestones, tasks, checkpoints, start, end, task, department,
      owner, timing, phase, all_day, yes, no, derived_from, items, metric, plan, tolerance, action, at, name,
      rolled, none;
};
constexpr Labels kZh{"模板", "时区", "日历", "里程碑", "任务", "跟进检查点", "开始", "结束", "任务", "部门",
                     "负责人", "时间要求", "阶段", "全天", "是", "否", "由", "项", "指标", "计划", "容差",
                     "措施", "时间", "名称", "顺延", "无"};
constexpr Labels kEn{"template", "time zone", "calendar", "Milestones", "Tasks", "Checkpoints", "start", "end",
                     "task", "department", "owner", "timing", "phase", "all day", "yes", "no", "from", "tasks",
                     "metric", "plan", "tolerance", "action", "at", "name", "rolled", "none"};
const Labels& labels(Lang lang) { return lang == Lang::en ? kEn : kZh; }

std::vector<const DatedTask*> tasks_in_phase(const Plan& plan, std::string_view phase) {
  std::vector<const DatedTask*> out;
  for (const auto& t : plan.tasks) {
    if (t.phase == phase) out.push_back(&t);
  }
  return out;
}

std::string milestone_rule(const DatedMilestone& m, const Labels& l) {
  if (m.time_from_template) return std::string(&l == &labels(Lang::en) ? "time of day from the template" : "只给了日期，时间按模板");
  return m.rule.empty() ? std::string() : fmt::format("{} {}", l.derived_from, m.rule);
}

// 平台时限: the platform's deadlines and windows (deadlines.hpp), one table in text and Markdown.
std::string_view deadlines_title(Lang lang) { return lang == Lang::en ? "Platform deadlines" : "平台时限"; }
Table deadline_table(const Plan& plan, Lang lang) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  Table table{{std::string(l.start), std::string(l.end), en ? "item" : "事项", en ? "rule" : "规则", en ? "note" : "说明"}, {}, {}};
  for (const auto& d : plan.deadlines) {
    auto show = [&](date::local_days day, const ZonedTime& at) { return d.all_day ? show_day(day, lang) : show_moment(at, lang); };
    table.rows.push_back({show(d.first_day, d.start), show(d.last_day, d.end), d.name, d.rule, d.note});
  }
  return table;
}

std::string render_table(const Plan& plan, Lang lang) {
  const auto& l = labels(lang);
  std::string out = fmt::format("{}  ({} {} · {} {} · {} {})\n", visible_text(plan.campaign), l.template_,
                                visible_text(plan.template_name), l.timezone, plan.timezone, l.calendar, plan.calendar);
  out += fmt::format("\n{}\n", l.milestones);
  Table milestones;
  for (const auto& m : plan.milestones) {
    milestones.rows.push_back({m.name, show_when(m.at, m.date_only, lang), milestone_rule(m, l)});
  }
  out += render_text_table(milestones);
  if (!plan.deadlines.empty()) out += fmt::format("\n{}\n", deadlines_title(lang)) + render_text_table(deadline_table(plan, lang));
  for (const auto& phase : plan.phases) {
    auto tasks = tasks_in_phase(plan, phase);
    if (tasks.empty()) continue;
    out += fmt::format("\n{} ({} {})\n", visible_text(phase), tasks.size(), l.items);
    Table table;
    table.header = {std::string(l.start), std::string(l.end), std::string(l.task), std::string(l.department),
                    std::string(l.owner), std::string(l.timing)};
    if (plan.with_status) table.header.emplace_back(task_status_header(lang));
    for (const auto* t : tasks) {
      table.rows.push_back({show_task_start(*t, lang), show_task_end(*t, lang), t->name, t->department, t->owner, task_timing(*t)});
      if (plan.with_status) table.rows.back().emplace_back(show_plan_task_status(*t, lang));
    }
    out += render_text_table(table);
  }
  if (!plan.checkpoints.empty()) {
    out += fmt::format("\n{}\n", l.checkpoints);
    Table table;
    table.header = {std::string(l.at), std::string(l.name), std::string(l.metric), std::string(l.plan),
                    std::string(l.tolerance), std::string(l.owner)};
    table.align = {Align::left, Align::left, Align::left, Align::right, Align::right};
    for (const auto& c : plan.checkpoints) {
      table.rows.push_back({show_moment(c.at, lang), c.name, c.metric, number_cell(plan_text(c)), number_cell(tolerance_text(c)), c.owner});
    }
    out += render_text_table(table);
  }
  return out;
}

std::string render_md(const Plan& plan, Lang lang) {
  const auto& l = labels(lang);
  std::string out = fmt::format("# {}\n\n{}: {} · {}: {} · {}: {}\n\n", md_text(plan.campaign), l.template_,
                                md_text(plan.template_name), l.timezone, plan.timezone, l.calendar, plan.calendar);
  return out + render_plan_md_sections(plan, lang, "##");
}

}  // namespace

std::string render_plan_md_sections(const Plan& plan, Lang lang, std::string_view h) {
  const auto& l = labels(lang);
  std::string out = fmt::format("{} {}\n\n", h, l.milestones);
  Table milestones{{std::string(l.name), std::string(l.at), ""}, {}, {}};
  for (const auto& m : plan.milestones) {
    milestones.rows.push_back({m.name, show_when(m.at, m.date_only, lang), milestone_rule(m, l)});
  }
  out += render_md_table(milestones);
  if (!plan.deadlines.empty()) out += fmt::format("\n## {}\n\n", deadlines_title(lang)) + render_md_table(deadline_table(plan, lang));
  for (const auto& phase : plan.phases) {
    auto tasks = tasks_in_phase(plan, phase);
    if (tasks.empty()) continue;
    out += fmt::format("\n{} {} ({} {})\n\n", h, md_text(phase), tasks.size(), l.items);
    Table table{{std::string(l.start), std::string(l.end), std::string(l.task), std::string(l.department),
                 std::string(l.owner), std::string(l.timing)}, {}, {}};
    if (plan.with_status) table.header.emplace_back(task_status_header(lang));
    for (const auto* t : tasks) {
      table.rows.push_back({show_task_start(*t, lang), show_task_end(*t, lang), t->name, t->department, t->owner, task_timing(*t)});
      if (plan.with_status) table.rows.back().emplace_back(show_plan_task_status(*t, lang));
    }
    out += render_md_table(table);
  }
  if (!plan.checkpoints.empty()) {
    out += fmt::format("\n{} {}\n\n", h, l.checkpoints);
    Table table{{std::string(l.at), std::string(l.name), std::string(l.metric), std::string(l.plan),
                 std::string(l.tolerance), std::string(l.owner), std::string(l.action)}, {}, {}};
    for (const auto& c : plan.checkpoints) {
      table.rows.push_back({show_moment(c.at, lang), c.name, c.metric, number_cell(plan_text(c)), number_cell(tolerance_text(c)), c.owner, c.action});
    }
    out += render_md_table(table);
  }
  return out;
}

namespace {

// CSV cells: dates as YYYY-MM-DD and moments as YYYY-MM-DD HH:MM, which Excel reads as dates.
std::string csv_day(date::local_days day) { return format_date(day); }
std::string csv_moment(const ZonedTime& at) {
  auto iso = format_local_iso(at.local);  // YYYY-MM-DDTHH:MM:SS for years 0000..9999
  if (iso.size() != 19) return date::format("%F %R", at.local);
  return iso.substr(0, 10) + ' ' + iso.substr(11, 5);
}

std::string render_csv(const Plan& plan, const RenderOptions& options) {
  const auto& l = labels(options.lang);
  bool en = options.lang == Lang::en;
  Table table;
  table.header = {std::string(l.phase), std::string(l.task), std::string(l.department), std::string(l.owner),
                  std::string(l.start), std::string(l.end), std::string(l.all_day),
                  en ? "start timing" : "开始时间要求", en ? "end timing" : "结束时间要求"};
  for (const auto& t : plan.tasks) {
    table.rows.push_back({t.phase, t.name, t.department, t.owner, t.all_day ? csv_day(t.first_day) : csv_moment(t.start),
                          t.all_day ? csv_day(t.last_day) : csv_moment(t.end), std::string(t.all_day ? l.yes : l.no),
                          t.start_offset, t.end_offset});
    if (plan.with_status) {
      // The state and the status row's own columns, for a spreadsheet to sort and filter on.
      const auto* row = t.status ? &*t.status : nullptr;
      table.rows.back().push_back(std::string(task_state_zh(row ? row->state : TaskState::not_started)));
      table.rows.back().push_back(row ? row->owner : "");
      table.rows.back().push_back(row ? csv_moment(ZonedTime{row->at}) : "");
      table.rows.back().push_back(row ? row->note : "");
    }
  }
  if (plan.with_status) {
    for (auto name : en ? std::vector<std::string>{"state", "reported by", "reported at", "status note"}
                        : std::vector<std::string>{"状态", "回报人", "回报时间", "状态备注"}) {
      table.header.push_back(name);
    }
  }
  return with_excel_bom(render_csv_table(table, options.csv_guard), options.bom);
}

}  // namespace

json::Value plan_json(const Plan& plan) {
  json::Value doc = json::Value::object();
  doc["campaign"] = plan.campaign;
  doc["template"] = plan.template_name;
  doc["timezone"] = plan.timezone;
  doc["calendar"] = plan.calendar;
  auto milestones = json::Value::array();
  for (const auto& m : plan.milestones) {
    auto j = json::Value::object({{"name", m.name},
                                              {"at", m.date_only ? format_date(m.at.day()) : m.at.iso()},
                                              {"derived_from", json::maybe(m.rule)},
                                              {"time_from_template", m.time_from_template}});
    j["wave"] = json::maybe(m.wave);  // null outside a wave (the JSON contract: absent is null)
    milestones.push_back(std::move(j));
  }
  doc["milestones"] = std::move(milestones);
  auto deadlines = json::Value::array();
  for (const auto& d : plan.deadlines) {
    auto j = json::Value::object({{"name", d.name}, {"rule", d.rule}, {"all_day", d.all_day},
                                             {"start", d.all_day ? format_date(d.first_day) : d.start.iso()},
                                             {"end", d.all_day ? format_date(d.last_day) : d.end.iso()}, {"note", json::maybe(d.note)}});
    j["wave"] = json::maybe(d.wave);
    deadlines.push_back(std::move(j));
  }
  doc["deadlines"] = std::move(deadlines);
  auto tasks = json::Value::array();
  for (const auto& t : plan.tasks) {
    auto j = json::Value::object({{"name", t.name},
                                  {"phase", t.phase},
                                  {"department", t.department},
                                  {"owner", t.owner},
                                  {"offset", t.start_offset},
                                  {"end_offset", json::maybe(t.end_offset)},
                                  {"duration", json::maybe(t.duration)},
                                  {"all_day", t.all_day},
                                  {"start", t.all_day ? format_date(t.first_day) : t.start.iso()},
                                  {"end", t.all_day ? format_date(t.last_day) : t.end.iso()},
                                  {"rolled", t.rolled},
                                  {"note", json::maybe(t.note)}});
    // Always there (the JSON contract): null without --status or a row for the task.
    j["status"] = plan.with_status && t.status ? task_status_json(*t.status, plan.timezone) : json::Value();
    j["wave"] = json::maybe(t.wave);  // docs/format.md, "Waves and presale"
    tasks.push_back(std::move(j));
  }
  doc["tasks"] = std::move(tasks);
  auto checkpoints = json::Value::array();
  for (const auto& c : plan.checkpoints) {
    auto j = json::Value::object({{"name", c.name},
                                               {"offset", c.offset},
                                               {"at", c.at.iso()},
                                               {"metric", c.metric},
                                               {"plan", json::maybe(plan_text(c))},
                                               {"plan_formula", json::maybe(c.plan_formula)},
                                               {"tolerance", json::maybe(tolerance_text(c))},
                                               {"owner", json::maybe(c.owner)},
                                               {"action", json::maybe(c.action)}});
    j["wave"] = json::maybe(c.wave);
    checkpoints.push_back(std::move(j));
  }
  doc["checkpoints"] = std::move(checkpoints);
  return doc;
}

std::optional<Format> format_from_name(std::string_view name) {
  if (name == "table" || name == "text") return Format::table;
  if (name == "md" || name == "markdown") return Format::md;
  if (name == "csv") return Format::csv;
  if (name == "json") return Format::json;
  if (name == "ics") return Format::ics;
  if (name == "html") return Format::html;
  if (name == "xlsx") return Format::xlsx;
  return std::nullopt;
}

std::optional<Format> format_from_extension(std::string_view path) {
  auto dot = path.rfind('.');
  if (dot == std::string_view::npos) return std::nullopt;
  // In any case: PLAN.XLSX is a workbook (Windows and its users capitalise freely).
  std::string ext(path.substr(dot + 1));
  for (auto& c : ext) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  if (ext == "md" || ext == "markdown") return Format::md;
  if (ext == "csv") return Format::csv;
  if (ext == "json") return Format::json;
  if (ext == "txt") return Format::table;
  if (ext == "ics") return Format::ics;
  if (ext == "html" || ext == "htm") return Format::html;
  if (ext == "xlsx") return Format::xlsx;
  return std::nullopt;
}

std::string_view format_name(Format format) {
  switch (format) {
    case Format::table: return "table";
    case Format::md: return "md";
    case Format::csv: return "csv";
    case Format::json: return "json";
    case Format::ics: return "ics";
    case Format::html: return "html";
    case Format::xlsx: return "xlsx";
  }
  return "?";
}

std::string_view format_extension(Format format) { return format == Format::table ? "txt" : format_name(format); }

std::string plan_text(const DatedCheckpoint& c) { return c.plan ? c.plan->to_string() : std::string(); }
std::string tolerance_text(const DatedCheckpoint& c) { return c.tolerance ? percent_text(*c.tolerance) : std::string(); }

std::string show_day(date::local_days day, Lang lang) { return format_day_shown(day, lang == Lang::en); }

std::string show_moment(const ZonedTime& at, Lang lang) {
  auto text = format_moment_shown(at.local, lang == Lang::en);
  // In the repeated hour the offset tells the two 01:15s apart: "01:15 (-05:00)".
  if (at.repeated) text += fmt::format(" ({})", at.iso().substr(19));
  return text;
}

std::string show_time(date::local_seconds at) {
  return format_clock(date::floor<std::chrono::minutes>(at - date::floor<date::days>(at)));
}

std::string show_when(const ZonedTime& at, bool date_only, Lang lang) {
  return date_only ? show_day(at.day(), lang) : show_moment(at, lang);
}

std::string show_task_start(const DatedTask& t, Lang lang) {
  return t.all_day ? show_day(t.first_day, lang) : show_moment(t.start, lang);
}

std::string show_task_end(const DatedTask& t, Lang lang) {
  return t.all_day ? show_day(t.last_day, lang) : show_moment(t.end, lang);
}

std::string task_timing(const DatedTask& t) {
  std::string s = t.start_offset;
  if (!t.end_offset.empty()) s += " → " + t.end_offset;
  if (!t.duration.empty()) s += " (" + t.duration + ")";
  if (t.rolled) s += " ⟳";
  return s;
}

std::chrono::sys_seconds workbook_created(const Plan& plan) {
  std::optional<std::chrono::sys_seconds> earliest;
  for (const auto& m : plan.milestones) {
    auto utc = std::chrono::sys_seconds((m.at.local - m.at.utc_offset).time_since_epoch());
    if (!earliest || utc < *earliest) earliest = utc;
  }
  return earliest.value_or(xlsx::no_date());
}

std::chrono::sys_seconds workbook_created(const Campaign& campaign) {
  std::optional<date::local_seconds> earliest;
  for (const auto& m : campaign.plan.milestones) {
    if (m.given && (!earliest || m.given->at < *earliest)) earliest = m.given->at;
  }
  if (!earliest) return xlsx::no_date();
  const auto* zone = date::locate_zone(campaign.plan.timezone.value);
  return zone->to_sys(*earliest, date::choose::earliest);
}

namespace {

xlsx::Cell day_or_moment(bool all_day, date::local_days day, const ZonedTime& at) {
  return all_day ? xlsx::Cell::date_of(day) : xlsx::Cell::datetime_of(at.local);
}

// Each sheet mirrors one list of the JSON output, column for column, in the same order.

void add_about_sheet(xlsx::Workbook& book, const Plan& plan, Lang lang) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  using C = xlsx::Cell;
  auto& about = book.add_sheet(en ? "About" : "信息", {en ? "item" : "项目", en ? "value" : "值"});
  about.rows.push_back({C::text_of(en ? "campaign" : "活动"), C::text_of(plan.campaign)});
  about.rows.push_back({C::text_of(std::string(l.template_)), C::text_of(plan.template_name)});
  about.rows.push_back({C::text_of(std::string(l.timezone)), C::text_of(plan.timezone)});
  about.rows.push_back({C::text_of(std::string(l.calendar)), C::text_of(plan.calendar)});
}

void add_milestone_sheet(xlsx::Workbook& book, const Plan& plan, Lang lang, std::string_view prefix) {
  const auto& l = labels(lang);
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(fmt::format("{}{}", prefix, l.milestones),
                               {std::string(l.name), std::string(l.at), lang == Lang::en ? "derived from" : "推算规则"});
  for (const auto& m : plan.milestones) {
    sheet.rows.push_back({C::text_of(m.name), day_or_moment(m.date_only, m.at.day(), m.at), C::text_of(m.rule)});
  }
}

void add_task_sheet(xlsx::Workbook& book, const Plan& plan, Lang lang, std::string_view prefix) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(fmt::format("{}{}", prefix, en ? "Tasks" : "任务"),
                               {std::string(l.task), std::string(l.phase), std::string(l.department), std::string(l.owner),
                                en ? "start timing" : "开始时间要求", en ? "end timing" : "结束时间要求", en ? "duration" : "时长",
                                std::string(l.all_day), std::string(l.start), std::string(l.end), std::string(l.rolled),
                                en ? "note" : "备注"});
  if (plan.with_status) {
    for (auto name : en ? std::vector<std::string>{"state", "reported by", "reported at", "status note"}
                        : std::vector<std::string>{"状态", "回报人", "回报时间", "状态备注"}) {
      sheet.header.push_back(name);
    }
  }
  for (const auto& t : plan.tasks) {
    sheet.rows.push_back({C::text_of(t.name), C::text_of(t.phase), C::text_of(t.department), C::text_of(t.owner),
                          C::text_of(t.start_offset), C::text_of(t.end_offset), C::text_of(t.duration), C::boolean_of(t.all_day),
                          day_or_moment(t.all_day, t.first_day, t.start), day_or_moment(t.all_day, t.last_day, t.end),
                          C::boolean_of(t.rolled), C::text_of(t.note)});
    if (plan.with_status) {
      const auto* row = t.status ? &*t.status : nullptr;
      auto& cells = sheet.rows.back();
      cells.push_back(C::text_of(std::string(task_state_zh(row ? row->state : TaskState::not_started))));
      cells.push_back(C::text_of(row ? row->owner : ""));
      cells.push_back(row ? C::datetime_of(row->at) : C{});
      cells.push_back(C::text_of(row ? row->note : ""));
    }
  }
}

void add_checkpoint_sheet(xlsx::Workbook& book, const Plan& plan, Lang lang, std::string_view prefix) {
  const auto& l = labels(lang);
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(fmt::format("{}{}", prefix, l.checkpoints),
                               {std::string(l.name), lang == Lang::en ? "timing" : "时间要求", std::string(l.at), std::string(l.metric),
                                std::string(l.plan), std::string(l.tolerance), std::string(l.owner), std::string(l.action)});
  for (const auto& c : plan.checkpoints) {
    sheet.rows.push_back({C::text_of(c.name), C::text_of(c.offset), C::datetime_of(c.at.local), C::text_of(c.metric),
                          C::maybe(c.plan, [](const Rational& v) { return C::number_of(v); }), C::maybe(c.tolerance, [](const Rational& v) { return C::percent_of(v); }), C::text_of(c.owner), C::text_of(c.action)});
  }
}

void add_deadline_sheet(xlsx::Workbook& book, const Plan& plan, Lang lang, std::string_view prefix) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(fmt::format("{}{}", prefix, deadlines_title(lang)),
                               {en ? "item" : "事项", en ? "rule" : "规则", std::string(l.all_day), std::string(l.start),
                                std::string(l.end), en ? "note" : "说明"});
  for (const auto& d : plan.deadlines) {
    sheet.rows.push_back({C::text_of(d.name), C::text_of(d.rule), C::boolean_of(d.all_day),
                          day_or_moment(d.all_day, d.first_day, d.start), day_or_moment(d.all_day, d.last_day, d.end),
                          C::text_of(d.note)});
  }
}

}  // namespace

void add_plan_sheets(xlsx::Workbook& book, const Plan& plan, Lang lang, std::string_view prefix) {
  add_milestone_sheet(book, plan, lang, prefix);
  add_deadline_sheet(book, plan, lang, prefix);
  add_task_sheet(book, plan, lang, prefix);
  add_checkpoint_sheet(book, plan, lang, prefix);
}

std::string render_plan_xlsx(const Plan& plan, const RenderOptions& options) {
  auto lang = options.lang;
  xlsx::Workbook book(workbook_created(plan), plan.campaign);
  add_about_sheet(book, plan, lang);
  add_plan_sheets(book, plan, lang, "");
  return workbook_bytes(book, options.writers);
}

std::string render_plan(const Plan& plan, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::table: return render_table(plan, options.lang);
    case Format::md: return render_md(plan, options.lang);
    case Format::csv: return render_csv(plan, options);
    case Format::json: {
      auto doc = json_header(options, plan.campaign);
      doc.update(plan_json(plan));
      return json::dump(doc, 2) + "\n";
    }
    case Format::ics: return render_ics(plan, IcsOptions{options.alarm, options.ics_events}, options.writers);
    case Format::html: return render_plan_html(plan, options.lang);
    case Format::xlsx: return render_plan_xlsx(plan, options);
  }
  return {};
}

}  // namespace dacu
