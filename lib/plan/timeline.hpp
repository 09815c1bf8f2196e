#pragma once
/// The timeline: the one place where an offset becomes a moment. `plan`, `staff`, `when` and
/// `validate` all date through it, so they agree on every date and warn about the same years.
///
///   dacu::Timeline timeline(campaign);             // milestones resolve on first use
///   auto p = timeline.point(task.start);           // 开团前2天 -> 2026-12-18, day-level
///   auto when = timeline.zoned(p.at);              // with the zone's UTC offset at that instant
///   plan.warnings = timeline.warnings();           // D060 for years the calendar lacks, D026
///
/// A moment is a UTC instant and the wall-clock time it shows in the campaign's zone, so that an
/// hour of elapsed time across a change of the clocks, and which of a repeated hour was meant, are
/// never lost. Day offsets move calendar days on the wall calendar; working-day offsets move on the
/// campaign's calendar; hour and minute offsets are elapsed time on the UTC line; clock offsets set
/// the wall-clock time of a day. A wall-clock time that does not exist (the hour skipped when the
/// clocks go forward) is refused where it was written (D025); one that happens twice (the hour
/// repeated when they go back) takes the earlier and says so (D026), unless its UTC offset was
/// written. Pure: no clock, no files.

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

/// An instant and the wall-clock time it shows in the campaign's zone.
struct Moment {
  date::sys_seconds utc;
  date::local_seconds local;
  date::local_days day() const { return date::floor<date::days>(local); }
  friend bool operator==(const Moment&, const Moment&) = default;
};

/// Where an offset lands, before it becomes part of a task; `day_level` when only its date
/// matters (day-level offsets give all-day tasks).
struct Point {
  Moment at;
  bool day_level = false;
};

/// A milestone's moment; `date_only` when it was given as a date alone (and day offsets kept that).
struct MilestoneTime {
  Moment at;
  bool date_only = false;
};

/// Whether an offset starts or ends something: 年末 and 年初 name a month, whose first day starts
/// and whose last day ends.
enum class Edge { start, end };

/// A milestone given as a moment (what `dacu when --at` names).
struct MilestoneMoment {
  std::string name;
  LocalDateTime at;
  Location where;  ///< where it was written, for D025 and D026
};

/// The years dacu dates in: what calendars, ICS and XLSX all hold.
inline constexpr int kFirstYear = 1970;
inline constexpr int kLastYear = 2999;

class Timeline {
 public:
  /// The campaign's milestones, resolved on first use: given by the campaign, --set or the
  /// template, or derived from another milestone. Dates on the campaign's resolved calendar, in
  /// its time zone. `campaign` must outlive the timeline.
  explicit Timeline(const Campaign& campaign);
  /// Milestones given as moments, on `calendar` in `zone` (`dacu when`). `calendar_where` locates
  /// the calendar for D060; `zone.where` the zone for D021.
  Timeline(std::span<const MilestoneMoment> milestones, const Calendar& calendar, const Located& zone,
           const Location& calendar_where);

  /// The moment of a milestone. `user` is the offset that needs it, for the "no date" error.
  /// Throws InputError D031 (unknown), D032 (a cycle), D033 (no date), D025 (no such wall time).
  const MilestoneTime& milestone(const std::string& name, const Offset* user = nullptr);

  /// Where an offset lands. Throws what milestone() throws, and D025 for a clock offset at a wall
  /// time that does not exist, D027 for a date outside the years dacu dates in.
  Point point(const Offset& offset, Edge edge = Edge::start);
  /// The day an offset lands on.
  date::local_days day(const Offset& offset, Edge edge = Edge::start) { return point(offset, edge).at.day(); }

  /// A moment with the zone's UTC offset at its instant.
  ZonedTime zoned(const Moment& m) const;
  /// A wall-clock time as a moment, for dates that were moved (a roll, a day boundary): a skipped
  /// time moves past the gap, a repeated one takes the earlier, without a word.
  Moment at_wall(date::local_seconds local) const;
  ZonedTime zoned(date::local_seconds local) const { return zoned(at_wall(local)); }
  /// `at` plus elapsed time, on the UTC line.
  Moment elapse(const Moment& at, std::chrono::seconds elapsed) const;
  /// 如遇节假日顺延: the day, or the next (previous) working day when it is a day off.
  date::local_days roll(date::local_days day, Roll rule);

  const Calendar& calendar() const { return calendar_; }
  /// D060, one per year the calendar was asked about without having that year's official
  /// arrangement, in year order; then the D026 notes about repeated wall-clock times.
  std::vector<Diagnostic> warnings() const;

 private:
  /// A wall-clock time someone wrote, as a moment: D025 when it does not exist, D026 (kept for
  /// warnings()) when it is repeated and no UTC offset says which.
  Moment at_written(const LocalDateTime& value, const Location& where, std::string_view what,
                    const MilestoneTime* clock_anchor = nullptr, std::string_view anchor_name = {});
  void note_year(date::local_days day);
  void check_year(const Moment& m, const Location& where) const;
  Point apply(const Offset& o, const MilestoneTime& anchor, Edge edge);

  const Campaign* campaign_ = nullptr;
  const Calendar& calendar_;
  const date::time_zone* zone_;
  std::string calendar_name_;
  Location calendar_where_;
  int reference_year_ = 2026;
  std::map<std::string, MilestoneTime, std::less<>> resolved_;
  std::vector<std::string> resolving_;
  std::set<int> uncovered_;
  std::vector<Diagnostic> notes_;
};

/// The zone named, or InputError D021 located at the name.
const date::time_zone* find_zone(const Located& zone);

}  // namespace dacu
