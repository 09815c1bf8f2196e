#pragma once
/// iCalendar (RFC 5545) output of a plan, for importing into a team calendar: one VEVENT per task,
/// milestone (报名, 开团 …), platform deadline (保证金, 发货截止, 保证金冻结 …) and checkpoint.
///
///   std::string ics = dacu::render_ics(plan, {.alarm = std::chrono::minutes(30)});
///   std::string tasks_only = dacu::render_ics(plan, {.events = {.milestones = false, .deadlines = false, .checkpoints = false}});
///
/// Each event says its kind twice: `X-DACU-KIND` (task, milestone, deadline, checkpoint) for a
/// program, and for the key dates a CATEGORIES of 里程碑 / 平台时限 / 检查点 (a task's CATEGORIES
/// is its department). Repeating follow-ups are separate tasks in the plan, so no event repeats
/// (no RRULE): each follow-up can be moved or marked on its own.
///
/// All-day tasks are DATE events with an exclusive DTEND; timed tasks carry the campaign's TZID
/// and the calendar holds a VTIMEZONE for it built from the system tzdata. UIDs are a hash of the
/// campaign and task names, so importing a new version updates events instead of duplicating
/// them; DTSTAMP comes from the plan (never the clock), so the same input gives the same bytes.
/// Escaping and line folding are libical's (which folds at 75 octets on UTF-8 boundaries).

#include <chrono>
#include <initializer_list>
#include <optional>
#include <string>

#include "dacu/plan/schedule.hpp"
#include "dacu/render/format.hpp"

namespace dacu {

struct IcsOptions {
  /// A VALARM this long before each event's start; none when empty.
  std::optional<std::chrono::seconds> alarm;
  IcsEvents events;  ///< format.hpp
  /// X-WR-CALNAME: empty for the (first) plan's campaign.
  std::string calendar_name;
};

/// The plan's calendar, written by `writers.ics` (lib/writers). Throws Error when there is none.
std::string render_ics(const Plan& plan, const IcsOptions& options, const Writers& writers);
/// Several plans' events in one calendar (`dacu agenda`): each event as render_ics writes it for
/// its own plan, UID included, so importing the agenda and a plan does not duplicate events.
std::string render_ics(const std::vector<const Plan*>& plans, const IcsOptions& options, const Writers& writers);

/// The UID of a task's event: `<16 hex digits of FNV-1a 64 over campaign NUL task>@dacu`.
std::string task_uid(std::string_view campaign, std::string_view task);

/// The kinds of event besides tasks, as UID prefixes and `X-DACU-KIND` values.
inline constexpr std::string_view kMilestoneKind = "milestone";
inline constexpr std::string_view kDeadlineKind = "deadline";
inline constexpr std::string_view kCheckpointKind = "checkpoint";

/// The UID of a milestone's, deadline's or checkpoint's event:
/// `<kind>-<16 hex digits of FNV-1a 64 over campaign NUL kind NUL key…>@dacu`, the keys joined by
/// NUL (a milestone's or deadline's name; a checkpoint's name and metric). The kind prefix keeps
/// them apart from each other and from task UIDs (16 hex digits only), whatever the hashes.
std::string event_uid(std::string_view campaign, std::string_view kind, std::initializer_list<std::string_view> keys);

}  // namespace dacu
