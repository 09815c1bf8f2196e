// The ROI and funnel renderers: exact text of a small report built by hand.

#include "dacu/render/render_roi.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace dacu;

namespace {

Money yuan(std::int64_t y) { return Money::from_yuan(y); }

// The seed's 聚划算 figures with a commission line, a discount, a declared total that disagrees
// with the lines, and a share table.
RoiReport small_roi() {
  RoiReport r;
  r.campaign = "小店 双十二";
  r.template_name = "聚划算";
  r.has_budget = r.has_revenue = true;
  r.parameters = {{"团购价", "99", Rational(99), false}, {"件数", "2000", Rational(2000), false},
                  {"佣金率", "5%", Rational(1, 20), true}, {"进货价", "4.5万", std::nullopt, false}};
  auto& f = r.base;
  f.revenue = yuan(198000);
  f.revenue_trace = {"团购价 × 件数", "团购价 = 99, 件数 = 2000"};
  f.units = Rational(2000);
  f.unit_price = yuan(99);
  f.unit_cost = yuan(45);
  f.lines = {{"直通车", "推广", yuan(3000), false, {}},
             {"淘宝客佣金", "推广", yuan(9900), false, {"成交额 × 佣金率", "成交额 = 198000.00, 佣金率 = 5%"}},
             {"平台补贴", "其他", yuan(-500), true, {}}};
  f.categories = {{"推广", yuan(12900)}, {"其他", yuan(-500)}};
  f.cost = yuan(12400);
  f.roas = Rational(198000, 12400);
  f.finance_roi = Rational(198000 - 12400, 12400);
  f.cost_ratio = Rational(12400, 198000);
  f.goods_cost = yuan(90000);
  f.gross_profit = yuan(108000);
  f.net_profit = yuan(95600);
  BreakEven b;
  b.parameter = "件数";
  b.units = 230;
  b.exact_units = Rational(12400, 54);
  b.fixed_cost = yuan(12400);
  b.margin = Rational(54);
  b.roas = Rational(99, 54);
  f.break_even = b;
  r.declared_total = yuan(12990);
  r.declared_difference = yuan(590);
  ShareResult share{"货品规划", "", "件数", "金额", {}, 9000, yuan(300), Rational(999, 1000), Rational(1)};
  share.rows = {{"大衣", 6000, yuan(200), Rational(2, 3), Rational(2, 3)}, {"围巾", 3000, yuan(100), Rational(1, 3), Rational(1, 3)}};
  r.shares = {share};
  return r;
}

FunnelReport small_funnel() {
  FunnelReport r;
  r.campaign = "订货宝 上线";
  r.customers_file = "客户.csv";
  FunnelCounts zhang{"张三", 3, 2, 2, 1, Rational(1), Rational(1, 2), true};
  FunnelCounts li{"李四", 2, 2, 1, 1, Rational(1, 2), Rational(1), false};
  r.by_salesperson = {zhang, li};
  r.overall = {"", 5, 4, 3, 2, Rational(3, 4), Rational(2, 3), false};
  r.target_first_order = Rational(3, 5);
  return r;
}

}  // namespace

TEST_CASE("ROI as a text table: parameters, budget, ratios, profit, shares", "[render_roi]") {
  CHECK(render_roi(small_roi(), Format::table) ==
      "小店 双十二  (模板 聚划算)\n"
      "\n"
      "参数\n"
      "  参数       值\n"
      "  团购价     99\n"
      "  件数     2000\n"
      "  佣金率     5%\n"
      "  进货价  4.5万\n"
      "\n"
      "活动费用\n"
      "  项目        类别       金额  计算\n"
      "  直通车      推广   3,000.00\n"
      "  淘宝客佣金  推广   9,900.00  成交额 × 佣金率（成交额 = 198000.00, 佣金率 = 5%）\n"
      "  推广小计    推广  12,900.00\n"
      "  平台补贴    其他    -500.00  折让\n"
      "  其他小计    其他    -500.00\n"
      "  合计              12,400.00\n"
      "  声明合计          12,990.00  与各项之和 12,400.00 不符（差 590.00），以各项之和为准\n"
      "\n"
      "比率\n"
      "  项目              值  计算\n"
      "  成交额    198,000.00  团购价 × 件数（团购价 = 99, 件数 = 2000）\n"
      "  活动费用   12,400.00  各项费用之和\n"
      "  投产比         15.97  成交额 ÷ 活动费用 = 198,000.00 ÷ 12,400.00\n"
      "  财务ROI     1496.77%  (成交额 − 活动费用) ÷ 活动费用 = (198,000.00 − 12,400.00) ÷ 12,400.00\n"
      "  费用占比       6.26%  活动费用 ÷ 成交额 = 12,400.00 ÷ 198,000.00\n"
      "\n"
      "利润\n"
      "  项目                值  计算\n"
      "  单价             99.00\n"
      "  进货价           45.00\n"
      "  货品成本     90,000.00  进货价 × 件数 = 45.00 × 2,000\n"
      "  毛利        108,000.00  成交额 − 货品成本\n"
      "  净利润       95,600.00  毛利 − 活动费用\n"
      "  保本件数           230  ceil(固定费用 ÷ 每件边际) = ceil(12,400.00 ÷ 54.00)；每件边际 = 单价 − 进货价 = 99.00 − 45.00\n"
      "  保本投产比        1.83  净利润为 0 时的 成交额 ÷ 活动费用 = 单价 ÷ (单价 − 进货价) = 99.00 ÷ (99.00 − 45.00)\n"
      "\n"
      "货品规划\n"
      "  项目   件数  件数占比    金额  金额占比\n"
      "  大衣  6,000     66.7%  200.00     66.7%\n"
      "  围巾  3,000     33.3%  100.00     33.3%\n"
      "  合计  9,000    100.0%  300.00    100.0%\n"
      "  各行占比按一位小数显示后相加：件数 99.9%, 金额 100.0%（四舍五入所致，未强行调成100%）\n");
}

TEST_CASE("ROI as Markdown in English", "[render_roi]") {
  CHECK(render_roi(small_roi(), Format::md, test::in_english()) ==
      "# 小店 双十二  (template 聚划算)\n"
      "\n"
      "## Parameters\n"
      "\n"
      "| parameter | value |\n"
      "| --- | ---: |\n"
      "| 团购价 | 99 |\n"
      "| 件数 | 2000 |\n"
      "| 佣金率 | 5% |\n"
      "| 进货价 | 4.5万 |\n"
      "\n"
      "## Campaign cost\n"
      "\n"
      "| item | category | amount | how |\n"
      "| --- | --- | ---: | --- |\n"
      "| 直通车 | 推广 | 3,000.00 |  |\n"
      "| 淘宝客佣金 | 推广 | 9,900.00 | 成交额 × 佣金率（成交额 = 198000.00, 佣金率 = 5%） |\n"
      "| 推广 subtotal | 推广 | 12,900.00 |  |\n"
      "| 平台补贴 | 其他 | -500.00 | discount |\n"
      "| 其他 subtotal | 其他 | -500.00 |  |\n"
      "| total |  | 12,400.00 |  |\n"
      "| declared total |  | 12,990.00 | disagrees with the lines' sum 12,400.00 (difference 590.00); the sum is used |\n"
      "\n"
      "## Ratios\n"
      "\n"
      "| item | value | how |\n"
      "| --- | ---: | --- |\n"
      "| revenue (GMV) | 198,000.00 | 团购价 × 件数（团购价 = 99, 件数 = 2000） |\n"
      "| campaign cost | 12,400.00 | sum of the cost lines |\n"
      "| ROAS (投产比) | 15.97 | Revenue ÷ campaign cost = 198,000.00 ÷ 12,400.00 |\n"
      "| finance ROI | 1496.77% | (Revenue − campaign cost) ÷ campaign cost = (198,000.00 − 12,400.00) ÷ 12,400.00 |\n"
      "| cost ratio (费用占比) | 6.26% | campaign cost ÷ Revenue = 12,400.00 ÷ 198,000.00 |\n"
      "\n"
      "## Profit\n"
      "\n"
      "| item | value | how |\n"
      "| --- | ---: | --- |\n"
      "| unit price | 99.00 |  |\n"
      "| unit cost | 45.00 |  |\n"
      "| goods cost | 90,000.00 | unit cost × units = 45.00 × 2,000 |\n"
      "| gross profit | 108,000.00 | Revenue − goods cost |\n"
      "| net profit | 95,600.00 | gross profit − campaign cost |\n"
      "| break-even units | 230 | ceil(fixed cost ÷ margin per unit) = ceil(12,400.00 ÷ 54.00); margin = unit price − unit cost = 99.00 − 45.00 |\n"
      "| break-even ROAS (保本投产比) | 1.83 | revenue ÷ campaign cost where the net profit is 0 = unit price ÷ (unit price − unit cost) = 99.00 ÷ (99.00 − 45.00) |\n"
      "\n"
      "## 货品规划\n"
      "\n"
      "| item | 件数 | 件数share | 金额 | 金额share |\n"
      "| --- | ---: | ---: | ---: | ---: |\n"
      "| 大衣 | 6,000 | 66.7% | 200.00 | 66.7% |\n"
      "| 围巾 | 3,000 | 33.3% | 100.00 | 33.3% |\n"
      "| total | 9,000 | 100.0% | 300.00 | 100.0% |\n"
      "\n"
      "- shares as shown (one decimal) add up to 件数 99.9%, 金额 100.0% (rounding; not forced to 100%)\n");
}

TEST_CASE("ROI as long CSV: plain exact values, no grouping", "[render_roi]") {
  CHECK(render_roi(small_roi(), Format::csv) ==
      "部分,项目,列,值\r\n"
      "参数,团购价,值,99\r\n"
      "参数,件数,值,2000\r\n"
      "参数,佣金率,值,5%\r\n"
      "参数,进货价,值,4.5万\r\n"
      "活动费用,直通车,类别,推广\r\n"
      "活动费用,直通车,金额,3000.00\r\n"
      "活动费用,直通车,计算,\r\n"
      "活动费用,淘宝客佣金,类别,推广\r\n"
      "活动费用,淘宝客佣金,金额,9900.00\r\n"
      "活动费用,淘宝客佣金,计算,\"成交额 × 佣金率（成交额 = 198000.00, 佣金率 = 5%）\"\r\n"
      "活动费用,推广小计,类别,推广\r\n"
      "活动费用,推广小计,金额,12900.00\r\n"
      "活动费用,推广小计,计算,\r\n"
      "活动费用,平台补贴,类别,其他\r\n"
      "活动费用,平台补贴,金额,-500.00\r\n"
      "活动费用,平台补贴,计算,折让\r\n"
      "活动费用,其他小计,类别,其他\r\n"
      "活动费用,其他小计,金额,-500.00\r\n"
      "活动费用,其他小计,计算,\r\n"
      "活动费用,合计,类别,\r\n"
      "活动费用,合计,金额,12400.00\r\n"
      "活动费用,合计,计算,\r\n"
      "活动费用,声明合计,类别,\r\n"
      "活动费用,声明合计,金额,12990.00\r\n"
      "活动费用,声明合计,计算,\"与各项之和 12,400.00 不符（差 590.00），以各项之和为准\"\r\n"
      "比率,成交额,值,198000.00\r\n"
      "比率,成交额,计算,\"团购价 × 件数（团购价 = 99, 件数 = 2000）\"\r\n"
      "比率,活动费用,值,12400.00\r\n"
      "比率,活动费用,计算,各项费用之和\r\n"
      "比率,投产比,值,495/31\r\n"
      "比率,投产比,计算,\"成交额 ÷ 活动费用 = 198,000.00 ÷ 12,400.00\"\r\n"
      "比率,财务ROI,值,464/31\r\n"
      "比率,财务ROI,计算,\"(成交额 − 活动费用) ÷ 活动费用 = (198,000.00 − 12,400.00) ÷ 12,400.00\"\r\n"
      "比率,费用占比,值,31/495\r\n"
      "比率,费用占比,计算,\"活动费用 ÷ 成交额 = 12,400.00 ÷ 198,000.00\"\r\n"
      "利润,单价,值,99.00\r\n"
      "利润,单价,计算,\r\n"
      "利润,进货价,值,45.00\r\n"
      "利润,进货价,计算,\r\n"
      "利润,货品成本,值,90000.00\r\n"
      "利润,货品成本,计算,\"进货价 × 件数 = 45.00 × 2,000\"\r\n"
      "利润,毛利,值,108000.00\r\n"
      "利润,毛利,计算,成交额 − 货品成本\r\n"
      "利润,净利润,值,95600.00\r\n"
      "利润,净利润,计算,毛利 − 活动费用\r\n"
      "利润,保本件数,值,230\r\n"
      "利润,保本件数,计算,\"ceil(固定费用 ÷ 每件边际) = ceil(12,400.00 ÷ 54.00)；每件边际 = 单价 − 进货价 = 99.00 − 45.00\"\r\n"
      "利润,保本投产比,值,11/6\r\n"
      "利润,保本投产比,计算,净利润为 0 时的 成交额 ÷ 活动费用 = 单价 ÷ (单价 − 进货价) = 99.00 ÷ (99.00 − 45.00)\r\n"
      "货品规划,大衣,件数,6000\r\n"
      "货品规划,大衣,件数占比,2/3\r\n"
      "货品规划,大衣,金额,200.00\r\n"
      "货品规划,大衣,金额占比,2/3\r\n"
      "货品规划,围巾,件数,3000\r\n"
      "货品规划,围巾,件数占比,1/3\r\n"
      "货品规划,围巾,金额,100.00\r\n"
      "货品规划,围巾,金额占比,1/3\r\n"
      "货品规划,合计,件数,9000\r\n"
      "货品规划,合计,件数占比,1\r\n"
      "货品规划,合计,金额,300.00\r\n"
      "货品规划,合计,金额占比,1\r\n");
}

TEST_CASE("ROI as JSON: money as decimal strings, ratios exact and as shown", "[render_roi]") {
  CHECK(render_roi(small_roi(), Format::json) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": null,\n"
      "  \"campaign\": \"小店 双十二\",\n"
      "  \"template\": \"聚划算\",\n"
      "  \"parameters\": {\n"
      "    \"团购价\": \"99\",\n"
      "    \"件数\": \"2000\",\n"
      "    \"佣金率\": \"5%\",\n"
      "    \"进货价\": \"4.5万\"\n"
      "  },\n"
      "  \"figures\": {\n"
      "    \"revenue\": {\n"
      "      \"amount\": \"198000.00\",\n"
      "      \"units\": \"2000\",\n"
      "      \"unit_price\": \"99.00\",\n"
      "      \"trace\": {\n"
      "        \"formula\": \"团购价 × 件数\",\n"
      "        \"inputs\": \"团购价 = 99, 件数 = 2000\"\n"
      "      },\n"
      "      \"presale\": null\n"
      "    },\n"
      "    \"budget\": {\n"
      "      \"lines\": [\n"
      "        {\n"
      "          \"name\": \"直通车\",\n"
      "          \"category\": \"推广\",\n"
      "          \"amount\": \"3000.00\",\n"
      "          \"discount\": false,\n"
      "          \"trace\": null\n"
      "        },\n"
      "        {\n"
      "          \"name\": \"淘宝客佣金\",\n"
      "          \"category\": \"推广\",\n"
      "          \"amount\": \"9900.00\",\n"
      "          \"discount\": false,\n"
      "          \"trace\": {\n"
      "            \"formula\": \"成交额 × 佣金率\",\n"
      "            \"inputs\": \"成交额 = 198000.00, 佣金率 = 5%\"\n"
      "          }\n"
      "        },\n"
      "        {\n"
      "          \"name\": \"平台补贴\",\n"
      "          \"category\": \"其他\",\n"
      "          \"amount\": \"-500.00\",\n"
      "          \"discount\": true,\n"
      "          \"trace\": null\n"
      "        }\n"
      "      ],\n"
      "      \"categories\": [\n"
      "        {\n"
      "          \"category\": \"推广\",\n"
      "          \"total\": \"12900.00\"\n"
      "        },\n"
      "        {\n"
      "          \"category\": \"其他\",\n"
      "          \"total\": \"-500.00\"\n"
      "        }\n"
      "      ],\n"
      "      \"total\": \"12400.00\",\n"
      "      \"declared_total\": \"12990.00\"\n"
      "    },\n"
      "    \"ratios\": {\n"
      "      \"roas\": {\n"
      "        \"value\": \"495/31\",\n"
      "        \"shown\": \"15.97\",\n"
      "        \"formula\": \"成交额 ÷ 活动费用\"\n"
      "      },\n"
      "      \"finance_roi\": {\n"
      "        \"value\": \"464/31\",\n"
      "        \"shown\": \"1496.77%\",\n"
      "        \"formula\": \"(成交额 − 活动费用) ÷ 活动费用\"\n"
      "      },\n"
      "      \"cost_ratio\": {\n"
      "        \"value\": \"31/495\",\n"
      "        \"shown\": \"6.26%\",\n"
      "        \"formula\": \"活动费用 ÷ 成交额\"\n"
      "      }\n"
      "    },\n"
      "    \"profit\": {\n"
      "      \"unit_cost\": \"45.00\",\n"
      "      \"goods_cost\": \"90000.00\",\n"
      "      \"gross_profit\": \"108000.00\",\n"
      "      \"net_profit\": \"95600.00\",\n"
      "      \"break_even_units\": \"230\",\n"
      "      \"break_even_roas\": {\n"
      "        \"value\": \"11/6\",\n"
      "        \"shown\": \"1.83\",\n"
      "        \"formula\": \"净利润为 0 时的 成交额 ÷ 活动费用\"\n"
      "      },\n"
      "      \"break_even\": {\n"
      "        \"units\": \"230\",\n"
      "        \"method\": \"linear\",\n"
      "        \"parameter\": \"件数\",\n"
      "        \"exact_units\": \"6200/27\",\n"
      "        \"fixed_cost\": \"12400.00\",\n"
      "        \"margin_per_unit\": \"54\",\n"
      "        \"variable_cost_per_unit\": \"0\",\n"
      "        \"variable_lines\": [],\n"
      "        \"searched_to\": null,\n"
      "        \"reason\": null\n"
      "      }\n"
      "    }\n"
      "  },\n"
      "  \"scenarios\": [],\n"
      "  \"sensitivity\": null,\n"
      "  \"shares\": [\n"
      "    {\n"
      "      \"name\": \"货品规划\",\n"
      "      \"rows\": [\n"
      "        {\n"
      "          \"name\": \"大衣\",\n"
      "          \"units\": 6000,\n"
      "          \"unit_share\": \"2/3\",\n"
      "          \"amount\": \"200.00\",\n"
      "          \"amount_share\": \"2/3\"\n"
      "        },\n"
      "        {\n"
      "          \"name\": \"围巾\",\n"
      "          \"units\": 3000,\n"
      "          \"unit_share\": \"1/3\",\n"
      "          \"amount\": \"100.00\",\n"
      "          \"amount_share\": \"1/3\"\n"
      "        }\n"
      "      ],\n"
      "      \"total_units\": 9000,\n"
      "      \"total_amount\": \"300.00\",\n"
      "      \"shown_unit_share_sum\": \"0.999\",\n"
      "      \"shown_amount_share_sum\": \"1\"\n"
      "    }\n"
      "  ],\n"
      "  \"diagnostics\": []\n"
      "}\n");
}

TEST_CASE("the funnel as a table names who is below target", "[render_roi]") {
  CHECK(render_funnel(small_funnel(), Format::table) ==
      "订货宝 上线  (客户.csv)\n"
      "\n"
      "客户转化漏斗\n"
      "  业务员  客户数  注册  激活  下单  激活率  首单率\n"
      "  张三         3     2     2     1  100.0%   50.0%\n"
      "  李四         2     2     1     1   50.0%  100.0%\n"
      "  合计         5     4     3     2   75.0%   66.7%\n"
      "  激活率 = 激活 ÷ 注册; 首单率 = 下单 ÷ 激活\n"
      "  目标: 首单率 60.0%\n"
      "  业务员 < 目标: 张三\n");
}

TEST_CASE("the funnel as JSON", "[render_roi]") {
  CHECK(render_funnel(small_funnel(), Format::json) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": null,\n"
      "  \"campaign\": \"订货宝 上线\",\n"
      "  \"customers_file\": \"客户.csv\",\n"
      "  \"by_salesperson\": [\n"
      "    {\n"
      "      \"salesperson\": \"张三\",\n"
      "      \"customers\": 3,\n"
      "      \"registered\": 2,\n"
      "      \"activated\": 2,\n"
      "      \"ordered\": 1,\n"
      "      \"activation_rate\": {\n"
      "        \"value\": \"1\",\n"
      "        \"shown\": \"100.0%\"\n"
      "      },\n"
      "      \"first_order_rate\": {\n"
      "        \"value\": \"0.5\",\n"
      "        \"shown\": \"50.0%\"\n"
      "      }\n"
      "    },\n"
      "    {\n"
      "      \"salesperson\": \"李四\",\n"
      "      \"customers\": 2,\n"
      "      \"registered\": 2,\n"
      "      \"activated\": 1,\n"
      "      \"ordered\": 1,\n"
      "      \"activation_rate\": {\n"
      "        \"value\": \"0.5\",\n"
      "        \"shown\": \"50.0%\"\n"
      "      },\n"
      "      \"first_order_rate\": {\n"
      "        \"value\": \"1\",\n"
      "        \"shown\": \"100.0%\"\n"
      "      }\n"
      "    }\n"
      "  ],\n"
      "  \"overall\": {\n"
      "    \"customers\": 5,\n"
      "    \"registered\": 4,\n"
      "    \"activated\": 3,\n"
      "    \"ordered\": 2,\n"
      "    \"activation_rate\": {\n"
      "      \"value\": \"0.75\",\n"
      "      \"shown\": \"75.0%\"\n"
      "    },\n"
      "    \"first_order_rate\": {\n"
      "      \"value\": \"2/3\",\n"
      "      \"shown\": \"66.7%\"\n"
      "    }\n"
      "  },\n"
      "  \"targets\": {\n"
      "    \"activation_rate\": null,\n"
      "    \"first_order_rate\": \"0.6\"\n"
      "  },\n"
      "  \"formulas\": {\n"
      "    \"activation_rate\": \"激活用户数 ÷ 注册用户数\",\n"
      "    \"first_order_rate\": \"下单用户数 ÷ 激活用户数\"\n"
      "  },\n"
      "  \"diagnostics\": []\n"
      "}\n");
}

TEST_CASE("ROI CSV guards names but not the numbers dacu wrote, negative ones included", "[render_roi][csv-guard]") {
  auto r = small_roi();
  r.base.lines[0].name = "=HYPERLINK(\"http://x\")";
  r.base.net_profit = yuan(-1200);
  auto csv = render_roi(r, Format::csv);
  CHECK(csv.find("活动费用,\"'=HYPERLINK(\"\"http://x\"\")\",金额,3000.00\r\n") != std::string::npos);
  CHECK(csv.find("利润,净利润,值,-1200.00\r\n") != std::string::npos);
  CHECK(csv.find("活动费用,平台补贴,金额,-500.00\r\n") != std::string::npos);
  RenderOptions raw;
  raw.csv_guard = FormulaGuard::off;
  CHECK(render_roi(r, Format::csv, raw).find("活动费用,\"=HYPERLINK(") != std::string::npos);
}

TEST_CASE("funnel CSV guards a salesperson named like a formula", "[render_roi][csv-guard]") {
  auto f = small_funnel();
  f.by_salesperson[0].salesperson = "-2+3+cmd|' /C calc'!A0";
  auto csv = render_funnel(f, Format::csv);
  CHECK(csv.find("客户转化漏斗,'-2+3+cmd|' /C calc'!A0,客户数,3\r\n") != std::string::npos);
  auto md = render_funnel(f, Format::md);
  CHECK(md.find("| -2+3+cmd\\|' /C calc'!A0 |") != std::string::npos);
}
