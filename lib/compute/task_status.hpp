#pragma once
/// Task status against a plan: each task's latest status row (StatusBook) and the report's task
/// sections — open tasks past due (逾期未完成, by owner), due today (今日到期) and due in the next
/// days (未来N天).
///
///   std::vector<StatusFile> files{read_status(bytes, "status.csv")};   // input/status_reader.hpp
///   auto book = dacu::status_book(plan, files);                         // D460 for an unknown task
///   auto section = dacu::status_section(plan, book, as_of, 3);          // as_of: never now() here
///
/// A row names a task as the plan does; an occurrence of a repeated task by its own name
/// (开团跟进 10:30), or all its occurrences at once by the repeated task's name (开团跟进). Of the
/// rows that apply to a task, the one with the latest 时间 wins; on a tie, the later file, then the
/// later row.

#include <date/date.h>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dacu/model/task_status.hpp"
#include "dacu/plan/plan.hpp"

namespace dacu {

/// Merges status files against `plan`. Throws InputError D460 at a row whose task the plan does
/// not have, with the closest task name as a hint. With `as_of` (the report's moment), rows dated
/// after it are left out, as actuals after it are: a report as of the 11th does not know what was
/// done on the 12th.
StatusBook status_book(const Plan& plan, std::span<const StatusFile> files,
                       std::optional<date::local_seconds> as_of = std::nullopt);

/// Gives each task of `plan` its status from `book` and sets plan.with_status.
void apply_status(Plan& plan, const StatusBook& book);

/// Every task name a status row may use: each task's, and each repeated task's own name.
std::vector<std::string> status_task_names(const Plan& plan);

/// A task with its latest status row (none: 未开始, never reported).
struct StatusTask {
  DatedTask task;
  std::optional<StatusRow> status;
  TaskState state() const { return status ? status->state : TaskState::not_started; }
  /// The moment it is due: the end of its last day (all-day), else its end.
  date::local_seconds due() const;
};

struct StatusSection {
  std::vector<std::string> files;
  date::local_days today;
  int ahead_days = 3;
  /// Open tasks past due as of the report's moment, by owner (the plan's), then due, then plan order.
  std::vector<StatusTask> overdue;
  /// Tasks due on the as-of day and not yet past due (any state).
  std::vector<StatusTask> due_today;
  /// Tasks due on one of the next `ahead_days` days (any state), by due.
  std::vector<StatusTask> upcoming;
  /// Across the tasks considered (the filtered plan's): how many are in each state.
  std::size_t total = 0, done = 0, cancelled = 0, in_progress = 0, not_started = 0;
};

/// The report's task sections of `plan` (already filtered by --dept/--owner) as of `as_of`.
StatusSection status_section(const Plan& plan, const StatusBook& book, date::local_seconds as_of, int ahead_days);

}  // namespace dacu
