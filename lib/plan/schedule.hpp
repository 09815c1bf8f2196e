#pragma once
/// Expansion: a campaign becomes a dated plan — milestones resolved, tasks and checkpoints dated
/// in the campaign's time zone, with the calendar's working days and roll rules applied.
///
///   dacu::Plan plan = dacu::expand(campaign);
///
/// Pure: no files, no clock, no output.

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "dacu/model/template.hpp"
#include "dacu/plan/plan.hpp"

namespace dacu {

/// Resolves milestones (D032 cycle, D033 no date), dates every task (D034 end before start) and
/// checkpoint. Throws InputError located at the offending element.
Plan expand(const Campaign& campaign);

/// The check expand() makes of the milestones' order (D036: a date given after a later milestone),
/// for the commands that compute without a schedule (roi, check, funnel). Throws InputError; D033
/// when a milestone something uses has no date.
void check_milestone_order(const Campaign& campaign);

/// Which tasks to keep: every given field must match; dates keep tasks that overlap [from, to].
/// A department, owner or phase that no task (or checkpoint) of the plan has is InputError D521,
/// located on the command line, with the closest name as a hint.
struct PlanFilter {
  std::string department;
  std::string owner;
  std::string phase;
  std::optional<date::local_days> from;
  std::optional<date::local_days> to;
};
Plan filter_plan(Plan plan, const PlanFilter& filter);

}  // namespace dacu
