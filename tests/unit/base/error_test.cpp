#include <catch2/catch.hpp>

#include "dacu/base/error.hpp"

using namespace dacu;

TEST_CASE("a diagnostic shows file, line, column, the line and a caret under the character", "[error]") {
  auto file = make_source("a.yaml", "name: x\nstart: 开团前二天半\n");
  Diagnostic d{Severity::error, "D100", Location{file, 2, 11}, "unknown offset phrase", "write 开团前2天"};
  CHECK(format_diagnostic(d) ==
        "dacu: error: a.yaml:2:11: unknown offset phrase [D100]\n"
        " 2 | start: 开团前二天半\n"
        "   |              ^\n"
        "hint: write 开团前2天\n");
}

TEST_CASE("yaml-cpp byte columns become character columns", "[error]") {
  auto file = make_source("a.yaml", "开团: 2026-02-30\n");
  auto where = location_from_bytes(file, 0, 8);  // after "开团: " (6 + 2 bytes)
  CHECK(where.line == 1);
  CHECK(where.column == 5);
}

TEST_CASE("a location moves forward over characters inside a scalar", "[error]") {
  auto file = make_source("a.yaml", "start: 开团前x天\n");
  Location at{file, 1, 8};
  std::string_view phrase = "开团前x天";
  CHECK(at.advanced(phrase, phrase.find('x')).column == 11);
}

TEST_CASE("suggestions name the closest candidate or list the choices", "[error]") {
  CHECK(suggestion("开闭", {"报名", "开团", "结束"}) == "did you mean 开团?");
  CHECK(suggestion("department", {"departments", "tasks"}) == "did you mean departments?");
  CHECK(suggestion("zzzzzz", {"a", "b"}) == "expected one of: a, b");
}
