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

}  // namespace dacu
