#pragma once
/// iCalendar (RFC 5545) output of a plan: one VEVENT per task, for importing into a team calendar.
///
///   std::string ics = dacu::render_ics(plan, {.alarm = std::chrono::minutes(30)});
///
/// All-day tasks are DATE events with an exclusive DTEND; timed tasks carry the campaign's TZID
/// and the calendar holds a VTIMEZONE for it built from the system tzdata. UIDs are a hash of the
/// campaign and task names, so importing a new version updates events instead of duplicating
/// them; DTSTAMP comes from the plan (never the clock), so the same input gives the same bytes.
/// Escaping and line folding are libical's (which folds at 75 octets on UTF-8 boundaries).

#include <chrono>
#include <optional>
#include <string>

#include "dacu/plan/schedule.hpp"
#include "dacu/render/format.hpp"

namespace dacu {

struct IcsOptions {
  /// A VALARM this long before each event's start; none when empty.
  std::optional<std::chrono::seconds> alarm;
};

/// The plan's calendar, written by `writers.ics` (lib/writers). Throws Error when there is none.
std::string render_ics(const Plan& plan, const IcsOptions& options, const Writers& writers);

/// The UID of a task's event: `<16 hex digits of FNV-1a 64 over campaign NUL task>@dacu`.
std::string task_uid(std::string_view campaign, std::string_view task);

}  // namespace dacu
