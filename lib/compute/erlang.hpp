#pragma once
/// Queue staffing with Erlang C: how many agents answer a contact stream within a service level.
///
/// Pure math, no I/O. Erlang C is computed from the Erlang B recurrence (never A^N / N!), so it
/// stays finite and accurate for thousands of Erlangs; staff_queue scans N upward once, updating
/// B incrementally, so the whole search is O(N).
///
/// Chat concurrency convention: an agent who works c chats at once is modelled as one server
/// whose effective handle time is AHT / c. Traffic, service level and ASA all use that effective
/// handle time: A = contacts × (AHT / c) / interval.
///
///   QueueInput in{.contacts = 100, .interval = 30min, .aht = 180s,
///                 .service_level_target = 0.80, .answer_within = 20s,
///                 .max_occupancy = 0.85, .shrinkage = 0.30};
///   QueueResult r = staff_queue(in);  // r.agents == 14, r.agents_after_shrinkage == 20

#include <chrono>
#include <optional>
#include <string>

#include "dacu/base/error.hpp"

namespace dacu {

/// What staff_queue, erlang_c and service_level refuse, naming the input it is about, so that a
/// caller can point at the right field and give the right hint without reading the message.
class QueueError : public Error {
 public:
  enum class Field { contacts, interval, aht, answer_within, service_level, max_occupancy, shrinkage, concurrency,
                     agents, traffic };
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
  double contacts = 0;                    ///< 咨询量: contacts arriving in the interval (>= 0)
  std::chrono::seconds interval{0};       ///< 统计时段: the interval the contacts arrive in (> 0)
  std::chrono::seconds aht{0};            ///< 平均处理时长: average handle time per contact (> 0)
  double service_level_target = 0;        ///< 服务水平目标: share answered within answer_within, in (0, 1)
  std::chrono::seconds answer_within{0};  ///< 接通时限: the service-level threshold (>= 0)
  std::optional<double> max_occupancy;    ///< 最高占用率: cap on A / N, in (0, 1]; none when empty
  double shrinkage = 0;                   ///< 损耗率: share of paid time not on the queue, in [0, 1)
  double concurrency = 1;                 ///< 并发数: chats one agent works at once (>= 1)
};

/// The staffing that meets a QueueInput, and how that staffing performs.
struct QueueResult {
  int agents = 0;                  ///< agents on the queue (N), the smallest meeting every target
  int agents_after_shrinkage = 0;  ///< ceil(N / (1 - shrinkage)): heads to schedule
  double traffic_erlangs = 0;      ///< offered traffic A
  double service_level = 1;        ///< share answered within answer_within at N
  double asa_seconds = 0;          ///< average speed of answer at N
  double occupancy = 0;            ///< A / N
  double probability_wait = 0;     ///< Erlang C: probability a contact waits at all

  friend bool operator==(const QueueResult&, const QueueResult&) = default;
};

/// The smallest number of agents N > A whose service level reaches the target and whose
/// occupancy stays within max_occupancy, with the figures at N. Zero contacts need 0 agents.
/// Throws QueueError naming the field for invalid input, an unreachable target, or a queue too
/// large to count.
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
