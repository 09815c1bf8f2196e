// Chinese-keyboard slips: a full-width colon, comma, bracket, quote, digit or space typed where YAML's
// structure or a date or number needs ASCII, and `key:value` without the space. Each is named where
// it was typed, with the line as it should be; Chinese text in values is left alone.

#include "dacu/input/slips.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "support.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/yaml.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

// A campaign on the built-in 聚划算 with `body` from line 6 on.
std::string campaign(std::string_view body) {
  return std::string("dacu: 1\nkind: campaign\nname: 测试活动\nextends: 聚划算\n") +  // lines 1-4
         "milestones:\n" + std::string(body);                                             // 5, 6…
}

Diagnostic refusal(const std::string& text) {
  return error_of([&] {
    Loader loader;
    (void)loader.parse(text, "c.yaml", ".");
  });
}

void loads(const std::string& text) {
  Loader loader;
  CHECK_NOTHROW(loader.parse(text, "c.yaml", "."));
}

std::string shown(const Diagnostic& d) { return fmt::format("{} {} {} | {}", d.code, where(d.where), d.message, d.hint); }

}  // namespace

TEST_CASE("a full-width colon after a milestone is named where it was typed, not lines later", "[slips]") {
  auto d = refusal(campaign("  报名: 2026-11-20T10:00\n  开团：2026-12-20T10:00\nparameters:\n  团购价: 129\n"));
  CHECK(shown(d) == "D018 c.yaml:7:5 full-width colon '：' (U+FF1A) after the key '开团' | "
                    "write an ASCII colon and a space: 开团: 2026-12-20T10:00");
}

TEST_CASE("a full-width colon on the first, the last or the only entry of a mapping", "[slips]") {
  auto first = refusal(campaign("  开团: 2026-12-20T10:00\nparameters:\n  团购价：129\n  件数: 3000\n"));
  CHECK(shown(first) == "D018 c.yaml:8:6 full-width colon '：' (U+FF1A) after the key '团购价' | "
                        "write an ASCII colon and a space: 团购价: 129");
  auto last = refusal(campaign("  开团: 2026-12-20T10:00\nparameters:\n  团购价: 129\n  进货价：52\n"));
  CHECK(shown(last) == "D018 c.yaml:9:6 full-width colon '：' (U+FF1A) after the key '进货价' | "
                       "write an ASCII colon and a space: 进货价: 52");
  auto only = refusal(campaign("  开团：2026-12-20T10:00\nparameters:\n  团购价: 129\n"));
  CHECK(shown(only) == "D018 c.yaml:6:5 full-width colon '：' (U+FF1A) after the key '开团' | "
                       "write an ASCII colon and a space: 开团: 2026-12-20T10:00");
  auto two = refusal(campaign("  报名：2026-11-20T10:00\n  开团：2026-12-20T10:00\n"));
  CHECK(shown(two) == "D018 c.yaml:6:5 full-width colon '：' (U+FF1A) after the key '报名' | "
                      "write an ASCII colon and a space: 报名: 2026-11-20T10:00");
}

TEST_CASE("where yaml-cpp fails after a slip that has no entries beside it, the slip is named", "[slips]") {
  auto d = refusal(campaign("  开团: 2026-12-20T10:00\nparameters:\n  团购价：129\n    件数: 3000\n"));
  CHECK(shown(d) == "D018 c.yaml:8:6 full-width colon '：' (U+FF1A) after the key '团购价' | "
                    "write an ASCII colon and a space: 团购价: 129");
  // dacu init's file: the entries between are comments; the first slip is named, without the comment.
  auto init = refusal(campaign("  开团: 2026-12-20T10:00\nparameters:\n  团购价：129  # 元\n  # 件数: 2000\n  进货价：52  # 元\n"));
  CHECK(shown(init) == "D018 c.yaml:8:6 full-width colon '：' (U+FF1A) after the key '团购价' | "
                       "write an ASCII colon and a space: 团购价: 129");
  auto quote = refusal(campaign("  开团: 2026-12-20T10:00\ndescription: ＂注意: 请于10点前发货\n"));
  CHECK(shown(quote) == "D018 c.yaml:7:14 full-width quotation mark '＂' (U+FF02) around the value | "
                        "write ASCII quotation marks: description: \"注意: 请于10点前发货");
}

TEST_CASE("a full-width semicolon, the colon's key without shift, is named too", "[slips]") {
  auto d = refusal(campaign("  报名: 2026-11-20T10:00\n  开团；2026-12-20T10:00\n"));
  CHECK(shown(d) == "D018 c.yaml:7:5 full-width semicolon '；' (U+FF1B) after the key '开团' | "
                    "write an ASCII colon and a space: 开团: 2026-12-20T10:00");
}

TEST_CASE("a full-width colon in a nested key of a list item", "[slips]") {
  auto d = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  add:\n    - name: 新任务\n      department：运营\n"
                            "      owner: 运营主管\n      phase: 活动前\n      start: 开团前3天\n"));
  CHECK(shown(d) == "D018 c.yaml:10:17 full-width colon '：' (U+FF1A) after the key 'department' | "
                    "write an ASCII colon and a space: department: 运营");
  auto dash = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  add:\n    - name：新任务\n      department: 运营\n"));
  CHECK(shown(dash) == "D018 c.yaml:9:11 full-width colon '：' (U+FF1A) after the key 'name' | "
                       "write an ASCII colon and a space: - name: 新任务");
}

TEST_CASE("a missing space after a key's colon", "[slips]") {
  auto d = refusal(campaign("  开团: 2026-12-20T10:00\nparameters:\n  团购价:129\n  件数: 3000\n"));
  CHECK(shown(d) == "D019 c.yaml:8:6 no space after the colon of '团购价' | write a space after the colon: 团购价: 129");
  auto only = refusal(campaign("  开团: 2026-12-20T10:00\nparameters:\n  团购价:129\n"));
  CHECK(shown(only) == "D019 c.yaml:8:6 no space after the colon of '团购价' | write a space after the colon: 团购价: 129");
  auto flow = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  add:\n    - {name:新任务, department: 运营}\n"));
  CHECK(shown(flow) == "D019 c.yaml:9:12 no space after the colon of 'name' | "
                       "write a space after the colon: - {name: 新任务, department: 运营}");
}

TEST_CASE("full-width commas, brackets, braces and quotes in flow structure", "[slips]") {
  auto comma = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  add:\n"
                                "    - {name: 新任务，department: 运营, owner: 运营主管, phase: 活动前, start: 开团前3天}\n"));
  CHECK(shown(comma) == "D018 c.yaml:9:17 full-width comma '，' (U+FF0C) between the entries of a flow mapping | "
                        "write an ASCII comma and a space: - {name: 新任务, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前3天}");
  auto text = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  add:\n    - {note: 包邮，每件6.5元, name: 新任务；department: 运营}\n"));
  CHECK(shown(text) == "D018 c.yaml:9:34 full-width semicolon '；' (U+FF1B) between the entries of a flow mapping | "
                       "write an ASCII comma and a space: - {note: 包邮，每件6.5元, name: 新任务, department: 运营}");
  auto colon = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  add:\n    - {name：新任务, department: 运营}\n"));
  CHECK(shown(colon) == "D018 c.yaml:9:12 full-width colon '：' (U+FF1A) after the key 'name' | "
                        "write an ASCII colon and a space: - {name: 新任务, department: 运营}");
  auto brackets = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  drop: ［年度聚划算品类规划，聚划算活动报名］\n"));
  CHECK(shown(brackets) == "D018 c.yaml:8:9 full-width bracket '［' (U+FF3B) around the value | "
                           "write ASCII brackets and commas: drop: [年度聚划算品类规划, 聚划算活动报名]");
  auto braces = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  change: ｛聚划算活动报名: {owner: 推广主管}｝\n"));
  CHECK(shown(braces) == "D018 c.yaml:8:11 full-width brace '｛' (U+FF5B) around the value | "
                         "write ASCII braces and commas: change: {聚划算活动报名: {owner: 推广主管}}");
  auto quote = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  add:\n    - {name: ＂新任务＂, department: 运营}\n"));
  CHECK(shown(quote) == "D018 c.yaml:9:14 full-width quotation mark '＂' (U+FF02) around the value | "
                        "write ASCII quotation marks: - {name: \"新任务\", department: 运营}");
}

TEST_CASE("an ideographic space in the indentation", "[slips]") {
  auto d = refusal(campaign("  报名: 2026-11-20T10:00\n\u3000开团: 2026-12-20T10:00\n"));
  CHECK(shown(d) == "D018 c.yaml:7:1 ideographic space '\u3000' (U+3000) in the indentation | "
                    "indent with ASCII spaces only, lined up with the lines around it: `  开团: 2026-12-20T10:00`");
}

TEST_CASE("a full-width form the value grammars do not read is named with the ASCII form", "[slips]") {
  // Full-width digits and colons are read (base/numbers fold_fullwidth): these load.
  loads(campaign("  开团: ２０２６-12-20T10:00\n"));
  loads(campaign("  开团: 2026-12-20T10：00\nparameters:\n  团购价: １２９\n"));
  auto date = refusal(campaign("  开团: ２０２６-12-20Ｔ10:00\n"));
  CHECK(shown(date) == "D007 c.yaml:6:17 开团: '２０２６-12-20Ｔ10:00' is typed with a full-width character 'Ｔ' (U+FF34) | "
                       "write it in ASCII (half-width, 半角): 2026-12-20T10:00");
  // Only full-width digits, but no such day: the date's own error, not D007.
  auto month = refusal(campaign("  开团: ２０２６-13-20T10:00\n"));
  CHECK(month.code == "D020");
}

TEST_CASE("Chinese text in values, quoted values, comments and block scalars are not slips", "[slips]") {
  loads(campaign("  开团: 2026-12-20T10:00   # 注意：10点开团\n"
                 "description: 注意：请于10点前发货\n"
                 "notes:\n"
                 "  - 注意：请于10点前发货\n"
                 "  - \"引号里：也是文字\"\n"
                 "  - |\n"
                 "    块：文字\n"
                 "    第二行：文字\n"
                 "  - 链接 https://example.com/a:b 与时间 10:00\n"
                 "  - ＂双十一＂和＂双十二＂\n"
                 "  - ［重要］先看这里\n"
                 "tasks:\n"
                 "  add:\n"
                 "    - name: 新任务\n"
                 "      department: 运营\n"
                 "      owner: 运营主管\n"
                 "      phase: 活动前\n"
                 "      start: 开团前3天\n"
                 "      note: 注意：请于10点前发货，包邮\n"
                 "    - {name: 另一个任务, department: 运营, owner: 运营主管, phase: 活动前, start: 开团前2天, note: 包邮，每件6.5元：含税}\n"
                 "    - name: 第三个任务\n"
                 "      department:\t运营\n"
                 "      owner: 运营主管\n"
                 "      phase: 活动前\n"
                 "      start: \"开团前1天\"\n"
                 "      note: >\n"
                 "        备注：文字\n"
                 "        time:10:00\n"));
}

TEST_CASE("a list of text items beside a list of entries is not a slip", "[slips]") {
  auto root = yaml::parse("notes:\n  - a: b\n  - 注意：请于10点前发货\n  - 10:00\n", "t.yaml").root;
  CHECK(root.val(0).children.size() == 3);
}

TEST_CASE("to_ascii writes full-width forms in ASCII", "[slips]") {
  CHECK(slips::to_ascii("２０２６－１２－２０\u3000１０：００") == "2026-12-20 10:00");
  CHECK(slips::to_ascii("a，b") == "a, b");
  CHECK(slips::to_ascii("开团") == "开团");
}

TEST_CASE("a long line of full-width openers is scanned once, not once per opener", "[slips]") {
  // 80,000 openers on one line: a scan that searches the rest of the line from each of them (for
  // its closing mark or a comment) does 80,000 × 480 KB of work, minutes; a linear one, milliseconds.
  std::string head = "dacu: 1\nkind: campaign\nname: t\nextends: 聚划算\nmilestones:\n  报名: 2026-11-20T10:00\n";
  for (std::string_view opener : {"［a, ", "｛a, "}) {
    for (std::string_view tail : {"}\n", " #］｝\n"}) {
      std::string line = "x: {";
      for (int i = 0; i < 80000; ++i) line += opener;
      auto source = make_source("q.yaml", head + line + std::string(tail));
      CHECK_NOTHROW(slips::check_lines(source));
      CHECK_FALSE(slips::near_failure(source, 6).has_value());
    }
  }
}

TEST_CASE("a multi-line value after an anchor, a tag or extra spaces is text, not keys", "[slips]") {
  auto base = std::string("  开团: 2026-12-20T10:00\n");
  loads(campaign(base + "description: &a |\n  注意：x\n  备注: y\n"));
  loads(campaign(base + "description: ! |\n  注意：x\n  备注: y\n"));
  loads(campaign(base + "description: !!str |\n  注意：x\n  备注: y\n"));
  loads(campaign(base + "description: !!str \"a\n  注意：x\n  备注: y\"\n"));
  loads(campaign(base + "notes: &x [a,\n  注意：x,\n  备注: y]\n"));
  loads(campaign(base + "notes:\n  -   |\n    注意：x\n    备注: y\n"));
}

TEST_CASE("the continuation of a multi-line plain value is text: yaml-cpp's error is on its own line", "[slips]") {
  auto base = std::string("  开团: 2026-12-20T10:00\n");
  auto below = refusal(campaign(base + "description:\n  注意：x\n  下一行\nnotes: - a\n"));
  CHECK(below.code == "D001");
  CHECK(below.where.line == 10);
  auto beside = refusal(campaign(base + "description: 第一行\n  注意：x\nnotes: a: b\n"));
  CHECK(beside.code == "D001");
  CHECK(beside.where.line == 9);
  // Lines that cannot be one value (an entry among them) are still looked at.
  auto entries = refusal(campaign(base + "parameters:\n  团购价：129\n  进货价：52\n  件数: 3000\n"));
  CHECK(shown(entries) == "D018 c.yaml:8:6 full-width colon '：' (U+FF1A) after the key '团购价' | "
                          "write an ASCII colon and a space: 团购价: 129");
}

TEST_CASE("the indentation hint shows the line indented like its siblings", "[slips]") {
  auto two = refusal(campaign("  报名: 2026-11-20T10:00\n\u3000\u3000开团: 2026-12-20T10:00\n"));
  CHECK(two.hint == "indent with ASCII spaces only, lined up with the lines around it: `  开团: 2026-12-20T10:00`");
  auto four = refusal(campaign("    报名: 2026-11-20T10:00\n\u3000开团: 2026-12-20T10:00\n"));
  CHECK(four.hint == "indent with ASCII spaces only, lined up with the lines around it: `    开团: 2026-12-20T10:00`");
  auto first = refusal(campaign("\u3000报名: 2026-11-20T10:00\n   开团: 2026-12-20T10:00\n"));
  CHECK(first.hint == "indent with ASCII spaces only, lined up with the lines around it: `   报名: 2026-11-20T10:00`");
}

TEST_CASE("a full-width colon after the outer key of a one-line flow mapping", "[slips]") {
  auto d = refusal(campaign("  开团: 2026-12-20T10:00\ntasks:\n  change: {年度聚划算品类规划：{owner: 推广主管}}\n"));
  CHECK(shown(d) == "D018 c.yaml:8:21 full-width colon '：' (U+FF1A) after the key '年度聚划算品类规划' | "
                    "write an ASCII colon and a space: change: {年度聚划算品类规划: {owner: 推广主管}}");
}

TEST_CASE("D007 names the column of the source, past a quoted value's escapes", "[slips]") {
  auto escaped = refusal(campaign("  开团: \"\\x322026-12-20Ｔ10:00\"\n"));
  CHECK(where(escaped.where) == "c.yaml:6:22");
  auto doubled = refusal(campaign("  开团: '2026-12-''20Ｔ10:00'\n"));
  CHECK(where(doubled.where) == "c.yaml:6:20");
}

TEST_CASE("has_structure_mark finds the full-width marks the scanner reads as YAML structure", "[slips]") {
  CHECK(slips::has_structure_mark("目标梳理：提升效率"));
  CHECK(slips::has_structure_mark("回访，打分"));
  CHECK(slips::has_structure_mark("［重要］"));
  CHECK_FALSE(slips::has_structure_mark("按订单发货"));
  CHECK_FALSE(slips::has_structure_mark("聚划算活动报名（单品）"));
  CHECK_FALSE(slips::has_structure_mark("a: b"));  // ASCII is yaml_value's own check
}
