#include "dacu/base/timefmt.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

#include "dacu/base/numbers.hpp"

namespace dacu {

using namespace std::chrono_literals;

namespace {

bool is_digit(std::string_view text, std::size_t pos) { return pos < text.size() && text[pos] >= '0' && text[pos] <= '9'; }

// Reads exactly `width` ASCII digits at `pos`.
bool read_digits(std::string_view text, std::size_t pos, std::size_t width, int& out) {
  if (pos + width > text.size()) return false;
  int value = 0;
  for (std::size_t i = pos; i < pos + width; ++i) {
    if (!is_digit(text, i)) return false;
    value = value * 10 + (text[i] - '0');
  }
  out = value;
  return true;
}

// Reads 1 to `most` digits at `pos`; the count read (0 for none).
std::size_t read_number(std::string_view text, std::size_t pos, std::size_t most, int& out) {
  std::size_t n = 0;
  int value = 0;
  while (n < most && is_digit(text, pos + n)) value = value * 10 + (text[pos + n++] - '0');
  if (n > 0 && is_digit(text, pos + n)) return 0;  // more digits than the field has
  out = value;
  return n;
}

bool eat(std::string_view text, std::size_t& pos, std::string_view word) {
  if (!text.substr(pos).starts_with(word)) return false;
  pos += word.size();
  return true;
}

// The date at the start of folded text: YYYY-M-D, YYYY/M/D, YYYY.M.D (one separator throughout),
// or YYYY年M月D日 (or 号); month and day with or without a leading zero.
struct ScannedDate {
  int y = 0, m = 0, d = 0;
  std::size_t end = 0;
  bool chinese = false;
};
std::optional<ScannedDate> scan_date(std::string_view text) {
  ScannedDate out;
  if (!read_digits(text, 0, 4, out.y) || is_digit(text, 4)) return std::nullopt;
  std::size_t pos = 4;
  if (eat(text, pos, "年")) {
    out.chinese = true;
    auto n = read_number(text, pos, 2, out.m);
    if (n == 0 || !eat(text, pos += n, "月")) return std::nullopt;
    n = read_number(text, pos, 2, out.d);
    if (n == 0 || !(eat(text, pos += n, "日") || eat(text, pos, "号"))) return std::nullopt;
  } else {
    if (pos >= text.size() || std::string_view("-/.").find(text[pos]) == std::string_view::npos) return std::nullopt;
    char separator = text[pos++];
    auto n = read_number(text, pos, 2, out.m);
    if (n == 0 || pos + n >= text.size() || text[pos + n] != separator) return std::nullopt;
    pos += n + 1;
    n = read_number(text, pos, 2, out.d);
    if (n == 0) return std::nullopt;
    pos += n;
  }
  out.end = pos;
  return out;
}

std::optional<date::local_days> to_day(const ScannedDate& s) {
  date::year_month_day ymd{date::year{s.y}, date::month{static_cast<unsigned>(s.m)}, date::day{static_cast<unsigned>(s.d)}};
  if (s.m < 1 || s.d < 1 || !ymd.ok()) return std::nullopt;
  return date::local_days{ymd};
}

// A time of day, the whole of folded `text`: H:MM, HH:MM, HH:MM:SS (when `seconds`), or as it is
// said: 10点, 10点30分, 10点30, 10点半 (时 for 点 too).
std::optional<std::chrono::seconds> parse_time_of_day(std::string_view text, bool seconds) {
  int h = 0, m = 0, s = 0;
  std::size_t pos = read_number(text, 0, 2, h);
  if (pos == 0) return std::nullopt;
  if (eat(text, pos, ":")) {
    if (!read_digits(text, pos, 2, m)) return std::nullopt;
    pos += 2;
    if (seconds && eat(text, pos, ":")) {
      if (!read_digits(text, pos, 2, s)) return std::nullopt;
      pos += 2;
    }
  } else if (eat(text, pos, "点") || eat(text, pos, "时")) {
    if (eat(text, pos, "半")) {
      m = 30;
    } else if (auto n = read_number(text, pos, 2, m)) {
      pos += n;
      eat(text, pos, "分");
    }
  } else {
    return std::nullopt;
  }
  if (pos != text.size() || h > 23 || m > 59 || s > 59) return std::nullopt;
  return std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

std::optional<LocalDateTime> read_local_datetime(std::string_view text) {
  auto scanned = scan_date(text);
  if (!scanned) return std::nullopt;
  auto day = to_day(*scanned);
  if (!day) return std::nullopt;
  auto rest = text.substr(scanned->end);
  if (rest.empty()) return LocalDateTime{date::local_seconds{*day}, true, std::nullopt};
  // `T` or a space before the time; after 日 the time may follow directly (12月20日10点).
  if (rest.front() == 'T' || rest.front() == ' ') {
    rest.remove_prefix(1);
  } else if (!scanned->chinese) {
    return std::nullopt;
  }
  auto time = parse_time_of_day(rest, true);
  if (!time) return std::nullopt;
  return LocalDateTime{date::local_seconds{*day} + *time, false, std::nullopt};
}

}  // namespace

std::optional<date::local_days> parse_date(std::string_view text) {
  auto folded = fold_fullwidth(text);
  auto scanned = scan_date(folded.text);
  if (!scanned || scanned->end != folded.text.size()) return std::nullopt;
  return to_day(*scanned);
}

std::optional<LocalDateTime> parse_local_datetime(std::string_view text) {
  return read_local_datetime(fold_fullwidth(text).text);
}

std::optional<LocalDateTime> parse_datetime_with_offset(std::string_view written) {
  auto folded = fold_fullwidth(written);
  std::string_view text = folded.text;
  if (auto plain = read_local_datetime(text)) return plain;
  // The offset follows HH:MM or HH:MM:SS: Z, or ±HH:MM.
  std::optional<std::chrono::seconds> offset;
  std::string_view rest;
  if (text.ends_with("Z")) {
    offset = 0s;
    rest = text.substr(0, text.size() - 1);
  } else if (text.size() > 6 && (text[text.size() - 6] == '+' || text[text.size() - 6] == '-') && text[text.size() - 3] == ':') {
    int h = 0, m = 0;
    if (!read_digits(text, text.size() - 5, 2, h) || !read_digits(text, text.size() - 2, 2, m) || h > 14 || m > 59) {
      return std::nullopt;
    }
    offset = std::chrono::hours(h) + std::chrono::minutes(m);
    if (text[text.size() - 6] == '-') offset = -*offset;
    rest = text.substr(0, text.size() - 6);
  } else {
    return std::nullopt;
  }
  auto value = read_local_datetime(rest);
  if (!value || value->date_only) return std::nullopt;
  value->utc_offset = offset;
  return value;
}

std::optional<std::chrono::minutes> parse_clock(std::string_view text) {
  auto t = parse_time_of_day(fold_fullwidth(text).text, false);
  if (!t) return std::nullopt;
  return std::chrono::duration_cast<std::chrono::minutes>(*t);
}

namespace {

std::optional<DateAdvice> find_date_advice(std::string_view written) {
  auto folded = fold_fullwidth(written);
  std::string_view text = folded.text;
  if (auto scanned = scan_date(text)) {
    if (!to_day(*scanned)) return DateAdvice{{}, message("date.no-such-day")};
    auto rest = text.substr(scanned->end);
    if (!rest.empty() && (rest.front() == 'T' || rest.front() == ' ' || scanned->chinese)) {
      return DateAdvice{{}, message("date.bad-time")};
    }
    return std::nullopt;
  }
  // Three numbers with one separator: which field is the year decides what was meant.
  int a = 0, b = 0, c = 0;
  std::size_t na = read_number(text, 0, 4, a), pos = na;
  if (na == 0 || pos >= text.size() || std::string_view("-/.").find(text[pos]) == std::string_view::npos) {
    if (text.find("月") != std::string_view::npos && text.find("年") == std::string_view::npos) {
      return DateAdvice{message("date.no-year"), message("date.write-year")};
    }
    return std::nullopt;
  }
  char separator = text[pos++];
  std::size_t nb = read_number(text, pos, 2, b);
  pos += nb;
  if (nb == 0 || pos >= text.size() || text[pos] != separator) return std::nullopt;
  std::size_t nc = read_number(text, ++pos, 4, c);
  if (nc == 0) return std::nullopt;
  auto ymd = [](int y, int m, int d) { return fmt::format("{:04}-{:02}-{:02}", y, m, d); };
  if (nc == 4 && na <= 2) {
    auto month = [](int n) { return n >= 1 && n <= 12; };
    auto day_only = [](int n) { return n > 12 && n <= 31; };
    if (day_only(a) && month(b)) return DateAdvice{message("date.year-last"), message("date.write-ymd", {{"date", ymd(c, b, a)}})};
    if (month(a) && day_only(b)) return DateAdvice{message("date.year-last"), message("date.write-ymd", {{"date", ymd(c, a, b)}})};
    if (month(a) && month(b)) {
      return DateAdvice{message("date.year-last-ambiguous"),
                        message("date.write-either", {{"first", ymd(c, a, b)}, {"second", ymd(c, b, a)}})};
    }
    return DateAdvice{message("date.year-last"), message("date.write-year-first")};
  }
  if (na == 2 && nc <= 2) {
    return DateAdvice{message("date.two-digit-year"), message("date.write-full-year", {{"date", ymd(2000 + a, b, c)}})};
  }
  return std::nullopt;
}

}  // namespace

DateAdvice date_advice(std::string_view text, std::string_view fallback) {
  auto advice = find_date_advice(text);
  if (!advice) return DateAdvice{{}, std::string(fallback)};
  return *advice;
}

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  // A sum of number+unit parts: 1h30min, 2d, 45s.
  struct Unit {
    std::string_view name;
    std::chrono::seconds size;
  };
  static constexpr std::array<Unit, 14> units{{
      {"分钟", 60s}, {"小时", 3600s}, {"min", 60s}, {"天", 86400s}, {"周", 604800s}, {"秒", 1s},
      {"h", 3600s}, {"d", 86400s}, {"w", 604800s}, {"s", 1s}, {"m", 60s}, {"hr", 3600s},
      {"day", 86400s}, {"days", 86400s},
  }};
  if (text.empty()) return std::nullopt;
  std::chrono::seconds total{0};
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t start = pos;
    while (pos < text.size() && text[pos] >= '0' && text[pos] <= '9') ++pos;
    if (pos == start || pos - start > 9) return std::nullopt;
    long long value = 0;
    std::from_chars(text.data() + start, text.data() + pos, value);
    const Unit* best = nullptr;
    for (const auto& unit : units) {  // longest unit name that matches here
      if (text.substr(pos, unit.name.size()) == unit.name && (!best || unit.name.size() > best->name.size())) {
        best = &unit;
      }
    }
    if (!best) return std::nullopt;
    pos += best->name.size();
    total += best->size * value;
  }
  return total;
}

namespace {

// Writes `v` as `width` decimal digits (v < 10^width) ending just before `end`.
void put_digits(char* end, unsigned v, int width) {
  for (int i = 0; i < width; ++i, v /= 10) *--end = static_cast<char>('0' + v % 10);
}

// YYYY-MM-DD into out[0, 10); false for years outside 0000..9999 (left to date::format).
bool put_date(char* out, date::local_days day) {
  date::year_month_day ymd{day};
  int y = static_cast<int>(ymd.year());
  if (y < 0 || y > 9999) return false;
  put_digits(out + 4, static_cast<unsigned>(y), 4);
  out[4] = '-';
  put_digits(out + 7, static_cast<unsigned>(ymd.month()), 2);
  out[7] = '-';
  put_digits(out + 10, static_cast<unsigned>(ymd.day()), 2);
  return true;
}

}  // namespace

// Hand-written rather than date::format, which builds an ostream and imbues a locale per call:
// a batch formats a few hundred thousand dates and that was a third of its instructions.
std::string format_date(date::local_days day) {
  char buf[10];
  if (!put_date(buf, day)) return date::format("%F", day);
  return std::string(buf, sizeof buf);
}

std::string format_local_iso(date::local_seconds at) {
  auto day = date::floor<date::days>(at);
  char buf[19];
  if (!put_date(buf, day)) return date::format("%FT%T", at);
  auto secs = static_cast<unsigned>((at - day).count());  // 0 .. 86399
  buf[10] = 'T';
  put_digits(buf + 13, secs / 3600, 2);
  buf[13] = ':';
  put_digits(buf + 16, secs / 60 % 60, 2);
  buf[16] = ':';
  put_digits(buf + 19, secs % 60, 2);
  return std::string(buf, sizeof buf);
}

std::string format_iso_with_offset(date::local_seconds at, std::chrono::seconds utc_offset) {
  auto minutes = std::chrono::duration_cast<std::chrono::minutes>(utc_offset).count();
  char sign = minutes < 0 ? '-' : '+';
  if (minutes < 0) minutes = -minutes;
  return fmt::format("{}{}{:02}:{:02}", format_local_iso(at), sign, minutes / 60, minutes % 60);
}

std::string weekday_name(date::local_days day, bool english) {
  static constexpr std::array<std::string_view, 7> zh{"周日", "周一", "周二", "周三", "周四", "周五", "周六"};
  static constexpr std::array<std::string_view, 7> en{"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  auto index = date::weekday{day}.c_encoding();
  return std::string(english ? en[index] : zh[index]);
}

std::string format_day_shown(date::local_days day, bool english) {
  return fmt::format("{} {}", format_date(day), weekday_name(day, english));
}

std::string format_moment_shown(date::local_seconds at, bool english) {
  auto day = date::floor<date::days>(at);
  return fmt::format("{} {}", format_day_shown(day, english),
                     format_clock(date::floor<std::chrono::minutes>(at - day)));
}

std::string format_duration(std::chrono::seconds d) {
  if (d == 0s) return "0min";
  std::string out;
  if (d < 0s) {
    out += '-';
    d = -d;
  }
  auto days = d / 86400s;
  d -= days * 86400s;
  auto hours = d / 3600s;
  d -= hours * 3600s;
  auto minutes = d / 60s;
  d -= minutes * 60s;
  if (days) out += fmt::format("{}d", days);
  if (hours) out += fmt::format("{}h", hours);
  if (minutes) out += fmt::format("{}min", minutes);
  if (d.count()) out += fmt::format("{}s", d.count());
  return out;
}

std::string format_duration_zh(std::chrono::seconds d) {
  if (d == 0s) return "0分钟";
  std::string out;
  if (d < 0s) {
    out += '-';
    d = -d;
  }
  auto days = d / 86400s;
  d -= days * 86400s;
  auto hours = d / 3600s;
  d -= hours * 3600s;
  auto minutes = d / 60s;
  d -= minutes * 60s;
  if (days) out += fmt::format("{}天", days);
  if (hours) out += fmt::format("{}小时", hours);
  if (minutes) out += fmt::format("{}分钟", minutes);
  if (d.count()) out += fmt::format("{}秒", d.count());
  return out;
}

std::string format_clock(std::chrono::minutes since_midnight, bool english) {
  auto m = since_midnight.count();
  if (m == 24 * 60) return "24:00";  // the end of the day it belongs to
  std::string day;
  if (m > 24 * 60) {
    day = english ? "next day " : "次日";
    m -= 24 * 60;
  }
  return fmt::format("{}{:02}:{:02}", day, m / 60, m % 60);
}

namespace {

// What makes a zone name the host's, completing "time zone 'NAME' …"; empty for none.
std::string host_zone_reason(std::string_view name) {
  // A path (absolute, or with a component . or ..) reads a file of the host's choosing.
  bool path = name.starts_with('/') || name == "." || name == ".." || name.starts_with("./") || name.starts_with("../") ||
              name.find("/./") != std::string_view::npos || name.find("/../") != std::string_view::npos ||
              name.ends_with("/.") || name.ends_with("/..");
  if (name == "localtime" || name.ends_with("/localtime") || path) return message("zone.host");
  if (name == "posixrules" || name.starts_with("posix/") || name.starts_with("right/")) {
    return message("zone.tzdata-file");
  }
  if (name == "Factory") return message("zone.placeholder");
  return {};
}

}  // namespace

void check_zone_name(std::string_view name, const Location& where) {
  auto why = host_zone_reason(name);
  if (why.empty()) return;
  throw input_error("D084", where, {{"zone", name}, {"why", why}});
}

}  // namespace dacu
