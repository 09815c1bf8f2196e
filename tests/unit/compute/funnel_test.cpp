// The 订货宝 customer funnel: counts, rates and who falls below the campaign's targets.

#include "dacu/compute/funnel.hpp"

#include <catch2/catch.hpp>

#include "dacu/input/csv.hpp"
#include "dacu/input/loader.hpp"

using namespace dacu;

namespace {

constexpr std::string_view kTemplate = R"(dacu: 1
kind: template
name: 漏斗
parameters:
  目标激活率: {type: percent, default: 50%}
  目标首单率: {type: percent, default: 50%}
milestones:
  上线: {default: 2026-12-01T10:00}
)";

}  // namespace

TEST_CASE("the funnel counts per salesperson and marks who is below a target", "[funnel]") {
  Loader loader;
  auto campaign = loader.parse(kTemplate, "漏斗.yaml", ".");
  auto customers = parse_csv("客户,业务员,注册,激活,下单\n"
                             "甲店,张三,是,是,是\n"
                             "乙店,张三,是,是,否\n"
                             "丙店,李四,是,否,否\n"
                             "丁店,李四,是,是,是\n"
                             "戊店,王五,否,否,否\n",
                             "客户.csv");
  auto r = compute_funnel(campaign, customers);
  REQUIRE(r.by_salesperson.size() == 3);
  const auto& zhang = r.by_salesperson[0];
  CHECK(zhang.activation_rate == Rational(1));
  CHECK(zhang.first_order_rate == Rational(1, 2));
  CHECK_FALSE(zhang.below_target);  // 50% is the target, not below it
  const auto& li = r.by_salesperson[1];
  CHECK(li.activation_rate == Rational(1, 2));
  CHECK(li.first_order_rate == Rational(1));
  CHECK_FALSE(li.below_target);
  const auto& wang = r.by_salesperson[2];
  CHECK_FALSE(wang.activation_rate);  // nobody registered: no rate, so nothing to be below
  CHECK_FALSE(wang.below_target);
  CHECK(r.overall.customers == 5);
  CHECK(r.overall.activation_rate == Rational(3, 4));
  CHECK_FALSE(r.overall.below_target);

  auto strict = loader.parse(kTemplate, "漏斗.yaml", ".", std::vector<Override>{{"目标首单率", "60%"}});
  auto s = compute_funnel(strict, customers);
  CHECK(s.by_salesperson[0].below_target);  // 张三 50% < 60%
  CHECK_FALSE(s.by_salesperson[1].below_target);
}
