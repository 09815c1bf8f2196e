#include "dacu/render/ics.hpp"
#include "dacu/writers/modules.hpp"

#include <catch2/catch.hpp>

#include "dacu/base/utf8.hpp"

using namespace dacu;

namespace {

Plan one_task_plan(std::string name, bool all_day) {
  Plan plan;
  plan.campaign = "测试活动";
  plan.timezone = "Asia/Shanghai";
  DatedMilestone m;
  m.name = "开团";
  m.at.local = date::local_days{date::year{2026} / 12 / 20} + std::chrono::hours(10);
  m.at.utc_offset = std::chrono::hours(8);
  plan.milestones.push_back(m);
  DatedTask t;
  t.name = std::move(name);
  t.department = "运营";
  t.owner = "运营主管";
  t.phase = "活动前";
  t.start_offset = "开团前1天";
  t.all_day = all_day;
  t.first_day = date::local_days{date::year{2026} / 12 / 19};
  t.last_day = t.first_day;
  t.start = m.at;
  t.end = m.at;
  plan.tasks.push_back(t);
  return plan;
}

std::vector<std::string> physical_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < text.size()) {
    auto end = text.find("\r\n", pos);
    REQUIRE(end != std::string::npos);
    lines.push_back(text.substr(pos, end - pos));
    pos = end + 2;
  }
  return lines;
}

}  // namespace

TEST_CASE("ICS lines fold at 75 octets without splitting a UTF-8 character") {
  std::string name;
  for (int i = 0; i < 60; ++i) name += "聚划算";  // 540 octets, no space or colon to break at
  auto text = write_ics(one_task_plan(name, true), {});
  std::string unfolded;
  for (const auto& line : physical_lines(text)) {
    CHECK(line.size() <= 75);
    CHECK(utf8::find_invalid(line) == std::string::npos);
    if (!line.empty() && line[0] == ' ') unfolded += line.substr(1);
    else unfolded += "\n" + line;
  }
  CHECK(unfolded.find("\nSUMMARY:" + name + "\n") != std::string::npos);
}

TEST_CASE("ICS all-day events end the day after their last day, moments have no DTEND") {
  IcsOptions no_milestones;
  no_milestones.events.milestones = false;  // 开团 at 10:00 would bring a VTIMEZONE
  auto all_day = write_ics(one_task_plan("备货", true), no_milestones);
  CHECK(all_day.find("DTSTART;VALUE=DATE:20261219\r\n") != std::string::npos);
  CHECK(all_day.find("DTEND;VALUE=DATE:20261220\r\n") != std::string::npos);
  CHECK(all_day.find("BEGIN:VTIMEZONE") == std::string::npos);
  auto timed = write_ics(one_task_plan("开团", false), {std::chrono::minutes(30)});
  CHECK(timed.find("DTSTART;TZID=Asia/Shanghai:20261220T100000\r\n") != std::string::npos);
  CHECK(timed.find("DTEND") == std::string::npos);
  CHECK(timed.find("TZID:Asia/Shanghai\r\n") != std::string::npos);
  CHECK(timed.find("TRIGGER:-PT30M\r\n") != std::string::npos);
  CHECK(timed.find("DTSTAMP:20261220T020000Z\r\n") != std::string::npos);
}

TEST_CASE("ICS UIDs depend on the campaign and task names only") {
  CHECK(task_uid("雪凡妮 双十二聚划算", "备货") == task_uid("雪凡妮 双十二聚划算", "备货"));
  CHECK(task_uid("雪凡妮 双十二聚划算", "备货") != task_uid("雪凡妮 双十二聚划算", "备货 "));
  CHECK(task_uid("a", "bc") != task_uid("ab", "c"));
  CHECK(task_uid("a", "b").size() == std::string("0123456789abcdef@dacu").size());
}

TEST_CASE("ICS CATEGORIES escapes a comma and a semicolon inside the one department", "[ics]") {
  // RFC 5545 3.8.1.2: CATEGORIES is a list of TEXT, so an unescaped comma would make 运营,推广 two
  // categories (libical 3.0 leaves both unescaped in CATEGORIES).
  auto plan = one_task_plan("任务,一;二", true);
  plan.tasks[0].department = "运营,推广;x\\y";
  auto text = write_ics(plan, {});
  CHECK(text.find("\r\nCATEGORIES:运营\\,推广\\;x\\\\y\r\n") != std::string::npos);
  CHECK(text.find("\r\nSUMMARY:任务\\,一\\;二\r\n") != std::string::npos);
  CHECK(text.find("CATEGORIES;") == std::string::npos);  // no VALUE=STRING or any other parameter
}

TEST_CASE("ICS UIDs of milestones, deadlines and checkpoints carry their kind and never meet a task's", "[ics]") {
  const std::string c = "雪凡妮 双十二聚划算";
  auto milestone = event_uid(c, kMilestoneKind, {"开团"});
  auto deadline = event_uid(c, kDeadlineKind, {"开团"});
  auto checkpoint = event_uid(c, kCheckpointKind, {"开团", "支付笔数"});
  CHECK(milestone.rfind("milestone-", 0) == 0);
  CHECK(deadline.rfind("deadline-", 0) == 0);
  CHECK(checkpoint.rfind("checkpoint-", 0) == 0);
  CHECK(milestone.size() == std::string("milestone-0123456789abcdef@dacu").size());
  CHECK(milestone == event_uid(c, kMilestoneKind, {"开团"}));  // names only: same input, same UID
  CHECK(milestone != task_uid(c, "开团"));
  CHECK(event_uid(c, kCheckpointKind, {"a", "bc"}) != event_uid(c, kCheckpointKind, {"ab", "c"}));
  CHECK(event_uid(c, kCheckpointKind, {"开团", "支付件数"}) != checkpoint);
}

TEST_CASE("ICS holds a milestone, a deadline and a checkpoint as events of their kind, which --ics-events can leave out", "[ics]") {
  auto plan = one_task_plan("备货", true);
  DatedDeadline d;
  d.name = "发货截止";
  d.rule = "团购结束后7天内";
  d.first_day = date::local_days{date::year{2026} / 12 / 22};
  d.last_day = date::local_days{date::year{2026} / 12 / 28};
  plan.deadlines.push_back(d);
  DatedCheckpoint cp;
  cp.name = "开团15分钟跟进";
  cp.metric = "支付笔数";
  cp.at = plan.milestones[0].at;
  cp.at.local += std::chrono::minutes(15);
  plan.checkpoints.push_back(cp);
  auto text = write_ics(plan, {});
  CHECK(text.find("\r\nX-DACU-KIND:milestone\r\n") != std::string::npos);
  CHECK(text.find("\r\nSUMMARY:里程碑：开团\r\n") != std::string::npos);
  CHECK(text.find("\r\nCATEGORIES:平台时限\r\n") != std::string::npos);
  CHECK(text.find("DTSTART;VALUE=DATE:20261222\r\nDTEND;VALUE=DATE:20261229\r\n") != std::string::npos);
  CHECK(text.find("DTSTART;TZID=Asia/Shanghai:20261220T101500\r\n") != std::string::npos);
  CHECK(text.find("\r\nUID:" + event_uid(plan.campaign, kCheckpointKind, {"开团15分钟跟进", "支付笔数"}) + "\r\n") != std::string::npos);
  IcsOptions tasks_only;
  tasks_only.events = {true, false, false, false};
  auto only = write_ics(plan, tasks_only);
  CHECK(only.find("X-DACU-KIND:task") != std::string::npos);
  CHECK(only.find("X-DACU-KIND:milestone") == std::string::npos);
  CHECK(only.find("X-DACU-KIND:deadline") == std::string::npos);
  CHECK(only.find("X-DACU-KIND:checkpoint") == std::string::npos);
  CHECK(only.find("BEGIN:VTIMEZONE") == std::string::npos);  // nothing timed is left
}
