#include "dacu/compute/agenda.hpp"

#include <catch2/catch.hpp>

using namespace dacu;
using namespace std::chrono;

namespace {

ZonedTime at(int day, int hour, int minute = 0, int offset_hours = 8) {
  ZonedTime t;
  t.local = date::local_days{date::year{2026} / 12 / day} + hours(hour) + minutes(minute);
  t.utc_offset = hours(offset_hours);
  return t;
}

// One shop's campaigns unless told: their roles are one person each (see the shop tests below).
Plan plan_of(std::string campaign, std::string zone = "Asia/Shanghai", std::string shop = "店") {
  Plan p;
  p.campaign = std::move(campaign);
  p.timezone = std::move(zone);
  p.shop = std::move(shop);
  return p;
}

void add_task(Plan& p, std::string name, std::string owner, ZonedTime start, ZonedTime end) {
  DatedTask t;
  t.name = std::move(name);
  t.owner = std::move(owner);
  t.department = "设计";
  t.all_day = false;
  t.start = start;
  t.end = end;
  t.first_day = start.day();
  t.last_day = end.day();
  p.tasks.push_back(t);
}

void add_day_task(Plan& p, std::string name, std::string owner, int day) {
  DatedTask t;
  t.name = std::move(name);
  t.owner = std::move(owner);
  t.department = "运营";
  t.all_day = true;
  t.first_day = date::local_days{date::year{2026} / 12 / day};
  t.last_day = t.first_day;
  t.start = at(day, 0);
  t.end = t.start;
  p.tasks.push_back(t);
}

Agenda agenda_of(std::vector<Plan> plans, AgendaFilter filter = {}) {
  std::vector<AgendaInput> inputs;
  for (auto& p : plans) {
    auto file = p.campaign + ".yaml";
    inputs.push_back({file, std::move(p), Location{make_source(file, {}), 0, 0}});
  }
  return build_agenda(std::move(inputs), filter);
}

const AgendaItem& item(const Agenda& a, std::string_view name) {
  for (const auto& i : a.items) {
    if (i.name == name) return i;
  }
  FAIL("no item " << name);
  return a.items.front();
}

}  // namespace

TEST_CASE("agenda: two campaigns booking one owner on overlapping afternoons are one conflict") {
  auto a = plan_of("双十二"), b = plan_of("年货节");
  add_task(a, "主图设计", "美工主管", at(19, 14), at(19, 17));
  add_task(b, "详情页设计", "美工主管", at(19, 16), at(19, 18));
  add_task(b, "海报", "美工主管", at(19, 9), at(19, 10));  // its own morning: nobody else's
  auto agenda = agenda_of({a, b});
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(agenda.conflicts[0].owner == "美工主管 of 店");  // the role in its shop (agenda.shop-role)
  CHECK(agenda.conflicts[0].tasks.size() == 2);
  CHECK(agenda.conflicts[0].from == at(19, 14));
  CHECK(agenda.conflicts[0].to == at(19, 18));
  CHECK(item(agenda, "主图设计").conflict == std::optional<std::size_t>(0));
  CHECK(item(agenda, "详情页设计").conflict == std::optional<std::size_t>(0));
  CHECK_FALSE(item(agenda, "海报").conflict);
}

TEST_CASE("agenda: intervals are half-open and a moment clashes only with what runs at its instant") {
  auto a = plan_of("A"), b = plan_of("B");
  add_task(a, "上午", "美工主管", at(19, 9), at(19, 12));
  add_task(b, "接着", "美工主管", at(19, 12), at(19, 13));     // starts as 上午 ends: no clash
  add_task(b, "十点", "美工主管", at(19, 10), at(19, 10));     // a moment inside 上午: a clash
  add_task(b, "九点前", "美工主管", at(19, 8, 59), at(19, 8, 59));  // a moment before: none
  auto agenda = agenda_of({a, b});
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(agenda.conflicts[0].tasks.size() == 2);
  CHECK(item(agenda, "上午").conflict);
  CHECK(item(agenda, "十点").conflict);
  CHECK_FALSE(item(agenda, "接着").conflict);
  CHECK_FALSE(item(agenda, "九点前").conflict);
}

TEST_CASE("agenda: two moments at one instant clash but a moment at another task's end does not") {
  auto a = plan_of("A"), b = plan_of("B");
  add_task(a, "撤换", "推广主管", at(20, 9, 59), at(20, 9, 59));
  add_task(b, "撤换B", "推广主管", at(20, 9, 59), at(20, 9, 59));
  add_task(a, "复盘", "推广主管", at(20, 14), at(20, 15));
  add_task(b, "交接", "推广主管", at(20, 15), at(20, 15));
  auto agenda = agenda_of({a, b});
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(item(agenda, "撤换").conflict);
  CHECK(item(agenda, "撤换B").conflict);
  CHECK_FALSE(item(agenda, "交接").conflict);
}

TEST_CASE("agenda: one campaign booking an owner twice is not a cross-campaign conflict") {
  auto a = plan_of("A"), b = plan_of("B");
  add_task(a, "一", "美工主管", at(19, 14), at(19, 17));
  add_task(a, "二", "美工主管", at(19, 15), at(19, 16));
  add_task(b, "别人", "运营主管", at(19, 15), at(19, 16));  // another owner
  add_day_task(b, "全天", "美工主管", 19);                    // all day: books no hours
  auto agenda = agenda_of({a, b});
  CHECK(agenda.conflicts.empty());
}

TEST_CASE("agenda: campaigns in other zones are compared as instants") {
  auto a = plan_of("上海"), b = plan_of("东京", "Asia/Tokyo");
  add_task(a, "主图", "美工主管", at(19, 14), at(19, 17));
  add_task(b, "海报", "美工主管", at(19, 18, 0, 9), at(19, 19, 0, 9));   // 17:00–18:00 in Shanghai: touches only
  add_task(b, "详情", "美工主管", at(19, 16, 30, 9), at(19, 17, 0, 9));  // 15:30–16:00 in Shanghai: inside
  auto agenda = agenda_of({a, b});
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(item(agenda, "详情").conflict);
  CHECK_FALSE(item(agenda, "海报").conflict);
  CHECK(agenda.timezones == std::vector<std::string>{"Asia/Shanghai", "Asia/Tokyo"});
}

TEST_CASE("agenda: items in time order then campaign then name with all-day items at midnight") {
  auto a = plan_of("乙"), b = plan_of("甲");
  add_task(a, "十点", "x", at(19, 10), at(19, 11));
  add_task(b, "十点", "y", at(19, 10), at(19, 11));
  add_day_task(a, "当天", "x", 19);
  auto agenda = agenda_of({a, b});
  REQUIRE(agenda.items.size() == 3);
  CHECK(agenda.items[0].name == "当天");
  // At one instant, by campaign name in byte order: 乙 (U+4E59) before 甲 (U+7532).
  CHECK(agenda.campaigns[agenda.items[1].campaign].name == "乙");
  CHECK(agenda.campaigns[agenda.items[2].campaign].name == "甲");
}

TEST_CASE("agenda: many shops booking one owner at one hour are one conflict and not every pair") {
  std::vector<Plan> plans;
  for (int i = 0; i < 200; ++i) {
    auto p = plan_of("店" + std::to_string(i));
    add_task(p, "主图设计", "美工主管", at(19, 14), at(19, 17));
    plans.push_back(std::move(p));
  }
  auto agenda = agenda_of(std::move(plans));
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(agenda.conflicts[0].tasks.size() == 200);
  CHECK(agenda.conflicts[0].campaigns.size() == 200);
}

TEST_CASE("agenda: filters and the conflicts of what is shown") {
  auto a = plan_of("A"), b = plan_of("B");
  add_task(a, "主图", "美工主管", at(19, 14), at(19, 17));
  add_task(b, "详情", "美工主管", at(19, 16), at(19, 18));
  add_day_task(b, "盘点", "运营主管", 21);
  SECTION("--owner") {
    auto agenda = agenda_of({a, b}, {.owner = "运营主管"});
    REQUIRE(agenda.items.size() == 1);
    CHECK(agenda.conflicts.empty());
  }
  SECTION("--from keeps what ends on or after the day") {
    auto agenda = agenda_of({a, b}, {.from = date::local_days{date::year{2026} / 12 / 20}});
    REQUIRE(agenda.items.size() == 1);
    CHECK(agenda.items[0].name == "盘点");
  }
  SECTION("an owner nobody has") {
    CHECK_THROWS_AS(agenda_of({a, b}, {.owner = "美工"}), InputError);
  }
  SECTION("two files naming one campaign") {
    CHECK_THROWS_AS(agenda_of({a, a}), InputError);
  }
}

// Owners in templates are role titles: two shops' 推广主管 are two people (the operator's 41 false
// conflicts over examples/*.yaml). A role is one person within a shop, and a person `owners:` names
// is one person across shops.
TEST_CASE("agenda: the same role in two shops is two people and no conflict") {
  auto a = plan_of("甲店双十二", "Asia/Shanghai", "甲店"), b = plan_of("乙店双十二", "Asia/Shanghai", "乙店");
  add_task(a, "钻展投放", "推广主管", at(19, 14), at(19, 17));
  add_task(b, "直通车投放", "推广主管", at(19, 14), at(19, 17));
  auto agenda = agenda_of({a, b});
  CHECK(agenda.conflicts.empty());
  CHECK_FALSE(item(agenda, "钻展投放").conflict);
}

TEST_CASE("agenda: campaigns naming no shop are shops of their own") {
  auto a = plan_of("双十二", "Asia/Shanghai", ""), b = plan_of("年货节", "Asia/Shanghai", "");
  add_task(a, "主图设计", "美工主管", at(19, 14), at(19, 17));
  add_task(b, "详情页设计", "美工主管", at(19, 16), at(19, 18));
  CHECK(agenda_of({a, b}).conflicts.empty());
}

TEST_CASE("agenda: one person named by two shops' owners: is double-booked, under the person's name") {
  auto a = plan_of("甲店双十二", "Asia/Shanghai", "甲店"), b = plan_of("乙店双十二", "Asia/Shanghai", "乙店");
  a.owners = {{"推广主管", "王芳"}};
  b.owners = {{"运营主管", "王芳"}, {"推广主管", "李强"}};
  add_task(a, "钻展投放", "推广主管", at(19, 14), at(19, 17));
  add_task(b, "活动复盘", "运营主管", at(19, 16), at(19, 18));
  add_task(b, "直通车投放", "推广主管", at(19, 14), at(19, 17));  // 李强: nobody else's
  auto agenda = agenda_of({a, b});
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(agenda.conflicts[0].owner == "王芳");
  CHECK(agenda.conflicts[0].tasks.size() == 2);
  CHECK_FALSE(item(agenda, "直通车投放").conflict);
  CHECK(item(agenda, "钻展投放").person == "王芳");
  CHECK(item(agenda, "钻展投放").owner == "推广主管");  // the plan's role stays as written

  // --owner takes the person as well as the role.
  auto only = agenda_of({a, b}, {.owner = "王芳"});
  REQUIRE(only.items.size() == 2);
  CHECK(only.items[0].name == "钻展投放");
  CHECK(only.items[1].name == "活动复盘");
}

TEST_CASE("agenda: a role one campaign of a shop maps is that person in the shop's other campaigns") {
  auto a = plan_of("双十二"), b = plan_of("年货节"), c = plan_of("东京店", "Asia/Shanghai", "东京店");
  c.owners = {{"美工主管", "李娜"}};
  add_task(a, "主图设计", "美工主管", at(19, 14), at(19, 17));
  add_task(b, "详情页设计", "美工主管", at(19, 16), at(19, 18));
  add_task(c, "海报设计", "美工主管", at(19, 17), at(19, 19));
  // 东京店's 李娜 is not 店's 美工主管: 店 names nobody.
  auto agenda = agenda_of({a, b, c});
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(agenda.conflicts[0].tasks.size() == 2);
  CHECK_FALSE(item(agenda, "海报设计").conflict);
  // Once 年货节 names 李娜, 店's 美工主管 is 李娜 in 双十二 too: one conflict of three tasks.
  b.owners = {{"美工主管", "李娜"}};
  agenda = agenda_of({a, b, c});
  REQUIRE(agenda.conflicts.size() == 1);
  CHECK(agenda.conflicts[0].owner == "李娜");
  CHECK(agenda.conflicts[0].tasks.size() == 3);
  CHECK(item(agenda, "主图设计").person == "李娜");
  // Two people named for one shop's role: the campaigns that name nobody keep the role.
  a.owners = {{"美工主管", "王芳"}};
  auto d = plan_of("元旦");
  add_task(d, "首页设计", "美工主管", at(19, 14), at(19, 15));
  agenda = agenda_of({a, b, d});
  CHECK(item(agenda, "首页设计").person.empty());
  CHECK(agenda.conflicts.empty());  // 王芳 (双十二), 李娜 (年货节) and 店's 美工主管 (元旦): three people
}
