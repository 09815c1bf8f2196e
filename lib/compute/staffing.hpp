#pragma once
/// Staffing models: how many people, in which post, on which day and shift — and why that many.
///
/// A template's `staffing:` section holds four kinds of model (docs/format.md, "Staffing"):
///
///   - ratio posts (配货, 打包…): heads = ceil(orders × share / capacity)
///   - outbound calling (VIP 电话通知): heads = ceil(customers / (days × calls per person)), or
///     with a given number of people, calls per person per day = customers / (people × days)
///   - phase rotas (客服 售前 / 催单 / 售后): heads per role per period, coverage hours per day,
///     shift length → shifts per day, people per day, person-hours
///   - queues (旺旺 chat, phone): Erlang C per interval (erlang.hpp), optionally spread over the
///     hours of a day by a traffic curve
///
/// Values are formulas over the template's parameters (expr.hpp), evaluated exactly; headcounts
/// always round up, and every figure keeps its formula, its inputs and its unrounded value.
///
///   Plan plan = expand(campaign);
///   StaffReport report = compute_staffing(campaign, plan);   // pure: no I/O, no clock
///
/// Error codes D200–D299 (docs/errors.md).

#include <date/date.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/compute/erlang.hpp"
#include "dacu/compute/staffing_tables.hpp"
#include "dacu/model/staffing.hpp"
#include "dacu/base/error.hpp"
#include "dacu/base/expr.hpp"
#include "dacu/base/offset.hpp"
#include "dacu/base/rational.hpp"
#include "dacu/plan/plan.hpp"

namespace dacu {

struct Template;
struct Campaign;
struct Plan;

// ---------------------------------------------------------------------------------------------
// The report: values only; renderers format them.

/// Whether `formula` is a plain number or percentage equal to `value` (15, 100%).
inline bool is_plain_figure(std::string_view formula, const Rational& value) {
  // Only digits, sign, point and % can be one: other formulas skip the parse and its throw.
  if (formula.empty() || formula.find_first_not_of("0123456789+-.%") != std::string_view::npos) return false;
  try {
    return parse_rational(formula) == value;
  } catch (const Error&) {
    return false;
  }
}

/// A figure and where it came from: `formula` = `value`.
struct Term {
  std::string label;    ///< what it is: 订单量, 人效…
  std::string formula;  ///< as written; equal to the value's text when a plain number
  Rational value;
  /// The formula is a plain figure (15, 100%), shown without "= value". Derived from the members
  /// above by every Term{label, formula, value}, so whatever makes a Term need not fill it.
  bool literal = is_plain_figure(formula, value);
  friend bool operator==(const Term&, const Term&) = default;
};

/// One counted post, calling campaign or rota role: its inputs, the exact result and heads.
struct StaffLine {
  enum class Model { post, calling, rota, queue };
  Model model = Model::post;
  std::string group;       ///< the post, calling campaign, rota or queue
  std::string name;        ///< the role (rota), post or campaign name
  std::string department;
  std::vector<Term> inputs;
  std::string rule;        ///< how the result follows from the inputs, e.g. "ceil(订单量 × 占比 / 人效)"
  Rational exact;          ///< the result before rounding
  std::int64_t heads = 0;  ///< rounded up
  std::optional<Rational> per_person;  ///< calling with given people: calls per person per day (exact)
  std::vector<date::local_days> days;  ///< days staffed
  friend bool operator==(const StaffLine&, const StaffLine&) = default;
};

/// One day of a rota period.
struct RotaDay {
  std::string rota;
  std::string department;
  std::string period;
  date::local_days day;
  Rational hours;               ///< coverage hours
  std::chrono::minutes opens{0};
  Rational shift_hours;         ///< shift length in hours
  Rational shifts_exact;        ///< hours / shift length
  std::int64_t shifts = 0;      ///< rounded up
  std::vector<std::pair<std::string, std::int64_t>> heads;  ///< role → heads on duty
  std::int64_t heads_on_duty = 0;  ///< sum over roles
  std::int64_t people = 0;         ///< heads_on_duty × shifts
  Rational person_hours;           ///< heads_on_duty × hours
  friend bool operator==(const RotaDay&, const RotaDay&) = default;
};

/// One shift of one rota day.
struct RotaShift {
  std::string rota;
  date::local_days day;
  int number = 1;                 ///< 1-based within the day
  std::chrono::minutes from{0};   ///< minutes after the day's midnight (may pass 24:00)
  std::chrono::minutes to{0};
  std::optional<ZonedTime> start, end;  ///< the same as moments with their UTC offsets, when dated
  std::vector<std::pair<std::string, std::int64_t>> heads;
  friend bool operator==(const RotaShift&, const RotaShift&) = default;
};

/// A queue in one interval (one hour of a curve, or the queue's single interval).
struct QueueInterval {
  std::string queue;
  std::optional<int> hour;  ///< the hour of the day when spread by a curve
  Rational contacts;        ///< exact contacts in the interval
  QueueResult result;
  /// Where a rota staffs the queue's role that day: the heads it has on duty in this interval,
  /// and how many fewer than the queue needs (0 when enough).
  std::optional<std::int64_t> on_duty;
  std::int64_t short_by = 0;
  friend bool operator==(const QueueInterval&, const QueueInterval&) = default;
};

/// A queue's inputs as evaluated, and its busiest interval.
struct QueueSummary {
  std::string name;
  std::string department;
  std::string role;
  date::local_days day;
  std::string curve;
  std::vector<Term> inputs;  ///< contacts, AHT, service level, occupancy, shrinkage, concurrency
  std::chrono::seconds interval{3600};
  std::int64_t peak_agents = 0;
  std::int64_t peak_heads = 0;  ///< after shrinkage
  std::vector<QueueInterval> intervals;
  friend bool operator==(const QueueSummary&, const QueueSummary&) = default;
};

/// Heads on one day, summed over every model, for --by day.
struct StaffDay {
  date::local_days day;
  std::string source;      ///< post, calling campaign, rota or queue name
  std::string name;        ///< role or post
  std::string department;
  std::int64_t heads = 0;  ///< on duty at once (rota) or people (post, calling); queue: peak heads
  std::int64_t shifts = 0;          ///< rota only
  std::int64_t people = 0;          ///< people working that day
  std::optional<Rational> person_hours;  ///< rota only
  friend bool operator==(const StaffDay&, const StaffDay&) = default;
};

struct StaffReport {
  std::string campaign;
  std::string template_name;
  std::vector<StaffLine> lines;      ///< posts, calling, rota roles, queues: --by role
  std::vector<RotaDay> rota_days;    ///< --by day (rota part)
  std::vector<RotaShift> shifts;     ///< --by shift
  std::vector<QueueSummary> queues;  ///< --by hour
  std::vector<StaffDay> days;        ///< --by day: every model, sorted by day then model order
  std::vector<StaffTableResult> tables;  ///< --by table: tables kept as the source gives them
  std::vector<std::string> notes;
  std::vector<Diagnostic> warnings;  ///< D060 for a year of the staffed days the calendar lacks
  friend bool operator==(const StaffReport&, const StaffReport&) = default;
};

/// Computes every staffing model of the campaign with its parameter values and dated milestones.
/// Pure. Throws InputError (D2xx, or D311/D312 from formulas) located at the offending value.
/// A campaign without a `staffing:` section gives an empty report.
StaffReport compute_staffing(const Campaign& campaign, const Plan& plan);

/// Every staffing problem of a template with its default parameter values, collected (one per
/// model at most), sorted by location: for `dacu validate` when the plan cannot be expanded.
std::vector<Diagnostic> check_staffing(const Template& t);
/// The same with the plan's dated milestones, so that what needs days is checked too: a period
/// that ends before it starts (D034), two rota periods on one day (D220). What `dacu staff`
/// refuses, `dacu validate` reports.
std::vector<Diagnostic> check_staffing(const Campaign& campaign, const Plan& plan);

// ---------------------------------------------------------------------------------------------
// Quick mode: one queue from the command line.

/// `dacu staff erlang` input, as written on the command line (each value is parsed and checked).
struct ErlangQuestion {
  std::string contacts;       ///< 100
  std::string interval;       ///< 30m
  std::string aht;            ///< 180s
  std::string service_level;  ///< 80/20
  std::string max_occupancy;  ///< 85% (optional: empty)
  std::string shrinkage;      ///< 30% (optional)
  std::string concurrency;    ///< 2.5 (optional)
  std::string agents;         ///< 18: evaluate this roster instead of searching (optional)
  std::string max_agents;     ///< 20: search no further (optional)
};

/// Parses the question and staffs the queue; the summary has one interval. Throws InputError
/// located in a one-line `<command line>` source naming the option (e.g. `--aht=-180s`).
QueueSummary answer_erlang(const ErlangQuestion& question);

/// Reads a service level: `80/20`, `80%/20s`, `80% in 20s`. Nullopt when it is not one.
std::optional<std::pair<Rational, std::chrono::seconds>> parse_service_level(std::string_view text);

}  // namespace dacu
