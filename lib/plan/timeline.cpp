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

}  // namespace

const date::time_zone* find_zone(const Located& zone) {
  try {
    return date::locate_zone(zone.value);
  } catch (const std::exception&) {
    throw InputError("D021", zone.where, fmt::format("unknown time zone '{}'", zone.value),
                     "use an IANA name such as Asia/Shanghai");
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
  for (const auto& m : milestones) resolved_.emplace(m.name, m.at);
  if (!milestones.empty()) {
    reference_year_ = static_cast<int>(date::year_month_day{date::floor<date::days>(milestones.front().at.at)}.year());
  }
}

const LocalDateTime& Timeline::milestone(const std::string& name, const Offset* user) {
  if (auto it = resolved_.find(name); it != resolved_.end()) return it->second;
  const Milestone* m = campaign_ ? campaign_->plan.find_milestone(name) : nullptr;
  if (!campaign_) {
    // `dacu when`: every milestone it may use was given with --at.
    throw InputError("D033", user ? user->where : Location{}, fmt::format("milestone {} has no date", name),
                     fmt::format("give it with --at {}=2026-12-20T10:00", name));
  }
  if (!m) {  // offsets were checked against the template's milestones when loaded
    throw InputError("D031", user ? user->where : Location{}, fmt::format("unknown milestone {}", name));
  }
  if (m->given) return resolved_.emplace(name, *m->given).first->second;
  if (!m->derived) {
    auto hint = fmt::format("give it in the campaign file (milestones: {{{}: 2026-12-20T10:00}}) or with --set {}=…",
                            name, name);
    throw InputError("D033", campaign_->milestones_where,
                     user ? fmt::format("milestone {} has no date, but '{}' needs it", name, user->text)
                          : fmt::format("milestone {} has no date", name),
                     hint);
  }
  if (std::find(resolving_.begin(), resolving_.end(), name) != resolving_.end()) {
    std::string cycle;
    for (auto it = std::find(resolving_.begin(), resolving_.end(), name); it != resolving_.end(); ++it) cycle += *it + " → ";
    cycle += name;
    throw InputError("D032", m->derived->where, fmt::format("milestones depend on each other in a cycle: {}", cycle),
                     "give one of them a date, or derive it from a milestone outside the cycle");
  }
  resolving_.push_back(name);
  const auto anchor = milestone(m->derived->anchor, &*m->derived);
  auto p = apply(*m->derived, anchor, Edge::start);
  resolving_.pop_back();
  bool date_only = anchor.date_only && p.day_level;
  return resolved_.emplace(name, LocalDateTime{p.at, date_only}).first->second;
}

Point Timeline::point(const Offset& offset, Edge edge) {
  LocalDateTime anchor{};
  if (!offset.anchor.empty()) anchor = milestone(offset.anchor, &offset);
  return apply(offset, anchor, edge);
}

Point Timeline::apply(const Offset& o, const LocalDateTime& anchor, Edge edge) {
  auto day = date::floor<date::days>(anchor.at);
  auto time_of_day = anchor.at - date::local_seconds{day};
  switch (o.kind) {
    case Offset::Kind::day:
      return {anchor.at + date::days{o.amount}, true};
    case Offset::Kind::working_day: {
      note_year(day);
      auto moved = calendar_.add_working_days(day, o.amount);
      note_year(moved);
      return {date::local_seconds{moved} + time_of_day, true};
    }
    case Offset::Kind::moment:
      return {elapse(anchor.at, o.shift), false};
    case Offset::Kind::clock:
      return {date::local_seconds{day + date::days{o.amount}} + o.clock, false};
    case Offset::Kind::year_start: {
      date::year y{reference_year_};
      auto d = edge == Edge::start ? date::local_days{y / date::January / 1} : date::local_days{y / date::January / 31};
      return {date::local_seconds{d}, true};
    }
    case Offset::Kind::year_end: {
      date::year y{reference_year_ - 1};
      auto d = edge == Edge::start ? date::local_days{y / date::December / 1} : date::local_days{y / date::December / 31};
      return {date::local_seconds{d}, true};
    }
  }
  return {anchor.at, false};
}

ZonedTime Timeline::zoned(date::local_seconds local) const {
  auto sys = zone_->to_sys(local, date::choose::earliest);
  return ZonedTime{local, zone_->get_info(sys).offset};
}

date::local_seconds Timeline::elapse(date::local_seconds at, std::chrono::seconds elapsed) const {
  auto sys = zone_->to_sys(at, date::choose::earliest) + elapsed;
  return zone_->to_local(sys);
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
    out.push_back(Diagnostic{
        Severity::warning, "D060", calendar_where_,
        fmt::format("calendar {} has no official holiday arrangement for {}: only weekends count as days off",
                    calendar_name_, year),
        fmt::format("add {} to templates/calendars/{}.yaml once the State Council publishes it, or list the days under "
                    "calendar: days_off / workdays",
                    year, calendar_name_)});
  }
  return out;
}

}  // namespace dacu
