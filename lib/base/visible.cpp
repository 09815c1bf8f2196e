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

std::string visible_text(std::string_view text) {
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
      out += fmt::format("\\x{:02x}", byte);
    } else if (!is_hidden_control(cp.value)) {
      out.append(text.substr(i, cp.bytes));
    } else if (cp.value == U'\t') {
      out += "\\t";
    } else if (cp.value == U'\n') {
      out += "\\n";
    } else if (cp.value == U'\r') {
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

}  // namespace dacu
