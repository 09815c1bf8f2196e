#pragma once
/// The timeline: the one place where an offset becomes a moment. `plan`, `staff`, `when` and
/// `validate` all date through it, so they agree on every date and warn about the same years.
///
///   dacu::Timeline timeline(campaign);             // milestones resolve on first use
///   auto p = timeline.point(task.start);           // 开团前2天 -> 2026-12-18, day-level
///   auto when = timeline.zoned(p.at);              // with the zone's UTC offset
///   plan.warnings = timeline.warnings();           // D060 for years the calendar lacks
///
/// Day offsets move calendar days on the wall calendar; working-day offsets move on the
/// campaign's calendar; hour and minute offsets are elapsed time, added on the UTC line and read
/// back on the wall clock; clock offsets set the wall-clock time of a day. Pure: no clock, no files.

#include <date/date.h>
#include <date/tz.h>

#include <map>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "dacu/base/calendar.hpp"
#include "dacu/base/error.hpp"
#include "dacu/base/offset.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/model/template.hpp"
#include "dacu/plan/plan.hpp"

namespace dacu {

/// Where an offset lands, before it becomes part of a task: a wall-clock moment, and whether only
/// its date matters (day-level offsets give all-day tasks).
struct Point {
  date::local_seconds at;
  bool day_level = false;
};

/// Whether an offset starts or ends something: 年末 and 年初 name a month, whose first day starts
/// and whose last day ends.
enum class Edge { start, end };

/// A milestone given as a moment (what `dacu when --at` names).
struct MilestoneMoment {
  std::string name;
  LocalDateTime at;
};

class Timeline {
 public:
  /// The campaign's milestones, resolved on first use: given by the campaign, --set or the
  /// template, or derived from another milestone. Dates on the campaign's resolved calendar, in
  /// its time zone. `campaign` must outlive the timeline.
  explicit Timeline(const Campaign& campaign);
  /// Milestones given as moments, on `calendar` in `zone` (`dacu when`). `calendar_where` locates
  /// the calendar for D060; `zone_where` the zone for D021.
  Timeline(std::span<const MilestoneMoment> milestones, const Calendar& calendar, const Located& zone,
           const Location& calendar_where);

  /// The moment of a milestone. `user` is the offset that needs it, for the "no date" error.
  /// Throws InputError D031 (unknown), D032 (a cycle), D033 (no date).
  const LocalDateTime& milestone(const std::string& name, const Offset* user = nullptr);

  /// Where an offset lands. Throws what milestone() throws.
  Point point(const Offset& offset, Edge edge = Edge::start);
  /// The day an offset lands on.
  date::local_days day(const Offset& offset, Edge edge = Edge::start) {
    return date::floor<date::days>(point(offset, edge).at);
  }
  /// A wall-clock moment with the zone's UTC offset at that moment.
  ZonedTime zoned(date::local_seconds local) const;
  /// `at` plus elapsed time, on the UTC line, read back on the wall clock.
  date::local_seconds elapse(date::local_seconds at, std::chrono::seconds elapsed) const;
  /// 如遇节假日顺延: the day, or the next (previous) working day when it is a day off.
  date::local_days roll(date::local_days day, Roll rule);

  const Calendar& calendar() const { return calendar_; }
  /// D060, one per year the calendar was asked about without having that year's official
  /// arrangement, in year order.
  std::vector<Diagnostic> warnings() const;

 private:
  void note_year(date::local_days day);
  Point apply(const Offset& o, const LocalDateTime& anchor, Edge edge);

  const Campaign* campaign_ = nullptr;
  const Calendar& calendar_;
  const date::time_zone* zone_;
  std::string calendar_name_;
  Location calendar_where_;
  int reference_year_ = 2026;
  std::map<std::string, LocalDateTime, std::less<>> resolved_;
  std::vector<std::string> resolving_;
  std::set<int> uncovered_;
};

/// The zone named, or InputError D021 located at the name.
const date::time_zone* find_zone(const Located& zone);

}  // namespace dacu
