#pragma once
/// The dated plan: milestones, tasks, checkpoints and platform deadlines placed on the campaign's
/// wall clock, as values. plan/schedule.hpp computes it; render/ shows it.

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/model/task_status.hpp"

namespace dacu {

/// A moment on the campaign's wall clock with its UTC offset, e.g. 2026-12-20T10:00:00+08:00.
struct ZonedTime {
  date::local_seconds local;
  std::chrono::seconds utc_offset{0};
  date::local_days day() const { return date::floor<date::days>(local); }
  /// The instant: the wall time less its offset. Order moments by this, not by the wall time,
  /// which repeats where the clocks go back.
  date::sys_seconds utc() const { return date::sys_seconds{(local - utc_offset).time_since_epoch()}; }
  std::string iso() const;  ///< 2026-12-20T10:00:00+08:00
  /// The wall time happens twice in its zone (the hour repeated when the clocks go back): tables
  /// then show its offset, or 01:15 after 01:55 would look out of order.
  bool repeated = false;
  friend bool operator==(const ZonedTime&, const ZonedTime&) = default;
};

struct DatedMilestone {
  std::string name;
  ZonedTime at;
  bool date_only = false;   ///< given as a date without a time
  std::string rule;         ///< how it was derived (the offset as written), empty when given
  bool time_from_template = false;  ///< given as a date; the time of day is the template's
  std::string wave;                 ///< the wave (第一波) of a per-wave milestone; empty for the others
  friend bool operator==(const DatedMilestone&, const DatedMilestone&) = default;
};

struct DatedTask {
  std::string name;
  std::string department;
  std::string owner;
  std::string phase;
  std::string start_offset;  ///< as written
  std::string end_offset;    ///< as written; empty when none
  std::string duration;      ///< as written (canonical), empty when none
  bool all_day = true;
  /// All-day tasks: [first_day, last_day], both inclusive; `start`/`end` hold their midnights.
  date::local_days first_day;
  date::local_days last_day;
  /// Timed tasks: [start, end]; a task with neither end nor duration is a moment (start == end).
  ZonedTime start;
  ZonedTime end;
  bool rolled = false;  ///< moved off a day off by its roll rule
  std::string note;
  std::size_t template_order = 0;
  /// An occurrence of a repeated task (`repeat:`): the task's own name (开团跟进), which a status
  /// file may use for every occurrence at once; empty otherwise.
  std::string series;
  /// With --status: the task's latest status row (apply_status, compute/task_status.hpp); none
  /// when never reported (未开始).
  std::optional<StatusRow> status;
  std::string wave;  ///< the wave of a task written with `wave: each`; empty for the others
  friend bool operator==(const DatedTask&, const DatedTask&) = default;
};

struct DatedCheckpoint {
  std::string name;
  std::string offset;
  ZonedTime at;
  std::string metric;
  std::optional<Rational> plan;       ///< the planned figure for the campaign's parameter values
  std::string plan_formula;           ///< the formula it came from; empty when written as a number
  std::optional<Rational> tolerance;  ///< a fraction: 20% is 1/5
  std::string owner;
  std::string action;
  std::string wave;  ///< the wave of a checkpoint written with `wave: each`
  friend bool operator==(const DatedCheckpoint&, const DatedCheckpoint&) = default;
};

/// A platform deadline or window dated for the campaign (保证金, 展示, 售卖, 付款, 发货, 冻结);
/// plan/deadlines.hpp computes them from the template's `rules:`.
struct DatedDeadline {
  std::string name;
  std::string rule;      ///< the rule as planners say it: 展现前1天, 团购结束后7天内
  bool all_day = true;
  date::local_days first_day;  ///< all-day: [first_day, last_day], inclusive
  date::local_days last_day;
  ZonedTime start;             ///< timed: [start, end]
  ZonedTime end;
  std::string note;
  std::string wave;  ///< the wave of a per-wave deadline (第一波 · 发货截止); empty for the others
  friend bool operator==(const DatedDeadline&, const DatedDeadline&) = default;
};

struct Plan {
  std::string campaign;
  std::string template_name;
  std::string shop;  ///< the campaign's `shop:`; empty when it names none
  std::vector<std::pair<std::string, std::string>> owners;  ///< the campaign's `owners:`, role → person
  std::string timezone;
  std::string calendar;
  std::vector<std::string> phases;
  std::vector<DatedMilestone> milestones;  ///< in template order
  std::vector<DatedTask> tasks;            ///< sorted by start, then end, then template order
  std::vector<DatedCheckpoint> checkpoints;
  std::vector<DatedDeadline> deadlines;    ///< platform deadlines; see deadlines.hpp
  std::vector<Diagnostic> warnings;        ///< e.g. a year the calendar does not cover
  /// --status was given: renderers show each task's state (DatedTask::status).
  bool with_status = false;
};

}  // namespace dacu
