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

#include "dacu/compute/actuals_checks.hpp"
#include "dacu/compute/task_status.hpp"
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
  /// Its moment has passed and the latest figure before it is older than the tolerance
  /// (--max-staleness, 15 minutes by default): shown, never compared as if current.
  stale,
};
std::string_view status_name(CheckStatus status);  ///< pending, no_data, …

struct CheckpointResult {
  DatedCheckpoint checkpoint;
  CheckStatus status = CheckStatus::pending;
  std::optional<Rational> plan;
  std::optional<Rational> tolerance;          ///< a fraction: 20% is 1/5
  std::optional<Rational> actual;             ///< the cumulative figure at the checkpoint's moment
  std::optional<date::local_seconds> actual_at;  ///< the time of the figure used (at or before the moment)
  /// How long before the checkpoint's moment the figure was taken (set with `actual`).
  std::optional<std::chrono::seconds> age;
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

/// A metric's latest figure at or before the as-of moment: what the tables and the chart end with.
struct LatestFigure {
  std::string metric;
  Rational value;
  date::local_seconds at;
};

/// One metric measured against the campaign's target for the day (progress and forecast).
struct Progress {
  std::string metric;        ///< 支付笔数, 支付件数, 支付金额
  std::string target_name;   ///< what the target is: 件数, 成交额
  std::string target_formula;  ///< how it was reached: 件数, 团购价 × 件数
  Rational target;
  bool money = false;        ///< 支付金额: shown to the fen
  std::optional<Rational> actual;  ///< the latest figure in the sale, at or before as-of
  std::optional<date::local_seconds> actual_at;
  std::optional<Rational> fraction;       ///< actual ÷ target, exact
  std::optional<Rational> planned_share;  ///< the planned cumulative share at actual_at
  std::optional<Rational> projection;     ///< actual ÷ planned_share, at most the cap (成交额 for 支付金额): the day's total, exact
  /// Units offered (件数 when the platform sells exactly that many, 聚划算's 报名数量): the sale
  /// cannot run past it, so neither does the projection.
  std::optional<Rational> cap;
  bool sold_out = false;                       ///< an actual figure reached the cap
  std::optional<date::local_seconds> sell_out;  ///< when the cap was (sold_out) or is projected to be reached
};

/// The forecast of the day's totals from the checkpoint curve (ReportForecast::method).
struct ReportForecast {
  /// The planned cumulative share of the day's total: 0 at 开团, each checkpoint's plan ÷ its
  /// metric's target, 1 at the close (结束, else the end of 开团's day); linear in between.
  std::vector<std::pair<date::local_seconds, Rational>> curve;
  std::string curve_metric;  ///< the checkpoints' metric the shares come from
  std::vector<Progress> metrics;
  /// The planned share at `t` (0 before the first point, 1 after the last).
  Rational share_at(date::local_seconds t) const;
};

/// What build_report needs besides the plan and the actuals.
struct ReportSettings {
  /// A figure taken longer than this before a checkpoint is stale for it (--max-staleness).
  std::chrono::seconds max_staleness = std::chrono::minutes(15);
  /// The campaign's targets (sales_targets(campaign)); without them there is no forecast and no
  /// orders-above-units check.
  SalesTargets targets;
};

struct Report {
  Plan plan;
  ZonedTime as_of;
  std::vector<Countdown> countdown;         ///< every milestone, in template order
  std::vector<DatedTask> due_today;         ///< tasks whose last day (or end) is the as-of day
  std::vector<DatedTask> in_progress;       ///< started, ending after the as-of day
  std::vector<CheckpointResult> checkpoints;
  std::vector<MetricSeries> series;         ///< the metrics the checkpoints track, up to as-of
  std::vector<LatestFigure> latest;         ///< tracked and target metrics: the latest figure at or before as-of
  std::optional<ReportForecast> forecast;   ///< when the campaign has targets and a 开团
  std::chrono::seconds max_staleness{0};    ///< the tolerance used
  std::vector<std::string> actuals_files;
  std::vector<Diagnostic> findings;         ///< unknown metrics and other warnings about the actuals
  /// With --status: the tasks open past due, due today and due soon (compute/task_status.hpp).
  std::optional<StatusSection> status;
  // Sections still to come, each optional so the renderers skip it when absent:
  //   std::optional<StaffingSection> staffing;   (issue 4: dacu staff)
  //   std::optional<BudgetSection> budget;       (issue 5: dacu roi)

  /// Checkpoints whose moment passed with no actual figure.
  std::vector<const CheckpointResult*> overdue() const;
  /// Whether any checkpoint is off plan (what --fail-on-alert turns into exit code 3). Stale and
  /// missing figures are not alerts: see missing_data() and stale().
  bool alert() const;
  /// Whether a checkpoint's moment passed with no figure (status no_data).
  bool missing_data() const;
  /// Whether a checkpoint's figure was too old to compare (status stale).
  bool stale() const;
  /// Checkpoints off plan, and checkpoints with an actual figure: the summary's "1 / 3".
  std::size_t off_plan_count() const;
  std::size_t with_actual_count() const;
};

/// Builds the report as of `as_of` (wall-clock time in the plan's zone). Rows after `as_of` are
/// ignored; rows before 开团 are not used for checkpoints at or after it; a figure older than
/// `settings.max_staleness` before a checkpoint makes it stale. The data checks
/// (actuals_checks.hpp) become `findings`. Throws InputError D506 when two rows give different
/// figures for one metric and time.
Report build_report(const Plan& plan, std::span<const ActualsInput> actuals, date::local_seconds as_of,
                    const ReportSettings& settings = {});

}  // namespace dacu
