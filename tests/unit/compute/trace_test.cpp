// Traceability: the `source:` grammar and the warnings of a library template (issue 20).
#include <catch2/catch.hpp>

#include "dacu/compute/trace.hpp"
#include "dacu/compute/validate.hpp"
#include "dacu/input/loader.hpp"

using namespace dacu;

namespace {

std::vector<SourcePart> parts(std::string_view text) {
  std::string problem;
  auto p = parse_source(text, problem);
  INFO(problem);
  REQUIRE(p);
  return *p;
}

std::string problem_of(std::string_view text) {
  std::string problem;
  auto p = parse_source(text, problem);
  CHECK_FALSE(p);
  return problem;
}

}  // namespace

TEST_CASE("a source names a seed, its section, table, rows and words") {
  auto p = parts("聚划算 §聚划算活动各部门事项及时间安排 表推广 行23 「开团后每半个小时跟进」");
  REQUIRE(p.size() == 1);
  CHECK_FALSE(p[0].assumption);
  CHECK(p[0].seed == "聚划算");
  CHECK(p[0].section == "聚划算活动各部门事项及时间安排");
  CHECK(p[0].table == "推广");
  CHECK(p[0].rows == "23");
  CHECK(p[0].quote == "开团后每半个小时跟进");
  CHECK(parts("订货宝 §5.8.2")[0].section == "5.8.2");
  CHECK(parts("双十一 §PartIII 行3-5")[0].rows == "3-5");
  CHECK(parts("双十一 §PartIII 行3、5")[0].rows == "3、5");
  // A quote may hold spaces and punctuation.
  CHECK(parts("聚划算 §活动规则 「挂上 聚划算的标志图片,悬挂一个月」")[0].quote == "挂上 聚划算的标志图片,悬挂一个月");
}

TEST_CASE("an assumption gives its reason and several sources are separated by ；") {
  for (auto text : {"assumption — 种子没有数字", "assumption: 种子没有数字", "假设——种子没有数字", "assumption - 种子没有数字"}) {
    auto p = parts(text);
    REQUIRE(p.size() == 1);
    CHECK(p[0].assumption);
    CHECK(p[0].reason == "种子没有数字");
  }
  auto both = parts("聚划算 §ROI分析 「费用占比8.5%左右」；assumption — 合计照录");
  REQUIRE(both.size() == 2);
  CHECK(both[0].seed == "聚划算");
  CHECK(both[1].assumption);
}

TEST_CASE("sources that do not read say why") {
  CHECK(problem_of("assumption") == "an assumption needs its reason");
  CHECK(problem_of("聚划算 活动后期") == "no §SECTION");
  CHECK(problem_of("§活动后期") == "one seed name, without spaces, before §");
  CHECK(problem_of("聚划算 §活动后期 「恢复零售价") == "the quote goes last, once, inside 「」");
  CHECK(problem_of("聚划算 §活动后期 行五") == "行五 is not a row number (行5, 行5-7, 行5、7)");
  CHECK(problem_of("聚划算 §活动后期 第二行") == "「第二行」 is unexpected: after the section come only 表…, 行… and 「quote」");
}

TEST_CASE("only a template that declares seeds: must trace its elements") {
  auto text = std::string(R"(dacu: 1
kind: template
name: t
departments: {推广: {lead: 推广主管}}
milestones:
  开团: {default: 2026-12-18T10:00, source: "s §开团"}
parameters:
  件数: {type: integer, default: 2000}
tasks:
  - {name: a, department: 推广, owner: 推广主管, phase: 活动前, start: 开团前1天, source: "assumption — 示例"}
  - {name: b, department: 推广, owner: 推广主管, phase: 活动前, start: 开团前1天}
)");
  Loader loader;
  auto plain = loader.parse(text, "t.yaml", ".");
  CHECK(check_trace(plain.plan).empty());
  auto library = loader.parse(text + "seeds: {s: seeds/s.txt}\n", "t.yaml", ".");
  auto found = check_trace(library.plan);
  REQUIRE(found.size() == 2);  // 件数 and b
  CHECK(found[0].code == "D107");
  CHECK(found[0].where.line == 8);
  CHECK(found[1].where.line == 11);
  auto items = trace_items(library.plan);
  CHECK(items.size() == 4);
}

TEST_CASE("every built-in template is a library template") {
  for (const auto& name : builtin_template_names()) {
    Loader loader;
    INFO(name);
    CHECK_FALSE(loader.builtin(name)->seeds.empty());
  }
}
