#include <catch2/catch.hpp>

#include "dacu/compute/eligibility.hpp"
#include "dacu/input/loader.hpp"
#include "dacu/input/product_csv.hpp"

using namespace dacu;

namespace {

const Template& juhuasuan() {
  static const Template t = parse_template(builtin_template_text("聚划算"), "<builtin>/聚划算.yaml");
  return t;
}
const EligibilityRules& rules() { return juhuasuan().eligibility; }

constexpr std::string_view kHeader = "编号,商品,类目,子类目,市场,原价,团购价,报名数量,销售记录,低价记录,DSR,新品首发,条件\n";

ProductCheck check_row(std::string_view row) {
  auto products = parse_products(std::string(kHeader) + std::string(row) + "\n", "p.csv", rules());
  REQUIRE(products.size() == 1);
  return check_products(rules(), products).front();
}

const Finding& finding(const ProductCheck& c, std::string_view rule) {
  for (const auto& f : c.findings) {
    if (f.rule == rule) return f;
  }
  FAIL("no finding for " << rule);
  return c.findings.front();
}

std::string csv_error(std::string_view text) {
  try {
    parse_products(text, "p.csv", rules());
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

}  // namespace

TEST_CASE("the built-in 聚划算 template carries the seed's eligibility rules") {
  const auto& r = rules();
  REQUIRE(r.present);
  REQUIRE(r.sales_bands.size() == 3);
  CHECK(r.sales_bands[0].up_to == Money::from_yuan(1000));
  CHECK(r.sales_bands[0].sales == 10);
  CHECK(r.sales_bands[1].sales == 3);
  CHECK(r.sales_bands[2].up_to == Money::from_yuan(10000));
  CHECK(r.sales_bands[2].sales == 0);
  CHECK(r.new_launch_exempt);
  CHECK(r.min_units == 1000);
  CHECK(r.units_exempt_from == Money::from_yuan(100));
  CHECK(r.dsr_min == parse_rational("4.6"));
  CHECK(r.dsr_max == Rational(5));
  CHECK(r.max_below_price_share == Rational(1, 2));
  REQUIRE(r.find_category("女装内衣"));
  CHECK(r.find_category("女装内衣")->discounts.front().at_most == Rational(1, 2));
  CHECK(r.find_category("流行饰品")->discounts.front().at_most == Rational(7, 20));
  CHECK(r.find_category("化妆品")->market == "集市");
  CHECK(r.find_category("鞋类")->required.front().name == "七天无理由退换货");
  CHECK(r.canonical_condition("七天无理由") == "七天无理由退换货");
  CHECK(check_eligibility_rules(juhuasuan()).empty());
}

TEST_CASE("a product exactly at every boundary is judged as the seed's wording says") {
  // 原价1000元 is in “1000元以下” (10 sales); 1000件 is “1000件以上”; 团购价100元 is “100元以上”;
  // DSR 4.6 is within “4.6-5.0”; 5 of 10 records below the price is not “大量”.
  auto c = check_row("B1,羊毛大衣,女装内衣,,商城,1000,100,1000,10,5,4.6,否,有实拍;细节图;七天无理由");
  CHECK(c.verdict == Verdict::eligible);
  CHECK(finding(c, "销售记录").message == "10 个，原价≤1000元 需 10 个");
  CHECK(finding(c, "DSR").kind == Finding::Kind::pass);
  CHECK(finding(c, "报名数量").message == "团购价100元≥100元，不受1000件限制（报名 1000 件）");
  CHECK(finding(c, "原价销售记录").kind == Finding::Kind::pass);
  CHECK(c.discount == Rational(1, 10));
}

TEST_CASE("one step past each boundary fails") {
  CHECK(finding(check_row("B,a,女装内衣,,集市,1000,100,1000,9,0,4.8,,"), "销售记录").kind == Finding::Kind::fail);
  CHECK(finding(check_row("B,a,女装内衣,,集市,1000.01,100,1000,3,0,4.8,,"), "销售记录").message ==
        "3 个，1000元<原价≤3000元 需 3 个");
  CHECK(finding(check_row("B,a,女装内衣,,集市,3000,100,1000,2,0,4.8,,"), "销售记录").kind == Finding::Kind::fail);
  CHECK(finding(check_row("B,a,女装内衣,,集市,3000.01,100,1000,0,0,4.8,,"), "销售记录").kind == Finding::Kind::pass);
  CHECK(finding(check_row("B,a,女装内衣,,集市,20000,100,1000,0,0,4.8,,"), "销售记录").kind == Finding::Kind::note);
  auto units = finding(check_row("B,a,女装内衣,,集市,200,99.99,999,50,0,4.8,,"), "报名数量");
  CHECK(units.kind == Finding::Kind::fail);
  CHECK(units.fix == "报名数量增加到 1000 件（团购价100元以上的单品不受此限）");
  auto dsr = finding(check_row("B,a,女装内衣,,集市,200,99,1000,50,0,4.59,,"), "DSR");
  CHECK(dsr.kind == Finding::Kind::fail);
  CHECK(dsr.message == "4.59，不在4.6-5.0之内");
  auto below = finding(check_row("B,a,女装内衣,,集市,200,99,1000,9,5,4.8,,"), "原价销售记录");
  CHECK(below.kind == Finding::Kind::fail);
  CHECK(below.fix == "再积累 1 个不低于现在售价的销售记录");
}

TEST_CASE("new first-launch products need no sales history") {
  auto c = check_row("B,智能手表,品牌手表,,商城,1999,1299,500,0,0,5.0,是,假一赔三");
  CHECK(c.verdict == Verdict::eligible);
  CHECK(finding(c, "销售记录").kind == Finding::Kind::note);
  CHECK(finding(c, "销售记录").fix == "需单独申请报名");
}

TEST_CASE("category conditions: required, preferred, discount, market, only") {
  auto shoes = check_row("B,跑鞋,鞋类,,集市,699,399,1000,20,0,4.9,,细节图;单品多维度细节图");
  CHECK(shoes.verdict == Verdict::not_eligible);
  CHECK(finding(shoes, "必选条件").message == "缺少七天无理由退换货");

  auto scarf = check_row("B,围巾,服装配饰,,集市,1200,588,800,3,0,4.7,,有实拍");
  CHECK(scarf.verdict == Verdict::not_preferred);

  auto snack = check_row("B,坚果,食品,零食,集市,99,69,5000,300,0,4.8,,QS");
  CHECK(snack.verdict == Verdict::not_preferred);
  CHECK(finding(snack, "建议价格").fix == "团购价降到59.40元以下");
  auto health = check_row("B,鱼油,食品,保健品,集市,100,40,5000,300,0,4.8,,QS");
  CHECK(health.verdict == Verdict::eligible);
  CHECK(finding(health, "建议价格").message == "保健品：4折，在4折以下");

  auto cream = check_row("B,面霜,化妆品,,商城,168,100,1000,120,0,4.7,,");
  CHECK(cream.verdict == Verdict::eligible);  // 化妆品's 假一赔三 is listed for 集市 only
  CHECK(finding(cream, "类目").kind == Finding::Kind::note);

  auto milk = check_row("B,奶粉,母婴,奶粉,集市,358,268,1500,80,0,4.9,,");
  CHECK(milk.verdict == Verdict::not_eligible);
  auto clothes = check_row("B,童装,母婴,童装,集市,100,50,1500,80,0,4.9,,");
  CHECK(clothes.verdict == Verdict::eligible);  // 皇冠以上 applies to 奶粉/辅食 only
}

TEST_CASE("discounts are shown as 几折, exact or marked as rounded") {
  CHECK(format_zhe(Rational(1, 2)) == "5折");
  CHECK(format_zhe(Rational(7, 20)) == "3.5折");
  CHECK(format_zhe(Rational(2199, 3000)) == "7.33折");
  CHECK(format_zhe(Rational(129, 399)) == "≈3.23折");
  CHECK(format_zhe(Rational(1299, 1999)) == "≈6.50折");
  CHECK(format_zhe(Rational(1)) == "10折");
}

TEST_CASE("the product list is read with parse_csv: RFC 4180, a BOM, CRLF and blank lines") {
  auto products = parse_products("\xEF\xBB\xBF" + std::string(kHeader.substr(0, kHeader.size() - 1)) +
                                     "\r\n\r\n\"A\",\"面霜 \"\"礼盒\"\"\n两件\",化妆品,,商城,168,100,1000,120,0,4.7,,\r\n",
                                 "p.csv", rules());
  REQUIRE(products.size() == 1);
  CHECK(products[0].id == "A");
  CHECK(products[0].name == "面霜 \"礼盒\"\n两件");
  CHECK(products[0].where.line == 3);
  CHECK(products[0].where.column == 1);  // the BOM is not a column
}

TEST_CASE("product CSV errors are located") {
  CHECK(csv_error("编号,商品\n") ==
        "dacu: error: p.csv:1:1: the header has no column 类目 (category) [D411]\n"
        " 1 | 编号,商品\n"
        "   | ^\n"
        "hint: add a column named 类目\n");
  CHECK(csv_error(std::string(kHeader) + "B,a,女装内衣,,集市,200,99,1000,9,5,4.8,也许,\n") ==
        "dacu: error: p.csv:2:34: 新品首发 '也许' is not 是 or 否 [D412]\n"
        " 2 | B,a,女装内衣,,集市,200,99,1000,9,5,4.8,也许,\n"
        "   |                                        ^\n"
        "hint: write 是 or 否 (true/false, yes/no and 1/0 also work), or leave it empty for 否\n");
  CHECK(csv_error(std::string(kHeader) + "B,a,女装内衣,,集市,200,299,1000,9,5,4.8,,\n").find(
            "p.csv:2:18: 团购价 299.00 is above 原价 200.00 [D412]") != std::string::npos);
  CHECK(csv_error(std::string(kHeader) + "B,a,女装内衣,,集市,200,99,1000,9,5,4.8\n").find(
            "p.csv:2:33: the row has 11 fields, the header has 13 [D341]") != std::string::npos);
  CHECK(csv_error("").find("p.csv:1:1: the file is empty [D344]") != std::string::npos);
  CHECK(csv_error(kHeader).find("p.csv:1:1: the product list has a header but no products [D411]") != std::string::npos);
  CHECK(csv_error(std::string(kHeader) + "B,a\"b,女装内衣,,集市,200,99,1000,9,5,4.8,,\n").find("p.csv:2:4: a quote inside") !=
        std::string::npos);
}

TEST_CASE("check_eligibility_rules collects problems in the rules section") {
  auto t = parse_template(R"(dacu: 1
kind: template
name: t
eligibility:
  markets: [商城, 集市]
  sales_history:
    bands:
      - {up_to: 3000, sales: 3}
      - {up_to: 1000, sales: 10}
  dsr: {min: 5.0, max: 4.6}
  conditions:
    假一赔三: [假一赔三]
  categories:
    女装:
      market: 天猫
      required: [七天无理由]
)",
                          "t.yaml");
  auto problems = check_eligibility_rules(t);
  std::vector<std::string> codes;
  for (const auto& d : problems) codes.push_back(d.code);
  CHECK(codes == std::vector<std::string>{"D403", "D401", "D405", "D404", "D404"});
  CHECK(problems[1].where.line == 9);
}

TEST_CASE("eligibility values are checked while reading") {
  auto error_of = [](std::string_view body) {
    try {
      parse_template(std::string("dacu: 1\nkind: template\nname: t\neligibility:\n") + std::string(body), "t.yaml");
    } catch (const InputError& e) {
      return e.diagnostic().code + " " + e.diagnostic().message;
    }
    return std::string("no error");
  };
  CHECK(error_of("  categories:\n    女装:\n      discounts: [{at_most: 50%}]\n") == "D402 discount '50%' is not written as 几折");
  CHECK(error_of("  categories:\n    女装:\n      discounts: [{at_most: 12折}]\n") == "D402 discount '12折' is not between 0折 and 10折");
  CHECK(error_of("  units: {min: lots}\n") == "D400 min 'lots' is not a whole number");
  CHECK(error_of("  dsr: {minimum: 4.6}\n").starts_with("D002"));
}

TEST_CASE("a check report counts its products by verdict") {
  CheckReport report{"活动", "聚划算", "p.csv", {}};
  for (auto v : {Verdict::eligible, Verdict::not_eligible, Verdict::eligible}) {
    ProductCheck p;
    p.verdict = v;
    report.products.push_back(p);
  }
  CHECK(report.count(Verdict::eligible) == 2);
  CHECK(report.count(Verdict::not_preferred) == 0);
  CHECK(report.count(Verdict::not_eligible) == 1);
}

TEST_CASE("书籍音像: an ordinary book passes and only 音像 needs 商城书籍类目推荐 (issue 20)") {
  // The seed: 「书籍音像 音像类由于特殊类目问题,报名全部由商城书籍类目推荐」 — 音像 only.
  auto book = check_row("B,小说,书籍音像,书籍,商城,59,29,1500,30,0,4.8,,");
  CHECK(book.verdict == Verdict::eligible);
  auto disc = check_row("B,CD,书籍音像,音像,商城,59,29,1500,30,0,4.8,,");
  CHECK(disc.verdict == Verdict::not_eligible);
  CHECK(finding(disc, "必选条件").message == "缺少商城书籍类目推荐（音像）");
  auto recommended = check_row("B,CD,书籍音像,音像,商城,59,29,1500,30,0,4.8,,商城书籍类目推荐");
  CHECK(recommended.verdict == Verdict::eligible);
}

TEST_CASE("品牌手表 and Zippo/眼镜/瑞士军刀 are one row of the seed's table, one category found by each name (issue 20)") {
  const auto& r = rules();
  const auto* row = r.find_category("品牌手表/Zippo/眼镜/瑞士军刀");
  REQUIRE(row);
  for (const char* typed : {"品牌手表", "Zippo", "眼镜", "瑞士军刀"}) {
    INFO(typed);
    CHECK(r.find_category(typed) == row);
  }
  CHECK_FALSE(r.find_category("手表"));  // a part is matched whole, not as a piece of text
  CHECK_FALSE(r.find_category(""));
  // The row's 优选条件 and its 建议价格 apply to every one of its names.
  auto glasses = check_row("B,墨镜,眼镜,,商城,800,399,1000,20,0,4.9,,自有品牌");
  CHECK(glasses.verdict == Verdict::not_preferred);
  CHECK(finding(glasses, "优选条件").kind == Finding::Kind::not_preferred);  // no 假一赔三
  CHECK(finding(glasses, "建议价格").kind == Finding::Kind::not_preferred);  // 自有品牌 above 3.5折
  auto watch = check_row("B,手表,品牌手表,,商城,1000,350,1000,20,0,4.9,,假一赔三;自有品牌");
  CHECK(watch.verdict == Verdict::eligible);
  // A name that only holds a part is pointed at the row.
  auto near = check_row("B,手表,手表,,商城,1000,350,1000,20,0,4.9,,假一赔三");
  CHECK(finding(near, "类目").fix == "类目是否应为品牌手表/Zippo/眼镜/瑞士军刀？");
}

TEST_CASE("a category is found whatever the case of its ASCII letters, and so is the did-you-mean") {
  const auto& r = rules();
  const auto* row = r.find_category("品牌手表/Zippo/眼镜/瑞士军刀");
  REQUIRE(row);
  for (const char* typed : {"ZIPPO", "zippo", "ZiPpO", "品牌手表/zippo/眼镜/瑞士军刀"}) {
    INFO(typed);
    CHECK(r.find_category(typed) == row);
  }
  CHECK(r.find_category("3c数码") == r.find_category("3C数码"));
  auto lighter = check_row("B,打火机,ZIPPO,,商城,800,280,1000,20,0,4.9,,假一赔三;自有品牌");
  CHECK(lighter.verdict == Verdict::eligible);
  CHECK(finding(lighter, "类目").message == "按“品牌手表/Zippo/眼镜/瑞士军刀”类目判断");
  // Not found: the nearest name is suggested whatever the case.
  auto near = check_row("B,耳机,3c数吗,,商城,800,280,1000,20,0,4.9,,");
  CHECK(finding(near, "类目").fix == "类目是否应为3C数码？");
}

TEST_CASE("书籍音像 found as 音像, 书籍 or an alias, and 音像 typed as the 类目 is the 子类目 its rule is about") {
  const auto& r = rules();
  const auto* row = r.find_category("书籍音像");
  REQUIRE(row);
  for (const char* typed : {"音像", "书籍", "图书", "书籍/音像", "音像制品"}) {
    INFO(typed);
    CHECK(r.find_category(typed) == row);
  }
  CHECK_FALSE(r.find_category("手表"));  // a part of a name with a / is matched whole
  // A CD typed 音像 (or 音像制品) needs 商城书籍类目推荐 as it does under 书籍音像 + 子类目 音像.
  for (const char* typed : {"音像", "音像制品"}) {
    INFO(typed);
    auto disc = check_row(std::string("B,CD,") + typed + ",,商城,59,29,1500,30,0,4.8,,");
    CHECK(disc.verdict == Verdict::not_eligible);
    CHECK(finding(disc, "必选条件").message == "缺少商城书籍类目推荐（音像）");
    CHECK(finding(disc, "类目").message == "按“书籍音像”类目、子类目“音像”判断");
  }
  // 图书: an ordinary book, judged under 书籍音像.
  auto book = check_row("B,小说,图书,,商城,59,29,1500,30,0,4.8,,");
  CHECK(book.verdict == Verdict::eligible);
  CHECK(finding(book, "类目").message == "按“书籍音像”类目判断");
}
