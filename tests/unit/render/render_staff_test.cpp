// The staffing renderers: every view of a small report built by hand, and the quick Erlang answer.

#include "dacu/render/render_staff.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace dacu;

namespace {

date::local_days day(int month, int d) { return date::local_days{date::year{2026} / month / d}; }

QueueResult result(int agents, int heads, double traffic, double sl, double asa, double occupancy, double wait) {
  return {agents, heads, traffic, sl, asa, occupancy, wait, Binding::service_level, true, true};
}

// A ratio post, a rota with an evening shift to 24:00 and a night shift past it, and a chat queue
// spread over two hours, the last ending at midnight.
StaffReport small_staff() {
  using namespace std::chrono_literals;
  StaffReport r;
  r.campaign = "双十一 旗舰店";
  r.template_name = "双十一";
  StaffLine post;
  post.model = StaffLine::Model::post;
  post.group = "配货";
  post.name = "配货员";
  post.department = "仓储";
  post.inputs = {{"订单量", "订单量", Rational(3000)}, {"占比", "30%", Rational(3, 10)}, {"人效", "人效", Rational(400)}};
  post.rule = "ceil(订单量 × 占比 / 人效)";
  post.exact = Rational(9, 4);
  post.heads = 3;
  post.days = {day(11, 11), day(11, 12)};
  StaffLine rota;
  rota.model = StaffLine::Model::rota;
  rota.group = "客服排班 · 活动中";
  rota.name = "售前";
  rota.department = "客服";
  rota.inputs = {{"在岗人数", "10", Rational(10)}, {"覆盖小时", "24", Rational(24)}, {"班长(小时)", "8h", Rational(8)}};
  rota.rule = "ceil(在岗人数)，每天 ceil(覆盖小时 / 班长) 班";
  rota.exact = Rational(10);
  rota.heads = 10;
  rota.days = {day(11, 11)};
  r.lines = {post, rota};
  RotaDay rd;
  rd.rota = "客服排班";
  rd.department = "客服";
  rd.period = "活动中";
  rd.day = day(11, 11);
  rd.hours = Rational(24);
  rd.opens = 8h;
  rd.shift_hours = Rational(8);
  rd.shifts_exact = Rational(3);
  rd.shifts = 3;
  rd.heads = {{"售前", 10}};
  rd.heads_on_duty = 10;
  rd.people = 30;
  rd.person_hours = Rational(240);
  r.rota_days = {rd};
  r.shifts = {{"客服排班", day(11, 11), 2, 16h, 24h, {}, {}, {{"售前", 10}}}, {"客服排班", day(11, 11), 3, 24h, 32h, {}, {}, {{"售前", 10}}}};
  QueueSummary q;
  q.name = "旺旺咨询";
  q.department = "客服";
  q.role = "售前";
  q.day = day(11, 11);
  q.curve = "双十一";
  q.inputs = {{"日咨询量", "日咨询量", Rational(4000)}, {"平均处理时长(秒)", "180s", Rational(180)}, {"服务水平目标", "80%", Rational(4, 5)}};
  q.peak_agents = 5;
  q.peak_heads = 7;
  q.intervals = {{"旺旺咨询", 22, Rational(160), result(4, 6, 2.5, 0.8123, 12.31, 0.625, 0.3), std::nullopt},
                 {"旺旺咨询", 23, Rational(577, 3), result(5, 7, 3.2, 0.842, 9.6, 0.64, 0.25), std::nullopt}};
  r.queues = {q};
  r.days = {{day(11, 11), "配货", "配货员", "仓储", 3, 0, 3, std::nullopt},
            {day(11, 11), "客服排班", "售前", "客服", 10, 3, 30, Rational(240)}};
  r.notes = {"人数一律向上取整"};
  return r;
}

}  // namespace

TEST_CASE("staff by role: inputs shown once each, exact results and heads", "[render_staff]") {
  CHECK(render_staff(small_staff(), StaffView::role, Format::table) ==
      "双十一 旗舰店  (模板 双十一 · 按岗位)\n"
      "\n"
      "  模型  项目               岗位/角色  部门  输入                                               规则                                           未取整  人数  日期\n"
      "  岗位  配货               配货员     仓储  订单量 = 3000; 占比 = 30%; 人效 = 400              ceil(订单量 × 占比 / 人效)                       2.25     3  2026-11-11 – 2026-11-12\n"
      "  排班  客服排班 · 活动中  售前       客服  在岗人数 = 10; 覆盖小时 = 24; 班长(小时) = 8h = 8  ceil(在岗人数)，每天 ceil(覆盖小时 / 班长) 班      10    10  2026-11-11\n");
}

TEST_CASE("staff by day as CSV", "[render_staff]") {
  CHECK(render_staff(small_staff(), StaffView::day, Format::csv) ==
      "日期,来源,岗位/角色,部门,在岗,班次,人数,人时\r\n"
      "2026-11-11,配货,配货员,仓储,3,,3,\r\n"
      "2026-11-11,客服排班,售前,客服,10,3,30,240\r\n");
}

TEST_CASE("staff by shift: shifts end at 24:00 and run past it as the rota counts them", "[render_staff]") {
  CHECK(render_staff(small_staff(), StaffView::shift, Format::md) ==
      "# 双十一 旗舰店\n"
      "\n"
      "模板: 双十一 · 按班次\n"
      "\n"
      "| 日期 | 排班 | 班次 | 时间 | 在岗人数 |\n"
      "| --- | --- | ---: | --- | --- |\n"
      "| 2026-11-11 | 客服排班 | 2 | 16:00–24:00 | 售前 10 |\n"
      "| 2026-11-11 | 客服排班 | 3 | 次日00:00–次日08:00 | 售前 10 |\n");
}

TEST_CASE("staff by hour: the last hour of the day ends at 24:00", "[render_staff]") {
  CHECK(render_staff(small_staff(), StaffView::hour, Format::table, test::in_english()) ==
      "双十一 旗舰店  (template 双十一 · by hour)\n"
      "\n"
      "  旺旺咨询 (客服 售前): contacts per day = 4000; AHT (s) = 180s = 180; service level target = 80%\n"
      "\n"
      "  queue     interval     contacts  traffic (Erl)  agents  service level  ASA (s)  occupancy  heads scheduled  binding\n"
      "  旺旺咨询  22:00–23:00       160           2.50       4          81.2%     12.3      62.5%                6  service level\n"
      "  旺旺咨询  23:00–24:00  ≈192.333           3.20       5          84.2%      9.6      64.0%                7  service level\n");
}

TEST_CASE("staff as JSON holds every view", "[render_staff]") {
  CHECK(render_staff(small_staff(), StaffView::role, Format::json) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": null,\n"
      "  \"campaign\": \"双十一 旗舰店\",\n"
      "  \"template\": \"双十一\",\n"
      "  \"lines\": [\n"
      "    {\n"
      "      \"model\": \"post\",\n"
      "      \"group\": \"配货\",\n"
      "      \"name\": \"配货员\",\n"
      "      \"department\": \"仓储\",\n"
      "      \"inputs\": [\n"
      "        {\n"
      "          \"label\": \"订单量\",\n"
      "          \"formula\": \"订单量\",\n"
      "          \"value\": \"3000\"\n"
      "        },\n"
      "        {\n"
      "          \"label\": \"占比\",\n"
      "          \"formula\": \"30%\",\n"
      "          \"value\": \"0.3\"\n"
      "        },\n"
      "        {\n"
      "          \"label\": \"人效\",\n"
      "          \"formula\": \"人效\",\n"
      "          \"value\": \"400\"\n"
      "        }\n"
      "      ],\n"
      "      \"rule\": \"ceil(订单量 × 占比 / 人效)\",\n"
      "      \"exact\": \"2.25\",\n"
      "      \"heads\": 3,\n"
      "      \"calls_per_person_per_day\": null,\n"
      "      \"days\": [\n"
      "        \"2026-11-11\",\n"
      "        \"2026-11-12\"\n"
      "      ]\n"
      "    },\n"
      "    {\n"
      "      \"model\": \"rota\",\n"
      "      \"group\": \"客服排班 · 活动中\",\n"
      "      \"name\": \"售前\",\n"
      "      \"department\": \"客服\",\n"
      "      \"inputs\": [\n"
      "        {\n"
      "          \"label\": \"在岗人数\",\n"
      "          \"formula\": \"10\",\n"
      "          \"value\": \"10\"\n"
      "        },\n"
      "        {\n"
      "          \"label\": \"覆盖小时\",\n"
      "          \"formula\": \"24\",\n"
      "          \"value\": \"24\"\n"
      "        },\n"
      "        {\n"
      "          \"label\": \"班长(小时)\",\n"
      "          \"formula\": \"8h\",\n"
      "          \"value\": \"8\"\n"
      "        }\n"
      "      ],\n"
      "      \"rule\": \"ceil(在岗人数)，每天 ceil(覆盖小时 / 班长) 班\",\n"
      "      \"exact\": \"10\",\n"
      "      \"heads\": 10,\n"
      "      \"calls_per_person_per_day\": null,\n"
      "      \"days\": [\n"
      "        \"2026-11-11\"\n"
      "      ]\n"
      "    }\n"
      "  ],\n"
      "  \"days\": [\n"
      "    {\n"
      "      \"day\": \"2026-11-11\",\n"
      "      \"source\": \"配货\",\n"
      "      \"name\": \"配货员\",\n"
      "      \"department\": \"仓储\",\n"
      "      \"heads\": 3,\n"
      "      \"shifts\": 0,\n"
      "      \"people\": 3,\n"
      "      \"person_hours\": null\n"
      "    },\n"
      "    {\n"
      "      \"day\": \"2026-11-11\",\n"
      "      \"source\": \"客服排班\",\n"
      "      \"name\": \"售前\",\n"
      "      \"department\": \"客服\",\n"
      "      \"heads\": 10,\n"
      "      \"shifts\": 3,\n"
      "      \"people\": 30,\n"
      "      \"person_hours\": \"240\"\n"
      "    }\n"
      "  ],\n"
      "  \"rota_days\": [\n"
      "    {\n"
      "      \"rota\": \"客服排班\",\n"
      "      \"period\": \"活动中\",\n"
      "      \"day\": \"2026-11-11\",\n"
      "      \"hours\": \"24\",\n"
      "      \"opens\": \"08:00\",\n"
      "      \"shift_hours\": \"8\",\n"
      "      \"shifts_exact\": \"3\",\n"
      "      \"shifts\": 3,\n"
      "      \"heads\": {\n"
      "        \"售前\": 10\n"
      "      },\n"
      "      \"heads_on_duty\": 10,\n"
      "      \"people\": 30,\n"
      "      \"person_hours\": \"240\"\n"
      "    }\n"
      "  ],\n"
      "  \"shifts\": [\n"
      "    {\n"
      "      \"rota\": \"客服排班\",\n"
      "      \"day\": \"2026-11-11\",\n"
      "      \"number\": 2,\n"
      "      \"from\": \"16:00\",\n"
      "      \"to\": \"24:00\",\n"
      "      \"start\": null,\n"
      "      \"end\": null,\n"
      "      \"heads\": {\n"
      "        \"售前\": 10\n"
      "      }\n"
      "    },\n"
      "    {\n"
      "      \"rota\": \"客服排班\",\n"
      "      \"day\": \"2026-11-11\",\n"
      "      \"number\": 3,\n"
      "      \"from\": \"00:00\",\n"
      "      \"to\": \"08:00\",\n"
      "      \"start\": null,\n"
      "      \"end\": null,\n"
      "      \"heads\": {\n"
      "        \"售前\": 10\n"
      "      }\n"
      "    }\n"
      "  ],\n"
      "  \"queues\": [\n"
      "    {\n"
      "      \"name\": \"旺旺咨询\",\n"
      "      \"department\": \"客服\",\n"
      "      \"role\": \"售前\",\n"
      "      \"day\": \"2026-11-11\",\n"
      "      \"curve\": \"双十一\",\n"
      "      \"interval_seconds\": 3600,\n"
      "      \"inputs\": [\n"
      "        {\n"
      "          \"label\": \"日咨询量\",\n"
      "          \"formula\": \"日咨询量\",\n"
      "          \"value\": \"4000\"\n"
      "        },\n"
      "        {\n"
      "          \"label\": \"平均处理时长(秒)\",\n"
      "          \"formula\": \"180s\",\n"
      "          \"value\": \"180\"\n"
      "        },\n"
      "        {\n"
      "          \"label\": \"服务水平目标\",\n"
      "          \"formula\": \"80%\",\n"
      "          \"value\": \"0.8\"\n"
      "        }\n"
      "      ],\n"
      "      \"peak_agents\": 5,\n"
      "      \"peak_heads\": 7,\n"
      "      \"intervals\": [\n"
      "        {\n"
      "          \"hour\": 22,\n"
      "          \"contacts\": \"160\",\n"
      "          \"agents\": 4,\n"
      "          \"agents_after_shrinkage\": 6,\n"
      "          \"traffic_erlangs\": 2.5,\n"
      "          \"service_level\": 0.8123,\n"
      "          \"asa_seconds\": 12.31,\n"
      "          \"occupancy\": 0.625,\n"
      "          \"probability_wait\": 0.3,\n"
      "          \"binding\": \"service_level\",\n"
      "          \"service_level_met\": true,\n"
      "          \"occupancy_met\": true,\n"
      "          \"on_duty\": null,\n"
      "          \"short_by\": null\n"
      "        },\n"
      "        {\n"
      "          \"hour\": 23,\n"
      "          \"contacts\": \"577/3\",\n"
      "          \"agents\": 5,\n"
      "          \"agents_after_shrinkage\": 7,\n"
      "          \"traffic_erlangs\": 3.2,\n"
      "          \"service_level\": 0.842,\n"
      "          \"asa_seconds\": 9.6,\n"
      "          \"occupancy\": 0.64,\n"
      "          \"probability_wait\": 0.25,\n"
      "          \"binding\": \"service_level\",\n"
      "          \"service_level_met\": true,\n"
      "          \"occupancy_met\": true,\n"
      "          \"on_duty\": null,\n"
      "          \"short_by\": null\n"
      "        }\n"
      "      ]\n"
      "    }\n"
      "  ],\n"
      "  \"tables\": [],\n"
      "  \"notes\": [\n"
      "    \"人数一律向上取整\"\n"
      "  ]\n"
      "}\n");
}

TEST_CASE("the quick Erlang answer as a table and as JSON", "[render_staff]") {
  auto q = small_staff().queues.front();
  q.intervals.resize(1);
  q.intervals[0].hour.reset();
  q.curve.clear();
  CHECK(render_erlang(q, Format::table) ==
      "  项目                           值\n"
      "  日咨询量          日咨询量 = 4000\n"
      "  平均处理时长(秒)       180s = 180\n"
      "  服务水平目标                  80%\n"
      "  统计时段                       1h\n"
      "  话务量(Erl)                   2.5\n"
      "  坐席                            4\n"
      "  排班人数                        6\n"
      "  服务水平                    81.2%\n"
      "  平均应答(秒)                 12.3\n"
      "  占用率                      62.5%\n"
      "  等待概率                    30.0%\n"
      "  决定因素                 服务水平\n"
      "  达标                           是\n");
  CHECK(render_erlang(q, Format::json) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": null,\n"
      "  \"campaign\": null,\n"
      "  \"name\": \"旺旺咨询\",\n"
      "  \"department\": \"客服\",\n"
      "  \"role\": \"售前\",\n"
      "  \"curve\": null,\n"
      "  \"interval_seconds\": 3600,\n"
      "  \"inputs\": [\n"
      "    {\n"
      "      \"label\": \"日咨询量\",\n"
      "      \"formula\": \"日咨询量\",\n"
      "      \"value\": \"4000\"\n"
      "    },\n"
      "    {\n"
      "      \"label\": \"平均处理时长(秒)\",\n"
      "      \"formula\": \"180s\",\n"
      "      \"value\": \"180\"\n"
      "    },\n"
      "    {\n"
      "      \"label\": \"服务水平目标\",\n"
      "      \"formula\": \"80%\",\n"
      "      \"value\": \"0.8\"\n"
      "    }\n"
      "  ],\n"
      "  \"peak_agents\": 5,\n"
      "  \"peak_heads\": 7,\n"
      "  \"intervals\": [\n"
      "    {\n"
      "      \"hour\": null,\n"
      "      \"contacts\": \"160\",\n"
      "      \"agents\": 4,\n"
      "      \"agents_after_shrinkage\": 6,\n"
      "      \"traffic_erlangs\": 2.5,\n"
      "      \"service_level\": 0.8123,\n"
      "      \"asa_seconds\": 12.31,\n"
      "      \"occupancy\": 0.625,\n"
      "      \"probability_wait\": 0.3,\n"
      "      \"binding\": \"service_level\",\n"
      "      \"service_level_met\": true,\n"
      "      \"occupancy_met\": true,\n"
      "      \"on_duty\": null,\n"
      "      \"short_by\": null\n"
      "    }\n"
      "  ]\n"
      "}\n");
}

TEST_CASE("exact numbers as people read them", "[render_staff]") {
  CHECK(show_number(Rational(45, 2)) == "22.5");
  CHECK(show_number(Rational(50)) == "50");
  CHECK(show_number(Rational(20, 3)) == "≈6.667");
}

TEST_CASE("a term knows whether its formula is a plain figure", "[render_staff]") {
  CHECK(Term{"占比", "30%", Rational(3, 10)}.literal);
  CHECK(Term{"覆盖小时", "15", Rational(15)}.literal);
  CHECK_FALSE(Term{"占比", "30%", Rational(1, 3)}.literal);  // a figure, but not this value
  CHECK_FALSE(Term{"班长(小时)", "8h", Rational(8)}.literal);
  CHECK_FALSE(Term{"订单量", "订单量", Rational(3000)}.literal);
  CHECK_FALSE(Term{}.literal);
}

TEST_CASE("staff CSV guards role names, text and Markdown show the queue's names as text", "[render_staff][csv-guard]") {
  auto r = small_staff();
  r.days[0].name = "=配货员";
  r.queues[0].name = "旺旺\x1b[2J咨询|<i>";
  CHECK(render_staff(r, StaffView::day, Format::csv) ==
      "日期,来源,岗位/角色,部门,在岗,班次,人数,人时\r\n"
      "2026-11-11,配货,'=配货员,仓储,3,,3,\r\n"
      "2026-11-11,客服排班,售前,客服,10,3,30,240\r\n");
  auto text = render_staff(r, StaffView::hour, Format::table);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("  旺旺\\x1b[2J咨询|<i> (客服 售前): ") != std::string::npos);
  auto md = render_staff(r, StaffView::hour, Format::md);
  CHECK(md.find("- 旺旺\\x1b\\[2J咨询\\|&lt;i&gt; (客服 售前): ") != std::string::npos);
}
