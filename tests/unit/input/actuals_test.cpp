// Actuals as shops export them: GBK text, header variants, times of day, hourly figures.
#include <catch2/catch.hpp>

#include "dacu/input/actuals.hpp"
#include "dacu/input/csv.hpp"
#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

date::local_seconds at(int h, int m, int s = 0) {
  return date::local_days{date::year{2026} / 12 / 20} + std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s);
}

date::local_seconds time_of_day(int h, int m, int s = 0) {
  return date::local_seconds{std::chrono::hours(h) + std::chrono::minutes(m) + std::chrono::seconds(s)};
}

// "时间,支付笔数\n10:05,285\n" in GBK, as Excel on a Chinese Windows saves it.
const std::string kGbk = "\xca\xb1\xbc\xe4,\xd6\xa7\xb8\xb6\xb1\xca\xca\xfd\r\n10:05,285\r\n";

}  // namespace

TEST_CASE("A GBK file is told from UTF-8 and read", "[actuals][encoding]") {
  auto file = read_actuals(kGbk, "g.csv");
  REQUIRE(file.rows.size() == 1);
  CHECK(file.rows[0].metric == "支付笔数");
  CHECK(file.rows[0].value == Rational(285));
  CHECK(file.time_only);
  // Forced, the same.
  CHECK(read_actuals(kGbk, "g.csv", {TextEncoding::gb18030, {}, false}).rows == file.rows);
  // UTF-8 stays UTF-8, also when it would decode as GB18030 (every byte pair of 时间 does).
  auto utf8 = read_actuals("时间,支付笔数\n10:05,285\n", "u.csv");
  CHECK(utf8.rows == file.rows);
}

TEST_CASE("A GBK file read as UTF-8 is one located error naming --encoding gbk", "[actuals][encoding]") {
  auto d = error_of([] { read_actuals("time,metric,value\n10:05,\xd6\xa7\xb8\xb6\xb1\xca\xca\xfd,285\n", "g.csv", {TextEncoding::utf8, {}, false}); });
  CHECK(d.code == "D440");
  // The first byte that is not UTF-8: D6 A7 happens to be a UTF-8 character (֧), B8 is not.
  CHECK(where(d.where) == "g.csv:2:8");
  CHECK(d.hint.find("--encoding gbk") != std::string::npos);
  // Bytes that are neither: D342 at the first bad byte, unless told; D441 when told GBK.
  CHECK(error_of([] { read_actuals("time,metric,value\n10:05,\xff\xff,1\n", "x.csv"); }).code == "D342");
  auto gbk = error_of([] { read_actuals("时间,支付笔数\n10:05,\xff\n", "x.csv", {TextEncoding::gb18030, {}, false}); });
  CHECK(gbk.code == "D441");
  CHECK(where(gbk.where) == "x.csv:2:7");
}

TEST_CASE("The names --encoding takes", "[actuals][encoding]") {
  CHECK(parse_encoding("GBK") == TextEncoding::gb18030);
  CHECK(parse_encoding("gb2312") == TextEncoding::gb18030);
  CHECK(parse_encoding("UTF-8") == TextEncoding::utf8);
  CHECK(parse_encoding("auto") == TextEncoding::automatic);
  CHECK(!parse_encoding("latin1"));
}

TEST_CASE("Header variants are read as dacu's metric names", "[actuals][names]") {
  CHECK(metric_name("成交金额") == "支付金额");
  CHECK(metric_name("支付子订单数") == "支付笔数");
  CHECK(metric_name(" 支付金额(元) ") == "支付金额");
  CHECK(metric_name("访客数（人）") == "访客数");
  CHECK(metric_name("成交件数") == "支付件数");
  CHECK(metric_name("激活率(%)") == "激活率(%)");  // a template's own metric stays as written
  CHECK(metric_name("收藏数") == "收藏数");        // unknown: the report names it (D510)
  // Every variant maps to a metric dacu knows, and no variant is itself a metric's name.
  const auto& known = known_metrics();
  for (const auto& v : metric_variants()) {
    CHECK(std::find(known.begin(), known.end(), std::string(v.metric)) != known.end());
    CHECK(std::find(known.begin(), known.end(), std::string(v.variant)) == known.end());
  }
  auto rows = parse_actuals("时间,成交金额,支付子订单数\n2026-12-20 10:05,36765.00,285\n", "v.csv");
  REQUIRE(rows.size() == 2);
  CHECK(rows[0].metric == "支付金额");
  CHECK(rows[1].metric == "支付笔数");
  CHECK(where(rows[1].metric_where) == "v.csv:1:9");  // the header cell as written
}

TEST_CASE("A time of day alone is kept for the caller to date", "[actuals][time]") {
  auto file = read_actuals("时间,支付笔数\n10:05,285\n10:15:30,435\n10:00-11:00,500\n23:00-24:00,600\n", "t.csv");
  REQUIRE(file.rows.size() == 4);
  CHECK(file.time_only);
  CHECK(where(file.time_only_where) == "t.csv:2:1");
  CHECK(file.rows[0].at == time_of_day(10, 5));
  CHECK(file.rows[1].at == time_of_day(10, 15, 30));
  CHECK(file.rows[2].at == time_of_day(11, 0));  // a period is read as its end
  CHECK(file.rows[3].at == time_of_day(24, 0));
  date_actuals(file.rows, date::local_days{date::year{2026} / 12 / 20});
  CHECK(file.rows[0].at == at(10, 5));
  CHECK(!file.rows[0].time_only);
  CHECK(file.rows[3].at == at(24, 0));  // the next day's midnight
}

TEST_CASE("A bad time of day and a file mixing dates and times are located", "[actuals][time]") {
  auto d = error_of([] { read_actuals("时间,支付笔数\n10:05,285\n10:75,300\n", "t.csv"); });
  CHECK(d.code == "D442");
  CHECK(where(d.where) == "t.csv:3:1");
  auto mixed = error_of([] { read_actuals("时间,支付笔数\n2026-12-20 10:05,285\n10:15,300\n", "t.csv"); });
  CHECK(mixed.code == "D453");
  CHECK(where(mixed.where) == "t.csv:3:1");
  // A date-time gone wrong is still D502, with its advice.
  CHECK(error_of([] { read_actuals("时间,支付笔数\n2026-12-20 25:15,1\n", "t.csv"); }).code == "D502");
}

TEST_CASE("Per-period figures: --per-period sums each period's figures into cumulative ones, exactly", "[actuals][per-period]") {
  ActualsOptions o;
  o.per_period = true;
  auto file = read_actuals(
      "时间,支付笔数,支付金额,支付转化率\n"
      "11:00,10,100.10,5%\n"
      "10:00,5,0.20,4%\n"
      "12:00,0,0.01,1%\n",
      "p.csv", o);
  std::vector<std::pair<std::string, std::string>> got;
  for (const auto& r : file.rows) got.push_back({r.metric, r.value.to_string()});
  // File order is kept; each figure is the sum up to its time (10:00 comes first in time).
  CHECK(got == std::vector<std::pair<std::string, std::string>>{
                   {"支付笔数", "15"}, {"支付金额", "100.3"}, {"支付笔数", "5"}, {"支付金额", "0.2"}, {"支付笔数", "15"}, {"支付金额", "100.31"}});
  REQUIRE(file.warnings.size() == 1);  // a rate of periods does not add up: left out
  CHECK(file.warnings[0].code == "D445");
  CHECK(where(file.warnings[0].where) == "p.csv:1:14");
  auto twice = error_of([&] { read_actuals("时间,支付笔数\n10:00,1\n10:00,2\n", "p.csv", o); });
  CHECK(twice.code == "D446");
  CHECK(where(twice.where) == "p.csv:3:7");
}

TEST_CASE("An .xls workbook and a file that is no workbook are refused with advice", "[actuals][xlsx]") {
  CHECK(error_of([] { read_actuals(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1rest", 12), "a.dat"); }).code == "D447");
  CHECK(error_of([] { read_actuals("时间,支付笔数\n", "a.xls"); }).code == "D447");
  auto d = error_of([] { read_actuals("时间,支付笔数\n10:05,1\n", "a.xlsx"); });
  CHECK(d.code == "D448");
  CHECK(d.where.file_name() == "a.xlsx");
  CHECK(error_of([] { read_actuals("PK\x03\x04 not really", "a.csv"); }).code == "D448");
}

TEST_CASE("Actuals as wide as allowed are read, and one column more is D570", "[actuals][bounds]") {
  // 时间, 998 columns dacu does not read (left empty), 支付笔数: 1,000 columns.
  std::string header = "时间", row = "10:05";
  for (int i = 0; i < 998; ++i) {
    header += fmt::format(",备用{}", i);
    row += ",";
  }
  auto file = read_actuals(header + ",支付笔数\n" + row + ",285\n", "a.csv");
  REQUIRE(file.rows.size() == 1);
  CHECK(file.rows[0].metric == "支付笔数");
  CHECK(file.rows[0].value == Rational(285));
  CHECK(where(file.rows[0].where) == "a.csv:2:1005");  // 10:05 and 999 commas
  auto wide = error_of([&] { read_actuals(header + ",支付笔数,支付金额\n" + row + ",285,1\n", "a.csv"); });
  CHECK(wide.code == "D570");
  CHECK(wide.where.line == 1);
}
