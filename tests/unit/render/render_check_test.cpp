// dacu check's renderer: exact text of a product list judged by hand.

#include "dacu/render/render_check.hpp"

#include <catch2/catch.hpp>

#include "fixtures.hpp"

using namespace dacu;

namespace {

CheckReport small_check() {
  ProductCheck coat{"B1", "羊毛大衣", "女装内衣", "商城", Money::from_yuan(1000), Money::from_yuan(100), Rational(1, 10),
                    Verdict::eligible,
                    {{Finding::Kind::pass, "销售记录", "10 个，原价≤1000元 需 10 个", ""},
                     {Finding::Kind::note, "建议价格", "团购价100元", ""}}};
  ProductCheck scarf{"B2", "围巾, 加厚", "配饰", "集市", Money::from_yuan(399), Money::from_yuan(129), Rational(129, 399),
                     Verdict::not_eligible,
                     {{Finding::Kind::fail, "DSR", "4.5 低于 4.6", "提升店铺评分到 4.6 以上"},
                      {Finding::Kind::not_preferred, "优选条件", "缺少 有实拍", "补充实拍图"}}};
  return {"小店 双十二", "聚划算", "商品.csv", {coat, scarf}};
}

}  // namespace

TEST_CASE("check as a text table with a summary of verdicts and each product's findings", "[render_check]") {
  CHECK(render_check(small_check(), Format::table) ==
      "小店 双十二 · 商品报名资格  (聚划算 商品.csv)\n"
      "2 件商品: 符合 1 · 符合但非优选 0 · 不符合 1\n"
      "\n"
      "  编号  商品        类目      市场     原价  团购价     折扣  结论\n"
      "  B1    羊毛大衣    女装内衣  商城  1000.00  100.00      1折  符合\n"
      "  B2    围巾, 加厚  配饰      集市   399.00  129.00  ≈3.23折  不符合\n"
      "\n"
      "B1 羊毛大衣（女装内衣 · 商城）：符合\n"
      "  ✓  销售记录  10 个，原价≤1000元 需 10 个\n"
      "  ·  建议价格  团购价100元\n"
      "\n"
      "B2 围巾, 加厚（配饰 · 集市）：不符合\n"
      "  ✗  DSR       4.5 低于 4.6 → 提升店铺评分到 4.6 以上\n"
      "  △  优选条件  缺少 有实拍 → 补充实拍图\n"
      "\n"
      "✓ 满足  ✗ 不满足（不符合）  △ 非优选  · 说明\n");
}

TEST_CASE("check as Markdown in English", "[render_check]") {
  CHECK(render_check(small_check(), Format::md, test::in_english()) ==
      "# 小店 双十二 · Eligibility\n"
      "\n"
      "聚划算: 商品.csv · 2 products: eligible 1 · eligible, not preferred 0 · not eligible 1\n"
      "\n"
      "| id | name | category | market | original price | campaign price | discount | verdict |\n"
      "| --- | --- | --- | --- | ---: | ---: | ---: | --- |\n"
      "| B1 | 羊毛大衣 | 女装内衣 | 商城 | 1000.00 | 100.00 | 1折 | eligible |\n"
      "| B2 | 围巾, 加厚 | 配饰 | 集市 | 399.00 | 129.00 | ≈3.23折 | not eligible |\n"
      "\n"
      "## B1 羊毛大衣（女装内衣 · 商城）：eligible\n"
      "\n"
      "|  | rule | finding | what to change |\n"
      "| --- | --- | --- | --- |\n"
      "| ✓ | 销售记录 | 10 个，原价≤1000元 需 10 个 |  |\n"
      "| · | 建议价格 | 团购价100元 |  |\n"
      "\n"
      "## B2 围巾, 加厚（配饰 · 集市）：not eligible\n"
      "\n"
      "|  | rule | finding | what to change |\n"
      "| --- | --- | --- | --- |\n"
      "| ✗ | DSR | 4.5 低于 4.6 | 提升店铺评分到 4.6 以上 |\n"
      "| △ | 优选条件 | 缺少 有实拍 | 补充实拍图 |\n");
}

TEST_CASE("check as CSV: reasons and fixes joined per product, fields quoted when needed", "[render_check]") {
  CHECK(render_check(small_check(), Format::csv) ==
      "编号,商品,类目,市场,原价,团购价,折扣,结论,原因,建议\r\n"
      "B1,羊毛大衣,女装内衣,商城,1000.00,100.00,1折,符合,·建议价格：团购价100元,\r\n"
      "B2,\"围巾, 加厚\",配饰,集市,399.00,129.00,≈3.23折,不符合,✗DSR：4.5 低于 4.6；△优选条件：缺少 有实拍,提升店铺评分到 4.6 以上；补充实拍图\r\n");
}

TEST_CASE("check as JSON", "[render_check]") {
  CHECK(render_check(small_check(), Format::json) ==
      "{\n"
      "  \"dacu_version\": \"" DACU_VERSION "\",\n"
      "  \"schema_version\": \"1\",\n"
      "  \"input\": null,\n"
      "  \"campaign\": \"小店 双十二\",\n"
      "  \"template\": \"聚划算\",\n"
      "  \"products_file\": \"商品.csv\",\n"
      "  \"products\": [\n"
      "    {\n"
      "      \"id\": \"B1\",\n"
      "      \"name\": \"羊毛大衣\",\n"
      "      \"category\": \"女装内衣\",\n"
      "      \"market\": \"商城\",\n"
      "      \"original_price\": \"1000.00\",\n"
      "      \"campaign_price\": \"100.00\",\n"
      "      \"discount\": {\n"
      "        \"ratio\": \"0.1\",\n"
      "        \"zhe\": \"1折\"\n"
      "      },\n"
      "      \"verdict\": \"eligible\",\n"
      "      \"verdict_label\": \"符合\",\n"
      "      \"findings\": [\n"
      "        {\n"
      "          \"kind\": \"pass\",\n"
      "          \"rule\": \"销售记录\",\n"
      "          \"message\": \"10 个，原价≤1000元 需 10 个\",\n"
      "          \"fix\": null\n"
      "        },\n"
      "        {\n"
      "          \"kind\": \"note\",\n"
      "          \"rule\": \"建议价格\",\n"
      "          \"message\": \"团购价100元\",\n"
      "          \"fix\": null\n"
      "        }\n"
      "      ]\n"
      "    },\n"
      "    {\n"
      "      \"id\": \"B2\",\n"
      "      \"name\": \"围巾, 加厚\",\n"
      "      \"category\": \"配饰\",\n"
      "      \"market\": \"集市\",\n"
      "      \"original_price\": \"399.00\",\n"
      "      \"campaign_price\": \"129.00\",\n"
      "      \"discount\": {\n"
      "        \"ratio\": \"43/133\",\n"
      "        \"zhe\": \"≈3.23折\"\n"
      "      },\n"
      "      \"verdict\": \"not_eligible\",\n"
      "      \"verdict_label\": \"不符合\",\n"
      "      \"findings\": [\n"
      "        {\n"
      "          \"kind\": \"fail\",\n"
      "          \"rule\": \"DSR\",\n"
      "          \"message\": \"4.5 低于 4.6\",\n"
      "          \"fix\": \"提升店铺评分到 4.6 以上\"\n"
      "        },\n"
      "        {\n"
      "          \"kind\": \"not_preferred\",\n"
      "          \"rule\": \"优选条件\",\n"
      "          \"message\": \"缺少 有实拍\",\n"
      "          \"fix\": \"补充实拍图\"\n"
      "        }\n"
      "      ]\n"
      "    }\n"
      "  ]\n"
      "}\n");
}

TEST_CASE("check writes no calendar, page or workbook", "[render_check]") {
  CHECK_THROWS_AS(render_check(small_check(), Format::html), Error);
}

TEST_CASE("check CSV guards product names and leaves its own prices alone", "[render_check][csv-guard]") {
  auto r = small_check();
  r.products[0].id = "=1+1";
  r.products[0].name = "@SUM(A1)";
  r.products[1].original_price = Money::from_yuan(-5);  // not a real price: only the cell's kind matters
  auto csv = render_check(r, Format::csv);
  CHECK(csv.find("'=1+1,'@SUM(A1),女装内衣,商城,1000.00,100.00,1折,符合") != std::string::npos);
  CHECK(csv.find(",集市,-5.00,129.00,") != std::string::npos);
  auto text = render_check(r, Format::table);
  CHECK(text.find("=1+1 @SUM(A1)（女装内衣 · 商城）") != std::string::npos);  // a terminal runs no formula
}

TEST_CASE("check text and Markdown show what a product CSV smuggles in", "[render_check][visible]") {
  auto r = small_check();
  r.products[0].name = "\x1b[31m红\x1b[0m";
  r.products[0].market = "<b>商城</b>";
  auto text = render_check(r, Format::table);
  CHECK(text.find('\x1b') == std::string::npos);
  CHECK(text.find("B1 \\x1b[31m红\\x1b[0m（女装内衣 · <b>商城</b>）：符合") != std::string::npos);
  auto md = render_check(r, Format::md);
  CHECK(md.find("## B1 \\x1b\\[31m红\\x1b\\[0m（女装内衣 · &lt;b&gt;商城&lt;/b&gt;）：符合") != std::string::npos);
}
