#pragma once
/// One agenda across campaigns (`dacu agenda`): the tasks, milestones, platform deadlines and
/// checkpoints of every campaign's plan in one dated list, and the double bookings — one owner
/// (负责人) booked by two campaigns at overlapping times.
///
///   std::vector<AgendaInput> inputs;  // one per campaign file, each planned by plan_campaign
///   inputs.push_back({"a.yaml", plan_campaign(campaign), where_of_its_name});
///   Agenda agenda = build_agenda(std::move(inputs), {.owner = "美工主管"});
///
/// Order: by the instant an item starts (an all-day item at the midnight that starts its first day
/// on its campaign's wall clock), then campaign name, then item name, then kind, then the instant it
/// ends, then the input's position: the same inputs give the same list whatever the order of work.
///
/// Who is booked: an owner in a template is a role title (推广主管), not a person. A task's owner is
/// the person its campaign's `owners:` maps the role to, else the role in the campaign's `shop:`
/// (a campaign naming no shop is a shop of its own). Two shops' 推广主管 are two people; one person
/// named by two campaigns, or one shop's role in two of its campaigns, is one.
///
/// A double booking (docs/format.md, "dacu agenda"): two timed tasks of one owner, from two
/// different campaigns, whose times overlap as instants (campaigns may be in different time zones).
/// A task is the half-open interval [start, end); a task without an end (a moment, start == end)
/// is booked at its start only, so it clashes with a task running then ([s, e) holds it) or another
/// moment at the same instant, and not with a task that ends exactly then. All-day tasks book no
/// hours (as the calendar marks them free) and are never flagged; neither are checkpoints,
/// milestones and deadlines. Bookings of one campaign with itself are `dacu validate`'s D105.
/// Each owner's overlapping tasks form clusters (tasks linked by overlaps); a cluster holding tasks
/// of two campaigns that overlap each other is one AgendaConflict, listing those tasks only. So the
/// conflicts grow with the tasks, never with their pairs (1,000 shops with one 美工主管 at the same
/// hour are one conflict of 1,000 tasks, not 499,500 pairs).
///
/// Pure: no files, no clock, no output.

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/plan/plan.hpp"

namespace dacu {

enum class AgendaKind { task, milestone, deadline, checkpoint };
/// `task`, `milestone`, `deadline`, `checkpoint`: JSON's `kind`, the ICS's X-DACU-KIND.
std::string_view agenda_kind_name(AgendaKind kind);

struct AgendaCampaign {
  std::string name;
  std::string file;  ///< as given on the command line
  std::string template_name;
  std::string timezone;
  std::string shop;  ///< its `shop:`, empty when it names none
};

struct AgendaItem {
  std::size_t campaign = 0;  ///< into Agenda::campaigns
  AgendaKind kind = AgendaKind::task;
  std::string name;
  std::string department;  ///< tasks only
  std::string owner;       ///< tasks and checkpoints: the role, as the plan has it
  std::string person;      ///< whom the campaign's `owners:` maps the owner to; empty when unmapped
  std::string phase;       ///< tasks only
  std::string detail;      ///< a deadline's rule, a checkpoint's metric, a milestone's rule
  bool all_day = false;
  date::local_days first_day;  ///< on the campaign's wall clock, both inclusive
  date::local_days last_day;
  ZonedTime start;  ///< timed items; a moment has start == end
  ZonedTime end;
  date::sys_seconds starts;  ///< the instant the item starts (all-day: its first midnight): the order
  date::sys_seconds ends;    ///< the instant it ends (all-day: the midnight after its last day)
  /// With `agenda --status`: a task's state, its latest status row's (未开始 when it has none).
  /// Unset for other items, and for every item without --status.
  std::optional<TaskState> state;
  std::optional<std::size_t> conflict;  ///< into Agenda::conflicts: this task is double-booked
  std::size_t source = 0;  ///< its position in its plan's list of its kind (Agenda::plans)
};

/// One task of a conflict; it may be filtered out of the items (`--dept`) and is listed anyway.
struct ConflictTask {
  std::size_t campaign = 0;
  std::string name;
  ZonedTime start;
  ZonedTime end;
};

struct AgendaConflict {
  /// Who is double-booked: the person, or the role in its shop (「雪凡妮的推广主管」, from the
  /// message agenda.shop-role).
  std::string owner;
  ZonedTime from;  ///< the earliest start of its tasks (that task's wall clock and offset)
  ZonedTime to;    ///< the latest end
  std::vector<std::size_t> campaigns;  ///< in the order of their first task
  std::vector<ConflictTask> tasks;     ///< by start, then campaign name, then name
};

struct AgendaFilter {
  std::optional<date::local_days> from;  ///< items that end on or after this day (their own wall clock)
  std::optional<date::local_days> to;    ///< items that start on or before it
  std::string owner;       ///< tasks and checkpoints of this owner (role or mapped person) only (no milestones, no deadlines)
  std::string department;  ///< tasks of this department only
};

struct Agenda {
  std::vector<AgendaCampaign> campaigns;  ///< in input order
  std::vector<AgendaItem> items;          ///< filtered, in agenda order
  /// Every double booking among the inputs that involves a shown item, by start then owner.
  std::vector<AgendaConflict> conflicts;
  std::vector<std::string> timezones;  ///< of the campaigns, each once, in input order
  std::vector<Plan> plans;  ///< whole, beside `campaigns`: the calendar writes their elements as `dacu plan` does
};

struct AgendaInput {
  std::string file;
  Plan plan;
  Location where;  ///< the campaign's name (D481 points at the second of two alike)
};

/// The agenda of `inputs` (at least one). Throws InputError D481 when two inputs name the same
/// campaign (their calendar events would share UIDs), D482 for an --owner and D483 for a --dept
/// that no campaign has (with the closest name).
Agenda build_agenda(std::vector<AgendaInput> inputs, const AgendaFilter& filter);


}  // namespace dacu
