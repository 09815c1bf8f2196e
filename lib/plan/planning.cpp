#include "dacu/plan/planning.hpp"

#include "dacu/plan/limits.hpp"
#include "dacu/plan/deadlines.hpp"
#include "dacu/plan/waves.hpp"

#include <optional>

namespace dacu {

namespace {

// The waves' problems refuse the campaign, the first one found.
void refuse_wave_problems(const Campaign& campaign, const Plan& plan) {
  for (auto& d : check_waves(campaign, plan)) throw InputError(std::move(d));
}

}  // namespace

void check_dated_waves(const Campaign& campaign) {
  // A template without its dates (roi on 聚划算.yaml) has no moments to check the order or the
  // waves by.
  auto no_date = make_diagnostic(Severity::error, "D033.needed", {}, {{"name", ""}, {"offset", ""}}).code;
  if (campaign.plan.waves.waves.empty()) {
    try {
      check_milestone_order(campaign);  // D036, the one check expand() makes
    } catch (const InputError& e) {
      if (e.diagnostic().code != no_date) throw;
    }
    return;
  }
  std::optional<Plan> plan;
  try {
    plan = expand(campaign);  // checks the milestones' order too
  } catch (const InputError& e) {
    if (e.diagnostic().code == no_date) return;
    throw;
  }
  refuse_wave_problems(campaign, *plan);
}

Plan plan_campaign(const Campaign& campaign) {
  auto plan = expand(campaign);
  refuse_wave_problems(campaign, plan);
  for (auto& d : check_limits(campaign.plan, plan)) {
    if (d.severity == Severity::error) throw InputError(d);
    plan.warnings.push_back(std::move(d));
  }
  plan.deadlines = platform_deadlines(campaign, plan, plan.warnings);
  return plan;
}

}  // namespace dacu
