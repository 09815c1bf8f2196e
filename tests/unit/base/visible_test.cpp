// visible_text: what a name from a file may hold that would act on a terminal or reorder what a
// reader sees, written out as an escape; everything else kept byte for byte.

#include "dacu/base/visible.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace dacu;

TEST_CASE("visible_text keeps printable text, Chinese and emoji as they are", "[visible]") {
  CHECK(visible_text("") == "");
  CHECK(visible_text("开团前巡检 a-b=c|<d>") == "开团前巡检 a-b=c|<d>");
  CHECK(visible_text("Café ガイド") == "Café ガイド");
  // A zero-width joiner belongs to the emoji it joins, and U+00A0 is a space: neither is hidden.
  CHECK(visible_text("👩\u200D💻\u00A0x") == "👩\u200D💻\u00A0x");
  // A backslash is itself: only control characters are escaped.
  CHECK(visible_text("C:\\x1b") == "C:\\x1b");
}

TEST_CASE("visible_text shows terminal escapes instead of sending them", "[visible]") {
  // Colour (CSI), a window title (OSC … BEL) and an OSC 8 hyperlink (OSC … ST).
  CHECK(visible_text("\x1b[31mred\x1b[0m") == "\\x1b[31mred\\x1b[0m");
  CHECK(visible_text("\x1b]0;pwned\x07") == "\\x1b]0;pwned\\x07");
  CHECK(visible_text("\x1b]8;;http://evil\x1b\\点我\x1b]8;;\x1b\\") ==
        "\\x1b]8;;http://evil\\x1b\\点我\\x1b]8;;\\x1b\\");
  CHECK(visible_text(std::string("a\0b", 3)) == "a\\x00b");
  CHECK(visible_text("\x7f") == "\\x7f");
  CHECK(visible_text("\x01\x1f") == "\\x01\\x1f");
}

TEST_CASE("visible_text writes tab and line breaks as escapes so a table row stays one line", "[visible]") {
  CHECK(visible_text("a\tb\nc\r\nd") == "a\\tb\\nc\\r\\nd");
}

TEST_CASE("visible_text shows C1 controls and bidirectional controls as code points", "[visible]") {
  CHECK(visible_text("a\u009b31mb") == "aU+009B31mb");  // C1 CSI: some terminals take it as ESC [
  CHECK(visible_text("\u0085") == "U+0085");
  CHECK(visible_text("abc\u202Etxt.exe") == "abcU+202Etxt.exe");
  CHECK(visible_text("\u202A\u202B\u202C\u202D") == "U+202AU+202BU+202CU+202D");
  CHECK(visible_text("\u2066x\u2067y\u2068z\u2069") == "U+2066xU+2067yU+2068zU+2069");
  CHECK(visible_text("\u200E\u200F\u061C") == "U+200EU+200FU+061C");
  CHECK(visible_text("a\u2028b\u2029c") == "aU+2028bU+2029c");
}

TEST_CASE("visible_text shows bytes that are not UTF-8 as hex", "[visible]") {
  CHECK(visible_text("a\xff") == "a\\xff");
  CHECK(visible_text("\xe5\xbc") == "\\xe5\\xbc");  // a truncated 开
  CHECK(visible_text("\xef\xbf\xbd") == "\xef\xbf\xbd");  // U+FFFD written out is a character like any other
}

TEST_CASE("is_hidden_control names exactly the escaped code points", "[visible]") {
  for (char32_t c : {U'\0', U'\t', U'\n', U'\x1b', U'\x7f', U'\u0080', U'\u009f', U'\u202e', U'\u2066', U'\u2069'}) {
    CHECK(is_hidden_control(c));
  }
  for (char32_t c : {U' ', U'~', U'\u00a0', U'\u00e9', U'\u200d', U'\u202f', U'\u2065', U'\u206a', U'开'}) {
    CHECK_FALSE(is_hidden_control(c));
  }
}
