#include <fmt/format.h>

#include <algorithm>
#include <vector>

#include "dacu/base/numbers.hpp"
#include "dacu/base/utf8.hpp"
#include "dacu/input/slips.hpp"
#include "dacu/input/slips_detail.hpp"

// The slips in values (D007) and the names of full-width marks.

namespace dacu::slips {

namespace detail {

namespace {
bool is_fullwidth(char32_t c) { return (c >= 0xFF01 && c <= 0xFF5E) || c == kSpace; }
bool is_fullwidth_digit(char32_t c) { return c >= 0xFF10 && c <= 0xFF19; }

}  // namespace

std::string name_of(char32_t c) {
  std::string kind;
  switch (c) {
    case kColon: kind = message("slips.colon"); break;
    case kComma: kind = message("slips.comma"); break;
    case kSemicolon: kind = message("slips.semicolon"); break;
    case U'\uFF08': case U'\uFF09': kind = message("slips.parenthesis"); break;
    case kOpenBracket: case kCloseBracket: kind = message("slips.bracket"); break;
    case kOpenBrace: case kCloseBrace: kind = message("slips.brace"); break;
    case kQuote: kind = message("slips.quotation-mark"); break;
    case U'\uFF0D': kind = message("slips.hyphen"); break;
    case kSpace: kind = message("slips.ideographic-space"); break;
    default: kind = message(is_fullwidth_digit(c) ? "slips.digit" : "slips.character");
  }
  return message("slips.mark", {{"kind", kind}, {"character", utf8::encode(c)}, {"code", fmt::format("{:04X}", static_cast<unsigned>(c))}});
}


}  // namespace detail

using namespace detail;

namespace {

char32_t at(std::string_view t, std::size_t i) { return i < t.size() ? utf8::code_point_at(t, i).value : 0; }
std::size_t width_at(std::string_view t, std::size_t i) { return utf8::code_point_at(t, i).bytes; }

// Where the byte `offset` of a scalar's text is in the source: `where` is the text's start or, for
// a quoted scalar, its opening quote. For a quoted scalar on one line, the count goes through its
// escapes (`\x32`, `\u…`, `''`), each one character of the text and several of the line, and past
// the quote; otherwise it is the text's own.
Location located(std::string_view text, const Location& where, std::size_t offset) {
  auto counted = where.advanced(text, offset);
  if (!where.known() || !where.file || where.column < 2) return counted;
  const auto& source = *where.file;
  auto n = static_cast<std::size_t>(where.line - 1);
  if (n >= source.line_starts.size()) return counted;
  auto end = n + 1 < source.line_starts.size() ? source.line_starts[n + 1] : source.text.size();
  auto line = std::string_view(source.text).substr(source.line_starts[n], end - source.line_starts[n]);
  auto quote_at = [line](std::size_t q) { return q < line.size() && (line[q] == '"' || line[q] == '\''); };
  auto q0 = utf8::byte_offset_of_char(line, static_cast<std::size_t>(where.column - 2));
  auto start = where;  // the column of raw[0], the first character after the quote
  if (!quote_at(q0)) {
    q0 = utf8::byte_offset_of_char(line, static_cast<std::size_t>(where.column - 1));
    if (!quote_at(q0)) return counted;
    start.column += 1;
  }
  const char q = line[q0];
  const auto raw = line.substr(q0 + 1);
  std::size_t r = 0, u = 0;
  while (u < offset) {
    if (r >= raw.size() || raw[r] == '\n' || raw[r] == '\r') return counted;  // the scalar goes on over lines
    if (q == '\'' && raw[r] == '\'') {
      if (r + 1 >= raw.size() || raw[r + 1] != '\'') return counted;
      r += 2, u += 1;
    } else if (q == '"' && raw[r] == '"') {
      return counted;
    } else if (q == '"' && raw[r] == '\\') {
      if (r + 1 >= raw.size()) return counted;
      const char e = raw[r + 1];
      std::size_t digits = e == 'x' ? 2 : e == 'u' ? 4 : e == 'U' ? 8 : 0, bytes = 1;
      if (digits) {
        char32_t c = 0;
        for (std::size_t k = r + 2; k < r + 2 + digits && k < raw.size(); ++k) {
          auto h = raw[k];
          c = c * 16 + static_cast<char32_t>(h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        bytes = utf8::encode(c).size();
      } else if (e == '_' || e == 'N') {
        bytes = 2;
      } else if (e == 'L' || e == 'P') {
        bytes = 3;
      }
      r += 2 + digits, u += bytes;
    } else {
      auto w = width_at(raw, r);
      if (text.substr(u, w) != raw.substr(r, w)) return counted;  // not this scalar's text
      r += w, u += w;
    }
  }
  return u == offset ? start.advanced(raw, r) : counted;
}

}  // namespace

bool has_structure_mark(std::string_view text) {
  for (std::size_t i = 0; i < text.size(); i += width_at(text, i)) {
    switch (at(text, i)) {
      case kColon: case kComma: case kSemicolon: case kQuote:
      case kOpenBracket: case kCloseBracket: case kOpenBrace: case kCloseBrace:
        return true;
      default: break;
    }
  }
  return false;
}

std::string to_ascii(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    auto c = at(text, i);
    auto w = width_at(text, i);
    if (c == kSpace) out += ' ';
    else if (c == kComma) out += ", ";
    else if (c >= 0xFF01 && c <= 0xFF5E) out += static_cast<char>(c - 0xFEE0);
    else out.append(text.substr(i, w));
    i += w;
  }
  return out;
}

void check_value(std::string_view text, const Location& where, std::string_view what) {
  // Full-width digits and ． － ／ ： ， ＋ ％ are read as their ASCII forms (fold_fullwidth, the
  // value grammars' first step): a value holding only those failed for another reason, which its
  // reader names. What is still full-width after folding is what made the value unreadable.
  auto folded = fold_fullwidth(text);
  std::size_t first = npos;
  std::vector<char32_t> others;  // each full-width form once
  for (std::size_t i = 0; i < folded.text.size(); i += width_at(folded.text, i)) {
    auto c = at(folded.text, i);
    if (!is_fullwidth(c)) continue;
    if (first == npos) first = folded.original_offset(i);
    if (std::find(others.begin(), others.end(), c) == others.end()) others.push_back(c);
  }
  if (first == npos) return;
  // "a X, a Y and an Z", built from the last: the catalogue's texts cannot begin or end with a space.
  std::string list;
  for (std::size_t k = others.size(); k-- > 0;) {
    auto item = message(others[k] == kSpace ? "slips.an" : "slips.a", {{"mark", name_of(others[k])}});
    if (k + 1 == others.size()) list = std::move(item);
    else if (k + 2 == others.size()) list = message("slips.and", {{"first", item}, {"rest", list}});
    else list = message("slips.list", {{"first", item}, {"rest", list}});
  }
  throw input_error("D007", located(text, where, first), {{"what", what}, {"text", text}, {"marks", list}, {"fixed", to_ascii(text)}});
}

}  // namespace dacu::slips
