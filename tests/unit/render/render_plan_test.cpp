// The plan's renderers: exact text of the table, Markdown, CSV and JSON of a small plan.

#include "dacu/render/render_plan.hpp"

#include <catch2/catch.hpp>

#include "dacu/render/contract.hpp"
#include "fixtures.hpp"

using namespace dacu;
using dacu::test::small_plan;

TEST_CASE("the plan as a text table: milestones, platform windows, tasks by phase, checkpoints", "[render_plan]") {
  CHECK(render_plan(small_plan(), Format::table) ==
      "小店 双十二  (模板 聚划算 · 时区 Asia/Shanghai · 日历 cn)\n"
      "\n"
      "里程碑\n"
      "  报名  2026-11-20 周五 10:00\n"
      "  开团  2026-12-20 周日 10:00  由 报名后30天\n"
      "  复盘  2026-12-22 周二\n"
      "\n"
      "平台时限\n"
      "  开始                   结束                   事项  规则                 说明\n"
      "  2026-12-20 周日 08:00  2026-12-20 周日 09:59  展示  开团当天08:00–09:59  只展示不售卖\n"
      "\n"
      "活动前 (1 项)\n"
      "  开始             结束             任务      部门  负责人    时间要求\n"
      "  2026-11-18 周三  2026-11-20 周五  报名准备  运营  运营主管  报名前2天 → 报名当天\n"
      "\n"
      "活动中 (1 项)\n"
      "  开始                   结束                   任务      部门  负责人    时间要求\n"
      "  2026-12-20 周日 10:00  2026-12-20 周日 12:00  开团跟进  客服  客服主管  开团 (2h) ⟳\n"
      "\n"
      "跟进检查点\n"
      "  时间                   名称        指标      计划  容差  负责人\n"
      "  2026-12-20 周日 10:15  开团15分钟  支付笔数   300   20%  运营主管\n"
      "  2026-12-20 周日 11:00  开团1小时   访客数                推广主管\n");
}

TEST_CASE("the plan in English labels keeps the template's Chinese words", "[render_plan]") {
  CHECK(render_plan(small_plan(), Format::table, test::in_english()) ==
      "小店 双十二  (template 聚划算 · time zone Asia/Shanghai · calendar cn)\n"
      "\n"
      "Milestones\n"
      "  报名  2026-11-20 Fri 10:00\n"
      "  开团  2026-12-20 Sun 10:00  from 报名后30天\n"
      "  复盘  2026-12-22 Tue\n"
      "\n"
      "Platform deadlines\n"
      "  start                 end                   item  rule                 note\n"
      "  2026-12-20 Sun 08:00  2026-12-20 Sun 09:59  展示  开团当天08:00–09:59  只展示不售卖\n"
      "\n"
      "活动前 (1 tasks)\n"
      "  start           end             task      department  owner     timing\n"
      "  2026-11-18 Wed  2026-11-20 Fri  报名准备  运营        运营主管  报名前2天 → 报名当天\n"
      "\n"
      "活动中 (1 tasks)\n"
      "  start                 end                   task      department  owner     timing\n"
      "  2026-12-20 Sun 10:00  2026-12-20 Sun 12:00  开团跟进  客服        客服主管  开团 (2h) ⟳\n"
      "\n"
      "Checkpoints\n"
      "  at                    name        metric    plan  tolerance  owner\n"
      "  2026-12-20 Sun 10:15  开团15分钟  支付笔数   300        20%  运营主管\n"
      "  2026-12-20 Sun 11:00  开团1小时   访客数                     推广主管\n");
}

TEST_CASE("the plan as Markdown", "[render_plan]") {
  CHECK(render_plan(small_plan(), Format::md) ==
      "# 小店 双十二\n"
      "\n"
      "模板: 聚划算 · 时区: Asia/Shanghai · 日历: cn\n"
      "\n"
      "## 里程碑\n"
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
      "## 活动前 (1 项)\n"
      "\n"
      "| 开始 | 结束 | 任务 | 部门 | 负责人 | 时间要求 |\n"
      "| --- | --- | --- | --- | --- | --- |\n"
      "| 2026-11-18 周三 | 2026-11-20 周五 | 报名准备 | 运营 | 运营主管 | 报名前2天 → 报名当天 |\n"
      "\n"
      "## 活动中 (1 项)\n"
      "\n"
      "| 开始 | 结束 | 任务 | 部门 | 负责人 | 时间要求 |\n"
      "| --- | --- | --- | --- | --- | --- |\n"
      "| 2026-12-20 周日 10:00 | 2026-12-20 周日 12:00 | 开团跟进 | 客服 | 客服主管 | 开团 (2h) ⟳ |\n"
      "\n"
      "## 跟进检查点\n"
      "\n"
      "| 时间 | 名称 | 指标 | 计划 | 容差 | 负责人 | 措施 |\n"
      "| --- | --- | --- | --- | --- | --- | --- |\n"
      "| 2026-12-20 周日 10:15 | 开团15分钟 | 支付笔数 | 300 | 20% | 运营主管 | 汇报运营 |\n"
      "| 2026-12-20 周日 11:00 | 开团1小时 | 访客数 |  |  | 推广主管 |  |\n");
}

TEST_CASE("the plan as CSV: one row per task, dates Excel reads, CRLF line ends", "[render_plan]") {
  CHECK(render_plan(small_plan(), Format::csv) ==
      "阶段,任务,部门,负责人,开始,结束,全天,开始时间要求,结束时间要求\r\n"
      "活动前,报名准备,运营,运营主管,2026-11-18,2026-11-20,是,报名前2天,报名当天\r\n"
      "活动中,开团跟进,客服,客服主管,2026-12-20 10:00,2026-12-20 12:00,否,开团,\r\n");
  RenderOptions bom;
  bom.bom = true;
  CHECK(render_plan(small_plan(), Format::csv, bom).starts_with("\xEF\xBB\xBF阶段,"));
}

TEST_CASE("the plan as JSON: the contract's first members, nulls for what is absent", "[render_plan]") {
  CHECK(render_plan(small_plan(), Format::json) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": null,\n"
      "  \"campaign\": \"小店 双十二\",\n"
      "  \"template\": \"聚划算\",\n"
      "  \"timezone\": \"Asia/Shanghai\",\n"
      "  \"calendar\": \"cn\",\n"
      "  \"milestones\": [\n"
      "    {\n"
      "      \"name\": \"报名\",\n"
      "      \"at\": \"2026-11-20T10:00:00+08:00\",\n"
      "      \"derived_from\": null,\n"
      "      \"time_from_template\": false,\n" "      \"wave\": null\n"
      "    },\n"
      "    {\n"
      "      \"name\": \"开团\",\n"
      "      \"at\": \"2026-12-20T10:00:00+08:00\",\n"
      "      \"derived_from\": \"报名后30天\",\n"
      "      \"time_from_template\": false,\n" "      \"wave\": null\n"
      "    },\n"
      "    {\n"
      "      \"name\": \"复盘\",\n"
      "      \"at\": \"2026-12-22\",\n"
      "      \"derived_from\": null,\n"
      "      \"time_from_template\": false,\n" "      \"wave\": null\n"
      "    }\n"
      "  ],\n"
      "  \"deadlines\": [\n"
      "    {\n"
      "      \"name\": \"展示\",\n"
      "      \"rule\": \"开团当天08:00–09:59\",\n"
      "      \"all_day\": false,\n"
      "      \"start\": \"2026-12-20T08:00:00+08:00\",\n"
      "      \"end\": \"2026-12-20T09:59:00+08:00\",\n"
      "      \"note\": \"只展示不售卖\",\n" "      \"wave\": null\n"
      "    }\n"
      "  ],\n"
      "  \"tasks\": [\n"
      "    {\n"
      "      \"name\": \"报名准备\",\n"
      "      \"phase\": \"活动前\",\n"
      "      \"department\": \"运营\",\n"
      "      \"owner\": \"运营主管\",\n"
      "      \"offset\": \"报名前2天\",\n"
      "      \"end_offset\": \"报名当天\",\n"
      "      \"duration\": null,\n"
      "      \"all_day\": true,\n"
      "      \"start\": \"2026-11-18\",\n"
      "      \"end\": \"2026-11-20\",\n"
      "      \"rolled\": false,\n"
      "      \"note\": null,\n" "      \"status\": null,\n" "      \"wave\": null\n"
      "    },\n"
      "    {\n"
      "      \"name\": \"开团跟进\",\n"
      "      \"phase\": \"活动中\",\n"
      "      \"department\": \"客服\",\n"
      "      \"owner\": \"客服主管\",\n"
      "      \"offset\": \"开团\",\n"
      "      \"end_offset\": null,\n"
      "      \"duration\": \"2h\",\n"
      "      \"all_day\": false,\n"
      "      \"start\": \"2026-12-20T10:00:00+08:00\",\n"
      "      \"end\": \"2026-12-20T12:00:00+08:00\",\n"
      "      \"rolled\": true,\n"
      "      \"note\": \"盯紧\\\"库存\\\"\",\n" "      \"status\": null,\n" "      \"wave\": null\n"
      "    }\n"
      "  ],\n"
      "  \"checkpoints\": [\n"
      "    {\n"
      "      \"name\": \"开团15分钟\",\n"
      "      \"offset\": \"开团后15分钟\",\n"
      "      \"at\": \"2026-12-20T10:15:00+08:00\",\n"
      "      \"metric\": \"支付笔数\",\n"
      "      \"plan\": \"300\",\n"
      "      \"plan_formula\": null,\n"
      "      \"tolerance\": \"20%\",\n"
      "      \"owner\": \"运营主管\",\n"
      "      \"action\": \"汇报运营\",\n" "      \"wave\": null\n"
      "    },\n"
      "    {\n"
      "      \"name\": \"开团1小时\",\n"
      "      \"offset\": \"开团后1小时\",\n"
      "      \"at\": \"2026-12-20T11:00:00+08:00\",\n"
      "      \"metric\": \"访客数\",\n"
      "      \"plan\": null,\n"
      "      \"plan_formula\": null,\n"
      "      \"tolerance\": null,\n"
      "      \"owner\": \"推广主管\",\n"
      "      \"action\": null,\n" "      \"wave\": null\n"
      "    }\n"
      "  ]\n"
      "}\n");
}

TEST_CASE("plan_json is the value --format json writes after the contract's first members", "[render_plan]") {
  auto p = small_plan();
  RenderOptions options;
  options.input = "小店.yaml";
  auto doc = json_header(options, p.campaign);
  doc.update(plan_json(p));
  CHECK(json::dump(doc, 2) + "\n" == render_plan(p, Format::json, options));
  CHECK(render_plan(p, Format::json, options).starts_with("{\n  \"dacu_version\": \"" DACU_VERSION "\",\n  \"schema_version\": \"1\",\n"
                                                          "  \"input\": \"小店.yaml\",\n  \"campaign\": \"小店 双十二\",\n  \"template\""));
}

TEST_CASE("a day, a moment and a clock time as planners read them", "[render_plan]") {
  auto p = small_plan();
  CHECK(show_day(p.tasks[0].first_day, Lang::zh) == "2026-11-18 周三");
  CHECK(show_moment(p.tasks[1].start, Lang::en) == "2026-12-20 Sun 10:00");
  CHECK(show_time(p.checkpoints[0].at.local + std::chrono::seconds(59)) == "10:15");  // seconds are not shown
  CHECK(show_when(p.milestones[2].at, true, Lang::zh) == "2026-12-22 周二");
  CHECK(show_task_start(p.tasks[0], Lang::zh) == "2026-11-18 周三");
  CHECK(show_task_end(p.tasks[1], Lang::zh) == "2026-12-20 周日 12:00");
  CHECK(task_timing(p.tasks[0]) == "报名前2天 → 报名当天");
  CHECK(plan_text(p.checkpoints[1]).empty());
  CHECK(tolerance_text(p.checkpoints[0]) == "20%");
}

// Issue 16: names are text in every format. A plan with names that are formulas to Excel,
// markup to Markdown and escapes to a terminal.

namespace {

Plan hostile_plan() {
  auto p = small_plan();
  p.campaign = "双十二\n# 假标题";
  p.tasks[0].name = "=HYPERLINK(\"http://x\",\"点我\")";
  p.tasks[0].owner = "-2+3+cmd|' /C calc'!A0";
  p.tasks[1].name = "\x1b]0;pwned\x07<script>x</script>";
  p.tasks[1].department = "@运营";
  return p;
}

}  // namespace

TEST_CASE("plan CSV puts a quote mark before names that start a formula, unless raw", "[render_plan][csv-guard]") {
  auto csv = render_plan(hostile_plan(), Format::csv);
  CHECK(csv.find("\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",运营,'-2+3+cmd|' /C calc'!A0,2026-11-18,") != std::string::npos);
  CHECK(csv.find(",@运营,") == std::string::npos);
  CHECK(csv.find(",'@运营,") != std::string::npos);
  RenderOptions raw;
  raw.csv_guard = FormulaGuard::off;
  auto plain = render_plan(hostile_plan(), Format::csv, raw);
  CHECK(plain.find("\"=HYPERLINK(") != std::string::npos);
  CHECK(plain.find(",-2+3+cmd|") != std::string::npos);
}

TEST_CASE("plan text shows control characters, Markdown escapes markup and keeps one heading", "[render_plan][visible]") {
  auto text = render_plan(hostile_plan(), Format::table);
  CHECK(text.starts_with("双十二\\n# 假标题  (模板 聚划算"));
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("\\x1b]0;pwned\\x07<script>x</script>") != std::string::npos);
  auto md = render_plan(hostile_plan(), Format::md);
  CHECK(md.starts_with("# 双十二<br># 假标题\n"));
  CHECK(md.find('\x1b') == std::string::npos);
  CHECK(md.find("<script>") == std::string::npos);
  CHECK(md.find("| \\x1b\\]0;pwned\\x07&lt;script&gt;x&lt;/script&gt; |") != std::string::npos);
  CHECK(md.find("| -2+3+cmd\\|' /C calc'!A0 |") != std::string::npos);
}
