#include "dacu/base/utf8.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdlib>

namespace dacu::utf8 {

namespace {

// Decodes one code point at `i`; returns the number of bytes used, or 0 when invalid.
std::size_t decode_one(std::string_view text, std::size_t i, char32_t& out) {
  utf8proc_int32_t cp = 0;
  auto n = utf8proc_iterate(reinterpret_cast<const utf8proc_uint8_t*>(text.data() + i),
                            static_cast<utf8proc_ssize_t>(text.size() - i), &cp);
  if (n <= 0) return 0;
  out = static_cast<char32_t>(cp);
  return static_cast<std::size_t>(n);
}

}  // namespace

CodePoint code_point_at(std::string_view text, std::size_t offset) {
  char32_t cp = 0;
  auto n = decode_one(text, offset, cp);
  if (n == 0) return {U'\uFFFD', 1};
  return {cp, n};
}

std::string_view char_at(std::string_view text, std::size_t offset) {
  return text.substr(offset, code_point_at(text, offset).bytes);
}

bool is_letter(char32_t c) {
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return true;
    default:
      return false;
  }
}

std::size_t find_invalid(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size()) {
    if (static_cast<unsigned char>(text[i]) < 0x80) {
      ++i;
      continue;
    }
    char32_t cp = 0;
    auto n = decode_one(text, i, cp);
    if (n == 0) return i;
    i += n;
  }
  return std::string_view::npos;
}

std::string nfc(std::string_view text) {
  if (std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) return std::string(text);
  utf8proc_uint8_t* out = nullptr;
  auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(text.data()), static_cast<utf8proc_ssize_t>(text.size()), &out,
                        static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  if (n < 0) return std::string(text);  // not UTF-8: the readers say so where they check it
  std::string result(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return result;
}

std::u32string decode(std::string_view text) {
  std::u32string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    auto n = decode_one(text, i, cp);
    if (n == 0) {  // not expected for validated text; keep going byte by byte
      out.push_back(U'\uFFFD');
      ++i;
      continue;
    }
    out.push_back(cp);
    i += n;
  }
  return out;
}

std::string encode(char32_t code_point) {
  utf8proc_uint8_t buffer[4];
  auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(code_point), buffer);
  return std::string(reinterpret_cast<const char*>(buffer), static_cast<std::size_t>(n));
}

std::size_t count_chars(std::string_view text) {
  std::size_t count = 0;
  for (unsigned char c : text) {
    if ((c & 0xC0) != 0x80) ++count;
  }
  return count;
}


std::size_t byte_offset_of_char(std::string_view text, std::size_t index) {
  std::size_t i = 0;
  for (; i < text.size(); ++i) {
    if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
      if (index == 0) return i;
      --index;
    }
  }
  return text.size();
}


std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  std::size_t i = 0;
  while (i < text.size()) {
    char32_t cp = 0;
    auto n = decode_one(text, i, cp);
    if (n == 0) {
      ++width;
      ++i;
      continue;
    }
    int w = utf8proc_charwidth(static_cast<utf8proc_int32_t>(cp));
    if (w > 0) width += static_cast<std::size_t>(w);
    i += n;
  }
  return width;
}

std::string pad_right(std::string_view text, std::size_t width) {
  std::string out(text);
  auto w = display_width(text);
  if (w < width) out.append(width - w, ' ');
  return out;
}

std::string pad_left(std::string_view text, std::size_t width) {
  auto w = display_width(text);
  std::string out;
  if (w < width) out.append(width - w, ' ');
  out.append(text);
  return out;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (auto& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

}  // namespace dacu::utf8
