#include "dacu/compute/task_status.hpp"

#include <algorithm>
#include <set>
#include <tuple>

namespace dacu {

namespace {

// The later of two rows for one task: the later 时间, then the later file, then the later row.
bool later(const StatusRow& a, const StatusRow& b) {
  bool a_timed = !a.untimed, b_timed = !b.untimed;  // a row without 时间 is older than any with one
  return std::tie(a_timed, a.at, a.file, a.order) > std::tie(b_timed, b.at, b.file, b.order);
}

}  // namespace

std::vector<std::string> status_task_names(const Plan& plan) {
  std::vector<std::string> names;
  std::set<std::string, std::less<>> seen;
  for (const auto& t : plan.tasks) {
    for (const auto* name : {&t.name, &t.series}) {
      if (!name->empty() && seen.insert(*name).second) names.push_back(*name);
    }
  }
  return names;
}

StatusBook status_book(const Plan& plan, std::span<const StatusFile> files, std::optional<date::local_seconds> as_of) {
  StatusBook book;
  auto names = status_task_names(plan);
  std::set<std::string, std::less<>> known(names.begin(), names.end());
  // The latest row under each name as written (a task's own, or its series').
  std::map<std::string, StatusRow, std::less<>> latest;
  for (const auto& file : files) {
    book.files.push_back(file.name);
    for (const auto& row : file.rows) {
      if (!known.contains(row.task)) {
        throw input_error("D460", row.where, {{"task", row.task}, {"advice", suggestion(row.task, names)}});
      }
      if (as_of && !row.untimed && row.at > *as_of) continue;  // names are checked all the same
      auto it = latest.find(row.task);
      if (it == latest.end()) {
        latest.emplace(row.task, row);
      } else if (!later(it->second, row)) {
        it->second = row;
      }
    }
  }
  for (const auto& t : plan.tasks) {
    const StatusRow* best = nullptr;
    for (const auto* name : {&t.name, &t.series}) {
      if (name->empty()) continue;
      auto it = latest.find(*name);
      if (it != latest.end() && (!best || later(it->second, *best))) best = &it->second;
    }
    if (best) book.by_task.emplace(t.name, *best);
  }
  return book;
}

void apply_status(Plan& plan, const StatusBook& book) {
  plan.with_status = true;
  for (auto& t : plan.tasks) {
    const auto* row = book.find(t.name);
    t.status = row ? std::optional<StatusRow>(*row) : std::nullopt;
  }
}

date::local_seconds StatusTask::due() const {
  if (task.all_day) return date::local_seconds{task.last_day + date::days{1}};
  return task.end.local;
}

StatusSection status_section(const Plan& plan, const StatusBook& book, date::local_seconds as_of, int ahead_days) {
  StatusSection section;
  section.files = book.files;
  section.today = date::floor<date::days>(as_of);
  section.ahead_days = ahead_days;
  auto horizon = section.today + date::days{ahead_days};
  for (const auto& t : plan.tasks) {
    StatusTask line{t, std::nullopt};
    if (const auto* row = book.find(t.name)) line.status = *row;
    ++section.total;
    switch (line.state()) {
      case TaskState::done: ++section.done; break;
      case TaskState::cancelled: ++section.cancelled; break;
      case TaskState::in_progress: ++section.in_progress; break;
      case TaskState::not_started: ++section.not_started; break;
    }
    auto due = line.due();
    if (due < as_of) {  // a task due at the very moment is due today, not yet overdue
      if (task_open(line.state())) section.overdue.push_back(std::move(line));
    } else if (t.last_day == section.today) {
      section.due_today.push_back(std::move(line));
    } else if (t.last_day > section.today && t.last_day <= horizon) {
      section.upcoming.push_back(std::move(line));
    }
  }
  auto by_due = [](const StatusTask& a, const StatusTask& b) { return a.due() < b.due(); };
  std::stable_sort(section.overdue.begin(), section.overdue.end(), [&](const StatusTask& a, const StatusTask& b) {
    if (a.task.owner != b.task.owner) return a.task.owner < b.task.owner;
    return by_due(a, b);
  });
  std::stable_sort(section.due_today.begin(), section.due_today.end(), by_due);
  std::stable_sort(section.upcoming.begin(), section.upcoming.end(), by_due);
  return section;
}

}  // namespace dacu
