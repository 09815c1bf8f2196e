#pragma once
/// Staffing models as data: ratio posts, outbound calling, phase rotas, Erlang C queues and
/// traffic curves (docs/format.md, "Staffing"). Values are formulas over the template's parameters.
/// Read by input/staffing_reader.hpp, computed by compute/staffing.hpp.

#include <chrono>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/expr.hpp"
#include "dacu/base/offset.hpp"
#include "dacu/model/formula.hpp"
#include "dacu/model/source.hpp"
#include "dacu/model/staffing_tables.hpp"

namespace dacu {

/// 岗位: one ratio post. heads = ceil(orders × share / capacity).
struct RatioPost {
  std::string name;
  std::string department;
  Formula orders;    ///< orders on the day (the section's `orders` when the post gives none)
  Formula share;     ///< share of the orders reaching this post (100% when not given)
  Formula capacity;  ///< orders one person handles a day
  Offset start;      ///< first day staffed
  std::optional<Offset> end;  ///< last day staffed (inclusive); the start day alone when none
  /// `wave: each`: computed once per wave (`第一波 · 配货`), with the wave's values and dated on its
  /// milestones (`第一波 · 尾款开始`); once, as written, when the campaign runs no waves.
  bool each_wave = false;
  SourceRef source;
  Location where;
};

/// 外呼: an outbound calling campaign. Exactly one of calls_per_person and people is given.
struct CallingCampaign {
  std::string name;
  std::string department;
  std::string role;
  Formula customers;
  std::optional<Formula> calls_per_person;  ///< calls one person makes a day → heads
  std::optional<Formula> people;            ///< people available → calls per person per day
  /// The task whose planned days the calls take (the plan's 电话通知 task), so that `plan` and
  /// `staff` give one set of dates; or, without a task, `days` counted from `start`.
  std::string task;
  Location task_where;
  std::optional<Formula> days;
  std::optional<Offset> start;
  SourceRef source;
  Location where;
};

/// One period of a rota: days, coverage and heads per role on duty.
struct RotaPeriod {
  std::string name;          ///< e.g. 活动时, 活动后
  Offset from;
  Offset to;                 ///< inclusive
  Formula hours;             ///< coverage hours per day, in (0, 24]
  std::chrono::minutes opens{0};  ///< when coverage starts each day
  std::vector<std::pair<std::string, Formula>> heads;  ///< role → heads on duty at any time
  Location where;
};

/// 排班: heads per role per period, in shifts of a fixed length.
struct Rota {
  std::string name;
  std::string department;
  std::chrono::seconds shift{8 * 3600};
  Location shift_where;
  std::vector<RotaPeriod> periods;
  SourceRef source;
  Location where;
};

/// A traffic curve: the share of a day's contacts arriving in each hour (0–23), summing to 100%.
struct TrafficCurve {
  std::string name;
  std::vector<std::pair<int, Formula>> shares;  ///< hour → share
  SourceRef source;
  Location where;
};

/// 服务水平: share answered within a time, e.g. 80/20.
struct ServiceLevelSpec {
  Formula target;  ///< a share, e.g. 80%
  std::chrono::seconds within{0};
};

/// 排队: a chat or phone queue staffed with Erlang C.
struct Queue {
  std::string name;
  std::string department;
  std::string role;
  std::optional<Formula> contacts;        ///< per interval …
  std::optional<Formula> daily_contacts;  ///< … or per day, spread by `curve` over hours
  std::string curve;
  Location curve_where;
  std::chrono::seconds interval{3600};
  Formula aht;  ///< seconds (written as 180s or a formula in seconds)
  ServiceLevelSpec service_level;
  Location service_level_where;
  std::optional<Formula> max_occupancy;
  std::optional<Formula> shrinkage;
  std::optional<Formula> concurrency;
  Offset day;
  bool each_wave = false;  ///< `wave: each`, as for a ratio post
  SourceRef source;
  Location where;
};

/// The `staffing:` section of a template.
struct Staffing {
  std::vector<RatioPost> posts;
  std::vector<CallingCampaign> calling;
  std::vector<Rota> rotas;
  std::vector<Queue> queues;
  std::vector<TrafficCurve> curves;
  std::vector<StaffTable> tables;  ///< tables kept as the source gives them (staffing_tables.hpp)
  SourceRef orders_source;  ///< `sources: {orders: …}`: where the day's order count comes from
  Location where;
};

}  // namespace dacu
