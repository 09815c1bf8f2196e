#pragma once
/// The dated plan rendered: table, md, csv, json, ics, html, xlsx; and how a planner reads a day.

#include <chrono>
#include <string>
#include <string_view>

#include "dacu/model/template.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/render/format.hpp"
#include "dacu/render/json.hpp"

namespace dacu {

/// The plan in the given format. Xlsx is binary (a zip); see xlsx.hpp.
std::string render_plan(const Plan& plan, Format format, const RenderOptions& options = {});

/// The plan as `--format json` writes it; `dacu report` embeds it as its schedule.
json::Value plan_json(const Plan& plan);

/// The plan as an Excel workbook, one sheet per list of the JSON output: 信息 (campaign, template,
/// time zone, calendar), 里程碑, 平台时限, 任务 and 跟进检查点, each always present.
std::string render_plan_xlsx(const Plan& plan, const RenderOptions& options);

namespace xlsx {
class Workbook;
}
/// Adds the schedule's sheets (里程碑, 平台时限, 任务, 跟进检查点) to a workbook, each name after
/// `prefix` (`dacu report` nests them under 日程·).
void add_plan_sheets(xlsx::Workbook& book, const Plan& plan, Lang lang, std::string_view prefix);

/// The creation time an Excel workbook records, never the clock: the plan's earliest milestone;
/// 2000-01-01T00:00:00Z for a plan without one.
std::chrono::sys_seconds workbook_created(const Plan& plan);
/// The same for a campaign not planned (`dacu roi`): its earliest given milestone, else 2000-01-01.
std::chrono::sys_seconds workbook_created(const Campaign& campaign);

/// The Markdown plan without its title: milestones, one section per phase, checkpoints; headings
/// start with `heading` (`##`), so a report can nest the schedule under its own title.
std::string render_plan_md_sections(const Plan& plan, Lang lang, std::string_view heading);

/// A checkpoint's planned figure (`300`) and tolerance (`20%`) as written; "" when absent.
std::string plan_text(const DatedCheckpoint& c);
std::string tolerance_text(const DatedCheckpoint& c);

/// How a planner reads a day or a moment: `2026-12-20 周日`, `2026-12-20 周日 10:25`.
std::string show_day(date::local_days day, Lang lang);
std::string show_moment(const ZonedTime& at, Lang lang);
/// The clock time of a moment, `10:25` (base/timefmt's format_clock).
std::string show_time(date::local_seconds at);
/// A milestone's day when it was given as a date alone, else its moment.
std::string show_when(const ZonedTime& at, bool date_only, Lang lang);
/// When a task starts and ends as every renderer shows it: its days when all-day, else moments.
std::string show_task_start(const DatedTask& t, Lang lang);
std::string show_task_end(const DatedTask& t, Lang lang);
/// A task's timing as the template wrote it: `开团前2天 → 开团后1天 (2h) ⟳` (⟳: rolled).
std::string task_timing(const DatedTask& t);

}  // namespace dacu
