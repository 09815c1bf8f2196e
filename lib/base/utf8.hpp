#pragma once
/// UTF-8 helpers: validity, code points, display width (through utf8proc).

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace dacu::utf8 {

/// Byte offset of the first invalid sequence, or npos when `text` is valid UTF-8.
std::size_t find_invalid(std::string_view text);

/// The code points of valid UTF-8 text.
std::u32string decode(std::string_view text);
std::string encode(char32_t code_point);

/// Number of code points in the first `bytes` bytes of `text`.
std::size_t count_chars(std::string_view text);

/// Bytes of the character that starts at byte `at` (1 to 4), for stepping through text a
/// character at a time; 1 for a byte that starts no valid sequence, so the step always advances.
std::size_t char_length(std::string_view text, std::size_t at);

/// Columns the text takes in a terminal: CJK and full-width characters count 2.
std::size_t display_width(std::string_view text);

/// `text` padded with spaces on the right (or left) to `width` display columns.
std::string pad_right(std::string_view text, std::size_t width);
std::string pad_left(std::string_view text, std::size_t width);

}  // namespace dacu::utf8
