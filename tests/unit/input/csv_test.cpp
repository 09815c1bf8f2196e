#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <functional>

#include "support.hpp"
#include "dacu/input/csv.hpp"

using namespace dacu;

namespace {

std::string error_of(std::string text) {
  try {
    parse_csv(std::move(text), "c.csv");
  } catch (const InputError& e) {
    return format_diagnostic(e.diagnostic());
  }
  return "no error";
}

}  // namespace

TEST_CASE("RFC 4180 quoting, CRLF, a BOM and blank lines are read", "[csv]") {
  auto t = parse_csv("\xEF\xBB\xBF客户,备注\r\n\"张姐,城东\",\"说\"\"好\"\"\"\r\n\r\n王总,\"两行\n文字\"\r\n李记,", "c.csv");
  CHECK(t.header == std::vector<std::string>{"客户", "备注"});
  REQUIRE(t.records.size() == 3);
  CHECK(t.records[0].fields == std::vector<std::string>{"张姐,城东", "说\"好\""});
  CHECK(t.records[1].fields == std::vector<std::string>{"王总", "两行\n文字"});
  CHECK(t.records[1].start.line == 4);
  CHECK(t.records[2].fields == std::vector<std::string>{"李记", ""});
  CHECK(t.records[2].start.line == 6);
  CHECK(t.header_where[0].column == 1);  // the BOM is not a column
  CHECK(t.records[0].where[1].column == 9);
  CHECK(t.records[0].quoted == std::vector<bool>{true, true});
  CHECK(t.records[2].quoted == std::vector<bool>{false, false});
  CHECK(t.records[1].end.line == 5);  // past the closing quote of the two-line field
  CHECK(t.records[1].end.column == 4);
}

TEST_CASE("bad CSV rows are located errors", "[csv]") {
  CHECK(error_of("a,b\n1,2,3\n") ==
        "dacu: error: c.csv:2:5: the row has 3 fields, the header has 2 [D341]\n"
        " 2 | 1,2,3\n"
        "   |     ^\n"
        "hint: quote fields that contain a comma; every row needs one field per column\n");
  CHECK(error_of("a,b\n1\n").starts_with("dacu: error: c.csv:2:2: the row has 1 field, the header has 2 [D341]"));
  CHECK(error_of("a,b,c\n\"x\",y\r\n").starts_with("dacu: error: c.csv:2:6: the row has 2 fields, the header has 3 [D341]"));
  CHECK(error_of("a,b\n\"1\"x,2\n").starts_with("dacu: error: c.csv:2:4: text after a closing quote [D340]"));
  CHECK(error_of("a,b\n1,x\"y\n").starts_with("dacu: error: c.csv:2:4: a quote inside an unquoted field [D340]"));
  CHECK(error_of("a,b\n1,\"open\n").starts_with("dacu: error: c.csv:2:3: a quoted field is never closed [D340]"));
  CHECK(error_of("a,b\n1,\xff\n").starts_with("dacu: error: c.csv:2:3: invalid UTF-8 [D342]"));
  CHECK(error_of("").starts_with("dacu: error: c.csv:1:1: the file is empty [D344]"));
  CHECK(error_of("a,a\n").starts_with("dacu: error: c.csv:1:3: column a is named twice [D345]"));
}

TEST_CASE("required columns are found by any of their names", "[csv]") {
  auto t = parse_csv("customer,业务员\nx,y\n", "c.csv");
  auto columns = require_columns(t, {{"业务员", "salesperson"}, {"客户", "customer"}});
  CHECK(columns == std::vector<std::size_t>{1, 0});
  try {
    require_columns(t, {{"下单", "ordered"}});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.diagnostic().code == "D343");
    CHECK(e.diagnostic().message == "the header has no column 下单");
  }
}

TEST_CASE("CSV fields are read in NFC, so one salesperson typed two ways is one", "[csv][nfc]") {
  auto t = parse_csv("客户,业务员\r\nA,Cafe\u0301\r\nB,\"Caf\u00e9\"\r\n", "c.csv");
  REQUIRE(t.records.size() == 2);
  CHECK(t.records[0].fields[1] == "Caf\u00e9");
  CHECK(t.records[1].fields[1] == "Caf\u00e9");
}

TEST_CASE("a NUL in a CSV field is refused where it is", "[csv]") {
  auto refusal = [](std::string text) {
    try {
      parse_csv(std::move(text), "c.csv");
    } catch (const InputError& e) {
      const auto& d = e.diagnostic();
      return fmt::format("{}:{} {} [{}] {}", d.where.line, d.where.column, d.message, d.code, d.hint);
    }
    return std::string("no error");
  };
  using namespace std::string_literals;
  CHECK(refusal("客户,业务员\r\nA,x\0y\r\n"s) ==
        "2:4 a NUL character (U+0000) in this field [D095] the file is damaged or not text; export it again as CSV UTF-8");
  CHECK(refusal("客户,业务员\r\nA,\"x\0y\"\r\n"s).starts_with("2:5 a NUL character"));
}

namespace {

Diagnostic diagnostic_of(const std::function<void()>& run) {
  try {
    run();
  } catch (const InputError& e) {
    return e.diagnostic();
  }
  return {};
}

}  // namespace

TEST_CASE("CSV errors read in Chinese for the shop's operators", "[csv][zh]") {
  auto t = parse_csv("custmer,业务员\nx,y\n", "c.csv");
  auto missing = [&] { require_columns(t, {{"客户", "customer"}}); };
  auto en = diagnostic_of(missing);
  CHECK(en.message == "the header has no column 客户");
  CHECK(en.hint == "did you mean custmer? (the column must be named 客户 or customer)");
  CHECK(message_in(Language::zh, "csv.add-column", {{"names", "「客户」或「customer」"}}) == "加一列，列名为「客户」或「customer」");

  dacu::test::InChinese zh;
  auto d = diagnostic_of([] { parse_csv("a,b\n1,2,3\n", "c.csv"); });
  CHECK(d.code == "D341");
  CHECK(d.message == "这一行有 3 个字段，表头有 2 列");
  CHECK(d.hint == "含逗号的字段要加引号；每一行的字段数应与列数相同");
  auto m = diagnostic_of(missing);
  CHECK(m.code == "D343");
  CHECK(m.message == "表头里没有「客户」列");
  CHECK(m.hint == "是不是要写 custmer？（这一列的列名应为「客户」或「customer」）");
  CHECK(diagnostic_of([] { parse_csv("a,b\n1,\"open\n", "c.csv"); }).message == "带引号的字段没有结束引号");
}

TEST_CASE("A row is at most kMaxCsvColumns columns wide: D570 at the first column past it", "[csv][bounds]") {
  // Names of two-byte characters and digits, so that a column counted in bytes would show.
  std::string header, row;
  std::size_t column_of_last = 1;
  for (std::size_t i = 0; i < kMaxCsvColumns; ++i) {
    auto name = fmt::format("列{}", i);
    if (i) {
      header += ',';
      row += ',';
    }
    if (i + 1 == kMaxCsvColumns) column_of_last = header.size() - 2 * i + 1;  // each 列 before: 3 bytes, 1 character
    header += name;
    row += "一";
  }
  auto t = parse_csv(header + "\n" + row + "\n", "c.csv");
  REQUIRE(t.header.size() == kMaxCsvColumns);
  CHECK(t.header.back() == fmt::format("列{}", kMaxCsvColumns - 1));
  CHECK(t.header_where.back().column == static_cast<int>(column_of_last));
  REQUIRE(t.records.size() == 1);
  CHECK(t.records[0].where.back().column == static_cast<int>(2 * kMaxCsvColumns - 1));  // 一, pairs of characters
  // One column more, in the header or in a row: refused where that column starts.
  auto wide = header + ",多一列\n";
  auto e = dacu::test::error_of([&] { parse_csv(wide, "c.csv"); });
  CHECK(e.code == "D570");
  CHECK(dacu::test::where(e.where) == fmt::format("c.csv:1:{}", header.size() - 2 * kMaxCsvColumns + 2));
  CHECK(e.message == "this row has more than 1000 columns, wider than dacu reads");
  auto wide_row = dacu::test::error_of([&] { parse_csv(header + "\n" + row + ",一\n", "c.csv"); });
  CHECK(wide_row.code == "D570");
  CHECK(dacu::test::where(wide_row.where) == fmt::format("c.csv:2:{}", 2 * kMaxCsvColumns + 1));
}

TEST_CASE("A header name given twice is found among many columns", "[csv][bounds]") {
  std::string header;
  for (std::size_t i = 0; i < 900; ++i) header += fmt::format("c{},", i);
  header += "c450";
  auto e = dacu::test::error_of([&] { parse_csv(header + "\n", "c.csv"); });
  CHECK(e.code == "D345");
  CHECK(dacu::test::where(e.where) == fmt::format("c.csv:1:{}", header.size() - 3));
}
