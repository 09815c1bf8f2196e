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

// CSV injection (issue 16): a task, product or salesperson named like a formula must reach a
// spreadsheet as text; a number dacu wrote must reach it as a number.

TEST_CASE("CSV puts a quote mark before text that a spreadsheet would run as a formula", "[table][csv-guard]") {
  Table t;
  t.header = {"任务", "金额"};
  t.rows = {{"=HYPERLINK(\"http://x\",\"点我\")", number_cell("-5.00")},
            {"-2+3+cmd|' /C calc'!A0", number_cell("+10%")},
            {"+1", "-3"},
            {"@SUM(1)", "a-b"},
            {"\t=1", "\r=1"}};
  CHECK(render_csv_table(t) ==
        "任务,金额\r\n"
        "\"'=HYPERLINK(\"\"http://x\"\",\"\"点我\"\")\",-5.00\r\n"
        "'-2+3+cmd|' /C calc'!A0,+10%\r\n"
        "'+1,'-3\r\n"
        "'@SUM(1),a-b\r\n"
        "'\t=1,\"'\r=1\"\r\n");
}

TEST_CASE("CSV leaves number cells alone even when they start with a sign", "[table][csv-guard]") {
  // The kind is what the renderer said, not what the text looks like: -3 written by dacu is a
  // number; the same text in a name is text.
  Table t;
  t.rows = {{number_cell("-3"), TableCell("-3")}};
  CHECK(render_csv_table(t) == "-3,'-3\r\n");
}

TEST_CASE("CSV guards header cells, which can hold names from a template", "[table][csv-guard]") {
  Table t;
  t.header = {"=件数", "占比"};
  CHECK(render_csv_table(t) == "'=件数,占比\r\n");
}

TEST_CASE("FormulaGuard off writes every cell as it is", "[table][csv-guard]") {
  Table t;
  t.header = {"=h"};
  t.rows = {{"=1+1"}, {"@x"}};
  CHECK(render_csv_table(t, FormulaGuard::off) == "=h\r\n=1+1\r\n@x\r\n");
  CHECK(csv_field("=1+1", FormulaGuard::off) == "=1+1");
  CHECK(csv_field("=1+1") == "'=1+1");
  CHECK(csv_field("=a,b") == "\"'=a,b\"");
}

// Terminal and Markdown output (issue 16): control characters shown, markup written as text.

TEST_CASE("text tables show control characters as escapes and measure that form", "[table][visible]") {
  Table t;
  t.header = {"任务", "负责人"};
  t.rows = {{"\x1b[31m红\x1b[0m", "a"}, {"x\u202Ey", "b"}, {"第一行\n第二行", "c"}};
  CHECK(render_text_table(t) ==
        "  任务               负责人\n"
        "  \\x1b[31m红\\x1b[0m  a\n"
        "  xU+202Ey           b\n"
        "  第一行\\n第二行     c\n");
}

TEST_CASE("Markdown cells escape HTML, links, emphasis and backslashes", "[table][markdown]") {
  CHECK(md_text("<script>alert(1)</script>") == "&lt;script&gt;alert(1)&lt;/script&gt;");
  CHECK(md_text("a & b") == "a &amp; b");
  CHECK(md_text("[点我](http://evil) ![x](http://t)") == "\\[点我\\](http://evil) !\\[x\\](http://t)");
  CHECK(md_text("*粗* _斜_ `码`") == "\\*粗\\* \\_斜\\_ \\`码\\`");
  // A backslash before a pipe must not escape the pipe dacu escapes.
  CHECK(md_text("a\\|b") == "a\\\\\\|b");
  CHECK(md_text("普通的名字 2026-12-20 10:00") == "普通的名字 2026-12-20 10:00");
}

TEST_CASE("Markdown text turns line breaks into <br> and shows other controls", "[table][markdown]") {
  // A newline in a campaign name must not start a heading of its own.
  CHECK(md_text("双十二\n# 假标题") == "双十二<br># 假标题");
  CHECK(md_text("a\r\nb\rc") == "a<br>b<br>c");
  CHECK(md_text("\x1b]0;t\x07 \u202E") == "\\x1b\\]0;t\\x07 U+202E");
  CHECK(md_text("a\tb") == "a\\tb");
}

TEST_CASE("Markdown tables escape every cell, header and rows", "[table][markdown]") {
  Table t;
  t.header = {"<b>"};
  t.rows = {{"[x](y)"}};
  CHECK(render_md_table(t) ==
        "| &lt;b&gt; |\n"
        "| --- |\n"
        "| \\[x\\](y) |\n");
}
