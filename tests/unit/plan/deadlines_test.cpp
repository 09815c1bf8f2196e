#include <catch2/catch.hpp>

#include "dacu/plan/deadlines.hpp"
#include "dacu/input/loader.hpp"

using namespace dacu;

namespace {

std::vector<DatedDeadline> deadlines_for(std::vector<Override> sets, std::vector<Diagnostic>* warnings = nullptr) {
  Loader loader;
  auto campaign = loader.parse("dacu: 1\nkind: campaign\nname: c\nextends: 聚划算\n", "c.yaml", ".", sets);
  auto plan = expand(campaign);
  std::vector<Diagnostic> w;
  auto out = platform_deadlines(campaign, plan, w);
  if (warnings) *warnings = w;
  return out;
}

const DatedDeadline& named(const std::vector<DatedDeadline>& ds, std::string_view prefix) {
  for (const auto& d : ds) {
    if (d.name.starts_with(prefix)) return d;
  }
  FAIL("no deadline " << prefix);
  return ds.front();
}

}  // namespace

TEST_CASE("聚划算 deadlines for an ordinary campaign") {
  auto ds = deadlines_for({{"开团", "2026-12-20T10:00"}});
  REQUIRE(ds.size() == 6);
  CHECK(format_date(named(ds, "缴纳聚划算保证金").last_day) == "2026-12-19");
  CHECK(named(ds, "商品展示").start.iso() == "2026-12-20T08:00:00+08:00");
  CHECK(named(ds, "商品展示").end.iso() == "2026-12-20T09:59:00+08:00");
  CHECK(named(ds, "开团售卖").end.iso() == "2026-12-20T23:59:00+08:00");
  CHECK(named(ds, "付款时限").end.iso() == "2026-12-21T00:29:00+08:00");
  CHECK(format_date(named(ds, "发货截止").last_day) == "2026-12-27");
  CHECK(format_date(named(ds, "保证金冻结").last_day) == "2027-01-04");
  CHECK(named(ds, "保证金冻结").name == "保证金冻结（普通类目）");
}

TEST_CASE("high-risk categories hold the deposit 30 days and custom goods ship within 15 days of payment") {
  auto ds = deadlines_for({{"开团", "2026-12-20T10:00"}, {"类目类型", "高危"}, {"定制或大型家具", "true"}});
  CHECK(format_date(named(ds, "保证金冻结").last_day) == "2027-01-19");
  CHECK(named(ds, "发货截止").name == "发货截止（定制、大型家具）");
  CHECK(format_date(named(ds, "发货截止").last_day) == "2027-01-04");
}

TEST_CASE("an opening on a public holiday is flagged, since the rules say 顺延") {
  std::vector<Diagnostic> warnings;
  deadlines_for({{"开团", "2026-10-01T10:00"}}, &warnings);
  REQUIRE(warnings.size() == 1);
  CHECK(warnings[0].code == "D431");
  CHECK(warnings[0].hint == "the showcase and sale move to 2026-10-08: set 开团 to that day");
  deadlines_for({{"开团", "2026-12-20T10:00"}}, &warnings);  // a Sunday is not a 节假日
  CHECK(warnings.empty());
}

TEST_CASE("an unknown 类目类型 is an error") {
  CHECK_THROWS_WITH(deadlines_for({{"开团", "2026-12-20T10:00"}, {"类目类型", "高风险"}}),
                    Catch::Contains("neither 普通 nor 高危"));
}
