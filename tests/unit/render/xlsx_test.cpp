#include "dacu/render/xlsx.hpp"

#include <catch2/catch.hpp>

#include <string>

#include "dacu/writers/modules.hpp"
#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {
// The linked writer (this test links dacu_xlsx_writer), as the module would write it.
std::string bytes(const xlsx::Workbook& book) { return xlsx::write_workbook(book); }
}  // namespace

namespace {

std::chrono::sys_seconds created() { return std::chrono::sys_seconds(date::sys_days(date::year(2026) / 11 / 20)); }

xlsx::Workbook one_cell(xlsx::Cell cell) {
  xlsx::Workbook book(created(), "测试");
  book.add_sheet("任务", {"值"}).rows.push_back({std::move(cell)});
  return book;
}

}  // namespace

TEST_CASE("sheet names keep to what Excel allows", "[xlsx]") {
  CHECK(xlsx::sheet_name("跟进检查点", {}) == "跟进检查点");
  CHECK(xlsx::sheet_name("a/b:c*d?e[f]g\\h", {}) == "a_b_c_d_e_f_g_h");
  CHECK(xlsx::sheet_name("'quoted'", {}) == "quoted");
  CHECK(xlsx::sheet_name("", {}) == "Sheet");
  // 31 UTF-16 units: CJK characters count one each, characters past U+FFFF two.
  std::string long_cjk;
  for (int i = 0; i < 40; ++i) long_cjk += "任";
  CHECK(xlsx::sheet_name(long_cjk, {}) == long_cjk.substr(0, 31 * 3));
  std::string emoji;
  for (int i = 0; i < 20; ++i) emoji += "\U0001F4C5";
  CHECK(xlsx::sheet_name(emoji, {}) == emoji.substr(0, 15 * 4));
}

TEST_CASE("a sheet name already taken gets a number, ignoring ASCII case", "[xlsx]") {
  CHECK(xlsx::sheet_name("Tasks", {"tasks"}) == "Tasks (2)");
  CHECK(xlsx::sheet_name("history", {}) == "history (2)");  // reserved by Excel
  CHECK(xlsx::sheet_name("History", {"History (2)"}) == "History (3)");
  CHECK(xlsx::sheet_name("任务", {"任务", "任务 (2)"}) == "任务 (3)");
  std::string long_name(40, 'x');
  auto numbered = xlsx::sheet_name(long_name, {std::string(31, 'x')});
  CHECK(numbered == std::string(27, 'x') + " (2)");
}

TEST_CASE("cells are named as Excel names them", "[xlsx]") {
  CHECK(xlsx::cell_name(0, 0) == "A1");
  CHECK(xlsx::cell_name(11, 4) == "E12");
  CHECK(xlsx::cell_name(0, 25) == "Z1");
  CHECK(xlsx::cell_name(0, 26) == "AA1");
  CHECK(xlsx::cell_name(1, 701) == "ZZ2");
  CHECK(xlsx::cell_name(1, 702) == "AAA2");
}

TEST_CASE("an empty text is an empty cell", "[xlsx]") {
  CHECK(xlsx::Cell::text_of("").kind == xlsx::Cell::Kind::empty);
  CHECK(xlsx::Cell::text_of("约300").kind == xlsx::Cell::Kind::text);
}

TEST_CASE("money keeps its fen", "[xlsx]") {
  auto cell = xlsx::Cell::money_of(parse_money("12.35", Rounding::none));
  CHECK(cell.kind == xlsx::Cell::Kind::money);
  CHECK(cell.whole == 1235);
  CHECK(bytes(one_cell(cell)).substr(0, 2) == "PK");
}

TEST_CASE("the same sheets give the same bytes", "[xlsx]") {
  auto make = [] {
    xlsx::Workbook book(created(), "雪凡妮");
    auto& sheet = book.add_sheet("任务", {"开始", "任务", "全天", "金额"});
    sheet.rows.push_back({xlsx::Cell::date_of(date::local_days(date::year(2026) / 12 / 20)), xlsx::Cell::text_of("开团"),
                          xlsx::Cell::boolean_of(true), xlsx::Cell::money_of(Money::from_fen(1235))});
    sheet.notes.push_back("说明");
    return bytes(book);
  };
  auto first = make();
  CHECK(first == make());
  CHECK(first.size() > 1000);
}

TEST_CASE("an amount with more than 15 digits is refused at its cell", "[xlsx]") {
  auto d = error_of([] { bytes(one_cell(xlsx::Cell::money_of(Money::from_fen(1'000'000'000'000'000)))); });
  CHECK(d.code == "D073");
  CHECK(where(d.where) == "任务!A2:0:0");
  CHECK_THAT(d.message, Catch::Contains("more than 15 digits"));
  CHECK_NOTHROW(bytes(one_cell(xlsx::Cell::money_of(Money::from_fen(999'999'999'999'999)))));
}

TEST_CASE("a text longer than an Excel cell holds is refused at its cell", "[xlsx]") {
  std::string text;
  for (int i = 0; i < 32768; ++i) text += "备";
  auto d = error_of([&] { bytes(one_cell(xlsx::Cell::text_of(text))); });
  CHECK(d.code == "D073");
  CHECK(where(d.where) == "任务!A2:0:0");
  CHECK_THAT(d.message, Catch::Contains("32,767"));
}


TEST_CASE("a refused cell is explained in Chinese when messages are", "[xlsx]") {
  dacu::test::InChinese zh;
  auto d = error_of([] { bytes(one_cell(xlsx::Cell::money_of(Money::from_fen(1'000'000'000'000'000)))); });
  CHECK(d.code == "D073");
  CHECK(d.message == "10,000,000,000,000.00 元超过 15 位数字，超出了 Excel 数字能精确保存的范围");
  CHECK(d.hint == "这么大的金额请用 --format json 或 csv 输出");
}
