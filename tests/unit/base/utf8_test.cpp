#include <catch2/catch.hpp>

#include "dacu/base/utf8.hpp"

using namespace dacu;

TEST_CASE("display width counts CJK as two columns", "[utf8]") {
  CHECK(utf8::display_width("abc") == 3);
  CHECK(utf8::display_width("开团") == 4);
  CHECK(utf8::display_width("开团 10:00") == 10);
  CHECK(utf8::pad_right("运营", 6) == "运营  ");
  CHECK(utf8::pad_left("7", 3) == "  7");
}

TEST_CASE("invalid UTF-8 is found at its byte offset", "[utf8]") {
  CHECK(utf8::find_invalid("报名前20天") == std::string_view::npos);
  CHECK(utf8::find_invalid("ab\xff") == 2);
  CHECK(utf8::find_invalid("\xe5\xbc") == 0);  // truncated sequence
}

TEST_CASE("code points are counted, not bytes", "[utf8]") {
  CHECK(utf8::count_chars("报名前20天") == 6);
  CHECK(utf8::decode("开a") == std::u32string{U'开', U'a'});
}

TEST_CASE("the character at an offset, its length and whether it is a letter", "[utf8]") {
  std::string_view text = "团购价，99";
  CHECK(utf8::code_point_at(text, 0).value == U'团');
  CHECK(utf8::code_point_at(text, 0).bytes == 3);
  CHECK(utf8::char_at(text, 9) == "，");
  CHECK(utf8::char_at(text, 12) == "9");
  CHECK(utf8::code_point_at("\xff", 0).value == U'\uFFFD');
  CHECK(utf8::code_point_at("\xff", 0).bytes == 1);
  CHECK(utf8::is_letter(U'件'));
  CHECK(utf8::is_letter(U'x'));
  CHECK_FALSE(utf8::is_letter(U'，'));
  CHECK_FALSE(utf8::is_letter(U'9'));
}

TEST_CASE("a character's length in bytes is read at its first byte", "[utf8]") {
  std::string_view text = "a开€𠀀";
  CHECK(utf8::code_point_at(text, 0).bytes == 1);
  CHECK(utf8::code_point_at(text, 1).bytes == 3);
  CHECK(utf8::code_point_at(text, 4).bytes == 3);
  CHECK(utf8::code_point_at(text, 7).bytes == 4);
  // What starts no valid character is one byte, so a loop still moves on.
  CHECK(utf8::code_point_at("\xff" "a", 0).bytes == 1);
  CHECK(utf8::code_point_at("\xe5\xbc", 0).bytes == 1);  // truncated
  CHECK(utf8::code_point_at("开", 1).bytes == 1);        // a continuation byte
}

TEST_CASE("nfc composes what was typed decomposed", "[utf8][nfc]") {
  CHECK(utf8::nfc("Cafe\u0301") == "Caf\u00e9");
  CHECK(utf8::nfc("Caf\u00e9") == "Caf\u00e9");
  CHECK(utf8::nfc("\u30ab\u3099\u30a4\u30c8\u3099") == "\u30ac\u30a4\u30c9");  // カ゛イト゛ → ガイド
  CHECK(utf8::nfc("\u1100\u1161") == "\uac00");  // Hangul jamo ᄀ + ᅡ → 가
  // Chinese has no decomposition; ASCII and invalid UTF-8 come back as they are.
  CHECK(utf8::nfc("开团前3天") == "开团前3天");
  CHECK(utf8::nfc("plain text") == "plain text");
  CHECK(utf8::nfc("a\xff") == "a\xff");
  CHECK(utf8::nfc("") == "");
}

TEST_CASE("control characters and bidi overrides are shown by their number", "[utf8]") {
  CHECK(utf8::visible("开团 10:00") == "开团 10:00");
  CHECK(utf8::visible("a\x1b[31mred") == "a\\x1b[31mred");
  CHECK(utf8::visible("a\tb") == "a\tb");
  CHECK(utf8::visible("a\tb", utf8::Tab::show) == "a\\x09b");
  CHECK(utf8::visible("line\nnext\r") == "line\\x0anext\\x0d");
  CHECK(utf8::visible(std::string_view("nul\0", 4)) == "nul\\x00");
  CHECK(utf8::visible("del\x7f") == "del\\x7f");
  CHECK(utf8::visible("c1\xc2\x85.") == "c1U+0085.");                    // NEXT LINE
  CHECK(utf8::visible("\xe2\x80\xae" "txt.exe") == "U+202Etxt.exe");     // RIGHT-TO-LEFT OVERRIDE
  CHECK(utf8::visible("\xe2\x81\xa6x\xe2\x81\xa9") == "U+2066xU+2069");  // isolates
  CHECK(utf8::visible("bad\xff\x9b") == "bad\\xff\\x9b");                 // invalid UTF-8, byte by byte
  CHECK(utf8::visible("\xe2\x80\x8f") == "\xe2\x80\x8f");                 // RLM is a mark, not an override
}

TEST_CASE("the byte offset of the n-th character", "[utf8]") {
  CHECK(utf8::byte_offset_of_char("开团a", 0) == 0);
  CHECK(utf8::byte_offset_of_char("开团a", 2) == 6);
  CHECK(utf8::byte_offset_of_char("开团a", 3) == 7);
  CHECK(utf8::byte_offset_of_char("开团a", 9) == 7);
}
