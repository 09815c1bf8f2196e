// The nightly report's renderers: exact Markdown and JSON of a small report built by hand.

#include "dacu/render/render_report.hpp"

#include <catch2/catch.hpp>

#include "dacu/render/render_plan.hpp"
#include "fixtures.hpp"

using namespace dacu;
using dacu::test::day;
using dacu::test::shanghai;

namespace {

// As of 12:30 on the opening day: the first checkpoint came in below plan, the second has no figure.
Report small_report() {
  using namespace std::chrono_literals;
  Report r;
  r.plan = test::small_plan();
  r.as_of = shanghai(day(12, 20), 12, 30);
  r.countdown = {{"报名", r.plan.milestones[0].at, false, -(30 * 24h + 2h + 30min)},
                 {"开团", r.plan.milestones[1].at, false, -(2h + 30min)},
                 {"复盘", r.plan.milestones[2].at, true, 35h + 30min}};
  r.due_today = {r.plan.tasks[1]};
  CheckpointResult orders;
  orders.checkpoint = r.plan.checkpoints[0];
  orders.status = CheckStatus::below;
  orders.plan = Rational(300);
  orders.tolerance = Rational(1, 5);
  orders.actual = Rational(200);
  orders.actual_at = shanghai(day(12, 20), 10, 10).local;
  orders.deviation = Rational(-1, 3);
  orders.message = "汇报运营";
  orders.age = 5min;
  orders.low = Rational(240);
  orders.high = Rational(360);
  CheckpointResult visitors;
  visitors.checkpoint = r.plan.checkpoints[1];
  visitors.status = CheckStatus::no_data;
  r.checkpoints = {orders, visitors};
  r.series = {{"支付笔数", {{shanghai(day(12, 20), 10, 5).local, Rational(150)}, {shanghai(day(12, 20), 10, 10).local, Rational(200)}}}};
  r.latest = {{"支付笔数", Rational(200), shanghai(day(12, 20), 10, 10).local}};
  r.max_staleness = 15min;
  r.actuals_files = {"实时.csv"};
  auto source = make_source("实时.csv", "time,metric,value\n2026-12-20 10:05,支付笔数,150\n2026-12-20 10:05,收藏数,9\n");
  r.findings = {{Severity::warning, "D510", Location{source, 3, 18}, "unknown metric '收藏数'; its rows are ignored", ""}};
  return r;
}

}  // namespace

TEST_CASE("the report as Markdown: summary, countdown, today, checkpoints, findings, schedule", "[report_render]") {
  CHECK(render_report(small_report(), Format::md) ==
      "# 小店 双十二 — 活动报告\n"
      "\n"
      "截至 2026-12-20 周日 12:30 (Asia/Shanghai) · 实际数据: 实时.csv\n"
      "\n"
      "## 概要\n"
      "\n"
      "- 偏离计划的检查点: 1 / 1\n"
      "- ⚠ 2026-12-20 周日 10:15 开团15分钟: 支付笔数 200 对计划 (300, -33.3%) — 汇报运营\n"
      "- 逾期未回报的检查点: 1\n"
      "- 数据过时的检查点（未比较）: 0\n"
      "\n"
      "### 里程碑倒计时\n"
      "\n"
      "| 里程碑 | 时间 | 倒计时 |\n"
      "| --- | --- | --- |\n"
      "| 报名 | 2026-11-20 周五 10:00 | 已过30天2小时 |\n"
      "| 开团 | 2026-12-20 周日 10:00 | 已过2小时30分钟 |\n"
      "| 复盘 | 2026-12-22 周二 | 还有1天11小时 |\n"
      "\n"
      "### 今日到期 (1)\n"
      "\n"
      "| 结束 | 任务 | 部门 | 负责人 |\n"
      "| --- | --- | --- | --- |\n"
      "| 2026-12-20 周日 12:00 | 开团跟进 | 客服 | 客服主管 |\n"
      "\n"
      "### 进行中 (0)\n"
      "\n"
      "无\n"
      "\n"
      "### 逾期未回报的检查点 (1)\n"
      "\n"
      "| 时间 | 名称 | 指标 | 负责人 |\n"
      "| --- | --- | --- | --- |\n"
      "| 2026-12-20 周日 11:00 | 开团1小时 | 访客数 | 推广主管 |\n"
      "\n"
      "## 跟进检查点\n"
      "\n"
      "| 时间 | 名称 | 指标 | 计划 | 容差 | 实际 | 数据时间 | 偏差 | 状态 | 措施 |\n"
      "| --- | --- | --- | ---: | ---: | ---: | --- | ---: | --- | --- |\n"
      "| 2026-12-20 周日 10:15 | 开团15分钟 | 支付笔数 | 300 | 20% | 200 | 10:10 | -33.3% | 偏低 ⚠ | 汇报运营 |\n"
      "| 2026-12-20 周日 11:00 | 开团1小时 | 访客数 |  |  |  |  |  | 未回报 |  |\n"
      "\n"
      "### 最新数据 (截至 2026-12-20 周日 12:30)\n"
      "\n"
      "| 指标 | 数值 | 数据时间 |\n"
      "| --- | ---: | --- |\n"
      "| 支付笔数 | 200 | 10:10 |\n"
      "\n"
      "## 数据问题\n"
      "\n"
      "- 实时.csv:3:18: unknown metric '收藏数'; its rows are ignored [D510]\n"
      "\n"
      "## 日程\n"
      "\n"
      "### 里程碑\n"
      "\n"
      "| 名称 | 时间 |  |\n"
      "| --- | --- | --- |\n"
      "| 报名 | 2026-11-20 周五 10:00 |  |\n"
      "| 开团 | 2026-12-20 周日 10:00 | 由 报名后30天 |\n"
      "| 复盘 | 2026-12-22 周二 |  |\n"
      "\n"
      "## 平台时限\n"
      "\n"
      "| 开始 | 结束 | 事项 | 规则 | 说明 |\n"
      "| --- | --- | --- | --- | --- |\n"
      "| 2026-12-20 周日 08:00 | 2026-12-20 周日 09:59 | 展示 | 开团当天08:00–09:59 | 只展示不售卖 |\n"
      "\n"
      "### 活动前 (1 项)\n"
      "\n"
      "| 开始 | 结束 | 任务 | 部门 | 负责人 | 时间要求 |\n"
      "| --- | --- | --- | --- | --- | --- |\n"
      "| 2026-11-18 周三 | 2026-11-20 周五 | 报名准备 | 运营 | 运营主管 | 报名前2天 → 报名当天 |\n"
      "\n"
      "### 活动中 (1 项)\n"
      "\n"
      "| 开始 | 结束 | 任务 | 部门 | 负责人 | 时间要求 |\n"
      "| --- | --- | --- | --- | --- | --- |\n"
      "| 2026-12-20 周日 10:00 | 2026-12-20 周日 12:00 | 开团跟进 | 客服 | 客服主管 | 开团 (2h) ⟳ |\n"
      "\n"
      "### 跟进检查点\n"
      "\n"
      "| 时间 | 名称 | 指标 | 计划 | 容差 | 负责人 | 措施 |\n"
      "| --- | --- | --- | --- | --- | --- | --- |\n"
      "| 2026-12-20 周日 10:15 | 开团15分钟 | 支付笔数 | 300 | 20% | 运营主管 | 汇报运营 |\n"
      "| 2026-12-20 周日 11:00 | 开团1小时 | 访客数 |  |  | 推广主管 |  |\n");
}

TEST_CASE("the report as JSON embeds the plan's own JSON as its schedule", "[report_render]") {
  RenderOptions options;
  options.input = "小店.yaml";
  CHECK(render_report(small_report(), Format::json, options) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": \"小店.yaml\",\n"
      "  \"campaign\": \"小店 双十二\",\n"
      "  \"template\": \"聚划算\",\n"
      "  \"timezone\": \"Asia/Shanghai\",\n"
      "  \"as_of\": \"2026-12-20T12:30:00+08:00\",\n"
      "  \"alert\": true,\n"
      "  \"missing_data\": true,\n"
      "  \"stale\": false,\n"
      "  \"max_staleness_seconds\": 900,\n"
      "  \"actuals\": [\n"
      "    \"实时.csv\"\n"
      "  ],\n"
      "  \"summary\": {\n"
      "    \"countdown\": [\n"
      "      {\n"
      "        \"milestone\": \"报名\",\n"
      "        \"at\": \"2026-11-20T10:00:00+08:00\",\n"
      "        \"seconds\": -2601000,\n"
      "        \"text\": \"已过30天2小时\"\n"
      "      },\n"
      "      {\n"
      "        \"milestone\": \"开团\",\n"
      "        \"at\": \"2026-12-20T10:00:00+08:00\",\n"
      "        \"seconds\": -9000,\n"
      "        \"text\": \"已过2小时30分钟\"\n"
      "      },\n"
      "      {\n"
      "        \"milestone\": \"复盘\",\n"
      "        \"at\": \"2026-12-22\",\n"
      "        \"seconds\": 127800,\n"
      "        \"text\": \"还有1天11小时\"\n"
      "      }\n"
      "    ],\n"
      "    \"due_today\": [\n"
      "      \"开团跟进\"\n"
      "    ],\n"
      "    \"in_progress\": [],\n"
      "    \"overdue\": [\n"
      "      \"开团1小时\"\n"
      "    ]\n"
      "  },\n"
      "  \"checkpoints\": [\n"
      "    {\n"
      "      \"name\": \"开团15分钟\",\n"
      "      \"at\": \"2026-12-20T10:15:00+08:00\",\n"
      "      \"metric\": \"支付笔数\",\n"
      "      \"plan\": \"300\",\n"
      "      \"plan_formula\": null,\n"
      "      \"tolerance\": \"20%\",\n"
      "      \"actual\": \"200\",\n"
      "      \"actual_display\": \"200\",\n"
      "      \"actual_at\": \"2026-12-20T10:10:00+08:00\",\n"
      "      \"deviation\": \"-1/3\",\n"
      "      \"deviation_display\": \"-33.3%\",\n"
      "      \"age_seconds\": 300,\n"
      "      \"status\": \"below\",\n"
      "      \"owner\": \"运营主管\",\n"
      "      \"message\": \"汇报运营\"\n"
      "    },\n"
      "    {\n"
      "      \"name\": \"开团1小时\",\n"
      "      \"at\": \"2026-12-20T11:00:00+08:00\",\n"
      "      \"metric\": \"访客数\",\n"
      "      \"plan\": null,\n"
      "      \"plan_formula\": null,\n"
      "      \"tolerance\": null,\n"
      "      \"actual\": null,\n"
      "      \"actual_display\": null,\n"
      "      \"actual_at\": null,\n"
      "      \"deviation\": null,\n"
      "      \"deviation_display\": null,\n"
      "      \"age_seconds\": null,\n"
      "      \"status\": \"no_data\",\n"
      "      \"owner\": \"推广主管\",\n"
      "      \"message\": null\n"
      "    }\n"
      "  ],\n"
      "  \"latest\": [\n"
      "    {\n"
      "      \"metric\": \"支付笔数\",\n"
      "      \"value\": \"200\",\n"
      "      \"at\": \"2026-12-20T10:10:00+08:00\"\n"
      "    }\n"
      "  ],\n"
      "  \"progress\": null,\n" "  \"task_status\": null,\n"
      "  \"diagnostics\": [\n"
      "    {\n"
      "      \"file\": \"实时.csv\",\n"
      "      \"line\": 3,\n"
      "      \"column\": 18,\n"
      "      \"severity\": \"warning\",\n"
      "      \"code\": \"D510\",\n"
      "      \"message\": \"unknown metric '收藏数'; its rows are ignored\"\n"
      "    }\n"
      "  ],\n"
      "  \"schedule\": {\n"
      "    \"campaign\": \"小店 双十二\",\n"
      "    \"template\": \"聚划算\",\n"
      "    \"timezone\": \"Asia/Shanghai\",\n"
      "    \"calendar\": \"cn\",\n"
      "    \"milestones\": [\n"
      "      {\n"
      "        \"name\": \"报名\",\n"
      "        \"at\": \"2026-11-20T10:00:00+08:00\",\n"
      "        \"derived_from\": null,\n"
      "        \"time_from_template\": false,\n" "        \"wave\": null\n"
      "      },\n"
      "      {\n"
      "        \"name\": \"开团\",\n"
      "        \"at\": \"2026-12-20T10:00:00+08:00\",\n"
      "        \"derived_from\": \"报名后30天\",\n"
      "        \"time_from_template\": false,\n" "        \"wave\": null\n"
      "      },\n"
      "      {\n"
      "        \"name\": \"复盘\",\n"
      "        \"at\": \"2026-12-22\",\n"
      "        \"derived_from\": null,\n"
      "        \"time_from_template\": false,\n" "        \"wave\": null\n"
      "      }\n"
      "    ],\n"
      "    \"deadlines\": [\n"
      "      {\n"
      "        \"name\": \"展示\",\n"
      "        \"rule\": \"开团当天08:00–09:59\",\n"
      "        \"all_day\": false,\n"
      "        \"start\": \"2026-12-20T08:00:00+08:00\",\n"
      "        \"end\": \"2026-12-20T09:59:00+08:00\",\n"
      "        \"note\": \"只展示不售卖\",\n" "        \"wave\": null\n"
      "      }\n"
      "    ],\n"
      "    \"tasks\": [\n"
      "      {\n"
      "        \"name\": \"报名准备\",\n"
      "        \"phase\": \"活动前\",\n"
      "        \"department\": \"运营\",\n"
      "        \"owner\": \"运营主管\",\n"
      "        \"offset\": \"报名前2天\",\n"
      "        \"end_offset\": \"报名当天\",\n"
      "        \"duration\": null,\n"
      "        \"all_day\": true,\n"
      "        \"start\": \"2026-11-18\",\n"
      "        \"end\": \"2026-11-20\",\n"
      "        \"rolled\": false,\n"
      "        \"note\": null,\n" "        \"status\": null,\n" "        \"wave\": null\n"
      "      },\n"
      "      {\n"
      "        \"name\": \"开团跟进\",\n"
      "        \"phase\": \"活动中\",\n"
      "        \"department\": \"客服\",\n"
      "        \"owner\": \"客服主管\",\n"
      "        \"offset\": \"开团\",\n"
      "        \"end_offset\": null,\n"
      "        \"duration\": \"2h\",\n"
      "        \"all_day\": false,\n"
      "        \"start\": \"2026-12-20T10:00:00+08:00\",\n"
      "        \"end\": \"2026-12-20T12:00:00+08:00\",\n"
      "        \"rolled\": true,\n"
      "        \"note\": \"盯紧\\\"库存\\\"\",\n" "        \"status\": null,\n" "        \"wave\": null\n"
      "      }\n"
      "    ],\n"
      "    \"checkpoints\": [\n"
      "      {\n"
      "        \"name\": \"开团15分钟\",\n"
      "        \"offset\": \"开团后15分钟\",\n"
      "        \"at\": \"2026-12-20T10:15:00+08:00\",\n"
      "        \"metric\": \"支付笔数\",\n"
      "        \"plan\": \"300\",\n"
      "        \"plan_formula\": null,\n"
      "        \"tolerance\": \"20%\",\n"
      "        \"owner\": \"运营主管\",\n"
      "        \"action\": \"汇报运营\",\n" "        \"wave\": null\n"
      "      },\n"
      "      {\n"
      "        \"name\": \"开团1小时\",\n"
      "        \"offset\": \"开团后1小时\",\n"
      "        \"at\": \"2026-12-20T11:00:00+08:00\",\n"
      "        \"metric\": \"访客数\",\n"
      "        \"plan\": null,\n"
      "        \"plan_formula\": null,\n"
      "        \"tolerance\": null,\n"
      "        \"owner\": \"推广主管\",\n"
      "        \"action\": null,\n" "        \"wave\": null\n"
      "      }\n"
      "    ]\n"
      "  }\n"
      "}\n");
}

TEST_CASE("the report's shared text: figures, deviations, countdowns", "[report_render]") {
  using namespace std::chrono_literals;
  CHECK(show_figure(Rational(300)) == "300");
  CHECK(show_figure(Rational(1235, 100)) == "12.35");
  CHECK(show_figure(Rational(1, 3)) == "0.33");
  CHECK(show_deviation(Rational(1, 4)) == "+25%");
  CHECK(show_deviation(Rational(-1, 8)) == "-12.5%");
  CHECK(show_deviation(Rational(0)) == "+0%");
  CHECK(show_countdown(3 * 24h + 2h + 5min, Lang::zh) == "还有3天2小时");
  CHECK(show_countdown(-15min, Lang::zh) == "已过15分钟");
  CHECK(show_countdown(90min, Lang::en) == "in 1h 30min");
  CHECK(show_countdown(30s, Lang::en) == "now");
}

TEST_CASE("a stale checkpoint shows the age of its figure", "[report_render]") {
  using namespace std::chrono_literals;
  auto r = small_report();
  r.checkpoints[0].status = CheckStatus::stale;
  r.checkpoints[0].age = 105min;
  r.checkpoints[0].deviation.reset();
  CHECK(show_checkpoint_status(r.checkpoints[0], Lang::zh) == "数据过时（早1小时45分钟）");
  CHECK(show_checkpoint_status(r.checkpoints[0], Lang::en) == "STALE figure (1h45min old)");
  auto md = render_report(r, Format::md);
  CHECK(md.find("| 200 | 10:10 |  | 数据过时（早1小时45分钟） |") != std::string::npos);
  CHECK(md.find("- 数据过时的检查点（未比较）: 1\n") != std::string::npos);
  auto json = render_report(r, Format::json);
  CHECK(json.find("\"status\": \"stale\"") != std::string::npos);
  CHECK(json.find("\"stale\": true,") != std::string::npos);
  CHECK(json.find("\"age_seconds\": 6300,") != std::string::npos);
  auto html = render_report(r, Format::html);
  CHECK(html.find("<span class=\"stale\">数据过时（早1小时45分钟）</span>") != std::string::npos);
  CHECK(html.find("1 个检查点的数据过时，未作比较") != std::string::npos);
}

TEST_CASE("a report cannot be a table, CSV or calendar", "[report_render]") {
  CHECK_THROWS_AS(render_report(small_report(), Format::csv), Error);
}
