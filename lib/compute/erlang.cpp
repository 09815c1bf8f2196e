#include "dacu/compute/erlang.hpp"

#include <cmath>
#include <string>

#include <fmt/format.h>

#include "dacu/base/error.hpp"

namespace dacu {

namespace {

// Beyond this a single queue is not a planning question any more, and N must still fit an int.
constexpr double max_agents = 10'000'000;

// A share as people read it: 0.8 -> "80%".
std::string percent(double share) { return fmt::format("{:g}%", share * 100); }

// Erlang B for n servers from Erlang B for n - 1: B(n) = A·B(n−1) / (n + A·B(n−1)).
// Every step stays in [0, 1], so nothing overflows however large A and n are.
double erlang_b_next(int n, double traffic, double b_previous) {
  double ab = traffic * b_previous;
  return ab / (n + ab);
}

// Erlang C from Erlang B at the same n, for n > A: C = n·B / (n − A·(1 − B)).
double erlang_c_from_b(int n, double traffic, double b) { return n * b / (n - traffic * (1 - b)); }

// Share answered within t seconds, for n > A.
double service_level_from_c(double c, int n, double traffic, double handle_s, double t_s) {
  return 1 - c * std::exp(-(n - traffic) * t_s / handle_s);
}

void check_traffic(int agents, double traffic) {
  if (agents < 0) throw QueueError(QueueError::Field::agents, QueueError::Kind::invalid, fmt::format("agents must be zero or more, got {}", agents));
  if (!(traffic >= 0) || !std::isfinite(traffic))
    throw QueueError(QueueError::Field::traffic, QueueError::Kind::invalid, fmt::format("traffic must be a finite number of Erlangs, zero or more, got {}", traffic));
}

void check_input(const QueueInput& in) {
  if (!(in.contacts >= 0) || !std::isfinite(in.contacts))
    throw QueueError(QueueError::Field::contacts, QueueError::Kind::invalid, fmt::format("咨询量 must be a number, zero or more, got {}", in.contacts));
  if (in.interval.count() <= 0)
    throw QueueError(QueueError::Field::interval, QueueError::Kind::invalid, fmt::format("统计时段 must be positive, got {} s", in.interval.count()));
  if (in.aht.count() <= 0)
    throw QueueError(QueueError::Field::aht, QueueError::Kind::invalid, fmt::format("平均处理时长 must be positive, got {} s", in.aht.count()));
  if (in.answer_within.count() < 0)
    throw QueueError(QueueError::Field::answer_within, QueueError::Kind::invalid, fmt::format("接通时限 must not be negative, got {} s", in.answer_within.count()));
  double target = in.service_level_target;
  if (target >= 1)
    // C(N, A) > 0 and exp(...) > 0 for every N, so some contacts always wait past any threshold.
    throw QueueError(QueueError::Field::service_level, QueueError::Kind::unreachable, fmt::format(
        "服务水平目标 must be below 100%, got {}: with random arrivals some contacts always wait "
        "longer than {} s, so no number of agents reaches it",
        percent(target), in.answer_within.count()));
  if (!(target > 0))
    throw QueueError(QueueError::Field::service_level, QueueError::Kind::invalid, fmt::format("服务水平目标 must be above 0% and below 100%, got {}", percent(target)));
  if (in.max_occupancy && !(*in.max_occupancy > 0 && *in.max_occupancy <= 1))
    throw QueueError(QueueError::Field::max_occupancy, QueueError::Kind::invalid, fmt::format("最高占用率 must be above 0% and at most 100%, got {}", percent(*in.max_occupancy)));
  if (!(in.shrinkage >= 0 && in.shrinkage < 1))
    throw QueueError(QueueError::Field::shrinkage, QueueError::Kind::invalid, fmt::format("损耗率 must be at least 0% and below 100%, got {}", percent(in.shrinkage)));
  if (!(in.concurrency >= 1) || !std::isfinite(in.concurrency))
    throw QueueError(QueueError::Field::concurrency, QueueError::Kind::invalid, fmt::format("并发数 must be at least 1, got {}", in.concurrency));
}

// The smallest N with A / N <= max_occupancy, decided by the same division the result reports.
int agents_for_occupancy(double traffic, double max_occupancy) {
  double estimate = std::ceil(traffic / max_occupancy);
  if (!(estimate <= max_agents))
    throw QueueError(QueueError::Field::max_occupancy, QueueError::Kind::too_large, fmt::format("最高占用率 {} needs more than {:.0f} agents for {:.6g} Erlangs",
                            percent(max_occupancy), max_agents, traffic));
  int n = static_cast<int>(estimate);
  while (n > 1 && traffic / (n - 1) <= max_occupancy) --n;
  while (traffic / n > max_occupancy) ++n;
  return n;
}

int heads_after_shrinkage(int agents, double shrinkage) {
  double heads = agents / (1 - shrinkage);
  if (!(heads <= max_agents))
    throw QueueError(QueueError::Field::shrinkage, QueueError::Kind::too_large, fmt::format("损耗率 {} needs more than {:.0f} heads for {} agents", percent(shrinkage),
                            max_agents, agents));
  // 21 / (1 − 0.3) comes out as 30.000000000000004; that is 30 heads, not 31.
  return static_cast<int>(std::ceil(heads * (1 - 1e-12)));
}

}  // namespace

double erlang_c(int agents, double traffic) {
  check_traffic(agents, traffic);
  if (traffic == 0) return 0;
  if (agents <= traffic) return 1;
  double b = 1;
  for (int n = 1; n <= agents; ++n) {
    b = erlang_b_next(n, traffic, b);
    if (b == 0) return 0;  // underflowed: stays 0 for every larger n
  }
  return erlang_c_from_b(agents, traffic, b);
}

double service_level(int agents, double traffic, double aht_s, double answer_within_s) {
  check_traffic(agents, traffic);
  if (!(aht_s > 0)) throw QueueError(QueueError::Field::aht, QueueError::Kind::invalid, fmt::format("平均处理时长 must be positive, got {} s", aht_s));
  if (!(answer_within_s >= 0)) throw QueueError(QueueError::Field::answer_within, QueueError::Kind::invalid, fmt::format("接通时限 must not be negative, got {} s", answer_within_s));
  if (traffic == 0) return 1;
  if (agents <= traffic) return 0;
  return service_level_from_c(erlang_c(agents, traffic), agents, traffic, aht_s, answer_within_s);
}

QueueResult staff_queue(const QueueInput& in) {
  check_input(in);
  if (in.contacts == 0) return QueueResult{};

  // Concurrency convention: c chats at once make one agent a server with handle time AHT / c.
  double handle_s = static_cast<double>(in.aht.count()) / in.concurrency;
  double traffic = in.contacts * handle_s / static_cast<double>(in.interval.count());
  double t_s = static_cast<double>(in.answer_within.count());

  // Any target below 100% is met well before A + 10·√A + 100 agents (C is about 1e-20 there),
  // so the scan stops; reaching the bound means floating point cannot represent the target.
  double scan_bound = traffic + 10 * std::sqrt(traffic) + 100;
  if (!(scan_bound <= max_agents))
    throw QueueError(QueueError::Field::traffic, QueueError::Kind::too_large, fmt::format("{:.0f} Erlangs is too much traffic to staff as one queue (more than {:.0f} agents)",
                            traffic, max_agents));
  int last_n = static_cast<int>(std::ceil(scan_bound));

  // B(floor(A)), then one recurrence step per candidate N: O(N) in all.
  int n = static_cast<int>(std::floor(traffic));
  double b = 1;
  for (int k = 1; k <= n; ++k) b = erlang_b_next(k, traffic, b);

  double c = 1;
  double sl = 0;
  do {
    ++n;
    b = erlang_b_next(n, traffic, b);
    c = erlang_c_from_b(n, traffic, b);
    sl = service_level_from_c(c, n, traffic, handle_s, t_s);
  } while (sl < in.service_level_target && n < last_n);
  if (sl < in.service_level_target)
    throw QueueError(QueueError::Field::service_level, QueueError::Kind::unreachable, fmt::format("服务水平目标 {} within {} s is unreachable: even {} agents for {:.6g} Erlangs "
                            "answer only {:.10g}% in time",
                            percent(in.service_level_target), in.answer_within.count(), n, traffic, sl * 100));

  if (in.max_occupancy) {
    int occupancy_n = agents_for_occupancy(traffic, *in.max_occupancy);
    while (n < occupancy_n) {
      ++n;
      b = erlang_b_next(n, traffic, b);
    }
    c = erlang_c_from_b(n, traffic, b);
    sl = service_level_from_c(c, n, traffic, handle_s, t_s);
  }

  QueueResult result;
  result.agents = n;
  result.agents_after_shrinkage = heads_after_shrinkage(n, in.shrinkage);
  result.traffic_erlangs = traffic;
  result.service_level = sl;
  result.asa_seconds = c * handle_s / (n - traffic);
  result.occupancy = traffic / n;
  result.probability_wait = c;
  return result;
}

}  // namespace dacu
