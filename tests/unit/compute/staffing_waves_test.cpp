#include <catch2/catch.hpp>

#include "dacu/compute/staffing.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/schedule.hpp"

using namespace dacu;
using namespace date::literals;

namespace {

// The per-wave milestones are written out here as the plan side names them once it expands
// `waves:` (第一波 · 尾款开始), so that this test needs only the money side.
constexpr const char* kTemplate = R"(dacu: 1
kind: template
name: t
departments:
  仓储: {lead: 仓储主管}
  客服: {lead: 客服主管}
parameters:
  件数: {type: integer, default: 10000}
  件数占比: {type: percent, default: 100%}
  配货人效: {type: integer, default: 400}
milestones:
  第一波 · 尾款开始: {default: 2026-10-31T20:00}
  尾款开始: {default: 2026-11-11T20:00}
  第二波 · 尾款开始: {default: 2026-11-11T20:00}
tasks: []
staffing:
  curves:
    尾款首小时: {20: 60%, 21: 25%, 22: 15%}
  posts:
    - {name: 配货, department: 仓储, orders: 件数 × 件数占比, capacity: 配货人效, start: 尾款开始后1天, wave: each}
    - {name: 打包, department: 仓储, orders: 件数, capacity: 配货人效, start: 尾款开始后1天}
  queues:
    - name: 旺旺咨询
      department: 客服
      daily_contacts: 件数 × 件数占比 × 10%
      curve: 尾款首小时
      aht: 120s
      service_level: 80/20
      day: 尾款开始当天
      wave: each
)";

Wave wave(std::string name, Rational share) {
  Wave w;
  w.name = std::move(name);
  w.values["件数占比"] = share;
  return w;
}

StaffReport staff(bool waves) {
  Loader loader;
  auto c = loader.parse(kTemplate, "t.yaml", ".", {});
  if (waves) c.plan.waves.waves = {wave("第一波", Rational(2, 5)), wave("第二波", Rational(3, 5))};
  auto plan = expand(c);
  return compute_staffing(c, plan);
}

}  // namespace

TEST_CASE("wave: each computes a post and a queue once per wave, dated on the wave's milestones", "[staffing][waves]") {
  auto r = staff(true);
  std::vector<std::string> names;
  for (const auto& l : r.lines) names.push_back(l.name);
  CHECK(names == std::vector<std::string>{"第一波 · 配货", "第二波 · 配货", "打包", "第一波 · 旺旺咨询", "第二波 · 旺旺咨询"});
  // 10000 × 40% ÷ 400 = 10; 10000 × 60% ÷ 400 = 15; 打包 is not per wave: 10000 ÷ 400 = 25.
  CHECK(r.lines[0].heads == 10);
  CHECK(r.lines[0].days == std::vector<date::local_days>{date::local_days{2026_y / 11 / 1}});
  CHECK(r.lines[1].heads == 15);
  CHECK(r.lines[1].days == std::vector<date::local_days>{date::local_days{2026_y / 11 / 12}});
  CHECK(r.lines[2].heads == 25);
  REQUIRE(r.queues.size() == 2);
  CHECK(r.queues[0].day == date::local_days{2026_y / 10 / 31});
  CHECK(r.queues[1].day == date::local_days{2026_y / 11 / 11});
  // 10000 × 40% × 10% = 400 contacts that day, 60% of them in the 20:00 hour: 240; 第二波 6000 × 10% × 60% = 360.
  CHECK(r.queues[0].intervals.front().contacts == Rational(240));
  CHECK(r.queues[1].intervals.front().contacts == Rational(360));
  CHECK(r.queues[1].peak_heads > r.queues[0].peak_heads);
}

TEST_CASE("wave: each without waves is computed once as written", "[staffing][waves]") {
  auto r = staff(false);
  REQUIRE(r.lines.size() == 3);
  CHECK(r.lines[0].name == "配货");
  CHECK(r.lines[0].heads == 25);
  CHECK(r.lines[0].days == std::vector<date::local_days>{date::local_days{2026_y / 11 / 12}});
}

TEST_CASE("wave takes only each", "[staffing][waves]") {
  std::string text = kTemplate;
  text.replace(text.find("wave: each}"), 10, "wave: all");
  Loader loader;
  try {
    loader.parse(text, "t.yaml", ".", {});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.diagnostic().code == "D123");
    CHECK(e.diagnostic().where.line == 20);
  }
}
