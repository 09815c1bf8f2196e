#include <catch2/catch.hpp>

#include "dacu/base/error.hpp"

#include <cerrno>
#include <cstring>

#include <string>
#include <vector>

#include "dacu/base/messages.hpp"
#include "dacu/base/utf8.hpp"

using namespace dacu;

TEST_CASE("a diagnostic shows file, line, column, the line and a caret under the character", "[error]") {
  auto file = make_source("a.yaml", "name: x\nstart: 开团前二天半\n");
  Diagnostic d{Severity::error, "D100", Location{file, 2, 11}, "unknown offset phrase", "write 开团前2天", {}, {}, {}, {}};
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

TEST_CASE("the location cursor agrees with counting from the line start, in any order", "[error]") {
  auto file = make_source("a.yaml", "days: [开团, 2026-01-01, 报名, x]\nnext: 开团\n");
  LocationCursor cursor(file);
  std::vector<std::pair<int, int>> marks = {{0, 0}, {0, 6}, {0, 7}, {0, 15}, {0, 27}, {0, 35}, {1, 6}, {0, 15}, {0, 7}, {1, 0}};
  for (auto [line, column] : marks) {
    auto fresh = location_from_bytes(file, line, column);
    CHECK(cursor.at(line, column) == fresh);
  }
  CHECK(cursor.at(0, 27) == Location{file, 1, 24});  // after "days: [开团, 2026-01-01, "
}

TEST_CASE("a long echoed line is cut around the caret with an ellipsis at each cut end", "[error]") {
  std::string line = "days: [";
  for (int i = 0; i < 100; ++i) line += "2026-01-01, ";
  line += "2026-13-01]";
  auto at = line.find("2026-13");
  auto shown = excerpt(line, at);
  std::string before = "…026-01-01, ";  // 118 columns: 107 before the caret, 11 from it to the end
  for (int i = 0; i < 8; ++i) before += "2026-01-01, ";
  CHECK(shown.text == before + "2026-13-01]");
  CHECK(shown.caret_indent.size() == shown.text.find("2026-13") - 2);  // `…` is 3 bytes, 1 column
  CHECK(utf8::display_width(shown.text) <= kExcerptColumns);

  auto early = excerpt(line, 10);  // near the start: nothing cut before, the rest after
  CHECK(early.text.substr(0, 20) == "days: [2026-01-01, 2");
  CHECK(early.text.ends_with("…"));
  CHECK(utf8::display_width(early.text) == kExcerptColumns - 1);
  CHECK(early.caret_indent == std::string(10, ' '));

  auto middle = excerpt(line, 600);
  CHECK(middle.text.starts_with("…"));
  CHECK(middle.text.ends_with("…"));
  CHECK(utf8::display_width(middle.text) == kExcerptColumns);
  CHECK(middle.caret_indent.size() == 1 + 59);  // the `…`, then half the columns
}

TEST_CASE("a cut line of wide characters keeps the caret under its character", "[error]") {
  std::string line;
  for (int i = 0; i < 200; ++i) line += "团";
  line += "X";
  for (int i = 0; i < 200; ++i) line += "团";
  auto shown = excerpt(line, 200);
  CHECK(utf8::display_width(shown.text) <= kExcerptColumns);
  auto x = shown.text.find('X');
  REQUIRE(x != std::string::npos);
  CHECK(shown.caret_indent.size() == utf8::display_width(shown.text.substr(0, x)));
}

TEST_CASE("control characters in an echoed line are shown and the caret moves with them", "[error]") {
  auto file = make_source("a.yaml", "name: \x1b[31m红\xe2\x80\xae字: x\n");
  // The caret under 字: "name: " 6, "\x1b" 4, "[31m" 4, 红 2, "U+202E" 6 columns before it.
  Diagnostic d{Severity::error, "D002", Location{file, 1, 14}, "unknown key '\x1b[31m红\xe2\x80\xae字'", "", {}, {}, {}, {}};
  CHECK(format_diagnostic(d) ==
        "dacu: error: a.yaml:1:14: unknown key '\\x1b[31m红U+202E字' [D002]\n"
        " 1 | name: \\x1b[31m红U+202E字: x\n"
        "   | " + std::string(22, ' ') + "^\n");
}

TEST_CASE("a line that fits is echoed whole, a caret past its end sits after it", "[error]") {
  auto file = make_source("a.yaml", "a: [1, 2\n");
  Diagnostic d{Severity::error, "D001", Location{file, 1, 9}, "not closed", "", {}, {}, {}, {}};
  CHECK(format_diagnostic(d) ==
        "dacu: error: a.yaml:1:9: not closed [D001]\n"
        " 1 | a: [1, 2\n"
        "   |         ^\n");
}

TEST_CASE("the system's reason reads in the message language, glibc's English otherwise", "[error]") {
  dacu::set_message_language(dacu::Language::zh);
  CHECK(dacu::system_error_text(ENOSPC) == "磁盘已满");
  CHECK(dacu::system_error_text(EACCES) == "没有权限");
  // Not in the catalogue: the C library's text, in any language.
  CHECK(dacu::system_error_text(ENOTSOCK) == std::strerror(ENOTSOCK));
  dacu::set_message_language(dacu::Language::en);
  for (int error : {ENOSPC, EDQUOT, EFBIG, EACCES, EPERM, ENOENT, ENOTDIR, EISDIR, EROFS, EEXIST, EMFILE, ENAMETOOLONG, EIO,
                    ELOOP, EXDEV, EBUSY, ENOMEM, EPIPE, EBADF, EINVAL, ENXIO, EAGAIN}) {
    CHECK(dacu::system_error_text(error) == std::strerror(error));
  }
}
