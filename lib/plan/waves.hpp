#pragma once
/// The checks of a campaign's dated waves (docs/format.md, "Waves and presale"): each wave's
/// per-wave milestones in the order the template declares them (a wave's 尾款开始 not before its
/// 定金结束: D127), the waves in the order written (D128), and no two 尾款 windows overlapping
/// unless a wave declares it with `overlaps:` (D129).

#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/model/template.hpp"
#include "dacu/plan/plan.hpp"

namespace dacu {

/// The problems of the waves of `campaign` as `plan` dates them; errors, in the order found.
std::vector<Diagnostic> check_waves(const Campaign& campaign, const Plan& plan);

}  // namespace dacu
