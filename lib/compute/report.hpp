#pragma once
/// The report: what an operations lead reads each night — where the campaign stands as of a given
/// moment, and each checkpoint's actual figure against its plan.
///
///   auto plan = dacu::expand(campaign);
///   auto report = dacu::build_report(plan, {{rows, "today.csv"}}, as_of);   // as_of: never now() here
///   std::string md = dacu::render_report(report, dacu::Format::md);   // render/render_report.hpp
///
/// Pure: the clock is a parameter; the CLI reads it (and only when --as-of is not given).

#include <chrono>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "dacu/input/actuals.hpp"
#include "dacu/plan/schedule.hpp"

namespace dacu {

/// How long until (positive) or since (negative) a milestone.
struct Countdown {
  std::string milestone;
  ZonedTime at;
  bool date_only = false;
  std::chrono::seconds remaining{0};
};

enum class CheckStatus {
  pending,  ///< its moment is after the as-of moment
  no_data,  ///< its moment has passed but no actual figure was given (listed as overdue)
  no_plan,  ///< an actual figure but no planned one to compare with
  on_plan,  ///< within its tolerance
  above,    ///< above plan by more than its tolerance
  below,    ///< below plan by more than its tolerance
};
std::string_view status_name(CheckStatus status);  ///< pending, no_data, …

struct CheckpointResult {
  DatedCheckpoint checkpoint;
  CheckStatus status = CheckStatus::pending;
  std::optional<Rational> plan;
  std::optional<Rational> tolerance;          ///< a fraction: 20% is 1/5
  std::optional<Rational> actual;             ///< the cumulative figure at the checkpoint's moment
  std::optional<date::local_seconds> actual_at;  ///< the time of the figure used (at or before the moment)
  std::optional<Rational> deviation;          ///< (actual − plan) ÷ plan
  /// The band an actual figure stays on plan within, plan × (1 ∓ tolerance), for the chart; set
  /// with a plan (unless too large to compute).
  std::optional<Rational> low, high;
  std::string message;                        ///< the checkpoint's action when off plan
  bool off_plan() const { return status == CheckStatus::above || status == CheckStatus::below; }
};

/// One metric's cumulative figures over time (for the plan-vs-actual chart).
struct MetricSeries {
  std::string metric;
  std::vector<std::pair<date::local_seconds, Rational>> points;
};

/// One actuals file, already parsed; `name` is the label it is reported under.
struct ActualsInput {
  std::vector<ActualRow> rows;
  std::string name;
};

struct Report {
  Plan plan;
  ZonedTime as_of;
  std::vector<Countdown> countdown;         ///< every milestone, in template order
  std::vector<DatedTask> due_today;         ///< tasks whose last day (or end) is the as-of day
  std::vector<DatedTask> in_progress;       ///< started, ending after the as-of day
  std::vector<CheckpointResult> checkpoints;
  std::vector<MetricSeries> series;         ///< the metrics the checkpoints track, up to as-of
  std::vector<std::string> actuals_files;
  std::vector<Diagnostic> findings;         ///< unknown metrics and other warnings about the actuals
  // Sections still to come, each optional so the renderers skip it when absent:
  //   std::optional<StaffingSection> staffing;   (issue 4: dacu staff)
  //   std::optional<BudgetSection> budget;       (issue 5: dacu roi)

  /// Checkpoints whose moment passed with no actual figure.
  std::vector<const CheckpointResult*> overdue() const;
  /// Whether any checkpoint is off plan (what --fail-on-alert turns into exit code 3).
  bool alert() const;
  /// Checkpoints off plan, and checkpoints with an actual figure: the summary's "1 / 3".
  std::size_t off_plan_count() const;
  std::size_t with_actual_count() const;
};

/// Builds the report as of `as_of` (wall-clock time in the plan's zone). Rows after `as_of` are
/// ignored. Throws InputError D506 when two rows give different figures for one metric and time.
Report build_report(const Plan& plan, std::span<const ActualsInput> actuals, date::local_seconds as_of);

}  // namespace dacu
