// The data checks on actuals (issue 18 item 3): each a located warning naming the row.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "dacu/compute/actuals_checks.hpp"
#include "support.hpp"

using namespace dacu;

namespace {

date::local_seconds at(int day, int hour, int minute) {
  return date::local_days{date::year{2026} / 12 / day} + std::chrono::hours(hour) + std::chrono::minutes(minute);
}

std::vector<Diagnostic> check(std::string_view csv, ActualsCheckOptions options = {}) {
  std::vector<ActualsInput> in{{parse_actuals(csv, "a.csv"), "a.csv"}};
  return check_actuals(in, options);
}

std::vector<std::string> codes(const std::vector<Diagnostic>& found) {
  std::vector<std::string> out;
  for (const auto& d : found) out.push_back(d.code);
  return out;
}

SalesTargets capped(std::int64_t units) {
  SalesTargets t;
  t.units = Rational(units);
  t.orders = t.units;
  t.units_formula = "件数";
  t.units_capped = true;
  return t;
}

}  // namespace

TEST_CASE("a cumulative figure that falls within a day is a warning at the lower row", "[checks]") {
  auto found = check("time,metric,value\n2026-12-20 10:30,支付笔数,9000\n2026-12-20 10:45,支付笔数,960\n");
  REQUIRE(codes(found) == std::vector<std::string>{"D560"});
  CHECK(found[0].severity == Severity::warning);
  CHECK(test::where(found[0].where) == "a.csv:3:23");
  CHECK(diagnostic_message(found[0], Language::en) ==
        "支付笔数 at 2026-12-20T10:45:00 is 960, below 9000 at 2026-12-20T10:30:00 (a.csv:2): a day's cumulative figure never falls");
  // A new day starts again from zero; rates may fall.
  CHECK(check("time,metric,value\n2026-12-20 23:30,支付笔数,9000\n2026-12-21 00:05,支付笔数,12\n").empty());
  CHECK(check("time,metric,value\n2026-12-20 10:30,跳失率,50%\n2026-12-20 10:45,跳失率,40%\n").empty());
}

TEST_CASE("a rate above 100%, exported or from its parts, is a warning", "[checks]") {
  auto found = check("time,metric,value\n2026-12-20 10:30,支付转化率,120%\n");
  REQUIRE(codes(found) == std::vector<std::string>{"D561"});
  CHECK(test::where(found[0].where) == "a.csv:2:24");
  auto parts = check("时间,访客数,支付买家数\n2026-12-20 10:30,100,120\n2026-12-20 10:45,200,150\n");
  REQUIRE(codes(parts) == std::vector<std::string>{"D561"});
  CHECK(test::where(parts[0].where) == "a.csv:2:22");  // the 支付买家数 cell of the 10:30 row
  CHECK(diagnostic_message(parts[0], Language::en) ==
        "支付买家数 120 at 2026-12-20T10:30:00 is above 访客数 100: 支付转化率 would exceed 100%");
  CHECK(check("time,metric,value\n2026-12-20 10:30,支付转化率,100%\n").empty());
}

TEST_CASE("more orders than units offered is a warning when the units cap the sale", "[checks]") {
  std::string csv = "time,metric,value\n2026-12-20 10:30,支付笔数,2999\n2026-12-20 10:45,支付笔数,3001\n2026-12-20 11:00,支付笔数,3100\n";
  auto found = check(csv, {capped(3000), {}, {}});
  REQUIRE(codes(found) == std::vector<std::string>{"D562"});  // the first row past the cap only
  CHECK(found[0].where.line == 3);
  auto uncapped = capped(3000);
  uncapped.units_capped = false;  // a target, not a stock: selling more is good news
  CHECK(check(csv, {uncapped, {}, {}}).empty());
}

TEST_CASE("a row more than a day after as-of is a warning, once per file", "[checks]") {
  std::string csv = "time,metric,value\n2026-12-20 20:00,支付笔数,10\n2027-12-20 10:00,支付笔数,20\n2027-12-20 11:00,支付笔数,30\n";
  auto found = check(csv, {{}, {}, at(20, 12, 30)});
  REQUIRE(codes(found) == std::vector<std::string>{"D563"});
  CHECK(found[0].where.line == 3);
  CHECK(diagnostic_message(found[0], Language::en).find("(2 figures of this file)") != std::string::npos);
  CHECK(check(csv, {}).empty());  // no as-of: nothing to be after
  CHECK(check("time,metric,value\n2026-12-21 12:30,支付笔数,10\n", {{}, {}, at(20, 12, 30)}).empty());  // exactly a day
}

TEST_CASE("an unknown metric is reported once, a tracked one is known", "[checks]") {
  auto found = check("time,metric,value\n2026-12-20 10:05,支付比数,1\n2026-12-20 10:15,支付比数,2\n2026-12-20 10:15,首单数,2\n",
                     {{}, {"首单数"}, {}});
  REQUIRE(codes(found) == std::vector<std::string>{"D510"});
  CHECK(found[0].where.line == 2);
}
