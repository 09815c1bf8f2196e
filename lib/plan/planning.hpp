#pragma once
/// The whole dated plan of a campaign: expansion plus what other sections add to it — the
/// template's period limits (limits:) and the platform's deadlines (rules:). Every command that
/// shows a schedule starts here, so `plan`, `report` and `staff` agree.
///
///   dacu::Plan plan = dacu::plan_campaign(loader.load_file("my.yaml"));

#include "dacu/plan/schedule.hpp"

namespace dacu {

/// expand(), then the period limits (an error limit throws InputError, a warning joins
/// plan.warnings) and the platform deadlines.
Plan plan_campaign(const Campaign& campaign);

/// For the commands that compute without a schedule (roi, check, funnel): the campaign's waves
/// dated and checked as plan_campaign checks them (D127 a 尾款 before its 定金 ends, D128 waves out
/// of order, D129 尾款 windows overlapping), so that no command accepts a campaign `plan`
/// refuses, and the milestones in their order (D036). Nothing to check for a template whose
/// milestones have no dates.
/// Throws InputError.
void check_dated_waves(const Campaign& campaign);

}  // namespace dacu
