#include "dacu/input/calendar_file.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <memory>

#include "dacu/base/timefmt.hpp"
#include "dacu/input/embedded.hpp"
#include "dacu/input/slips.hpp"
#include "dacu/input/yaml.hpp"

namespace dacu {

// The longest public holiday (春节) is 9 days; a longer range is a typo in the last day.
constexpr date::days kMaxHolidayDays{31};

namespace {


std::optional<unsigned> weekday_number(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, unsigned>, 21> names{{
      {"日", 0}, {"一", 1}, {"二", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6},
      {"周日", 0}, {"周一", 1}, {"周二", 2}, {"周三", 3}, {"周四", 4}, {"周五", 5}, {"周六", 6},
      {"sun", 0}, {"mon", 1}, {"tue", 2}, {"wed", 3}, {"thu", 4}, {"fri", 5}, {"sat", 6},
  }};
  for (auto [n, v] : names) {
    if (n == name) return v;
  }
  return std::nullopt;
}

date::local_days read_day(const yaml::Node& node, std::string_view what) {
  const auto& text = yaml::scalar(node, what);
  auto day = parse_date(text);
  if (!day) {
    slips::check_value(text, node.text_where(), what);
    auto advice = date_advice(text, message("calendar.date-forms"));
    throw input_error("D020.calendar", node.where, {{"text", text}, {"problem", advice.problem}, {"advice", advice.hint}});
  }
  return *day;
}

}  // namespace

Calendar parse_calendar(std::string_view text, std::string_view source_name) {
  auto doc = yaml::parse(std::string(text), source_name);
  static constexpr std::array<std::string_view, 6> keys{"dacu", "kind", "name", "title", "weekend", "years"};
  yaml::Fields top(doc.root, message("calendar.the-calendar"), keys);
  const auto& kind = top.require("kind");
  if (yaml::scalar(kind, "kind") != "calendar") {
    throw input_error("D006.calendar", kind.where, {{"kind", kind.value}});
  }
  Calendar calendar(yaml::scalar(top.require("name"), "name"));
  if (const auto* weekend = top.find("weekend")) {
    std::set<unsigned> days;
    for (const auto* item : yaml::scalar_or_list(*weekend, message("calendar.weekend-day"))) {
      auto number = weekday_number(item->value);
      if (!number) {
        throw input_error("D004.weekday", item->where, {{"value", item->value}});
      }
      days.insert(*number);
    }
    calendar.set_weekend(std::move(days));
  }
  if (const auto* years = top.find("years")) {
    yaml::mapping(*years, "years");
    for (std::size_t i = 0; i < years->map_size(); ++i) {
      const auto& year_key = years->key(i);
      int year = 0;
      auto [end, ec] = std::from_chars(year_key.value.data(), year_key.value.data() + year_key.value.size(), year);
      if (ec != std::errc() || end != year_key.value.data() + year_key.value.size() || year < 1900 || year > 2200) {
        throw input_error("D004.year", year_key.where, {{"value", year_key.value}});
      }
      static constexpr std::array<std::string_view, 3> year_keys{"source", "holidays", "workdays"};
      yaml::Fields entry(years->val(i), message("calendar.year", {{"year", year}}), year_keys);
      calendar.add_covered_year(year);
      auto check_year = [&](const yaml::Node& node, date::local_days day) {
        if (date::year_month_day{day}.year() != date::year{year}) {
          throw input_error("D020.year", node.where, {{"day", format_date(day)}, {"year", year}});
        }
      };
      if (const auto* holidays = entry.find("holidays")) {
        yaml::mapping(*holidays, "holidays");
        for (std::size_t h = 0; h < holidays->map_size(); ++h) {
          const auto& name = holidays->key(h).value;
          const auto& range = yaml::sequence(holidays->val(h), message("calendar.holiday", {{"name", name}}));
          if (range.children.size() != 2) throw input_error("D004.holiday", range.where, {{"name", name}});
          auto first = read_day(range.children[0], message("calendar.first-day"));
          auto last = read_day(range.children[1], message("calendar.last-day"));
          check_year(range.children[0], first);
          if (last < first) {
            throw input_error("D034.holiday", range.children[1].where, {{"name", name}});
          }
          if (last - first >= kMaxHolidayDays) {
            throw input_error("D024", range.children[1].where,
                              {{"name", name}, {"days", (last - first).count() + 1}, {"limit", kMaxHolidayDays.count()}});
          }
          for (auto d = first; d <= last; d += date::days{1}) calendar.add_holiday(d, name);
        }
      }
      if (const auto* workdays = entry.find("workdays")) {
        for (const auto& item : yaml::sequence(*workdays, "workdays").children) {
          auto day = read_day(item, message("calendar.workday"));
          check_year(item, day);
          calendar.add_workday(day);
        }
      }
    }
  }
  return calendar;
}

namespace {

struct BuiltinCalendars {
  std::vector<std::unique_ptr<Calendar>> calendars;
};

const BuiltinCalendars& builtin_calendars() {
  static const BuiltinCalendars all = [] {
    BuiltinCalendars out;
    for (const auto& file : builtin_files()) {
      // Calendars are the embedded files whose document says `kind: calendar`.
      if (file.text.find("\nkind: calendar") == std::string_view::npos) continue;
      out.calendars.push_back(
          std::make_unique<Calendar>(parse_calendar(file.text, fmt::format("<builtin>/calendars/{}", file.name))));
    }
    return out;
  }();
  return all;
}

}  // namespace

const Calendar* builtin_calendar(std::string_view name) {
  for (const auto& c : builtin_calendars().calendars) {
    if (c->name() == name) return c.get();
  }
  return nullptr;
}

std::vector<std::string> builtin_calendar_names() {
  std::vector<std::string> names;
  for (const auto& c : builtin_calendars().calendars) names.push_back(c->name());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace dacu
