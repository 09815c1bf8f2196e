// The report's task sections: what is open past due, due today and due soon, with each task's
// latest status row. Labels are written here as the other report renderers write theirs.
#include "dacu/render/render_status.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include "dacu/base/timefmt.hpp"
#include "dacu/render/html.hpp"
#include "dacu/render/render_plan.hpp"
#include "dacu/render/xlsx.hpp"

namespace dacu {

namespace {

struct StatusLabels {
  std::string_view title, overdue, today, ahead_zh_prefix, ahead_suffix, none, due, task, department, owner, state, by, at, note,
      counts, unowned, files;
};
constexpr StatusLabels kZh{"任务状态", "逾期未完成", "今日到期", "未来", "天", "无", "到期", "任务", "部门", "负责人", "状态",
                           "回报人", "回报时间", "备注", "共 {} 项任务：已完成 {}，进行中 {}，未开始 {}，取消 {}",
                           "（未指定负责人）", "状态文件"};
constexpr StatusLabels kEn{"Task status", "Overdue, not done", "Due today", "Next ", " days", "none", "due", "task",
                           "department", "owner", "state", "reported by", "reported at", "note",
                           "{} tasks: {} done, {} in progress, {} not started, {} cancelled", "(no owner)", "status files"};
const StatusLabels& labels(Lang lang) { return lang == Lang::en ? kEn : kZh; }

std::string_view state_en(TaskState s) {
  switch (s) {
    case TaskState::not_started: return "not started";
    case TaskState::in_progress: return "in progress";
    case TaskState::done: return "done";
    case TaskState::cancelled: return "cancelled";
  }
  return "";
}

std::string ahead_title(const StatusSection& s, Lang lang) {
  const auto& l = labels(lang);
  return fmt::format("{}{}{}", l.ahead_zh_prefix, s.ahead_days, l.ahead_suffix);
}

std::string counts_line(const StatusSection& s, Lang lang) {
  return fmt::format(fmt::runtime(labels(lang).counts), s.total, s.done, s.in_progress, s.not_started, s.cancelled);
}

std::string show_reported_at(const StatusRow& row) {
  if (row.untimed) return {};
  return row.date_only ? format_date(date::floor<date::days>(row.at))
                       : format_date(date::floor<date::days>(row.at)) + " " + show_time(row.at);
}

std::string state_text(const StatusTask& t, Lang lang) {
  return std::string(lang == Lang::en ? state_en(t.state()) : task_state_zh(t.state()));
}

// The columns of every section: 到期, 任务, 部门, 负责人, 状态, 回报人, 回报时间, 备注.
Table section_table(const std::vector<StatusTask>& tasks, Lang lang) {
  const auto& l = labels(lang);
  Table table{{std::string(l.due), std::string(l.task), std::string(l.department), std::string(l.owner), std::string(l.state),
               std::string(l.by), std::string(l.at), std::string(l.note)},
              {},
              {}};
  for (const auto& t : tasks) {
    table.rows.push_back({show_task_end(t.task, lang), t.task.name, t.task.department,
                          t.task.owner.empty() ? std::string(l.unowned) : t.task.owner, state_text(t, lang),
                          t.status ? t.status->owner : "", t.status ? show_reported_at(*t.status) : "",
                          t.status ? t.status->note : ""});
  }
  return table;
}

// Overdue tasks grouped by owner: one table per owner, in the section's order.
std::vector<std::pair<std::string, std::vector<StatusTask>>> by_owner(const std::vector<StatusTask>& tasks) {
  std::vector<std::pair<std::string, std::vector<StatusTask>>> groups;
  for (const auto& t : tasks) {
    if (groups.empty() || groups.back().first != t.task.owner) groups.push_back({t.task.owner, {}});
    groups.back().second.push_back(t);
  }
  return groups;
}

std::string html_table(const Table& table) {
  std::string out = "<table>\n<tr>";
  for (const auto& h : table.header) out += "<th>" + html_escape(h) + "</th>";
  out += "</tr>\n";
  for (const auto& row : table.rows) {
    out += "<tr>";
    for (std::size_t i = 0; i < row.size(); ++i) out += (i == 0 ? "<td class=\"t\">" : "<td>") + html_escape(row[i].text) + "</td>";
    out += "</tr>\n";
  }
  return out + "</table>\n";
}

}  // namespace

std::string show_task_status(const StatusRow* row, Lang lang) {
  if (!row) return "";
  std::string state(lang == Lang::en ? state_en(row->state) : task_state_zh(row->state));
  std::string who = row->owner.empty() ? show_reported_at(*row) : row->owner + " " + show_reported_at(*row);
  if (!who.empty() && who.back() == ' ') who.pop_back();  // a row without 时间
  if (who.empty()) return state;
  return lang == Lang::en ? fmt::format("{} ({})", state, who) : fmt::format("{}（{}）", state, who);
}

std::string show_plan_task_status(const DatedTask& task, Lang lang) {
  if (task.status) return show_task_status(&*task.status, lang);
  return std::string(lang == Lang::en ? state_en(TaskState::not_started) : task_state_zh(TaskState::not_started));
}

std::string_view task_status_header(Lang lang) { return lang == Lang::en ? "state" : "状态"; }

std::string status_md(const StatusSection& s, Lang lang, std::string_view heading) {
  const auto& l = labels(lang);
  std::string out = fmt::format("{} {}\n\n{}\n", heading, l.title, counts_line(s, lang));
  out += fmt::format("\n{}# {} ({})\n\n", heading, l.overdue, s.overdue.size());
  if (s.overdue.empty()) out += fmt::format("{}\n", l.none);
  for (const auto& [owner, tasks] : by_owner(s.overdue)) {
    out += fmt::format("**{}** ({})\n\n", md_text(owner.empty() ? std::string(l.unowned) : owner), tasks.size());
    out += render_md_table(section_table(tasks, lang)) + "\n";
  }
  if (!s.overdue.empty()) out.pop_back();
  for (const auto& [title, tasks] : {std::pair{std::string(l.today), &s.due_today}, {ahead_title(s, lang), &s.upcoming}}) {
    out += fmt::format("\n{}# {} ({})\n\n", heading, title, tasks->size());
    out += tasks->empty() ? fmt::format("{}\n", l.none) : render_md_table(section_table(*tasks, lang));
  }
  return out;
}

json::Value task_status_json(const StatusRow& row, const std::string& timezone) {
  const auto* zone = date::locate_zone(timezone);
  auto offset = zone->get_info(zone->to_sys(row.at, date::choose::earliest)).offset;
  return json::Value::object({{"state", std::string(task_state_id(row.state))},
                              {"state_display", std::string(task_state_zh(row.state))},
                              {"owner", json::maybe(row.owner)},
                              {"at", row.untimed ? json::Value() : row.date_only ? json::Value(format_date(date::floor<date::days>(row.at)))
                                                                                 : json::Value(format_iso_with_offset(row.at, offset))},
                              {"note", json::maybe(row.note)},
                              {"file", std::string(row.where.file_name())},
                              {"line", static_cast<std::int64_t>(row.where.line)}});
}

json::Value status_json(const StatusSection& s, const std::string& timezone) {
  auto list = [&](const std::vector<StatusTask>& tasks) {
    auto a = json::Value::array();
    for (const auto& t : tasks) {
      a.push_back(json::Value::object({{"task", t.task.name},
                                       {"department", json::maybe(t.task.department)},
                                       {"owner", json::maybe(t.task.owner)},
                                       {"due", t.task.all_day ? format_date(t.task.last_day) : t.task.end.iso()},
                                       {"state", std::string(task_state_id(t.state()))},
                                       {"status", t.status ? task_status_json(*t.status, timezone) : json::Value()}}));
    }
    return a;
  };
  return json::Value::object({{"files", s.files},
                              {"today", format_date(s.today)},
                              {"ahead_days", static_cast<std::int64_t>(s.ahead_days)},
                              {"counts", json::Value::object({{"total", static_cast<std::int64_t>(s.total)},
                                                              {"done", static_cast<std::int64_t>(s.done)},
                                                              {"in_progress", static_cast<std::int64_t>(s.in_progress)},
                                                              {"not_started", static_cast<std::int64_t>(s.not_started)},
                                                              {"cancelled", static_cast<std::int64_t>(s.cancelled)}})},
                              {"overdue", list(s.overdue)},
                              {"due_today", list(s.due_today)},
                              {"upcoming", list(s.upcoming)}});
}

std::string status_html(const StatusSection& s, Lang lang) {
  const auto& l = labels(lang);
  std::string out = fmt::format("<h2>{}</h2>\n<p class=\"meta\">{}</p>\n", l.title, html_escape(counts_line(s, lang)));
  out += fmt::format("<h3>{} ({})</h3>\n", l.overdue, s.overdue.size());
  if (s.overdue.empty()) out += fmt::format("<p class=\"ok\">{}</p>\n", l.none);
  for (const auto& [owner, tasks] : by_owner(s.overdue)) {
    out += fmt::format("<p><strong>{}</strong> ({})</p>\n", html_escape(owner.empty() ? std::string(l.unowned) : owner), tasks.size());
    out += html_table(section_table(tasks, lang));
  }
  for (const auto& [title, tasks] : {std::pair{std::string(l.today), &s.due_today}, {ahead_title(s, lang), &s.upcoming}}) {
    out += fmt::format("<h3>{} ({})</h3>\n", html_escape(title), tasks->size());
    out += tasks->empty() ? fmt::format("<p class=\"muted\">{}</p>\n", l.none) : html_table(section_table(*tasks, lang));
  }
  return out;
}

void add_status_sheet(xlsx::Workbook& book, const StatusSection& s, Lang lang) {
  const auto& l = labels(lang);
  using C = xlsx::Cell;
  auto& sheet = book.add_sheet(std::string(l.title), {lang == Lang::en ? "list" : "类别", std::string(l.due), std::string(l.task),
                                                      std::string(l.department), std::string(l.owner), std::string(l.state),
                                                      std::string(l.by), std::string(l.at), std::string(l.note)});
  for (const auto& [title, tasks] : {std::pair{std::string(l.overdue), &s.overdue}, {std::string(l.today), &s.due_today},
                                     {ahead_title(s, lang), &s.upcoming}}) {
    for (const auto& t : *tasks) {
      sheet.rows.push_back({C::text_of(title), t.task.all_day ? C::date_of(t.task.last_day) : C::datetime_of(t.task.end.local),
                            C::text_of(t.task.name), C::text_of(t.task.department), C::text_of(t.task.owner),
                            C::text_of(state_text(t, lang)), C::text_of(t.status ? t.status->owner : ""),
                            t.status && !t.status->untimed ? C::datetime_of(t.status->at) : C{}, C::text_of(t.status ? t.status->note : "")});
    }
  }
}

}  // namespace dacu
