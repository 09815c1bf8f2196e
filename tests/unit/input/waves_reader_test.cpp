// Waves (多波次): the `waves:` section of a template and a campaign, and the one expansion of
// per-wave milestones, tasks and checkpoints into ordinary ones (第一波 · 尾款催付).

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <unistd.h>

#include "support.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/plan/planning.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

constexpr std::string_view kTemplate =
    "dacu: 1\n"                                                                  // 1
    "kind: template\n"                                                           // 2
    "name: 两波\n"                                                               // 3
    "phases: [活动前, 活动中]\n"                                                 // 4
    "parameters:\n"                                                              // 5
    "  件数: {type: integer, default: 1000}\n"                                   // 6
    "milestones:\n"                                                              // 7
    "  开售: {default: 2026-11-11T00:00}\n"                                      // 8
    "waves:\n"                                                                   // 9
    "  milestones:\n"                                                            // 10
    "    定金开始: {time: \"20:00\"}\n"                                          // 11
    "    尾款开始: {time: \"20:00\"}\n"                                          // 12
    "    尾款结束: {at: 尾款开始后2天}\n"                                        // 13
    "  parameters:\n"                                                            // 14
    "    件数占比: {type: percent, default: 50%, total: 100%}\n"                 // 15
    "  default:\n"                                                               // 16
    "    - {name: 第一波, 定金开始: 2026-10-20, 尾款开始: 2026-10-31, 件数占比: 40%}\n"  // 17
    "    - {name: 第二波, 定金开始: 2026-11-01, 尾款开始: 2026-11-11T00:00, 件数占比: 60%}\n"  // 18
    "tasks:\n"                                                                   // 19
    "  - {name: 尾款催付, wave: each, department: 客服, owner: 客服主管, phase: 活动中, start: 尾款开始当天10:00}\n"  // 20
    "  - {name: 首波复盘, department: 运营, owner: 运营主管, phase: 活动中, start: 第一波 · 尾款结束后1天}\n"  // 21
    "checkpoints:\n"                                                             // 22
    "  - {name: 尾款支付, wave: each, at: 尾款结束, metric: 支付笔数, plan: 件数 * 件数占比}\n";  // 23

const Milestone& milestone(const Template& t, std::string_view name) {
  const auto* m = t.find_milestone(name);
  if (!m) FAIL("no milestone " << name);
  return *m;
}

date::local_seconds local_minutes(int y, unsigned m, unsigned d, int h, int min) {
  return date::local_days{date::year{y} / m / d} + std::chrono::hours{h} + std::chrono::minutes{min};
}

struct TempDir {
  // One folder per process: ctest runs these test cases in parallel, and one's destructor must
  // not remove the template another is reading.
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("dacu-waves-test-" + std::to_string(::getpid()));
  TempDir() {
    std::filesystem::create_directories(path);
    std::ofstream(path / "两波.yaml", std::ios::binary) << kTemplate;
  }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("a template's default waves expand into ordinary milestones, tasks and checkpoints", "[waves]") {
  Loader loader;
  auto c = loader.parse(kTemplate, "两波.yaml", ".");
  const auto& t = c.plan;
  REQUIRE(t.waves.waves.size() == 2);
  CHECK(t.waves.milestone_names == std::vector<std::string>{"定金开始", "尾款开始", "尾款结束"});
  CHECK(t.waves.parameter_names == std::vector<std::string>{"件数占比"});
  // A date alone takes the per-wave milestone's time of day.
  CHECK(milestone(t, "第一波 · 尾款开始").given->at == local_minutes(2026, 10, 31, 20, 0));
  CHECK(milestone(t, "第一波 · 尾款开始").wave == "第一波");
  // `at:` naming a per-wave milestone unqualified binds to the same wave's.
  CHECK(milestone(t, "第二波 · 尾款结束").derived->anchor == "第二波 · 尾款开始");
  // The per-wave parameter is an ordinary parameter (its default is the campaign-wide value); each
  // wave's own value is laid over it by numbers_in_wave.
  CHECK(t.find_parameter("件数占比"));
  CHECK(numbers_in_wave(t.parameter_numbers(), t.waves.waves[0]).at("件数占比") == Rational(2, 5));
  std::vector<std::string> tasks;
  for (const auto& task : t.tasks) tasks.push_back(task.name);
  CHECK(tasks == std::vector<std::string>{"第一波 · 尾款催付", "第二波 · 尾款催付", "首波复盘"});
  CHECK(t.tasks[1].start.anchor == "第二波 · 尾款开始");
  CHECK(t.tasks[1].wave == "第二波");
  CHECK_FALSE(t.tasks[1].each_wave);
  CHECK(t.tasks[2].wave.empty());
  REQUIRE(t.checkpoints.size() == 2);
  CHECK(t.checkpoints[0].name == "第一波 · 尾款支付");
  CHECK(t.checkpoints[0].at.anchor == "第一波 · 尾款结束");

  // The plan dates them like any other.
  auto plan = plan_campaign(c);
  for (const auto& task : plan.tasks) {
    if (task.name == "第二波 · 尾款催付") CHECK(task.start.iso() == "2026-11-11T10:00:00+08:00");
    if (task.name == "首波复盘") CHECK(task.first_day == date::local_days{date::year{2026} / 11 / 3});
  }
}

TEST_CASE("a campaign's waves replace the template's, and one wave works", "[waves]") {
  TempDir dir;
  Loader loader;
  auto c = loader.parse(
      "dacu: 1\nkind: campaign\nname: 一波\nextends: ./两波.yaml\n"
      "waves:\n  - {name: 主波, 定金开始: 2026-10-24, 尾款开始: 2026-11-10 20:00, 件数占比: 100%}\n"
      "tasks:\n  drop: [首波复盘]\n",
      "c.yaml", dir.path);
  const auto& t = c.plan;
  REQUIRE(t.waves.waves.size() == 1);
  CHECK(t.find_milestone("主波 · 尾款开始"));
  CHECK_FALSE(t.find_milestone("第一波 · 尾款开始"));
  REQUIRE(t.tasks.size() == 1);
  CHECK(t.tasks[0].name == "主波 · 尾款催付");
  // A campaign with no waves: takes the template's.
  auto d = loader.parse("dacu: 1\nkind: campaign\nname: 默认\nextends: ./两波.yaml\n", "d.yaml", dir.path);
  CHECK(d.plan.waves.waves.size() == 2);
  CHECK(d.plan.tasks.size() == 3);
  // --set reaches a wave's milestone by its full name.
  std::vector<Override> set{{"第一波 · 尾款开始", "2026-11-01 20:00"}};
  auto e = loader.parse("dacu: 1\nkind: campaign\nname: 默认\nextends: ./两波.yaml\n", "e.yaml", dir.path, set);
  CHECK(e.plan.find_milestone("第一波 · 尾款开始")->given->at == local_minutes(2026, 11, 1, 20, 0));
}

TEST_CASE("located errors in waves", "[waves]") {
  TempDir dir;
  Loader loader;
  auto campaign = [&](std::string waves) {
    return error_of([&] {
      loader.parse(fmt::format("dacu: 1\nkind: campaign\nname: 试\nextends: ./两波.yaml\nwaves:\n{}", waves), "c.yaml", dir.path);
    });
  };
  auto e = campaign("  - {name: 第一波, 尾款开使: 2026-10-31}\n");
  CHECK(e.code == "D120");
  CHECK(where(e.where) == "c.yaml:6:17");
  CHECK_THAT(e.hint, Catch::Contains("尾款开始"));
  e = campaign("  - {name: 甲, 件数占比: 50%}\n  - {name: 甲, 件数占比: 50%}\n");
  CHECK(e.code == "D121");
  CHECK(where(e.where) == "c.yaml:7:12");
  e = campaign("  - {name: 第一波, 件数占比: 30%}\n  - {name: 第二波, 件数占比: 30%}\n");
  CHECK(e.code == "D130");
  CHECK(e.message == "the waves' 「件数占比」 add up to 60%, not 100%");
  // The template's 首波复盘 names 第一波, which this campaign does not run.
  e = campaign("  - {name: 主波, 件数占比: 100%}\n");
  CHECK(e.code == "D124");
  CHECK_THAT(where(e.where), Catch::EndsWith("两波.yaml:21:66"));  // the template's `start:` value
  CHECK_THAT(e.message, Catch::Contains("第一波 · 尾款结束"));
  e = campaign("  []\n");
  CHECK(e.code == "D125");
  e = error_of([&] {
    loader.parse(std::string(kTemplate).replace(std::string(kTemplate).find("wave: each"), 10, "wave: all "), "t.yaml", ".");
  });
  CHECK(e.code == "D123");
}

TEST_CASE("overlapping 尾款 windows pass when declared, and each wave ships by its own deadline", "[waves]") {
  TempDir dir;
  Loader loader;
  // 第二波's 尾款 (from 11-01 20:00) opens before 第一波's ends (尾款开始后2天: 11-02).
  auto text = [](std::string_view overlaps) {
    return fmt::format(
        "dacu: 1\nkind: campaign\nname: 叠\nextends: ./两波.yaml\nwaves:\n"
        "  - {{name: 第一波, 定金开始: 2026-10-20, 尾款开始: 2026-10-31, 件数占比: 40%}}\n"
        "  - {{name: 第二波, 定金开始: 2026-10-25, 尾款开始: 2026-11-01, 件数占比: 60%{}}}\n",
        overlaps);
  };
  auto e = error_of([&] { plan_campaign(loader.parse(text(""), "c.yaml", dir.path)); });
  CHECK(e.code == "D129");
  CHECK(where(e.where) == "c.yaml:7:41");
  auto plan = plan_campaign(loader.parse(text(", overlaps: [第一波]"), "c.yaml", dir.path));
  // The template declares no 发货截止 and no ship_within: no per-wave shipping deadline.
  CHECK(plan.deadlines.empty());
}

TEST_CASE("the built-in 双十一预售 gives each wave its 发货截止 among the platform deadlines", "[waves]") {
  Loader loader;
  auto plan = plan_campaign(loader.parse("dacu: 1\nkind: campaign\nname: 默认两波\nextends: 双十一预售\n", "c.yaml", "."));
  REQUIRE(plan.deadlines.size() == 2);
  CHECK(plan.deadlines[0].name == "第一波 · 发货截止");
  CHECK(plan.deadlines[0].wave == "第一波");
  // From the wave's 尾款开始 (10-31 20:00) to its 发货截止: 尾款结束 (11-03 23:59) + 7 days.
  CHECK(plan.deadlines[0].first_day == date::local_days{date::year{2026} / 10 / 31});
  CHECK(plan.deadlines[0].last_day == date::local_days{date::year{2026} / 11 / 10});
  CHECK(plan.deadlines[1].name == "第二波 · 发货截止");
  CHECK(plan.deadlines[1].last_day == date::local_days{date::year{2026} / 11 / 21});
}
