#pragma once
/// Queue staffing with Erlang C: how many agents answer a contact stream within a service level.
///
/// Pure math, no I/O. Erlang C is computed from the Erlang B recurrence (never A^N / N!), so it
/// stays finite and accurate for thousands of Erlangs; staff_queue scans N upward once, updating
/// B incrementally, so the whole search is O(N).
///
/// Exact where the inputs are: contacts, targets, caps, shrinkage and concurrency are Rationals,
/// so the occupancy cap (A / N <= cap) and the heads after shrinkage (ceil(N / (1 − s))) are
/// decided in exact arithmetic — 35.7 Erlangs on 42 agents is 85% exactly, within an 85% cap.
/// The service level involves exp() and is computed in double (relative error below 1e-12); it
/// is compared with the target as computed, without a tolerance.
///
/// Concurrency is *effective* concurrency: an agent with c chats open is modelled as one server
/// whose handle time is AHT / c, which holds only if c chats really take AHT / c each. Three open
/// chats do not triple an agent's throughput; measure c as the contacts an agent closes per hour
/// divided by the contacts one agent working one chat at a time closes per hour (3600 / AHT).
/// A = contacts × (AHT / c) / interval.
///
///   QueueInput in{.contacts = 100, .interval = 30min, .aht = 180s,
///                 .service_level_target = Rational(80, 100), .answer_within = 20s,
///                 .max_occupancy = Rational(85, 100), .shrinkage = Rational(30, 100)};
///   QueueResult r = staff_queue(in);  // r.agents == 14, r.agents_after_shrinkage == 20,
///                                     // r.binding == Binding::service_level
///   in.agents = 12;                   // how does a roster of 12 do?
///   r = staff_queue(in);              // r.service_level_met == false (SL 64.0%)

#include <chrono>
#include <optional>
#include <string_view>
#include <string>

#include "dacu/base/error.hpp"
#include "dacu/base/rational.hpp"

namespace dacu {

/// What staff_queue, erlang_c and service_level refuse, naming the input it is about, so that a
/// caller can point at the right field and give the right hint without reading the message.
class QueueError : public Error {
 public:
  enum class Field { contacts, interval, aht, answer_within, service_level, max_occupancy, shrinkage, concurrency,
                     agents, max_agents, traffic };
  enum class Kind {
    invalid,      ///< the value is outside its range
    unreachable,  ///< no number of agents meets the target
    too_large,    ///< the answer would need more agents than can be counted
  };
  QueueError(Field field, Kind kind, const std::string& message) : Error(message), field_(field), kind_(kind) {}
  Field field() const { return field_; }
  Kind kind() const { return kind_; }

 private:
  Field field_;
  Kind kind_;
};

/// One queue in one interval: the contacts that arrive and the service they must get.
/// Members start at zero, so an unset interval, AHT or target fails validation; shrinkage
/// defaults to none and concurrency to one contact at a time.
struct QueueInput {
  Rational contacts;                      ///< 咨询量: contacts arriving in the interval (>= 0)
  std::chrono::seconds interval{0};       ///< 统计时段: the interval the contacts arrive in (> 0)
  std::chrono::seconds aht{0};            ///< 平均处理时长: average handle time per contact (> 0)
  Rational service_level_target;          ///< 服务水平目标: share answered within answer_within, in (0, 1)
  std::chrono::seconds answer_within{0};  ///< 接通时限: the service-level threshold (>= 0)
  std::optional<Rational> max_occupancy;  ///< 最高占用率: cap on A / N, in (0, 1]; none when empty
  Rational shrinkage;                     ///< 损耗率: share of paid time not on the queue, in [0, 1)
  Rational concurrency{1};                ///< 有效并发数: effective chats per agent (>= 1), see above
  std::optional<int> agents;              ///< evaluate this many agents instead of searching (>= 0)
  std::optional<int> max_agents;          ///< search no further than this many agents (>= 1)
};

/// What decided the number of agents.
enum class Binding {
  none,           ///< no contacts: no agents needed
  service_level,  ///< the fewest agents meeting the service level (and the cap, if any)
  max_occupancy,  ///< more agents than the service level needs, to stay within the occupancy cap
  agents,         ///< the number was given (QueueInput::agents); the targets are only checked
  max_agents,     ///< the search stopped at max_agents before every target was met
};
/// "service_level", "max_occupancy", "agents", "max_agents", "none": the JSON spelling.
std::string_view binding_name(Binding b);

/// The staffing that meets a QueueInput, and how that staffing performs.
struct QueueResult {
  int agents = 0;                  ///< agents on the queue (N), the smallest meeting every target
  int agents_after_shrinkage = 0;  ///< ceil(N / (1 - shrinkage)): heads to schedule
  double traffic_erlangs = 0;      ///< offered traffic A
  double service_level = 1;        ///< share answered within answer_within at N
  /// Average speed of answer at N; infinite when N <= A (the queue grows without end).
  double asa_seconds = 0;
  double occupancy = 0;            ///< A / N, at most 1 (when N <= A every agent is always busy)
  double probability_wait = 0;     ///< Erlang C: probability a contact waits at all
  Binding binding = Binding::none;
  bool service_level_met = true;   ///< the service level at N reaches the target
  bool occupancy_met = true;       ///< A / N is within the cap (or there is none)

  friend bool operator==(const QueueResult&, const QueueResult&) = default;
};

/// The smallest number of agents N > A whose service level reaches the target and whose
/// occupancy stays within max_occupancy, with the figures at N (binding says which decided).
/// With `agents`, the figures at that many agents and whether they meet the targets; with
/// `max_agents`, no more than that, and binding == max_agents when a target is missed.
/// Zero contacts need 0 agents. Throws QueueError naming the field for invalid input, an
/// unreachable target, or a queue too large to count.
QueueResult staff_queue(const QueueInput& input);

/// Erlang C: the probability that a contact waits, with `agents` servers and `traffic` Erlangs.
/// 1 when agents <= traffic (the queue grows without bound); 0 when traffic is 0.
/// Throws dacu::Error when agents or traffic is negative or traffic is not finite.
double erlang_c(int agents, double traffic);

/// Share of contacts answered within `answer_within_s` seconds:
/// 1 − C(N, A) · exp(−(N − A) · t / AHT). 0 when agents <= traffic.
/// Throws dacu::Error on the same inputs as erlang_c, and when aht_s <= 0 or answer_within_s < 0.
double service_level(int agents, double traffic, double aht_s, double answer_within_s);

}  // namespace dacu
