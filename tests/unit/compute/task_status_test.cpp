#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dacu/compute/task_status.hpp"
#include "dacu/input/status_reader.hpp"
#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

date::local_days day(int d) { return date::local_days{date::year{2026} / 12 / d}; }
date::local_seconds at(int d, int hour, int minute = 0) {
  return date::local_seconds{day(d)} + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

DatedTask all_day(std::string name, std::string owner, int first, int last) {
  DatedTask t;
  t.name = std::move(name);
  t.owner = std::move(owner);
  t.first_day = day(first);
  t.last_day = day(last);
  t.start = {date::local_seconds{day(first)}, std::chrono::hours(8)};
  t.end = {date::local_seconds{day(last + 1)}, std::chrono::hours(8)};
  return t;
}

DatedTask timed(std::string name, std::string owner, date::local_seconds start, date::local_seconds end, std::string series = "") {
  DatedTask t;
  t.name = std::move(name);
  t.owner = std::move(owner);
  t.all_day = false;
  t.start = {start, std::chrono::hours(8)};
  t.end = {end, std::chrono::hours(8)};
  t.first_day = date::floor<date::days>(start);
  t.last_day = date::floor<date::days>(end);
  t.series = std::move(series);
  return t;
}

Plan sample_plan() {
  Plan plan;
  plan.timezone = "Asia/Shanghai";
  plan.tasks = {all_day("确认报名资质", "运营主管", 10, 12), all_day("主图设计", "美工主管", 15, 18),
                all_day("详情页设计", "美工主管", 16, 19), timed("短信预热", "推广主管", at(19, 15), at(19, 17)),
                timed("开团跟进 10:30", "运营主管", at(20, 10, 30), at(20, 10, 30), "开团跟进"),
                timed("开团跟进 11:00", "运营主管", at(20, 11), at(20, 11), "开团跟进"), all_day("对账与发票", "运营主管", 25, 25)};
  return plan;
}

}  // namespace

TEST_CASE("Status rows: the four states and the variants a shop types") {
  CHECK(parse_task_state("已完成") == TaskState::done);
  CHECK(parse_task_state(" 完成 ") == TaskState::done);
  CHECK(parse_task_state("已取消") == TaskState::cancelled);
  CHECK(parse_task_state("待办") == TaskState::not_started);
  CHECK(parse_task_state("In Progress") == TaskState::in_progress);
  CHECK(parse_task_state("in_progress") == TaskState::in_progress);
  CHECK_FALSE(parse_task_state("搞定了吗"));
}

TEST_CASE("A status file reads UTF-8 with a BOM and GBK alike") {
  std::string text = "任务,状态,负责人,时间,备注\n主图设计,已完成,美工主管,2026-12-17 18:00,终稿\n";
  auto utf8 = read_status("\xEF\xBB\xBF" + text, "s.csv");
  REQUIRE(utf8.rows.size() == 1);
  CHECK(utf8.rows[0].task == "主图设计");
  CHECK(utf8.rows[0].state == TaskState::done);
  CHECK(utf8.rows[0].at == at(17, 18));
  CHECK(utf8.rows[0].note == "终稿");
  // 任务,状态,时间 / 主图设计,完成,2026-12-17 in GBK, no owner or note column.
  std::string gbk = "\xC8\xCE\xCE\xF1,\xD7\xB4\xCC\xAC,\xCA\xB1\xBC\xE4\n\xD6\xF7\xCD\xBC\xC9\xE8\xBC\xC6,\xCD\xEA\xB3\xC9,2026-12-17\n";
  auto file = read_status(gbk, "g.csv");
  REQUIRE(file.rows.size() == 1);
  CHECK(file.rows[0] == StatusRow{"主图设计", TaskState::done, "", date::local_seconds{day(17)}, true, "", {}, 0, 0});
}

TEST_CASE("Bad status rows are located, with hints") {
  auto state = error_of([] { read_status("任务,状态,时间\n主图设计,搞定,2026-12-17 18:00\n", "s.csv"); });
  CHECK(state.code == "D461");
  CHECK(where(state.where) == "s.csv:2:6");
  auto time = error_of([] { read_status("任务,状态,时间\n主图设计,完成,18:00\n", "s.csv"); });
  CHECK(time.code == "D462");
  CHECK(time.key == "D462.time-only");
  CHECK(where(time.where) == "s.csv:2:9");
  auto bad = error_of([] { read_status("任务,状态,时间\n主图设计,完成,12/17/2026\n", "s.csv"); });
  CHECK(bad.key == "D462");
  auto empty = error_of([] { read_status("任务,状态,时间\n,完成,2026-12-17\n", "s.csv"); });
  CHECK(empty.code == "D463");
  auto column = error_of([] { read_status("任务,状况,时间\n主图设计,完成,2026-12-17\n", "s.csv"); });
  CHECK(column.code == "D343");
}

TEST_CASE("Unknown task names: D460 at the cell, with the closest name") {
  auto plan = sample_plan();
  std::vector<StatusFile> files{read_status("任务,状态,时间\n主图设记,完成,2026-12-17\n", "s.csv")};
  auto d = error_of([&] { status_book(plan, files); });
  CHECK(d.code == "D460");
  CHECK(where(d.where) == "s.csv:2:1");
  CHECK(d.hint.find("主图设计") != std::string::npos);
}

TEST_CASE("The latest 时间 wins, on a tie the later file, then the later row") {
  auto plan = sample_plan();
  std::vector<StatusFile> files{
      read_status("任务,状态,时间\n主图设计,已完成,2026-12-17 18:00\n主图设计,进行中,2026-12-16 09:00\n"
                  "详情页设计,进行中,2026-12-17 10:00\n详情页设计,已完成,2026-12-17 10:00\n",
                  "a.csv", TextEncoding::automatic, 0),
      read_status("任务,状态,时间\n详情页设计,未开始,2026-12-17 10:00\n", "b.csv", TextEncoding::automatic, 1)};
  auto book = status_book(plan, files);
  REQUIRE(book.find("主图设计"));
  CHECK(book.find("主图设计")->state == TaskState::done);      // the later time, though an earlier row
  CHECK(book.find("详情页设计")->state == TaskState::not_started);  // tie: the later file
  // As of the 16th noon, the 17th's rows are not known yet.
  auto earlier = status_book(plan, files, at(16, 12));
  CHECK(earlier.find("主图设计")->state == TaskState::in_progress);
  CHECK_FALSE(earlier.find("详情页设计"));
  files.pop_back();
  CHECK(status_book(plan, files).find("详情页设计")->state == TaskState::done);  // tie: the later row
}

TEST_CASE("A file without 时间: rows without time, older than any timed row, then by file and row") {
  auto plan = sample_plan();
  auto untimed = read_status("任务,状态,负责人\n主图设计,已完成,美工主管\n详情页设计,已完成,美工主管\n详情页设计,进行中,美工主管\n",
                             "清单.csv", TextEncoding::automatic, 1);
  REQUIRE(untimed.rows.size() == 3);
  CHECK(untimed.rows[0].untimed);
  CHECK(untimed.rows[0].owner == "美工主管");
  // The timed row is in the earlier file and older than nothing: it still wins over no time.
  std::vector<StatusFile> files{read_status("任务,状态,时间\n主图设计,进行中,2026-12-01 09:00\n", "a.csv", TextEncoding::automatic, 0),
                                untimed};
  auto book = status_book(plan, files);
  CHECK(book.find("主图设计")->state == TaskState::in_progress);
  CHECK(book.find("详情页设计")->state == TaskState::in_progress);  // two untimed rows: the later row
  CHECK(book.find("详情页设计")->untimed);
  // --as-of leaves out rows after it, never rows without time.
  CHECK(status_book(plan, files, at(1, 0)).find("详情页设计")->state == TaskState::in_progress);
  CHECK(status_book(plan, files, at(1, 0)).find("主图设计")->state == TaskState::done);
}

TEST_CASE("A repeated task's occurrences: each by its own name, all by the task's") {
  auto plan = sample_plan();
  std::vector<StatusFile> files{read_status(
      "任务,状态,时间\n开团跟进,取消,2026-12-20 09:00\n开团跟进 11:00,已完成,2026-12-20 11:05\n", "s.csv")};
  auto book = status_book(plan, files);
  CHECK(book.find("开团跟进 10:30")->state == TaskState::cancelled);
  CHECK(book.find("开团跟进 11:00")->state == TaskState::done);
  CHECK_FALSE(book.find("开团跟进"));
}

TEST_CASE("Sections: overdue open tasks by owner, due today, the next days") {
  auto plan = sample_plan();
  std::vector<StatusFile> files{read_status(
      "任务,状态,时间\n确认报名资质,已完成,2026-12-11\n主图设计,进行中,2026-12-17\n短信预热,已完成,2026-12-19 16:00\n", "s.csv")};
  auto book = status_book(plan, files);
  auto s = status_section(plan, book, at(19, 20), 3);
  std::vector<std::string> overdue, today, upcoming;
  for (const auto& t : s.overdue) overdue.push_back(t.task.name);
  for (const auto& t : s.due_today) today.push_back(t.task.name);
  for (const auto& t : s.upcoming) upcoming.push_back(t.task.name);
  CHECK(overdue == std::vector<std::string>{"主图设计"});          // done ones are never overdue
  CHECK(today == std::vector<std::string>{"详情页设计"});          // due at the end of the 19th
  CHECK(upcoming == std::vector<std::string>{"开团跟进 10:30", "开团跟进 11:00"});  // 对账 (25th) is past 3 days
  CHECK(s.total == 7);
  CHECK(s.done == 2);
  CHECK(s.in_progress == 1);
  // At 11:30 on the 20th the follow-ups are past due and open.
  auto later = status_section(plan, book, at(20, 11, 30), 0);
  REQUIRE(later.overdue.size() == 4);
  CHECK(later.overdue[0].task.owner == "美工主管");  // by owner, then due
  CHECK(later.overdue[2].task.name == "开团跟进 10:30");
  CHECK(later.upcoming.empty());
}

TEST_CASE("A status file as wide as allowed is read, its cells located, and one wider is D570") {
  // 995 columns of a shop's own before the five status columns: 1,000 in all, the most read.
  std::string header, row;
  for (int i = 0; i < 995; ++i) {
    header += fmt::format("备用{},", i);
    row += "x,";
  }
  auto text = header + "任务,状态,负责人,时间,备注\n" + row + "主图设计,搞定,美工主管,2026-12-17 18:00,终稿\n";
  auto ok = read_status(header + "任务,状态,负责人,时间,备注\n" + row + "主图设计,已完成,美工主管,2026-12-17 18:00,终稿\n", "s.csv");
  REQUIRE(ok.rows.size() == 1);
  CHECK(ok.rows[0].task == "主图设计");
  CHECK(ok.rows[0].owner == "美工主管");
  CHECK(ok.rows[0].note == "终稿");
  CHECK(ok.rows[0].at == at(17, 18));
  CHECK(where(ok.rows[0].where) == "s.csv:2:1991");  // 995 × "x,"
  auto state = error_of([&] { read_status(text, "s.csv"); });
  CHECK(state.code == "D461");
  CHECK(where(state.where) == "s.csv:2:1996");
  auto wide = error_of([&] { read_status(header + "任务,状态,负责人,时间,备注,多一列\n" + row + "主图设计,已完成,美工主管,2026-12-17,终稿,x\n", "s.csv"); });
  CHECK(wide.code == "D570");
  CHECK(wide.where.line == 1);
}
