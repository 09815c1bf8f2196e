#pragma once
/// Working-day calendars: weekends, public holidays and make-up working days (调休), as data.

#include <date/date.h>

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "dacu/base/error.hpp"

namespace dacu {

/// Which days are worked. Built-in calendars come from templates/calendars/*.yaml; a campaign can
/// add days off and workdays of its own.
class Calendar {
 public:
  Calendar() = default;
  explicit Calendar(std::string name) : name_(std::move(name)) {}

  const std::string& name() const { return name_; }

  /// Weekday numbers (0 = Sunday … 6 = Saturday) that are days off unless declared workdays.
  void set_weekend(std::set<unsigned> weekdays) { weekend_ = std::move(weekdays); }
  void add_holiday(date::local_days day, std::string name);
  void add_workday(date::local_days day);
  void add_covered_year(int year) { covered_years_.insert(year); }

  /// A make-up workday beats a holiday and the weekend; a holiday beats an ordinary weekday.
  bool is_working_day(date::local_days day) const;
  /// The holiday's name when `day` is a public holiday, else "".
  std::string_view holiday_name(date::local_days day) const;
  bool is_makeup_workday(date::local_days day) const { return workdays_.count(day) > 0; }
  /// Whether the calendar has the official arrangement for `year` (else only weekends apply).
  bool covers(int year) const { return covered_years_.count(year) > 0; }
  const std::set<int>& covered_years() const { return covered_years_; }

  /// `day` when it is a working day, else the first working day after it (如遇节假日顺延).
  date::local_days next_working_day(date::local_days day) const;
  /// `day` when it is a working day, else the last working day before it.
  date::local_days previous_working_day(date::local_days day) const;
  /// The day `count` working days after (count > 0) or before (count < 0) `day`, not counting
  /// `day` itself; 0 gives `day`.
  date::local_days add_working_days(date::local_days day, int count) const;

 private:
  std::string name_;
  std::set<unsigned> weekend_{0, 6};
  std::map<date::local_days, std::string> holidays_;
  std::set<date::local_days> workdays_;
  std::set<int> covered_years_;
};

}  // namespace dacu
