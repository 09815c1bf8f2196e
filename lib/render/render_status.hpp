#pragma once
/// The report's task sections (compute/task_status.hpp) rendered: 逾期未完成 by owner, 今日到期 and
/// 未来N天, in Markdown, JSON, HTML and an xlsx sheet; and a task's status as the plan shows it.

#include <string>
#include <string_view>

#include "dacu/base/table.hpp"
#include "dacu/compute/task_status.hpp"
#include "dacu/render/format.hpp"
#include "dacu/render/json.hpp"

namespace dacu {

namespace xlsx {
class Workbook;
}

/// `已完成（运营主管 12-19 18:00）`: a task's state and, when reported, who and when.
std::string show_task_status(const StatusRow* row, Lang lang);

/// A task's state in a plan with --status: show_task_status, or 未开始 when never reported.
std::string show_plan_task_status(const DatedTask& task, Lang lang);
/// The header of that column: 状态 / state.
std::string_view task_status_header(Lang lang);

/// The three sections under `heading` (`###`), with a line of counts first.
std::string status_md(const StatusSection& section, Lang lang, std::string_view heading);
/// `{"files", "today", "ahead_days", "counts", "overdue", "due_today", "upcoming"}`.
json::Value status_json(const StatusSection& section, const std::string& timezone);
/// The sections as HTML (`<h2>任务状态</h2>` then an `<h3>` each); cells escaped here.
std::string status_html(const StatusSection& section, Lang lang);
/// One sheet, 任务状态: a row per task listed, its section first.
void add_status_sheet(xlsx::Workbook& book, const StatusSection& section, Lang lang);

/// A task's status as a plan's JSON holds it: {state, state_display, owner, at, note, file, line}.
json::Value task_status_json(const StatusRow& row, const std::string& timezone);

}  // namespace dacu
