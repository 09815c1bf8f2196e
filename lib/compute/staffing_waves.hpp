#pragma once
/// Ratio posts and queues written once with `wave: each`, computed once per wave: named
/// `第一波 · 配货`, their formulas over the wave's values (numbers_in_wave: a wave's 件数占比), their
/// days on the wave's milestones (`第一波 · 尾款开始`, as the plan names them). A model without
/// `wave: each`, or a campaign without waves, is computed once as written.

#include <utility>
#include <vector>

#include "dacu/compute/formula_values.hpp"
#include "dacu/model/staffing.hpp"
#include "dacu/plan/plan.hpp"

namespace dacu {

std::vector<std::pair<RatioPost, Values>> posts_by_wave(const Staffing& s, const Template& t, const Plan& plan,
                                                        const Values& values);
std::vector<std::pair<Queue, Values>> queues_by_wave(const Staffing& s, const Template& t, const Plan& plan,
                                                     const Values& values);

}  // namespace dacu
