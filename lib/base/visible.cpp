#include "dacu/base/visible.hpp"

#include <fmt/format.h>

#include "dacu/base/utf8.hpp"

namespace dacu {

bool is_hidden_control(char32_t c) {
  if (c < 0x20 || c == 0x7F) return true;
  if (c >= 0x80 && c <= 0x9F) return true;
  switch (c) {
    case 0x061C:  // ARABIC LETTER MARK
    case 0x200E:  // LEFT-TO-RIGHT MARK
    case 0x200F:  // RIGHT-TO-LEFT MARK
    case 0x2028:  // LINE SEPARATOR
    case 0x2029:  // PARAGRAPH SEPARATOR
      return true;
    default:
      break;
  }
  return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

namespace {

// What one caller escapes. A cell or title is one line of a table, so tab and line breaks are
// shown by name and the invisible bidi marks too; an echoed source line keeps its tab (the caret
// line repeats it) and shows the rest by number, as the line's bytes are what the user must find.
struct Escapes {
  bool tab;           // a tab is escaped, not kept
  bool named_breaks;  // \t \n \r instead of \x09 \x0a \x0d
  bool marks;         // U+061C, U+200E/F, U+2028/9 too, not only the overrides and isolates
};

bool escaped(char32_t c, const Escapes& e) {
  if (c == U'\t') return e.tab;
  if (e.marks) return is_hidden_control(c);
  return c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0x9F) || (c >= 0x202A && c <= 0x202E) ||
         (c >= 0x2066 && c <= 0x2069);
}

std::string escape(std::string_view text, const Escapes& e) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    auto byte = static_cast<unsigned char>(text[i]);
    if (byte >= 0x20 && byte < 0x7F) {  // printable ASCII: the common case, one byte at a time
      out += text[i++];
      continue;
    }
    auto cp = utf8::code_point_at(text, i);
    bool invalid = cp.bytes == 1 && byte >= 0x80;  // code_point_at gives U+FFFD for one bad byte
    if (invalid) {
      // Shown as a byte: a lone 0x9B is CSI to a terminal in 8-bit mode.
      out += fmt::format("\\x{:02x}", byte);
    } else if (!escaped(cp.value, e)) {
      out.append(text.substr(i, cp.bytes));
    } else if (e.named_breaks && cp.value == U'\t') {
      out += "\\t";
    } else if (e.named_breaks && cp.value == U'\n') {
      out += "\\n";
    } else if (e.named_breaks && cp.value == U'\r') {
      out += "\\r";
    } else if (cp.value < 0x80) {
      out += fmt::format("\\x{:02x}", static_cast<unsigned>(cp.value));
    } else {
      out += fmt::format("U+{:04X}", static_cast<unsigned>(cp.value));
    }
    i += cp.bytes;
  }
  return out;
}

}  // namespace

std::string visible_text(std::string_view text) { return escape(text, {true, true, true}); }

std::string utf8::visible(std::string_view text, Tab tab) { return escape(text, {tab == Tab::show, false, false}); }

}  // namespace dacu
