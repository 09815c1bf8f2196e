#include "dacu/render.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <array>

#include "dacu/html.hpp"
#include "dacu/ics.hpp"
#include "dacu/table.hpp"
#include "dacu/utf8.hpp"
#include "dacu/xlsx.hpp"

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

std::string timing_of(const DatedTask& t) {
  std::string s = t.start_offset;
  if (!t.end_offset.empty()) s += " → " + t.end_offset;
  if (!t.duration.empty()) s += " (" + t.duration + ")";
  if (t.rolled) s += " ⟳";
  return s;
}

std::string task_start(const DatedTask& t, Lang lang) {
  return t.all_day ? show_day(t.first_day, lang) : show_moment(t.start, lang);
}
std::string task_end(const DatedTask& t, Lang lang) {
  return t.all_day ? show_day(t.last_day, lang) : show_moment(t.end, lang);
}

std::vector<const DatedTask*> tasks_in_phase(const Plan& plan, std::string_view phase) {
  std::vector<const DatedTask*> out;
  for (const auto& t : plan.tasks) {
    if (t.phase == phase) out.push_back(&t);
  }
  return out;
}

std::string milestone_rule(const DatedMilestone& m, const Labels& l) {
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
  std::string out = fmt::format("{}  ({} {} · {} {} · {} {})\n", plan.campaign, l.template_, plan.template_name,
                                l.timezone, plan.timezone, l.calendar, plan.calendar);
  out += fmt::format("\n{}\n", l.milestones);
  Table milestones;
  for (const auto& m : plan.milestones) {
    milestones.rows.push_back({m.name, m.date_only ? show_day(m.at.day(), lang) : show_moment(m.at, lang), milestone_rule(m, l)});
  }
  out += render_text_table(milestones);
  if (!plan.deadlines.empty()) out += fmt::format("\n{}\n", deadlines_title(lang)) + render_text_table(deadline_table(plan, lang));
  for (const auto& phase : plan.phases) {
    auto tasks = tasks_in_phase(plan, phase);
    if (tasks.empty()) continue;
    out += fmt::format("\n{} ({} {})\n", phase, tasks.size(), l.items);
    Table table;
    table.header = {std::string(l.start), std::string(l.end), std::string(l.task), std::string(l.department),
                    std::string(l.owner), std::string(l.timing)};
    for (const auto* t : tasks) {
      table.rows.push_back({task_start(*t, lang), task_end(*t, lang), t->name, t->department, t->owner, timing_of(*t)});
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
      table.rows.push_back({show_moment(c.at, lang), c.name, c.metric, c.plan, c.tolerance, c.owner});
    }
    out += render_text_table(table);
  }
  return out;
}

std::string render_md(const Plan& plan, Lang lang) {
  const auto& l = labels(lang);
  std::string out = fmt::format("# {}\n\n{}: {} · {}: {} · {}: {}\n\n", plan.campaign, l.template_,
                                plan.template_name, l.timezone, plan.timezone, l.calendar, plan.calendar);
  return out + render_plan_md_sections(plan, lang, "##");
}

}  // namespace

std::string render_plan_md_sections(const Plan& plan, Lang lang, std::string_view h) {
  const auto& l = labels(lang);
  std::string out = fmt::format("{} {}\n\n", h, l.milestones);
  Table milestones{{std::string(l.name), std::string(l.at), ""}, {}, {}};
  for (const auto& m : plan.milestones) {
    milestones.rows.push_back({m.name, m.date_only ? show_day(m.at.day(), lang) : show_moment(m.at, lang), milestone_rule(m, l)});
  }
  out += render_md_table(milestones);
  if (!plan.deadlines.empty()) out += fmt::format("\n## {}\n\n", deadlines_title(lang)) + render_md_table(deadline_table(plan, lang));
  for (const auto& phase : plan.phases) {
    auto tasks = tasks_in_phase(plan, phase);
    if (tasks.empty()) continue;
    out += fmt::format("\n{} {} ({} {})\n\n", h, phase, tasks.size(), l.items);
    Table table{{std::string(l.start), std::string(l.end), std::string(l.task), std::string(l.department),
                 std::string(l.owner), std::string(l.timing)}, {}, {}};
    for (const auto* t : tasks) {
      table.rows.push_back({task_start(*t, lang), task_end(*t, lang), t->name, t->department, t->owner, timing_of(*t)});
    }
    out += render_md_table(table);
  }
  if (!plan.checkpoints.empty()) {
    out += fmt::format("\n{} {}\n\n", h, l.checkpoints);
    Table table{{std::string(l.at), std::string(l.name), std::string(l.metric), std::string(l.plan),
                 std::string(l.tolerance), std::string(l.owner), std::string(l.action)}, {}, {}};
    for (const auto& c : plan.checkpoints) {
      table.rows.push_back({show_moment(c.at, lang), c.name, c.metric, c.plan, c.tolerance, c.owner, c.action});
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
  iso[10] = ' ';
  iso.resize(16);
  return iso;
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
  }
  return with_excel_bom(render_csv_table(table), options.bom);
}

std::string render_json(const Plan& plan) {
  using json = nlohmann::ordered_json;
  json doc;
  doc["campaign"] = plan.campaign;
  doc["template"] = plan.template_name;
  doc["timezone"] = plan.timezone;
  doc["calendar"] = plan.calendar;
  doc["milestones"] = json::array();
  for (const auto& m : plan.milestones) {
    json j;
    j["name"] = m.name;
    j["at"] = m.date_only ? format_date(m.at.day()) : m.at.iso();
    j["derived_from"] = m.rule.empty() ? json(nullptr) : json(m.rule);
    doc["milestones"].push_back(std::move(j));
  }
  doc["deadlines"] = json::array();
  for (const auto& d : plan.deadlines) {
    doc["deadlines"].push_back({{"name", d.name}, {"rule", d.rule}, {"all_day", d.all_day},
                                {"start", d.all_day ? format_date(d.first_day) : d.start.iso()},
                                {"end", d.all_day ? format_date(d.last_day) : d.end.iso()}, {"note", d.note}});
  }
  doc["tasks"] = json::array();
  for (const auto& t : plan.tasks) {
    json j;
    j["name"] = t.name;
    j["phase"] = t.phase;
    j["department"] = t.department;
    j["owner"] = t.owner;
    j["offset"] = t.start_offset;
    j["end_offset"] = t.end_offset.empty() ? json(nullptr) : json(t.end_offset);
    j["duration"] = t.duration.empty() ? json(nullptr) : json(t.duration);
    j["all_day"] = t.all_day;
    j["start"] = t.all_day ? format_date(t.first_day) : t.start.iso();
    j["end"] = t.all_day ? format_date(t.last_day) : t.end.iso();
    j["rolled"] = t.rolled;
    if (!t.note.empty()) j["note"] = t.note;
    doc["tasks"].push_back(std::move(j));
  }
  doc["checkpoints"] = json::array();
  for (const auto& c : plan.checkpoints) {
    json j;
    j["name"] = c.name;
    j["offset"] = c.offset;
    j["at"] = c.at.iso();
    j["metric"] = c.metric;
    j["plan"] = c.plan.empty() ? json(nullptr) : json(c.plan);
    j["tolerance"] = c.tolerance.empty() ? json(nullptr) : json(c.tolerance);
    j["owner"] = c.owner;
    j["action"] = c.action;
    doc["checkpoints"].push_back(std::move(j));
  }
  return doc.dump(2) + "\n";
}

}  // namespace

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
  auto ext = path.substr(dot + 1);
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

std::string show_day(date::local_days day, Lang lang) {
  return fmt::format("{} {}", format_date(day), weekday_name(day, lang == Lang::en));
}

std::string show_moment(const ZonedTime& at, Lang lang) {
  return fmt::format("{} {}", show_day(at.day(), lang), date::format("%R", at.local));
}

date::local_seconds workbook_created(const Plan& plan) {
  if (plan.milestones.empty()) return date::local_seconds(date::local_days(date::year(2000) / 1 / 1));
  const auto& first = plan.milestones.front().at;
  return first.local - first.utc_offset;
}

namespace {

xlsx::Cell day_or_moment(bool all_day, date::local_days day, const ZonedTime& at) {
  return all_day ? xlsx::Cell::date_of(day) : xlsx::Cell::datetime_of(at.local);
}

// A checkpoint's plan figure as written ("300", "12.5"): a number cell when it is one.
xlsx::Cell figure_cell(const std::string& text) {
  if (text.empty()) return {};
  char* end = nullptr;
  double v = std::strtod(text.c_str(), &end);
  if (end != nullptr && *end == '\0') return xlsx::Cell::num(v);
  return xlsx::Cell::text_of(text);
}

}  // namespace

void add_plan_sheets(xlsx::Workbook& book, const Plan& plan, Lang lang) {
  const auto& l = labels(lang);
  bool en = lang == Lang::en;
  auto str = [](std::string_view v) { return std::string(v); };
  using C = xlsx::Cell;
  auto& ms = book.add_sheet(str(l.milestones), {str(l.name), str(l.at), en ? "derived from" : "推算规则"});
  for (const auto& m : plan.milestones) {
    ms.rows.push_back({C::text_of(m.name), day_or_moment(m.date_only, m.at.day(), m.at), C::text_of(m.rule)});
  }
  auto& ts = book.add_sheet(en ? "Tasks" : "任务", {str(l.phase), str(l.start), str(l.end), str(l.all_day), str(l.task),
                                                     str(l.department), str(l.owner), str(l.timing), en ? "note" : "备注"});
  for (const auto& phase : plan.phases) {
    for (const auto* t : tasks_in_phase(plan, phase)) {
      ts.rows.push_back({C::text_of(t->phase), day_or_moment(t->all_day, t->first_day, t->start),
                         day_or_moment(t->all_day, t->last_day, t->end), C::text_of(str(t->all_day ? l.yes : l.no)),
                         C::text_of(t->name), C::text_of(t->department), C::text_of(t->owner), C::text_of(timing_of(*t)),
                         C::text_of(t->note)});
    }
  }
  for (const auto& t : plan.tasks) {  // tasks of a phase the template does not list, if any
    if (std::find(plan.phases.begin(), plan.phases.end(), t.phase) != plan.phases.end()) continue;
    ts.rows.push_back({C::text_of(t.phase), day_or_moment(t.all_day, t.first_day, t.start),
                       day_or_moment(t.all_day, t.last_day, t.end), C::text_of(str(t.all_day ? l.yes : l.no)),
                       C::text_of(t.name), C::text_of(t.department), C::text_of(t.owner), C::text_of(timing_of(t)),
                       C::text_of(t.note)});
  }
  if (!plan.checkpoints.empty()) {
    auto& cs = book.add_sheet(str(l.checkpoints), {str(l.at), str(l.name), str(l.metric), str(l.plan), str(l.tolerance),
                                                   str(l.owner), str(l.action)});
    for (const auto& c : plan.checkpoints) {
      cs.rows.push_back({C::datetime_of(c.at.local), C::text_of(c.name), C::text_of(c.metric), figure_cell(c.plan),
                         C::text_of(c.tolerance), C::text_of(c.owner), C::text_of(c.action)});
    }
  }
  if (!plan.deadlines.empty()) {
    auto& ds = book.add_sheet(str(deadlines_title(lang)), {str(l.start), str(l.end), en ? "item" : "事项", en ? "rule" : "规则", en ? "note" : "说明"});
    for (const auto& d : plan.deadlines) {
      ds.rows.push_back({day_or_moment(d.all_day, d.first_day, d.start), day_or_moment(d.all_day, d.last_day, d.end),
                         C::text_of(d.name), C::text_of(d.rule), C::text_of(d.note)});
    }
  }
}

std::string render_plan_xlsx(const Plan& plan, Lang lang) {
  xlsx::Workbook book(workbook_created(plan), plan.campaign);
  add_plan_sheets(book, plan, lang);
  return book.bytes();
}

std::string render_plan(const Plan& plan, Format format, const RenderOptions& options) {
  switch (format) {
    case Format::table: return render_table(plan, options.lang);
    case Format::md: return render_md(plan, options.lang);
    case Format::csv: return render_csv(plan, options);
    case Format::json: return render_json(plan);
    case Format::ics: return render_ics(plan, IcsOptions{options.alarm});
    case Format::html: return render_plan_html(plan, options.lang);
    case Format::xlsx: return render_plan_xlsx(plan, options.lang);
  }
  return {};
}

}  // namespace dacu
