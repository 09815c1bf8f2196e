#pragma once
/// Offsets: where a moment sits relative to a milestone, read from the phrases planners write
/// (报名前20天, 竞拍完后1天, 开团前半小时, 开团当天15点, 报名前3个工作日) or a compact form
/// (开团 -2d, 开团 +25min, 开团 @15:00, 开团 +3wd).

#include <chrono>
#include <span>
#include <string>
#include <string_view>

#include "dacu/base/error.hpp"

namespace dacu {

struct Offset {
  enum class Kind {
    day,          ///< the anchor's date plus `amount` calendar days (day-level)
    working_day,  ///< the anchor's date moved `amount` working days (day-level)
    moment,       ///< the anchor's moment plus `shift` (timed)
    clock,        ///< the anchor's date plus `amount` days, at `clock` (timed)
    year_end,     ///< 年末: December of the year before the reference milestone's year (day-level)
    year_start,   ///< 年初: January of the reference milestone's year (day-level)
  };

  std::string text;  ///< as written
  Location where;
  std::string anchor;  ///< the milestone; empty for 年末 / 年初
  Kind kind = Kind::moment;
  int amount = 0;
  std::chrono::minutes shift{0};
  std::chrono::minutes clock{0};

  /// Day-level offsets give all-day tasks; the others give timed ones.
  bool day_level() const {
    return kind == Kind::day || kind == Kind::working_day || kind == Kind::year_end || kind == Kind::year_start;
  }
  /// The same offset written in the compact form, e.g. `开团 -30min`, for traceability.
  std::string canonical() const;

  friend bool operator==(const Offset& a, const Offset& b) {
    return a.anchor == b.anchor && a.kind == b.kind && a.amount == b.amount && a.shift == b.shift &&
           a.clock == b.clock;
  }
};

/// Reads an offset phrase. `milestones` are the names it may refer to (the longest that starts
/// the phrase wins). Throws InputError: D030 for a phrase it cannot read, D031 for an unknown
/// milestone, each pointing at the character where reading failed.
Offset parse_offset(std::string_view text, const Location& where, std::span<const std::string> milestones);

/// Refuses a milestone name the offset grammar would misread: one that ends with 前 or 后. With a
/// milestone 报名前, `报名前20天` reads as 报名前 and then `20天` (after), never "before 报名";
/// with 报名 beside it the longest name wins and the phrase silently flips. Throws InputError
/// D085 at `where` (the name's key).
void check_milestone_name(std::string_view name, const Location& where);

}  // namespace dacu
