#include "dacu/compute/erlang.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include <fmt/format.h>

#include "dacu/base/error.hpp"

namespace dacu {

namespace {

// Beyond this a single queue is not a planning question any more, and N must still fit an int.
constexpr double max_agents = 10'000'000;


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
  if (agents < 0) throw QueueError(QueueError::Field::agents, QueueError::Kind::invalid, message("erlang.agents-negative", {{"agents", agents}}));
  if (!(traffic >= 0) || !std::isfinite(traffic))
    throw QueueError(QueueError::Field::traffic, QueueError::Kind::invalid, message("erlang.traffic-invalid", {{"traffic", traffic}}));
}

void check_input(const QueueInput& in) {
  if (in.contacts.is_negative())
    throw QueueError(QueueError::Field::contacts, QueueError::Kind::invalid, message("erlang.contacts-negative", {{"contacts", in.contacts.to_string()}}));
  if (in.interval.count() <= 0)
    throw QueueError(QueueError::Field::interval, QueueError::Kind::invalid, message("erlang.interval", {{"seconds", in.interval.count()}}));
  if (in.aht.count() <= 0)
    throw QueueError(QueueError::Field::aht, QueueError::Kind::invalid, message("erlang.aht", {{"seconds", in.aht.count()}}));
  if (in.answer_within.count() < 0)
    throw QueueError(QueueError::Field::answer_within, QueueError::Kind::invalid, message("erlang.answer-within", {{"seconds", in.answer_within.count()}}));
  const Rational& target = in.service_level_target;
  if (target >= Rational(1))
    // C(N, A) > 0 and exp(...) > 0 for every N, so some contacts always wait past any threshold.
    throw QueueError(QueueError::Field::service_level, QueueError::Kind::unreachable, message(
        "erlang.target-100", {{"target", percent_text(target)}, {"seconds", in.answer_within.count()}}));
  if (target <= Rational(0))
    throw QueueError(QueueError::Field::service_level, QueueError::Kind::invalid, message("erlang.target-range", {{"target", percent_text(target)}}));
  if (in.max_occupancy && !(*in.max_occupancy > Rational(0) && *in.max_occupancy <= Rational(1)))
    throw QueueError(QueueError::Field::max_occupancy, QueueError::Kind::invalid, message("erlang.occupancy-range", {{"value", percent_text(*in.max_occupancy)}}));
  if (in.shrinkage.is_negative() || in.shrinkage >= Rational(1))
    throw QueueError(QueueError::Field::shrinkage, QueueError::Kind::invalid, message("erlang.shrinkage-range", {{"value", percent_text(in.shrinkage)}}));
  if (in.concurrency < Rational(1))
    throw QueueError(QueueError::Field::concurrency, QueueError::Kind::invalid, message("erlang.concurrency", {{"value", in.concurrency.to_string()}}));
  if (in.agents && (*in.agents < 0 || *in.agents > max_agents))
    throw QueueError(QueueError::Field::agents, QueueError::Kind::invalid, message("erlang.agents-range", {{"max", fmt::format("{:.0f}", max_agents)}, {"agents", *in.agents}}));
  if (in.max_agents && (*in.max_agents < 1 || *in.max_agents > max_agents))
    throw QueueError(QueueError::Field::max_agents, QueueError::Kind::invalid, message("erlang.max-agents-range", {{"max", fmt::format("{:.0f}", max_agents)}, {"value", *in.max_agents}}));
}

// The smallest N with A / N <= cap, exactly: ceil(A / cap).
int agents_for_occupancy(const Rational& traffic, const Rational& cap) {
  auto n = (traffic / cap).ceil();
  if (n > Rational(static_cast<std::int64_t>(max_agents)))
    throw QueueError(QueueError::Field::max_occupancy, QueueError::Kind::too_large, message("erlang.occupancy-too-large",
        {{"cap", percent_text(cap)}, {"max", fmt::format("{:.0f}", max_agents)}, {"erlangs", fmt::format("{:.6g}", traffic.to_double())}}));
  return static_cast<int>(n.numerator());
}

// ceil(N / (1 − s)), exactly: 21 agents at 30% shrinkage are 30 heads, not 31.
int heads_after_shrinkage(int agents, const Rational& shrinkage) {
  auto heads = (Rational(agents) / (Rational(1) - shrinkage)).ceil();
  if (heads > Rational(static_cast<std::int64_t>(max_agents)))
    throw QueueError(QueueError::Field::shrinkage, QueueError::Kind::too_large, message("erlang.shrinkage-too-large",
        {{"shrinkage", percent_text(shrinkage)}, {"max", fmt::format("{:.0f}", max_agents)}, {"agents", agents}}));
  return static_cast<int>(heads.numerator());
}

// A queue's traffic, exactly and as a double for the Erlang formulas.
struct Traffic {
  Rational exact;   // A = contacts × (AHT / c) / interval
  double erlangs;
  double handle_s;  // AHT / c
};

Traffic traffic_of(const QueueInput& in) {
  Rational handle = Rational(in.aht.count()) / in.concurrency;
  Rational a = in.contacts * handle / Rational(in.interval.count());
  return {a, a.to_double(), handle.to_double()};
}

// The figures at n agents, Erlang B carried up to n by the recurrence (b_at_n is B(n)).
QueueResult figures_at(const QueueInput& in, const Traffic& t, int n, double b_at_n) {
  QueueResult r;
  r.agents = n;
  r.agents_after_shrinkage = heads_after_shrinkage(n, in.shrinkage);
  r.traffic_erlangs = t.erlangs;
  if (t.exact.is_zero()) {
    r.service_level = 1;
    r.asa_seconds = 0;
    r.occupancy = 0;
    r.probability_wait = 0;
  } else if (Rational(n) <= t.exact) {
    // As many agents as Erlangs or fewer: the queue grows without end and everyone waits.
    r.service_level = 0;
    r.asa_seconds = std::numeric_limits<double>::infinity();
    r.occupancy = 1;
    r.probability_wait = 1;
  } else {
    double c = erlang_c_from_b(n, t.erlangs, b_at_n);
    r.service_level = service_level_from_c(c, n, t.erlangs, t.handle_s, static_cast<double>(in.answer_within.count()));
    r.asa_seconds = c * t.handle_s / (n - t.erlangs);
    r.occupancy = (t.exact / Rational(n)).to_double();
    r.probability_wait = c;
  }
  r.service_level_met = r.service_level >= in.service_level_target.to_double();
  r.occupancy_met = !in.max_occupancy || t.exact <= *in.max_occupancy * Rational(n);
  return r;
}

// Erlang B(n) by the recurrence from B(0) = 1.
double erlang_b(int n, double traffic) {
  double b = 1;
  for (int k = 1; k <= n; ++k) b = erlang_b_next(k, traffic, b);
  return b;
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
  if (!(aht_s > 0)) throw QueueError(QueueError::Field::aht, QueueError::Kind::invalid, message("erlang.aht", {{"seconds", aht_s}}));
  if (!(answer_within_s >= 0)) throw QueueError(QueueError::Field::answer_within, QueueError::Kind::invalid, message("erlang.answer-within", {{"seconds", answer_within_s}}));
  if (traffic == 0) return 1;
  if (agents <= traffic) return 0;
  return service_level_from_c(erlang_c(agents, traffic), agents, traffic, aht_s, answer_within_s);
}

std::string_view binding_name(Binding b) {
  switch (b) {
    case Binding::none: return "none";
    case Binding::service_level: return "service_level";
    case Binding::max_occupancy: return "max_occupancy";
    case Binding::agents: return "agents";
    case Binding::max_agents: return "max_agents";
  }
  return "none";
}

QueueResult staff_queue(const QueueInput& in) {
  check_input(in);
  auto t = traffic_of(in);
  if (!std::isfinite(t.erlangs) || t.erlangs + 10 * std::sqrt(t.erlangs) + 100 > max_agents)
    throw QueueError(QueueError::Field::traffic, QueueError::Kind::too_large, message("erlang.traffic-too-large",
        {{"erlangs", fmt::format("{:.0f}", t.erlangs)}, {"max", fmt::format("{:.0f}", max_agents)}}));

  if (in.agents) {
    auto r = figures_at(in, t, *in.agents, erlang_b(*in.agents, t.erlangs));
    r.binding = Binding::agents;
    return r;
  }
  if (in.contacts.is_zero()) return QueueResult{};

  // Any target below 100% is met well before A + 10·√A + 100 agents (C is about 1e-20 there),
  // so the scan stops; reaching the bound means floating point cannot represent the target.
  int last_n = static_cast<int>(std::ceil(t.erlangs + 10 * std::sqrt(t.erlangs) + 100));
  if (in.max_agents) last_n = std::min(last_n, *in.max_agents);
  double target = in.service_level_target.to_double();
  double t_s = static_cast<double>(in.answer_within.count());

  // B(floor(A)), then one recurrence step per candidate N > A: O(N) in all.
  int n = static_cast<int>(t.exact.floor().numerator());
  if (in.max_agents) n = std::min(n, *in.max_agents);
  double b = erlang_b(n, t.erlangs);
  double sl = 0;
  while (n < last_n) {
    ++n;
    b = erlang_b_next(n, t.erlangs, b);
    sl = service_level_from_c(erlang_c_from_b(n, t.erlangs, b), n, t.erlangs, t.handle_s, t_s);
    if (sl >= target) break;
  }
  Binding binding = Binding::service_level;
  if (sl < target) {
    if (in.max_agents && n == *in.max_agents) {
      auto r = figures_at(in, t, n, b);
      r.binding = Binding::max_agents;
      return r;
    }
    throw QueueError(QueueError::Field::service_level, QueueError::Kind::unreachable, message("erlang.unreachable",
        {{"target", percent_text(in.service_level_target)}, {"seconds", in.answer_within.count()}, {"agents", n},
         {"erlangs", fmt::format("{:.6g}", t.erlangs)}, {"percent", fmt::format("{:.10g}", sl * 100)}}));
  }
  if (in.max_occupancy) {
    int occupancy_n = agents_for_occupancy(t.exact, *in.max_occupancy);
    if (occupancy_n > n) {
      binding = Binding::max_occupancy;
      int stop = in.max_agents ? std::min(occupancy_n, *in.max_agents) : occupancy_n;
      while (n < stop) {
        ++n;
        b = erlang_b_next(n, t.erlangs, b);
      }
      if (n < occupancy_n) binding = Binding::max_agents;
    }
  }
  auto r = figures_at(in, t, n, b);
  r.binding = binding;
  return r;
}

}  // namespace dacu
