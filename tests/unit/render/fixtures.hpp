#pragma once
// Small report values built by hand for the renderer tests: renderers take values, so their tests
// need no template, loader or computation.

#include <date/date.h>

#include <chrono>

#include "dacu/plan/plan.hpp"
#include "dacu/render/format.hpp"

namespace dacu::test {

/// A wall-clock moment in Asia/Shanghai (+08:00).
inline ZonedTime shanghai(date::local_days day, int hour, int minute) {
  return {date::local_seconds(day) + std::chrono::hours(hour) + std::chrono::minutes(minute), std::chrono::hours(8)};
}

/// Labels in English (`--lang en`).
inline RenderOptions in_english() {
  RenderOptions options;
  options.lang = Lang::en;
  return options;
}

inline date::local_days day(int month, int d) { return date::local_days{date::year{2026} / month / d}; }

/// Two milestones and a date-only one, an all-day and a timed task (rolled, with a note), a
/// timed platform window, and two checkpoints, one without plan or tolerance.
inline Plan small_plan() {
  Plan p;
  p.campaign = "小店 双十二";
  p.template_name = "聚划算";
  p.timezone = "Asia/Shanghai";
  p.calendar = "cn";
  p.phases = {"活动前", "活动中"};
  p.milestones = {{"报名", shanghai(day(11, 20), 10, 0), false, ""},
                  {"开团", shanghai(day(12, 20), 10, 0), false, "报名后30天"},
                  {"复盘", shanghai(day(12, 22), 0, 0), true, ""}};
  DatedTask prep;
  prep.name = "报名准备";
  prep.department = "运营";
  prep.owner = "运营主管";
  prep.phase = "活动前";
  prep.start_offset = "报名前2天";
  prep.end_offset = "报名当天";
  prep.first_day = day(11, 18);
  prep.last_day = day(11, 20);
  prep.start = shanghai(prep.first_day, 0, 0);
  prep.end = shanghai(prep.last_day, 0, 0);
  DatedTask watch;
  watch.name = "开团跟进";
  watch.department = "客服";
  watch.owner = "客服主管";
  watch.phase = "活动中";
  watch.start_offset = "开团";
  watch.duration = "2h";
  watch.all_day = false;
  watch.first_day = watch.last_day = day(12, 20);
  watch.start = shanghai(day(12, 20), 10, 0);
  watch.end = shanghai(day(12, 20), 12, 0);
  watch.rolled = true;
  watch.note = "盯紧\"库存\"";
  p.tasks = {prep, watch};
  DatedCheckpoint orders{"开团15分钟", "开团后15分钟", shanghai(day(12, 20), 10, 15), "支付笔数", Rational(300), "", Rational(1, 5),
                         "运营主管", "汇报运营"};
  DatedCheckpoint visitors{"开团1小时", "开团后1小时", shanghai(day(12, 20), 11, 0), "访客数", {}, "", {}, "推广主管", ""};
  p.checkpoints = {orders, visitors};
  DatedDeadline showcase;
  showcase.name = "展示";
  showcase.rule = "开团当天08:00–09:59";
  showcase.all_day = false;
  showcase.first_day = showcase.last_day = day(12, 20);
  showcase.start = shanghai(day(12, 20), 8, 0);
  showcase.end = shanghai(day(12, 20), 9, 59);
  showcase.note = "只展示不售卖";
  p.deadlines = {showcase};
  return p;
}

}  // namespace dacu::test
