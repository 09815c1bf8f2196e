#pragma once
/// What the slip checks share (slips.cpp reads lines, slips_value.cpp values): the full-width marks,
/// their names, and the searches that keep a scan of one long line linear.

#include <algorithm>
#include <string>
#include <string_view>

namespace dacu::slips::detail {

constexpr auto npos = std::string_view::npos;
constexpr char32_t kColon = U'\uFF1A', kComma = U'\uFF0C', kSemicolon = U'\uFF1B', kQuote = U'\uFF02';
constexpr char32_t kOpenBracket = U'\uFF3B', kCloseBracket = U'\uFF3D', kOpenBrace = U'\uFF5B', kCloseBrace = U'\uFF5D';
constexpr char32_t kSpace = U'\u3000';


/// "full-width colon '：' (U+FF1A)"
std::string name_of(char32_t c);

// The first of a mark in a line at or after `from`, for a `from` that only grows: each byte of the
// line is searched once however many times it is asked, so a scan of one line stays linear.
struct NextMark {
  std::string_view text, mark;
  std::size_t found = 0;
  bool searched = false;
  std::size_t from(std::size_t i) {
    if (!searched || (found != npos && found < i)) found = text.find(mark, i), searched = true;
    return found;
  }
};

// Whether wrapped_slip(piece, false) finds a slip for the full-width mark `open` at t[i] inside a
// flow mapping: it closes before any comment, with items (a comma) or entries (a colon) inside.
struct WrappedMarks {
  explicit WrappedMarks(std::string_view t)
      : quote{t, "\uFF02"}, bracket{t, "\uFF3D"}, brace{t, "\uFF5D"}, comment{t, " #"}, comma{t, ","},
        wide_comma{t, "\uFF0C"}, colon{t, ":"}, wide_colon{t, "\uFF1A"} {}
  NextMark quote, bracket, brace, comment, comma, wide_comma, colon, wide_colon;
  bool wrapped(char32_t open, std::size_t i) {
    auto& closer = open == kQuote ? quote : open == kOpenBracket ? bracket : brace;
    auto close = closer.from(i + 3);
    if (close == npos || comment.from(i) < close) return false;
    if (open == kQuote) return true;
    if (open == kOpenBracket) return std::min(comma.from(i + 3), wide_comma.from(i + 3)) < close;
    return std::min(colon.from(i + 3), wide_colon.from(i + 3)) < close;
  }
};

}  // namespace dacu::slips::detail
