// .xlsx sheets read with minizip and expat: cells, strings, numbers, dates and the limits.
#include <catch2/catch.hpp>
#include <zip.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <utility>
#include <vector>

#include "dacu/input/actuals.hpp"
#include "dacu/input/xlsx_reader.hpp"
#include "support.hpp"

using namespace dacu;
using dacu::test::error_of;
using dacu::test::where;

namespace {

// A workbook of `parts` (path, text), zipped by minizip into a scratch file and read back: a test
// fixture, as tests/data/make_exports.py writes the committed ones.
std::string zipped(const std::vector<std::pair<std::string, std::string>>& parts) {
  auto path = std::filesystem::temp_directory_path() / fmt::format("dacu-xlsx-test-{}.zip", ::getpid());
  zipFile z = zipOpen64(path.c_str(), APPEND_STATUS_CREATE);
  REQUIRE(z);
  for (const auto& [name, text] : parts) {
    zip_fileinfo info{};
    REQUIRE(zipOpenNewFileInZip64(z, name.c_str(), &info, nullptr, 0, nullptr, 0, nullptr, Z_DEFLATED, 6, 1) == ZIP_OK);
    REQUIRE(zipWriteInFileInZip(z, text.data(), static_cast<unsigned>(text.size())) == ZIP_OK);
    REQUIRE(zipCloseFileInZip(z) == ZIP_OK);
  }
  REQUIRE(zipClose(z, nullptr) == ZIP_OK);
  std::ifstream in(path, std::ios::binary);
  std::stringstream bytes;
  bytes << in.rdbuf();
  std::filesystem::remove(path);
  return bytes.str();
}

constexpr const char* kNs = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships")";
constexpr const char* kRel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

// A workbook with sheets named `names`, each with its sheetData XML; shared strings `strings`.
std::string book(const std::vector<std::pair<std::string, std::string>>& sheets, const std::vector<std::string>& strings,
                 const std::string& workbook_pr = "") {
  std::vector<std::pair<std::string, std::string>> parts;
  parts.push_back({"_rels/.rels", fmt::format(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{}/officeDocument" Target="xl/workbook.xml"/></Relationships>)", kRel)});
  std::string list, rels;
  for (std::size_t i = 0; i < sheets.size(); ++i) {
    list += fmt::format(R"(<sheet name="{}" sheetId="{}" r:id="rId{}"/>)", sheets[i].first, i + 1, i + 1);
    rels += fmt::format(R"(<Relationship Id="rId{}" Type="{}/worksheet" Target="/xl/worksheets/s{}.xml"/>)", i + 1, kRel, i + 1);
    parts.push_back({fmt::format("xl/worksheets/s{}.xml", i + 1),
                     fmt::format("<worksheet {}><sheetData>{}</sheetData></worksheet>", kNs, sheets[i].second)});
  }
  rels += fmt::format(R"(<Relationship Id="rIdS" Type="{}/sharedStrings" Target="strings.xml"/>)", kRel);
  parts.push_back({"xl/workbook.xml", fmt::format("<workbook {}>{}<sheets>{}</sheets></workbook>", kNs, workbook_pr, list)});
  parts.push_back({"xl/_rels/workbook.xml.rels",
                   fmt::format(R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">{}</Relationships>)", rels)});
  std::string sst;
  for (const auto& s : strings) sst += "<si><t>" + s + "</t></si>";
  parts.push_back({"xl/strings.xml", fmt::format("<sst {}>{}</sst>", kNs, sst)});
  return zipped(parts);
}

}  // namespace

TEST_CASE("A sheet's strings, numbers and gaps become a table located ROW:COL", "[xlsx]") {
  auto bytes = book({{"数据",
                      R"(<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>支付</t><r><t>笔数</t></r><rPh><t>ひ</t></rPh></is></c></row>)"
                      R"(<row r="4"><c r="A4"><v>46376.4201388889</v></c><c r="B4"><v>1.5E-3</v></c><c r="C4" t="str"><v>300</v></c></row>)"}},
                    {"时间"});
  auto t = read_xlsx_sheet(bytes, "b.xlsx");
  CHECK(t.header == std::vector<std::string>{"时间", "", "支付笔数"});
  CHECK(where(t.header_where[2]) == "b.xlsx:2:3");
  REQUIRE(t.records.size() == 1);
  CHECK(t.records[0].fields == std::vector<std::string>{"46376.4201388889", "0.0015", "300"});
  CHECK(t.records[0].numeric == std::vector<bool>{true, true, false});
  CHECK(where(t.records[0].where[1]) == "b.xlsx:4:2");
}

TEST_CASE("Dates stored as serial numbers and as text are read in the time column", "[xlsx][actuals]") {
  // 46376.4201388889 is 2026-12-20 10:05 in the 1900 date system; 0.4270833 is 10:15 alone.
  auto bytes = book({{"s", R"(<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row>)"
                           R"(<row><c><v>46376.4201388889</v></c><c><v>285</v></c></row>)"
                           R"(<row><c t="s"><v>2</v></c><c><v>435</v></c></row>)"}},
                    {"时间", "支付子订单数", "2026-12-20 10:15"});
  auto file = read_actuals(bytes, "d.xlsx");
  REQUIRE(file.rows.size() == 2);
  auto day = date::local_days{date::year{2026} / 12 / 20};
  CHECK(file.rows[0].at == day + std::chrono::hours(10) + std::chrono::minutes(5));
  CHECK(file.rows[0].metric == "支付笔数");
  CHECK(file.rows[1].at == day + std::chrono::hours(10) + std::chrono::minutes(15));
  auto times = read_actuals(book({{"s", R"(<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c><v>0.42708333333333331</v></c><c><v>1</v></c></row>)"}},
                                 {"时间", "支付笔数"}),
                            "t.xlsx");
  CHECK(times.time_only);
  CHECK(times.rows[0].at == date::local_seconds{std::chrono::hours(10) + std::chrono::minutes(15)});
  // The 1904 date system counts from 1904-01-01.
  auto in1904 = read_actuals(book({{"s", R"(<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c><v>44914.5</v></c><c><v>1</v></c></row>)"}},
                                  {"时间", "支付笔数"}, R"(<workbookPr date1904="1"/>)"),
                             "t.xlsx");
  CHECK(in1904.rows[0].at == day + std::chrono::hours(12));
  auto bad = error_of([] {
    read_actuals(book({{"s", R"(<row><c t="s"><v>0</v></c><c t="s"><v>1</v></c></row><row><c><v>-3</v></c><c><v>1</v></c></row>)"}}, {"时间", "支付笔数"}),
                 "t.xlsx");
  });
  CHECK(bad.code == "D443");
  CHECK(where(bad.where) == "t.xlsx:2:1");
}

TEST_CASE("Title rows above the header are skipped and a figure in an unnamed column is refused", "[xlsx][actuals]") {
  auto bytes = book({{"s", R"(<row r="1"><c t="s"><v>0</v></c></row><row r="3"><c t="s"><v>1</v></c><c t="s"><v>2</v></c></row>)"
                           R"(<row r="4"><c t="s"><v>3</v></c><c><v>285</v></c><c r="D4"><v>9</v></c></row>)"}},
                    {"生意参谋 实时", "时间", "支付笔数", "2026-12-20 10:05"});
  auto d = error_of([&] { read_actuals(bytes, "h.xlsx"); });
  CHECK(d.code == "D455");
  CHECK(where(d.where) == "h.xlsx:4:4");
}

TEST_CASE("The option --sheet picks a sheet by name with a suggestion when there is none", "[xlsx]") {
  auto bytes = book({{"概况", R"(<row><c t="s"><v>0</v></c></row>)"}, {"实时数据", R"(<row><c t="s"><v>1</v></c></row>)"}}, {"a", "b"});
  CHECK(read_xlsx_sheet(bytes, "s.xlsx").header == std::vector<std::string>{"a"});
  CHECK(read_xlsx_sheet(bytes, "s.xlsx", "实时数据").header == std::vector<std::string>{"b"});
  auto d = error_of([&] { read_xlsx_sheet(bytes, "s.xlsx", "实时数"); });
  CHECK(d.code == "D450");
  CHECK(d.hint == "did you mean --sheet 实时数据?");
}

TEST_CASE("Hostile workbooks are refused at their limits", "[xlsx]") {
  XlsxLimits small;
  small.max_rows = 3;
  small.max_cells = 5;
  small.max_part_bytes = 4096;
  auto rows = book({{"s", "<row><c><v>1</v></c></row><row><c><v>1</v></c></row><row><c><v>1</v></c></row><row><c><v>1</v></c></row>"}}, {});
  auto r = error_of([&] { read_xlsx_sheet(rows, "r.xlsx", {}, small); });
  CHECK(r.key == "D449.rows");
  CHECK(where(r.where) == "r.xlsx:4:1");  // the fourth row, past the limit of 3
  auto cells = book({{"s", R"(<row><c><v>1</v></c><c r="F1"><v>1</v></c></row>)"}}, {});
  auto d = error_of([&] { read_xlsx_sheet(cells, "c.xlsx", {}, small); });
  CHECK(d.code == "D449");
  CHECK(where(d.where) == "c.xlsx:1:6");
  auto big = book({{"s", std::string(8000, ' ')}}, {});
  CHECK(error_of([&] { read_xlsx_sheet(big, "b.xlsx", {}, small); }).code == "D449");
  // A DTD is refused before any entity is declared.
  auto dtd = zipped({{"xl/workbook.xml", R"(<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaa">]><workbook/>)"}});
  auto e = error_of([&] { read_xlsx_sheet(dtd, "e.xlsx"); });
  CHECK(e.key == "D451.dtd");
  auto broken = zipped({{"xl/workbook.xml", "<workbook><sheets>"}});
  CHECK(error_of([&] { read_xlsx_sheet(broken, "x.xlsx"); }).code == "D451");
  auto no_sheet = zipped({{"xl/workbook.xml", "<workbook/>"}});
  CHECK(error_of([&] { read_xlsx_sheet(no_sheet, "x.xlsx"); }).code == "D448");
  auto bad_string = book({{"s", R"(<row><c t="s"><v>7</v></c></row>)"}}, {"a"});
  auto s = error_of([&] { read_xlsx_sheet(bad_string, "x.xlsx"); });
  CHECK(s.key == "D452.string");
  CHECK(where(s.where) == "x.xlsx:1:1");
}

TEST_CASE("The example workbook and GBK CSV give the UTF-8 CSV's figures", "[xlsx][actuals]") {
  auto read = [](const char* name) {
    std::ifstream in(std::string(DACU_SOURCE_DIR) + "/examples/" + name, std::ios::binary);
    std::stringstream bytes;
    bytes << in.rdbuf();
    return read_actuals(bytes.str(), name);
  };
  auto csv = read("雪凡妮-实时数据.csv");
  auto xlsx = read("雪凡妮-实时数据.xlsx");
  auto gbk = read("雪凡妮-实时数据-gbk.csv");
  CHECK(gbk.time_only);
  date_actuals(gbk.rows, date::local_days{date::year{2026} / 12 / 20});
  auto key = [](std::vector<ActualRow> rows) {
    std::vector<std::tuple<date::local_seconds, std::string, std::string>> out;
    for (const auto& r : rows) out.emplace_back(r.at, r.metric, r.value.to_string());
    std::sort(out.begin(), out.end());
    return out;
  };
  CHECK(key(xlsx.rows) == key(csv.rows));
  CHECK(key(gbk.rows) == key(csv.rows));
}
