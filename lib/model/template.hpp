#pragma once
/// The validated model: templates, campaigns and what they are made of. Every element keeps the
/// Location of the YAML node it came from.

#include <chrono>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "dacu/base/calendar.hpp"
#include "dacu/base/error.hpp"
#include "dacu/base/offset.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/model/budget.hpp"
#include "dacu/model/eligibility.hpp"
#include "dacu/model/formula.hpp"
#include "dacu/model/source.hpp"
#include "dacu/model/staffing.hpp"
#include "dacu/model/waves.hpp"

namespace dacu {

/// A string with the place it was written.
struct Located {
  std::string value;
  Location where;
  friend bool operator==(const Located& a, const Located& b) { return a.value == b.value; }
};

enum class ParameterType { number, integer, percent, money, string, date, boolean };

/// Whether parameters of this type have a number (formulas, scenarios and sensitivity use them).
constexpr bool is_numeric(ParameterType type) {
  return type == ParameterType::number || type == ParameterType::integer || type == ParameterType::percent ||
         type == ParameterType::money;
}

struct Parameter {
  std::string name;
  ParameterType type = ParameterType::number;
  std::string value;  ///< the default, or the campaign's value once applied, as written
  /// The value as an exact number, read once with its type's grammar (base/): money in 元,
  /// a percentage as a fraction (20% = 1/5). Set for numeric types when there is a value.
  std::optional<Rational> number;
  /// The template's `min:` and `max:` (numeric types). Without `min:`, an integer (a count of
  /// 件, 秒, 天) and money (a price or a cost) are at least 0: a negative 件数 times a negative
  /// 团购价 would otherwise be a positive 成交额.
  std::optional<Rational> min, max;
  Location min_where, max_where;
  Location value_where;
  std::string unit;
  std::string description;
  SourceRef source;
  Location where;
};

struct Milestone {
  std::string name;
  std::string description;
  std::optional<Offset> derived;        ///< `at:` in the template: derived from another milestone
  std::optional<LocalDateTime> given;   ///< a date-time given by the campaign, --set, or the template
  Location given_where;
  /// The time of day the template gives the milestone (`time: "10:00"`, 聚划算 opens at 10:00): a
  /// date given alone takes it.
  std::optional<std::chrono::minutes> time_of_day;
  bool time_from_template = false;  ///< `given` was a date alone and took `time_of_day`
  std::string wave;  ///< the wave (第一波) of a per-wave milestone once expanded; empty for the others
  SourceRef source;
  Location where;
};

/// 如遇节假日顺延: what to do when a date lands on a day off.
enum class Roll { none, next, previous };

/// `repeat: 30min` + `until: 结束` on a task or checkpoint: written once, it happens at its start and
/// every `every` after while not later than `until`; plan/schedule.hpp dates each occurrence.
struct Repeat {
  std::chrono::seconds every{0};
  Offset until;
  Location where;  ///< the `repeat:` value
};

/// The name a repeated checkpoint's plan formula may use: the minutes from the milestone its `at:`
/// names to the occurrence (开团后30分钟 every 30min: 30, 60, 90 …).
inline constexpr std::string_view kRepeatMinutes = "分钟";

/// At most this many occurrences of one repeated task or checkpoint (D112 beyond).
inline constexpr std::size_t max_repeats = 500;

struct Department {
  std::string name;
  std::string lead;
  std::vector<std::string> roles;
  std::string description;
  Location where;
};

struct Task {
  std::string name;
  Located department;
  Located owner;
  Located phase;
  Offset start;
  std::optional<Offset> end;
  std::optional<std::chrono::seconds> duration;
  Location duration_where;
  Roll roll = Roll::none;
  bool roll_given = false;  ///< `roll:` was written: `roll: none` keeps a task on a day off on purpose
  std::optional<Repeat> repeat;
  std::string note;
  /// `wave: each`: written once, expanded into one task per wave (`第一波 · 尾款催付`) by the loader;
  /// its offsets may name the per-wave milestones unqualified. After expansion `wave` names the wave.
  bool each_wave = false;
  std::string wave;
  SourceRef source;
  Location where;
};

struct Checkpoint {
  std::string name;
  Offset at;
  std::string metric;
  /// The planned figure: a number (300) or a formula over the parameters (件数 × 15%), so that a
  /// shop's own 件数 scales it; evaluated when the plan is dated.
  std::optional<Formula> plan;
  std::optional<Rational> tolerance;  ///< a fraction: 20% is 1/5
  Located owner;
  std::string action;
  std::optional<Repeat> repeat;
  bool each_wave = false;  ///< `wave: each`, as for a task
  std::string wave;        ///< the wave once expanded
  SourceRef source;
  Location where;
};

/// What a checkpoint's or an actuals row's metric counts, and so the precision of its figures:
/// money (下单金额, 支付金额, 客单价) to the fen, ratios (…率, …%) to 6 decimals, counts (访客数,
/// 支付笔数 and any metric a template names) whole.
enum class MetricKind { count, money, ratio };
MetricKind metric_kind(std::string_view metric);
/// `value` at its metric's precision; counts round half away from zero (224.925 笔 is 225).
Rational at_metric_precision(const Rational& value, std::string_view metric);

/// A daily window such as the 8:00–9:59 showcase.
struct ClockWindow {
  std::chrono::minutes from{0};
  std::chrono::minutes to{0};
  friend bool operator==(const ClockWindow&, const ClockWindow&) = default;
};

/// Platform rules kept as data (聚划算's showcase and sale windows, payment and shipping limits,
/// the 保证金 deadline and hold); plan/deadlines.hpp dates them for a campaign.
struct PlatformRules {
  std::optional<ClockWindow> showcase;
  std::optional<ClockWindow> sale;
  std::optional<std::chrono::seconds> payment_window;
  std::optional<std::chrono::seconds> ship_within;
  std::optional<std::chrono::seconds> ship_within_custom;      ///< 定制、大型家具: after payment
  std::optional<std::chrono::seconds> deposit_due;             ///< 保证金 paid this long before the showcase day
  std::optional<std::chrono::seconds> deposit_hold;            ///< 保证金 held after the close, normal categories
  std::optional<std::chrono::seconds> deposit_hold_high_risk;  ///< … 高危 categories
  Roll showcase_roll = Roll::none;                             ///< 如遇节假日顺延
  /// The rule keys written, in order, each with its `sources:` entry (empty when none).
  std::vector<std::pair<Located, SourceRef>> written;
  Location where;
};

/// The calendar a template or campaign asks for: a name plus local days.
struct CalendarSpec {
  Located base{"cn", {}};
  std::vector<std::pair<date::local_days, Location>> days_off;
  std::vector<std::pair<date::local_days, Location>> workdays;
};

struct Template {
  std::string name;
  std::string title;
  std::string description;
  std::vector<std::string> notes;
  Located timezone{"Asia/Shanghai", {}};
  CalendarSpec calendar;
  /// The calendar `calendar` names with its days off and workdays added: built once, by the
  /// loader, and used by everything that dates (plan/timeline.hpp).
  Calendar resolved_calendar;
  std::vector<Located> phases;
  /// Where each phase begins (`{name: 活动中, from: 开团}`), parallel to `phases`; validate
  /// checks that a task's time fits its phase.
  std::vector<std::optional<Offset>> phase_starts;
  std::vector<Department> departments;
  std::vector<Parameter> parameters;
  std::vector<Milestone> milestones;
  std::vector<Task> tasks;
  std::vector<Checkpoint> checkpoints;
  PlatformRules rules;
  std::optional<Staffing> staffing;  ///< the `staffing:` section (model/staffing.hpp), when given
  Budget budget;                     ///< `budget:` (model/budget.hpp)
  RevenueModel revenue;              ///< `revenue:`
  std::vector<Scenario> scenarios;   ///< `scenarios:` (campaign files may add or replace them)
  std::vector<ShareTable> shares;    ///< `shares:`
  std::vector<PeriodLimit> limits;   ///< `limits:` between milestones
  Waves waves;                       ///< `waves:` (model/waves.hpp): per-wave milestones, parameters, the waves
  /// `waves: milestones:`: the per-wave milestone definitions, named unqualified (尾款开始), their
  /// `at:` naming other per-wave milestones unqualified. The loader expands them into `milestones`
  /// once per wave (`第一波 · 尾款开始`); these stay as the definitions.
  std::vector<Milestone> wave_milestones;
  EligibilityRules eligibility;  ///< 聚划算 报名 审核指标 and 优选条件; `present` false when none
  /// `seeds:`: the documents the template was written from, short name → file. A template that
  /// declares them is a library template: `dacu validate` wants a `source:` on every element.
  std::vector<std::pair<Located, Located>> seeds;
  std::shared_ptr<const SourceFile> source;

  const Milestone* find_milestone(std::string_view name) const;
  Milestone* find_milestone(std::string_view name);
  const Parameter* find_parameter(std::string_view name) const;
  Parameter* find_parameter(std::string_view name);
  std::vector<std::string> milestone_names() const;
  std::vector<std::string> parameter_names() const;
  /// Names of the parameters of a numeric type, in order.
  std::vector<std::string> numeric_parameter_names() const;
  /// The numbers of the parameters that have one, by name: what formulas evaluate against.
  std::map<std::string, Rational, std::less<>> parameter_numbers() const;
  /// Every role named as a department's lead or in its roles.
  std::vector<std::string> role_names() const;
};

/// A concrete campaign: the template it extends with the campaign's changes applied, and the
/// campaign's own values. A template planned directly is a campaign with no changes.
struct Campaign {
  std::string name;
  std::string template_name;
  Template plan;  ///< the template after tasks were added, dropped and changed, values applied
  std::shared_ptr<const SourceFile> source;
  Location milestones_where;  ///< the campaign's `milestones:` (or its first line), for "no date" errors
  Location template_where;    ///< the campaign's `extends:` value, a template file's `name:` (or line 1)
  /// `shop:` (店铺): whose campaign this is. `dacu agenda` books an owner (a role title such as
  /// 推广主管) per shop: two shops' 推广主管 are two people. Empty: a shop of its own.
  std::string shop;
  /// `owners:` (role → person): the people behind the role titles. A mapped role is booked as the
  /// person, across shops. In the order written.
  std::vector<std::pair<std::string, std::string>> owners;
};

}  // namespace dacu
