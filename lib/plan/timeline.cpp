#include "dacu/plan/timeline.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace dacu {

namespace {

// 年末 / 年初 count from the year of the first milestone that has a date of its own; a template
// planned on its own with derived milestones only has none, and takes 2026.
int reference_year_of(const Campaign& campaign) {
  for (const auto& m : campaign.plan.milestones) {
    if (m.given) return static_cast<int>(date::year_month_day{date::floor<date::days>(m.given->at)}.year());
  }
  return 2026;
}

std::string show_offset(std::chrono::seconds offset) {
  auto minutes = offset.count() / 60;
  char sign = minutes < 0 ? '-' : '+';
  if (minutes < 0) minutes = -minutes;
  return fmt::format("{}{:02}:{:02}", sign, minutes / 60, minutes % 60);
}

std::string show_minute(date::local_seconds at) { return format_local_iso(at).substr(0, 16); }

}  // namespace

const date::time_zone* find_zone(const Located& zone) {
  check_zone_name(zone.value, zone.where);
  try {
    return date::locate_zone(zone.value);
  } catch (const std::runtime_error&) {  // date's "not found"; not bad_alloc, which is no unknown zone
    throw input_error("D021.unknown-zone", zone.where, {{"zone", zone.value}});
  }
}

Timeline::Timeline(const Campaign& campaign)
    : campaign_(&campaign),
      calendar_(campaign.plan.resolved_calendar),
      zone_(find_zone(campaign.plan.timezone)),
      calendar_name_(campaign.plan.calendar.base.value),
      calendar_where_(campaign.plan.calendar.base.where),
      reference_year_(reference_year_of(campaign)) {}

Timeline::Timeline(std::span<const MilestoneMoment> milestones, const Calendar& calendar, const Located& zone,
                   const Location& calendar_where)
    : calendar_(calendar), zone_(find_zone(zone)), calendar_name_(calendar.name()), calendar_where_(calendar_where) {
  for (const auto& m : milestones) {
    resolved_.emplace(m.name, MilestoneTime{at_written(m.at, m.where, m.name), m.at.date_only});
  }
  if (!milestones.empty()) {
    reference_year_ = static_cast<int>(date::year_month_day{date::floor<date::days>(milestones.front().at.at)}.year());
  }
}

Moment Timeline::at_wall(date::local_seconds local) const {
  auto info = zone_->get_info(local);
  switch (info.result) {
    case date::local_info::unique:
      return {date::sys_seconds{local.time_since_epoch()} - info.first.offset, local};
    case date::local_info::ambiguous:
      return {date::sys_seconds{local.time_since_epoch()} - info.first.offset, local};
    case date::local_info::nonexistent: {
      // Moved past the gap by its length, as a wall clock does: 02:30 in a skipped hour is 03:30.
      auto utc = date::sys_seconds{local.time_since_epoch()} - info.first.offset;
      return {utc, zone_->to_local(utc)};
    }
  }
  return {date::sys_seconds{local.time_since_epoch()}, local};
}

ZonedTime Timeline::zoned(const Moment& m) const {
  ZonedTime z{m.local, m.local.time_since_epoch() - m.utc.time_since_epoch()};
  z.repeated = zone_->get_info(m.local).result == date::local_info::ambiguous;
  return z;
}

Moment Timeline::at_written(const LocalDateTime& value, const Location& where, std::string_view what,
                            const MilestoneTime* clock_anchor, std::string_view anchor_name) {
  const auto local = value.at;
  Moment m;
  if (value.utc_offset) {
    m = {date::sys_seconds{local.time_since_epoch()} - *value.utc_offset, local};
    auto wall = zone_->get_info(local);
    auto at_instant = zone_->get_info(m.utc).offset;
    bool fits = wall.result != date::local_info::nonexistent &&
                (wall.first.offset == *value.utc_offset ||
                 (wall.result == date::local_info::ambiguous && wall.second.offset == *value.utc_offset));
    if (!fits && wall.result != date::local_info::nonexistent) {
      // Offer the wall time with the offsets it really has, and the same instant on this zone's clock.
      std::string wall_choice = show_minute(local) + show_offset(wall.first.offset);
      std::string offsets = show_offset(wall.first.offset);
      if (wall.result == date::local_info::ambiguous) {
        wall_choice = message("plan.either", {{"a", wall_choice}, {"b", show_minute(local) + show_offset(wall.second.offset)}});
        offsets = message("plan.either", {{"a", offsets}, {"b", show_offset(wall.second.offset)}});
      }
      auto same_instant = date::local_seconds{(m.utc + at_instant).time_since_epoch()};
      throw input_error("D025.offset", where,
                        {{"what", what}, {"written", show_minute(local) + show_offset(*value.utc_offset)}, {"zone", zone_->name()},
                         {"wall", show_minute(local)}, {"offsets", offsets}, {"wall_choice", wall_choice},
                         {"instant", show_minute(same_instant) + show_offset(at_instant)}});
    }
    if (fits) {
      check_year(m, where);
      return m;
    }
    // A wall time in the skipped hour, whatever its offset: the gap error below says so.
  }
  auto info = zone_->get_info(local);
  if (info.result == date::local_info::nonexistent) {
    // The gap runs from the last moment before it to the first after, both on the wall clock.
    auto before = zone_->to_local(info.second.begin - std::chrono::minutes(1));
    auto after = zone_->to_local(info.second.begin);
    throw input_error("D025.gap", where,
                      {{"what", what}, {"time", show_minute(local)}, {"zone", zone_->name()},
                       {"from", show_minute(before + std::chrono::minutes(1)).substr(11)}, {"to", show_minute(after).substr(11)},
                       {"before", show_minute(before)}, {"after", show_minute(after)}});
  }
  m = at_wall(local);
  if (info.result == date::local_info::ambiguous && !value.date_only) {
    auto advice = message("plan.later-offset", {{"time", show_minute(local) + show_offset(info.second.offset)}});
    if (clock_anchor) {
      // A clock time in an offset phrase cannot carry a UTC offset: name the later moment as time
      // elapsed from the milestone instead.
      auto later = date::sys_seconds{local.time_since_epoch()} - info.second.offset;
      auto diff = std::chrono::duration_cast<std::chrono::minutes>(later - clock_anchor->at.utc);
      auto size = diff < std::chrono::minutes(0) ? -diff : diff;
      auto hours = size.count() / 60, minutes = size.count() % 60;
      auto phrase = fmt::format("{}{}{}{}", anchor_name, diff < std::chrono::minutes(0) ? "前" : "后",
                                hours ? fmt::format("{}小时", hours) : "", minutes || !hours ? fmt::format("{}分钟", minutes) : "");
      advice = message("plan.later-from-anchor", {{"anchor", anchor_name}, {"phrase", phrase}});
    }
    auto note = make_diagnostic(Severity::warning, "D026", where,
                                {{"what", what}, {"time", show_minute(local)}, {"zone", zone_->name()},
                                 {"first", show_offset(info.first.offset)}, {"second", show_offset(info.second.offset)},
                                 {"advice", advice}});
    if (std::find(notes_.begin(), notes_.end(), note) == notes_.end()) notes_.push_back(std::move(note));
  }
  check_year(m, where);
  return m;
}

void Timeline::check_year(const Moment& m, const Location& where) const {
  int year = static_cast<int>(date::year_month_day{m.day()}.year());
  if (year < kFirstYear || year > kLastYear) {
    throw input_error("D027.years", where, {{"date", format_date(m.day())}, {"first", kFirstYear}, {"last", kLastYear}});
  }
}

const MilestoneTime& Timeline::milestone(const std::string& name, const Offset* user) {
  if (auto it = resolved_.find(name); it != resolved_.end()) return it->second;
  const Milestone* m = campaign_ ? campaign_->plan.find_milestone(name) : nullptr;
  if (!campaign_) {
    // `dacu when`: every milestone it may use was given with --at.
    throw input_error("D033.when", user ? user->where : Location{}, {{"name", name}});
  }
  if (!m) {  // offsets were checked against the template's milestones when loaded
    throw input_error("D031.timeline", user ? user->where : Location{}, {{"name", name}});
  }
  if (m->given) {
    return resolved_.emplace(name, MilestoneTime{at_written(*m->given, m->given_where, name), m->given->date_only})
        .first->second;
  }
  if (!m->derived) {
    if (user) throw input_error("D033.needed", campaign_->milestones_where, {{"name", name}, {"offset", user->text}});
    throw input_error("D033.undated", campaign_->milestones_where, {{"name", name}});
  }
  if (std::find(resolving_.begin(), resolving_.end(), name) != resolving_.end()) {
    std::string cycle;
    for (auto it = std::find(resolving_.begin(), resolving_.end(), name); it != resolving_.end(); ++it) cycle += *it + " → ";
    cycle += name;
    throw input_error("D032", m->derived->where, {{"cycle", cycle}});
  }
  resolving_.push_back(name);
  const auto anchor = milestone(m->derived->anchor, &*m->derived);
  auto p = apply(*m->derived, anchor, Edge::start);
  resolving_.pop_back();
  bool date_only = anchor.date_only && p.day_level;
  return resolved_.emplace(name, MilestoneTime{p.at, date_only}).first->second;
}

Point Timeline::point(const Offset& offset, Edge edge) {
  MilestoneTime anchor{};
  if (!offset.anchor.empty()) anchor = milestone(offset.anchor, &offset);
  auto p = apply(offset, anchor, edge);
  check_year(p.at, offset.where);
  return p;
}

Point Timeline::apply(const Offset& o, const MilestoneTime& anchor, Edge edge) {
  const auto day = anchor.at.day();
  const auto time_of_day = anchor.at.local - date::local_seconds{day};
  // A date far outside any plan would overflow the calendar's arithmetic before the year check.
  auto far = [&](long long days) {
    if (days > 400 * 366 || days < -400 * 366) {
      throw input_error("D027.far", o.where, {{"offset", o.text}});
    }
  };
  switch (o.kind) {
    case Offset::Kind::day:
      far(o.amount);
      return {at_wall(anchor.at.local + date::days{o.amount}), true};
    case Offset::Kind::working_day: {
      far(o.amount * 2LL);
      note_year(day);
      auto moved = calendar_.add_working_days(day, o.amount);
      note_year(moved);
      return {at_wall(date::local_seconds{moved} + time_of_day), true};
    }
    case Offset::Kind::moment:
      // Hours and minutes are elapsed time: an hour after 01:30 in a repeated hour is the second
      // 01:30, and an hour after 01:30 before a skipped hour is 03:30.
      return {elapse(anchor.at, o.shift), false};
    case Offset::Kind::clock: {
      far(o.amount);
      LocalDateTime wall{date::local_seconds{day + date::days{o.amount}} + o.clock, false, std::nullopt};
      return {at_written(wall, o.where, o.text, &anchor, o.anchor), false};
    }
    case Offset::Kind::year_start: {
      date::year y{reference_year_};
      auto d = edge == Edge::start ? date::local_days{y / date::January / 1} : date::local_days{y / date::January / 31};
      return {at_wall(date::local_seconds{d}), true};
    }
    case Offset::Kind::year_end: {
      date::year y{reference_year_ - 1};
      auto d = edge == Edge::start ? date::local_days{y / date::December / 1} : date::local_days{y / date::December / 31};
      return {at_wall(date::local_seconds{d}), true};
    }
  }
  return {anchor.at, false};
}

Moment Timeline::elapse(const Moment& at, std::chrono::seconds elapsed) const {
  auto utc = at.utc + elapsed;
  return {utc, zone_->to_local(utc)};
}

date::local_days Timeline::roll(date::local_days day, Roll rule) {
  if (rule == Roll::none) return day;
  note_year(day);
  return rule == Roll::next ? calendar_.next_working_day(day) : calendar_.previous_working_day(day);
}

void Timeline::note_year(date::local_days day) {
  int y = static_cast<int>(date::year_month_day{day}.year());
  if (!calendar_.covers(y)) uncovered_.insert(y);
}

std::vector<Diagnostic> Timeline::warnings() const {
  std::vector<Diagnostic> out;
  for (int year : uncovered_) {
    out.push_back(make_diagnostic(Severity::warning, "D060", calendar_where_, {{"calendar", calendar_name_}, {"year", year}}));
  }
  out.insert(out.end(), notes_.begin(), notes_.end());
  return out;
}

}  // namespace dacu
