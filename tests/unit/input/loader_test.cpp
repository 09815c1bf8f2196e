// Loading templates and campaigns from text: values, changes, overrides, located errors.

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <functional>
#include <string>

#include "support.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/yaml.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;
using namespace std::chrono_literals;

namespace {



const Task& task_named(const Template& t, std::string_view name) {
  for (const auto& task : t.tasks) {
    if (task.name == name) return task;
  }
  FAIL("no task " << name);
  throw;
}

bool has_task(const Template& t, std::string_view name) {
  return std::any_of(t.tasks.begin(), t.tasks.end(), [&](const Task& task) { return task.name == name; });
}

constexpr std::string_view kTemplate =
    "dacu: 1\n"                                            // 1
    "kind: template\n"                                     // 2
    "name: 小团\n"                                         // 3
    "title: 小团测试\n"                                    // 4
    "calendar: cn\n"                                       // 5
    "phases: [活动前, 活动中]\n"                           // 6
    "departments:\n"                                       // 7
    "  运营: {lead: 运营主管, roles: [运营助理]}\n"        // 8
    "parameters:\n"                                        // 9
    "  件数: {type: integer, default: 2000, unit: 件}\n"   // 10
    "  系数: {type: number, default: 1.5}\n"               // 11
    "milestones:\n"                                        // 12
    "  报名: {description: 提交报名}\n"                    // 13
    "  开团: {at: 报名后30天}\n"                           // 14
    "  结束: 开团当天23:59\n"                              // 15
    "tasks:\n"                                             // 16
    "  - name: 报名准备\n"                                 // 17
    "    department: 运营\n"                               // 18
    "    owner: 运营主管\n"                                // 19
    "    phase: 活动前\n"                                  // 20
    "    start: 报名前2天\n"                               // 21
    "    end: \"报名当天\"\n"                              // 22
    "  - name: 开团跟进\n"                                 // 23
    "    department: 运营\n"                               // 24
    "    owner: 运营助理\n"                                // 25
    "    phase: 活动中\n"                                  // 26
    "    start: 开团\n"                                    // 27
    "    duration: 2h\n"                                   // 28
    "    roll: 顺延\n"                                     // 29
    "checkpoints:\n"                                       // 30
    "  - name: 开团15分钟\n"                               // 31
    "    at: 开团后15分钟\n"                               // 32
    "    metric: 支付笔数\n"                               // 33
    "    plan: 300\n"                                      // 34
    "    tolerance: 20%\n"                                 // 35
    "    owner: 运营主管\n"                                // 36
    "rules:\n"                                             // 37
    "  showcase: {from: \"08:00\", to: \"09:59\"}\n"       // 38
    "  payment_window: 30min\n";                           // 39

constexpr std::string_view kCampaign =
    "dacu: 1\n"                                                        // 1
    "kind: campaign\n"                                                 // 2
    "name: 雪凡妮 双十二聚划算\n"                                      // 3
    "extends: 聚划算\n"                                                // 4
    "milestones:\n"                                                    // 5
    "  报名: 2026-11-20T10:00\n"                                       // 6
    "  开团: 2026-12-20T10:00\n"                                       // 7
    "parameters:\n"                                                    // 8
    "  件数: 3000\n"                                                   // 9
    "tasks:\n"                                                         // 10
    "  drop: [年度聚划算品类规划]\n"                                   // 11
    "  change:\n"                                                      // 12
    "    聚划算活动报名: {owner: 运营主管, start: 报名前18天}\n"       // 13
    "  add:\n"                                                         // 14
    "    - name: 直播预热\n"                                           // 15
    "      department: 推广\n"                                         // 16
    "      owner: 推广主管\n"                                          // 17
    "      phase: 活动前\n"                                            // 18
    "      start: 开团前1天20:00\n"                                    // 19
    "      duration: 2h\n";                                            // 20

// kCampaign with one line replaced (1-based), for error cases.
std::string campaign_with(int line, std::string_view text) {
  std::string out;
  std::size_t start = 0;
  for (int l = 1; start < kCampaign.size(); ++l) {
    auto end = kCampaign.find('\n', start);
    out += l == line ? std::string(text) : std::string(kCampaign.substr(start, end - start));
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace

TEST_CASE("a template is read with every element and its location", "[load]") {
  auto t = parse_template(kTemplate, "小团.yaml");
  CHECK(t.name == "小团");
  CHECK(t.title == "小团测试");
  CHECK(t.timezone.value == "Asia/Shanghai");
  CHECK(t.calendar.base.value == "cn");
  CHECK(where(t.calendar.base.where) == "小团.yaml:5:11");

  REQUIRE(t.phases.size() == 2);
  CHECK(t.phases[1].value == "活动中");
  CHECK(where(t.phases[0].where) == "小团.yaml:6:10");
  CHECK(where(t.phases[1].where) == "小团.yaml:6:15");

  REQUIRE(t.departments.size() == 1);
  CHECK(t.departments[0].name == "运营");
  CHECK(t.departments[0].lead == "运营主管");
  CHECK(t.departments[0].roles == std::vector<std::string>{"运营助理"});
  CHECK(where(t.departments[0].where) == "小团.yaml:8:3");
  CHECK(t.role_names() == std::vector<std::string>{"运营主管", "运营助理"});

  REQUIRE(t.parameters.size() == 2);
  const auto& count = *t.find_parameter("件数");
  CHECK(count.type == ParameterType::integer);
  CHECK(count.value == "2000");
  CHECK(count.unit == "件");
  CHECK(where(count.where) == "小团.yaml:10:3");
  CHECK(where(count.value_where) == "小团.yaml:10:32");
  CHECK(t.find_parameter("系数")->value == "1.5");
  CHECK(t.find_parameter("系数")->type == ParameterType::number);

  CHECK(t.milestone_names() == std::vector<std::string>{"报名", "开团", "结束"});
  const auto& signup = *t.find_milestone("报名");
  CHECK(signup.description == "提交报名");
  CHECK_FALSE(signup.derived);
  CHECK_FALSE(signup.given);
  CHECK(where(signup.where) == "小团.yaml:13:3");
  const auto& open = *t.find_milestone("开团");
  REQUIRE(open.derived);
  CHECK(open.derived->canonical() == "报名 +30d");
  CHECK(where(open.derived->where) == "小团.yaml:14:12");
  const auto& close = *t.find_milestone("结束");
  REQUIRE(close.derived);
  CHECK(close.derived->canonical() == "开团 @23:59");
  CHECK(where(close.derived->where) == "小团.yaml:15:7");

  REQUIRE(t.tasks.size() == 2);
  const auto& prep = t.tasks[0];
  CHECK(prep.name == "报名准备");
  CHECK(where(prep.where) == "小团.yaml:17:11");
  CHECK(prep.department.value == "运营");
  CHECK(where(prep.department.where) == "小团.yaml:18:17");
  CHECK(where(prep.owner.where) == "小团.yaml:19:12");
  CHECK(where(prep.phase.where) == "小团.yaml:20:12");
  CHECK(prep.start.canonical() == "报名 -2d");
  CHECK(where(prep.start.where) == "小团.yaml:21:12");
  REQUIRE(prep.end);
  CHECK(prep.end->canonical() == "报名 +0d");
  CHECK(where(prep.end->where) == "小团.yaml:22:11");  // inside the quotes
  CHECK_FALSE(prep.duration);
  CHECK(prep.roll == Roll::none);

  const auto& follow = t.tasks[1];
  CHECK(follow.owner.value == "运营助理");
  CHECK(follow.duration == 2h);
  CHECK(where(follow.duration_where) == "小团.yaml:28:15");
  CHECK(follow.roll == Roll::next);
  CHECK_FALSE(follow.end);

  REQUIRE(t.checkpoints.size() == 1);
  const auto& cp = t.checkpoints[0];
  CHECK(cp.name == "开团15分钟");
  CHECK(where(cp.where) == "小团.yaml:31:11");
  CHECK(cp.at.canonical() == "开团 +15min");
  CHECK(where(cp.at.where) == "小团.yaml:32:9");
  CHECK(cp.metric == "支付笔数");
  REQUIRE(cp.plan);
  CHECK(cp.plan->text == "300");
  CHECK(cp.plan->expr.value == Rational(300));
  CHECK(cp.tolerance == Rational(1, 5));
  CHECK(where(cp.owner.where) == "小团.yaml:36:12");

  REQUIRE(t.rules.showcase);
  CHECK(*t.rules.showcase == ClockWindow{8h, 9h + 59min});
  CHECK_FALSE(t.rules.sale);
  CHECK(t.rules.payment_window == 30min);
  CHECK(where(t.rules.where) == "小团.yaml:38:3");
}

TEST_CASE("a template without phases gets 活动前, 活动中, 活动后", "[load]") {
  auto t = parse_template("dacu: 1\nkind: template\nname: x\n", "x.yaml");
  REQUIRE(t.phases.size() == 3);
  CHECK(t.phases[0].value == "活动前");
  CHECK(t.phases[2].value == "活动后");
  CHECK(t.tasks.empty());
}

TEST_CASE("a campaign extends a built-in template with milestones, parameters and task changes", "[load]") {
  Loader loader;
  auto base = loader.builtin("聚划算");
  REQUIRE(base);
  auto c = loader.parse(kCampaign, "c.yaml", ".");
  CHECK(c.name == "雪凡妮 双十二聚划算");
  CHECK(c.template_name == "聚划算");
  const auto& t = c.plan;

  const auto& signup = *t.find_milestone("报名");
  REQUIRE(signup.given);
  CHECK(signup.given->at == date::local_days{date::year{2026} / 11 / 20} + 10h);
  CHECK_FALSE(signup.given->date_only);
  CHECK(where(signup.given_where) == "c.yaml:6:7");
  CHECK(signup.derived);  // the template's rule stays; the given date wins when planning
  CHECK(where(c.milestones_where) == "c.yaml:6:3");

  CHECK(t.find_parameter("件数")->value == "3000");
  CHECK(where(t.find_parameter("件数")->value_where) == "c.yaml:9:7");
  CHECK(t.find_parameter("团购价")->value == "99");  // untouched default

  CHECK(t.tasks.size() == base->tasks.size());  // one dropped, one added
  CHECK_FALSE(has_task(t, "年度聚划算品类规划"));
  CHECK(has_task(t, "年度聚划算的投入产出比"));

  const auto& changed = task_named(t, "聚划算活动报名");
  CHECK(changed.owner.value == "运营主管");
  CHECK(where(changed.owner.where) == "c.yaml:13:22");
  CHECK(changed.start.canonical() == "报名 -18d");
  CHECK(where(changed.start.where) == "c.yaml:13:35");
  REQUIRE(changed.end);  // fields the change does not name stay as the template has them
  CHECK(changed.end->text == "报名当天");
  CHECK(changed.department.value == "推广");

  const auto& added = t.tasks.back();
  CHECK(added.name == "直播预热");
  CHECK(where(added.where) == "c.yaml:15:13");
  CHECK(added.start.canonical() == "开团 -1d @20:00");
  CHECK(where(added.start.where) == "c.yaml:19:14");
  CHECK(added.duration == 2h);

  // The built-in template is shared, not changed.
  CHECK(has_task(*loader.builtin("聚划算"), "年度聚划算品类规划"));
  CHECK(loader.builtin("聚划算") == base);
}

TEST_CASE("a campaign's shop: and owners: (who dacu agenda books), and D486 for an owners: role no task has", "[load]") {
  Loader loader;
  auto head = std::string("dacu: 1\nkind: campaign\nname: 试\nextends: 聚划算\nshop: 雪凡妮\n");
  auto c = loader.parse(head + "owners: {推广主管: 王芳, 运营主管: 李强}\n", "c.yaml", ".");
  CHECK(c.shop == "雪凡妮");
  CHECK(c.owners == std::vector<std::pair<std::string, std::string>>{{"推广主管", "王芳"}, {"运营主管", "李强"}});
  CHECK(loader.parse("dacu: 1\nkind: campaign\nname: 试\nextends: 聚划算\n", "c.yaml", ".").shop.empty());
  auto e = error_of([&] { loader.parse(head + "owners: {推广主任: 王芳}\n", "c.yaml", "."); });
  CHECK(e.code == "D486");
  CHECK(where(e.where) == "c.yaml:6:10");
  CHECK(e.hint.find("推广主管") != std::string::npos);
  CHECK(error_of([&] { loader.parse(head + "owners: {推广主管: \"\"}\n", "c.yaml", "."); }).key == "D486.empty");
  CHECK(error_of([&] { loader.parse("dacu: 1\nkind: campaign\nname: 试\nextends: 聚划算\nshop: \" \"\n", "c.yaml", "."); }).key ==
        "D486.empty");
}

TEST_CASE("a campaign extends a template file by a path relative to base_dir", "[load]") {
  auto dir = std::filesystem::temp_directory_path() / "dacu-load-test";
  std::filesystem::create_directories(dir);
  {
    std::ofstream out(dir / "小团.yaml", std::ios::binary);
    out << kTemplate;
  }
  Loader loader;
  auto c = loader.parse("dacu: 1\nkind: campaign\nname: 试\nextends: ./小团.yaml\nmilestones:\n  报名: 2026-11-20\n",
                        "c.yaml", dir);
  CHECK(c.template_name == "小团");
  CHECK(c.plan.find_milestone("报名")->given->date_only);
  CHECK(c.plan.tasks.size() == 2);
  auto e = error_of([&] { loader.parse("dacu: 1\nkind: campaign\nname: 试\nextends: ./无.yaml\n", "c.yaml", dir); });
  CHECK(e.code == "D040");
  CHECK(e.message == fmt::format("template file {}: no such file", (dir / "无.yaml").string()));
  CHECK(e.hint == "the path is relative to the campaign file");
  CHECK(where(e.where) == "c.yaml:4:10");
  std::filesystem::remove_all(dir);
}

TEST_CASE("a set override changes a milestone or a parameter", "[load]") {
  Loader loader;
  std::vector<Override> sets{parse_override("开团=2026-12-21T10:00"), parse_override("件数=5000")};
  CHECK(sets[0] == Override{"开团", "2026-12-21T10:00"});
  auto c = loader.parse(kCampaign, "c.yaml", ".", sets);
  const auto& open = *c.plan.find_milestone("开团");
  CHECK(open.given->at == date::local_days{date::year{2026} / 12 / 21} + 10h);
  CHECK(where(open.given_where) == "<command line>:1:4");
  CHECK(c.plan.find_parameter("件数")->value == "5000");

  // A template planned directly takes its milestones from --set.
  auto t = loader.parse(kTemplate, "小团.yaml", ".", std::vector<Override>{{"报名", "2026-11-20T10:00"}});
  CHECK(t.name == "小团测试");
  CHECK(t.template_name == "小团");
  CHECK(t.plan.find_milestone("报名")->given);
}

TEST_CASE("set override errors name the key and point into KEY=VALUE", "[load]") {
  Loader loader;
  auto set = [&](std::string text) {
    return error_of([&] { loader.parse(kCampaign, "c.yaml", ".", std::vector<Override>{parse_override(text)}); });
  };
  auto e = set("开拓=2026-12-21T10:00");
  CHECK(e.code == "D050");
  CHECK(e.message == "--set 开拓: no milestone or parameter named 开拓");
  CHECK(e.hint == "did you mean 开团?");
  CHECK(where(e.where) == "<command line>:1:1");

  e = set("件数=3.5");
  CHECK(e.code == "D051");
  CHECK(e.message == "parameter 件数 is integer but '3.5' is not: 3.5 is not a whole number");
  CHECK(e.hint == "a count is whole: write it without decimals");
  CHECK(where(e.where) == "<command line>:1:4");

  e = set("开团=2026-12-32T10:00");
  CHECK(e.code == "D020");
  CHECK(e.message == "开团: '2026-12-32T10:00' is not a date-time");
  CHECK(e.hint == "that day does not exist; check the month (01–12) and the month's length");
  CHECK(where(e.where) == "<command line>:1:4");

  // A UTC offset after the time says which of a repeated hour is meant; it must be ±HH:MM.
  e = set("开团=2026-12-20T10:00+8");
  CHECK(e.code == "D020");
  CHECK(e.hint == "write the offset after the time as ±HH:MM, e.g. 2026-11-01T01:30-05:00, or leave it out");
  auto with_offset = loader.parse(kCampaign, "c.yaml", ".", std::vector<Override>{{"开团", "2026-12-20T10:00+08:00"}});
  CHECK(with_offset.plan.find_milestone("开团")->given->utc_offset == std::chrono::hours(8));

  e = error_of([] { parse_override("开团"); });
  CHECK(e.code == "D050");
  CHECK(e.message == "--set '开团' is not KEY=VALUE");
  CHECK(e.hint == "write it like --set 开团=2026-12-20T10:00");
}

namespace {

struct LoadFailure {
  const char* name;
  int line;  // the line of kCampaign to replace, 0 to use `text` as the whole file
  const char* text;
  const char* code;
  const char* at;
  const char* message;
  const char* hint;
};

const LoadFailure kLoadFailures[] = {
    {"a duplicate key", 4, "name: 又一个", "D003", "c.yaml:4:1", "duplicate key 'name'",
     "'name' is already defined at line 3; keep one of them"},
    {"an unknown top-level key", 4, "extend: 聚划算", "D002", "c.yaml:4:1", "unknown key 'extend' in the campaign",
     "did you mean extends?"},
    {"an unknown task key", 20, "      duraton: 2h", "D002", "c.yaml:20:7", "unknown key 'duraton' in a task",
     "did you mean duration?"},
    {"an unknown built-in template", 4, "extends: 聚划", "D040", "c.yaml:4:10", "no built-in template named '聚划'",
     "did you mean 聚划算? (a template file is named by a path, e.g. ./my.yaml)"},
    {"an unknown milestone", 7, "  开闭: 2026-12-20T10:00", "D031", "c.yaml:7:3", "the template has no milestone 开闭",
     "did you mean 开团?"},
    {"a milestone that is not a date-time", 7, "  开团: 2026-02-30T10:00", "D020", "c.yaml:7:7",
     "开团: '2026-02-30T10:00' is not a date-time", "that day does not exist; check the month (01–12) and the month's length"},
    {"an unknown parameter", 9, "  件树: 3000", "D050", "c.yaml:9:3", "the template has no parameter 件树",
     "did you mean 件数?"},
    {"a parameter of the wrong type", 9, "  件数: 三千", "D051", "c.yaml:9:7", "parameter 件数 is integer but '三千' is not",
     "write a whole number such as 2000, 2,000 or 0.2万"},
    {"dropping a task that does not exist", 11, "  drop: [年度聚划算品类规画]", "D041", "c.yaml:11:10",
     "cannot drop task 年度聚划算品类规画: the template has no such task", "did you mean 年度聚划算品类规划?"},
    {"a change that renames", 13, "    聚划算活动报名: {name: 报名}", "D002", "c.yaml:13:21", "a change cannot rename a task",
     "drop the task and add a new one instead"},
    {"adding a task that exists", 15, "    - name: 聚划算活动报名", "D042", "c.yaml:15:13",
     "a task named 聚划算活动报名 already exists (<builtin>/聚划算.yaml:LINE)",
     "give each task its own name; use `change:` to modify an existing one"},
    {"an offset with an unknown milestone", 19, "      start: 开闭前1天", "D031", "c.yaml:19:14",
     "unknown milestone '开闭' in offset '开闭前1天'", "did you mean 开团?"},
    {"end and duration together", 20, "      end: 开团前1天\n      duration: 2h", "D035", "c.yaml:21:17",
     "task 直播预热 gives both end and duration", "keep one: end names a moment, duration a length"},
    {"an undeclared department", 16, "      department: 推銷", "D043", "c.yaml:16:19",
     "task 直播预热: department '推銷' is not declared", "did you mean 推广?"},
    {"an undeclared owner", 17, "      owner: 直播主管", "D044", "c.yaml:17:14",
     "task 直播预热: owner '直播主管' is not a declared role",
     "expected one of: 电商经理, 运营主管, 推广主管, 美工主管, 文案, 客服主管, 物流主管"},
    {"an owner close to a declared role", 17, "      owner: 推广主任", "D044", "c.yaml:17:14",
     "task 直播预热: owner '推广主任' is not a declared role", "did you mean 推广主管?"},
    {"an undeclared phase", 18, "      phase: 活动间", "D045", "c.yaml:18:14", "task 直播预热: phase '活动间' is not declared",
     "did you mean 活动前?"},
    {"a bad duration", 20, "      duration: 两小时", "D023", "c.yaml:20:17", "'两小时' is not a duration",
     "write a number and a unit: 30min, 2h, 3d, 1w"},
    {"a bad roll rule", 20, "      roll: 顺便", "D004", "c.yaml:20:13", "unknown roll rule '顺便'",
     "write 顺延 (next working day), 提前 (previous working day) or none"},
    {"an unknown time zone", 4, "extends: 聚划算\ntimezone: Asia/Shanghia", "D021", "c.yaml:5:11",
     "unknown time zone 'Asia/Shanghia'", "use an IANA name such as Asia/Shanghai"},
    {"an unknown calendar", 4, "extends: 聚划算\ncalendar: cm", "D022", "c.yaml:5:11", "unknown calendar 'cm'",
     "did you mean cn?"},
    {"no format version", 1, "", "D006", "c.yaml:2:1", "the file does not say which dacu format it uses",
     "add `dacu: 1` as the first line"},
    {"an unknown kind", 2, "kind: campain", "D006", "c.yaml:2:7", "unknown kind 'campain'",
     "write `kind: campaign` or `kind: template`"},
};

}  // namespace

TEST_CASE("campaign files with mistakes are refused with an exact, located message", "[load]") {
  auto f = GENERATE(from_range(std::begin(kLoadFailures), std::end(kLoadFailures)));
  INFO(f.name);
  Loader loader;
  auto e = error_of([&] { loader.parse(campaign_with(f.line, f.text), "c.yaml", "."); });
  CHECK(e.code == f.code);
  CHECK(where(e.where) == f.at);
  // The line of the clashing task in the built-in template is looked up, not pinned, so the
  // template can be edited without breaking this test.
  std::string message = f.message;
  if (auto pos = message.find("LINE"); pos != std::string::npos) {
    auto text = builtin_template_text("聚划算");
    auto at = text.find("- name: 聚划算活动报名\n");
    REQUIRE(at != std::string_view::npos);
    auto line = 1 + std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(at), '\n');
    message.replace(pos, 4, std::to_string(line));
  }
  CHECK(e.message == message);
  CHECK(e.hint == f.hint);
}

TEST_CASE("template mistakes are refused with an exact, located message", "[load]") {
  auto e = error_of([] {
    parse_template("dacu: 1\nkind: template\nname: x\nparameters:\n  件数: {type: integr}\n", "t.yaml");
  });
  CHECK(e.code == "D004");
  CHECK(where(e.where) == "t.yaml:5:14");
  CHECK(e.message == "unknown parameter type 'integr'");
  CHECK(e.hint == "did you mean integer?");

  e = error_of([] {
    parse_template("dacu: 1\nkind: template\nname: x\nparameters:\n  件数: {type: integer, default: 2千}\n", "t.yaml");
  });
  CHECK(e.code == "D051");
  CHECK(where(e.where) == "t.yaml:5:32");
  CHECK(e.message == "parameter 件数 is integer but '2千' is not: unexpected '千' in a count");

  e = error_of([] { parse_template("dacu: 1\nkind: campaign\nname: x\n", "t.yaml"); });
  CHECK(e.code == "D006");
  CHECK(e.message == "expected `kind: template`, found 'campaign'");

  e = error_of([] {
    parse_template("dacu: 1\nkind: template\nname: x\nmilestones:\n  开团:\ntasks:\n  - {name: a, department: d, owner: o, "
                   "phase: 活动前, start: 开团前1天}\n  - {name: a, department: d, owner: o, phase: 活动前, start: 开团}\n",
                   "t.yaml");
  });
  CHECK(e.code == "D042");
  CHECK(where(e.where) == "t.yaml:8:12");
  CHECK(e.message == "a task named a already exists (line 7)");

  e = error_of([] {
    parse_template("dacu: 1\nkind: template\nname: x\nrules:\n  sale: {from: \"10:00\", to: \"09:00\"}\n", "t.yaml");
  });
  CHECK(e.code == "D034");
  CHECK(e.message == "sale ends before it starts");
}

TEST_CASE("a duplicate key is found in short and long mappings alike", "[load]") {
  // Wherever the repeat sits, first key or last, short mapping or long, it is the one reported.
  auto mapping_with = [](int keys, int repeated, int at) {
    std::string text;
    for (int i = 1; i <= keys; ++i) text += fmt::format("k{}: {}\n", i == at ? repeated : i, i);
    return text;
  };
  struct Case { int keys, repeated, at; };
  auto c = GENERATE(Case{3, 1, 3}, Case{16, 2, 16}, Case{17, 1, 17}, Case{18, 17, 18}, Case{40, 5, 33}, Case{40, 20, 40});
  INFO(c.keys << " keys, k" << c.repeated << " again as key " << c.at);
  auto e = error_of([&] { yaml::parse(mapping_with(c.keys, c.repeated, c.at), "m.yaml"); });
  CHECK(e.code == "D003");
  CHECK(where(e.where) == fmt::format("m.yaml:{}:1", c.at));
  CHECK(e.message == fmt::format("duplicate key 'k{}'", c.repeated));
  CHECK(e.hint == fmt::format("'k{0}' is already defined at line {0}; keep one of them", c.repeated));
  // Without the repeat, every key is kept in order.
  auto doc = yaml::parse(mapping_with(c.keys, 0, 0), "m.yaml");
  REQUIRE(doc.root.map_size() == static_cast<std::size_t>(c.keys));
  CHECK(doc.root.key(static_cast<std::size_t>(c.keys) - 1).value == fmt::format("k{}", c.keys));
}

TEST_CASE("a money parameter takes every form money.hpp documents, read once into its number", "[load]") {
  Loader loader;
  auto price = [&](std::string value) {
    auto c = loader.parse(kCampaign, "c.yaml", ".", std::vector<Override>{{"团购价", value}});
    const auto* p = c.plan.find_parameter("团购价");
    REQUIRE(p->number);
    return *p->number;
  };
  CHECK(price("99元") == Rational(99));
  CHECK(price("￥89") == Rational(89));
  CHECK(price("¥129.5") == Rational(259, 2));
  CHECK(price("1.8万") == Rational(18000));
  CHECK(price("¥1,800,000.00") == Rational(1800000));
  // -¥5.00 is what D300's hint tells people to write for a negative amount: read, and then
  // refused as a 团购价, which is a price (D096).
  auto e = error_of([&] { loader.parse(kCampaign, "c.yaml", ".", std::vector<Override>{{"团购价", "-¥5.00"}}); });
  CHECK(e.code == "D096");
  CHECK(e.message == "parameter 团购价 is -¥5.00, below its minimum 0");
  e = error_of([&] { loader.parse(kCampaign, "c.yaml", ".", std::vector<Override>{{"团购价", "¥-5"}}); });
  CHECK(e.code == "D051");
  CHECK(e.message == "parameter 团购价 is money but '¥-5' is not: the sign must come before ¥");
}

// Parameters and their range (issue 16: a negative 件数 times a negative 团购价 was a positive
// 成交额).

namespace {

std::string template_with_parameters(std::string_view parameters) {
  return fmt::format("dacu: 1\nkind: template\nname: x\nparameters:\n{}milestones:\n  开团: {{}}\n", parameters);
}

}  // namespace

TEST_CASE("integer and money parameters are not negative unless the template says min", "[load][range]") {
  auto e = error_of([] { parse_template(template_with_parameters("  件数: {type: integer, default: -5}\n"), "t.yaml"); });
  CHECK(e.code == "D096");
  CHECK(where(e.where) == "t.yaml:5:32");
  CHECK(e.message == "parameter 件数 is -5, below its minimum 0");
  CHECK(e.hint == "件数 is integer, a count: it cannot be negative (a template whose parameter may be says so with `min:`)");
  e = error_of([] { parse_template(template_with_parameters("  团购价: {type: money, default: -99}\n"), "t.yaml"); });
  CHECK(e.code == "D096");
  CHECK(e.message == "parameter 团购价 is -99, below its minimum 0");
  CHECK(e.hint == "团购价 is money, a price or a cost: it cannot be negative (a template whose parameter may be says so with `min:`)");
  // Numbers and percentages may be negative; zero is a count like any other.
  auto t = parse_template(template_with_parameters("  增长: {type: percent, default: -10%}\n  系数: {type: number, default: -1.5}\n"
                                                   "  件数: {type: integer, default: 0}\n  补贴: {type: money, default: -50, min: -100}\n"),
                          "t.yaml");
  CHECK(*t.find_parameter("增长")->number == Rational(-1, 10));
  CHECK(*t.find_parameter("件数")->number == Rational(0));
  CHECK(*t.find_parameter("补贴")->number == Rational(-50));
}

TEST_CASE("a parameter's min and max bound its default, the campaign's value and --set", "[load][range]") {
  const auto tpl = template_with_parameters("  折扣率: {type: percent, default: 80%, min: 10%, max: 100%}\n");
  auto e = error_of([&] { parse_template(template_with_parameters("  折扣率: {type: percent, default: 120%, min: 10%, max: 100%}\n"), "t.yaml"); });
  CHECK(e.code == "D096");
  CHECK(e.message == "parameter 折扣率 is 120%, above its maximum 100%");
  CHECK(e.hint == "the template allows 折扣率 up to 100% (line 5)");
  CHECK(parse_template(tpl, "t.yaml").find_parameter("折扣率")->max == Rational(1));
  Loader loader;
  e = error_of([&] { loader.parse(tpl, "t.yaml", ".", std::vector<Override>{{"开团", "2026-12-20T10:00"}, {"折扣率", "5%"}}); });
  CHECK(e.code == "D096");
  CHECK(where(e.where) == "<command line>:1:5");
  CHECK(e.message == "parameter 折扣率 is 5%, below its minimum 10%");
  CHECK(e.hint == "the template allows 折扣率 from 10% to 100% (line 5)");
}

TEST_CASE("min and max are numbers of the parameter's own type, min not above max", "[load][range]") {
  auto refusal = [](std::string_view parameters) {
    return error_of([&] { parse_template(template_with_parameters(parameters), "t.yaml"); });
  };
  auto e = refusal("  件数: {type: integer, min: 1.5}\n");
  CHECK(e.code == "D051");
  CHECK(e.message == "parameter 件数 is integer but its min '1.5' is not");
  e = refusal("  类目: {type: string, max: 3}\n");
  CHECK(e.code == "D096");
  CHECK(e.message == "parameter 类目 is string: max is for numbers");
  e = refusal("  件数: {type: integer, min: 10, max: 5}\n");
  CHECK(e.code == "D096");
  CHECK(where(e.where) == "t.yaml:5:37");
  CHECK(e.message == "parameter 件数: max 5 is below min 10");
}

TEST_CASE("names typed decomposed (NFD) are the same names as composed ones", "[load][nfc]") {
  // A role, a milestone and a parameter written composed in the template, decomposed in the
  // campaign and on the command line: é is e + U+0301, ë is e + U+0308, ガ is カ + U+3099.
  const std::string tpl =
      "dacu: 1\nkind: template\nname: x\nphases: [活动前]\ndepartments:\n  运营: {lead: Café主管, roles: [ガイド]}\n"
      "parameters:\n  M\u00ebnge: {type: integer, default: 1}\nmilestones:\n  Début: {}\n"
      "tasks:\n  - {name: a, department: 运营, owner: Café主管, phase: 活动前, start: Début前1天}\n";
  const std::string campaign =
      "dacu: 1\nkind: campaign\nname: c\nextends: ./t.yaml\nmilestones:\n  \"De\\u0301but\": 2026-12-20T10:00\n"
      "tasks:\n  add:\n    - {name: b, department: 运营, owner: \"\\u30AB\\u3099イド\", phase: 活动前, start: \"De\\u0301but前2天\"}\n"
      "    - {name: c, department: 运营, owner: \"Cafe\\u0301主管\", phase: 活动前, start: Début前3天}\n";
  auto dir = std::filesystem::temp_directory_path() / "dacu-nfc-test";
  std::filesystem::create_directories(dir);
  std::ofstream(dir / "t.yaml") << tpl;
  Loader loader;
  auto c = loader.parse(campaign, "c.yaml", dir, std::vector<Override>{parse_override("Me\u0308nge=3")});
  std::filesystem::remove_all(dir);
  CHECK(c.plan.find_milestone("Début")->given);
  CHECK(c.plan.find_parameter("M\u00ebnge")->value == "3");
  REQUIRE(c.plan.tasks.size() == 3);
  CHECK(c.plan.tasks[1].owner.value == "ガイド");
  CHECK(c.plan.tasks[2].owner.value == "Café主管");
}


// Issue 17: full-width forms and keyboard habits in typed values.

TEST_CASE("a percent parameter reads full-width digits and ％, and other types refuse ％ as they refuse %", "[load][fullwidth]") {
  const auto tpl = template_with_parameters("  售后占比: {type: percent, default: 10%}\n  系数: {type: number, default: 1.5}\n"
                                            "  件数: {type: integer, default: 5}\n");
  Loader loader;
  auto with = [&](std::string name, std::string value) {
    return loader.parse(tpl, "t.yaml", ".", std::vector<Override>{{"开团", "2026-12-20T10:00"}, {name, value}});
  };
  auto number = [&](std::string name, std::string value) { return *with(name, value).plan.find_parameter(name)->number; };
  CHECK(number("售后占比", "２０％") == Rational(1, 5));
  CHECK(number("售后占比", "20％") == Rational(1, 5));
  CHECK(number("售后占比", "２０．５％") == Rational(41, 200));
  CHECK(number("售后占比", "２０%") == Rational(1, 5));
  CHECK(number("系数", "１．５") == Rational(3, 2));
  // 150％ is a percentage, not the number 1.5: refused like 150%.
  for (std::string value : {"150%", "150％", "１５０％"}) {
    INFO(value);
    auto e = error_of([&] { with("系数", value); });
    CHECK(e.code == "D051");
    CHECK(e.message == fmt::format("parameter 系数 is number but '{}' is not", value));
  }
  for (std::string value : {"20", "２０"}) {
    auto e = error_of([&] { with("售后占比", value); });
    CHECK(e.code == "D051");
    CHECK(e.message == fmt::format("parameter 售后占比 is percent but '{}' is not", value));
  }
  auto e = error_of([&] { with("件数", "5％"); });
  CHECK(e.code == "D051");
  auto t = parse_template(template_with_parameters("  售后占比: {type: percent, default: ２０％}\n"), "t.yaml");
  CHECK(*t.find_parameter("售后占比")->number == Rational(1, 5));
}

TEST_CASE("a set override takes a full-width ＝ and spaces around the key and the value", "[load][fullwidth]") {
  CHECK(parse_override("团购价＝99") == Override{"团购价", "99"});
  CHECK(parse_override("开团 = 2026-12-21") == Override{"开团", "2026-12-21"});
  CHECK(parse_override("开团\u3000＝\u30002026-12-21\u3000") == Override{"开团", "2026-12-21"});
  CHECK(parse_override("\t件数=5000 ") == Override{"件数", "5000"});
  // The first = or ＝ splits: a value may hold either.
  CHECK(parse_override("备注=a＝b") == Override{"备注", "a＝b"});
  CHECK(parse_override("备注＝a=b") == Override{"备注", "a=b"});
  for (std::string text : {"＝99", " = 99", "团购价", "\u3000＝99"}) {
    INFO(text);
    auto e = error_of([&] { parse_override(text); });
    CHECK(e.code == "D050");
    CHECK(e.message == fmt::format("--set '{}' is not KEY=VALUE", text));
  }
  Loader loader;
  auto c = loader.parse(kCampaign, "c.yaml", ".", std::vector<Override>{parse_override("开团 = 2026-12-21T10:00"),
                                                                        parse_override("件数＝5000")});
  CHECK(c.plan.find_milestone("开团")->given->at == date::local_days{date::year{2026} / 12 / 21} + 10h);
  CHECK(c.plan.find_parameter("件数")->value == "5000");
}

TEST_CASE("a checkpoint's tolerance and plan read full-width forms and counts", "[load][fullwidth]") {
  auto checkpoint = [](std::string plan, std::string tolerance) {
    auto text = std::string(kTemplate);
    auto swap = [&](std::string_view from, const std::string& to) { text.replace(text.find(from), from.size(), to); };
    swap("plan: 300\n", "plan: " + plan + "\n");
    swap("tolerance: 20%\n", "tolerance: " + tolerance + "\n");
    return parse_template(text, "小团.yaml").checkpoints.at(0);
  };
  auto plan_of = [&](std::string plan) { return checkpoint(plan, "20%").plan->expr.value; };
  CHECK(*checkpoint("300", "２０％").tolerance == Rational(1, 5));
  CHECK(*checkpoint("300", "20％").tolerance == Rational(1, 5));
  CHECK(*checkpoint("300", "２．５%").tolerance == Rational(1, 40));
  CHECK(plan_of("３００") == Rational(300));
  CHECK(plan_of("3,000") == Rational(3000));
  CHECK(plan_of("3，000") == Rational(3000));
  CHECK(plan_of("1.2万") == Rational(12000));
  CHECK(plan_of("1.5") == Rational(3, 2));
  auto e = error_of([&] { checkpoint("300", "20"); });
  CHECK(e.code == "D051");
  CHECK(e.message == "tolerance '20' is not a percentage");
  e = error_of([&] { checkpoint("300", "－20%"); });
  CHECK(e.code == "D051");
  e = error_of([&] { checkpoint("3,00", "20%"); });
  CHECK(e.code == "D051");
  CHECK(e.message == "plan '3,00' is not a number or a formula: thousands separator in the wrong place");
  CHECK(e.hint == "group the digits in threes, as in 3,000");
  e = error_of([&] { checkpoint("－300", "20%"); });
  CHECK(e.code == "D051");
}


TEST_CASE("the section readers' messages come in Chinese too", "[load][messages]") {
  dacu::test::InChinese zh;
  auto e = error_of([] { parse_override("开团"); });
  CHECK(e.code == "D050");
  CHECK(e.message == "--set「开团」不是 KEY=VALUE 的形式");
  CHECK(e.hint == "写成 --set 开团=2026-12-20T10:00 这样");

  Loader loader;
  e = error_of([&] { loader.parse(campaign_with(11, "  drop: [年度聚划算品类规画]"), "c.yaml", "."); });
  CHECK(e.code == "D041");
  CHECK(e.message == "无法删除任务 年度聚划算品类规画：模板里没有这个任务");

  e = error_of([] {
    parse_template(template_with_parameters("  折扣率: {type: percent, default: 120%, min: 10%, max: 100%}\n"), "t.yaml");
  });
  CHECK(e.code == "D096");
  CHECK(e.message == "参数 折扣率 是 120%，高于上限 100%");
  CHECK(e.hint == "模板规定 折扣率 不超过 100%（第 5 行）");

  CHECK(message_in(Language::zh, "reader.the-change-to", {{"name", "开团跟进"}}) == "对「开团跟进」的修改");
  CHECK(message_in(Language::en, "reader.the-change-to", {{"name", "开团跟进"}}) == "the change to 开团跟进");
}
