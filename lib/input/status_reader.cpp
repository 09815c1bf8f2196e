#include "dacu/input/status_reader.hpp"

#include <algorithm>

#include "dacu/base/table.hpp"
#include "dacu/base/timefmt.hpp"

namespace dacu {

namespace {

constexpr StateWord kWords[] = {
    {"未开始", TaskState::not_started}, {"待开始", TaskState::not_started}, {"待办", TaskState::not_started},
    {"未做", TaskState::not_started},   {"todo", TaskState::not_started},   {"not started", TaskState::not_started},
    {"进行中", TaskState::in_progress}, {"处理中", TaskState::in_progress}, {"执行中", TaskState::in_progress},
    {"在做", TaskState::in_progress},   {"doing", TaskState::in_progress},  {"in progress", TaskState::in_progress},
    {"已完成", TaskState::done},        {"完成", TaskState::done},          {"已做完", TaskState::done},
    {"做完", TaskState::done},          {"已办", TaskState::done},          {"done", TaskState::done},
    {"取消", TaskState::cancelled},     {"已取消", TaskState::cancelled},   {"作废", TaskState::cancelled},
    {"不做", TaskState::cancelled},     {"cancelled", TaskState::cancelled}, {"canceled", TaskState::cancelled},
};

std::string trimmed(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t')) text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.remove_suffix(1);
  // A full-width space (U+3000) typed around a word.
  while (text.starts_with("\u3000")) text.remove_prefix(3);
  while (text.ends_with("\u3000")) text.remove_suffix(3);
  return std::string(text);
}

std::string lower(std::string text) {
  for (auto& c : text) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return text;
}

}  // namespace

std::span<const StateWord> status_state_words() { return kWords; }

std::optional<TaskState> parse_task_state(std::string_view text) {
  auto word = lower(trimmed(text));
  std::replace(word.begin(), word.end(), '_', ' ');
  for (const auto& w : kWords) {
    if (w.word == word) return w.state;
  }
  return std::nullopt;
}

StatusFile read_status(std::string bytes, std::string_view source_name, TextEncoding encoding, std::size_t file_index) {
  auto table = parse_csv(std::move(bytes), source_name, encoding);
  auto columns = require_columns(table, {{"任务", "task"}, {"状态", "state", "status"}});
  auto optional_column = [&](std::initializer_list<std::string_view> names) -> std::optional<std::size_t> {
    for (std::size_t i = 0; i < table.header.size(); ++i) {
      if (std::find(names.begin(), names.end(), table.header[i]) != names.end()) return i;
    }
    return std::nullopt;
  };
  auto owner_column = optional_column({"负责人", "owner"});
  auto note_column = optional_column({"备注", "note"});
  auto time_column = optional_column({"时间", "time"});  // none: rows without time (StatusRow::untimed)
  StatusFile file{std::string(source_name), {}};
  std::vector<std::string> words;
  for (const auto& w : kWords) words.emplace_back(w.word);
  for (std::size_t r = 0; r < table.records.size(); ++r) {
    const auto& record = table.records[r];
    auto cell = [&](std::size_t i) { return trimmed(record.fields[i]); };
    StatusRow row;
    row.task = cell(columns[0]);
    row.where = record.where[columns[0]];
    row.file = file_index;
    row.order = r;
    if (row.task.empty()) throw input_error("D463", row.where);
    auto state_text = cell(columns[1]);
    auto state = parse_task_state(state_text);
    if (!state) {
      auto close = closest_match(state_text, words);
      if (close.empty()) throw input_error("D461", record.where[columns[1]], {{"text", state_text}});
      throw input_error("D461.close", record.where[columns[1]], {{"text", state_text}, {"close", close}});
    }
    row.state = *state;
    if (!time_column) {
      row.untimed = true;
      if (owner_column) row.owner = cell(*owner_column);
      if (note_column) row.note = cell(*note_column);
      file.rows.push_back(std::move(row));
      continue;
    }
    auto time_text = cell(*time_column);
    const auto& time_where = record.where[*time_column];
    if (time_text.empty()) throw input_error("D462.empty", time_where, {{"task", row.task}});
    auto at = parse_local_datetime(time_text);
    if (!at) {
      if (parse_clock(time_text)) throw input_error("D462.time-only", time_where, {{"text", time_text}});
      auto advice = date_advice(time_text, message("D462.form"));
      throw input_error("D462", time_where, {{"text", time_text}, {"problem", advice.problem}, {"advice", advice.hint}});
    }
    row.at = at->at;
    row.date_only = at->date_only;
    // dacu done guards what a shop typed against spreadsheet formulas (a leading '): read back as typed.
    if (owner_column) row.owner = csv_unguarded(cell(*owner_column));
    if (note_column) row.note = csv_unguarded(cell(*note_column));
    file.rows.push_back(std::move(row));
  }
  return file;
}

}  // namespace dacu
