#include "dacu/base/calendar.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>
#include <memory>
#include <mutex>


namespace dacu {

void Calendar::add_holiday(date::local_days day, std::string name) { holidays_[day] = std::move(name); }

void Calendar::add_workday(date::local_days day) { workdays_.insert(day); }

bool Calendar::is_working_day(date::local_days day) const {
  if (workdays_.count(day)) return true;
  if (holidays_.count(day)) return false;
  return weekend_.count(date::weekday{day}.c_encoding()) == 0;
}

std::string_view Calendar::holiday_name(date::local_days day) const {
  auto it = holidays_.find(day);
  return it == holidays_.end() ? std::string_view() : std::string_view(it->second);
}

// A run of days off is at most a few weeks; the bound only guards a calendar declaring every
// day a holiday.
constexpr int kMaxDaysOffInARow = 366;

date::local_days Calendar::next_working_day(date::local_days day) const {
  for (int i = 0; i < kMaxDaysOffInARow && !is_working_day(day); ++i) day += date::days{1};
  return day;
}

date::local_days Calendar::previous_working_day(date::local_days day) const {
  for (int i = 0; i < kMaxDaysOffInARow && !is_working_day(day); ++i) day -= date::days{1};
  return day;
}

date::local_days Calendar::add_working_days(date::local_days day, int count) const {
  auto step = date::days{count < 0 ? -1 : 1};
  long long remaining = count < 0 ? -static_cast<long long>(count) : count;
  // Bounded once, from the count asked for: a calendar that declares every day off must not spin
  // forever, and the bound must not shrink as working days are found (it stopped 300 working days
  // early in 2027, on a Sunday).
  const long long limit = remaining * 8 + kMaxDaysOffInARow;
  for (long long steps = 0; remaining > 0 && steps < limit; ++steps) {
    day += step;
    if (is_working_day(day)) --remaining;
  }
  return day;
}

}  // namespace dacu
