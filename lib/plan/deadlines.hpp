#pragma once
/// Platform deadlines: the template's `rules:` (聚划算 保证金, showcase and sale windows, payment
/// window, shipping limits, deposit hold) dated for one campaign.
///
///   auto plan = dacu::expand(campaign);
///   plan.deadlines = dacu::platform_deadlines(campaign, plan, plan.warnings);
///
/// Pure: no files, no clock, no output.

#include <vector>

#include "dacu/model/template.hpp"
#include "dacu/plan/schedule.hpp"

namespace dacu {

/// The milestones the rules hang on: the opening day (showcase and sale) and the close.
inline constexpr std::string_view kOpeningMilestone = "开团";
inline constexpr std::string_view kCloseMilestone = "结束";
/// Parameters that choose between the rules' variants.
inline constexpr std::string_view kCategoryTypeParameter = "类目类型";     ///< 普通 | 高危
inline constexpr std::string_view kCustomGoodsParameter = "定制或大型家具";  ///< true | false

/// The deadlines in the order a planner meets them (保证金, 展示, 售卖, 付款, 发货, 冻结). Empty when the plan has no 开团 or the template
/// no rules. Throws InputError D430 for a 类目类型 other than 普通 / 高危; appends a warning D431
/// to `warnings` when 开团 falls on a public holiday and the rules say 顺延.
std::vector<DatedDeadline> platform_deadlines(const Campaign& campaign, const Plan& plan, std::vector<Diagnostic>& warnings);

}  // namespace dacu
