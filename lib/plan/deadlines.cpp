#include "dacu/plan/deadlines.hpp"

#include <date/tz.h>
#include <fmt/format.h>

#include <algorithm>

#include "dacu/base/timefmt.hpp"

#include "dacu/base/numbers.hpp"
#include "dacu/plan/timeline.hpp"

namespace dacu {

namespace {

date::days whole_days(std::chrono::seconds s) { return std::chrono::floor<date::days>(s); }

// The platform counts these limits in whole days.
std::string days_text(std::chrono::seconds s) { return format_duration_zh(whole_days(s)); }

}  // namespace

namespace {

// Each wave ships on its own: from its 尾款开始 (or 现货开售) to its 发货截止 (docs/format.md,
// "Waves and presale"), or, when the template declares no 发货截止, `ship_within` after its 尾款结束.
void wave_deadlines(const Campaign& campaign, const Plan& plan, std::vector<DatedDeadline>& out) {
  const auto& t = campaign.plan;
  if (!t.waves.present()) return;
  Timeline timeline(campaign);
  auto find = [&](const Wave& w, std::string_view element) -> const DatedMilestone* {
    auto name = wave_element_name(w.name, element);
    for (const auto& m : plan.milestones) {
      if (m.name == name) return &m;
    }
    return nullptr;
  };
  for (const auto& w : t.waves.waves) {
    const auto* from = find(w, kBalanceStart);
    if (!from) from = find(w, kSpotStart);
    if (!from) continue;
    DatedDeadline d;
    d.name = wave_element_name(w.name, kShipBy);
    d.wave = w.name;
    d.first_day = from->at.day();
    if (const auto* ship = find(w, kShipBy)) {
      d.rule = ship->rule.empty() ? std::string(kShipBy) : ship->rule;
      d.last_day = ship->at.day();
      d.note = fmt::format("{}付清尾款的订单在此前发出", w.name);
    } else if (const auto* end = find(w, kBalanceEnd); end && t.rules.ship_within) {
      d.rule = fmt::format("{}后{}内", kBalanceEnd, days_text(*t.rules.ship_within));
      d.last_day = end->at.day() + whole_days(*t.rules.ship_within);
      d.note = fmt::format("{}的订单按尾款付清时间顺推", w.name);
    } else {
      continue;
    }
    d.start = timeline.zoned(date::local_seconds{d.first_day});
    d.end = timeline.zoned(date::local_seconds{d.last_day});
    out.push_back(std::move(d));
  }
}

}  // namespace

std::vector<DatedDeadline> platform_deadlines(const Campaign& campaign, const Plan& plan, std::vector<Diagnostic>& warnings) {
  std::vector<DatedDeadline> out;
  wave_deadlines(campaign, plan, out);
  const auto& t = campaign.plan;
  const auto& rules = t.rules;
  auto opening = std::find_if(plan.milestones.begin(), plan.milestones.end(),
                              [](const DatedMilestone& m) { return m.name == kOpeningMilestone; });
  if (opening == plan.milestones.end()) return out;
  auto close = std::find_if(plan.milestones.begin(), plan.milestones.end(),
                            [](const DatedMilestone& m) { return m.name == kCloseMilestone; });
  const auto open_day = opening->at.day();
  const auto close_day = close != plan.milestones.end() ? close->at.day() : open_day;
  Timeline timeline(campaign);
  auto zoned = [&](date::local_seconds local) { return timeline.zoned(local); };
  auto day_item = [&](std::string name, std::string rule, date::local_days first, date::local_days last, std::string note) {
    DatedDeadline d;
    d.name = std::move(name);
    d.rule = std::move(rule);
    d.first_day = first;
    d.last_day = last;
    d.start = zoned(date::local_seconds{first});
    d.end = zoned(date::local_seconds{last});
    d.note = std::move(note);
    out.push_back(std::move(d));
  };
  auto timed_item = [&](std::string name, std::string rule, date::local_seconds from, date::local_seconds to, std::string note) {
    DatedDeadline d;
    d.name = std::move(name);
    d.rule = std::move(rule);
    d.all_day = false;
    d.first_day = date::floor<date::days>(from);
    d.last_day = date::floor<date::days>(to);
    d.start = zoned(from);
    d.end = zoned(to);
    d.note = std::move(note);
    out.push_back(std::move(d));
  };

  // 如遇节假日顺延: the campaign file gives 开团, so dacu does not move it; it says where it should be.
  if (rules.showcase_roll == Roll::next) {
    const auto& calendar = t.resolved_calendar;
    auto holiday = calendar.holiday_name(open_day);
    if (!holiday.empty()) {
      auto next = open_day;
      while (!calendar.holiday_name(next).empty()) next += date::days{1};
      const auto* m = t.find_milestone(kOpeningMilestone);
      warnings.push_back(make_diagnostic(Severity::warning, "D431", m ? m->given_where : Location{},
                                         {{"day", format_date(open_day)}, {"holiday", holiday}, {"next", format_date(next)}}));
    }
  }

  if (rules.deposit_due && rules.showcase) {
    auto due = open_day - whole_days(*rules.deposit_due);
    day_item("缴纳聚划算保证金", fmt::format("展现前{}", days_text(*rules.deposit_due)), due, due,
             "审核通过后查看缴纳情况；未及时缴纳会扣分并限制参加聚划算");
  }
  if (rules.showcase) {
    timed_item("商品展示（不可购买）", fmt::format("开团当天{}–{}", format_clock(rules.showcase->from), format_clock(rules.showcase->to)),
               date::local_seconds{open_day} + rules.showcase->from, date::local_seconds{open_day} + rules.showcase->to,
               rules.showcase_roll == Roll::next ? "如遇节假日顺延" : "");
  }
  if (rules.sale) {
    timed_item("开团售卖", fmt::format("开团当天{}–{}", format_clock(rules.sale->from), format_clock(rules.sale->to)),
               date::local_seconds{open_day} + rules.sale->from, date::local_seconds{open_day} + rules.sale->to,
               "以当天限定数量卖完为止");
    if (rules.payment_window) {
      auto last_order = date::local_seconds{open_day} + rules.sale->to;
      timed_item("付款时限", fmt::format("下单后{}", format_duration_zh(*rules.payment_window)),
                 date::local_seconds{open_day} + rules.sale->from, last_order + *rules.payment_window,
                 fmt::format("未付款订单{}后自动关闭；最后一笔{}下单的订单到此关闭", format_duration_zh(*rules.payment_window),
                             format_clock(rules.sale->to)));
    }
  }

  bool custom = false;
  if (const auto* p = t.find_parameter(kCustomGoodsParameter)) custom = parse_yes_no(p->value).value_or(false);  // checked when loaded
  if (custom && rules.ship_within_custom) {
    auto by = open_day + whole_days(*rules.ship_within_custom);
    day_item("发货截止（定制、大型家具）", fmt::format("买家付款后{}内", days_text(*rules.ship_within_custom)), open_day, by,
             "按开团当天付款计；之后付款的订单相应顺推");
  } else if (rules.ship_within) {
    day_item("发货截止", fmt::format("团购结束后{}内", days_text(*rules.ship_within)), close_day + date::days{1},
             close_day + whole_days(*rules.ship_within), "团购结束后隔天开始发货");
  }

  if (rules.deposit_hold) {
    bool high_risk = false;
    if (const auto* p = t.find_parameter(kCategoryTypeParameter)) {
      if (p->value == "高危") {
        high_risk = true;
      } else if (p->value != "普通") {
        throw input_error("D430", p->value_where.known() ? p->value_where : p->where,
                          {{"value", p->value}, {"advice", suggestion(p->value, {"普通", "高危"})}});
      }
    }
    auto hold = high_risk && rules.deposit_hold_high_risk ? *rules.deposit_hold_high_risk : *rules.deposit_hold;
    auto release = close_day + whole_days(hold);
    day_item(fmt::format("保证金冻结（{}类目）", high_risk ? "高危" : "普通"), fmt::format("活动结束后{}", days_text(hold)),
             close_day, release, fmt::format("{} 解冻", format_date(release)));
  }

  return out;
}

}  // namespace dacu
