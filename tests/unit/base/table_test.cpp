// Tables: aligned text by display width (Chinese counts two columns), Markdown pipe tables and
// RFC 4180 CSV, byte for byte.

#include "dacu/base/table.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dacu;

namespace {

// 名称 is four columns wide, as wide as 数量; 备货 and 12 fill theirs differently.
Table stock_table() {
  Table t;
  t.header = {"名称", "数量"};
  t.rows = {{"备货", "12"}, {"a", "3"}};
  t.align = {Align::left, Align::right};
  return t;
}

}  // namespace

TEST_CASE("text tables pad Chinese cells by display width and right-align numbers", "[table]") {
  CHECK(render_text_table(stock_table()) ==
        "  名称  数量\n"
        "  备货    12\n"
        "  a        3\n");
}

TEST_CASE("text table columns are as wide as their widest cell, header or row", "[table]") {
  Table t;
  t.header = {"任务", "负责人", "备注"};
  t.rows = {{"开团前巡检", "运营主管", "x"}, {"a", "b", "长备注"}};
  CHECK(render_text_table(t) ==
        "  任务        负责人    备注\n"
        "  开团前巡检  运营主管  x\n"
        "  a           b         长备注\n");
}

TEST_CASE("text tables trim trailing spaces and do not pad the last left column", "[table]") {
  Table t;
  t.header = {"任务", "备注"};
  t.rows = {{"备货", ""}, {"开团前巡检", "早"}};
  CHECK(render_text_table(t) ==
        "  任务        备注\n"
        "  备货\n"
        "  开团前巡检  早\n");
  // A right-aligned last column is padded on the left, never on the right.
  Table r;
  r.rows = {{"a", "1"}, {"bb", ""}};
  r.align = {Align::left, Align::right};
  CHECK(render_text_table(r) == "  a   1\n  bb\n");
}

TEST_CASE("text tables take the indent given, and skip an empty header", "[table]") {
  Table t;
  t.rows = {{"备货", "12"}, {"a", "3"}};
  t.align = {Align::left, Align::right};
  CHECK(render_text_table(t, "") == "备货  12\na      3\n");
  CHECK(render_text_table(t, "    ") == "    备货  12\n    a      3\n");
  CHECK(render_text_table(Table{}) == "");
}

TEST_CASE("Markdown tables mark right-aligned columns and escape pipes and line breaks", "[table]") {
  CHECK(render_md_table(stock_table()) ==
        "| 名称 | 数量 |\n"
        "| --- | ---: |\n"
        "| 备货 | 12 |\n"
        "| a | 3 |\n");
  Table t;
  t.header = {"a|b", "备注"};
  t.rows = {{"x|y|z", "第一行\n第二行"}};
  CHECK(render_md_table(t) ==
        "| a\\|b | 备注 |\n"
        "| --- | --- |\n"
        "| x\\|y\\|z | 第一行<br>第二行 |\n");
}

TEST_CASE("Markdown tables without a header get an empty one as wide as the widest row", "[table]") {
  Table t;
  t.rows = {{"a"}, {"b", "c"}};
  CHECK(render_md_table(t) ==
        "|  |  |\n"
        "| --- | --- |\n"
        "| a |\n"
        "| b | c |\n");
}

TEST_CASE("a CRLF line break in a Markdown cell becomes one <br>", "[table]") {
  // The header promises that line breaks become <br>; a \r left in the cell is a line ending in
  // CommonMark and cuts the table row in two.
  Table t;
  t.header = {"备注"};
  t.rows = {{"第一行\r\n第二行"}};
  CHECK(render_md_table(t) ==
        "| 备注 |\n"
        "| --- |\n"
        "| 第一行<br>第二行 |\n");
}

TEST_CASE("CSV quotes fields with a comma, quote or line break and ends lines with CRLF", "[table]") {
  Table t;
  t.header = {"名称", "备注"};
  t.rows = {{"a,b", "说\"好\""}, {"第一行\n第二行", "plain"}, {"x\ry", ""}};
  CHECK(render_csv_table(t) ==
        "名称,备注\r\n"
        "\"a,b\",\"说\"\"好\"\"\"\r\n"
        "\"第一行\n第二行\",plain\r\n"
        "\"x\ry\",\r\n");
}

TEST_CASE("CSV without a header has no header line, and spaces are not quoted", "[table]") {
  Table t;
  t.rows = {{" a ", "1"}, {}};
  CHECK(render_csv_table(t) == " a ,1\r\n\r\n");
  CHECK(render_csv_table(Table{}) == "");
}

TEST_CASE("with_excel_bom puts a UTF-8 byte order mark in front only when asked", "[table]") {
  CHECK(with_excel_bom("名称\r\n", true) == "\xEF\xBB\xBF名称\r\n");
  CHECK(with_excel_bom("名称\r\n", false) == "名称\r\n");
  CHECK(with_excel_bom("", true) == "\xEF\xBB\xBF");
}

TEST_CASE("csv_field quotes one field as a table row would", "[table]") {
  CHECK(csv_field("运营主管") == "运营主管");
  CHECK(csv_field("") == "");
  CHECK(csv_field("a,b") == "\"a,b\"");
  CHECK(csv_field("\"") == "\"\"\"\"");
  CHECK(csv_field("a\r\nb") == "\"a\r\nb\"");
  CHECK(csv_field("a;b") == "a;b");
}
