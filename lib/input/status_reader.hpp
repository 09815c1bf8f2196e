#pragma once
/// Reads a task status file (docs/format.md, "Task status"): CSV with the columns 任务, 状态,
/// 时间 and, when present, 负责人 and 备注 (English headers task, state, time, owner, note too).
///
///   auto file = dacu::read_status(read_text_file("status.csv"), "status.csv");
///   auto book = dacu::status_book(plan, {file});   // compute/task_status.hpp: names checked, latest wins
///
/// Read as actuals are (input/csv.hpp): UTF-8 with or without a BOM, or GBK/GB18030 as Excel on a
/// Chinese Windows saves it. 状态 takes the four states and the variants a shop types (完成,
/// 已取消, 待办 …: status_state_words()). 时间 is a local date-time or a date (its midnight).
/// Problems are InputError located FILE:LINE:COL: D460–D463 and the CSV reader's own.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "dacu/input/csv.hpp"
#include "dacu/model/task_status.hpp"

namespace dacu {

/// One status file's rows in file order; `file_index` orders files for ties (the later wins).
StatusFile read_status(std::string bytes, std::string_view source_name, TextEncoding encoding = TextEncoding::automatic,
                       std::size_t file_index = 0);

/// A state as a shop may type it (surrounding spaces dropped, English in any case); nullopt otherwise.
std::optional<TaskState> parse_task_state(std::string_view text);

/// Every word parse_task_state reads, with its state: the table docs/format.md shows.
struct StateWord {
  std::string_view word;
  TaskState state;
};
std::span<const StateWord> status_state_words();

/// The header names of the status columns: {任务, task}, {状态, state, status}, …
inline constexpr std::string_view kStatusHeader = "任务,状态,负责人,时间,备注";

}  // namespace dacu
