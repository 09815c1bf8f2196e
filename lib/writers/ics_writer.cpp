#include "dacu/writers/modules.hpp"

#include <date/tz.h>
#include <fmt/format.h>
#include <libical/ical.h>

#include <cstdint>
#include <cstdlib>
#include <algorithm>
#include <memory>
#include <utility>
#include <vector>

#include "dacu/base/error.hpp"
#include "dacu/base/timefmt.hpp"
#include "dacu/render/render_plan.hpp"

namespace dacu {

namespace {

struct ComponentDeleter {
  void operator()(icalcomponent* c) const { icalcomponent_free(c); }
};
using ComponentPtr = std::unique_ptr<icalcomponent, ComponentDeleter>;

icaltimetype ical_date(date::local_days day) {
  date::year_month_day ymd{day};
  icaltimetype t = icaltime_null_date();
  t.year = int(ymd.year());
  t.month = int(unsigned(ymd.month()));
  t.day = int(unsigned(ymd.day()));
  t.is_date = 1;
  return t;
}

/// A floating date-time (no zone attached): printed as written, e.g. 20261220T100000.
icaltimetype ical_local(date::local_seconds at) {
  auto day = date::floor<date::days>(at);
  date::hh_mm_ss hms{at - day};
  icaltimetype t = ical_date(day);
  t.is_date = 0;
  t.hour = int(hms.hours().count());
  t.minute = int(hms.minutes().count());
  t.second = int(hms.seconds().count());
  return t;
}

icaltimetype ical_utc(date::sys_seconds at) {
  icaltimetype t = ical_local(date::local_seconds{at.time_since_epoch()});
  t.zone = icaltimezone_get_utc_timezone();
  return t;
}

void add_zoned(icalcomponent* event, icalproperty* property, const std::string& tzid) {
  icalproperty_add_parameter(property, icalparameter_new_tzid(tzid.c_str()));
  icalcomponent_add_property(event, property);
}

/// The campaign zone's observances around the plan's span, from the system tzdata, so that a
/// calendar client needs no zone database of its own to place the events.
icalcomponent* make_vtimezone(const date::time_zone& zone, date::sys_seconds from, date::sys_seconds to) {
  icalcomponent* vtimezone = icalcomponent_new_vtimezone();
  icalcomponent_add_property(vtimezone, icalproperty_new_tzid(zone.name().c_str()));
  using namespace std::chrono;
  const date::sys_seconds floor_1970{};
  auto info = zone.get_info(from);
  for (int guard = 0; guard < 64; ++guard) {
    auto begin = std::max(info.begin, floor_1970);
    auto before = info.begin > floor_1970 ? zone.get_info(info.begin - seconds(1)).offset : info.offset;
    icalcomponent* observance = info.save != minutes(0) ? icalcomponent_new_xdaylight() : icalcomponent_new_xstandard();
    // DTSTART of an observance is the local time of the onset in the offset before it.
    icalcomponent_add_property(observance,
                               icalproperty_new_dtstart(ical_local(date::local_seconds{(begin + before).time_since_epoch()})));
    icalcomponent_add_property(observance, icalproperty_new_tzoffsetfrom(int(before.count())));
    icalcomponent_add_property(observance, icalproperty_new_tzoffsetto(int(info.offset.count())));
    if (!info.abbrev.empty()) icalcomponent_add_property(observance, icalproperty_new_tzname(info.abbrev.c_str()));
    icalcomponent_add_component(vtimezone, observance);
    if (info.end >= to) break;
    info = zone.get_info(info.end);
  }
  return vtimezone;
}

date::sys_seconds to_sys(const ZonedTime& t) { return date::sys_seconds{t.local.time_since_epoch()} - t.utc_offset; }

// One CATEGORIES value, escaped as RFC 5545 TEXT (3.3.11). libical 3.0 writes CATEGORIES as a
// list and leaves `,` and `;` in its text as they are (icalmemory_strdup_and_quote), so a
// department named 运营,推广 would read back as two categories. dacu escapes the value itself and
// gives libical a STRING value, which it writes unchanged; VALUE=TEXT, the property's default,
// keeps libical from announcing `VALUE=STRING` (it writes no VALUE for the default kind).
icalproperty* category(const std::string& name) {
  std::string text;
  for (char c : name) {
    switch (c) {
      case '\\': text += "\\\\"; break;
      case ',': text += "\\,"; break;
      case ';': text += "\\;"; break;
      case '\n': text += "\\n"; break;
      case '\r': break;  // a CRLF line break is one \n
      default: text += c;
    }
  }
  icalproperty* property = icalproperty_new(ICAL_CATEGORIES_PROPERTY);
  icalproperty_set_value(property, icalvalue_new_string(text.c_str()));
  icalproperty_add_parameter(property, icalparameter_new_value(ICAL_VALUE_TEXT));
  return property;
}

std::string describe(const DatedTask& t) {
  std::string text = fmt::format("部门: {}\n负责人: {}\n阶段: {}\n时间要求: {}", t.department, t.owner, t.phase, t.start_offset);
  if (!t.end_offset.empty()) text += " → " + t.end_offset;
  if (!t.duration.empty()) text += fmt::format(" ({})", t.duration);
  if (t.rolled) text += "（已顺延）";
  if (!t.note.empty()) text += "\n" + t.note;
  if (t.status) {
    // --status: the task's latest state, who reported it and when (the calendar shows it on import).
    text += fmt::format("\n状态: {}", task_state_zh(t.status->state));
    if (!t.status->owner.empty()) text += " · " + t.status->owner;
    text += " · " + format_local_iso(t.status->at).substr(0, 16);
    if (!t.status->note.empty()) text += " · " + t.status->note;
  }
  return text;
}

std::string describe(const DatedMilestone& m) {
  if (m.time_from_template) return "里程碑（只给了日期，时间按模板）";
  return m.rule.empty() ? std::string("里程碑") : fmt::format("里程碑，由 {}", m.rule);
}

std::string describe(const DatedDeadline& d) {
  std::string text = fmt::format("规则: {}", d.rule);
  if (!d.note.empty()) text += "\n" + d.note;
  return text;
}

std::string describe(const DatedCheckpoint& c) {
  std::string text = fmt::format("检查点: {}\n指标: {}", c.offset, c.metric);
  if (auto plan = plan_text(c); !plan.empty()) text += "\n计划: " + plan;
  if (auto tolerance = tolerance_text(c); !tolerance.empty()) text += "\n容差: " + tolerance;
  if (!c.owner.empty()) text += "\n负责人: " + c.owner;
  if (!c.action.empty()) text += "\n措施: " + c.action;
  return text;
}

icalproperty* kind_property(std::string_view kind) {
  icalproperty* property = icalproperty_new_x(std::string(kind).c_str());
  icalproperty_set_x_name(property, "X-DACU-KIND");
  return property;
}

}  // namespace

namespace {

/// The span of a plan's timed events of the kinds asked for, as instants; nothing when it has none.
struct Span {
  bool any = false;
  date::sys_seconds first = date::sys_seconds::max(), last = date::sys_seconds::min();
};

Span timed_span(const Plan& plan, const IcsEvents& kinds) {
  Span s;
  auto span = [&](const ZonedTime& from, const ZonedTime& to) {
    s.any = true;
    s.first = std::min(s.first, to_sys(from));
    s.last = std::max(s.last, to_sys(to));
  };
  if (kinds.tasks) {
    for (const auto& t : plan.tasks) {
      if (!t.all_day) span(t.start, t.end);
    }
  }
  if (kinds.milestones) {
    for (const auto& m : plan.milestones) {
      if (!m.date_only) span(m.at, m.at);
    }
  }
  if (kinds.deadlines) {
    for (const auto& d : plan.deadlines) {
      if (!d.all_day) span(d.start, d.end);
    }
  }
  if (kinds.checkpoints) {
    for (const auto& c : plan.checkpoints) span(c.at, c.at);
  }
  return s;
}

/// One plan's events into `cal`.
void add_events(icalcomponent* cal, const Plan& plan, const IcsOptions& options) {
  // DTSTAMP is when the object was made; dacu takes the plan's first milestone so that two runs
  // over the same input agree byte for byte (the clock would make every run differ).
  date::sys_seconds stamp{};
  if (!plan.milestones.empty()) stamp = to_sys(plan.milestones.front().at);

  const auto& kinds = options.events;
  // A wall time the clocks show twice (the hour repeated when they go back) would be read as its
  // first occurrence (RFC 5545 3.3.5): such moments are written in UTC, which says which one.
  auto add_moment = [&](icalcomponent* event, auto make, const ZonedTime& at) {
    if (at.repeated) {
      icalcomponent_add_property(event, make(ical_utc(to_sys(at))));
    } else {
      add_zoned(event, make(ical_local(at.local)), plan.timezone);
    }
  };

  // What every event has: UID, DTSTAMP, its kind, and the reminder when one was asked for.
  auto new_event = [&](const std::string& uid, std::string_view kind) {
    icalcomponent* event = icalcomponent_new_vevent();
    icalcomponent_add_property(event, icalproperty_new_uid(uid.c_str()));
    icalcomponent_add_property(event, icalproperty_new_dtstamp(ical_utc(stamp)));
    icalcomponent_add_property(event, kind_property(kind));
    return event;
  };
  auto finish = [&](icalcomponent* event, const std::string& summary, const std::string& description, const std::string& categories) {
    icalcomponent_add_property(event, icalproperty_new_summary(summary.c_str()));
    icalcomponent_add_property(event, icalproperty_new_description(description.c_str()));
    icalcomponent_add_property(event, category(categories));
    icalcomponent_add_property(event, icalproperty_new_sequence(0));
    if (options.alarm) {
      icalcomponent* alarm = icalcomponent_new_valarm();
      icalcomponent_add_property(alarm, icalproperty_new_action(ICAL_ACTION_DISPLAY));
      icaltriggertype trigger{};
      trigger.time = icaltime_null_time();
      trigger.duration = icaldurationtype_from_int(-int(options.alarm->count()));
      icalcomponent_add_property(alarm, icalproperty_new_trigger(trigger));
      icalcomponent_add_property(alarm, icalproperty_new_description(summary.c_str()));
      icalcomponent_add_component(event, alarm);
    }
    icalcomponent_add_component(cal, event);
  };
  // DATE events: DTEND is exclusive, the day after the last day; they take no time in a
  // free/busy view.
  auto add_days = [&](icalcomponent* event, date::local_days first_day, date::local_days last_day) {
    icalcomponent_add_property(event, icalproperty_new_dtstart(ical_date(first_day)));
    icalcomponent_add_property(event, icalproperty_new_dtend(ical_date(last_day + date::days(1))));
    icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
  };
  // Timed: a moment (start == end) has no DTEND, and RFC 5545 then ends it when it starts.
  auto add_span = [&](icalcomponent* event, const ZonedTime& start, const ZonedTime& end) {
    add_moment(event, icalproperty_new_dtstart, start);
    if (to_sys(end) != to_sys(start)) add_moment(event, icalproperty_new_dtend, end);
  };

  if (kinds.tasks) {
    for (const auto& t : plan.tasks) {
      icalcomponent* event = new_event(task_uid(plan.campaign, t.name), "task");
      if (t.all_day) {
        add_days(event, t.first_day, t.last_day);
      } else {
        add_span(event, t.start, t.end);
      }
      finish(event, t.name, describe(t), t.department);
    }
  }
  // The key dates are markers, not work: TRANSPARENT, so that they never show anyone as busy.
  if (kinds.milestones) {
    for (const auto& m : plan.milestones) {
      icalcomponent* event = new_event(event_uid(plan.campaign, kMilestoneKind, {m.name}), kMilestoneKind);
      if (m.date_only) {
        add_days(event, m.at.day(), m.at.day());
      } else {
        add_span(event, m.at, m.at);
        icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
      }
      finish(event, "里程碑：" + m.name, describe(m), "里程碑");
    }
  }
  if (kinds.deadlines) {
    for (const auto& d : plan.deadlines) {
      icalcomponent* event = new_event(event_uid(plan.campaign, kDeadlineKind, {d.name}), kDeadlineKind);
      if (d.all_day) {
        add_days(event, d.first_day, d.last_day);
      } else {
        add_span(event, d.start, d.end);
        icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
      }
      finish(event, "平台时限：" + d.name, describe(d), "平台时限");
    }
  }
  if (kinds.checkpoints) {
    for (const auto& c : plan.checkpoints) {
      icalcomponent* event = new_event(event_uid(plan.campaign, kCheckpointKind, {c.name, c.metric}), kCheckpointKind);
      add_span(event, c.at, c.at);
      icalcomponent_add_property(event, icalproperty_new_transp(ICAL_TRANSP_TRANSPARENT));
      finish(event, fmt::format("检查点：{}（{}）", c.name, c.metric), describe(c), "检查点");
    }
  }

}

}  // namespace

std::string write_ics(const Plan& plan, const IcsOptions& options) { return write_ics_calendar({&plan}, options); }

std::string write_ics_calendar(const std::vector<const Plan*>& plans, const IcsOptions& options) {
  ComponentPtr calendar(icalcomponent_new_vcalendar());
  icalcomponent* cal = calendar.get();
  icalcomponent_add_property(cal, icalproperty_new_prodid(fmt::format("-//dacu//dacu {}//ZH", DACU_VERSION).c_str()));
  icalcomponent_add_property(cal, icalproperty_new_version("2.0"));
  icalcomponent_add_property(cal, icalproperty_new_calscale("GREGORIAN"));
  icalcomponent_add_property(cal, icalproperty_new_method(ICAL_METHOD_PUBLISH));
  const std::string& calendar_name = options.calendar_name.empty() && !plans.empty() ? plans.front()->campaign : options.calendar_name;
  icalproperty* name = icalproperty_new_x(calendar_name.c_str());
  icalproperty_set_x_name(name, "X-WR-CALNAME");
  icalcomponent_add_property(cal, name);


  // One VTIMEZONE per zone, in the order the plans first name it, spanning every plan's timed
  // events in it (a calendar may hold each TZID once).
  std::vector<std::pair<std::string, Span>> zones;
  for (const Plan* plan : plans) {
    auto s = timed_span(*plan, options.events);
    if (!s.any) continue;
    auto it = std::find_if(zones.begin(), zones.end(), [&](const auto& z) { return z.first == plan->timezone; });
    if (it == zones.end()) {
      zones.emplace_back(plan->timezone, s);
    } else {
      it->second.first = std::min(it->second.first, s.first);
      it->second.last = std::max(it->second.last, s.last);
    }
  }
  for (const auto& [tzid, s] : zones) {
    const date::time_zone* zone = date::locate_zone(tzid);
    icalcomponent_add_component(cal, make_vtimezone(*zone, s.first - date::days(366), s.last + date::days(366)));
  }
  for (const Plan* plan : plans) add_events(cal, *plan, options);

  char* text = icalcomponent_as_ical_string_r(cal);
  if (!text) throw Error(message("render.libical"));
  std::string out(text);
  std::free(text);
  // libical folds a property whose text fills the line exactly between its CR and LF
  // ("…\r" "\r\n " "\n"), which leaves a bare LF; put the line end back together.
  for (auto at = out.find("\r\r\n \n"); at != std::string::npos; at = out.find("\r\r\n \n", at)) out.replace(at, 5, "\r\n");
  return out;
}

}  // namespace dacu

