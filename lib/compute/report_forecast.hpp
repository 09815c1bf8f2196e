#pragma once
/// The report's progress and forecast: each target metric's latest figure against the day's
/// target, and the day's total projected from the campaign's planned cumulative shares.
///
/// Method ("按检查点计划的累计占比线性插值"): the checkpoints of the metrics that have a target give
/// the planned share of the day's total at their moments (plan ÷ target: 开团后1小时 件数 × 40% is
/// 40%); the share is 0 at 开团 and 1 at the close (结束, else the end of 开团's day), and linear
/// between these points. The projection is the latest figure ÷ the planned share at its time;
/// for units that cap the sale (聚划算's 件数), the sell-out time is when the projected curve,
/// projection × share(t), reaches the cap. All exact (Rational).

#include <functional>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "dacu/compute/report.hpp"

namespace dacu {

/// A metric's figures in the sale (at or after 开团, at or before as-of), in time order.
using FiguresOf = std::function<std::vector<std::pair<date::local_seconds, Rational>>(std::string_view metric)>;

/// nullopt when the targets are empty or the plan has no 开团.
std::optional<ReportForecast> build_forecast(const Plan& plan, const SalesTargets& targets,
                                             std::optional<date::local_seconds> opening, const FiguresOf& figures_of);

/// When the curve projection × share(t) reaches `cap` after `from` (share(from) = from_share):
/// the first such moment, rounded up to the second; nullopt when it stays below the cap.
std::optional<date::local_seconds> projected_sell_out(const ReportForecast& forecast, const Rational& projection,
                                                      const Rational& cap, date::local_seconds from);

}  // namespace dacu
