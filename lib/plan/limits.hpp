#pragma once
/// Period limits (`limits:` in a template: "announce 3–7 days ahead", "at most 30 days") checked
/// against a campaign's dated milestones.

#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/model/template.hpp"
#include "dacu/plan/schedule.hpp"

namespace dacu {

/// Checks the period limits against the dated milestones (D336, with the limit's severity).
std::vector<Diagnostic> check_limits(const Template& t, const Plan& plan);

}  // namespace dacu
