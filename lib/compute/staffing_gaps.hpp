#pragma once
/// Rota against need: where a rota staffs the role a queue is for (客服排班's 售前 and the 旺旺咨询
/// queue), whether the heads on duty cover what Erlang C says the queue needs, hour by hour.

#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/compute/staffing.hpp"
#include "dacu/model/staffing.hpp"

namespace dacu {

/// Fills each queue interval's heads on duty and shortfall from the rota days that staff its
/// role on its day (coverage past midnight counts for the next day), and returns one warning
/// (D224) per rota, role and day with intervals below the need, naming the hours.
std::vector<Diagnostic> compare_rotas_with_queues(StaffReport& report, const Staffing& staffing);

}  // namespace dacu
