#include "dacu/plan/planning.hpp"

#include "dacu/plan/limits.hpp"
#include "dacu/plan/deadlines.hpp"
#include "dacu/plan/waves.hpp"

namespace dacu {

Plan plan_campaign(const Campaign& campaign) {
  auto plan = expand(campaign);
  for (auto& d : check_waves(campaign, plan)) throw InputError(std::move(d));
  for (auto& d : check_limits(campaign.plan, plan)) {
    if (d.severity == Severity::error) throw InputError(d);
    plan.warnings.push_back(std::move(d));
  }
  plan.deadlines = platform_deadlines(campaign, plan, plan.warnings);
  return plan;
}

}  // namespace dacu
