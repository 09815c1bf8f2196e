#pragma once
/// UTF-8 helpers: validity, code points, display width (through utf8proc).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dacu::utf8 {

/// Byte offset of the first invalid sequence, or npos when `text` is valid UTF-8.
std::size_t find_invalid(std::string_view text);

/// The code point that starts at byte `offset` and its length in bytes (at least 1, so a loop
/// always moves on; an invalid byte gives U+FFFD and 1).
struct CodePoint {
  char32_t value = 0;
  std::size_t bytes = 1;
};
CodePoint code_point_at(std::string_view text, std::size_t offset);
/// The bytes of the character at `offset`, for messages ("unexpected '，'").
std::string_view char_at(std::string_view text, std::size_t offset);
/// A letter of any script: Unicode categories Lu, Ll, Lt, Lm, Lo (CJK ideographs are Lo).
bool is_letter(char32_t c);

/// The code points of valid UTF-8 text.
std::u32string decode(std::string_view text);
std::string encode(char32_t code_point);

/// Number of code points in the first `bytes` bytes of `text`.
std::size_t count_chars(std::string_view text);

/// `text` in Unicode Normalization Form C, so that one name typed as `é` or as `e` + U+0301
/// (a Mac's file names, text pasted from some editors) is one name. ASCII comes back unchanged
/// without a copy through utf8proc; invalid UTF-8 is returned as it is.
std::string nfc(std::string_view text);


/// Byte offset of the code point at 0-based index `index` (text.size() when there are fewer).
std::size_t byte_offset_of_char(std::string_view text, std::size_t index);

/// Whether `visible` keeps a tab (an echoed source line, whose caret line repeats it) or shows it.
enum class Tab { keep, show };

/// `text` safe to show on a terminal, with every character that would act on it instead of being
/// seen shown by its number: C0 controls (a tab only with Tab::show), DEL and each byte of invalid
/// UTF-8 as `\x1b`, `\x7f`, `\xff`; C1 controls and the bidi overrides and isolates (U+202A–U+202E,
/// U+2066–U+2069, which reorder what follows them) as `U+0085`, `U+202E`. Everything else, and
/// any text without such characters, is returned unchanged. One loop with dacu::visible_text
/// (dacu/base/visible.hpp, for table cells and titles), which escapes a little more.
std::string visible(std::string_view text, Tab tab = Tab::keep);

/// Columns the text takes in a terminal: CJK and full-width characters count 2.
std::size_t display_width(std::string_view text);

/// `text` padded with spaces on the right (or left) to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

/// `text` with its ASCII letters in lower case (ZIPPO → zippo); other characters as they are.
std::string ascii_lower(std::string_view text);

}  // namespace dacu::utf8
