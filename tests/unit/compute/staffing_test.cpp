#include <catch2/catch.hpp>

#include <fmt/format.h>

#include "support.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/render/render_staff.hpp"
#include "dacu/plan/schedule.hpp"
#include "dacu/compute/staffing.hpp"

using namespace dacu;
using namespace date::literals;

namespace {

// A small template: the staffing section is appended to a fixed head, so line numbers in error
// messages start at line 20 for the first line of `staffing`.
std::string template_with(std::string_view staffing) {
  return fmt::format(R"(dacu: 1
kind: template
name: t
departments:
  仓储: {{lead: 仓储主管}}
  客服: {{lead: 客服主管}}
parameters:
  日均订单量: {{type: integer, default: 800}}
  活动效果系数: {{type: number, default: 10}}
  配货人效: {{type: integer, default: 400}}
  打包人效: {{type: integer, default: 300}}
  VIP客户数: {{type: integer, default: 4000}}
  外呼人数: {{type: integer, default: 20}}
  损耗率: {{type: percent, default: 30%}}
  店铺: {{type: string, default: 旗舰店}}
milestones:
  开售: {{default: 2026-11-11T00:00}}
tasks: []
# staffing
{})",
                     staffing);
}

struct Computed {
  Campaign campaign;
  StaffReport report;
};

Computed compute(std::string_view staffing, std::vector<Override> sets = {}) {
  Loader loader;
  Computed c;
  c.campaign = loader.parse(template_with(staffing), "t.yaml", ".", sets);
  auto plan = expand(c.campaign);
  c.report = compute_staffing(c.campaign, plan);
  return c;
}

Diagnostic error_of(std::string_view staffing, std::vector<Override> sets = {}) {
  try {
    compute(staffing, std::move(sets));
  } catch (const InputError& e) {
    return e.diagnostic();
  }
  FAIL("no error");
  return {};
}

constexpr std::string_view kPosts = R"(staffing:
  orders: 日均订单量 × 活动效果系数
  start: 开售当天
  posts:
    - {name: 配货, department: 仓储, capacity: 配货人效}
    - {name: 打包, department: 仓储, capacity: 打包人效, end: 开售后1天}
    - {name: 售后, department: 仓储, share: 5%, capacity: 40}
)";

}  // namespace

TEST_CASE("ratio posts: heads = ceil(orders × share / capacity), keeping the unrounded value", "[staffing]") {
  auto r = compute(kPosts).report;
  REQUIRE(r.lines.size() == 3);
  const auto& pick = r.lines[0];
  CHECK(pick.model == StaffLine::Model::post);
  CHECK(pick.exact == Rational(20));
  CHECK(pick.heads == 20);
  CHECK(pick.inputs[0] == Term{"订单量", "日均订单量 × 活动效果系数", Rational(8000)});
  CHECK(pick.days == std::vector<date::local_days>{date::local_days{2026_y / 11 / 11}});
  const auto& pack = r.lines[1];
  CHECK(pack.exact == Rational(80, 3));
  CHECK(pack.heads == 27);
  CHECK(pack.days.size() == 2);
  CHECK(r.lines[2].exact == Rational(10));  // 8000 × 5% / 40
  CHECK(show_number(pack.exact) == "≈26.667");
}

TEST_CASE("ratio posts follow campaign values and --set", "[staffing]") {
  auto r = compute(kPosts, {{"活动效果系数", "15"}}).report;
  CHECK(r.lines[0].heads == 30);
}

TEST_CASE("a zero capacity is a located error naming where the value came from", "[staffing]") {
  auto d = error_of(kPosts, {{"配货人效", "0"}});
  CHECK(d.code == "D201");
  // At the value that made it zero (--set's), the template's formula as the related location.
  CHECK(d.where.file_name() == "<command line>");
  CHECK(d.where.column == 6);
  CHECK(d.related.line == 24);
  CHECK(d.message == "post 配货: capacity (orders one person handles a day) must be more than 0: 配货人效 = 0");
  CHECK(d.hint.find("<command line>:1:6") != std::string::npos);
}

TEST_CASE("staffing errors come out in Chinese when that is the language", "[staffing]") {
  dacu::test::InChinese zh;
  auto d = error_of(kPosts, {{"配货人效", "0"}});
  CHECK(d.code == "D201");
  CHECK(d.message == "岗位 配货：人效（一人一天处理的订单量）必须大于 0：配货人效 = 0");
  CHECK(d.hint.starts_with("人效为 0 就要无穷多的人；这些值来自 配货人效 = 0 (<command line>:1:6)"));
  d = error_of(R"(staffing:
  queues:
    - {name: q, day: 开售当天, contacts: 1000000000, aht: 180s, service_level: 80/20}
)");
  CHECK(d.code == "D217");
  CHECK(d.message.starts_with("队列 q："));
  CHECK(d.message.find("爱尔兰的话务量太大，一个队列排不下（需要超过 10000000 个坐席）") != std::string::npos);
  CHECK(d.hint == "把咨询拆成几个队列（按渠道、店铺或时段）");
}

TEST_CASE("outbound calling: 4000 VIPs, 20 people, 4 days give 50 calls per person per day", "[staffing]") {
  auto r = compute(R"(staffing:
  calling:
    - {name: VIP电话通知, department: 客服, role: 售前, customers: VIP客户数, days: 4, people: 外呼人数, start: 开售前4天}
    - {name: 反推人数, customers: VIP客户数, days: 4, calls_per_person: 60, start: 开售前4天}
)").report;
  REQUIRE(r.lines.size() == 2);
  CHECK(r.lines[0].exact == Rational(50));
  CHECK(r.lines[0].per_person == Rational(50));
  CHECK(r.lines[0].heads == 20);
  CHECK(r.lines[0].days.front() == date::local_days{2026_y / 11 / 7});
  CHECK(r.lines[0].days.back() == date::local_days{2026_y / 11 / 10});
  CHECK(r.lines[1].exact == Rational(50, 3));  // 4000 / (4 × 60)
  CHECK(r.lines[1].heads == 17);
  CHECK_FALSE(r.lines[1].per_person);
}

TEST_CASE("outbound calling needs exactly one of calls_per_person and people", "[staffing]") {
  auto d = error_of(R"(staffing:
  calling:
    - {name: x, customers: 10, days: 4, start: 开售前4天}
)");
  CHECK(d.code == "D214");
}

TEST_CASE("outbound calling runs for 1 to 366 days", "[staffing]") {
  auto d = error_of(R"(staffing:
  calling:
    - {name: x, customers: 10, days: 100000000, people: 2, start: 开售前4天}
)");
  CHECK(d.code == "D214");
  CHECK(d.message == "calling campaign x: days must be a whole number from 1 to 366, got 100000000");
  CHECK(error_of(R"(staffing:
  calling:
    - {name: x, customers: 10, days: 0, people: 2, start: 开售前4天}
)").code == "D214");
}

constexpr std::string_view kRota = R"(staffing:
  rotas:
    - name: 客服排班
      department: 客服
      shift: 8h
      periods:
        - {name: 活动时, from: 开售前1天, to: 开售当天, hours: 24, heads: {售前: 10, 催单: 2, 售后: 2}}
        - {name: 活动后, from: 开售后1天, to: 开售后6天, hours: 15, opens: "08:00", heads: {售前: 5, 催单: 1, 售后: 7}}
)";

TEST_CASE("phase rota: 24 h days have 3 shifts, 15 h days 2, people and person-hours per day", "[staffing]") {
  auto r = compute(kRota).report;
  REQUIRE(r.rota_days.size() == 8);
  const auto& during = r.rota_days[0];
  CHECK(during.day == date::local_days{2026_y / 11 / 10});
  CHECK(during.heads_on_duty == 14);
  CHECK(during.shifts == 3);
  CHECK(during.people == 42);
  CHECK(during.person_hours == Rational(336));
  const auto& after = r.rota_days[2];
  CHECK(after.day == date::local_days{2026_y / 11 / 12});
  CHECK(after.shifts_exact == Rational(15, 8));
  CHECK(after.shifts == 2);
  CHECK(after.heads_on_duty == 13);
  CHECK(after.people == 26);
  CHECK(after.person_hours == Rational(195));
  CHECK(r.rota_days.back().day == date::local_days{2026_y / 11 / 17});
  // Shifts: 3 × 2 days + 2 × 6 days; the last 15 h shift ends at 23:00.
  REQUIRE(r.shifts.size() == 18);
  CHECK(r.shifts[6].from == std::chrono::minutes(8 * 60));
  CHECK(r.shifts[7].to == std::chrono::minutes(23 * 60));
  CHECK(r.lines.size() == 6);
  CHECK(r.lines[0].name == "售前");
  CHECK(r.lines[0].heads == 10);
}

TEST_CASE("rota coverage hours must be above 0 and at most 24", "[staffing]") {
  auto d = error_of(R"(staffing:
  rotas:
    - name: r
      periods:
        - {name: p, from: 开售当天, to: 开售当天, hours: 25, heads: {售前: 1}}
)");
  CHECK(d.code == "D212");
}

constexpr std::string_view kQueue = R"(staffing:
  queues:
    - {name: 旺旺, role: 售前, day: 开售当天, contacts: 100, interval: 30min, aht: 180s, service_level: 80/20,
       max_occupancy: 85%, shrinkage: 损耗率}
)";

TEST_CASE("queue: the issue's acceptance figures through a template", "[staffing]") {
  auto r = compute(kQueue).report;
  REQUIRE(r.queues.size() == 1);
  const auto& q = r.queues[0];
  REQUIRE(q.intervals.size() == 1);
  CHECK(q.intervals[0].result.agents == 14);
  CHECK(q.intervals[0].result.agents_after_shrinkage == 20);
  CHECK(q.intervals[0].result.service_level == Approx(0.888).margin(0.001));
  CHECK(q.intervals[0].result.asa_seconds == Approx(7.8).margin(0.05));
  CHECK(q.peak_heads == 20);
  CHECK(r.lines.back().model == StaffLine::Model::queue);
  CHECK(r.lines.back().heads == 20);
}

TEST_CASE("queue with a traffic curve: heads hour by hour", "[staffing]") {
  auto r = compute(R"(staffing:
  queues:
    - {name: 旺旺, day: 开售当天, daily_contacts: 1000, curve: 高峰, aht: 180s, concurrency: 2.5, service_level: 80/20}
  curves:
    高峰: {0: 50%, "01:00": 30%, 23: 20%}
)").report;
  const auto& q = r.queues.at(0);
  REQUIRE(q.intervals.size() == 3);
  CHECK(q.intervals[0].hour == 0);
  CHECK(q.intervals[0].contacts == Rational(500));
  // 500 chats × (180 s / 2.5) / 3600 s = 10 Erlangs; with the shorter effective handle time of
  // 72 s waits clear faster than at 180 s, so 13 agents reach 80/20 (14 at 180 s).
  CHECK(q.intervals[0].result.traffic_erlangs == Approx(10.0));
  CHECK(q.intervals[0].result.agents == 13);
  CHECK(q.intervals[2].hour == 23);
  CHECK(q.peak_agents == 13);
}

TEST_CASE("a curve must add up to 100%", "[staffing]") {
  auto d = error_of(R"(staffing:
  queues:
    - {name: 旺旺, day: 开售当天, daily_contacts: 1000, curve: 高峰, aht: 180s, service_level: 80/20}
  curves:
    高峰: {0: 50%, 1: 30%}
)");
  CHECK(d.code == "D209");
  CHECK(d.message == "curve 高峰: the hourly shares add up to 80%, not 100%");
}

TEST_CASE("queue errors: unreachable level, negative handle time, concurrency below 1", "[staffing]") {
  CHECK(error_of(R"(staffing:
  queues:
    - {name: q, day: 开售当天, contacts: 100, aht: 180s, service_level: 100/0}
)").code == "D204");
  CHECK(error_of(R"(staffing:
  queues:
    - {name: q, day: 开售当天, contacts: 100, aht: -180s, service_level: 80/20}
)").code == "D203");
  CHECK(error_of(R"(staffing:
  queues:
    - {name: q, day: 开售当天, contacts: 100, aht: 180 - 200, service_level: 80/20}
)").code == "D203");
  CHECK(error_of(R"(staffing:
  queues:
    - {name: q, day: 开售当天, contacts: 100, aht: 180s, service_level: 80/20, concurrency: 0.5}
)").code == "D208");
  CHECK(error_of(R"(staffing:
  queues:
    - {name: q, day: 开售当天, contacts: 100, aht: 180s, service_level: 80/20, curve: nope}
)").code == "D216");
}

TEST_CASE("formulas name parameters and unknown names are caught when the template loads", "[staffing]") {
  auto d = error_of(R"(staffing:
  posts:
    - {name: 配货, orders: 日均定单量, capacity: 配货人效, start: 开售当天}
)");
  CHECK(d.code == "D311");
  CHECK(d.hint == "did you mean 日均订单量?");
  CHECK(error_of(R"(staffing:
  posts:
    - {name: 配货, orders: 店铺, capacity: 配货人效, start: 开售当天}
)").code == "D221");
}

TEST_CASE("unknown keys and departments are refused with a suggestion", "[staffing]") {
  auto d = error_of(R"(staffing:
  posts:
    - {name: 配货, orders: 1, capacty: 配货人效, start: 开售当天}
)");
  CHECK(d.code == "D002");
  CHECK(error_of(R"(staffing:
  posts:
    - {name: 配货, department: 仓库, orders: 1, capacity: 1, start: 开售当天}
)").code == "D218");
}

TEST_CASE("check_staffing collects one problem per model with the template's defaults", "[staffing]") {
  Loader loader;
  auto c = loader.parse(template_with(R"(staffing:
  posts:
    - {name: a, orders: 100, capacity: 0, start: 开售当天}
    - {name: b, orders: 100, capacity: 10, start: 开售当天}
    - {name: c, orders: -1, capacity: 10, start: 开售当天}
  queues:
    - {name: q, day: 开售当天, contacts: 100, aht: 180s, service_level: 80/20, shrinkage: 100%}
)"),
                        "t.yaml", ".");
  auto diagnostics = check_staffing(c.plan);
  REQUIRE(diagnostics.size() == 3);
  CHECK(diagnostics[0].code == "D201");
  CHECK(diagnostics[1].code == "D202");
  CHECK(diagnostics[2].code == "D207");
  CHECK(diagnostics[0].where.line < diagnostics[1].where.line);
}

TEST_CASE("check_staffing with the plan also checks what needs days", "[staffing]") {
  Loader loader;
  auto c = loader.parse(template_with(R"(staffing:
  rotas:
    - name: 排班
      shift: 8h
      periods:
        - {name: 活动时, from: 开售前1天, to: 开售当天, hours: 24, heads: {a: 1}}
        - {name: 活动后, from: 开售当天, to: 开售后6天, hours: 15, heads: {a: 1}}
)"),
                        "t.yaml", ".");
  CHECK(check_staffing(c.plan).empty());  // no days without a plan
  auto diagnostics = check_staffing(c, expand(c));
  REQUIRE(diagnostics.size() == 1);
  CHECK(diagnostics[0].code == "D220");
  CHECK(diagnostics[0].message == "rota 排班: 2026-11-11 is covered by two periods");
}

TEST_CASE("quick mode answers the issue's figures", "[staffing]") {
  auto a = answer_erlang({"100", "30m", "180s", "80/20", "85%", "30%", "", "", ""});
  const auto& r = a.intervals.at(0).result;
  CHECK(r.agents == 14);
  CHECK(r.agents_after_shrinkage == 20);
  CHECK(r.service_level == Approx(0.888).margin(0.001));
  CHECK(r.asa_seconds == Approx(7.8).margin(0.05));
  CHECK(answer_erlang({"250", "1h", "330s", "80/30", "", "", "", "", ""}).intervals.at(0).result.agents == 28);
  auto big = answer_erlang({"100000", "1h", "180s", "80/20", "", "", "", "", ""}).intervals.at(0).result;
  CHECK(big.traffic_erlangs == Approx(5000));
  CHECK(big.agents > 5000);
  CHECK(big.agents < 5100);
  CHECK(big.service_level >= 0.8);
}

TEST_CASE("quick mode errors are located in the option's value", "[staffing]") {
  auto error = [](ErlangQuestion q) {
    try {
      answer_erlang(q);
    } catch (const InputError& e) {
      return e.diagnostic();
    }
    return Diagnostic{};
  };
  auto d = error({"100", "30m", "-180s", "80/20", "", "", "", "", ""});
  CHECK(d.code == "D203");
  CHECK(d.where.line_text() == "--aht=-180s");
  CHECK(d.where.column == 7);
  CHECK(error({"100", "30m", "180s", "100/0", "", "", "", "", ""}).code == "D204");
  CHECK(error({"100", "30m", "180s", "80", "", "", "", "", ""}).code == "D205");
  CHECK(error({"100", "0s", "180s", "80/20", "", "", "", "", ""}).code == "D215");
  CHECK(error({"100", "30m", "180s", "80/20", "0%", "", "", "", ""}).code == "D206");
}

TEST_CASE("service levels are read as share/seconds", "[staffing]") {
  CHECK(parse_service_level("80/20") == std::make_pair(Rational(4, 5), std::chrono::seconds(20)));
  CHECK(parse_service_level("80%/20s") == std::make_pair(Rational(4, 5), std::chrono::seconds(20)));
  CHECK(parse_service_level("90% in 1min") == std::make_pair(Rational(9, 10), std::chrono::seconds(60)));
  // ％ is % (issue 17): read as 0.8, not as 80％ = 0.008 of a percent.
  CHECK(parse_service_level("80％/20") == std::make_pair(Rational(4, 5), std::chrono::seconds(20)));
  CHECK(parse_service_level("８０％/20s") == std::make_pair(Rational(4, 5), std::chrono::seconds(20)));
  CHECK_FALSE(parse_service_level("80"));
  CHECK_FALSE(parse_service_level("x/20"));
}

TEST_CASE("the built-in 双十一 template reproduces the seed's figures", "[staffing]") {
  Loader loader;
  auto c = loader.parse(builtin_template_text("双十一"), "<builtin>/双十一.yaml", ".");
  // The only findings are the seed's own: each 小计 of A组(白班) is its posts + 1 (D250), kept.
  auto problems = check_staffing(c.plan);
  CHECK(problems.size() == 4);
  for (const auto& d : problems) CHECK(d.code == "D250");
  auto r = compute_staffing(c, expand(c));
  REQUIRE(r.tables.size() == 1);
  const auto& table = r.tables[0];
  CHECK(table.name == "A组(白班)");
  std::vector<std::pair<std::int64_t, std::int64_t>> declared_and_sum;
  std::size_t posts = 0;
  for (const auto& g : table.groups) {
    posts += g.posts.size() + (g.declared ? 1 : 0);
    if (g.declared && g.sum) declared_and_sum.emplace_back(*g.declared, *g.sum);
  }
  CHECK(posts == 19);  // the seed's 19 column headers, 19 values
  CHECK(declared_and_sum == std::vector<std::pair<std::int64_t, std::int64_t>>{{8, 7}, {56, 55}, {22, 21}, {50, 49}});
  CHECK(table.total_declared == 142);
  CHECK(table.total_of_posts == 138);
  auto find = [&](std::string_view group, std::string_view name) {
    for (const auto& l : r.lines) {
      if (l.group == group && l.name == name) return l;
    }
    FAIL("no line " << group << " " << name);
    return StaffLine{};
  };
  CHECK(find("VIP电话通知", "售前").per_person == Rational(50));
  CHECK(find("客服排班 · 活动时", "售前").heads == 10);
  CHECK(find("客服排班 · 活动时", "催单").heads == 2);
  CHECK(find("客服排班 · 活动时", "售后").heads == 2);
  CHECK(find("客服排班 · 活动后", "售前").heads == 5);
  CHECK(find("客服排班 · 活动后", "催单").heads == 1);
  CHECK(find("客服排班 · 活动后", "售后").heads == 7);
  CHECK(find("配货", "配货").heads == 20);  // 800 × 10 / 400
  REQUIRE(r.rota_days.size() == 8);
  CHECK(r.rota_days.front().day == date::local_days{2026_y / 11 / 10});
  CHECK(r.rota_days[1].hours == Rational(24));
  CHECK(r.rota_days[2].hours == Rational(15));
  CHECK(r.rota_days.back().day == date::local_days{2026_y / 11 / 17});
}

TEST_CASE("renderers: every view in every format, deterministic", "[staffing]") {
  auto r = compute(std::string(kPosts) + std::string(kRota.substr(std::string_view("staffing:\n").size()))).report;
  for (auto view : {StaffView::role, StaffView::day, StaffView::shift, StaffView::hour}) {
    for (auto format : {Format::table, Format::md, Format::csv, Format::json}) {
      CHECK(render_staff(r, view, format) == render_staff(r, view, format));
    }
  }
  auto csv = render_staff(r, StaffView::role, Format::csv);
  CHECK(csv.starts_with("模型,项目,岗位/角色,部门,输入,规则,未取整,人数,日期\r\n"));
  CHECK(csv.find("岗位,打包,打包,仓储,订单量 = 日均订单量 × 活动效果系数 = 8000; 占比 = 100%; 人效 = 打包人效 = 300,"
                 "ceil(订单量 × 占比 / 人效),≈26.667,27,2026-11-11 – 2026-11-12\r\n") != std::string::npos);
}
