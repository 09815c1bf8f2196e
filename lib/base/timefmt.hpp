#pragma once
/// Parsing and showing dates, times and durations the way planners write them.

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "dacu/base/error.hpp"

namespace dacu {

/// A date that exists on the calendar (2026-02-30 does not), year first with four digits:
/// `2026-12-20`, `2026/12/20`, `2026.12.20`, `2026年12月20日` (or `号`); month and day with or
/// without a leading zero (`2026/1/5`). Full-width digits and ．－／ are read (fold_fullwidth).
/// Year-last and two-digit-year forms are ambiguous and refused (date_advice says why).
std::optional<date::local_days> parse_date(std::string_view text);

/// A local date-time: a date as parse_date reads it, then `T` or a space and a time of day
/// (`10:00`, `9:30`, `10:00:30`, `10点`, `10点30分`, `10点半`; after `日` the space may be left
/// out), or a date alone (00:00, `date_only` set). No UTC offset: times are wall-clock times in the
/// campaign's zone.
struct LocalDateTime {
  date::local_seconds at;
  bool date_only = false;
  /// A UTC offset written after the time (`2026-11-01T01:30-05:00`, `…Z`): which of a repeated
  /// hour is meant where the clocks go back. Only parse_datetime_with_offset sets it.
  std::optional<std::chrono::seconds> utc_offset;
  friend bool operator==(const LocalDateTime&, const LocalDateTime&) = default;
};
std::optional<LocalDateTime> parse_local_datetime(std::string_view text);
/// As parse_local_datetime, and a date-time may end with its UTC offset: `+08:00`, `-05:00`, `Z`.
std::optional<LocalDateTime> parse_datetime_with_offset(std::string_view text);

/// A clock time `HH:MM` or `H:MM` (00:00–23:59), or as it is said: `10点`, `10点30分`, `10点半`.
std::optional<std::chrono::minutes> parse_clock(std::string_view text);

/// Why `text` is not a date or date-time, for a reader's message. `problem` completes
/// "'12/20/2026' is not a date" when the text has a form dacu recognises and refuses
/// (": it has the year last", a two-digit year, no year) and is empty otherwise; `hint` shows the
/// form to write, with the text's own numbers where they are unambiguous (2026-12-20), names a
/// day that does not exist or a bad time, and is `fallback` when the text looks like no date.
struct DateAdvice {
  std::string problem;
  std::string hint;
};
DateAdvice date_advice(std::string_view text, std::string_view fallback);

/// A duration: `30min`, `2h`, `7d`, `1w`, `45s`; also `30分钟`, `2小时`, `7天`.
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

/// Refuses a time-zone name that the system may resolve but that names the host's own zone or a
/// file of the tzdata rather than a place (`localtime`, `/etc/localtime`, any path, `posixrules`,
/// `posix/…`, `right/…`, `Factory`): a plan in it would follow the machine it runs on. Throws
/// InputError D084 at `where`. Whether the name is a known zone only looking it up tells (D021).
void check_zone_name(std::string_view name, const Location& where);

/// `2026-12-20`
std::string format_date(date::local_days day);
/// `2026-12-20T10:25:00`
std::string format_local_iso(date::local_seconds at);
/// `2026-12-20T10:25:00+08:00`
std::string format_iso_with_offset(date::local_seconds at, std::chrono::seconds utc_offset);
/// `周日` / `Sun`
std::string weekday_name(date::local_days day, bool english);
/// `2026-12-20 周日` / `2026-12-20 Sun`: a day as the plan's tables show it (render's show_day).
std::string format_day_shown(date::local_days day, bool english);
/// `2026-12-20 周日 10:00`: a moment to the minute as the plan's tables show it (render's
/// show_moment, which adds the offset in a repeated hour); messages about dates use it too.
std::string format_moment_shown(date::local_seconds at, bool english);
/// `30min`, `2h`, `1h30min`, `7d`: the compact form offsets and files use.
std::string format_duration(std::chrono::seconds d);
/// `30分钟`, `2小时`, `1小时30分钟`, `7天`, `1天12小时`: a duration in a sentence people read.
std::string format_duration_zh(std::chrono::seconds d);
/// `08:00`, `23:59`, `24:00` (the end of a day): a clock time of day; later times (a night shift's
/// end) are on the next day, `次日04:00` (`next day 04:00` when `english`).
std::string format_clock(std::chrono::minutes since_midnight, bool english = false);

}  // namespace dacu
