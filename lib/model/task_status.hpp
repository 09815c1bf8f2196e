#pragma once
/// Task status as data: what a team records as it works through a plan (任务, 状态, 负责人, 时间,
/// 备注), one row per change, in one or more CSV files (docs/format.md, "Task status").
/// input/status_reader.hpp reads the rows; compute/task_status.hpp merges them against a plan into
/// a StatusBook (the latest row of each task) and builds the report's sections from it.

#include <date/date.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu {

/// A task's state. Open means not_started or in_progress: only open tasks can be overdue.
enum class TaskState { not_started, in_progress, done, cancelled };

/// 未开始, 进行中, 已完成, 取消: the canonical words, as files and reports write them.
inline std::string_view task_state_zh(TaskState state) {
  switch (state) {
    case TaskState::not_started: return "未开始";
    case TaskState::in_progress: return "进行中";
    case TaskState::done: return "已完成";
    case TaskState::cancelled: return "取消";
  }
  return "";
}
/// not_started, in_progress, done, cancelled: the JSON values.
inline std::string_view task_state_id(TaskState state) {
  switch (state) {
    case TaskState::not_started: return "not_started";
    case TaskState::in_progress: return "in_progress";
    case TaskState::done: return "done";
    case TaskState::cancelled: return "cancelled";
  }
  return "";
}
inline bool task_open(TaskState state) { return state == TaskState::not_started || state == TaskState::in_progress; }

/// One row of a status file, as written (task names are resolved against a plan later).
struct StatusRow {
  std::string task;
  TaskState state = TaskState::not_started;
  std::string owner;  ///< who reported it (负责人); may be empty
  date::local_seconds at;  ///< 时间: wall-clock time in the campaign's zone
  bool date_only = false;  ///< 时间 was a date alone (its midnight)
  std::string note;
  Location where;       ///< the 任务 cell
  std::size_t file = 0;  ///< index of its file among those read (ties: the later file wins)
  std::size_t order = 0; ///< its row in the file
  /// No 时间 (the file has no such column): `at` is unset, and the row is older than any timed
  /// row of its task (docs/format.md, "Task status"); untimed rows go by file and row order.
  bool untimed = false;
  friend bool operator==(const StatusRow& a, const StatusRow& b) {
    return a.task == b.task && a.state == b.state && a.owner == b.owner && a.at == b.at && a.note == b.note &&
           a.untimed == b.untimed;
  }
};

/// One status file's rows, in file order.
struct StatusFile {
  std::string name;
  std::vector<StatusRow> rows;
};

/// Each task's latest status: keyed by the plan's task name (an occurrence of a repeated task by
/// its own name, 开团跟进 10:30).
struct StatusBook {
  std::vector<std::string> files;
  std::map<std::string, StatusRow, std::less<>> by_task;
  const StatusRow* find(std::string_view task) const {
    auto it = by_task.find(task);
    return it == by_task.end() ? nullptr : &it->second;
  }
  bool empty() const { return files.empty(); }
};

}  // namespace dacu
