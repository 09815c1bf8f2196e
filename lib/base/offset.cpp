#include "dacu/base/offset.hpp"

#include <fmt/format.h>

#include <array>
#include <optional>
#include <vector>

#include "dacu/base/numbers.hpp"
#include "dacu/base/utf8.hpp"

namespace dacu {

using namespace std::chrono_literals;

std::string Offset::canonical() const {
  auto signed_number = [](long long n, std::string_view unit) { return fmt::format("{:+}{}", n, unit); };
  switch (kind) {
    case Kind::year_end: return "年末";
    case Kind::year_start: return "年初";
    case Kind::day: return fmt::format("{} {}", anchor, signed_number(amount, "d"));
    case Kind::working_day: return fmt::format("{} {}", anchor, signed_number(amount, "wd"));
    case Kind::moment:
      if (shift == 0min) return anchor;
      if (shift % 60min == 0min) return fmt::format("{} {}", anchor, signed_number(shift / 60min, "h"));
      return fmt::format("{} {}", anchor, signed_number(shift.count(), "min"));
    case Kind::clock: {
      auto h = clock.count() / 60, m = clock.count() % 60;
      if (amount == 0) return fmt::format("{} @{:02}:{:02}", anchor, h, m);
      return fmt::format("{} {} @{:02}:{:02}", anchor, signed_number(amount, "d"), h, m);
    }
  }
  return text;
}

namespace {

// The offset error `key`; one without a hint of its own shows the forms an offset is written in.
InputError offset_error(std::string_view key, Location where, MessageArgs args = {}) {
  auto diagnostic = make_diagnostic(Severity::error, key, std::move(where), args);
  if (diagnostic.hint.empty()) diagnostic.hint = message("offset.forms");
  return InputError(std::move(diagnostic));
}

// A cursor over the phrase, folded (fold_fullwidth) so that 开团前３天 reads as 开团前3天, that
// knows where each character was typed, for located errors.
class Reader {
 public:
  Reader(std::string_view text, std::string_view typed, std::span<const std::size_t> origin, const Location& where)
      : text_(text), typed_(typed), origin_(origin), where_(where) {}

  bool done() const { return pos_ >= text_.size(); }
  std::size_t pos() const { return pos_; }
  std::string_view rest() const { return text_.substr(pos_); }
  bool eat(std::string_view s) {
    if (rest().substr(0, s.size()) == s) {
      pos_ += s.size();
      return true;
    }
    return false;
  }
  bool eat_any(std::initializer_list<std::string_view> options) {
    for (auto s : options) {
      if (eat(s)) return true;
    }
    return false;
  }
  void skip_spaces() {
    while (!done() && (text_[pos_] == ' ' || text_[pos_] == '\t')) ++pos_;
  }
  /// Fails with the catalogue's error `key` (offset_error) at the current position.
  [[noreturn]] void fail(std::string_view key, MessageArgs args = {}) const { fail_at(pos_, key, args); }
  /// Fails pointing at an earlier position, e.g. the start of a clock time that is out of range.
  [[noreturn]] void fail_at(std::size_t pos, std::string_view key, MessageArgs args = {}) const {
    auto typed = origin_[pos < origin_.size() ? pos : origin_.size() - 1];
    throw offset_error(key, where_.advanced(typed_, typed), args);
  }

  /// A number in digits (20) or Chinese numerals (二十, 十五, 两, 一百二十).
  std::optional<long long> number() {
    std::size_t start = pos_;
    long long value = 0;
    while (!done() && text_[pos_] >= '0' && text_[pos_] <= '9') {
      value = value * 10 + (text_[pos_] - '0');
      if (value > 1'000'000) fail("D030.too-large");
      ++pos_;
    }
    if (pos_ > start) return value;
    return chinese_number();
  }

 private:
  // Chinese numerals up to 999, written as people write them: 十, 十五, 二十, 二十五, 一百, 一百零五,
  // 一百二十, 两百. Anything else made of numeral characters (三三, 十十, 二十十) is refused rather
  // than read as some other number.
  std::optional<long long> chinese_number() {
    static constexpr std::array<std::pair<std::string_view, int>, 15> words{{
        {"零", 0}, {"一", 1}, {"二", 2}, {"两", 2}, {"三", 3}, {"四", 4}, {"五", 5}, {"六", 6},
        {"七", 7}, {"八", 8}, {"九", 9}, {"十", 10}, {"百", 100},
    }};
    std::size_t start = pos_;
    std::vector<int> tokens;  // 0–9 digits, 10 for 十, 100 for 百
    while (!done()) {
      bool matched = false;
      for (auto [w, v] : words) {
        if (!w.empty() && eat(w)) {
          tokens.push_back(v);
          matched = true;
          break;
        }
      }
      if (!matched) break;
    }
    if (tokens.empty()) return std::nullopt;
    std::size_t i = 0;
    auto digit = [&](bool nonzero) {
      bool ok = i < tokens.size() && tokens[i] < 10 && (!nonzero || tokens[i] > 0);
      return ok ? tokens[i++] : -1;
    };
    auto next_is = [&](int v) { return i < tokens.size() && tokens[i] == v; };
    long long value = 0;
    bool hundreds = false;
    if (tokens.size() == 1 && tokens[0] == 0) return 0;  // 零
    // hundreds: d百
    if (tokens.size() >= 2 && tokens[0] > 0 && tokens[0] < 10 && tokens[1] == 100) {
      value = tokens[0] * 100LL;
      i = 2;
      hundreds = true;
    }
    // tens: d十, or 十 alone at the start (十五)
    if (next_is(10) && !hundreds) {
      ++i;
      value += 10;
    } else if (i + 1 < tokens.size() && tokens[i] > 0 && tokens[i] < 10 && tokens[i + 1] == 10) {
      value += tokens[i] * 10LL;
      i += 2;
    } else if (hundreds && next_is(0)) {
      ++i;  // 一百零五: 零 stands for the missing tens
      int d = digit(true);
      if (d < 0) fail_at(start, "D030.ling");
      value += d;
    }
    if (i < tokens.size()) {
      int d = digit(true);
      if (d >= 0) value += d;
    }
    if (i != tokens.size()) {
      fail_at(start, "D030.chinese-number", {{"text", text_.substr(start, pos_ - start)}});
    }
    return value;
  }

  std::string_view text_;
  std::string_view typed_;
  std::span<const std::size_t> origin_;  ///< offset in typed_ of each byte of text_, and of its end
  const Location& where_;
  std::size_t pos_ = 0;
};

// A clock time: 15点, 15点30分, 15点半, 16:30, 16：30. Returns nullopt when none starts here.
std::optional<std::chrono::minutes> read_clock(Reader& r) {
  auto save = r.pos();
  auto hour = r.number();
  if (!hour) return std::nullopt;
  long long minute = 0;
  if (r.eat(":") || r.eat("：")) {
    auto m = r.number();
    if (!m) r.fail("D030.minutes");
    minute = *m;
  } else if (r.eat_any({"点", "时"})) {
    if (r.eat("半")) {
      minute = 30;
    } else if (auto m = r.number()) {
      minute = *m;
      r.eat("分");
    }
  } else {
    return std::nullopt;
  }
  if (*hour > 23 || minute > 59) {
    r.fail_at(save, "D030.time-of-day");
  }
  return std::chrono::hours(*hour) + std::chrono::minutes(minute);
}

// Finds the longest milestone name that starts `text`.
std::string_view match_milestone(std::string_view text, std::span<const std::string> milestones) {
  std::string_view best;
  for (const auto& m : milestones) {
    if (m.size() > best.size() && text.substr(0, m.size()) == m) best = m;
  }
  return best;
}

// The word a failed phrase probably meant as its milestone: the text before the first marker.
std::string_view guess_anchor(std::string_view text) {
  std::size_t end = text.size();
  for (std::string_view marker : {"前", "后", "当天", "完", "成功", " ", "+", "-", "@"}) {
    auto p = text.find(marker);
    if (p != std::string_view::npos && p < end) end = p;
  }
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] >= '0' && text[i] <= '9') {
      end = i;
      break;
    }
  }
  return text.substr(0, end);
}

Offset parse_compact(Offset offset, Reader& r) {
  // After the milestone: any of `+Nd`, `-Nwd`, `+Nh`, `-Nmin`, `@HH:MM`, separated by spaces.
  bool has_days = false, has_clock = false, has_shift = false;
  std::size_t clock_pos = 0;
  r.skip_spaces();
  while (!r.done()) {
    if (r.rest()[0] == '@') {
      clock_pos = r.pos();
      r.eat("@");
      auto clock = read_clock(r);
      if (!clock || has_clock) r.fail("D030.at");
      offset.clock = *clock;
      has_clock = true;
    } else if (r.rest()[0] == '+' || r.rest()[0] == '-') {
      int sign = r.rest()[0] == '-' ? -1 : 1;
      r.eat(r.rest().substr(0, 1));
      auto n = r.number();
      if (!n) r.fail("D030.sign");
      if (r.eat("wd")) {
        if (has_days || has_shift) r.fail("D030.one-day-offset");
        offset.kind = Offset::Kind::working_day;
        offset.amount = static_cast<int>(sign * *n);
        has_days = true;
      } else if (r.eat("min") || r.eat("m")) {
        if (has_shift || has_days) r.fail("D030.one-shift");
        offset.shift = std::chrono::minutes(sign * *n);
        has_shift = true;
      } else if (r.eat("h")) {
        if (has_shift || has_days) r.fail("D030.one-shift");
        offset.shift = std::chrono::hours(sign * *n);
        has_shift = true;
      } else if (bool week = r.eat("w"); week || r.eat("d")) {
        if (has_days || has_shift) r.fail("D030.one-day-offset");
        offset.kind = Offset::Kind::day;
        offset.amount = static_cast<int>(sign * *n * (week ? 7 : 1));
        has_days = true;
      } else {
        r.fail("D030.unit");
      }
    } else {
      r.fail("D030.compact-text");
    }
    r.skip_spaces();
  }
  if (has_clock) {
    if (has_shift) r.fail_at(clock_pos, "D030.clock-after-shift");
    if (offset.kind == Offset::Kind::working_day) {
      r.fail_at(clock_pos, "D030.clock-after-working-days");
    }
    offset.kind = Offset::Kind::clock;
  } else if (has_shift || !has_days) {
    offset.kind = Offset::Kind::moment;
  }
  return offset;
}

Offset parse_chinese(Offset offset, Reader& r) {
  // After the milestone: [完|成功|结束] then 当天[clock] | [前|后] N unit [clock] | nothing.
  r.eat_any({"完", "成功", "结束"});
  if (r.done()) return offset;  // the milestone's moment itself
  if (r.eat("当天") || r.eat("当日")) {
    offset.kind = Offset::Kind::day;
    if (r.done()) return offset;
    auto clock = read_clock(r);
    if (!clock) r.fail("D030.same-day");
    offset.kind = Offset::Kind::clock;
    offset.clock = *clock;
    if (!r.done()) r.fail("D030.after-clock");
    return offset;
  }
  int sign = 1;
  bool has_direction = false;
  if (r.eat("前")) {
    sign = -1;
    has_direction = true;
  } else if (r.eat("后")) {
    has_direction = true;
  }
  // 半小时 / 半个小时 take no number.
  if (r.eat("半个小时") || r.eat("半小时") || r.eat("半个钟头")) {
    offset.kind = Offset::Kind::moment;
    offset.shift = std::chrono::minutes(sign * 30);
  } else {
    auto n = r.number();
    if (!n) {
      if (has_direction) r.fail("D030.direction-number");
      r.fail("D030.after-milestone");
    }
    bool and_half = false;
    r.eat("个");
    if (r.eat("半")) {
      and_half = true;
      r.eat("个");
    }
    if (r.eat("工作日")) {
      if (and_half) r.fail("D030.half-working-days");
      offset.kind = Offset::Kind::working_day;
      offset.amount = static_cast<int>(sign * *n);
    } else if (r.eat_any({"天", "日"})) {
      if (and_half) r.fail("D030.half-days");
      offset.kind = Offset::Kind::day;
      offset.amount = static_cast<int>(sign * *n);
    } else if (r.eat_any({"周", "星期", "礼拜"})) {
      if (and_half) r.fail("D030.half-weeks");
      offset.kind = Offset::Kind::day;
      offset.amount = static_cast<int>(sign * *n * 7);
    } else if (r.eat_any({"小时", "钟头"})) {
      offset.kind = Offset::Kind::moment;
      offset.shift = std::chrono::minutes(sign * (*n * 60 + (and_half ? 30 : 0)));
    } else if (r.eat_any({"分钟", "分"})) {
      if (and_half) r.fail("D030.half-minutes");
      offset.kind = Offset::Kind::moment;
      offset.shift = std::chrono::minutes(sign * *n);
    } else {
      r.fail("D030.chinese-unit");
    }
  }
  if (r.done()) return offset;
  if (offset.kind == Offset::Kind::day) {
    auto clock = read_clock(r);
    if (clock) {
      offset.kind = Offset::Kind::clock;
      offset.clock = *clock;
      if (r.done()) return offset;
    }
  }
  r.fail("D030.after-offset");
}

}  // namespace

void check_milestone_name(std::string_view name, const Location& where) {
  for (std::string_view word : {"前", "后"}) {
    if (!name.ends_with(word)) continue;
    auto stem = name.substr(0, name.size() - word.size());
    auto meaning = message(word == "前" ? "offset.reads-before" : "offset.reads-after");
    auto rest = stem.empty() ? std::string() : message("offset.not-from", {{"stem", stem}});
    throw input_error("D085", where, {{"name", name}, {"word", word}, {"meaning", meaning}, {"rest", rest}});
  }
}

Offset parse_offset(std::string_view text, const Location& where, std::span<const std::string> milestones) {
  Offset offset;
  offset.text = std::string(text);
  offset.where = where;
  // Leading and trailing spaces are not part of the phrase.
  std::size_t first = text.find_first_not_of(' ');
  if (first == std::string_view::npos) {
    throw offset_error("D030.empty", where);
  }
  std::string_view phrase = text.substr(first, text.find_last_not_of(' ') - first + 1);
  Location at = where.advanced(text, first);

  if (phrase == "年末" || phrase == "年底" || phrase == "年未") {  // 年未: the seeds' misprint
    offset.kind = Offset::Kind::year_end;
    return offset;
  }
  if (phrase == "年初") {
    offset.kind = Offset::Kind::year_start;
    return offset;
  }
  auto anchor = match_milestone(phrase, milestones);
  if (anchor.empty()) {
    auto guess = guess_anchor(phrase);
    std::vector<std::string> names(milestones.begin(), milestones.end());
    if (guess.empty()) {
      throw offset_error("D030.no-milestone", at,
                         {{"phrase", phrase}, {"example", names.empty() ? std::string("开团") : names.front()}});
    }
    throw input_error("D031.offset", at, {{"milestone", guess}, {"phrase", phrase}, {"advice", suggestion(guess, names)}});
  }
  offset.anchor = std::string(anchor);
  // The milestone as written; after it, full-width digits and signs read as ASCII (issue 17:
  // 开团前３天 was "expected a number", the one grammar that did not fold them).
  auto folded = fold_fullwidth(phrase.substr(anchor.size()));
  std::string read = offset.anchor + folded.text;
  std::vector<std::size_t> origin;
  origin.reserve(read.size() + 1);
  for (std::size_t i = 0; i < anchor.size(); ++i) origin.push_back(i);
  for (auto o : folded.origin) origin.push_back(anchor.size() + o);
  Reader r(read, phrase, origin, at);
  r.eat(anchor);
  auto next = r.rest();
  if (!next.empty() && (next[0] == ' ' || next[0] == '+' || next[0] == '-' || next[0] == '@')) {
    return parse_compact(std::move(offset), r);
  }
  return parse_chinese(std::move(offset), r);
}

}  // namespace dacu
