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
  std::string_view kind = "full-width character";
  switch (c) {
    case kColon: kind = "full-width colon"; break;
    case kComma: kind = "full-width comma"; break;
    case kSemicolon: kind = "full-width semicolon"; break;
    case U'\uFF08': case U'\uFF09': kind = "full-width parenthesis"; break;
    case kOpenBracket: case kCloseBracket: kind = "full-width bracket"; break;
    case kOpenBrace: case kCloseBrace: kind = "full-width brace"; break;
    case kQuote: kind = "full-width quotation mark"; break;
    case U'\uFF0D': kind = "full-width hyphen"; break;
    case kSpace: kind = "ideographic space"; break;
    default: if (is_fullwidth_digit(c)) kind = "full-width digit";
  }
  return fmt::format("{} '{}' (U+{:04X})", kind, utf8::encode(c), static_cast<unsigned>(c));
}


}  // namespace detail

using namespace detail;

namespace {

char32_t at(std::string_view t, std::size_t i) { return i < t.size() ? utf8::code_point_at(t, i).value : 0; }
std::size_t width_at(std::string_view t, std::size_t i) { return utf8::code_point_at(t, i).bytes; }

}  // namespace

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
  std::string list;
  for (std::size_t k = 0; k < others.size(); ++k) {
    if (k) list += k + 1 == others.size() ? " and " : ", ";
    list += fmt::format("{} {}", others[k] == kSpace ? "an" : "a", name_of(others[k]));
  }
  throw InputError("D007", where.known() ? where.advanced(text, first) : where,
                   fmt::format("{}: '{}' is typed with {}", what, text, list),
                   fmt::format("write it in ASCII (half-width, 半角): {}", to_ascii(text)));
}

}  // namespace dacu::slips
